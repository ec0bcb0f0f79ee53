/**
 * The one evaluation command: each section measures one part of the engine on held-out pages
 * (pairing, disclosures, reader, translation check), never on what it was tuned on.
 *   npm run -s eval                      every held-out section, a readable summary
 *   npm run -s eval -- --json            every section's figures as one JSON object, by section
 *   npm run -s eval -- --section NAME    one section (repeatable); development sections run only so
 * A section is a module in scripts/eval/ whose default export is an EvalSection.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { EvalSection } from './eval/section';

const usage = 'usage: npm run -s eval -- [--json] [--section NAME]...';

function fail(reason: string): never {
  process.stderr.write(`eval: ${reason}\n`);
  process.exit(1);
}

const args = process.argv.slice(2);
let json = false;
const wanted: string[] = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--json') json = true;
  else if (arg === '--section') wanted.push(args[++i] ?? fail(`--section needs a name; ${usage}`));
  else if (arg === '-h' || arg === '--help') {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  } else fail(`unknown argument ${arg}; ${usage}`);
}

const dir = join(import.meta.dirname, 'eval');
const sections: EvalSection[] = [];
for (const file of readdirSync(dir).sort()) {
  if (!file.endsWith('.ts') || file === 'section.ts') continue;
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default?: EvalSection };
  if (mod.default?.name) sections.push(mod.default);
}
const unknown = wanted.filter((name) => !sections.some((s) => s.name === name));
if (unknown.length > 0) fail(`no section ${unknown.join(', ')}; sections: ${sections.map((s) => s.name).join(', ')}`);
const chosen = wanted.length > 0 ? sections.filter((s) => wanted.includes(s.name)) : sections.filter((s) => !s.development);

const results: Record<string, unknown> = {};
for (const section of chosen) {
  const started = performance.now();
  const { lines, result } = await section.run();
  results[section.name] = result;
  if (!json) {
    process.stdout.write(`\n## ${section.name} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
    for (const line of lines) process.stdout.write(`${line}\n`);
  }
}
if (json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
