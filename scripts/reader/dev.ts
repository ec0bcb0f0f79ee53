/**
 * Development view of the reader against the extraction corpus, on the DEV split only (the test
 * split is never read here, so it stays held out):
 *   npx tsx scripts/reader/dev.ts [SET] [--all] [--show ID]
 * Lists dev pages where NewsLens scores under Readability (or every dev page with --all), with
 * the blocks NewsLens kept that the reference lacks ("extra") and the reference lines it missed
 * ("missing"); --show ID prints one dev page's blocks, reference and Readability's text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { analyzeDocument } from '../../engine/analyze';
import { f1 } from '../eval/reader';
import { parsePage } from '../parse-page';

const CORPUS = join(import.meta.dirname, '..', '..', 'test', 'corpus', 'extraction');
const args = process.argv.slice(2);
const show = args.includes('--show') ? args[args.indexOf('--show') + 1] : undefined;
const all = args.includes('--all');
const only = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--show');

/** Share of a text's 6-character shingles (white space removed) that the other text holds. */
function covered(text: string, other: string): number {
  const t = text.replace(/\s+/g, '');
  if (t.length <= 6) return other.includes(t) ? 1 : 0;
  let hit = 0;
  for (let i = 0; i + 6 <= t.length; i++) if (other.includes(t.slice(i, i + 6))) hit++;
  return hit / (t.length - 5);
}

const cut = (s: string, n = 110) => (s.length > n ? `${s.slice(0, n)}…` : s);

for (const set of readdirSync(CORPUS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
  if (only && set !== only) continue;
  const refs = JSON.parse(readFileSync(join(CORPUS, set, 'references.json'), 'utf8')) as Record<string, { url: string | null; text: string; split: string }>;
  for (const [id, ref] of Object.entries(refs)) {
    if (ref.split !== 'dev') continue;
    if (show && id !== show) continue;
    const html = gunzipSync(readFileSync(join(CORPUS, set, 'pages', `${id}.html.gz`))).toString('utf8');
    const doc = parsePage(html);
    const report = analyzeDocument(doc, { url: ref.url }).report;
    const blocks = report.article.blocks.map((b) => b.text);
    const ours = blocks.join('\n');
    let theirs = '';
    try {
      theirs = new Readability(doc).parse()?.textContent ?? '';
    } catch {}
    const n = f1(ours, ref.text);
    const r = f1(theirs, ref.text);
    if (!show && !all && n >= r) continue;
    process.stdout.write(`\n== ${set} ${id} N ${n.toFixed(3)} R ${r.toFixed(3)} blocks ${blocks.length}${report.bilingual.detected ? ' BILINGUAL' : ''}\n`);
    const refTokens = ref.text.replace(/\s+/g, '');
    const ourTokens = ours.replace(/\s+/g, '');
    if (show) {
      for (const b of report.article.blocks) process.stdout.write(`  [${b.role} ${b.lang}${covered(b.text, refTokens) < 0.5 ? ' extra' : ''}] ${cut(b.text, 300)}\n`);
      process.stdout.write(`-- reference:\n${ref.text}\n-- readability:\n${theirs.replace(/\s*\n\s*/g, '\n').trim()}\n`);
      if (report.bilingual.detected) process.stdout.write(`-- pairs: ${JSON.stringify(report.bilingual.pairs, null, 1).slice(0, 3000)}\n`);
      continue;
    }
    for (const b of blocks) if (covered(b, refTokens) < 0.5) process.stdout.write(`  + ${cut(b)}\n`);
    for (const line of ref.text.split('\n')) if (line.trim() && covered(line, ourTokens) < 0.5) process.stdout.write(`  - ${cut(line.trim())}\n`);
  }
}
