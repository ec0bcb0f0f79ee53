/**
 * The development part of test/fixtures/disclosures/statements.json, scored as the held-out part is
 * (disclosures.ts), with the statements missed or wrongly flagged listed: what the rules are tuned on.
 */
import { counts, evaluate, summary } from './disclosures';
import type { EvalSection } from './section';

const section: EvalSection = {
  name: 'disclosures-dev',
  development: true,
  async run() {
    const dev = evaluate('dev');
    const lines = [
      `development part: ${dev.statements} notices, ${dev.nearMisses} near misses`,
      ...summary(dev),
      `development misses (first 15 of ${dev.misses.length}):`,
      ...dev.misses.slice(0, 15).map((m) => `  [${m.placement} ${m.lang}] ${m.text.slice(0, 110)}`),
      `development false positives (first 15 of ${dev.falsePositiveList.length}):`,
      ...dev.falsePositiveList.slice(0, 15).map((m) => `  [${m.placement} ${m.lang}] ${m.text.slice(0, 80)} → ${m.evidence.slice(0, 60)}`),
    ];
    return { lines, result: counts(dev) };
  },
};
export default section;
