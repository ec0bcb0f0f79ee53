/**
 * The reader view against article text marked by people (test/corpus/extraction/), with
 * Readability run on the same pages, in the same process, on the same parser:
 *   npm run -s eval -- --section reader
 * Per set (one language each): median and mean F1 of bag-of-words overlap (CJK per character) on
 * the held-out test split (dev in brackets, the split tuned on); pages where NewsLens scores under
 * 0.5 while Readability scores over 0.8; reports with no article block; pages reported bilingual.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { analyzeDocument } from '../../engine/analyze';
import { parsePage } from '../parse-page';
import type { EvalSection } from './section';

const CORPUS = join(import.meta.dirname, '..', '..', 'test', 'corpus', 'extraction');

interface Reference {
  url: string | null;
  text: string;
  split: 'dev' | 'test';
}

interface PageScore {
  id: string;
  split: 'dev' | 'test';
  newslens: number;
  readability: number;
  empty: boolean;
  bilingual: boolean;
}

/** Words for alphabetic text, single characters for CJK, so both compare at a similar grain. */
export function tokens(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of text.toLowerCase().matchAll(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{L}\p{N}]+/gu)) {
    counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  }
  return counts;
}

export function f1(ours: string, reference: string): number {
  const a = tokens(ours);
  const b = tokens(reference);
  let common = 0;
  let totalA = 0;
  let totalB = 0;
  for (const n of a.values()) totalA += n;
  for (const [token, n] of b) {
    totalB += n;
    common += Math.min(n, a.get(token) ?? 0);
  }
  if (common === 0) return 0;
  const precision = common / totalA;
  const recall = common / totalB;
  return (2 * precision * recall) / (precision + recall);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length === 0 ? Number.NaN : s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const fmt = (x: number) => x.toFixed(3);

function scorePage(html: string, ref: Reference, id: string): PageScore {
  // One tree for both: NewsLens only reads the document; Readability, which edits it, runs second.
  const doc = parsePage(html);
  const report = analyzeDocument(doc, { url: ref.url }).report;
  const ours = report.article.blocks.map((block) => block.text).join('\n');
  let theirs = '';
  try {
    theirs = new Readability(doc).parse()?.textContent ?? '';
  } catch {
    // Readability throws on some trees; it then offers no reader view, as in Firefox.
  }
  return {
    id,
    split: ref.split,
    newslens: f1(ours, ref.text),
    readability: f1(theirs, ref.text),
    empty: report.article.blocks.length === 0,
    bilingual: report.bilingual.detected,
  };
}

function summarise(pages: PageScore[]) {
  const n = pages.map((p) => p.newslens);
  const r = pages.map((p) => p.readability);
  return {
    pages: pages.length,
    newslens: { median: median(n), mean: mean(n) },
    readability: { median: median(r), mean: mean(r) },
    failedWhereReadabilityHolds: pages.filter((p) => p.newslens < 0.5 && p.readability > 0.8).map((p) => p.id),
    under05: { newslens: n.filter((x) => x < 0.5).length, readability: r.filter((x) => x < 0.5).length },
    empty: pages.filter((p) => p.empty).map((p) => p.id),
    bilingual: pages.filter((p) => p.bilingual).map((p) => p.id),
  };
}

const section: EvalSection = {
  name: 'reader',
  async run() {
    const lines: string[] = [];
    const result: Record<string, { test: ReturnType<typeof summarise>; dev: ReturnType<typeof summarise>; pages: PageScore[] }> = {};
    const sets = readdirSync(CORPUS, { withFileTypes: true }).filter((d) => d.isDirectory());
    if (sets.length === 0) throw new Error(`no page sets in ${CORPUS}`);
    lines.push('set (language)        split  pages  NewsLens med/mean  Readability med/mean  <0.5 N/R  N<0.5&R>0.8  empty  bilingual');
    for (const set of sets.map((d) => d.name).sort()) {
      const refs = JSON.parse(readFileSync(join(CORPUS, set, 'references.json'), 'utf8')) as Record<string, Reference>;
      const pages = Object.entries(refs).map(([id, ref]) =>
        scorePage(gunzipSync(readFileSync(join(CORPUS, set, 'pages', `${id}.html.gz`))).toString('utf8'), ref, id),
      );
      const test = summarise(pages.filter((p) => p.split === 'test'));
      const dev = summarise(pages.filter((p) => p.split === 'dev'));
      result[set] = { test, dev, pages };
      for (const [split, s] of [
        ['test', test],
        ['dev', dev],
      ] as const) {
        lines.push(
          `${set.padEnd(22)}${split.padEnd(7)}${String(s.pages).padStart(5)}  ${fmt(s.newslens.median)} / ${fmt(s.newslens.mean)}      ${fmt(s.readability.median)} / ${fmt(s.readability.mean)}         ${`${s.under05.newslens}/${s.under05.readability}`.padEnd(9)} ${String(s.failedWhereReadabilityHolds.length).padEnd(12)} ${String(s.empty.length).padEnd(6)} ${s.bilingual.length}`,
        );
      }
      const worst = [...test.failedWhereReadabilityHolds, ...test.empty.map((id) => `${id} (empty)`), ...test.bilingual.map((id) => `${id} (bilingual)`)];
      if (worst.length > 0) lines.push(`  test pages to look at: ${worst.join(', ')}`);
    }
    return { lines, result };
  },
};

export default section;
