import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { it } from 'node:test';
import { promisify } from 'node:util';
import { ROOT } from './helpers/chromium.mjs';

/** Every number under a key such as `recall`, `precision`, `f1` or `median`, with its path. */
function shares(value, at = '') {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const where = `${at}.${key}`;
    if (typeof inner === 'number' && /^(recall|precision|f1|median|mean)$/i.test(key)) return [[where, inner]];
    return shares(inner, where);
  });
}

/**
 * `npm run -s eval -- --json` (the README's evaluation command) must keep working: every section
 * runs on its held-out pages and prints its figures, each share a real measurement between 0 and 1,
 * and each section measures something (a share above one half somewhere).
 */
it('eval prints every section’s held-out figures as JSON', { timeout: 900000 }, async () => {
  const { stdout } = await promisify(execFile)(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'scripts/eval.ts'), '--json'], {
    cwd: ROOT,
    maxBuffer: 1 << 28,
  });
  const result = JSON.parse(stdout);
  assert.deepEqual(Object.keys(result).sort(), ['disclosures', 'pairing', 'reader', 'real-pages', 'seed-shaped', 'translation-check']);
  for (const [section, figures] of Object.entries(result)) {
    const found = shares(figures);
    assert.ok(found.length > 0, `${section}: no recall, precision, F1, median or mean`);
    for (const [where, share] of found) assert.ok(Number.isFinite(share) && share >= 0 && share <= 1, `${section}${where} = ${share}`);
    assert.ok(
      found.some(([, share]) => share > 0.5),
      `${section}: every share at or below 0.5`,
    );
  }
});
