import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitAtLanguageSwitch } from '../engine/language-switch';
import { languageMemo } from '../engine/languages';

const fixture = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', name, 'expected.json'), 'utf8'));

describe('splitAtLanguageSwitch', () => {
  it('splits a title written in two Latin-script languages where the language turns, names on both sides', () => {
    const { title } = fixture('seed-shaped-en-fr-card');
    const parts = splitAtLanguageSwitch(`${title.en} ${title.fr}`, ['en', 'fr'], { memo: languageMemo(), sides: ['en', 'fr'] });
    expect(parts).toEqual([
      { lang: 'en', text: title.en },
      { lang: 'fr', text: title.fr },
    ]);
  });

  it('splits German then French with no sentence end between them', () => {
    const { title } = fixture('seed-shaped-fr-de-divs-b-first');
    const parts = splitAtLanguageSwitch(`${title.de} ${title.fr}`, ['de', 'fr'], { memo: languageMemo(), sides: ['de', 'fr'] });
    expect(parts.map((part) => part.text)).toEqual([title.de, title.fr]);
  });

  it('leaves one language alone, and an address is no language', () => {
    const hint = { memo: languageMemo(), sides: ['en', 'es'] };
    // A real licence page's quote (test/fixtures/real-aiconsciousness-licence-en-es): Spanish title, English licence line.
    const quote = '“From [Paradojas de la Consciencia en IA: Un Diálogo Socrático] (© 2025 [Diego-dcv]), licensed under CC BY 4.0 — https://creativecommons.org/licenses/by/4.0/”';
    expect(splitAtLanguageSwitch(quote, ['en', 'es'], hint)).toEqual([]);
    const { title } = fixture('seed-shaped-en-fr-card');
    expect(splitAtLanguageSwitch(title.en, ['en', 'fr'], { memo: languageMemo(), sides: ['en', 'fr'] })).toEqual([]);
  });
});
