// @vitest-environment node
/**
 * Duplicate and truncation detection on the innermost blocks of the 62 real pages
 * (test/corpus/real-pages): none is bilingual or cut by a machine, so what is found is a false
 * positive. Whole-corpus runs belong in the stress tier.
 */
import { describe, expect, it } from 'vitest';
import { findDuplicates } from '../engine/duplicates';
import { truncation } from '../engine/truncation';
import { blockTexts } from './block-texts';
import { realPage, realPageNames } from './real-pages-corpus';

const pages = realPageNames().map((name) => ({ name, texts: blockTexts(realPage(name)) }));

describe('the blocks of the 62 real pages', () => {
  it('are over 9,000', () => {
    expect(pages.reduce((sum, page) => sum + page.texts.length, 0)).toBeGreaterThan(9000);
  });

  it('hold (almost) no duplicates: their repeated lines are labels and headlines', () => {
    const groups = pages.reduce((sum, page) => sum + findDuplicates(page.texts).length, 0);
    // The one group measured: a citation that wikipedia-4 lists twice, word for word.
    expect(groups).toBeLessThanOrEqual(1);
  });

  it('are flagged as truncated at most a handful of times', () => {
    const flagged = pages.flatMap((page) => page.texts.filter((text) => truncation(text) !== null).map((text) => `${page.name}: ${text.slice(-60)}`));
    // Measured 6: two blog-index excerpts really cut ("…CSCI 6...", "…compiler back..."), and four
    // comments or notes trailing off ("Take it away, MR...") that no rule can tell from a cut.
    expect(flagged.length).toBeLessThanOrEqual(6);
  });
});
