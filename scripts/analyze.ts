/**
 * The engine on a saved page, without a browser:
 *   npm run -s analyze -- FILE|- [--url URL] [--json]
 * With --json, stdout holds the page report and nothing else; otherwise a short summary.
 */
import { readFileSync } from 'node:fs';
import { analyzeDocument } from '../engine/analyze';
import type { PageReport } from '../engine/report';
import { parsePage } from './parse-page';

const usage = 'usage: npm run -s analyze -- FILE|- [--url URL] [--json]';

function fail(reason: string): never {
  process.stderr.write(`analyze: ${reason}\n`);
  process.exit(1);
}

function parseArgs(argv: string[]): { file: string; url: string | null; json: boolean } {
  let file: string | null = null;
  let url: string | null = null;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') json = true;
    else if (arg === '--url') {
      url = argv[++i] ?? fail(`--url needs a value; ${usage}`);
    } else if (arg === '-h' || arg === '--help') {
      process.stdout.write(`${usage}\n`);
      process.exit(0);
    } else if (arg?.startsWith('--')) fail(`unknown option ${arg}; ${usage}`);
    else if (file === null && arg !== undefined) file = arg;
    else fail(`one input only; ${usage}`);
  }
  return { file: file ?? fail(`no input given; ${usage}`), url, json };
}

function read(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file === '-' ? 0 : file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(`cannot read ${file === '-' ? 'standard input' : file}${code ? ` (${code})` : ''}`);
  }
  if (bytes.includes(0)) fail(`${file} is not an HTML page (binary data)`);
  const text = new TextDecoder('utf-8').decode(bytes);
  if (!/<[a-z!?/]/i.test(text)) fail(`${file} holds no HTML markup`);
  return text;
}

function summary(report: PageReport): string {
  const lines: string[] = [];
  const cut = (text: string, n = 90) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);
  lines.push(`Title:        ${report.title ? cut(report.title.text) : '(none)'}`);
  lines.push(`Languages:    ${report.languages.map((l) => `${l.lang} ${Math.round(l.share * 100)}%`).join(', ') || '(none)'}`);
  const { bilingual } = report;
  lines.push(
    `Bilingual:    ${bilingual.detected ? `${bilingual.languages.join(' + ')}; layouts: ${bilingual.layouts.join(', ')}` : 'no'}`,
  );
  if (bilingual.detected) {
    lines.push(`Pairs:        ${bilingual.pairs.length}; untranslated: ${bilingual.untranslated.length}`);
    lines.push(`Mismatches:   ${bilingual.mismatches.length ? '' : 'none'}`);
    for (const m of bilingual.mismatches) lines.push(`  - ${m.kind}s differ: ${m.detail.a} ↔ ${m.detail.b} (${cut(m.a.text, 60)})`);
  }
  lines.push(`Duplicates:   ${report.duplicates.length ? report.duplicates.map((d) => `${d.kind} ×${d.copies.length}`).join(', ') : 'none'}`);
  lines.push(`Truncated:    ${report.truncated.length || 'none'}`);
  lines.push(`AI flags:     ${report.disclosures.length ? '' : 'none'}`);
  for (const d of report.disclosures) lines.push(`  - ${d.kind} (${d.source}${d.lang ? `, ${d.lang}` : ''}): ${cut(d.evidence)}`);
  lines.push(
    `Scores:       ${report.scores.map((s) => `${Object.values(s.labels).join('/')} ${s.value}${s.max ? `/${s.max}` : ''}`).join(', ') || 'none'}`,
  );
  lines.push(`Tags:         ${report.tags.join(', ') || 'none'}`);
  lines.push(`Article:      ${report.article.blocks.length} blocks; analysed in ${report.timing.ms} ms`);
  return `${lines.join('\n')}\n`;
}

const args = parseArgs(process.argv.slice(2));
const html = read(args.file);
let report: PageReport;
try {
  report = analyzeDocument(parsePage(html), { url: args.url }).report;
} catch (error) {
  fail(`cannot analyse ${args.file}: ${(error as Error).message}`);
}
process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : summary(report));
