import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { it } from 'node:test';
import { promisify } from 'node:util';
import { ROOT } from './helpers/chromium.mjs';

/**
 * `npm run bench` must keep working and keep its output: one short run (one cold process per
 * side, two page sizes) must print the documented JSON keys with real figures.
 */
it('bench prints warm, cold and parse figures as JSON', { timeout: 300000 }, async () => {
  const { stdout } = await promisify(execFile)(
    path.join(ROOT, 'node_modules/.bin/tsx'),
    [path.join(ROOT, 'scripts/bench.ts'), '--json', '--cold-runs', '1', '--paragraphs', '100,1000'],
    { cwd: ROOT, maxBuffer: 1 << 20 },
  );
  const result = JSON.parse(stdout);
  const positive = (what, ms) => assert.ok(Number.isFinite(ms) && ms > 0, `${what}: ${ms}`);
  for (const key of ['ms', 'readabilityMs', 'firstMs', 'coldMs', 'coldMaxMs', 'coldLoadMs', 'readabilityColdMs', 'readabilityColdMaxMs', 'coldRatio', 'coldCpuMs', 'readabilityColdCpuMs', 'coldCpuRatio', 'parseMs', 'linkedomParseMs']) {
    positive(`seed.${key}`, result.seed[key]);
  }
  assert.deepEqual(
    result.scale.map((row) => row.paragraphs),
    [100, 1000],
  );
  for (const row of result.scale) {
    for (const key of ['ms', 'readabilityMs', 'parseMs', 'linkedomParseMs']) positive(`${row.paragraphs}.${key}`, row[key]);
  }
  positive('1000.coldMs', result.scale[1].coldMs);
  positive('1000.readabilityColdMs', result.scale[1].readabilityColdMs);
  positive('1000.coldCpuMs', result.scale[1].coldCpuMs);
  // A bigger page takes longer: the figures are measurements, not constants.
  assert.ok(result.scale[1].ms > result.scale[0].ms, `1,000 paragraphs ${result.scale[1].ms} ms, 100 ${result.scale[0].ms} ms`);
});
