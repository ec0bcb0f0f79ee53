/**
 * Copies public article-extraction datasets with hand-made reference text into
 * test/corpus/extraction/ (provenance of those fixtures; run once per source, output committed):
 *   npx tsx scripts/import-extraction-corpus.ts SOURCE=DIR...
 * where each DIR is a checkout of
 *   scrapinghub=  github.com/scrapinghub/article-extraction-benchmark (MIT)
 *   chinese=      github.com/immortal-autumn/Chinese-Web-Content-Extraction-Dataset (MIT)
 *   cleaning=     github.com/j-szulc/html-cleaning-dataset-merged (a mirror, in one layout, of
 *                 the Dragnet, L3S-GN1 and CleanEval sets; licences in the corpus README)
 * Pages are stored gzipped as UTF-8 (decoded by their declared charset first); the dev/test split
 * is drawn here, from a hash of each page's id, before any tuning. Large sets are sampled, by
 * another hash of the id, to keep the repository small.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decodePage } from './decode-page';

interface Reference {
  /** The page's address where the dataset gives one. */
  url: string | null;
  /** The dataset's article text, made by people. */
  text: string;
  /** Author(s) and date as the dataset's annotators wrote them, where it has them. */
  author: string | null;
  date: string | null;
  split: 'dev' | 'test';
}

const OUT = resolve(import.meta.dirname, '../test/corpus/extraction');

/** Half the pages of each set held out for testing, chosen by the id's hash (stable, unbiased). */
function splitOf(id: string): 'dev' | 'test' {
  return (createHash('sha256').update(id).digest()[0] as number) % 2 === 0 ? 'dev' : 'test';
}

/** Pages kept from a larger set: those whose salted id hash sorts first (independent of the split). */
const SAMPLE = 150;
function sampled(ids: string[]): Set<string> {
  const rank = (id: string) => createHash('sha256').update(`sample:${id}`).digest('hex');
  return new Set([...ids].sort((a, b) => rank(a).localeCompare(rank(b))).slice(0, SAMPLE));
}

function writeSet(name: string, pages: Map<string, { html: string; ref: Reference }>): void {
  const dir = join(OUT, name);
  mkdirSync(join(dir, 'pages'), { recursive: true });
  const refs: Record<string, Reference> = {};
  for (const [id, { html, ref }] of [...pages].sort(([a], [b]) => a.localeCompare(b))) {
    writeFileSync(join(dir, 'pages', `${id}.html.gz`), gzipSync(html, { level: 9 }));
    refs[id] = ref;
  }
  writeFileSync(join(dir, 'references.json'), `${JSON.stringify(refs, null, 1)}\n`);
  const count = (s: string) => Object.values(refs).filter((r) => r.split === s).length;
  process.stdout.write(`${name}: ${pages.size} pages (dev ${count('dev')}, test ${count('test')})\n`);
}

function importScrapinghub(root: string): void {
  const truth = JSON.parse(readFileSync(join(root, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
  const pages = new Map<string, { html: string; ref: Reference }>();
  for (const [id, { articleBody, url }] of Object.entries(truth)) {
    const html = gunzipSync(readFileSync(join(root, 'html', `${id}.html.gz`))).toString('utf8');
    const short = id.slice(0, 16);
    pages.set(short, { html, ref: { url, text: articleBody, author: null, date: null, split: splitOf(short) } });
  }
  writeSet('scrapinghub-en', pages);
}

/** The pages declare gb2312/gbk (read as its superset GB18030) or UTF-8; a few declare nothing. */
function decodeChinese(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function importChinese(root: string): void {
  const pages = new Map<string, { html: string; ref: Reference }>();
  const read = (folder: string, id: string): string | null => {
    const text = decodeChinese(readFileSync(join(root, folder, `${id}.txt`))).trim();
    return text === '' || text === 'UNKNOWN' ? null : text;
  };
  for (const file of readdirSync(join(root, 'original')).sort()) {
    const id = basename(file, '.html');
    const html = decodeChinese(readFileSync(join(root, 'original', file)));
    const url = /^<text id="([^"]*)"/.exec(html)?.[1] ?? null;
    const text = read('cleaned', id) ?? '';
    pages.set(id.slice(0, 8), {
      html,
      ref: { url, text, author: read('author', id), date: read('date', id), split: splitOf(id.slice(0, 8)) },
    });
  }
  writeSet('chinese-wce-zh', pages);
}

/** Gold text files declare no charset: UTF-8 where the bytes are, else Windows-1252 (old Dragnet files). */
function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * The mirror's sets share one layout: `input/<id>.html` and `GoldStandard/<id>.txt`. Only Dragnet
 * (seomoz/dragnet_data, 2013) may be kept in this repository (see the corpus README): the article
 * copied by hand from the rendered page; text after the line `!@#$%^&*()  COMMENTS` is the
 * readers' comments, left out here.
 */
function importCleaning(root: string): void {
  const sets: [string, string, (gold: string) => string][] = [
    ['dragnet-en', 'dragnet_data', (gold) => gold.split('!@#$%^&*()  COMMENTS')[0] ?? ''],
  ];
  for (const [name, folder, reference] of sets) {
    const ids = readdirSync(join(root, folder, 'GoldStandard'))
      .filter((f) => f.endsWith('.txt') && existsSync(join(root, folder, 'input', `${basename(f, '.txt')}.html`)))
      .map((f) => basename(f, '.txt'));
    const pages = new Map<string, { html: string; ref: Reference }>();
    for (const id of sampled(ids)) {
      const html = decodePage(readFileSync(join(root, folder, 'input', `${id}.html`)));
      const text = reference(decodeText(readFileSync(join(root, folder, 'GoldStandard', `${id}.txt`))))
        .replace(/[ \t]+/g, ' ')
        .replace(/\s*\n\s*/g, '\n')
        .trim();
      if (text === '') continue;
      const short = id.slice(0, 8);
      pages.set(short, { html, ref: { url: null, text, author: null, date: null, split: splitOf(short) } });
    }
    writeSet(name, pages);
  }
}

const importers: Record<string, (dir: string) => void> = { scrapinghub: importScrapinghub, chinese: importChinese, cleaning: importCleaning };
const args = process.argv.slice(2).map((arg) => arg.split('=', 2) as [string, string | undefined]);
if (args.length === 0 || args.some(([source, dir]) => !dir || !importers[source])) {
  process.stderr.write(`usage: npx tsx scripts/import-extraction-corpus.ts SOURCE=DIR... (SOURCE: ${Object.keys(importers).join(', ')})\n`);
  process.exit(1);
}
for (const [source, dir] of args) importers[source]?.(resolve(dir as string));
