/**
 * Writes test/fixtures/seed-shaped-*: seed-shaped pages (pages.ts) in Latin-script and CJK language
 * pairs from development documents of NTREX-128 (CC BY-SA 4.0, see test/fixtures/NTREX-README.md),
 * with the ground truth in the seed's format. Provenance of those fixtures; no test runs it.
 *   npx tsx scripts/seed-shaped/make-fixtures.ts [path/to/shared/corpus/ntrex128]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { baseLanguage } from '../../engine/lang-tags';
import { isHeldOut, readNtrex } from '../pairing/corpus';
import { type Shell, seedShapedPage } from './pages';

const dir = resolve(process.argv[2] ?? '../shared/corpus/ntrex128');
const docs = readNtrex(dir);
const CHOSEN: [string, [string, string], Shell][] = [
  ['guardian.221718', ['en', 'fr'], 'card'],
  ['reuters.218923', ['fr', 'de'], 'divs-b-first'],
  ['reuters.218923', ['ja', 'zh-Hans'], 'spans'],
  ['abcnews.306815', ['ko', 'ja'], 'spans'],
  ['nytimes.184853', ['zh-Hant', 'en'], 'divs-b-first'],
  ['cnn.304489', ['ar', 'fr'], 'columns'],
  ['dailymail.co.uk.298622', ['pt', 'es'], 'spans'],
];
for (const [id, pair, shell] of CHOSEN) {
  const doc = docs.find((d) => d.id === id);
  if (!doc || isHeldOut(id)) throw new Error(`${id}: not a development document`);
  const page = seedShapedPage(doc, pair, shell, id);
  const [a, b] = pair.map(baseLanguage) as [string, string];
  const { truth } = page;
  const expected = {
    about: `A seed-shaped page (scripts/seed-shaped/pages.ts, shell "${shell}") from NTREX-128 document ${id} in ${pair.join('–')}: the title in both languages in one element, a summary gluing a cut copy of the first paragraph to its translation, the analysis in one language then its translation with the first paragraph twice and the last cut off with "...", an English AI notice.`,
    title: { [a]: truth.title[0], [b]: truth.title[1] },
    // In the order the page first writes them.
    bilingual: { languages: shell === 'divs-b-first' ? [b, a] : [a, b], layouts: ['inline (title, summary)', shell === 'columns' ? 'side-by-side (analysis)' : 'sequential (analysis)'] },
    pairs: truth.pairs.map(([x, y]) => ({ [a]: x, [b]: y })),
    untranslated: { [a]: truth.untranslated },
    duplicates: [
      { kind: 'exact', kept: truth.exactCopy, copies: [truth.exactCopy, truth.exactCopy] },
      { kind: 'truncated', kept: truth.cutCopy.kept, copies: [truth.cutCopy.copy] },
    ],
    truncated: [{ text: truth.truncated }],
    disclosures: [{ kind: 'generated', source: 'text' }],
    // Each chip prints its name twice, in two elements.
    tags: ['chips', 'policy'],
  };
  const out = join('test/fixtures', `seed-shaped-${pair.join('-')}-${shell}`);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'page.html'), page.html);
  writeFileSync(join(out, 'expected.json'), `${JSON.stringify(expected, null, 1)}\n`);
  process.stdout.write(`${out}\n`);
}
