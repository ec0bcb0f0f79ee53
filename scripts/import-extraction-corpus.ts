/**
 * Copies two public article-extraction datasets with hand-made reference text into
 * test/corpus/extraction/ (provenance of those fixtures; run once, output committed):
 *   npx tsx scripts/import-extraction-corpus.ts SCRAPINGHUB_DIR CHINESE_DIR
 * where each directory is a checkout of
 *   SCRAPINGHUB_DIR  github.com/scrapinghub/article-extraction-benchmark (MIT)
 *   CHINESE_DIR      github.com/immortal-autumn/Chinese-Web-Content-Extraction-Dataset (MIT)
 * Pages are stored gzipped as UTF-8 (the Chinese pages are decoded from GB2312/GBK first); the
 * dev/test split is drawn here, from a hash of each page's id, before any tuning.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

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

const [scrapinghub, chinese] = process.argv.slice(2);
if (!scrapinghub || !chinese) {
  process.stderr.write('usage: npx tsx scripts/import-extraction-corpus.ts SCRAPINGHUB_DIR CHINESE_DIR\n');
  process.exit(1);
}
importScrapinghub(scrapinghub);
importChinese(chinese);
