/**
 * Cold figures for the bench: the first analysis in a fresh process, as a reader meets it after
 * the browser stopped the background. Both sides are bundled and minified as the extension ships
 * (esbuild, one ES module each), and each run is a new node process
 * (scripts/cold-start-child.mjs) that parses the page with linkedom, then times loading the
 * bundle (module evaluation) and its first analysis. NewsLens and Readability runs alternate, so
 * that a machine busy with other work slows both alike.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..');
const child = join(import.meta.dirname, 'cold-start-child.mjs');

type Kind = 'newslens' | 'readability';
const entries: Record<Kind, string> = {
  newslens: "export { analyzeDocument } from './engine/analyze';",
  readability: "export { Readability } from '@mozilla/readability';",
};

export interface ColdFigures {
  /** Median of loading the modules and the first analysis, ms. */
  ms: number;
  maxMs: number;
  /** Median of the module loading alone, ms. */
  loadMs: number;
  /** Median CPU time of loading and the first analysis, ms: less moved than the clock by other work on the machine. */
  cpuMs: number;
}

interface Sample {
  loadMs: number;
  runMs: number;
  loadCpuMs: number;
  runCpuMs: number;
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const round = (ms: number) => Math.round(ms * 100) / 100;

function figures(samples: Sample[]): ColdFigures {
  const totals = samples.map((s) => s.loadMs + s.runMs);
  return {
    ms: round(median(totals)),
    maxMs: round(Math.max(...totals)),
    loadMs: round(median(samples.map((s) => s.loadMs))),
    cpuMs: round(median(samples.map((s) => s.loadCpuMs + s.runCpuMs))),
  };
}

/**
 * Cold figures of NewsLens and Readability on each page (name → HTML), `runs` fresh processes
 * each, interleaved.
 */
export async function coldFigures(
  pages: Record<string, string>,
  runs: number,
): Promise<Record<string, Record<Kind, ColdFigures>>> {
  const dir = mkdtempSync(join(tmpdir(), 'newslens-cold-'));
  try {
    const bundles = {} as Record<Kind, string>;
    for (const kind of Object.keys(entries) as Kind[]) {
      bundles[kind] = join(dir, `${kind}.mjs`);
      await build({
        stdin: { contents: entries[kind], resolveDir: root, loader: 'ts' },
        bundle: true,
        minify: true,
        format: 'esm',
        platform: 'browser',
        outfile: bundles[kind],
        logLevel: 'error',
      });
    }
    const samples: Record<string, Record<Kind, Sample[]>> = {};
    const files: Record<string, string> = {};
    for (const [name, html] of Object.entries(pages)) {
      files[name] = join(dir, `${name}.html`);
      writeFileSync(files[name], html);
      samples[name] = { newslens: [], readability: [] };
    }
    const env = { ...process.env };
    // A compile cache carried between runs would make them warm.
    delete env.NODE_COMPILE_CACHE;
    for (let run = 0; run < runs; run++) {
      const order: Kind[] = run % 2 ? ['readability', 'newslens'] : ['newslens', 'readability'];
      for (const name of Object.keys(pages)) {
        for (const kind of order) {
          const out = execFileSync(process.execPath, [child, bundles[kind], kind, files[name] as string], { env, encoding: 'utf8' });
          samples[name]?.[kind].push(JSON.parse(out) as Sample);
        }
      }
    }
    return Object.fromEntries(
      Object.entries(samples).map(([name, s]) => [name, { newslens: figures(s.newslens), readability: figures(s.readability) }]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
