/**
 * What the article gate (engine/article-gate.ts) costs and saves, in CPU time, on the real pages
 * (test/corpus/real-pages) and the non-article fixtures (test/fixtures/nonarticle-*), each also
 * grown 4× and 16× (its body repeated) to stand for large pages of the same kind:
 *   npx tsx scripts/gate-cost.ts
 * Per page: elements; the gate's answer (mayHoldArticle); CPU of the gate (element count +
 * mayHoldArticle); CPU of reading the page whole (extractArticle, the DOM phase's main pass, and
 * the whole analysis where the page is under the gate's size). Best of 5 runs, after a warm-up.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDocument } from '../engine/analyze';
import { GATE_MIN_ELEMENTS, mayHoldArticle } from '../engine/article-gate';
import { extractArticle } from '../engine/article';
import { parsePage } from './parse-page';

const ROOT = join(import.meta.dirname, '..');
const RUNS = 5;

function cpuMs(run: () => unknown): number {
  run();
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < RUNS; i++) {
    const start = process.cpuUsage();
    run();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/** The page with its body's content repeated `times` times. */
function grown(html: string, times: number): string {
  if (times === 1) return html;
  return html.replace(/(<body[^>]*>)([\s\S]*?)(<\/body>|<\/html>|$)/i, (_, open: string, content: string, close: string) => open + content.repeat(times) + close);
}

interface Row {
  name: string;
  elements: number;
  mayHold: boolean;
  gate: number;
  extract: number;
  full: number | null;
}

function measure(name: string, html: string): Row {
  const doc = parsePage(html);
  const elements = doc.querySelectorAll('*').length;
  return {
    name,
    elements,
    mayHold: mayHoldArticle(doc),
    gate: cpuMs(() => doc.querySelectorAll('*').length + Number(mayHoldArticle(doc))),
    extract: cpuMs(() => extractArticle(doc)),
    full: elements < GATE_MIN_ELEMENTS ? cpuMs(() => analyzeDocument(doc)) : null,
  };
}

const rows: Row[] = [];
const real = join(ROOT, 'test/corpus/real-pages');
for (const name of readdirSync(real).sort()) {
  const file = join(real, name, 'source.html');
  if (existsSync(file)) rows.push(measure(`real-pages/${name}`, readFileSync(file, 'utf8')));
}
const fixtures = join(ROOT, 'test/fixtures');
for (const name of readdirSync(fixtures).filter((n) => n.startsWith('nonarticle-')).sort()) {
  const html = readFileSync(join(fixtures, name, 'page.html'), 'utf8');
  for (const times of [1, 4, 16, 64]) rows.push(measure(`${name}${times > 1 ? ` ×${times}` : ''}`, grown(html, times)));
}

const f = (x: number | null) => (x === null ? '   -' : x.toFixed(1).padStart(6));
console.log('page                                         elements  gate says  gate ms  extract ms  analysis ms');
for (const r of rows) {
  console.log(`${r.name.padEnd(45)}${String(r.elements).padStart(8)}  ${(r.mayHold ? 'article' : 'none').padEnd(9)}${f(r.gate)}  ${f(r.extract)}    ${f(r.full)}`);
}
const realRows = rows.filter((r) => r.name.startsWith('real-pages/'));
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? (s[s.length >> 1] as number) : ((s[(s.length >> 1) - 1] as number) + (s[s.length >> 1] as number)) / 2;
};
console.log(
  `real pages: ${realRows.length}, turned away by the gate: ${realRows.filter((r) => !r.mayHold).length}; ` +
    `gate median ${median(realRows.map((r) => r.gate)).toFixed(2)} ms (${((100 * sum(realRows.map((r) => r.gate))) / sum(realRows.map((r) => r.full ?? 0))).toFixed(1)} % of the analysis), ` +
    `extract per 1,000 elements median ${median(realRows.map((r) => (1000 * r.extract) / r.elements)).toFixed(2)} ms`,
);
