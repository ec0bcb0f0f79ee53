import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitAtLanguageSwitch, splitAtPageTitle } from '../engine/language-switch';
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

  // Headlines of NTREX-128 development documents (CC BY-SA 4.0).
  it('ranks a short title whole where its words alone do not turn, when both halves share a name', () => {
    const en = "Peter Jones 'furious' after Holly Willoughby pulls out of £11million deal";
    const fr = 'Colère de Peter Jones après le retrait de Holly Willoughby d’un accord de 11 millions £';
    const hint = { memo: languageMemo(), sides: ['en', 'fr'] };
    expect(splitAtLanguageSwitch(`${en} ${fr}`, ['en', 'fr'], hint).parts).toEqual([]);
    expect(splitAtLanguageSwitch(`${en} ${fr}`, ['en', 'fr'], hint, true).parts.map((part) => part.text)).toEqual([en, fr]);
    // One language, ranked whole: no cut shares a name, so none is taken.
    expect(splitAtLanguageSwitch('Contributor Covenant Code of Conduct for the Digital Accessibility Toolkit project', ['en', 'fr'], hint, true).parts).toEqual([]);
  });

  it('cuts where the halves fit a title and its translation, not after an abbreviation or before the last word of a title-cased one', () => {
    const hint = { memo: languageMemo(), sides: ['en', 'fr'] };
    for (const [en, fr] of [
      ['Scherzer wants to play spoiler vs. Rockies', 'Scherzer veut jouer les trouble-fêtes contre les Rockies'],
      ['Hundreds of Migrant Children Quietly Moved to a Tent Camp on the Texas Border', 'Des centaines d’enfants de migrants se sont installés en silence dans un campement à la frontière du Texas'],
    ]) {
      expect(splitAtLanguageSwitch(`${en} ${fr}`, ['en', 'fr'], hint, true).parts.map((part) => part.text)).toEqual([en, fr]);
    }
  });

  it('reads the letters only one language writes (Vietnamese ộ, ấ, ầ)', () => {
    const en = 'Earthquakes and tsunamis in Indonesia';
    const vi = 'Động đất và sóng thần ở Indonesia';
    const { parts } = splitAtLanguageSwitch(`${en} ${vi}`, ['en', 'vi'], { memo: languageMemo(), sides: ['en', 'vi'] });
    expect(parts).toEqual([
      { lang: 'en', text: en },
      { lang: 'vi', text: vi },
    ]);
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

// Headlines of NTREX-128 development documents (CC BY-SA 4.0).
describe('splitAtPageTitle', () => {
  const cases = [
    ['en', 'fr', "Sainsbury's plans push into UK beauty market", 'Plans d’offensive de Sainsbury’s dans le marché britannique de l’esthétique'],
    ['en', 'es', 'Europe captain Thomas Bjorn knows big lead can soon disappear', 'El capitán europeo, Thomas Bjorn, sabe que el liderazgo puede desaparecer muy pronto'],
    ['pt', 'es', 'Primeira Divisão: Dundee Stars derrotam por Belfast Giants por 5-3', 'Elite League: Dundee Stars 5-3 Belfast Giants'],
  ] as const;

  it("cuts a headline where the page's own title ends, where the words alone turn a word too early or late", () => {
    for (const [x, y, a, b] of cases) {
      const hint = () => ({ memo: languageMemo(), sides: [x, y] });
      expect(splitAtLanguageSwitch(`${a} ${b}`, [x, y], hint(), true).parts.map((part) => part.text)).not.toEqual([a, b]);
      expect(splitAtPageTitle(`${a} ${b}`, [`${a} | AI News`, a, 'AI News'], [x, y], hint())).toEqual([
        { lang: x, text: a },
        { lang: y, text: b },
      ]);
      // The title in the other language, at the end of the line, says as much.
      expect(splitAtPageTitle(`${a} ${b}`, [b], [x, y], hint()).map((part) => part.text)).toEqual([a, b]);
    }
  });

  it("takes no piece of the page's title that leaves far more than a translation, nor a title in one language", () => {
    const [x, y, a, b] = cases[2];
    const hint = () => ({ memo: languageMemo(), sides: [x, y] });
    expect(splitAtPageTitle(`${a} ${b}`, ['Primeira Divisão', 'Elite League'], [x, y], hint())).toEqual([]);
    const [, , en] = cases[0];
    expect(splitAtPageTitle(`${en} as shoppers spend more on skincare`, [en], ['en', 'fr'], { memo: languageMemo(), sides: ['en', 'fr'] })).toEqual([]);
  });
});

