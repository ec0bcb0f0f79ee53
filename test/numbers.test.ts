import { describe, expect, it } from 'vitest';
import { chineseNumeral, type Figure, readFigures, sharingFigures } from '../engine/numbers';

/** kind, first value and text of each figure: what a reader would say the text states. */
const read = (text: string, lang = 'en') => readFigures(text, lang).map((f) => [f.kind, f.values[0], f.text]);
const only = (text: string, lang = 'en'): Figure => {
  const figures = readFigures(text, lang);
  expect(figures).toHaveLength(1);
  return figures[0] as Figure;
};

describe('scales and currencies', () => {
  it('reads "$920 million" as 9.2×10⁸ with its scale (the seed)', () => {
    const figure = only('Chipmaker raises $920 million for new AI accelerators');
    expect(figure).toMatchObject({ kind: 'amount', values: [920_000_000], text: '$920 million', scaled: true, words: false });
  });
  it('reads "9.2亿美元" as the same amount', () => {
    expect(only('芯片制造商为新型AI加速器融资9.2亿美元').values).toEqual([920_000_000]);
  });
  it('reads "110,000" and "11万" as one number', () => {
    expect(only('about 110,000 units').values[0]).toBe(110_000);
    expect(only('约11万台').values[0]).toBe(110_000);
  });
  it('reads a scale word glued to the number: "£11million"', () => {
    expect(read('Peter Jones \'furious\' after Holly Willoughby pulls out of £11million deal')).toEqual([['amount', 11_000_000, '£11million']]);
  });
  it('reads "1100 万英镑" with a space before the scale and the currency after it', () => {
    expect(read('退出价值1100 万英镑交易后')).toEqual([['amount', 11_000_000, '1100 万英镑']]);
  });
  it('reads "€3.1billion ($3.6bn)" and "31亿欧元（36亿美元）" as the same two amounts', () => {
    expect(read('€3.1billion ($3.6bn)')).toEqual([
      ['amount', 3.1e9, '€3.1billion'],
      ['amount', 3.6e9, '$3.6bn'],
    ]);
    expect(read('31亿欧元（36亿美元）', 'zh-Hans')).toEqual([
      ['amount', 3.1e9, '31亿欧元'],
      ['amount', 3.6e9, '36亿美元'],
    ]);
  });
  it('reads "5.69 million viewers" = "569 万"', () => {
    expect(only('an average of 5.69 million viewers').values[0]).toBe(5_690_000);
    expect(only('平均观众人数为 569 万').values[0]).toBe(5_690_000);
  });
  it('reads "more than 5.5 million" and "550多万" as approximate', () => {
    expect(only('more than 5.5 million people')).toMatchObject({ values: [5_500_000], approx: true });
    expect(only('550多万人')).toMatchObject({ values: [5_500_000], approx: true, text: '550多万' });
  });
  it('reads traditional "6 百萬"', () => {
    expect(only('約 6 百萬人')).toMatchObject({ values: [6_000_000], scaled: true });
  });
  it('reads "$5m" as millions but "100m" without a currency as a hundred (metres)', () => {
    expect(only('a $5m grant').values[0]).toBe(5_000_000);
    expect(only('the 100m final').values[0]).toBe(100);
  });
  it('reads "$350,000" = "35 万美元"', () => {
    expect(only('His bond has been set at $350,000').values[0]).toBe(350_000);
    expect(only('其保释金为 35 万美元。').values[0]).toBe(350_000);
  });
});

describe('percentages', () => {
  it('reads "3.5%", "40 per cent" and "40%"', () => {
    expect(read('3.5%')).toEqual([['percent', 3.5, '3.5%']]);
    expect(read('Jones has a 40 per cent stake')).toEqual([['percent', 40, '40 per cent']]);
    expect(read('琼斯拥有 40% 的股份')).toEqual([['percent', 40, '40%']]);
  });
  it('reads a percentage after a full-width comma: "此外，38% 的受訪者" (NTREX zh-TW)', () => {
    expect(read('此外，38% 的受訪者表示，但只有 30% 的受訪者對福特有相同意見。', 'zh-Hant')).toEqual([
      ['percent', 38, '38%'],
      ['percent', 30, '30%'],
    ]);
  });
  it('reads "百分之 17" in digits and a full-width "13％"', () => {
    expect(read('百分之 17 的雇主', 'zh-Hant')).toEqual([['percent', 17, '百分之 17']]);
    expect(read('据估计，13％的伦敦新建房')).toEqual([['percent', 13, '13％']]);
  });
  it('reads "百分之五十八" as 58 percent written in words', () => {
    expect(only('百分之五十八的人')).toMatchObject({ kind: 'percent', values: [58], words: true });
  });
  it('reads "Fifty-eight percent" as 58 percent written in words', () => {
    expect(only('Fifty-eight percent of voters')).toMatchObject({ kind: 'percent', values: [58], words: true });
  });
});

describe('Chinese numerals', () => {
  it('reads 二〇一九 digit by digit as a year, not as words', () => {
    expect(only('二〇一九年')).toMatchObject({ kind: 'year', values: [2019], words: false });
  });
  it('reads no number in a day of the week (禮拜六, 周六) or in a lone 一 ("a")', () => {
    expect(read('在禮拜六的四球局和四人賽後', 'zh-Hant').map((f) => f[1])).toEqual([4, 4]);
    expect(read('周六有一名男子被捕')).toEqual([]);
  });
  it('reads 十一万 as 110,000 written out', () => {
    expect(only('十一万')).toMatchObject({ values: [110_000], words: true });
  });
  it('values numerals with units and zeros', () => {
    expect(chineseNumeral('十一')).toBe(11);
    expect(chineseNumeral('两千零五')).toBe(2005);
    expect(chineseNumeral('一百二十五')).toBe(125);
    expect(chineseNumeral('三点五')).toBe(3.5);
    expect(chineseNumeral('十二亿')).toBe(1_200_000_000);
  });
  it('reads "six million" in English words as 6×10⁶', () => {
    expect(only('six million people')).toMatchObject({ values: [6_000_000], words: true, scaled: true });
  });
});

describe('years, ranges, decades and centuries', () => {
  it('reads "2014年" as the year 2014', () => {
    expect(read('2014年')).toEqual([['year', 2014, '2014']]);
  });
  it('reads the range "1950-53" as 1950 and 1953', () => {
    expect(read('the Korean war of 1950-53')).toEqual([
      ['year', 1950, '1950'],
      ['year', 1953, '53'],
    ]);
  });
  it('reads "1950 至 53 年" as the same range', () => {
    expect(read('1950 至 53 年的朝鲜战争').map((f) => f[1])).toEqual([1950, 1953]);
  });
  it('reads "in the 1930s" = "在 20 世纪 30 年代" as the decade 1930', () => {
    expect(read('The original white Methodist congregation moved out in the 1930s.')).toEqual([['decade', 1930, '1930s']]);
    expect(read('原先的白人循道宗会众在 20 世纪 30 年代由此撤出。')).toEqual([['decade', 1930, '20 世纪 30 年代']]);
  });
  it('reads "19th century" = "19 世纪"', () => {
    expect(read('evidence of 19th century opinion')).toEqual([['century', 19, '19th century']]);
    expect(read('19 世纪后叶')).toEqual([['century', 19, '19 世纪']]);
  });
  it('reads nothing in "SS19" (a season code glued to letters)', () => {
    expect(read('the SS19 collection')).toEqual([]);
  });
});

describe('dates and times', () => {
  it('reads "29 March" = "3月29日" = "March 29" as one date', () => {
    expect(read('on 29 March')).toEqual([['date', 329, '29 March']]);
    expect(read('3月29日')).toEqual([['date', 329, '3月29日']]);
    expect(read('on March 29, 2019')).toEqual([
      ['date', 329, 'March 29'],
      ['year', 2019, '2019'],
    ]);
  });
  it('reads a spare number after a date on its own ("BBC Radio 4")', () => {
    expect(read('on 29 March on BBC Radio 4')).toEqual([
      ['date', 329, '29 March'],
      ['amount', 4, '4'],
    ]);
  });
  it('reads dates in German, French and Spanish', () => {
    expect(read('am 29. März 2019', 'de')[0]).toEqual(['date', 329, '29. März']);
    expect(read('le 1er mars', 'fr')[0]).toEqual(['date', 301, '1er mars']);
    expect(read('el 29 de marzo', 'es')[0]).toEqual(['date', 329, '29 de marzo']);
  });
  it('reads "4.40 am" = "4:40" and "7.55am" = "7:55"', () => {
    expect(read('at 4.40 am')).toEqual([['time', 280, '4.40 am']]);
    expect(read('凌晨4:40')).toEqual([['time', 280, '4:40']]);
    expect(read('The 44-year-old was found at 7.55am')).toEqual([
      ['amount', 44, '44'],
      ['time', 475, '7.55am'],
    ]);
  });
  it('reads "2pm" and "下午2点" as 14:00', () => {
    expect(read('At 2pm two police vans')[0]).toEqual(['time', 840, '2pm']);
    expect(read('下午2点')[0]).toEqual(['time', 840, '2点']);
  });
  it('reads "3 月" as a month, answering "March"', () => {
    expect(read('同年 3 月')).toEqual([['month', 3, '3 月']]);
    expect(readFigures('joined as chairman in March')[0]).toMatchObject({ kind: 'month', values: [3], words: true });
  });
});

describe('units', () => {
  it('names a unit by one name in every spelling: "6-foot" and "6 英尺" are feet, "6 英寸" inches, "130 哩" miles', () => {
    expect(readFigures('The 6-foot-6 forward').map((f) => f.unit)).toEqual(['ft', null]);
    expect(readFigures('這名身高 6 英尺 6 英寸的前鋒', 'zh-Hant').map((f) => f.unit)).toEqual(['ft', 'in']);
    expect(readFigures('海岸線延伸約 130 哩', 'zh-Hant').map((f) => f.unit)).toEqual(['mi']);
    expect(readFigures('approximately 130 miles of coastline').map((f) => f.unit)).toEqual(['mi']);
  });
});

describe('Arabic digits in languages with a decimal comma', () => {
  it('reads a decimal comma in German: "3,5 Millionen Euro"', () => {
    expect(only('3,5 Millionen Euro', 'de').values).toEqual([3_500_000]);
  });
  it('reads dots as thousands in German: "1.000 Menschen", and "1.000.000"', () => {
    expect(only('1.000 Menschen', 'de').values).toEqual([1000]);
    expect(only('1.000.000 Euro', 'de').values).toEqual([1_000_000]);
  });
  it('reads spaces and no-break spaces as thousands in French', () => {
    expect(only('20 000 personnes', 'fr').values).toEqual([20_000]);
    expect(only('20\u00a0000 personnes', 'fr').values).toEqual([20_000]);
    expect(only('20\u202f000 personnes', 'fr').values).toEqual([20_000]);
  });
  it('keeps both readings where the separator leaves it open ("3,125" in German)', () => {
    expect(only('3,125 Punkte', 'de').values).toEqual([3.125, 3125]);
  });
  it('reads "1,000" in English as a thousand only', () => {
    expect(only('More than 1,000 people were killed').values).toEqual([1000]);
  });
  it('reads Spanish "mil millones" as a billion', () => {
    expect(only('3,6 mil millones de dólares', 'es').values).toEqual([3.6e9]);
  });
});

describe('figures shared within one analysis', () => {
  it('reads a text once while the work runs, and keeps nothing after it', () => {
    const text = 'The plant will cost $2.5 billion and employ 1,200 people by 2027.';
    const [first, again, otherLanguage] = sharingFigures(() => [readFigures(text, 'en'), readFigures(text, 'en'), readFigures(text, 'de')]);
    expect(again).toBe(first);
    // A decimal comma language reads the same digits otherwise: its own entry.
    expect(otherLanguage).not.toBe(first);
    expect(first?.map((figure) => figure.values[0])).toEqual([2.5e9, 1200, 2027]);
    expect(readFigures(text, 'en')).not.toBe(first);
    expect(readFigures(text, 'en')).toEqual(first);
  });
});

describe('dates written in digits, year first', () => {
  it('reads a year and a day, never a range of years or an amount', () => {
    // The changelog of test/fixtures/real-imgsize-readme-txt-en-de, English and German.
    expect(read('2005-07-03 v1.12 Bpp column added')).toEqual([
      ['year', 2005, '2005'],
      ['date', 703, '-07-03'],
    ]);
    expect(read('2005.07.03 v1,12 Kolumne Bpp hinzugefügt', 'de')).toEqual([
      ['year', 2005, '2005'],
      ['date', 703, '.07.03'],
    ]);
    expect(read('2013/05/14 build')).toEqual([
      ['year', 2013, '2013'],
      ['date', 514, '/05/14'],
    ]);
  });

  it('leaves a range of years and a decimal alone', () => {
    expect(read('from 2005-07')).not.toContainEqual(expect.arrayContaining(['date']));
    expect(read('2005.13.40 units')).not.toContainEqual(expect.arrayContaining(['date']));
  });
});
