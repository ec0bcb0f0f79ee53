/**
 * Pairing on held-out pages: the 27 NTREX-128 documents of test/corpus/ntrex128-parallel (never
 * tuned on) laid out in nine layouts and 25 language pairs, plus monolingual and unrelated-text
 * controls. Figures per layout and per language pair (scripts/pairing/). A line printed the same in
 * both languages (white space and case aside) is truth "untranslated", not a pair (pages.ts:
 * sameLine); no such line stands in the held-out documents, so this section's figures did not move.
 */
import { readTestSplit } from '../pairing/corpus';
import { buildPages } from '../pairing/pages';
import { evaluate, summaryLines } from '../pairing/score';
import type { EvalSection } from './section';

const section: EvalSection = {
  name: 'pairing',
  async run() {
    const evaluation = evaluate(buildPages(readTestSplit()));
    const { outcomes: _, ...result } = evaluation;
    return { lines: summaryLines(evaluation), result };
  },
};

export default section;
