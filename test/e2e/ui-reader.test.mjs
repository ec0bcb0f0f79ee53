import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launch, localAndExtensionOnly, projectFile, tabIdOf, waitReady } from './helpers/chromium.mjs';
import { startServer } from './helpers/server.mjs';

/**
 * The reader as Chromium lays it out: in the 460 px popup a pair stands one above the other; in a
 * wide reader tab side by side. Run after `npm run build`: `node --test test/e2e/ui-reader.test.mjs`.
 */

const SEED = projectFile('test/fixtures/seed/page.html', 'fixtures/seed/page.html');

let server;
let browser;
let readerUrl;

before(async () => {
  server = await startServer({ '/seed': SEED });
  browser = await launch();
  await localAndExtensionOnly(browser.context);
  const page = await browser.context.newPage();
  await page.goto(server.url('/seed'), { waitUntil: 'domcontentloaded' });
  const tabId = await tabIdOf(browser.worker, page);
  await waitReady(browser.worker, tabId);
  readerUrl = (file) => `chrome-extension://${browser.extensionId}/${file}?tab=${tabId}`;
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** For each pair row: whether its second block starts below the first one's bottom. */
const pairsStacked = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.reader-body .row.pair')].map((row) => {
      const [a, b] = [...row.querySelectorAll('.block')].map((block) => block.getBoundingClientRect());
      return b.top >= a.bottom - 1;
    }),
  );

describe('the reader’s pairs', () => {
  for (const { file, width, stacked } of [
    { file: 'popup.html', width: 460, stacked: true },
    { file: 'reader.html', width: 390, stacked: true },
    { file: 'reader.html', width: 1280, stacked: false },
  ]) {
    it(`stand ${stacked ? 'one above the other' : 'side by side'} in ${file} at ${width} px`, async () => {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width, height: 800 });
      await page.goto(readerUrl(file));
      await page.waitForSelector('main.reader .reader-body .row.pair');
      const rows = await pairsStacked(page);
      assert.ok(rows.length >= 3, 'the seed has pairs');
      assert.deepEqual([...new Set(rows)], [stacked]);
      await page.close();
    });
  }
});
