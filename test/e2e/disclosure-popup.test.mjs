import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launch, localAndExtensionOnly, projectFile, tabIdOf, waitReady } from './helpers/chromium.mjs';
import { startServer } from './helpers/server.mjs';

/**
 * AI notices outside the reader view reach the popup: the disclosure-byline and disclosure-badge
 * fixture pages (a <small> under the byline, a heading crediting an AI, a badge whose class names
 * the label) served from 127.0.0.1, each flag shown with its evidence.
 * Run after `npx wxt build`: `node --test test/e2e/disclosure-popup.test.mjs`.
 */

const PAGES = ['disclosure-byline', 'disclosure-badge'];

let server;
let browser;

before(async () => {
  server = await startServer(Object.fromEntries(PAGES.map((name) => [`/${name}`, projectFile(`test/fixtures/${name}/page.html`)])));
  browser = await launch();
  await localAndExtensionOnly(browser.context);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe('AI notices in the popup', () => {
  for (const name of PAGES) {
    it(`shows every notice of ${name} with its evidence`, async () => {
      const expected = JSON.parse(projectFile(`test/fixtures/${name}/expected.json`));
      const page = await browser.context.newPage();
      await page.goto(server.url(`/${name}`), { waitUntil: 'domcontentloaded' });
      const tabId = await tabIdOf(browser.worker, page);
      await waitReady(browser.worker, tabId);
      const popup = await browser.context.newPage();
      await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
      await popup.waitForSelector('.flag-ai');
      const evidence = await popup.locator('.flag-ai .evidence').allTextContents();
      assert.deepEqual(evidence.sort(), expected.disclosures.map((d) => d.text).sort());
      await popup.close();
      await page.close();
    });
  }
});
