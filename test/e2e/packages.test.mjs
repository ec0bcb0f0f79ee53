import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { ROOT } from './helpers/chromium.mjs';

/**
 * What is shipped: the packages that `npm run zip` and `npm run zip:firefox` leave in .output/ (run
 * them first; `npm test` does). The Firefox package must come out of its sources archive again, file
 * for file, as AMO's reviewers rebuild it (README, "Building the Firefox package from the sources
 * archive"). The rebuild uses this checkout's node_modules: the archive's package-lock.json is this
 * one, so `npm ci` would install the same tree.
 */

const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const zipOf = (kind) => {
  const file = path.join(ROOT, '.output', `newslens-${version}-${kind}.zip`);
  assert.ok(fs.existsSync(file), `${file} is missing: run npm run zip and npm run zip:firefox`);
  return file;
};

let scratch;
before(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newslens-packages-'));
});
after(() => {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

function unzip(file, name) {
  const dir = path.join(scratch, name);
  fs.mkdirSync(dir);
  execFileSync('unzip', ['-q', file, '-d', dir]);
  return dir;
}

/** Every file under `dir`, by its path relative to `dir`, sorted. */
function files(dir) {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

function assertSameFiles(actualDir, expectedDir) {
  assert.deepEqual(files(actualDir), files(expectedDir));
  for (const file of files(expectedDir)) {
    assert.ok(fs.readFileSync(path.join(actualDir, file)).equals(fs.readFileSync(path.join(expectedDir, file))), `${file} differs`);
  }
}

describe('the packages', () => {
  it('the Chrome package is the MV3 build', () => {
    const chrome = unzip(zipOf('chrome'), 'chrome');
    assert.equal(JSON.parse(fs.readFileSync(path.join(chrome, 'manifest.json'), 'utf8')).manifest_version, 3);
    assertSameFiles(chrome, path.join(ROOT, '.output/chrome-mv3'));
  });

  // The speed issue's budgets: the content script is loaded and parsed on every page the reader
  // opens; the background's size is what a cold start reads before its first analysis.
  it('keeps the content script within 40 KB gzipped and the background within 104 KB', () => {
    const chrome = path.join(ROOT, '.output/chrome-mv3');
    const gzipKB = (file) => gzipSync(fs.readFileSync(path.join(chrome, file))).length / 1024;
    const content = gzipKB('content-scripts/content.js');
    const background = gzipKB('background.js');
    assert.ok(content > 5 && content <= 40, `content script ${content.toFixed(1)} KB gzipped`);
    assert.ok(background > 5 && background <= 104, `background ${background.toFixed(1)} KB gzipped`);
  });

  it('the sources archive holds the build inputs, no tests, and this lockfile', () => {
    const sources = unzip(zipOf('sources'), 'sources-listed');
    const top = fs.readdirSync(sources).sort();
    for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'entrypoints', 'engine', 'utils', 'components', 'public']) {
      assert.ok(top.includes(needed), `${needed} is in the sources archive`);
    }
    for (const absent of ['test', 'node_modules', '.output']) assert.ok(!top.includes(absent), `${absent} is not in the sources archive`);
    assert.ok(fs.readFileSync(path.join(sources, 'package-lock.json')).equals(fs.readFileSync(path.join(ROOT, 'package-lock.json'))));
  });

  it('the Firefox package, rebuilt from the sources archive, has the same files byte for byte', () => {
    const firefox = unzip(zipOf('firefox'), 'firefox');
    assert.equal(JSON.parse(fs.readFileSync(path.join(firefox, 'manifest.json'), 'utf8')).manifest_version, 2);
    const sources = unzip(zipOf('sources'), 'sources');
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(sources, 'node_modules'), 'dir');
    execFileSync('npm', ['run', '-s', 'build:firefox'], { cwd: sources, stdio: 'ignore', timeout: 300_000 });
    assertSameFiles(path.join(sources, '.output/firefox-mv2'), firefox);
  });
});
