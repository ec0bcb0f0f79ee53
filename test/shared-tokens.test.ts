/**
 * Tokens two languages share as translation evidence (alignment.ts: tokenEvidence): Han characters
 * between Japanese and Chinese, on nine documents of the development split of NTREX-128
 * (test/corpus/ntrex128-parallel/dev-han.json), and word stems between Latin-script languages, on
 * twelve (dev-examples.json); CC BY-SA 4.0.
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

type Latin = 'en' | 'fr' | 'de' | 'es';
const examples = (
  JSON.parse(readFileSync(join(import.meta.dirname, 'corpus/ntrex128-parallel/dev-examples.json'), 'utf8')) as {
    documents: { id: string; lines: Record<Latin, string[]> }[];
  }
).documents;

function example(id: string): Record<Latin, string[]> {
  const found = examples.find((doc) => doc.id === id);
  if (!found) throw new Error(`${id} missing from dev-examples.json`);
  return found.lines;
}

/** A sequential page's paragraphs: two sentences each, the headline left out. */
function twoSentenceParagraphs(lines: readonly string[]): string[] {
  const body = lines.slice(1);
  const out: string[] = [];
  for (let i = 0; i < body.length; i += 2) out.push(body.slice(i, i + 2).join(' '));
  return out;
}

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

describe('word stems two Latin-script languages share', () => {
  it('keeps a French list in step with a German one that lacks a paragraph (rt.com.91335, a sequential page)', () => {
    const lines = example('rt.com.91335');
    const french = twoSentenceParagraphs(lines.fr);
    const german = twoSentenceParagraphs(lines.de).filter((_, i) => i !== 2);
    const pairsOf = (langs: Langs) => alignParagraphs(french, german, { langs, minEvidence: PAGE_EVIDENCE }).pairs.map((pair) => [pair.a, pair.b]);
    expect(pairsOf(['fr', 'de'])).toEqual([
      [0, 0],
      [1, 1],
      [3, 2],
      [4, 3],
    ]);
    // Length and sentences alone take the paragraph without translation for the next one's.
    expect(pairsOf(UNTOLD)).toContainEqual([2, 2]);
  });

  it('reads stems without accents: energéticas and énergie', () => {
    const lines = example('rt.com.91335');
    const [spanish, french] = [lines.es[0] ?? '', lines.fr[0] ?? ''];
    expect(spanish).toContain('energéticas');
    expect(french).toContain('énergie');
    // Read in ASCII, the accents cut these words short of a stem.
    expect(translationScore(spanish, french, undefined, 1, ['es', 'fr'])).toBeGreaterThan(0.5);
  });

  it('scores a translation above the next sentence more often in four language pairs', () => {
    for (const [a, b] of [
      ['en', 'fr'],
      ['en', 'de'],
      ['fr', 'de'],
      ['es', 'fr'],
    ] as const) {
      let told = 0;
      let untold = 0;
      for (const { lines } of examples) {
        for (let i = 1; i + 1 < lines[a].length; i++) {
          const [x, y, next] = [lines[a][i] ?? '', lines[b][i] ?? '', lines[b][i + 1] ?? ''];
          if (translationScore(x, y, undefined, 1, [a, b]) > translationScore(x, next, undefined, 1, [a, b])) told += 1;
          if (translationScore(x, y, undefined, 1, UNTOLD) > translationScore(x, next, undefined, 1, UNTOLD)) untold += 1;
        }
      }
      expect(told, `${a}-${b}`).toBeGreaterThan(untold);
    }
  });

  it('takes no evidence from stems two texts of one language share', () => {
    let compared = 0;
    for (const { lines } of examples) {
      for (let i = 1; i + 1 < lines.de.length; i++) {
        const [x, y] = [lines.de[i] ?? '', lines.de[i + 1] ?? ''];
        // German reads figures with a decimal comma, an untold language does not.
        if (/\d/.test(x + y)) continue;
        compared += 1;
        expect(translationScore(x, y, undefined, 1, ['de', 'de-AT'])).toBe(translationScore(x, y, undefined, 1, UNTOLD));
      }
    }
    expect(compared).toBeGreaterThan(40);
  });

  it('takes no stems from a link: a licence title is no translation of the credit line citing it (real-aiconsciousness-licence-en-es)', () => {
    const title = 'Creative Commons Attribution 4.0 International (CC BY 4.0) · Licencia bilingüe';
    const credit =
      '“From [Paradojas de la Consciencia en IA: Un Diálogo Socrático] (© 2025 [Diego-dcv]), licensed under CC BY 4.0 — https://creativecommons.org/licenses/by/4.0/”';
    const page = readFileSync(join(import.meta.dirname, 'fixtures/real-aiconsciousness-licence-en-es/page.html'), 'utf8');
    expect(page).toContain('Licencia bilingüe');
    expect(page).toContain('https://creativecommons.org/licenses/by/4.0/');
    expect(translationScore(title, credit, undefined, 1, ['en', 'es'])).toBeLessThan(0.5);
  });

  it('counts no word written alike on both sides: names are shared by other sentences of one story (reuters.218865)', () => {
    const lines = example('reuters.218865');
    const [english, french, other] = [lines.en[7] ?? '', lines.fr[7] ?? '', lines.fr[9] ?? ''];
    expect(translationScore(english, french, undefined, 1, ['en', 'fr'])).toBeGreaterThan(0.5);
    // Counted as stems, the names they share (and nothing else) made this 0.82.
    expect(translationScore(english, other, undefined, 1, ['en', 'fr'])).toBeLessThan(0.5);
  });
});
