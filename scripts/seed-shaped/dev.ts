/**
 * The seed-shaped evaluation on the development split (the NTREX-128 documents not held out), with
 * what each page got wrong: what to tune on. Never run on the test split.
 *   npx tsx scripts/seed-shaped/dev.ts [path/to/shared/corpus/ntrex128] [--show PAIR|SHELL|all]
 */
import { devArguments } from '../pairing/corpus';
import { LANGUAGE_PAIRS } from '../pairing/pages';
import { buildSeedShapedPages } from './pages';
import { evaluateSeedShaped, isWhole, seedShapedLines } from './score';

const { docs, option } = devArguments(process.argv.slice(2), ['--show']);
const show = option('--show');
const evaluation = evaluateSeedShaped(buildSeedShapedPages(docs, LANGUAGE_PAIRS));
for (const line of seedShapedLines(evaluation)) process.stdout.write(`${line}\n`);
const cut = (text: string) => (text.length > 70 ? `${text.slice(0, 69)}…` : text);
if (show) {
  for (const o of evaluation.outcomes) {
    const { page, report } = o;
    if (isWhole(o) || (show !== 'all' && page.pair !== show && page.shell !== show)) continue;
    const failed = Object.entries(o.checks).filter(([, ok]) => !ok).map(([name]) => name);
    process.stdout.write(`\n# ${page.name} ${report.bilingual.detected ? report.bilingual.languages.join('+') : 'not bilingual'} failed: ${failed.join(', ') || '–'}\n`);
    if (failed.includes('title')) process.stdout.write(`  TITLE  ${(report.title?.parts ?? []).map((part) => `${part.lang}: ${cut(part.text)}`).join(' | ')}\n`);
    for (const [x, y] of o.wrong) process.stdout.write(`  WRONG  ${cut(x)}\n      ~ ${cut(y)}\n`);
    for (const [x, y] of o.missed) process.stdout.write(`  MISSED ${cut(x)}\n      ~ ${cut(y)}\n`);
    for (const x of o.wrongUntranslated) process.stdout.write(`  UNTR+  ${cut(x)}\n`);
    for (const x of o.missedUntranslated) process.stdout.write(`  UNTR-  ${cut(x)}\n`);
    if (failed.includes('exactCopies') || failed.includes('cutCopy')) {
      for (const d of report.duplicates) process.stdout.write(`  DUP ${d.kind} ×${d.copies.length} ${cut(d.kept)}\n`);
    }
  }
}
