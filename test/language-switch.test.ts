import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitAtLanguageSwitch } from '../engine/language-switch';
import { languageMemo } from '../engine/languages';

const fixture = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', name, 'expected.json'), 'utf8'));

describe('splitAtLanguageSwitch', () => {
  it('splits a title written in two Latin-script languages where the language turns, names on both sides', () => {
    const { title } = fixture('seed-shaped-en-fr-card');
    const { parts } = splitAtLanguageSwitch(`${title.en} ${title.fr}`, ['en', 'fr'], { memo: languageMemo(), sides: ['en', 'fr'] });
    expect(parts).toEqual([
      { lang: 'en', text: title.en },
      { lang: 'fr', text: title.fr },
    ]);
  });

  it('splits German then French with no sentence end between them', () => {
    const { title } = fixture('seed-shaped-fr-de-divs-b-first');
    const { parts } = splitAtLanguageSwitch(`${title.de} ${title.fr}`, ['de', 'fr'], { memo: languageMemo(), sides: ['de', 'fr'] });
    expect(parts.map((part) => part.text)).toEqual([title.de, title.fr]);
  });

  it('splits Korean from Japanese, and Japanese from Chinese, by the scripts only one of them writes', () => {
    for (const [name, x, y] of [
      ['seed-shaped-ko-ja-spans', 'ko', 'ja'],
      ['seed-shaped-ja-zh-Hans-spans', 'ja', 'zh'],
    ] as const) {
      const { title } = fixture(name);
      const sides = [x, y === 'zh' ? 'zh-Hans' : y];
      const { parts, byScript } = splitAtLanguageSwitch(`${title[x]} ${title[y]}`, sides, { memo: languageMemo(), sides });
      expect(parts.map((part) => part.text)).toEqual([title[x], title[y]]);
      expect(byScript).toBe(true);
    }
  });

  it('leaves one language alone, and an address is no language', () => {
    const hint = { memo: languageMemo(), sides: ['en', 'es'] };
    // A real licence page's quote (test/fixtures/real-aiconsciousness-licence-en-es): Spanish title, English licence line.
    const quote = '“From [Paradojas de la Consciencia en IA: Un Diálogo Socrático] (© 2025 [Diego-dcv]), licensed under CC BY 4.0 — https://creativecommons.org/licenses/by/4.0/”';
    expect(splitAtLanguageSwitch(quote, ['en', 'es'], hint).parts).toEqual([]);
    const { title } = fixture('seed-shaped-en-fr-card');
    expect(splitAtLanguageSwitch(title.en, ['en', 'fr'], { memo: languageMemo(), sides: ['en', 'fr'] }).parts).toEqual([]);
  });
});
