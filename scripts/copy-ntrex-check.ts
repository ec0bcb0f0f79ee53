/**
 * Copies the held-out TEST split of NTREX-128 that the translation check is measured on into
 * test/corpus/ntrex128-check/ (CC BY-SA 4.0; see the README there). The split is fixed by a rule,
 * not by looking at the text: documents in order of first appearance in DOCUMENT_IDS.tsv, every
 * third one (index % 3 === 2), 27 of 82. The translation check is never tuned on these documents.
 *
 *   npx tsx scripts/copy-ntrex-check.ts [path/to/shared/corpus/ntrex128]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const corpus = resolve(process.argv[2] ?? '../shared/corpus/ntrex128');
const out = resolve('test/corpus/ntrex128-check');

/** Languages the check's evaluation reads: the English source and translations with Arabic digits or Chinese numerals. */
const FILES = ['src.eng', 'ref.zho-CN', 'ref.zho-TW', 'ref.deu', 'ref.fra', 'ref.spa'];

const lines = (file: string) => readFileSync(join(corpus, file), 'utf8').split(/\r?\n/).slice(0, -1);
const ids = lines('DOCUMENT_IDS.tsv').map((line) => line.split('\t')[0] ?? '');
const order = [...new Set(ids)];
const test = new Set(order.filter((_id, i) => i % 3 === 2));
const rows = ids.flatMap((id, i) => (test.has(id) ? [i] : []));

mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'DOCUMENT_IDS.tsv'), `${rows.map((i) => ids[i]).join('\n')}\n`);
for (const file of FILES) {
  const text = lines(`newstest2019-${file}.txt`);
  if (text.length !== ids.length) throw new Error(`${file}: ${text.length} lines, ${ids.length} ids`);
  writeFileSync(join(out, `${file}.txt`), `${rows.map((i) => text[i]).join('\n')}\n`);
}
process.stdout.write(`${test.size} of ${order.length} documents, ${rows.length} lines → ${out}\n`);
