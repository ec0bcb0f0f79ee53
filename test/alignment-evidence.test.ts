// @vitest-environment node
/**
 * Translation evidence that decides sequential pages (all of one language, then all of the
 * other), where nothing but the texts says which paragraph translates which: documents of the
 * development split of NTREX-128 (test/corpus/ntrex128-parallel/dev-sequential.json, CC BY-SA 4.0),
 * cut into paragraphs of two sentences as the pairing evaluation's pages are.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignParagraphs, type Langs, lengthRatio, translationScore } from '../engine/alignment';
import { baseLanguage } from '../engine/languages';
import { nameSounds, sharedNameSounds } from '../engine/name-sounds';

const { documents } = JSON.parse(readFileSync(join(import.meta.dirname, 'corpus/ntrex128-parallel/dev-sequential.json'), 'utf8')) as {
  documents: { id: string; lines: Record<string, string[]> }[];
};

/** The paragraphs of two sentences after the headline, in one language. */
function paragraphs(id: string, lang: string): string[] {
  const lines = documents.find((doc) => doc.id === id)?.lines[lang];
  if (!lines || lines.length < 5) throw new Error(`dev-sequential.json lacks ${id} in ${lang}`);
  const out: string[] = [];
  for (let i = 1; i < lines.length; i += 2) out.push(lines.slice(i, i + 2).join(lang === 'ja' || lang.startsWith('zh') ? '' : ' '));
  return out;
}

const ratioOf = ([a, b]: Langs) => lengthRatio(baseLanguage(a), baseLanguage(b));

describe('sentence counts', () => {
  it('reads the abbreviations of an English paragraph as no sentence ends (a U.S. election, U.S. officials)', () => {
    const langs: Langs = ['ko', 'en'];
    const ko = paragraphs('reuters.218933', 'ko');
    const en = paragraphs('reuters.218933', 'en');
    // Read as four sentences against the Korean two, the translation scored 0.67, a guess.
    expect(translationScore(ko[1] as string, en[1] as string, undefined, ratioOf(langs), langs)).toBeGreaterThan(0.9);
  });

  it('counts the sentences a danda ends in Hindi: four Hindi paragraphs pair with their English on their own evidence', () => {
    const langs: Langs = ['hi', 'en'];
    const hi = paragraphs('nytimes.184853', 'hi');
    const en = paragraphs('nytimes.184853', 'en');
    // The evidence asked of a page that nothing else shows bilingual (bilingual.ts PAGE_EVIDENCE).
    const { pairs } = alignParagraphs(hi, en, { minEvidence: 8, ratio: ratioOf(langs), langs });
    expect(pairs.map((pair) => [pair.a, pair.b])).toEqual(hi.map((_, i) => [i, i]));
  });
});

describe('figures written in words', () => {
  it('pairs "three per cent" with "3 %": of two near-duplicate paragraphs, the one that has the figure', () => {
    const langs: Langs = ['en', 'fr'];
    const en = paragraphs('dailymail.co.uk.298622', 'en');
    // The page leaves the third English paragraph untranslated; it says nearly what the fourth says.
    const fr = paragraphs('dailymail.co.uk.298622', 'fr').filter((_, i) => i !== 2);
    const { pairs } = alignParagraphs(en, fr, { ratio: ratioOf(langs), langs });
    expect(pairs.map((pair) => [pair.a, pair.b])).toEqual([
      [0, 0],
      [1, 1],
      [3, 2],
      [4, 3],
    ]);
  });
});

/** A document's headline in one language. */
function headline(id: string, lang: string): string {
  const found = documents.find((doc) => doc.id === id)?.lines[lang]?.[0];
  if (!found) throw new Error(`dev-sequential.json lacks ${id} in ${lang}`);
  return found;
}

describe('names written in another script', () => {
  it.each([
    ['guardian.221756', 'ko', 'en'],
    ['reuters.218921', 'en', 'ru'],
    ['bbc.381692', 'ru', 'de'],
  ] as const)('pairs the headline of %s in %s and %s on the names both write (Rosenstein and 로젠스타인, Scherzer and Шерзер)', (id, a, b) => {
    const langs: Langs = [a, b];
    expect(translationScore(headline(id, a), headline(id, b), undefined, ratioOf(langs), langs)).toBeGreaterThan(0.5);
  });

  it('counts a name against the Korean word it opens, ending and all, and never a name written in one script', () => {
    const [, , , ko] = paragraphs('reuters.218933', 'ko');
    const [, , , en] = paragraphs('reuters.218933', 'en');
    // 브랜스타드는: Branstad and the topic ending.
    expect(sharedNameSounds(nameSounds(ko as string), nameSounds(en as string))).toBe(1);
    expect(sharedNameSounds(nameSounds(en as string), nameSounds(en as string))).toBe(0);
  });

  it('reads katakana names against Latin and Hangul ones (ブランスタッド, Branstad, 브랜스타드)', () => {
    const ja = paragraphs('reuters.218933', 'ja')[3] as string;
    expect(sharedNameSounds(nameSounds(ja), nameSounds(paragraphs('reuters.218933', 'en')[3] as string))).toBe(1);
    expect(sharedNameSounds(nameSounds(ja), nameSounds(paragraphs('reuters.218933', 'ko')[3] as string))).toBe(1);
  });
});

describe('paragraphs left untranslated', () => {
  it('leaves the untranslated paragraph out where it stands, not at the end of a sequential page', () => {
    const langs: Langs = ['ko', 'en'];
    const ko = paragraphs('reuters.218933', 'ko');
    const en = paragraphs('reuters.218933', 'en').filter((_, i) => i !== 2);
    const { pairs } = alignParagraphs(ko, en, { ratio: ratioOf(langs), langs });
    expect(pairs.map((pair) => [pair.a, pair.b])).toEqual([
      [0, 0],
      [1, 1],
      [3, 2],
      [4, 3],
    ]);
  });
});

