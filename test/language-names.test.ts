import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseLanguage, DETECTABLE_LANGUAGES } from '@/engine/lang-tags';
import { detectLanguage } from '@/engine/languages';
import { languageName, modeName, OWN_NAMES, ownName } from '@/utils/language-names';
import { EN, ZH } from './popup-support';

describe('language names', () => {
  it('names each language in its own language, without the script', () => {
    expect(['en', 'fr', 'de', 'zh', 'zh-Hans', 'zh-Hant', 'ja', 'ko', 'en-US'].map(languageName)).toEqual([
      'English', 'Français', 'Deutsch', '中文', '中文', '中文', '日本語', '한국어', 'English',
    ]);
  });

  it('names "both" in the UI language and a language the same in every UI language', () => {
    expect(['en', 'zh-Hans', 'both'].map((mode) => modeName(mode, EN.t))).toEqual(['English', '中文', 'Both']);
    expect(['en', 'zh-Hans', 'both'].map((mode) => modeName(mode, ZH.t))).toEqual(['English', '中文', '双语']);
  });

  it('falls back to the tag for a name it cannot build', () => {
    expect(languageName('not a tag')).toBe('not a tag');
  });
});

describe('the languages a reader may choose', () => {
  it('hold every language the engine names on real sentences of eleven languages', () => {
    const dir = join(__dirname, 'fixtures/langid/sentences');
    const files = readdirSync(dir).filter((file) => file.endsWith('.txt'));
    expect(files.length).toBeGreaterThanOrEqual(11);
    const named = new Set<string>();
    for (const file of files) {
      for (const line of readFileSync(join(dir, file), 'utf8').split('\n').slice(0, 200)) {
        if (line.trim()) named.add(baseLanguage(detectLanguage(line)));
      }
    }
    named.delete('und');
    expect([...named].filter((tag) => !DETECTABLE_LANGUAGES.includes(tag))).toEqual([]);
    // The engine answers at least the languages of the sentences, and more (a short line misread).
    for (const file of files) expect(named).toContain(file.replace('.txt', ''));
  });

  it('each have a name of their own', () => {
    for (const tag of DETECTABLE_LANGUAGES) expect(languageName(tag), tag).not.toBe(tag);
  });

  it('are named without asking Intl, as Intl names them', () => {
    expect(Object.keys(OWN_NAMES).sort()).toEqual([...DETECTABLE_LANGUAGES].sort());
    for (const tag of DETECTABLE_LANGUAGES) expect(OWN_NAMES[tag], tag).toBe(ownName(tag));
  });
});
