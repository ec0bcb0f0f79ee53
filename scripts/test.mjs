/**
 * `npm test`: every stage CI runs, in order, each timed; the tests' counts of all tiers summed in the
 * last line, `N passed, N failed`. A stage that fails without a failing test (a type error, a build
 * that breaks) counts as one failure. Every stage runs even after one fails, so that one run tells
 * everything; the exit code is 1 when anything failed.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newslens-test-'));
const e2eFiles = fs
  .readdirSync(path.join(ROOT, 'test/e2e'))
  .filter((name) => name.endsWith('.test.mjs'))
  .sort()
  .map((name) => `test/e2e/${name}`);

/** Counts from vitest's JSON report. */
function vitestCounts(file) {
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
}

/** Counts from the summary lines that end node --test's TAP output. */
function tapCounts(file) {
  const tap = fs.readFileSync(file, 'utf8');
  const count = (name) => Number(tap.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? Number.NaN);
  return { passed: count('pass'), failed: count('fail') + count('cancelled'), skipped: count('skipped') + count('todo') };
}

const vitest = (project) => {
  const report = path.join(scratch, `${project}.json`);
  return {
    name: project,
    command: ['npx', 'vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    counts: () => vitestCounts(report),
  };
};

const tap = path.join(scratch, 'e2e.tap');
const STAGES = [
  { name: 'compile', command: ['npx', 'tsc', '--noEmit'] },
  { name: 'lint', command: ['npx', 'biome', 'lint', '.'] },
  vitest('unit'),
  vitest('stress'),
  // The two store packages, as released; each builds its browser's folder first.
  { name: 'zip', command: ['npx', 'wxt', 'zip'] },
  { name: 'zip:firefox', command: ['npx', 'wxt', 'zip', '-b', 'firefox'] },
  { name: 'lint:firefox', command: ['npx', 'web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--warnings-as-errors'] },
  {
    name: 'e2e',
    command: ['node', '--test', '--test-concurrency=1', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...e2eFiles],
    counts: () => tapCounts(tap),
  },
];

function run(command) {
  return new Promise((resolve) => {
    const child = spawn(command[0], command.slice(1), { cwd: ROOT, stdio: 'inherit' });
    child.on('error', () => resolve(1));
    child.on('close', (code) => resolve(code ?? 1));
  });
}

const results = [];
for (const stage of STAGES) {
  console.log(`\n▶ ${stage.name}: ${stage.command.join(' ')}`);
  const started = performance.now();
  const code = await run(stage.command);
  const seconds = (performance.now() - started) / 1000;
  let counts = { passed: 0, failed: 0, skipped: 0 };
  if (stage.counts) {
    try {
      counts = stage.counts();
    } catch {
      // No report: the runner died before writing one; the exit code tells.
    }
    if (!Object.values(counts).every(Number.isFinite)) counts = { passed: 0, failed: 0, skipped: 0 };
  }
  // A stage that failed with no failing test counted (or none reported) is one failure.
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  const tests = stage.counts ? ` ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}` : '';
  const line = `${code === 0 ? 'ok  ' : 'FAIL'} ${stage.name.padEnd(13)} ${seconds.toFixed(1).padStart(7)} s${tests}`;
  console.log(line);
  results.push({ line, counts });
}

fs.rmSync(scratch, { recursive: true, force: true });
const passed = results.reduce((sum, r) => sum + r.counts.passed, 0);
const failed = results.reduce((sum, r) => sum + r.counts.failed, 0);
console.log(`\n${results.map((r) => r.line).join('\n')}\n`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
