/**
 * NTREX-128 documents in fourteen languages for the pairing evaluation, and the rule that splits
 * them into a held-out test split (evaluated by `npm run -s eval -- --section pairing`, never
 * tuned on) and a development split (scripts/pairing/dev.ts, read from shared/corpus/ntrex128).
 *
 * The rule was fixed before any tuning: a document is held out when the 32-bit FNV-1a hash of
 * "heldout/" + its id is divisible by 3 (27 of the 82 documents).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Page language tag → NTREX-128 file (all aligned line by line with the English source). */
export const NTREX_FILES: Record<string, string> = {
  en: 'newstest2019-src.eng.txt',
  'zh-Hans': 'newstest2019-ref.zho-CN.txt',
  'zh-Hant': 'newstest2019-ref.zho-TW.txt',
  ja: 'newstest2019-ref.jpn.txt',
  ko: 'newstest2019-ref.kor.txt',
  fr: 'newstest2019-ref.fra.txt',
  de: 'newstest2019-ref.deu.txt',
  es: 'newstest2019-ref.spa.txt',
  ru: 'newstest2019-ref.rus.txt',
  ar: 'newstest2019-ref.arb.txt',
  pt: 'newstest2019-ref.por.txt',
  it: 'newstest2019-ref.ita.txt',
  vi: 'newstest2019-ref.vie.txt',
  hi: 'newstest2019-ref.hin.txt',
  tr: 'newstest2019-ref.tur.txt',
};

/** One document: its lines (the first is the headline) in every language. */
export interface ParallelDoc {
  id: string;
  lines: Record<string, string[]>;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function isHeldOut(id: string): boolean {
  return fnv1a(`heldout/${id}`) % 3 === 0;
}

/** Lines per document the pages use: the headline and five paragraphs of two sentences. */
export const LINES_PER_DOC = 11;

/** Every document of shared/corpus/ntrex128 (CRLF files), its first LINES_PER_DOC lines. */
export function readNtrex(dir: string): ParallelDoc[] {
  const read = (file: string) => readFileSync(join(dir, file), 'utf8').split(/\r?\n/).slice(0, -1);
  const ids = read('DOCUMENT_IDS.tsv').map((line) => line.split('\t')[0] ?? '');
  const files = Object.fromEntries(Object.entries(NTREX_FILES).map(([lang, file]) => [lang, read(file)]));
  const docs: ParallelDoc[] = [];
  ids.forEach((id, i) => {
    let doc = docs[docs.length - 1];
    if (doc?.id !== id) {
      doc = { id, lines: Object.fromEntries(Object.keys(NTREX_FILES).map((lang) => [lang, []])) };
      docs.push(doc);
    }
    const lines = doc.lines;
    if ((lines.en?.length ?? 0) >= LINES_PER_DOC) return;
    for (const [lang, text] of Object.entries(files)) lines[lang]?.push(text[i] ?? '');
  });
  return docs;
}

/**
 * What a development script reads: the documents not held out, from the NTREX-128 folder named by
 * its one argument that is no flag's value (../shared/corpus/ntrex128 by default), and its flags'
 * values (`--show PAIR`).
 */
export function devArguments(args: readonly string[], flags: readonly string[]): { docs: ParallelDoc[]; option: (flag: string) => string | undefined } {
  const option = (flag: string) => {
    const at = args.indexOf(flag);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const dir = resolve(args.find((arg, i) => !arg.startsWith('--') && !flags.includes(args[i - 1] ?? '')) ?? '../shared/corpus/ntrex128');
  return { docs: readNtrex(dir).filter((doc) => !isHeldOut(doc.id)), option };
}

/** The held-out split as copied into the repository (scripts/pairing/copy-split.ts). */
export const TEST_SPLIT = join(import.meta.dirname, '../../test/corpus/ntrex128-parallel/test-split.json');

export function readTestSplit(path = TEST_SPLIT): ParallelDoc[] {
  const { documents } = JSON.parse(readFileSync(path, 'utf8')) as { documents: ParallelDoc[] };
  if (!Array.isArray(documents) || documents.length === 0) throw new Error(`${path}: no documents`);
  return documents;
}
