// One cold run for scripts/cold-start.ts, in a fresh node process: parse the page with linkedom,
// then load the bundle and run its first analysis. Prints the three times, and the CPU time of
// the last two, as JSON.
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
// CPU time (all of the process's threads, user and system) beside the clock: on a machine busy
// with other work the clock also counts the time this process waited for a core.
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const parseStart = performance.now();
const { document } = parseHTML(html);
const loadStart = performance.now();
const loadCpu = cpuMs();
const mod = await import(pathToFileURL(bundle).href);
const runStart = performance.now();
const runCpu = cpuMs();
if (kind === 'newslens') mod.analyzeDocument(document);
else new mod.Readability(document).parse();
const end = performance.now();
const endCpu = cpuMs();
process.stdout.write(
  JSON.stringify({ parseMs: loadStart - parseStart, loadMs: runStart - loadStart, runMs: end - runStart, loadCpuMs: runCpu - loadCpu, runCpuMs: endCpu - runCpu }),
);
