/**
 * How the language switch cuts a title written in two languages in one line, on the development
 * headlines of NTREX-128 in every language pair: cut exactly, cut wrong, and monolingual titles cut
 * at all. What to tune the switch on; never run on the held-out split.
 *   npx tsx scripts/seed-shaped/titles.ts [path/to/shared/corpus/ntrex128] [--show PAIR]
 */
import { splitAtLanguageSwitch } from '../../engine/language-switch';
import { languageMemo } from '../../engine/languages';
import { devArguments } from '../pairing/corpus';
import { LANGUAGE_PAIRS } from '../pairing/pages';

const { docs, option } = devArguments(process.argv.slice(2), ['--show']);
const show = option('--show');
const rows: string[] = [];
const shown: string[] = [];
let [titles, exact, wrong, monolingual] = [0, 0, 0, 0];
for (const [x, y] of LANGUAGE_PAIRS) {
  let [pairExact, pairWrong, pairMono] = [0, 0, 0];
  for (const doc of docs) {
    const a = doc.lines[x]?.[0];
    const b = doc.lines[y]?.[0];
    if (!a || !b) continue;
    titles++;
    const hint = () => ({ memo: languageMemo(), sides: [x, y] });
    const { parts } = splitAtLanguageSwitch(`${a} ${b}`, [x, y], hint(), true);
    if (parts.length === 2 && parts[0]?.text === a && parts[1]?.text === b) pairExact++;
    else if (parts.length > 0) {
      pairWrong++;
      if (show === `${x}-${y}`) shown.push(`  WRONG ${parts.map((part) => part.text).join('  ||  ')}`);
    }
    if (splitAtLanguageSwitch(a, [x, y], hint(), true).parts.length > 0) pairMono++;
  }
  exact += pairExact;
  wrong += pairWrong;
  monolingual += pairMono;
  rows.push(`${`${x}-${y}`.padEnd(14)} exact ${pairExact}  wrong ${pairWrong}  monolingual cut ${pairMono}`);
}
process.stdout.write(`${titles} titles per case: exact ${exact}, wrong ${wrong}, monolingual titles cut ${monolingual} (pairs in two scripts are splitInline's)\n${[...rows, ...shown].join('\n')}\n`);
