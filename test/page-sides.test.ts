// @vitest-environment node
/**
 * Sides by language (issue 12, item 2): on a page written in two Latin-script languages, a
 * headline is told between those two, neither the declared one favoured. Built from NTREX-128
 * documents of the pairing evaluation's development split
 * (test/corpus/ntrex128-parallel/dev-examples.json, CC BY-SA 4.0).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../engine/analyze';
import { detectLanguage, pageSides } from '../engine/languages';
import { foldSpace } from '../engine/text';

const { documents } = JSON.parse(readFileSync(join(import.meta.dirname, 'corpus/ntrex128-parallel/dev-examples.json'), 'utf8')) as {
  documents: { id: string; lines: Record<string, string[]> }[];
};
const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const headlines = (lang: string) => documents.map((doc) => doc.lines[lang]?.[0] ?? '');

describe('page sides', () => {
  it('are the two Latin-script languages a page writes, none for one language or another script', () => {
    const de = headlines('de');
    const en = headlines('en');
    expect(pageSides([...de, ...en], [...de.map(() => 'de'), ...en.map(() => 'en')])).toEqual(['de', 'en']);
    expect(pageSides(de, de.map(() => 'de'))).toEqual([]);
    // A few lines misread as another language do not make a second side.
    expect(pageSides([...de, en[0] ?? ''], [...de.map(() => 'de'), 'en'])).toEqual([]);
    expect(pageSides([...en, ...headlines('ru')], [...en.map(() => 'en'), ...en.map(() => 'ru')])).toEqual([]);
  });

  it('tell an English headline on a German page between German and English', () => {
    // Trigrams and the declared German read it as German: "in", "Paris" and "Ryder Cup" say little.
    expect(detectLanguage('Europe clinches Ryder Cup victory in Paris', { pageLang: 'de' })).toBe('de');
    expect(detectLanguage('Europe clinches Ryder Cup victory in Paris', { sides: ['de', 'en'] })).toBe('en');
  });

  it('pair a list of headlines, each followed by its translation, whatever language the page declares', () => {
    for (const [la, lb] of [
      ['de', 'en'],
      ['es', 'en'],
      ['en', 'de'],
    ] as const) {
      const heads = documents.map((doc) => [doc.lines[la]?.[0] ?? '', doc.lines[lb]?.[0] ?? ''] as const);
      const body = `<ul>${heads.map(([x, y]) => `<li>${esc(x)}</li><li>${esc(y)}</li>`).join('')}</ul>`;
      const { document } = parseHTML(`<!DOCTYPE html><html lang="${la}"><head><title>t</title></head><body><main><article>${body}</article></main></body></html>`);
      const { report } = analyzeDocument(document as unknown as Document);
      const found = new Set(report.bilingual.pairs.map((pair) => `${pair.a.text}|${pair.b.text}`));
      // Declared-language prior alone: 6, 4 and 5 of the 11.
      expect(heads.filter(([x, y]) => found.has(`${x}|${y}`)).length, `${la}-${lb}`).toBeGreaterThanOrEqual(8);
    }
  });

  it('tell the sentences of a paragraph holding its translation between the two sides', () => {
    // "Speaking in an Instagram Live video to his 142 million followers … En s’adressant à ses 142
    // millions de fans …": told alone, its sentences do not change language where the French begins.
    const doc = documents.find((d) => d.id === 'rt.com.91334');
    const para = (lang: string) => {
      const lines = doc?.lines[lang] ?? [];
      const out: string[] = [];
      for (let i = 1; i < lines.length; i += 2) out.push(lines.slice(i, i + 2).join(' '));
      return out;
    };
    const en = para('en');
    const fr = para('fr');
    const at = en.findIndex((text) => text.startsWith('Speaking in an Instagram'));
    expect(at).toBeGreaterThanOrEqual(0);
    const { document } = parseHTML(
      `<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main><article>${en.map((x, i) => `<p>${esc(`${x} ${fr[i]}`)}</p>`).join('')}</article></main></body></html>`,
    );
    const { report } = analyzeDocument(document as unknown as Document);
    expect(report.bilingual.pairs.map((pair) => [pair.a.text, pair.b.text])).toContainEqual([foldSpace(en[at] ?? ''), foldSpace(fr[at] ?? '')]);
  });
});
