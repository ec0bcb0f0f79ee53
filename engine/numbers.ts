import { LATIN_LETTER_CLASS as LATIN } from './writing-systems';

/**
 * The figures a text states, read the way a reader reads them: "$920 million" is 9.2×10⁸ dollars,
 * "9.2亿美元" the same, "110,000" = "11万", "3.5%", "2014年" = 2014, "二〇一九" = 2019, "十一万",
 * "6 百萬", "29 March" = "3月29日", "4.40 am" = "4:40", "1950-53" = 1950 and 1953. Arabic digits in
 * languages that write a decimal comma ("3,5", "1.000", "20 000") are read with the page's language
 * deciding which separator is which, and both readings kept where a figure alone cannot tell.
 *
 * One reader for the engine: the translation check compares what two sides state, and alignment
 * (engine/alignment.ts) takes its number anchors from it.
 */

export type FigureKind =
  | 'amount'
  | 'percent'
  | 'year'
  | 'date'
  | 'month'
  | 'time'
  | 'decade'
  | 'century'
  | 'ordinal';

export interface Figure {
  kind: FigureKind;
  /**
   * The value, normalised: amounts with their scale applied (9.2亿 → 920000000), percentages as
   * written (3.5), dates as month × 100 + day (329), times in minutes after midnight, decades by
   * their first year (1930), centuries by number (19). More than one where the separators leave
   * the reading open ("3,125" in German: 3.125 or 3125), the language's usual reading first.
   */
  values: number[];
  /** The figure as written, with its currency, scale word, unit or percent sign. */
  text: string;
  start: number;
  end: number;
  /** Written with a scale word (million, 万, Mrd.): a translator may round it. */
  scaled: boolean;
  /** Marked as approximate ("more than", "about", 多, 约). */
  approx: boolean;
  /** Written out in words ("six", "Fifty-eight", 十一万): such a figure is read, never evidence of a change. */
  words: boolean;
  /** A unit of measure written after it, by one name for all its spellings (miles → mi, 公里 → km); null for none. */
  unit: string | null;
}

/** Languages that write a decimal comma and group thousands with dots or spaces. */
const DECIMAL_COMMA = new Set([
  'de', 'fr', 'es', 'it', 'pt', 'nl', 'ru', 'tr', 'vi', 'pl', 'cs', 'sv', 'da', 'nb', 'no', 'fi', 'ro', 'hu', 'id', 'uk', 'el', 'ca',
]);

const SCALES: Record<string, number> = {
  thousand: 1e3,
  thousands: 1e3,
  million: 1e6,
  millions: 1e6,
  mn: 1e6,
  mln: 1e6,
  billion: 1e9,
  billions: 1e9,
  bn: 1e9,
  trillion: 1e12,
  trillions: 1e12,
  tn: 1e12,
  tausend: 1e3,
  mio: 1e6,
  millionen: 1e6,
  mrd: 1e9,
  milliarde: 1e9,
  milliarden: 1e9,
  billionen: 1e12,
  mille: 1e3,
  milliard: 1e9,
  milliards: 1e9,
  md: 1e9,
  mil: 1e3,
  millón: 1e6,
  millones: 1e6,
  'mil millones': 1e9,
  billón: 1e12,
  billones: 1e12,
  千: 1e3,
  万: 1e4,
  萬: 1e4,
  十万: 1e5,
  十萬: 1e5,
  百万: 1e6,
  百萬: 1e6,
  千万: 1e7,
  千萬: 1e7,
  亿: 1e8,
  億: 1e8,
  万亿: 1e12,
  萬億: 1e12,
  兆: 1e12,
};

/** Scale words written right after a number, longest first (so "mil millones" wins over "mil"). */
const SCALE_WORD =
  `(?:mil millones|thousands?|millions?|billions?|trillions?|tausend|millionen|milliarden?|billionen|milliards?|millones|millón|billones|billón|mille|mn|mln|bn|tn|mio\\.?|mrd\\.?|md)(?![${LATIN}\\d])|万亿|萬億|十万|十萬|百万|百萬|千万|千萬|[千万萬亿億兆]`;

/** "m" and "k" are scales after a currency ($5m, £20k); elsewhere "m" is a metre. */
const SHORT_SCALE = `(?:m|k)(?![${LATIN}\\d])`;

const CURRENCY_BEFORE = '(?:US\\$|A\\$|C\\$|HK\\$|NZ\\$|S\\$|R\\$|RMB|USD|EUR|GBP|CNY|JPY|[$€£¥₹₩])';
const CURRENCY_AFTER =
  '(?:美元|欧元|歐元|英镑|英鎊|日元|港元|港币|人民币|人民幣|卢布|盧布|韩元|韓元|元|US-Dollar|dollars?|euros?|pounds?|sterling|yuan|rupees?|Dollar|Euro|Pfund|dólares|libras|livres|€|\\$)';

const PERCENT = '(?:%|percentage points?|percent|per cent|pct|prozentpunkte|prozent|pour cent|por ciento|per cento|por cento|個百分點|个百分点)';

/** Units of measure, each spelling with the one name the check compares (公里 = km). */
const UNIT_NAMES: Record<string, string> = {};
for (const [unit, spellings] of [
  ['km', 'km kilometre kilometres kilometer kilometers kilometern 公里 千米'],
  ['mi', 'mile miles 英里 英哩 哩'],
  ['m', 'm metre metres meter meters metern 米 公尺'],
  ['cm', 'cm 厘米 公分'],
  ['ft', 'ft foot feet 英尺 呎'],
  ['in', 'inch inches 英寸 吋'],
  ['yd', 'yard yards 码'],
  ['kg', 'kg kilogram kilograms kilo kilos 公斤 千克'],
  ['lb', 'lb lbs 磅'],
  ['t', 'tonne tonnes ton tons tonnen 吨 噸'],
  ['°c', '°c 摄氏度 攝氏'],
  ['°f', '°f 华氏度 華氏'],
  ['deg', 'degrees grad 度'],
  ['acre', 'acre acres 英亩 英畝'],
  ['ha', 'hectare hectares 公顷 公頃'],
  ['l', 'litre litres liter liters 升 公升'],
  ['gal', 'gallon gallons 加仑'],
  ['mph', 'mph'],
  ['km/h', 'km/h'],
] as const) {
  for (const spelling of spellings.split(' ')) UNIT_NAMES[spelling] = unit;
}
const UNITS = `(?:${Object.keys(UNIT_NAMES)
  .sort((x, y) => y.length - x.length)
  .map((u) => u.replace('/', '\\/'))
  .join('|')})`;

const MONTHS: Record<string, number> = {};
for (const [names, month] of [
  ['january jan janvier janv januar enero gennaio janeiro', 1],
  ['february feb février févr februar febrero febbraio fevereiro', 2],
  ['march mar mars märz marzo março', 3],
  ['april apr avril abril aprile', 4],
  ['may mai mayo maggio maio', 5],
  ['june jun juin juni junio giugno junho', 6],
  ['july jul juillet juli julio luglio julho', 7],
  ['august aug août agosto', 8],
  ['september sep sept septembre septiembre settembre setembro', 9],
  ['october oct octobre oktober octubre ottobre outubro', 10],
  ['november nov novembre noviembre novembro', 11],
  ['december dec décembre dezember diciembre dicembre dezembro', 12],
] as const) {
  for (const name of names.split(' ')) MONTHS[name] = month;
}
const MONTH_WORD = `(?:${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\.?`;

const APPROX_BEFORE =
  /(?:more than|over|about|around|nearly|almost|approximately|roughly|some|up to|at least|fewer than|less than|under|mehr als|rund|etwa|fast|knapp|über|plus de|environ|près de|presque|más de|cerca de|alrededor de|casi|超过|超過|逾|约|約|近|大约|大約|将近|將近|至少|多达|多達)\s*$/i;

// One expression for a figure in Arabic digits and what is written around it.
const DIGITS = "\\d{1,3}(?:(?<sep>[,.\\u00a0\\u202f ’'])\\d{3})(?:\\k<sep>\\d{3})*(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?";
const FIGURE = new RegExp(
  `(?<![${LATIN}\\d]|\\d[.,])(?<currency>${CURRENCY_BEFORE}\\s?)?(?<digits>${DIGITS})` +
    `(?:(?<ordinal>st|nd|rd|th|er|e|ème|º|ª)(?![${LATIN}\\d])|(?<decade>'?s)(?![${LATIN}\\d]))?` +
    `(?:\\s?(?<more>[多余餘]))?` +
    `(?:\\s?(?<scale>${SCALE_WORD})|(?<short>${SHORT_SCALE}))?` +
    `(?:\\s?(?<percent>${PERCENT}))?` +
    `(?:\\s?(?<currencyAfter>${CURRENCY_AFTER}))?` +
    `(?:[\\s-]?(?<unit>${UNITS})(?![${LATIN}]))?`,
  'gi',
);

/** "百分之 40": a percentage in digits after the Chinese word for it. */
const PERCENT_CJK = /百分之\s?(\d+(?:\.\d+)?)(?![\d.])/gu;

/** Clock times: 4:40, 19:30, 4.40 am, 2pm, 19h30, 19.30 Uhr, 下午4点. */
const TIME = new RegExp(
  String.raw`(?<![${LATIN}\d:]|\d[.,])(上午|下午|晚上|凌晨|早上)?\s?(\d{1,2})(?:([:.h])(\d{2}))?\s?(a\.?m\.?|p\.?m\.?|uhr|h(?![${LATIN}\d])|点|點|时|時)?(?![${LATIN}\d])`,
  'gi',
);

/** A day and a month: 29 March, March 29th, 29. März, 29 de marzo, 1er mars, 3月29日. */
const DATE_DAY_MONTH = new RegExp(
  `(?<![${LATIN}\\d]|\\d[.,])(\\d{1,2})(?:st|nd|rd|th|er|\\.)?\\s?(?:of\\s|de\\s)?(${MONTH_WORD})(?![${LATIN}])`,
  'gi',
);
const DATE_MONTH_DAY = new RegExp(`(?<![${LATIN}])(${MONTH_WORD})\\s(\\d{1,2})(?:st|nd|rd|th)?(?![${LATIN}\\d])(?!,?\\d)`, 'gi');
const DATE_CJK = /(?<!\d)(\d{1,2})\s?月\s?(\d{1,2})\s?[日号號](?!\d)/gu;
/** A date written in digits, year first: 2005-07-03, 2005.07.03 (German changelogs), 2005/07/03. */
const DATE_NUMERIC = /(?<![\d.,/-])(1[5-9]\d\d|20\d\d)([-./])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?![\d]|[.,/-]\d)/g;
const MONTH_CJK = /(?<![\d.])(\d{1,2})\s?月(?![\d份]*\s?\d)/gu;
const MONTH_NAME = new RegExp(`(?<![${LATIN}])(${MONTH_WORD})(?![${LATIN}])`, 'gi');

/** Centuries and decades: 19th century, 19 世纪, 19. Jahrhundert, 20世纪30年代, 1980年代, 上世纪80年代. */
const CENTURY = new RegExp(
  String.raw`(?<![${LATIN}\d])(\d{1,2})(?:st|nd|rd|th|\.|e|ème)?\s?(?:-|\s)?(?:century|centuries|世纪|世紀|jahrhunderts?|siècle)`,
  'gi',
);
const DECADE_CJK = /(?:(上)?\s?(\d{1,2})?\s?(?:世纪|世紀))?\s?(\d{2,4})\s?年代/gu;
/** The words CENTURY needs, tested before it scans. */
const CENTURY_WORD = /centur|世纪|世紀|jahrhundert|siècle/i;

const CHINESE_DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CHINESE_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
/** Days of the week (星期六, 礼拜六, 周六) are names, not numbers; a lone 一 is mostly "a" (一家, 一名). */
const CHINESE_NOT_NUMERAL = /(?:星期|禮拜|礼拜|周|週)[一二三四五六日天]|(?<![〇零一二两兩三四五六七八九十百千万萬亿億])一(?![〇零一二两兩三四五六七八九十百千万萬亿億点點])/gu;
/** A character every match of CHINESE_NOT_NUMERAL and CHINESE_NUMERAL holds. */
const CHINESE_NUMERAL_CHAR = /[〇零一二两兩三四五六七八九十百千万萬亿億周週星禮礼]/;
const CHINESE_NUMERAL = /(百分之)?([〇零一二两兩三四五六七八九十百千万萬亿億]+(?:[点點][〇零一二三四五六七八九]+)?)(多|余|餘)?([万萬亿億])?/gu;

const ENGLISH_UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, dozen: 12, decade: 10, decades: 10,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, twentieth: 20,
};
/** Words that multiply the number before them ("two decades" = 20 years); alone they stand for one of them ("a decade"). */
const ENGLISH_MULTIPLIED = new Set(['dozen', 'decade', 'decades']);
const ENGLISH_NUMBER = new RegExp(
  `(?<![${LATIN}])((?:${Object.keys(ENGLISH_UNITS).join('|')})(?:[- ](?:${Object.keys(ENGLISH_UNITS).join('|')}))?)(?:\\s(hundred|thousand|million|billion|trillion))?(?:\\s(${PERCENT}))?(?![${LATIN}])`,
  'gi',
);

/**
 * Full-width digits, letters, ％ and ： as ASCII, one code unit for one, so offsets stay. The
 * full-width comma and stop stay: they end a clause, never group digits.
 */
function foldWidth(text: string): string {
  return text.replace(/[\uff05\uff10-\uff1a\uff21-\uff3a\uff41-\uff5a]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Readings of a digit string: which separator groups thousands and which marks decimals. */
function readDigits(digits: string, sep: string | undefined, decimalComma: boolean): number[] {
  const plain = (s: string) => Number.parseFloat(s);
  if (sep === undefined) {
    // 3,5 / 3.5: one mark, not a group of three: a decimal mark either way.
    return [plain(digits.replace(',', '.'))];
  }
  const marks = [...digits.matchAll(/[^\d]/g)].map((m) => m[0]);
  const last = marks[marks.length - 1];
  const groups = marks.filter((m) => m === sep).length;
  const decimal = last !== sep ? last : undefined;
  if (decimal !== undefined) {
    const [whole, fraction] = [digits.slice(0, digits.lastIndexOf(decimal)), digits.slice(digits.lastIndexOf(decimal) + 1)];
    return [plain(`${whole.replace(/[^\d]/g, '')}.${fraction}`)];
  }
  const grouped = plain(digits.replace(/[^\d]/g, ''));
  // "1.000" in English or "1,000" in German: a group of three after one mark, read either way
  // (the language's usual reading first); "1,000" in English and "1.000" in German are thousands.
  if (groups === 1 && sep === (decimalComma ? ',' : '.')) return [plain(digits.replace(sep, '.')), grouped];
  return [grouped];
}

function round(value: number): number {
  return Number(value.toPrecision(12));
}

interface Span {
  start: number;
  end: number;
}

const overlaps = (taken: readonly Span[], start: number, end: number) => taken.some((s) => start < s.end && end > s.start);

function approxBefore(text: string, start: number): boolean {
  return APPROX_BEFORE.test(text.slice(Math.max(0, start - 24), start));
}

/** Value of a Chinese numeral: 十一 = 11, 两千零五 = 2005, 十一万 = 110000, 二〇一九 = 2019 (digit by digit). */
export function chineseNumeral(numeral: string): number | null {
  const [whole = '', fraction] = numeral.split(/[点點]/);
  if (whole === '') return null;
  let value: number;
  if ([...whole].every((c) => c in CHINESE_DIGITS)) {
    value = Number([...whole].map((c) => CHINESE_DIGITS[c]).join(''));
  } else {
    let total = 0;
    let section = 0;
    let digit: number | null = null;
    for (const c of whole) {
      if (c in CHINESE_DIGITS) {
        digit = (CHINESE_DIGITS[c] as number) + (digit ?? 0) * 10;
      } else if (c in CHINESE_UNITS) {
        section += (digit ?? 1) * (CHINESE_UNITS[c] as number);
        digit = null;
      } else if (c === '万' || c === '萬') {
        total += (section + (digit ?? 0) || 1) * 1e4;
        section = 0;
        digit = null;
      } else if (c === '亿' || c === '億') {
        total = (total + section + (digit ?? 0) || 1) * 1e8;
        section = 0;
        digit = null;
      } else return null;
    }
    value = total + section + (digit ?? 0);
  }
  if (fraction) value += Number(`0.${[...fraction].map((c) => CHINESE_DIGITS[c] ?? 0).join('')}`);
  return value;
}

/** The figures read during `sharingFigures`, by language and text; null outside it. */
let shared: Map<string, readonly Figure[]> | null = null;

/**
 * Runs `work` reading each text's figures once: an analysis reads a paragraph's figures to align
 * it, then again to check its translation. The memo lives as long as `work` runs, so a long-lived
 * background keeps nothing of the pages it analysed.
 */
export function sharingFigures<T>(work: () => T): T {
  if (shared !== null) return work();
  shared = new Map();
  try {
    return work();
  } finally {
    shared = null;
  }
}

/**
 * Every figure of `text`, in order of position. `lang` (a BCP 47 tag) tells how to read the
 * separators of Arabic digits; a Chinese numeral or an English number word is read in any text.
 */
export function readFigures(text: string, lang = 'en'): readonly Figure[] {
  if (shared === null) return figuresOf(text, lang);
  const key = `${lang} ${text}`;
  let figures = shared.get(key);
  if (figures === undefined) {
    figures = figuresOf(text, lang);
    shared.set(key, figures);
  }
  return figures;
}

function figuresOf(text: string, lang: string): readonly Figure[] {
  const folded = foldWidth(text);
  const decimalComma = DECIMAL_COMMA.has(lang.toLowerCase().split('-')[0] ?? '');
  const figures: Figure[] = [];
  const taken: Span[] = [];
  const add = (figure: Omit<Figure, 'text' | 'approx'> & { approx?: boolean }) => {
    if (overlaps(taken, figure.start, figure.end)) return;
    taken.push({ start: figure.start, end: figure.end });
    figures.push({
      ...figure,
      values: figure.values.map(round),
      text: text.slice(figure.start, figure.end).trim(),
      approx: figure.approx ?? approxBefore(folded, figure.start),
    });
  };

  // Every expression up to FIGURE needs a digit, the month names and number words a Latin letter,
  // the Chinese numerals one of their characters: a text without one skips those scans.
  const hasDigit = /\d/.test(folded);
  const hasLatin = /[a-z]/i.test(folded);
  const hasNumeral = CHINESE_NUMERAL_CHAR.test(folded);
  // Each expression below also needs a word of its own: a month name (Latin letters), 月, 年代,
  // 百分之 or a century's word. Most texts hold few of them, and skip those scans.
  const latinDates = hasDigit && hasLatin;
  const cjkMonths = hasDigit && folded.includes('月');
  // Dates, times, centuries and decades first: their digits are not amounts. A date in digits is
  // its year and its day (never a range of years, nor an amount with a thousands separator).
  for (const m of hasDigit ? folded.matchAll(DATE_NUMERIC) : []) {
    const yearEnd = m.index + (m[1] ?? '').length;
    add({ kind: 'year', values: [Number(m[1])], start: m.index, end: yearEnd, scaled: false, words: false, unit: null });
    add({ kind: 'date', values: [Number(m[3]) * 100 + Number(m[4])], start: yearEnd, end: m.index + m[0].length, scaled: false, words: false, unit: null });
  }
  for (const m of cjkMonths ? folded.matchAll(DATE_CJK) : []) {
    add({ kind: 'date', values: [Number(m[1]) * 100 + Number(m[2])], start: m.index, end: m.index + m[0].length, scaled: false, words: false, unit: null });
  }
  for (const m of latinDates ? folded.matchAll(DATE_DAY_MONTH) : []) {
    const month = MONTHS[(m[2] ?? '').toLowerCase().replace(/\.$/, '')];
    const day = Number(m[1]);
    if (month === undefined || day < 1 || day > 31) continue;
    add({ kind: 'date', values: [month * 100 + day], start: m.index, end: m.index + m[0].length, scaled: false, words: false, unit: null });
  }
  for (const m of latinDates ? folded.matchAll(DATE_MONTH_DAY) : []) {
    const name = m[1] ?? '';
    const month = MONTHS[name.toLowerCase().replace(/\.$/, '')];
    const day = Number(m[2]);
    // A month's name is capitalised in English ("May 5"; "may 5" is a verb before a number).
    if (month === undefined || day < 1 || day > 31 || name[0] === name[0]?.toLowerCase()) continue;
    add({ kind: 'date', values: [month * 100 + day], start: m.index, end: m.index + m[0].length, scaled: false, words: false, unit: null });
  }
  for (const m of hasDigit && folded.includes('年代') ? folded.matchAll(DECADE_CJK) : []) {
    const digits = m[3] ?? '';
    let decade: number;
    if (digits.length === 4) decade = Number(digits);
    else if (m[2] !== undefined) decade = (Number(m[2]) - 1) * 100 + Number(digits);
    else if (m[1] !== undefined) decade = 1900 + Number(digits);
    else continue;
    add({ kind: 'decade', values: [decade], start: m.index, end: m.index + m[0].length, scaled: false, words: false, unit: null });
  }
  for (const m of hasDigit && CENTURY_WORD.test(folded) ? folded.matchAll(CENTURY) : []) {
    add({ kind: 'century', values: [Number(m[1])], start: m.index, end: m.index + m[0].length, scaled: false, words: false, unit: null });
  }
  for (const m of hasDigit ? folded.matchAll(TIME) : []) {
    const [, part, hourText, mark, minutes, suffix] = m;
    const lowerSuffix = suffix?.toLowerCase().replace(/\./g, '');
    // A bare number is a time only with a clock's mark: 4:40, 19h30, 4.40 am, 2pm, 4点.
    const clock = mark === ':' || (mark === 'h' && minutes !== undefined) || lowerSuffix !== undefined;
    if (!clock || (mark === '.' && lowerSuffix === undefined)) continue;
    let hour = Number(hourText);
    const minute = Number(minutes ?? 0);
    if (hour > 24 || minute > 59) continue;
    if ((lowerSuffix === 'pm' || part === '下午' || part === '晚上') && hour < 12) hour += 12;
    if ((lowerSuffix === 'am' || part === '凌晨' || part === '上午' || part === '早上') && hour === 12) hour = 0;
    const start = m.index + (part === undefined ? 0 : m[0].indexOf(hourText as string));
    add({ kind: 'time', values: [hour * 60 + minute], start, end: m.index + m[0].length, scaled: false, words: false, unit: null });
  }

  // Month names and months in digits ("3 月") are read so that they answer each other.
  for (const m of cjkMonths ? folded.matchAll(MONTH_CJK) : []) {
    add({ kind: 'month', values: [Number(m[1])], start: m.index, end: m.index + m[0].length, scaled: false, words: false, unit: null });
  }
  for (const m of hasDigit && folded.includes('百分之') ? folded.matchAll(PERCENT_CJK) : []) {
    const start = m.index;
    add({ kind: 'percent', values: readDigits(m[1] ?? '', undefined, false), start, end: start + m[0].length, scaled: false, words: false, unit: null });
  }
  for (const m of hasDigit ? folded.matchAll(FIGURE) : []) {
    const start = m.index;
    const end = start + m[0].length;
    const { digits = '', sep, currency, ordinal, decade, more, scale: scaleWord, short: shortScale, percent, currencyAfter, unit } = m.groups ?? {};
    let values = readDigits(digits, sep, decimalComma);
    let scaled = false;
    const scaleKey = (scaleWord ?? (currency || currencyAfter ? shortScale : undefined))?.toLowerCase().replace(/\.$/, '').replace(/\s+/g, ' ');
    let stop = end;
    if (shortScale !== undefined && scaleKey === undefined) {
      // "100m" without a currency: metres, written as a unit.
      stop = end - m[0].length + m[0].lastIndexOf(shortScale);
    }
    if (scaleKey !== undefined) {
      const scale = SCALES[scaleKey] ?? (scaleKey === 'm' ? 1e6 : scaleKey === 'k' ? 1e3 : 1);
      values = values.map((v) => v * scale);
      scaled = true;
    }
    const plainInteger = /^\d+$/.test(digits);
    let kind: FigureKind = 'amount';
    if (percent) kind = 'percent';
    else if (decade && plainInteger && (digits.length === 4 || digits.length === 2)) {
      kind = 'decade';
      values = [digits.length === 2 ? 1900 + Number(digits) : Number(digits)];
    } else if (ordinal && plainInteger) kind = 'ordinal';
    else if (!scaled && !currency && !currencyAfter && plainInteger && digits.length === 4 && /^(1[0-9]|20)\d\d$/.test(digits)) kind = 'year';
    else if (plainInteger && /^\s?年/.test(folded.slice(end, end + 3)) && !scaled) kind = 'year';
    if (decade && kind !== 'decade') continue;
    add({
      kind,
      values,
      start,
      end: stop,
      scaled,
      approx: more !== undefined ? true : undefined,
      words: false,
      unit: unit ? (UNIT_NAMES[unit.toLowerCase()] ?? unit.toLowerCase()) : stop < end ? 'm' : null,
    });
  }

  for (const m of hasLatin ? folded.matchAll(MONTH_NAME) : []) {
    const name = m[1] ?? '';
    const month = MONTHS[name.toLowerCase().replace(/\.$/, '')];
    if (month === undefined || name.length < 3 || name[0] === name[0]?.toLowerCase()) continue;
    add({ kind: 'month', values: [month], start: m.index, end: m.index + m[0].length, scaled: false, words: true, unit: null });
  }

  for (const m of hasNumeral ? folded.matchAll(CHINESE_NOT_NUMERAL) : []) taken.push({ start: m.index, end: m.index + m[0].length });
  for (const m of hasNumeral ? folded.matchAll(CHINESE_NUMERAL) : []) {
    const [, percent, numeral = '', more, scale] = m;
    let value = chineseNumeral(numeral);
    if (value === null) continue;
    if (scale) value *= SCALES[scale] ?? 1;
    const digitByDigit = [...numeral].every((c) => c in CHINESE_DIGITS) && numeral.length >= 2;
    const after = folded.slice(m.index + m[0].length, m.index + m[0].length + 2);
    let kind: FigureKind = percent ? 'percent' : 'amount';
    if (digitByDigit && /^\s?年/.test(after) && numeral.length === 4) kind = 'year';
    add({
      kind,
      values: [value],
      start: m.index,
      end: m.index + m[0].length,
      scaled: /[万萬亿億千百]/.test(numeral) || scale !== undefined,
      approx: more !== undefined ? true : undefined,
      // 二〇一九 is 2019 written digit by digit; 十一万 is a number written out.
      words: !(digitByDigit && numeral.includes('〇')) && kind !== 'year',
      unit: null,
    });
  }

  for (const m of hasLatin ? folded.matchAll(ENGLISH_NUMBER) : []) {
    const [, number = '', scale, percent] = m;
    const parts = number.toLowerCase().split(/[- ]/);
    const value = parts.reduce((sum, word) => (ENGLISH_MULTIPLIED.has(word) && sum > 0 ? sum * (ENGLISH_UNITS[word] ?? 1) : sum + (ENGLISH_UNITS[word] ?? 0)), 0);
    const multiplier = scale ? (scale.toLowerCase() === 'hundred' ? 100 : (SCALES[scale.toLowerCase()] ?? 1)) : 1;
    add({
      kind: percent ? 'percent' : 'amount',
      values: [value * multiplier],
      start: m.index,
      end: m.index + m[0].length,
      scaled: scale !== undefined,
      words: true,
      unit: null,
    });
  }

  joinRanges(folded, figures);
  return figures.sort((a, b) => a.start - b.start);
}

/** "1950-53", "1950 至 53 年", "2018–19": the second year of a range written with its last two digits. */
function joinRanges(text: string, figures: Figure[]): void {
  const sorted = [...figures].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    const first = sorted[i - 1] as Figure;
    const second = sorted[i] as Figure;
    if (first.kind !== 'year' || second.words || !/^\d{2}$/.test(second.text.replace(/\s?年$/, ''))) continue;
    if (!/^\s?(?:[-–—~～至到]|to|bis|à|a|al)\s?$/u.test(text.slice(first.end, second.start))) continue;
    const century = Math.floor((first.values[0] ?? 0) / 100) * 100;
    second.kind = 'year';
    second.values = [century + (second.values[0] ?? 0)];
  }
}
