// @vitest-environment node
/**
 * One element holding a paragraph and then its translation in the same writing system (the
 * inline layout of two Latin-script languages, or of Japanese and Chinese): where the first text
 * ends. Paragraphs of two sentences from the development split of NTREX-128
 * (test/corpus/ntrex128-parallel/dev-sequential.json, CC BY-SA 4.0).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { languageMemo } from '../engine/languages';
import { splitBySentences } from '../engine/sentence-runs';

const { documents } = JSON.parse(readFileSync(join(import.meta.dirname, 'corpus/ntrex128-parallel/dev-sequential.json'), 'utf8')) as {
  documents: { id: string; lines: Record<string, string[]> }[];
};

/** Lines `at` and `at + 1` of a document in one language: one paragraph of the evaluation's pages. */
function paragraph(id: string, lang: string, at: number): string {
  const lines = documents.find((doc) => doc.id === id)?.lines[lang];
  if (!lines || lines.length <= at + 1) throw new Error(`dev-sequential.json lacks ${id} in ${lang}`);
  return lines.slice(at, at + 2).join(lang === 'ja' || lang.startsWith('zh') ? '' : ' ');
}

function split(id: string, [a, b]: [string, string], at: number) {
  const x = paragraph(id, a, at);
  const y = paragraph(id, b, at);
  const joiner = b === 'ja' || b.startsWith('zh') ? '' : ' ';
  return { x, y, parts: splitBySentences(`${x}${joiner}${y}`, { memo: languageMemo(), sides: [a, b] }) };
}

describe('splitBySentences', () => {
  it('cuts before a short first sentence of the translation that is misread alone ("C’est normal." read as English)', () => {
    const { x, y, parts } = split('rt.com.91334', ['en', 'fr'], 9);
    expect(parts.map((part) => part.text)).toEqual([x, y]);
    expect(parts.map((part) => part.lang)).toEqual(['en', 'fr']);
  });

  it('cuts before a Spanish sentence read as English alone, inside quotation marks', () => {
    const { x, y, parts } = split('euronews-en.153826', ['en', 'es'], 9);
    expect(parts.map((part) => part.text)).toEqual([x, y]);
  });

  it('keeps a Japanese sentence with the Japanese text, though the halves would score better without it', () => {
    const { x, y, parts } = split('scotsman.133758', ['ja', 'zh-Hans'], 7);
    expect(parts.map((part) => part.text)).toEqual([x, y]);
    expect(parts.map((part) => part.lang)).toEqual(['ja', 'zh-Hans']);
  });

  it('leaves a paragraph in one language whole', () => {
    expect(splitBySentences(paragraph('rt.com.91334', 'fr', 9), { memo: languageMemo(), sides: ['en', 'fr'] })).toEqual([]);
    expect(splitBySentences(paragraph('scotsman.133758', 'ja', 7), { memo: languageMemo(), sides: ['ja', 'zh-Hans'] })).toEqual([]);
  });
});
