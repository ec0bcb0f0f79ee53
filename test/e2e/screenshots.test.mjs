import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import { promisify } from 'node:util';
import { ROOT } from './helpers/chromium.mjs';

/** Width and height of a PNG, from its header. */
function pngSize(file) {
  const bytes = fs.readFileSync(file);
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', `${file} is a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), bytes };
}

/**
 * `npm run screenshots` (the README's pictures) must keep working on the build: one run into a
 * scratch folder gives the three modes of the page and the popup, each a different picture.
 */
it('screenshots takes each mode of the page and the popup', { timeout: 180000 }, async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'newslens-shots-'));
  try {
    await promisify(execFile)(process.execPath, [path.join(ROOT, 'scripts/screenshots.mjs'), '--out', out], { cwd: ROOT });
    const files = fs.readdirSync(out).sort();
    assert.deepEqual(files, ['mode-both.png', 'mode-en.png', 'mode-zh-Hans.png', 'popup.png']);
    const shots = files.map((file) => pngSize(path.join(out, file)));
    for (const shot of shots.slice(0, 3)) assert.deepEqual([shot.width, shot.height], [900, 640]);
    assert.equal(shots[3].width, 460);
    for (let i = 0; i < shots.length; i++) {
      for (let k = i + 1; k < shots.length; k++) assert.ok(!shots[i].bytes.equals(shots[k].bytes), `${files[i]} and ${files[k]} differ`);
    }
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
