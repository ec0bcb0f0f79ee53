import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { launch, localAndExtensionOnly, projectFile, tabIdOf, waitReady } from './helpers/chromium.mjs';
import { launchFirefox, openExtensionPage, waitReadyAt } from './helpers/firefox.mjs';
import { startServer } from './helpers/server.mjs';

/**
 * A reader corrects a flag, in Chromium and in Firefox ESR: "not a duplicate" in the popup takes
 * the flag out and shows the copies on the page again; a reload keeps it so; undoing it in the
 * options brings flag and collapse back. Run after `npm run build` and `npm run build:firefox`:
 * `node --test test/e2e/ui-corrections.test.mjs`.
 */

const SEED = projectFile('test/fixtures/seed/page.html');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `fn(arg)` in `page` until it returns true; errors (a page still loading) count as not yet. */
async function until(page, fn, arg, what) {
  const end = Date.now() + 30000;
  let last;
  for (;;) {
    last = await page.evaluate(fn, arg).catch((error) => `error: ${error.message}`);
    if (last === true) return;
    if (Date.now() > end) throw new Error(`${what}: not met (last ${JSON.stringify(last)})`);
    await sleep(150);
  }
}

const collapsedOnPage = () => document.querySelectorAll('[data-newslens-collapsed]').length;
const duplicateItems = () => document.querySelectorAll('.flag-duplicates .flag-item').length;
const clickButton = (name) => {
  const button = [...document.querySelectorAll('button')].find((each) => each.textContent === name);
  button?.click();
  return button !== undefined;
};

/**
 * The scenario, with the browser's ways to open a page, the extension's popup for that tab, and
 * its options page.
 */
async function correctAndUndo({ openSeed, reloadSeed, openPopup, openOptions }) {
  const page = await openSeed();
  await until(page, (n) => document.querySelectorAll('[data-newslens-collapsed]').length >= n, 2, 'the seed’s copies collapsed');
  const before = await page.evaluate(collapsedOnPage);

  let popup = await openPopup();
  await until(popup, () => document.querySelectorAll('.flag-duplicates .flag-item').length === 2, null, 'two duplicate flags');
  assert.equal(await popup.evaluate(clickButton, 'Not a duplicate'), true);
  await until(popup, () => document.querySelectorAll('.flag-duplicates .flag-item').length === 1, null, 'the flag left the popup');
  await until(page, (n) => document.querySelectorAll('[data-newslens-collapsed]').length < n, before, 'the copies shown on the page');
  const corrected = await page.evaluate(collapsedOnPage);
  await popup.close();

  await reloadSeed(page);
  await until(page, () => document.documentElement.hasAttribute('data-newslens-mode'), null, 'the reloaded page annotated');
  await sleep(500);
  assert.equal(await page.evaluate(collapsedOnPage), corrected, 'still shown after a reload');
  popup = await openPopup();
  await until(popup, () => document.querySelectorAll('.flag-duplicates .flag-item').length === 1, null, 'still one flag after a reload');
  await popup.close();

  const options = await openOptions();
  await until(options, () => document.querySelectorAll('.corrections li').length === 1, null, 'the correction listed in the options');
  assert.equal(await options.evaluate(clickButton, 'Undo'), true);
  await until(options, () => document.querySelectorAll('.corrections li').length === 0, null, 'the correction undone');
  await until(page, (n) => document.querySelectorAll('[data-newslens-collapsed]').length === n, before, 'the copies collapsed again');
  popup = await openPopup();
  await until(popup, () => document.querySelectorAll('.flag-duplicates .flag-item').length === 2, null, 'both flags back');
  assert.equal(await popup.evaluate(duplicateItems), 2);
  await popup.close();
  await options.close();
}

let server;
const getServer = async () => {
  server ??= await startServer({ '/seed': SEED });
  return server;
};
after(async () => {
  await server?.close();
});

describe('correcting a flag, in Chromium', () => {
  let browser;
  after(async () => {
    await browser?.close();
  });

  it('dismisses a duplicate, keeps it dismissed over a reload, and undoes it in the options', async () => {
    const { url } = await getServer();
    browser = await launch();
    await localAndExtensionOnly(browser.context);
    const base = `chrome-extension://${browser.extensionId}`;
    let tabId;
    const extensionPage = async (path) => {
      const page = await browser.context.newPage();
      await page.goto(`${base}${path}`);
      return page;
    };
    await correctAndUndo({
      openSeed: async () => {
        const page = await browser.context.newPage();
        await page.goto(url('/seed'), { waitUntil: 'domcontentloaded' });
        tabId = await tabIdOf(browser.worker, page);
        await waitReady(browser.worker, tabId);
        return page;
      },
      reloadSeed: async (page) => {
        await page.reload({ waitUntil: 'domcontentloaded' });
        await waitReady(browser.worker, tabId);
      },
      openPopup: () => extensionPage(`/popup.html?tab=${tabId}`),
      openOptions: () => extensionPage('/options.html'),
    });
  });
});

describe('correcting a flag, in Firefox ESR', () => {
  let firefox;
  after(async () => {
    await firefox?.close();
  });

  it('dismisses a duplicate, keeps it dismissed over a reload, and undoes it in the options', async () => {
    const { url } = await getServer();
    firefox = await launchFirefox();
    const probe = await openExtensionPage(firefox, '/reader.html');
    let tabId;
    await correctAndUndo({
      openSeed: async () => {
        const page = await firefox.browser.newPage();
        await page.goto(url('/seed'), { waitUntil: 'domcontentloaded' });
        ({ tabId } = await waitReadyAt(probe, url('/seed')));
        return page;
      },
      reloadSeed: async (page) => {
        await page.reload({ waitUntil: 'domcontentloaded' });
      },
      openPopup: () => openExtensionPage(firefox, `/popup.html?tab=${tabId}`, { background: true }),
      openOptions: () => openExtensionPage(firefox, '/options.html', { background: true }),
    });
  });
});
