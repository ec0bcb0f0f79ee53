/**
 * Medians of the engine's analysis time (DOM parse excluded), with Readability's parse of the same
 * page timed in the same run for scale, and what the command line's parse costs (parse5's tree
 * construction, then linkedom; scripts/parse-page.ts) beside linkedom's alone:
 *   npm run -s bench [-- --json] [--cold-runs N] [--paragraphs 100,1000,10000]
 * Pages: the seed, and generated bilingual pages of 100, 1,000 and 10,000 paragraphs (or the sizes given) built from the
 * NTREX-128 pairs in test/fixtures (interleaved English/Chinese, a tenth of them repeated).
 * Cold figures (`coldMs`, `readabilityColdMs`: median of N fresh processes, 15 by default, each
 * loading the bundled modules and running one analysis; see scripts/cold-start.ts) for the seed
 * and the 1,000-paragraph page, and the same as CPU time (`coldCpuMs`, `readabilityColdCpuMs`,
 * `coldCpuRatio`), which a machine busy with other work moves less than the clock.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { analyzeDocument } from '../engine/analyze';
import { coldFigures } from './cold-start';
import { parsePage } from './parse-page';

const fixtures = join(import.meta.dirname, '..', 'test', 'fixtures');
const json = process.argv.includes('--json');
const coldRunsAt = process.argv.indexOf('--cold-runs');
const coldRuns = coldRunsAt >= 0 ? Number(process.argv[coldRunsAt + 1]) : 15;
if (!Number.isInteger(coldRuns) || coldRuns < 1) throw new Error('--cold-runs takes a whole number of runs');
const sizesAt = process.argv.indexOf('--paragraphs');
const sizes = (sizesAt >= 0 ? (process.argv[sizesAt + 1] ?? '') : '100,1000,10000').split(',').map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--paragraphs takes page sizes such as 100,1000');

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const round = (ms: number) => Math.round(ms * 100) / 100;

/**
 * Median of `runs` timed runs after `warmUp` untimed ones, and the time of the very first run.
 * V8 optimises a function once it has run often enough, and much of the engine runs once per page:
 * on the seed the first two hundred analyses in a process take up to five times as long as the
 * later ones. The medians are for a warm engine, as in the extension's long-lived background.
 */
function time(html: string, runs: number, warmUp: number, run: (doc: Document) => unknown): { ms: number; firstMs: number } {
  const once = () => {
    const document = parsePage(html);
    const started = performance.now();
    run(document);
    return performance.now() - started;
  };
  const firstMs = once();
  for (let i = 1; i < warmUp; i++) once();
  const samples = Array.from({ length: runs }, once);
  return { ms: round(median(samples)), firstMs: round(firstMs) };
}

/** Median time to build the Document: the command line's parse, and linkedom's alone. */
function parseTime(html: string, runs: number): { parseMs: number; linkedomParseMs: number } {
  const timed = (parse: () => unknown) =>
    round(
      median(
        Array.from({ length: runs }, () => {
          const started = performance.now();
          parse();
          return performance.now() - started;
        }),
      ),
    );
  return { parseMs: timed(() => parsePage(html)), linkedomParseMs: timed(() => parseHTML(html)) };
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function pool(): { en: string; zh: string }[] {
  const pairs: { en: string; zh: string }[] = [];
  for (const name of readdirSync(fixtures).filter((n) => n.startsWith('ntrex-'))) {
    const expected = JSON.parse(readFileSync(join(fixtures, name, 'expected.json'), 'utf8')) as {
      pairs?: { en: string; zh: string }[];
    };
    pairs.push(...(expected.pairs ?? []));
  }
  if (pairs.length === 0) throw new Error('no NTREX pairs in test/fixtures; run scripts/make-fixtures.ts');
  return pairs;
}

/** A page of `paragraphs` paragraphs: English and Chinese interleaved, every tenth one a repeat. */
export function generatedPage(paragraphs: number): string {
  const pairs = pool();
  const body: string[] = [];
  for (let i = 0; body.length < paragraphs; i++) {
    const pair = pairs[i % pairs.length] as { en: string; zh: string };
    const round = Math.floor(i / pairs.length);
    body.push(`<p>${escapeHtml(pair.en)}${round ? ` (${round})` : ''}</p>`);
    if (body.length < paragraphs) body.push(`<p>${escapeHtml(pair.zh)}${round ? `（${round}）` : ''}</p>`);
    if (i % 10 === 9 && body.length < paragraphs) body.push(body[body.length - 2] as string);
  }
  return `<!DOCTYPE html><html lang="en"><head><title>Generated</title></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article><h1>Generated bilingual page 生成的双语页面</h1>
${body.join('\n')}
</article></main><footer>Footer</footer></body></html>`;
}

/** The cold figures of one page, as keys of its bench row. */
function coldKeys(figures: Awaited<ReturnType<typeof coldFigures>>[string] | undefined) {
  if (!figures) throw new Error('cold figures missing');
  const { newslens, readability } = figures;
  return {
    coldMs: newslens.ms,
    coldMaxMs: newslens.maxMs,
    coldLoadMs: newslens.loadMs,
    readabilityColdMs: readability.ms,
    readabilityColdMaxMs: readability.maxMs,
    coldRatio: round(newslens.ms / readability.ms),
    coldCpuMs: newslens.cpuMs,
    readabilityColdCpuMs: readability.cpuMs,
    coldCpuRatio: round(newslens.cpuMs / readability.cpuMs),
  };
}

const seedHtml = readFileSync(join(fixtures, 'seed', 'page.html'), 'utf8');
// Cold runs first, while this process has not yet loaded the machine with its own warm runs.
const cold = await coldFigures({ seed: seedHtml, p1000: generatedPage(1000) }, coldRuns);
const seed = time(seedHtml, 51, 300, (doc) => analyzeDocument(doc));
const result = {
  seed: {
    ms: seed.ms,
    readabilityMs: time(seedHtml, 51, 300, (doc) => new Readability(doc).parse()).ms,
    // The first analysis in this process (modules loaded already), compiling as it goes.
    firstMs: seed.firstMs,
    ...coldKeys(cold.seed),
    ...parseTime(seedHtml, 51),
  },
  scale: sizes.map((paragraphs) => {
    const html = generatedPage(paragraphs);
    const runs = paragraphs >= 10000 ? 5 : paragraphs >= 1000 ? 9 : 21;
    // A bigger page runs each function more often: fewer runs warm it.
    const warmUp = Math.ceil(30000 / paragraphs);
    return {
      paragraphs,
      ms: time(html, runs, warmUp, (doc) => analyzeDocument(doc)).ms,
      readabilityMs: time(html, Math.min(runs, 5), warmUp, (doc) => new Readability(doc).parse()).ms,
      ...(paragraphs === 1000 ? coldKeys(cold.p1000) : {}),
      ...parseTime(html, Math.min(runs, 5)),
    };
  }),
};

if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
else {
  const coldLine = (row: ReturnType<typeof coldKeys>) =>
    `cold ${row.coldMs} ms, max ${row.coldMaxMs}, modules ${row.coldLoadMs} (Readability ${row.readabilityColdMs} ms, max ${row.readabilityColdMaxMs}; ${row.coldRatio}×); CPU ${row.coldCpuMs} ms (Readability ${row.readabilityColdCpuMs}; ${row.coldCpuRatio}×)`;
  const parse = (row: { parseMs: number; linkedomParseMs: number }) => `parse ${row.parseMs} ms, linkedom alone ${row.linkedomParseMs} ms`;
  process.stdout.write(`seed: ${result.seed.ms} ms (Readability ${result.seed.readabilityMs} ms; ${parse(result.seed)}); ${coldLine(result.seed)}\n`);
  for (const row of result.scale) {
    const coldRow = 'coldMs' in row ? `; ${coldLine(row as ReturnType<typeof coldKeys>)}` : '';
    process.stdout.write(`${String(row.paragraphs).padStart(6)} paragraphs: ${row.ms} ms (Readability ${row.readabilityMs} ms; ${parse(row)})${coldRow}\n`);
  }
  const [, thousand, tenThousand] = result.scale;
  if (thousand && tenThousand) process.stdout.write(`10× paragraphs (1,000 → 10,000): ${round(tenThousand.ms / thousand.ms)}× time\n`);
}
