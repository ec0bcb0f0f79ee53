import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launch, localAndExtensionOnly, projectFile, tabIdOf, waitReady } from './helpers/chromium.mjs';
import { startServer } from './helpers/server.mjs';

/**
 * The popup on a page without an article (an app dashboard: tables, forms, no prose), in Debian's
 * Chromium: it says so and hands the page back as it is, never an empty reader. The popup is
 * opened as a tab for the page's tab (`popup.html?tab=<id>`), as in popup.test.mjs.
 * Run after `npm run -s build`: `node --test test/e2e/popup-not-article.test.mjs`.
 */

const DASHBOARD = projectFile('test/fixtures/nonarticle-app-dashboard/page.html');

let server;
let browser;
let page;
let tabId;

before(async () => {
  server = await startServer({ '/dashboard': DASHBOARD });
  browser = await launch();
  await localAndExtensionOnly(browser.context);
  page = await browser.context.newPage();
  await page.goto(server.url('/dashboard'), { waitUntil: 'domcontentloaded' });
  tabId = await tabIdOf(browser.worker, page);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe('the popup on a page that is not an article', () => {
  it('says so, shows no reader, and brings the unchanged page back', async () => {
    const state = await waitReady(browser.worker, tabId);
    assert.equal(state.status, 'not-article');
    const before = await page.content();

    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('main.status-not-article');
    assert.equal(await popup.locator('main h1').textContent(), "This page isn't an article");
    assert.equal(await popup.locator('main.reader').count(), 0);
    const button = popup.getByRole('button', { name: 'Read the page as it is' });
    assert.ok(await button.isVisible());

    await button.click();
    const active = async () => browser.worker.evaluate(async (id) => (await chrome.tabs.get(id)).active, tabId);
    for (let i = 0; i < 50 && !(await active()); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(await active(), true);
    // The page is as it was: nothing of NewsLens written into it.
    assert.equal(await page.content(), before);
  });
});
