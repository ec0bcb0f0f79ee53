import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CJK_WEIGHT, dominantFamily, familyOfLanguage, hangulConsonants, isCjk, isUnspaced, katakanaPlace, latinLength, scriptOf } from '../engine/writing-systems';

const cp = (ch: string) => ch.codePointAt(0) ?? 0;

describe('the table of writing systems', () => {
  it.each([
    ['中', 'han'],
    ['㐀', 'han'],
    ['𠀀', 'han'],
    ['々', 'han'],
    ['〇', 'han'],
    ['⺀', 'han'],
    ['あ', 'hiragana'],
    ['カ', 'katakana'],
    ['ㇰ', 'katakana'],
    ['ｶ', 'katakana'],
    ['한', 'hangul'],
    ['ㄱ', 'hangul'],
    ['a', 'latin'],
    ['é', 'latin'],
    ['ệ', 'latin'],
    ['Ａ', 'latin'],
    ['я', 'cyrillic'],
    ['ع', 'arabic'],
    ['ש', 'hebrew'],
    ['ก', 'thai'],
    ['ह', 'devanagari'],
    ['λ', 'greek'],
  ])('%s is %s', (ch, script) => {
    expect(scriptOf(cp(ch))).toBe(script);
  });

  it.each(['1', '。', '・', '×', '٣', '-', ' ', '😀'])('%s belongs to no script', (ch) => {
    expect(scriptOf(cp(ch))).toBeNull();
  });

  it('CJK means Han, kana and Hangul; unspaced means Han and kana', () => {
    expect([...'中あカ한'].every((ch) => isCjk(cp(ch)))).toBe(true);
    expect([...'aяع1。'].some((ch) => isCjk(cp(ch)))).toBe(false);
    expect([...'中あカ'].every((ch) => isUnspaced(cp(ch)))).toBe(true);
    expect(isUnspaced(cp('한'))).toBe(false);
  });

  it('a sentence and its Chinese translation come out about the same Latin length (NTREX-128)', () => {
    const dir = join(import.meta.dirname, 'fixtures/langid/ntrex128');
    const en = readFileSync(join(dir, 'lines.eng.txt'), 'utf8').trim().split('\n');
    for (const file of ['lines.zho-CN.txt', 'lines.zho-TW.txt']) {
      const zh = readFileSync(join(dir, file), 'utf8').trim().split('\n');
      expect(zh.length).toBe(en.length);
      const ratios = en.map((line, i) => latinLength(zh[i] ?? '') / latinLength(line)).sort((a, b) => a - b);
      const median = ratios[Math.floor(ratios.length / 2)] ?? 0;
      expect(median).toBeGreaterThan(0.9);
      expect(median).toBeLessThan(1.15);
    }
  });

  it('counts a CJK character as CJK_WEIGHT, a character outside the BMP once', () => {
    expect(latinLength('ab')).toBe(2);
    expect(latinLength('中文')).toBeCloseTo(2 * CJK_WEIGHT);
    expect(latinLength('𠀀')).toBeCloseTo(CJK_WEIGHT);
    expect(latinLength('😀')).toBe(1);
  });

  it('stops counting at a threshold: a long text is only as long as the test needs', () => {
    const long = 'a'.repeat(1_000_000);
    expect(latinLength(long, 140)).toBe(140);
    expect(latinLength('中文中文', 4)).toBeCloseTo(2 * CJK_WEIGHT);
    expect(latinLength('ab', 140)).toBe(2);
  });

  it('tells the family most letters are written in, and the family of a language', () => {
    expect(dominantFamily('AI 新闻报道')).toBe('han');
    expect(dominantFamily('ニュース AI')).toBe('kana');
    expect(dominantFamily('Новости AI')).toBe('cyrillic');
    expect(dominantFamily('2024 · …')).toBeNull();
    expect(familyOfLanguage('zh')).toBe('han');
    expect(familyOfLanguage('ja')).toBe('kana');
    expect(familyOfLanguage('fr')).toBe('latin');
  });
});

describe('letters inside a syllable or a kana row (name-sounds.ts)', () => {
  it("reads a Hangul syllable's initial and final consonants", () => {
    expect(hangulConsonants(cp('가'))).toEqual([0, 0]);
    expect(hangulConsonants(cp('브'))).toEqual([7, 0]);
    expect(hangulConsonants(cp('랜'))).toEqual([5, 4]);
    expect(hangulConsonants(cp('힣'))).toEqual([18, 27]);
    expect(hangulConsonants(cp('ㄱ'))).toBeNull();
    expect(hangulConsonants(cp('A'))).toBeNull();
  });

  it('places katakana letters from ァ to ヺ, and nothing else', () => {
    expect(katakanaPlace(cp('ァ'))).toBe(0);
    expect(katakanaPlace(cp('カ'))).toBe(10);
    expect(katakanaPlace(cp('ヺ'))).toBe(89);
    expect(katakanaPlace(cp('ー'))).toBe(-1);
    expect(katakanaPlace(cp('か'))).toBe(-1);
  });
});
