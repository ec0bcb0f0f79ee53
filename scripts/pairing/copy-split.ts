/**
 * Copies the held-out NTREX-128 documents (corpus.ts: isHeldOut) into
 * test/corpus/ntrex128-parallel/test-split.json, each document's first lines in fourteen languages:
 *   npx tsx scripts/pairing/copy-split.ts [path/to/shared/corpus/ntrex128]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isHeldOut, LINES_PER_DOC, readNtrex, TEST_SPLIT } from './corpus';

const source = resolve(process.argv[2] ?? '../shared/corpus/ntrex128');
const documents = readNtrex(source).filter((doc) => isHeldOut(doc.id));
mkdirSync(dirname(TEST_SPLIT), { recursive: true });
const about = `NTREX-128 held-out split: documents whose FNV-1a("heldout/" + id) % 3 === 0, first ${LINES_PER_DOC} lines each (CC BY-SA 4.0, see README.md)`;
writeFileSync(TEST_SPLIT, `${JSON.stringify({ about, documents })}\n`);
process.stdout.write(`${documents.length} documents → ${TEST_SPLIT}\n`);
