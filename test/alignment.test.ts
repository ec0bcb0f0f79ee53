import { describe, expect, it } from 'vitest';
import { alignParagraphs, translationScore } from '../engine/alignment';
import docs from './fixtures/align/ntrex-docs.json';
import seed from './fixtures/align/seed-analysis.json';

type Script = 'zh-Hans' | 'zh-Hant';

/** Paragraphs of 1–4 consecutive sentences (the headline left out), the same grouping on both sides. */
const SIZES = [2, 3, 1, 3, 2, 4];
function paragraphs(lines: readonly string[], joiner: string): string[] {
  const body = lines.slice(1);
  const out: string[] = [];
  for (let start = 0, k = 0; start < body.length; k++) {
    const size = SIZES[k % SIZES.length] ?? 1;
    out.push(body.slice(start, start + size).join(joiner));
    start += size;
  }
  return out;
}

const english = docs.map((doc) => paragraphs(doc.en, ' '));
const chinese = (script: Script): string[][] => docs.map((doc) => paragraphs(doc[script], ''));

function at<T>(list: readonly T[], i: number): T {
  const value = list[i];
  if (value === undefined) throw new Error(`no item ${i}`);
  return value;
}

describe('translationScore', () => {
  const [en0, en1] = [at(seed.en, 0), at(seed.en, 1)];
  const [zh0, zh1] = [at(seed.zh, 0), at(seed.zh, 2)];

  it('scores a translation above an unrelated paragraph of the same article', () => {
    expect(translationScore(en0, zh0)).toBeGreaterThan(0.9);
    expect(translationScore(en1, zh1)).toBeGreaterThan(0.8);
    expect(translationScore(en0, zh1)).toBeLessThan(0.5);
    expect(translationScore(en1, zh0)).toBeLessThan(0.5);
  });

  it('matches numbers across unit conversions', () => {
    const en = 'Google will pay $920 million per month for 110,000 chips, nearly $11 billion a year, in 2024.';
    const zh = '谷歌将在2024年每月支付9.2亿美元购买11万块芯片,每年近110亿美元。';
    const changed = '谷歌将在2023年每月支付7.5亿美元购买8万块芯片,每年近90亿美元。';
    expect(translationScore(en, zh)).toBeGreaterThan(0.95);
    expect(translationScore(en, changed)).toBeLessThan(translationScore(en, zh) - 0.3);
  });

  it('reads figures with the one number reader: decimal commas, dates, scales in other languages', () => {
    // engine/numbers.ts reads "3,5 Mrd." in German as 3.5 billion and "29. März" as 29 March;
    // a digit-only reader sees 3 and 5, and 29 with no month.
    const en = 'On 29 March the company said it had raised 3.5 billion euros, up 12.5 percent.';
    const de = 'Am 29. März teilte das Unternehmen mit, es habe 3,5 Mrd. Euro eingenommen, 12,5 Prozent mehr.';
    const other = 'Am 14. Mai teilte das Unternehmen mit, es habe 2,25 Mrd. Euro eingenommen, 8,5 Prozent mehr.';
    expect(translationScore(en, de, undefined, 1, ['en', 'de'])).toBeGreaterThan(0.9);
    expect(translationScore(en, de, undefined, 1, ['en', 'de'])).toBeGreaterThan(translationScore(en, other, undefined, 1, ['en', 'de']) + 0.3);
  });

  it('counts quotations and questions a translation keeps', () => {
    const en = 'The coach asked: "Why would we change a winning team?" Nobody in the room answered him.';
    const fr = "L'entraîneur a demandé : « Pourquoi changerions-nous une équipe qui gagne ? » Personne dans la salle ne lui a répondu.";
    const other = 'Le conseil municipal a voté mardi un nouveau budget pour les écoles du quartier. La séance a duré trois heures.';
    expect(translationScore(en, fr, undefined, 1.19, ['en', 'fr'])).toBeGreaterThan(translationScore(en, other, undefined, 1.19, ['en', 'fr']) + 0.3);
  });

  it('keeps a short translation with one changed figure paired, for the translation check to flag (NTREX)', () => {
    // One figure changed costs less than a figure missing on one side: it may be the translation's slip.
    expect(translationScore('Sims was 20 years old.', 'Sims 时年 21 岁。')).toBeGreaterThan(0.5);
    expect(translationScore('Sims was 20 years old.', 'Sims 时年 21 岁。')).toBeLessThan(translationScore('Sims was 20 years old.', 'Sims 时年 20 岁。'));
  });

  it('counts Latin names kept in Chinese only when the English has them', () => {
    const en = at(at(english, 0), 0);
    const zh = at(at(chinese('zh-Hans'), 0), 0);
    expect(translationScore(en, `${zh} (SpaceX、Nvidia)`)).toBeLessThan(translationScore(en, zh));
  });

  it('pairs a translation cut off with "..." after its first part', () => {
    expect(translationScore(at(seed.en, 2), at(seed.zh, 3))).toBeGreaterThan(0.5);
  });
});

describe('alignParagraphs on ntrex128 documents', () => {
  for (const script of ['zh-Hans', 'zh-Hant'] as const) {
    const zh = chinese(script);

    it(`pairs ${script} translations with precision ≥ 0.98 and recall ≥ 0.9`, () => {
      let correct = 0;
      let wrong = 0;
      let total = 0;
      english.forEach((en, d) => {
        const { pairs } = alignParagraphs(en, at(zh, d));
        for (const pair of pairs) {
          if (pair.a === pair.b) correct += 1;
          else wrong += 1;
          expect(pair.confidence).toBeGreaterThanOrEqual(0.5);
          expect(pair.confidence).toBeLessThanOrEqual(1);
        }
        total += en.length;
      });
      expect(correct / (correct + wrong)).toBeGreaterThanOrEqual(0.98);
      expect(correct / total).toBeGreaterThanOrEqual(0.9);
    });

    it(`leaves out the English paragraphs whose ${script} translation was dropped`, () => {
      let found = 0;
      let dropped = 0;
      let correct = 0;
      let wrong = 0;
      let kept = 0;
      english.forEach((en, d) => {
        const keep = at(zh, d)
          .map((_, i) => i)
          .filter((i) => i % 3 !== 1);
        const { pairs } = alignParagraphs(
          en,
          keep.map((i) => at(at(zh, d), i)),
        );
        const paired = new Set(pairs.map((pair) => pair.a));
        for (let i = 1; i < en.length; i += 3) {
          dropped += 1;
          if (!paired.has(i)) found += 1;
        }
        correct += pairs.filter((pair) => keep[pair.b] === pair.a).length;
        wrong += pairs.filter((pair) => keep[pair.b] !== pair.a).length;
        kept += keep.length;
      });
      expect(correct / (correct + wrong)).toBeGreaterThanOrEqual(0.95);
      expect(found / dropped).toBeGreaterThanOrEqual(0.9);
      expect(correct / kept).toBeGreaterThanOrEqual(0.8);
    });

    it(`finds (nearly) no pairs between English and ${script} paragraphs of other documents`, () => {
      let pairs = 0;
      let possible = 0;
      english.forEach((en, d) => {
        for (const offset of [1, 5, 9]) {
          const other = at(zh, (d + offset) % zh.length);
          pairs += alignParagraphs(en, other).pairs.length;
          possible += Math.min(en.length, other.length);
        }
      });
      expect(pairs / possible).toBeLessThanOrEqual(0.03);
    });
  }

  it('pairs a paragraph whose translation stops with "..." halfway', () => {
    const en = at(english, 3);
    const zh = [...at(chinese('zh-Hans'), 3)];
    const cut = at(zh, 2);
    zh[2] = `${cut.slice(0, Math.floor(cut.length / 2))}...`;
    const { pairs } = alignParagraphs(en, zh);
    expect(pairs.some((pair) => pair.a === 2 && pair.b === 2)).toBe(true);
  });
});

describe('alignParagraphs on the seed analysis', () => {
  it('pairs three paragraphs, the third with its truncated translation, and leaves two English ones', () => {
    const zh = [at(seed.zh, 0), at(seed.zh, 2), at(seed.zh, 3)];
    const { pairs } = alignParagraphs(seed.en, zh);
    expect(pairs.map(({ a, b }) => [a, b])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
  });

  it('aligns in either direction', () => {
    const zh = [at(seed.zh, 0), at(seed.zh, 2), at(seed.zh, 3)];
    const { pairs } = alignParagraphs(zh, seed.en);
    expect(pairs.map(({ a, b }) => [a, b])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
  });
});

describe('alignParagraphs cost', () => {
  // Time per size is measured in the stress tier (test/cost.test.ts).
  it('aligns 5,000 paragraphs a side', () => {
    const en = english.flat();
    const zh = chinese('zh-Hans').flat();
    const a = Array.from({ length: 5000 }, (_, i) => at(en, i % en.length));
    const b = Array.from({ length: 5000 }, (_, i) => at(zh, i % zh.length));
    const { pairs } = alignParagraphs(a, b);
    expect(pairs.length).toBeGreaterThan(4500);
  });

  it('returns no pairs when a side is empty', () => {
    expect(alignParagraphs([], seed.zh).pairs).toEqual([]);
    expect(alignParagraphs(seed.en, []).pairs).toEqual([]);
  });
});

describe('alignParagraphs: evidence asked of a whole alignment', () => {
  const en = at(english, 1).slice(0, 4);
  const zh = at(chinese('zh-Hans'), 1).slice(0, 4);

  it('asks coveredEvidence instead of minEvidence when every paragraph of the shorter list is paired', () => {
    expect(alignParagraphs(en, zh, { minEvidence: 1000 }).pairs).toEqual([]);
    expect(alignParagraphs(en, zh, { minEvidence: 1000, coveredEvidence: 0 }).pairs.length).toBe(4);
  });

  it('asks minEvidence when a paragraph of the shorter list stays alone', () => {
    // Another document's paragraph in place of the last translation: nothing covers it.
    const other = [...zh.slice(0, 3), at(at(chinese('zh-Hans'), 2), 0)];
    expect(alignParagraphs(en, other, { minEvidence: 1000, coveredEvidence: 0 }).pairs).toEqual([]);
  });
});
