/**
 * Han characters Japanese and Chinese share, as translation evidence (alignment.ts: hanEvidence), on
 * nine documents of the development split of NTREX-128 in ja, zh-Hans and zh-Hant
 * (test/corpus/ntrex128-parallel/dev-han.json, CC BY-SA 4.0).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignParagraphs, type Langs, translationScore } from '../engine/alignment';

interface Doc {
  id: string;
  lines: Record<'ja' | 'zh-Hans' | 'zh-Hant', string[]>;
}
const { documents } = JSON.parse(readFileSync(join(import.meta.dirname, 'corpus/ntrex128-parallel/dev-han.json'), 'utf8')) as {
  documents: Doc[];
};
const UNTOLD: Langs = ['und', 'und'];

/** The body's sentences, the headline left out: the lists of a sequential page. */
const body = (doc: Doc, lang: keyof Doc['lines']): string[] => doc.lines[lang].slice(1);
/** The page-level evidence bilingual.ts asks of an alignment (PAGE_EVIDENCE). */
const PAGE_EVIDENCE = 8;

function outcome(side: 'zh-Hans' | 'zh-Hant', langs: Langs, docs: readonly Doc[] = documents): { correct: number; wrong: number; total: number } {
  let correct = 0;
  let wrong = 0;
  let total = 0;
  for (const doc of docs) {
    const ja = body(doc, 'ja');
    for (const pair of alignParagraphs(ja, body(doc, side), { langs, minEvidence: PAGE_EVIDENCE }).pairs) {
      if (pair.a === pair.b) correct += 1;
      else wrong += 1;
    }
    total += ja.length;
  }
  return { correct, wrong, total };
}

describe('Han characters shared by Japanese and Chinese', () => {
  it('reads nine documents of the development split', () => {
    expect(documents).toHaveLength(9);
    for (const doc of documents) expect(doc.lines.ja.length).toBe(doc.lines['zh-Hans'].length);
  });

  // Measured: told, zh-Hans 72 right and 2 wrong of 85, zh-Hant 80 and 0; untold, 54 and 3, 60 and 2.
  for (const side of ['zh-Hans', 'zh-Hant'] as const) {
    it(`pairs Japanese sentences with their ${side} translations once the sides' languages are told`, () => {
      const told = outcome(side, ['ja', side]);
      const untold = outcome(side, UNTOLD);
      expect(told.correct / (told.correct + told.wrong)).toBeGreaterThanOrEqual(0.97);
      expect(told.correct / told.total).toBeGreaterThanOrEqual(0.82);
      expect(told.correct).toBeGreaterThanOrEqual(untold.correct + 12);
    });
  }

  it('pairs the Japanese and Chinese lists of guardian.221756 that length and figures alone left apart', () => {
    const doc = documents.filter((d) => d.id === 'guardian.221756');
    expect(doc).toHaveLength(1);
    for (const side of ['zh-Hans', 'zh-Hant'] as const) {
      expect(outcome(side, UNTOLD, doc).correct).toBe(0);
      expect(outcome(side, ['ja', side], doc).correct).toBeGreaterThanOrEqual(6);
    }
  });

  it('scores a translation above its neighbours in the same document more often', () => {
    let told = 0;
    let untold = 0;
    for (const doc of documents) {
      const ja = doc.lines.ja;
      const zh = doc.lines['zh-Hans'];
      for (let i = 1; i + 1 < ja.length; i++) {
        const [x, y, next] = [ja[i] ?? '', zh[i] ?? '', zh[i + 1] ?? ''];
        if (translationScore(x, y, undefined, 1, ['ja', 'zh-Hans']) > translationScore(x, next, undefined, 1, ['ja', 'zh-Hans'])) told += 1;
        if (translationScore(x, y, undefined, 1, UNTOLD) > translationScore(x, next, undefined, 1, UNTOLD)) untold += 1;
      }
    }
    expect(told).toBeGreaterThan(untold);
  });

  it('takes no evidence from characters two texts of one language share (zh-Hans and zh-Hant are one language)', () => {
    for (const doc of documents) {
      const hans = doc.lines['zh-Hans'];
      const hant = doc.lines['zh-Hant'];
      for (let i = 0; i + 1 < hans.length; i++) {
        const [x, y] = [hans[i] ?? '', hant[i + 1] ?? ''];
        expect(translationScore(x, y, undefined, 1, ['zh-Hans', 'zh-Hant'])).toBe(translationScore(x, y, undefined, 1, UNTOLD));
      }
    }
  });
});
