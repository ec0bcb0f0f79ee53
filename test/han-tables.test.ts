import { describe, expect, it } from 'vitest';
import { JAPANESE_ONLY, SIMPLIFIED_ONLY, SIMPLIFIED_SHARED_WITH_JAPANESE, TRADITIONAL_ONLY } from '../engine/data/han-tables';
import { hanCodePoints } from '../engine/languages';

const chars = (gaps: string) => String.fromCodePoint(...hanCodePoints(gaps));

describe('the Han tables, written as gaps between code points', () => {
  it('read back as the characters scripts/gen-han-tables.mjs took from OpenCC', () => {
    const tables = [SIMPLIFIED_ONLY, TRADITIONAL_ONLY, JAPANESE_ONLY, SIMPLIFIED_SHARED_WITH_JAPANESE].map(hanCodePoints);
    expect(tables.map((table) => table.length)).toEqual([2494, 3079, 197, 93]);
    for (const table of tables) {
      expect(table.every((cp, i) => cp >= 0x4e00 && cp < 0xa000 && (i === 0 || cp > (table[i - 1] as number)))).toBe(true);
    }
    expect(chars(SIMPLIFIED_ONLY).startsWith('与专业丛东丝丢两严')).toBe(true);
    expect(chars(TRADITIONAL_ONLY).startsWith('丟並亂亙亞')).toBe(true);
    expect(chars(JAPANESE_ONLY).startsWith('両乗亀亜仏仮伝価')).toBe(true);
    expect(chars(SIMPLIFIED_SHARED_WITH_JAPANESE)).toContain('国');
    // A gap past 62 is written with "_" and three digits (鿔 closes the Simplified table).
    expect(chars(SIMPLIFIED_ONLY).endsWith('鿎鿏鿒鿔')).toBe(true);
  });
});
