/**
 * Writes the report of every saved page under the given folders (parsed as the command line does)
 * to one JSON file, timing left out,
 * so that a change meant to leave results alone can be checked by comparing two runs:
 *   npx tsx scripts/reports.ts before.json test/fixtures
 *   (change)  npx tsx scripts/reports.ts after.json test/fixtures && cmp before.json after.json
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDocument } from '../engine/analyze';
import { parsePage } from './parse-page';

const [out, ...dirs] = process.argv.slice(2);
if (!out || dirs.length === 0) {
  process.stderr.write('usage: npx tsx scripts/reports.ts OUT.json DIR...\n');
  process.exit(1);
}
const reports: Record<string, unknown> = {};
for (const dir of dirs) {
  for (const name of readdirSync(dir).sort()) {
    const folder = join(dir, name);
    if (!statSync(folder).isDirectory()) continue;
    for (const file of ['page.html', 'source.html']) {
      const path = join(folder, file);
      if (!existsSync(path)) continue;
      const { timing: _, ...report } = analyzeDocument(parsePage(readFileSync(path, 'utf8')), { url: 'https://example.org/' }).report;
      reports[path] = report;
    }
  }
}
writeFileSync(out, JSON.stringify(reports, null, 1));
process.stdout.write(`${Object.keys(reports).length} reports → ${out}\n`);
