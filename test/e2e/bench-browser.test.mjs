import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { it } from 'node:test';
import { promisify } from 'node:util';
import { ROOT } from './helpers/chromium.mjs';

/**
 * `npm run bench:browser` must keep working and keep its output: one short run of the script on
 * the build (`npx wxt build` first) must print the documented JSON with real figures.
 */
it('bench:browser prints time to ready and bundle sizes as JSON', { timeout: 180000 }, async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [path.join(ROOT, 'scripts/bench-browser.mjs'), '--json', '--runs', '1', '--paragraphs', '300,600'],
    { cwd: ROOT, maxBuffer: 1 << 20 },
  );
  const result = JSON.parse(stdout);
  assert.deepEqual(Object.keys(result).sort(), ['backgroundGzipKB', 'contentGzipKB', 'readyMs', 'seedReadyMs', 'seedReadyWarmMs']);
  assert.deepEqual(
    result.readyMs.map((row) => row.paragraphs),
    [300, 600],
  );
  for (const ms of [result.seedReadyMs, result.seedReadyWarmMs, ...result.readyMs.map((row) => row.ms)]) {
    assert.ok(Number.isFinite(ms) && ms > 0, `time to ready ${ms}`);
  }
  // Sizes of real bundles: more than a stub, less than the whole engine twice over.
  for (const kb of [result.contentGzipKB, result.backgroundGzipKB]) assert.ok(kb > 5 && kb < 500, `bundle ${kb} KB gzipped`);
});
