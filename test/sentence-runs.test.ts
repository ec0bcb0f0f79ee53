// @vitest-environment node
/**
 * One element holding a paragraph and then its translation in the same writing system (the
 * inline layout of two Latin-script languages, or of Japanese and Chinese): where the first text
 * ends. Paragraphs of two sentences from the development split of NTREX-128
 * (test/corpus/ntrex128-parallel/dev-sequential.json, CC BY-SA 4.0).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../engine/analyze';
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

  it('cuts at a colon before a capital, where the first text ends ("… auf der Insel Sulawesi: In Palu, …")', () => {
    const { x, y, parts } = split('reuters.218865', ['de', 'en'], 3);
    expect(parts.map((part) => part.text)).toEqual([x, y]);
  });

  it('never cuts a headline of one sentence at its colon', () => {
    const headline = documents.find((doc) => doc.id === 'guardian.221718')?.lines.tr?.[0] ?? '';
    expect(headline).toContain(': ');
    expect(splitBySentences(headline, { memo: languageMemo() })).toEqual([]);
  });

  it('leaves a paragraph in one language whole', () => {
    expect(splitBySentences(paragraph('rt.com.91334', 'fr', 9), { memo: languageMemo(), sides: ['en', 'fr'] })).toEqual([]);
    expect(splitBySentences(paragraph('scotsman.133758', 'ja', 7), { memo: languageMemo(), sides: ['ja', 'zh-Hans'] })).toEqual([]);
  });

  it('pairs Japanese and Chinese halves on the Han characters they share (an inline page)', () => {
    const paragraphs = [1, 3, 5, 7, 9].map((at) => [paragraph('scotsman.133758', 'ja', at), paragraph('scotsman.133758', 'zh-Hans', at)] as const);
    const body = paragraphs.map(([ja, zh]) => `<p>${ja}${zh}</p>`).join('');
    const { document } = parseHTML(`<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>t</title></head><body><main><article>${body}</article></main></body></html>`);
    const { pairs } = analyzeDocument(document as unknown as Document).report.bilingual;
    const [ja, zh] = paragraphs[3] as readonly [string, string];
    // Scored without their languages, these halves came to 0.496, under the 0.5 a split needs.
    expect(pairs.some((pair) => pair.a.text === ja && pair.b.text === zh)).toBe(true);
  });

  it('leaves the mark between a sentence and its translation to neither ("Text. // Translation.")', () => {
    // The first line of test/corpus/real-pages-hard/real-tipstricks-imprint-de-en: with the "//"
    // kept, the English half opened like a code comment and paired with nothing.
    const text = 'Diese Website nutzt keine Cookies. // This website does not use cookies.';
    expect(splitBySentences(text, { memo: languageMemo(), sides: ['de', 'en'] }).map((part) => part.text)).toEqual([
      'Diese Website nutzt keine Cookies.',
      'This website does not use cookies.',
    ]);
  });
});
