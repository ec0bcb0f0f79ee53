import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyIndex } from '../engine/glued-copies';

/** A seed-shaped page's first paragraph, its cut-off copy and its translation (NTREX-128, CC BY-SA 4.0). */
function texts(name: string): { whole: string; cut: string; translation: string } {
  const expected = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', name, 'expected.json'), 'utf8'));
  const exact = expected.duplicates.find((d: { kind: string }) => d.kind === 'exact');
  const truncated = expected.duplicates.find((d: { kind: string }) => d.kind === 'truncated');
  return { whole: truncated.kept, cut: truncated.copies[0], translation: exact.kept };
}

describe('copyIndex', () => {
  it('splits a summary glued from a cut-off copy and a whole copy, either first, in one script', () => {
    const { whole, cut, translation } = texts('seed-shaped-fr-de-divs-b-first');
    const index = copyIndex([`${translation} ${cut}`, `${cut} ${translation}`, whole, translation]);
    expect(index.gluedCopies(0)).toEqual([translation, cut]);
    expect(index.gluedCopies(1)).toEqual([cut, translation]);
    expect(index.startsAnother(cut, 0)).toBe(true);
  });

  it('leaves alone a block that only begins like another, and a block that is another whole', () => {
    const { whole, cut, translation } = texts('seed-shaped-en-fr-card');
    const index = copyIndex([`${translation} and a sentence of its own that no other block holds.`, translation, whole]);
    expect(index.gluedCopies(0)).toEqual([]);
    expect(index.gluedCopies(1)).toEqual([]);
    expect(index.startsAnother(`${cut} and more`, 0)).toBe(false);
  });
});
