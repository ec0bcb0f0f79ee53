/**
 * The pairing evaluation on the development split (the 55 NTREX-128 documents not held out),
 * with the failures of each page: what to tune on. Never run on the test split.
 *   npx tsx scripts/pairing/dev.ts [path/to/shared/corpus/ntrex128] [--show LAYOUT|PAIR|controls|all]
 */
import { resolve } from 'node:path';
import { isHeldOut, readNtrex } from './corpus';
import { buildPages } from './pages';
import { evaluate, summaryLines } from './score';

const args = process.argv.slice(2);
const showAt = args.indexOf('--show');
const show = showAt >= 0 ? args[showAt + 1] : undefined;
const dir = resolve(args.find((arg, i) => !arg.startsWith('--') && (showAt < 0 || i !== showAt + 1)) ?? '../shared/corpus/ntrex128');
const docs = readNtrex(dir).filter((doc) => !isHeldOut(doc.id));
const evaluation = evaluate(buildPages(docs));
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
