/**
 * The pairing evaluation on the development split (the 55 NTREX-128 documents not held out),
 * with the failures of each page: what to tune on. Never run on the test split.
 *   npx tsx scripts/pairing/dev.ts [path/to/shared/corpus/ntrex128] [--show LAYOUT|PAIR|controls|all] [--builds N]
 * --builds N lays the split out N times, the documents rotated by 7 each time, so that each layout
 * and language pair meets other documents: more failures to learn from (untranslated marks are
 * few in one build), still none of the test split.
 */
import { devArguments } from './corpus';
import { buildPages } from './pages';
import { evaluate, summaryLines } from './score';

const { docs, option } = devArguments(process.argv.slice(2), ['--show', '--builds']);
const show = option('--show');
const builds = Number(option('--builds') ?? 1);
const ROTATION = 7;
const pages = Array.from({ length: builds }, (_, r) => {
  const rotated = [...docs.slice((r * ROTATION) % docs.length), ...docs.slice(0, (r * ROTATION) % docs.length)];
  return buildPages(rotated).map((page) => (r === 0 ? page : { ...page, name: `build${r}/${page.name}` }));
}).flat();
const evaluation = evaluate(pages);
for (const line of summaryLines(evaluation)) process.stdout.write(`${line}\n`);
const cut = (text: string) => (text.length > 70 ? `${text.slice(0, 69)}…` : text);
if (show) {
  for (const o of evaluation.outcomes) {
    const { page } = o;
    const wanted = show === 'all' || (show === 'controls' ? page.control : page.layout === show || page.pair === show);
    const falsePositive = page.control && (o.report.bilingual.detected || o.report.bilingual.pairs.length > 0);
    if (!wanted || (o.wrong.length + o.missed.length + o.wrongUntranslated.length + o.missedUntranslated.length === 0 && !falsePositive)) continue;
    process.stdout.write(`\n# ${page.name} detected=${o.report.bilingual.detected} ${o.report.bilingual.languages.join('+')}\n`);
    for (const [x, y] of o.wrong) process.stdout.write(`  WRONG  ${cut(x)}\n      ~ ${cut(y)}\n`);
    for (const [x, y] of o.missed) process.stdout.write(`  MISSED ${cut(x)}\n      ~ ${cut(y)}\n`);
    for (const x of o.wrongUntranslated) process.stdout.write(`  UNTR+  ${cut(x)}\n`);
    for (const x of o.missedUntranslated) process.stdout.write(`  UNTR-  ${cut(x)}\n`);
  }
}
