/**
 * Time to ready in Chromium, as a reader meets it: from navigation to the content script's
 * `get-state` status `ready`, on the seed and on long bilingual pages, each in a fresh browser
 * profile (the background starts with the browser, its engine never run), and on the seed again
 * with the background warm (the same browser, after it analysed the seed). Also the content
 * script's and the background's bundle sizes, gzipped.
 *   npm run -s bench:browser [-- --json] [--runs N] [--paragraphs 1000,10000]
 * (the npm script builds first; run `node scripts/bench-browser.mjs` on a build of your own).
 * Medians of N runs (5 by default).
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION, launch, localOnly, projectFile, tabIdOf } from '../test/e2e/helpers/chromium.mjs';
import { longPage } from '../test/e2e/helpers/pages.mjs';
import { startServer } from '../test/e2e/helpers/server.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const json = args.includes('--json');
const runs = Number(option('--runs', '5'));
const sizes = option('--paragraphs', '1000,10000').split(',').map(Number);
if (!Number.isInteger(runs) || runs < 1 || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  throw new Error('usage: node scripts/bench-browser.mjs [--json] [--runs N] [--paragraphs 1000,10000]');
}
/** Warm loads of the seed after its first one, in each fresh browser. */
const WARM_LOADS = 2;
/** How often the background asks the page for its state while waiting. */
const POLL_MS = 10;
const TIMEOUT_MS = 120000;

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const round = (ms) => Math.round(ms);
const log = (line) => {
  if (!json) process.stdout.write(`${line}\n`);
};

/**
 * Opens `url` in a new tab and returns the milliseconds from its navigation start to the content
 * script's status `ready`. A new tab each time: a reloaded tab's old content script would answer
 * `ready` before the new one started.
 */
async function timeToReady(browser, url) {
  const page = await browser.context.newPage();
  const tabId = await tabIdOf(browser.worker, page);
  // The background polls, so that no round trip through this process sits between a poll and the next.
  const readyAt = browser.worker.evaluate(
    async ([id, pollMs, timeoutMs]) => {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const state = await chrome.tabs.sendMessage(id, { type: 'get-state' }).catch(() => null);
        if (state?.status === 'ready') return Date.now();
        if (state?.status === 'error' || state?.status === 'not-article') throw new Error(`status ${state.status} ${state.error ?? ''}`);
        if (Date.now() > end) throw new Error(`not ready after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
    },
    [tabId, POLL_MS, TIMEOUT_MS],
  );
  await page.goto(url, { waitUntil: 'commit' });
  const ready = await readyAt;
  const navigationStart = await page.evaluate(() => performance.timeOrigin);
  await page.close();
  return ready - navigationStart;
}

async function fresh(run) {
  const browser = await launch();
  try {
    await localOnly(browser.context);
    return await run(browser);
  } finally {
    await browser.close();
  }
}

const gzipKB = (file) => Math.round((gzipSync(fs.readFileSync(path.join(EXTENSION, file))).length / 1024) * 10) / 10;

const routes = { '/seed': projectFile('test/fixtures/seed/page.html') };
for (const n of sizes) routes[`/long/${n}`] = longPage(n).html;
const server = await startServer(routes);
try {
  const seed = [];
  const warm = [];
  const long = new Map(sizes.map((n) => [n, []]));
  for (let run = 0; run < runs; run++) {
    await fresh(async (browser) => {
      seed.push(await timeToReady(browser, server.url('/seed')));
      for (let k = 0; k < WARM_LOADS; k++) warm.push(await timeToReady(browser, server.url('/seed')));
    });
    log(`run ${run + 1}: seed ${round(seed.at(-1))} ms, warm ${warm.slice(-WARM_LOADS).map(round).join(', ')} ms`);
    for (const n of sizes) {
      const ms = await fresh((browser) => timeToReady(browser, server.url(`/long/${n}`)));
      long.get(n).push(ms);
      log(`run ${run + 1}: ${n} paragraphs ${round(ms)} ms`);
    }
  }
  const result = {
    seedReadyMs: round(median(seed)),
    seedReadyWarmMs: round(median(warm)),
    readyMs: sizes.map((paragraphs) => ({ paragraphs, ms: round(median(long.get(paragraphs))) })),
    contentGzipKB: gzipKB('content-scripts/content.js'),
    backgroundGzipKB: gzipKB('background.js'),
  };
  if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    log(`seed: ready ${result.seedReadyMs} ms in a fresh profile, ${result.seedReadyWarmMs} ms with the background warm (medians of ${runs} runs)`);
    for (const { paragraphs, ms } of result.readyMs) log(`${paragraphs} paragraphs: ready ${ms} ms`);
    log(`content script ${result.contentGzipKB} KB gzipped, background ${result.backgroundGzipKB} KB gzipped`);
  }
} finally {
  await server.close();
}
