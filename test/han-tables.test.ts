import { describe, expect, it } from 'vitest';
import {
  HAN_END,
  HAN_FIRST,
  HAN_FLAGS,
  HAN_JAPANESE,
  HAN_SHARED_WITH_JAPANESE,
  HAN_SIMPLIFIED,
  HAN_TRADITIONAL,
} from '../engine/data/han-tables';
import { detectLanguage } from '../engine/languages';

/** The characters whose flags hold `flag`, in code point order. */
const withFlag = (flag: number) =>
  [...HAN_FLAGS].flatMap((ch, i) => ((ch.charCodeAt(0) - 48) & flag ? [String.fromCodePoint(HAN_FIRST + i)] : [])).join('');

describe('the Han flag table, one character per code point of the main CJK block', () => {
  it('holds the characters scripts/gen-han-tables.mjs took from OpenCC', () => {
    expect(HAN_FLAGS.length).toBe(HAN_END - HAN_FIRST);
    expect(/^[0-9:;<=>?]*$/.test(HAN_FLAGS)).toBe(true);
    const tables = [HAN_SIMPLIFIED, HAN_TRADITIONAL, HAN_JAPANESE, HAN_SHARED_WITH_JAPANESE].map(withFlag);
    expect(tables.map((table) => [...table].length)).toEqual([2494, 3079, 197, 93]);
    const [simplified = '', traditional = '', japanese = '', shared = ''] = tables;
    expect(simplified.startsWith('与专业丛东丝丢两严')).toBe(true);
    expect(simplified.endsWith('鿎鿏鿒鿔')).toBe(true);
    expect(traditional.startsWith('丟並亂亙亞')).toBe(true);
    expect(japanese.startsWith('両乗亀亜仏仮伝価')).toBe(true);
    expect(shared).toContain('国');
    // Shared with Japanese is a part of Simplified-only; the other tables are apart.
    expect([...shared].every((ch) => simplified.includes(ch))).toBe(true);
    expect([...simplified].some((ch) => traditional.includes(ch) || japanese.includes(ch))).toBe(false);
  });

  it('tells the Chinese scripts and Japanese apart by them', () => {
    expect(detectLanguage('这个国家的经济发展很快，人们的生活越来越好。')).toBe('zh-Hans');
    expect(detectLanguage('這個國家的經濟發展很快，人們的生活越來越好。')).toBe('zh-Hant');
  });
});
