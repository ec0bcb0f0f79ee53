// One cold run for scripts/cold-start.ts, in a fresh node process: parse the page with linkedom,
// then load the bundle and run its first analysis. Prints the three times as JSON.
//   node scripts/cold-start-child.mjs BUNDLE.mjs newslens|readability PAGE.html
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';

const [bundle, kind, page] = process.argv.slice(2);
if (!bundle || !page || (kind !== 'newslens' && kind !== 'readability')) {
  process.stderr.write('usage: node scripts/cold-start-child.mjs BUNDLE.mjs newslens|readability PAGE.html\n');
  process.exit(2);
}
const html = readFileSync(page, 'utf8');
const parseStart = performance.now();
const { document } = parseHTML(html);
const loadStart = performance.now();
const mod = await import(pathToFileURL(bundle).href);
const runStart = performance.now();
if (kind === 'newslens') mod.analyzeDocument(document);
else new mod.Readability(document).parse();
const end = performance.now();
process.stdout.write(JSON.stringify({ parseMs: loadStart - parseStart, loadMs: runStart - loadStart, runMs: end - runStart }));
