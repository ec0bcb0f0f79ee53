import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignLanguages, assignLanguagesCounted, baseLanguage, countScripts, detectLanguage } from '../engine/languages';

const FIXTURES = join(__dirname, 'fixtures/langid');
const LANGS = ['en', 'fr', 'de', 'es', 'pt', 'it', 'ru', 'ar', 'ja', 'ko', 'zh'] as const;
const lines = (path: string) => readFileSync(join(FIXTURES, path), 'utf8').split('\n').filter((l) => l.trim() !== '');

interface Score {
  ok: number;
  total: number;
  misses: string[];
}

function score(items: { gold: string; text: string; got: string }[], compare: (got: string, gold: string) => boolean): Score {
  const result: Score = { ok: 0, total: items.length, misses: [] };
  for (const item of items) {
    if (compare(item.got, item.gold)) result.ok++;
    else if (result.misses.length < 5) result.misses.push(`${item.gold}→${item.got}: ${item.text}`);
  }
  return result;
}

const sameBase = (got: string, gold: string) => baseLanguage(got) === baseLanguage(gold);
const pct = (s: Score) => (100 * s.ok) / s.total;
const report = (name: string, s: Score) =>
  console.log(`${name}: ${pct(s).toFixed(1)}% of ${s.total}${s.misses.length ? `; e.g. ${s.misses.join(' | ')}` : ''}`);

function bucket(dir: string, hinted: boolean) {
  return LANGS.flatMap((gold) =>
    lines(`${dir}/${gold}.txt`).map((text) => ({
      gold,
      text,
      got: detectLanguage(text, hinted ? { pageLang: gold } : undefined),
    })),
  );
}

describe('detectLanguage accuracy on labelled real text', () => {
  it('one-sentence paragraphs: at least 97% without any hint', () => {
    const s = score(bucket('sentences', false), sameBase);
    report('sentences, no hint', s);
    expect(pct(s)).toBeGreaterThanOrEqual(97);
  });

  it('two-word labels: at least 92% with the page language as prior', () => {
    const hinted = score(bucket('word-pairs', true), sameBase);
    const alone = score(bucket('word-pairs', false), sameBase);
    report('word pairs, page language given', hinted);
    report('word pairs, no hint', alone);
    expect(pct(hinted)).toBeGreaterThanOrEqual(92);
    // Two words of a Latin language alone are often undecidable; CJK, Cyrillic and Arabic are not.
    expect(pct(alone)).toBeGreaterThanOrEqual(65);
  });

  it('news headlines: at least 92% English without a hint, Chinese script always told', () => {
    const en = lines('ntrex128/titles.eng.txt').map((text) => ({ gold: 'en', text, got: detectLanguage(text) }));
    const s = score(en, (got, gold) => got === gold);
    report('NTREX English titles, no hint', s);
    expect(pct(s)).toBeGreaterThanOrEqual(92);
    const zh = [
      ...lines('ntrex128/titles.zho-CN.txt').map((text) => ({ gold: 'zh-Hans', text, got: detectLanguage(text) })),
      ...lines('ntrex128/titles.zho-TW.txt').map((text) => ({ gold: 'zh-Hant', text, got: detectLanguage(text) })),
    ];
    const z = score(zh, sameBase);
    report('NTREX Chinese titles (base language)', z);
    expect(pct(z)).toBeGreaterThanOrEqual(98);
  });

  it('Turkish and Vietnamese headlines with English names: told by the letters only they write, even on an English page', () => {
    // With the page language English as prior, trigrams alone read 43 of these 55 Turkish and
    // 44 of the 55 Vietnamese headlines right; ı ğ ş and ơ ư đ with stacked tones say more.
    const tr = score(lines('ntrex128/dev-titles.tur.txt').map((text) => ({ gold: 'tr', text, got: detectLanguage(text, { pageLang: 'en' }) })), sameBase);
    const vi = score(lines('ntrex128/dev-titles.vie.txt').map((text) => ({ gold: 'vi', text, got: detectLanguage(text, { pageLang: 'en' }) })), sameBase);
    report('NTREX Turkish headlines, English page', tr);
    report('NTREX Vietnamese headlines, English page', vi);
    expect(tr.total).toBe(55);
    expect(pct(tr)).toBeGreaterThanOrEqual(88);
    expect(pct(vi)).toBeGreaterThanOrEqual(95);
    expect(detectLanguage("Hırsızlar Newport on the Levee'deki ATM dolum işlemi sırasında 26.750 dolar çaldı")).toBe('tr');
    expect(detectLanguage('Tàn dư của Cơn bão Rosa mang theo mưa lớn trên diện rộng tới Tây Nam')).toBe('vi');
  });

  it('names written with Turkish or Vietnamese letters leave an English text English', () => {
    // Capitalised, the three words of a name are not the text's own (trigrams still misread so short a line).
    expect(detectLanguage('Nguyễn Phú Trọng meets Biden in Hanoi')).not.toBe('vi');
    expect(detectLanguage('Tô Lâm and Nguyễn Phú Trọng met on Sunday')).toBe('en');
    expect(detectLanguage('President Erdoğan said the talks would go on')).toBe('en');
  });

  it('zh-Hans vs zh-Hant: at least 98% on NTREX zho-CN / zho-TW lines', () => {
    const items = [
      ...lines('ntrex128/lines.zho-CN.txt').map((text) => ({ gold: 'zh-Hans', text, got: detectLanguage(text) })),
      ...lines('ntrex128/lines.zho-TW.txt').map((text) => ({ gold: 'zh-Hant', text, got: detectLanguage(text) })),
    ];
    const s = score(items, (got, gold) => got === gold);
    report('Hans vs Hant', s);
    expect(pct(s)).toBeGreaterThanOrEqual(98);
  });

  it('never und for text with 4 or more CJK characters', () => {
    const cjk = [...lines('sentences/zh.txt'), ...lines('sentences/ja.txt'), ...lines('sentences/ko.txt'), ...lines('ntrex128/lines.zho-TW.txt')];
    let checked = 0;
    for (const text of cjk) {
      const chars = [...text].filter((ch) => countScripts(ch).han + countScripts(ch).hangul + countScripts(ch).hiragana + countScripts(ch).katakana > 0);
      const four = chars.slice(0, 4).join('');
      if (four.length < 4) continue;
      checked++;
      expect(detectLanguage(four), four).not.toBe('und');
    }
    expect(checked).toBeGreaterThan(500);
  });
});

describe('detectLanguage on CJK edge cases', () => {
  it('keeps Chinese with katakana, a katakana middle dot or Latin names Chinese', () => {
    expect(detectLanguage('埃隆・马斯克的卫星互联网项目')).toBe('zh-Hans');
    expect(detectLanguage('索尼发布新款ソニー品牌耳机，售价大幅下调')).toBe('zh-Hans');
    expect(detectLanguage('SpaceX在IPO前与Google签署每月9.2亿美元协议')).toBe('zh-Hans');
    expect(detectLanguage('BBC Scotland 的 Alasdair Lamont 在 Tony Macaroni 球场')).toBe('zh-Hans');
  });

  it('tells Japanese with kana, and kana-less Japanese headlines by shinjitai forms', () => {
    expect(detectLanguage('東京で地震が発生しました')).toBe('ja');
    expect(detectLanguage('ソニー、新型プレイステーション発表')).toBe('ja');
    expect(detectLanguage('東京駅周辺で大規模停電')).toBe('ja');
    expect(detectLanguage('首相、経済対策を発表')).toBe('ja');
  });

  it('tells Korean, including Korean with hanja', () => {
    expect(detectLanguage('삼성전자가 갤럭시 S24를 출시했다')).toBe('ko');
    expect(detectLanguage('大韓民國 국회는 오늘 법안을 통과시켰다')).toBe('ko');
  });

  it('uses the page language when the script cannot tell Hans from Hant', () => {
    expect(detectLanguage('他有很多英雄。')).toBe('zh');
    expect(detectLanguage('他有很多英雄。', { pageLang: 'zh-TW' })).toBe('zh-Hant');
    expect(detectLanguage('他有很多英雄。', { neighbours: ['zh-Hans'] })).toBe('zh-Hans');
  });
});

describe('detectLanguage on other scripts and odd input', () => {
  it('reads Russian as Russian, not Bulgarian, Serbian or Ukrainian', () => {
    const ru = lines('sentences/ru.txt');
    expect(ru.every((t) => detectLanguage(t) === 'ru')).toBe(true);
    expect(detectLanguage('Київ оголосив про нові санкції')).toBe('uk');
  });

  it('returns und for text without letters', () => {
    for (const text of ['', '   \n\t ', '12345', '3.14 - 2,000 %', '!!! ??? ...', '\u0000\u0001\u0007\u001f']) {
      expect(detectLanguage(text), JSON.stringify(text)).toBe('und');
    }
  });

  it('survives control characters and lone surrogates', () => {
    expect(detectLanguage('\ud800\udc00\ud83d')).toBe('und');
    expect(detectLanguage('\u0000The government announced new measures on Monday.\u0007\ud800')).toBe('en');
    expect(detectLanguage('\udfff政府周一宣布了新的经济措施\ud800')).toBe('zh-Hans');
  });

  // Time per size is measured in the stress tier (detectLanguage in test/adversarial.test.ts).
  it('tells the language of 1 MB of text', () => {
    const en = lines('sentences/en.txt').join(' ');
    const big = en.repeat(Math.ceil(1_000_000 / en.length)).slice(0, 1_000_000);
    const zh = lines('ntrex128/lines.zho-CN.txt').join('');
    const bigZh = zh.repeat(Math.ceil(1_000_000 / zh.length)).slice(0, 1_000_000);
    expect(detectLanguage(big)).toBe('en');
    expect(detectLanguage(bigZh)).toBe('zh-Hans');
  });
});

describe('page prior and neighbours', () => {
  it('reads a short label with its neighbours', () => {
    const fr = lines('sentences/fr.txt');
    const pairs = lines('word-pairs/fr.txt').slice(0, 50);
    let ok = 0;
    for (const pair of pairs) {
      const langs = assignLanguages([fr[0] as string, pair, fr[1] as string], null);
      if (langs[1] === 'fr') ok++;
    }
    expect(ok / pairs.length).toBeGreaterThanOrEqual(0.9);
  });

  it('assigns each block its own language in a bilingual page', () => {
    const en = lines('ntrex128/lines.eng.txt').slice(0, 6);
    const zh = lines('ntrex128/lines.zho-CN.txt').slice(0, 6);
    const langs = assignLanguages([...en, ...zh], 'en');
    expect(langs).toEqual([...en.map(() => 'en'), ...zh.map(() => 'zh-Hans')]);
  });

  it('baseLanguage strips script and region', () => {
    expect(baseLanguage('zh-Hans')).toBe('zh');
    expect(baseLanguage('en-US')).toBe('en');
    expect(baseLanguage('und')).toBe('und');
  });
});

describe('assignLanguagesCounted', () => {
  it('tells which blocks mix writing systems, CJK scripts counting as one', () => {
    const texts = [
      'SpaceX signs $920 million per month deal with Google 每月9.2亿美元协议',
      'The government announced new measures on Monday.',
      '政府周一宣布了新的经济措施',
      '東京の天気は晴れです。カタカナ',
      'Москва Moscow',
      '芯片 芯片',
      '85',
    ];
    const { langs, mixed } = assignLanguagesCounted(texts, null);
    expect(Array.from(mixed)).toEqual([1, 0, 0, 0, 1, 0, 0]);
    expect(langs).toEqual(assignLanguages(texts, null));
  });
});
