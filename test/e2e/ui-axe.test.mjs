import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { launch, localAndExtensionOnly, projectFile, tabIdOf, waitReady } from './helpers/chromium.mjs';
import { startServer } from './helpers/server.mjs';

/**
 * axe-core (a devDependency, injected here only: never shipped) on the popup, the reader tab and
 * the options page in Chromium, for the seed page: no serious or critical violation, in both
 * colour schemes, and in the reader's own theme chosen against the system's. Run after `npm run build`: `node --test test/e2e/ui-axe.test.mjs`.
 */

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SEED = projectFile('test/fixtures/seed/page.html', 'fixtures/seed/page.html');

let server;
let browser;
let tabId;

before(async () => {
  server = await startServer({ '/seed': SEED });
  browser = await launch();
  await localAndExtensionOnly(browser.context);
  const page = await browser.context.newPage();
  await page.goto(server.url('/seed'), { waitUntil: 'domcontentloaded' });
  tabId = await tabIdOf(browser.worker, page);
  await waitReady(browser.worker, tabId);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function violations(url, ready, colorScheme, spoil = false) {
  const page = await browser.context.newPage();
  await page.emulateMedia({ colorScheme });
  await page.goto(url);
  await page.waitForSelector(ready);
  if (spoil) await page.evaluate(() => document.body.append(Object.assign(document.createElement('img'), { src: 'data:,' })));
  // An extension page's CSP refuses inline scripts; the test's own evaluation is allowed.
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) }));
  });
  await page.close();
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe('axe-core on NewsLens pages', () => {
  it('sees a violation where there is one (an image without text)', async () => {
    const found = await violations(`chrome-extension://${browser.extensionId}/options.html`, 'main.options h1', 'light', true);
    assert.deepEqual(found.map((v) => v.id), ['image-alt']);
  });

  for (const colorScheme of ['light', 'dark']) {
    for (const [name, file, ready] of [
      ['popup', 'popup.html', 'main.reader .reader-body'],
      ['reader tab', 'reader.html', 'main.reader .reader-body'],
      ['options', 'options.html', 'main.options h1'],
    ]) {
      it(`finds no serious violation on the ${name} (${colorScheme})`, async () => {
        const url = `chrome-extension://${browser.extensionId}/${file}${file === 'options.html' ? '' : `?tab=${tabId}`}`;
        assert.deepEqual(await violations(url, ready, colorScheme), []);
      });
    }
  }

  // The reader's own theme against the system's, at the largest text size.
  for (const [theme, colorScheme, background] of [
    ['dark', 'light', 'rgb(23, 24, 28)'],
    ['light', 'dark', 'rgb(255, 255, 255)'],
  ]) {
    it(`draws the reader ${theme} when the reader chose it on a ${colorScheme} system`, async () => {
      await browser.worker.evaluate((prefs) => chrome.storage.local.set({ readerPrefs: prefs }), { textScale: 1.75, theme });
      const page = await browser.context.newPage();
      try {
        await page.emulateMedia({ colorScheme });
        await page.goto(`chrome-extension://${browser.extensionId}/reader.html?tab=${tabId}`);
        await page.waitForSelector(`html[data-theme="${theme}"] main.reader .reader-body`);
        const look = await page.evaluate(() => ({
          background: getComputedStyle(document.body).backgroundColor,
          size: getComputedStyle(document.querySelector('.reader-body')).fontSize,
        }));
        assert.deepEqual(look, { background, size: '28px' });
      } finally {
        await page.close();
        await browser.worker.evaluate(() => chrome.storage.local.remove('readerPrefs'));
      }
    });

    for (const [name, file] of [
      ['popup', 'popup.html'],
      ['reader tab', 'reader.html'],
    ]) {
      it(`finds no serious violation on the ${name} in the ${theme} theme chosen on a ${colorScheme} system`, async () => {
        await browser.worker.evaluate((prefs) => chrome.storage.local.set({ readerPrefs: prefs }), { textScale: 1.75, theme });
        try {
          const url = `chrome-extension://${browser.extensionId}/${file}?tab=${tabId}`;
          assert.deepEqual(await violations(url, `html[data-theme="${theme}"] main.reader .reader-body`, colorScheme), []);
        } finally {
          await browser.worker.evaluate(() => chrome.storage.local.remove('readerPrefs'));
        }
      });
    }
  }
});
