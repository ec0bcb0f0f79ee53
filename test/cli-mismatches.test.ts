// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const seed = readFileSync(join(root, 'test', 'fixtures', 'seed', 'page.html'), 'utf8');
const summary = (html: string) =>
  execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'analyze.ts'), '-'], { cwd: root, input: html, encoding: 'utf8' });

// A child process under tsx starts in seconds on a loaded machine: no wall-clock bound meant here.
const STARTUP = 60_000;

describe('the command line summary names the translation check', () => {
  it('lists a changed figure under the pairs, both sides as written (one process: a start costs seconds)', () => {
    const out = summary(seed.replaceAll('每月9.2亿美元的数字', '每月92亿美元的数字'));
    expect(out).toMatch(/^Pairs: .*\nMismatches: {3}\n {2}- numbers differ/m);
    expect(out).toContain('  - numbers differ: $920 million ↔ 92亿美元 (That $920 million per month number');
  }, STARTUP);
});
