import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../engine/analyze';
import { labelsAgree, namedLanguages } from '../engine/language-labels';
import { decodePage } from '../scripts/decode-page';
import { parsePage } from '../scripts/parse-page';

const hardPage = (name: string) => parsePage(decodePage(readFileSync(join(import.meta.dirname, 'corpus/real-pages-hard', name, 'page.html'))));
const pairsOf = (name: string) => analyzeDocument(hardPage(name)).report.bilingual.pairs.map((pair) => [pair.a.text, pair.b.text]);

describe('lines that only name a language', () => {
  it('are read in the languages and with the words pages label their halves with', () => {
    // Labels over the halves of real pages in test/corpus/real-pages-hard.
    expect(namedLanguages('🇹🇼 中文版本')).toEqual(new Set(['zh']));
    expect(namedLanguages('🇺🇸 English Version')).toEqual(new Set(['en']));
    expect(namedLanguages('Русский')).toEqual(new Set(['ru']));
    expect(namedLanguages('🇻🇳 Tiếng Việt')).toEqual(new Set(['vi']));
    expect(namedLanguages('한국어 설명')).toEqual(new Set(['ko']));
    expect(namedLanguages('Deutsch / German:')).toEqual(new Set(['de']));
    expect(namedLanguages('English | 中文')).toEqual(new Set(['en', 'zh']));
    // A sentence that mentions a language, and a line naming nothing, are not labels.
    expect(namedLanguages('English follows Chinese')).toBeNull();
    expect(namedLanguages('英語での説明 --- English ---')).toBeNull();
    expect(namedLanguages('Overview')).toBeNull();
  });

  it('translate only a label naming the same language', () => {
    // test/corpus/real-pages-hard/real-claudecode-i18n-paragraphs-zh-en pairs these inline.
    expect(labelsAgree('✅ 英文版本', 'English Version')).toBe(true);
    expect(labelsAgree('简体中文', 'Simplified Chinese')).toBe(true);
    expect(labelsAgree('🇹🇼 中文版本', '🇺🇸 English Version')).toBe(false);
    expect(labelsAgree('WinStateDiag', 'Русский')).toBe(false);
    expect(labelsAgree('Overview', 'Übersicht')).toBe(true);
  });

  it('are never paired with the other half’s first line or label on a real page', () => {
    // A release README whose halves open with "🇹🇼 中文版本" and "🇺🇸 English Version", and a README
    // whose Russian half opens with the heading "Русский" under the page's title "WinStateDiag".
    const retryix = pairsOf('real-retryix-release-zh-hant-en');
    expect(retryix).not.toContainEqual(['🇹🇼 中文版本', '🇺🇸 English Version']);
    expect(retryix).toContainEqual(['🔥 概要', 'Overview']);
    const winstatediag = pairsOf('real-winstatediag-readme-en-ru').flat();
    expect(winstatediag).not.toContain('Русский');
    // Two labels naming the same language stay a pair.
    expect(pairsOf('real-claudecode-i18n-paragraphs-zh-en')).toEqual(
      expect.arrayContaining([
        ['✅ 英文版本', 'English Version'],
        ['简体中文', 'Simplified Chinese'],
      ]),
    );
  });
});
