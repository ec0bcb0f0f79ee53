/**
 * The whole report on held-out pages shaped like the seed, in 25 language pairs and three kinds of
 * markup (scripts/seed-shaped/): title halves, pairs, copies, the cut-off paragraph, untranslated
 * paragraphs and the AI notice, built from the 27 NTREX-128 documents of the pairing test split.
 */
import { readTestSplit } from '../pairing/corpus';
import { LANGUAGE_PAIRS } from '../pairing/pages';
import { buildSeedShapedPages } from '../seed-shaped/pages';
import { evaluateSeedShaped, seedShapedLines } from '../seed-shaped/score';
import type { EvalSection } from './section';

const section: EvalSection = {
  name: 'seed-shaped',
  async run() {
    const evaluation = evaluateSeedShaped(buildSeedShapedPages(readTestSplit(), LANGUAGE_PAIRS));
    const { outcomes: _, ...result } = evaluation;
    return { lines: seedShapedLines(evaluation), result };
  },
};

export default section;
