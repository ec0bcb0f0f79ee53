import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DuplicateMatch, findDuplicates, normalizeForDuplicates, similarity } from '../engine/duplicates';
import { blockTexts } from './block-texts';

const FIXTURES = resolve(__dirname, 'fixtures');

function lines(name: string): string[] {
  return readFileSync(resolve(FIXTURES, 'dup', name), 'utf8').split('\n').filter(Boolean);
}
const EN = lines('ntrex-en.txt');
const ZH = lines('ntrex-zh.txt');

function at(list: readonly string[], i: number): string {
  const value = list[i];
  if (value === undefined) throw new Error(`no line ${i}`);
  return value;
}

/** A paragraph of `count` consecutive NTREX lines (English joined by spaces, Chinese without). */
function paragraph(lang: 'en' | 'zh', first: number, count = 4): string {
  const source = lang === 'en' ? EN : ZH;
  const picked = Array.from({ length: count }, (_, k) => at(source, (first + k) % source.length));
  return picked.join(lang === 'en' ? ' ' : '');
}

/** Splits a block that glues an English half and a Chinese half, at its first Han character. */
function splitAtHan(text: string): string[] {
  const cut = text.search(/\p{Script=Han}/u);
  return cut <= 0 ? [text] : [text.slice(0, cut).trim(), text.slice(cut).trim()];
}

/** A copy with about one token in 25 replaced: a word in English, a character in Chinese. */
function edited(text: string): string {
  if (/\p{Script=Han}/u.test(text)) {
    let han = 0;
    return [...text].map((ch) => (/\p{Script=Han}/u.test(ch) && han++ % 40 === 7 ? '某' : ch)).join('');
  }
  const words = text.split(' ');
  for (let i = 3; i < words.length; i += 25) words[i] = 'zebra';
  return words.join(' ');
}

function byKept(matches: DuplicateMatch[]): Map<number, DuplicateMatch> {
  return new Map(matches.map((m) => [m.kept, m]));
}

describe('normalizeForDuplicates', () => {
  it('treats full-width and half-width punctuation alike, with or without a following space', () => {
    const full = '每月9.2亿美元的数字不仅仅是一份合同价值；它更像一则头条：火箭公司（SpaceX），谷歌。';
    const half = '每月9.2亿美元的数字不仅仅是一份合同价值; 它更像一则头条: 火箭公司(SpaceX), 谷歌.';
    expect(normalizeForDuplicates(full)).toBe(normalizeForDuplicates(half));
  });

  it('unifies quotes, dashes, ellipses, case and white space', () => {
    expect(normalizeForDuplicates('The “AI’s”  resource—raw…')).toBe(normalizeForDuplicates('the "AI\'s" resource -- raw...'));
    expect(normalizeForDuplicates('形成持续的需求。。。')).toBe(normalizeForDuplicates('形成持续的需求……'));
    expect(normalizeForDuplicates('ＡＢＣ\u00a0def\u200b ghi\n')).toBe('abc def ghi');
  });

  it('reads every white space character JavaScript knows as a space', () => {
    for (let cp = 0; cp <= 0xffff; cp++) {
      const ch = String.fromCharCode(cp);
      if (/\s/.test(ch) && cp !== 0xfeff) expect(normalizeForDuplicates(`ab${ch}cd`), cp.toString(16)).toBe('ab cd');
    }
  });

  it('keeps the words of spaced scripts apart', () => {
    expect(normalizeForDuplicates('state of AI')).not.toBe(normalizeForDuplicates('stateof AI'));
    expect(normalizeForDuplicates('한국어 문장')).toBe('한국어 문장');
  });
});

describe('findDuplicates on pages', () => {
  it('finds the seed page: the Chinese first paragraph three times, the summary English half cut from the first English paragraph', () => {
    const blocks = blockTexts(readFileSync(resolve(FIXTURES, 'seed', 'page.html'), 'utf8'));
    const texts = blocks.flatMap(splitAtHan);
    const enFirst = texts.findIndex((t) => t.startsWith('That $920 million') && t.endsWith('melting away.'));
    const enSummary = texts.findIndex((t) => t.startsWith('That $920 million') && t.endsWith('raw,'));
    const zhFirst = texts.map((t, i) => (t.startsWith('每月9.2亿美元') ? i : -1)).filter((i) => i >= 0);
    expect(enSummary).toBeGreaterThanOrEqual(0);
    expect(enFirst).toBeGreaterThan(enSummary);
    expect(zhFirst).toHaveLength(3);

    const matches = findDuplicates(texts);
    expect(matches).toHaveLength(2);
    const groups = byKept(matches);
    expect(groups.get(enFirst)).toEqual({ kind: 'truncated', kept: enFirst, copies: [enSummary] });
    const [first, ...rest] = zhFirst;
    expect(groups.get(first ?? -1)).toEqual({ kind: 'exact', kept: first, copies: rest });
  });

  it('finds the aggregator fixture: a Chinese paragraph twice, a lede cut with " …"', () => {
    const texts = blockTexts(readFileSync(resolve(FIXTURES, 'aggregator-other-markup', 'page.html'), 'utf8'));
    const lede = texts.findIndex((t) => t.endsWith('and the …'));
    const body = texts.findIndex((t) => t.startsWith('As forecast') && t.endsWith('coming days.'));
    const zh = texts.map((t, i) => (t.startsWith('据预测') ? i : -1)).filter((i) => i >= 0);
    expect(findDuplicates(texts)).toEqual([
      { kind: 'truncated', kept: body, copies: [lede] },
      { kind: 'exact', kept: zh[0], copies: [zh[1]] },
    ]);
  });

  it('reads a digest past its label: "摘要 Summary:" before the first lines of the body is a cut copy', () => {
    const body =
      'With the Nationals eliminated from playoff contention, there was little reason for another fierce battle. ' +
      'But the competitive Scherzer pitched on Sunday against the Colorado Rockies, who still had a division title to chase.';
    expect(findDuplicates([`摘要 Summary: ${body.slice(0, 160)}`, body])).toEqual([{ kind: 'truncated', kept: 1, copies: [0] }]);
    // More than three words before the colon: a sentence, not a label.
    expect(findDuplicates([`The manager told reporters on Monday: ${body.slice(0, 160)}`, body])).toEqual([]);
  });

  it('keeps structured lines repeated on purpose (a meal plan\'s dish under each plan), collapses a repeated sentence', () => {
    // From scrapinghub-en 5f03fc173ebc6abd (test/corpus/extraction): the same dish under plans A, B and C.
    const dish =
      'Asparagus and Eggs [1 cup asparagus, 2 soft-boiled or poached eggs, ½ cup sweet potato (or 1 slice whole-grain toast), 1 tsp. butter]';
    expect(findDuplicates([dish, 'Eat 60–90 minutes before your workout', dish, dish])).toEqual([]);
    const sentence = 'The council voted on Tuesday to close the old bridge for repairs, and the work will start in May and last for six weeks.';
    expect(findDuplicates([sentence, 'Other text entirely.', sentence])).toEqual([{ kind: 'exact', kept: 0, copies: [2] }]);
  });

});

describe('findDuplicates kinds', () => {
  const english = Array.from({ length: 20 }, (_, i) => paragraph('en', i * 5));
  const chinese = Array.from({ length: 20 }, (_, i) => paragraph('zh', 100 + i * 5));
  const originals = [...english, ...chinese];

  it('finds near copies with a few words (English) or characters (Chinese) changed, and nothing else', () => {
    const nearOf = [0, 3, 7, 20, 25, 39];
    const texts = [...originals, ...nearOf.map((i) => edited(at(originals, i)))];
    expect(findDuplicates(texts)).toEqual(
      nearOf.map((kept, k) => ({ kind: 'near', kept, copies: [originals.length + k] })),
    );
  });

  it('finds a near copy whose only edits are a deleted word and an inserted one', () => {
    const original = paragraph('en', 40);
    const words = original.split(' ');
    const copy = [...words.slice(0, 10), ...words.slice(11, 30), 'indeed', ...words.slice(30)].join(' ');
    expect(findDuplicates([original, copy])).toEqual([{ kind: 'near', kept: 0, copies: [1] }]);
  });

  it('does not call a paragraph and its translation, or two paragraphs of one story, copies', () => {
    const texts = [paragraph('en', 60), paragraph('zh', 60), paragraph('en', 64), paragraph('zh', 64)];
    expect(findDuplicates(texts)).toEqual([]);
  });

  it('finds copies cut anywhere, with or without an ellipsis, and keeps the complete one even when it comes last', () => {
    const en = at(english, 2);
    const zh = at(chinese, 4);
    const cuts = [
      en.slice(0, Math.floor(en.length * 0.6)),
      `${en.slice(0, Math.floor(en.length * 0.4))}...`,
      en.slice(0, en.indexOf(',', 150) + 1),
      `${zh.slice(0, 70)}。。。`,
      `${zh.slice(0, 50)}…`,
    ];
    expect(at(cuts, 2)).toMatch(/^.{150,},$/);
    const texts = [...cuts, en, zh];
    expect(findDuplicates(texts)).toEqual([
      { kind: 'truncated', kept: 5, copies: [0, 1, 2] },
      { kind: 'truncated', kept: 6, copies: [3, 4] },
    ]);
  });

  it('puts exact and cut-off copies of one paragraph in one group of the strongest kind', () => {
    const p = at(english, 5);
    const texts = [`${p.slice(0, 200)}…`, p, at(english, 6), p.toUpperCase(), p];
    expect(findDuplicates(texts)).toEqual([{ kind: 'truncated', kept: 1, copies: [0, 3, 4] }]);
  });

  it('groups full-width and half-width punctuation copies as exact', () => {
    const zh = at(chinese, 8);
    const half = zh.replace(/，/g, ', ').replace(/：/g, ': ').replace(/“|”/g, '"');
    expect(half).not.toBe(zh);
    expect(findDuplicates([zh, half])).toEqual([{ kind: 'exact', kept: 0, copies: [1] }]);
  });

  it('leaves repeated labels and headlines alone', () => {
    const texts = [
      'Continue reading the main story',
      'Share',
      'Advertisement',
      'Continue reading the main story',
      at(EN, 0),
      'Share',
      'Advertisement',
      at(EN, 0),
      'Continue reading the main story',
      at(ZH, 0),
      at(ZH, 0),
    ];
    expect(findDuplicates(texts)).toEqual([]);
  });

  it('ignores empty input and empty texts', () => {
    expect(findDuplicates([])).toEqual([]);
    expect(findDuplicates(['', '', ' ', '\n'])).toEqual([]);
  });
});

describe('similarity', () => {
  it('is 1 for copies, high for near copies, low for other paragraphs and translations', () => {
    const en = paragraph('en', 200);
    expect(similarity(en, ` ${en.toUpperCase()} `)).toBe(1);
    expect(similarity(en, edited(en))).toBeGreaterThan(0.7);
    expect(similarity(en, paragraph('en', 210))).toBeLessThan(0.1);
    expect(similarity(en, paragraph('zh', 200))).toBeLessThan(0.1);
  });
});

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so every run builds the same corpus. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EN_WORDS = [...new Set(EN.join(' ').split(/\s+/))];
const ZH_CHARS = [...new Set([...ZH.join('')].filter((ch) => /\p{Script=Han}/u.test(ch)))];

/**
 * n paragraphs: 70% distinct, half English (60–90 words drawn from the NTREX English vocabulary),
 * half Chinese (120–200 characters drawn from the NTREX Chinese text, a comma or full stop every
 * 8–20), then 10% exact, 10% edited and 10% cut-off copies of distinct ones. Drawn rather than
 * taken whole from the corpus so that overlap between distinct paragraphs does not grow with n,
 * which keeps the 1,000 / 10,000 timing comparison about the algorithm.
 */
function corpus(n: number): { texts: string[]; expected: DuplicateMatch[] } {
  const next = random(n);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const distinct = Math.round(n * 0.7);
  const texts: string[] = [];
  for (let i = 0; i < distinct; i++) {
    if (i < distinct / 2) {
      texts.push(Array.from({ length: 60 + Math.floor(next() * 30) }, () => pick(EN_WORDS)).join(' '));
      continue;
    }
    let text = '';
    let clause = 8 + Math.floor(next() * 12);
    for (let k = 120 + Math.floor(next() * 80); k > 0; k--) {
      text += pick(ZH_CHARS);
      if (--clause === 0) {
        text += next() < 0.7 ? '，' : '。';
        clause = 8 + Math.floor(next() * 12);
      }
    }
    texts.push(`${text}。`);
  }
  const expected: DuplicateMatch[] = [];
  const perKind = Math.round(n * 0.1);
  const markers = ['…', '...', '', ' …', '。。。'];
  for (let m = 0; m < perKind; m++) {
    for (const [k, kind] of (['exact', 'near', 'truncated'] as const).entries()) {
      const kept = (m * 7 + k) % distinct;
      const original = at(texts, kept);
      const copy =
        kind === 'exact'
          ? original
          : kind === 'near'
            ? edited(original)
            : `${original.slice(0, Math.floor(original.length * (0.5 + next() * 0.4)))}${markers[m % markers.length]}`;
      expected.push({ kind, kept, copies: [texts.length] });
      texts.push(copy);
    }
  }
  return { texts, expected: expected.sort((x, y) => x.kept - y.kept) };
}

// Time per size is measured in the stress tier (findDuplicates in test/adversarial.test.ts).
describe('findDuplicates at scale', () => {
  it('finds every planted copy among 1,000 and among 10,000 paragraphs', () => {
    const small = corpus(1_000);
    const large = corpus(10_000);
    expect(large.texts).toHaveLength(10_000);
    expect(findDuplicates(small.texts)).toEqual(small.expected);
    expect(findDuplicates(large.texts)).toEqual(large.expected);
  });

  it('finds the copies in adversarial input: 50,000 labels or copies, a 1 MB paragraph', () => {
    expect(findDuplicates(Array.from({ length: 50_000 }, () => 'Continue reading the main story'))).toEqual([]);

    const long = paragraph('en', 300);
    const same = findDuplicates(Array.from({ length: 50_000 }, () => long));
    expect(same).toHaveLength(1);
    expect(same[0]?.kept).toBe(0);
    expect(same[0]?.copies).toHaveLength(49_999);

    let megabyte = '';
    for (let i = 0; megabyte.length < 1_000_000; i++) megabyte += `${at(EN, i % EN.length)} ${at(ZH, i % ZH.length)} `;
    expect(findDuplicates([megabyte])).toEqual([]);
    const changed = megabyte.replace(/\bthe\b/, 'zebra').replace(/\bof\b/, 'lion');
    expect(findDuplicates([megabyte, changed, paragraph('en', 5)])).toEqual([{ kind: 'near', kept: 0, copies: [1] }]);
  });
});
