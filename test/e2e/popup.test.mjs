import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launch, localAndExtensionOnly, projectFile, stopServiceWorker, tabIdOf, waitReady } from './helpers/chromium.mjs';
import { startServer } from './helpers/server.mjs';

/**
 * The toolbar popup in Debian's Chromium, headless, for the seed page served from 127.0.0.1.
 * A test cannot click the toolbar button, so the popup page is opened as a tab for the seed
 * page's tab (`popup.html?tab=<id>`), which is what the popup shows for the active tab.
 * Run after `npx wxt build`: `node --test test/e2e/popup.test.mjs`.
 */

const SEED = projectFile('test/fixtures/seed/page.html');
const EXPECTED = JSON.parse(projectFile('test/fixtures/seed/expected.json'));
const ZH_REPEATED = EXPECTED.duplicates[0].kept;
const EN_FIRST = EXPECTED.duplicates[1].kept;

const count = (text, part) => text.split(part).length - 1;
const han = /\p{Script=Han}/u;

let server;
let browser;
let page;
let popup;
let tabId;

before(async () => {
  server = await startServer({ '/seed': SEED });
  browser = await launch();
  await localAndExtensionOnly(browser.context);
  page = await browser.context.newPage();
  await page.goto(server.url('/seed'), { waitUntil: 'domcontentloaded' });
  tabId = await tabIdOf(browser.worker, page);
  await waitReady(browser.worker, tabId);
  popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('main.reader .reader-body');
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The text a reader sees (layout-aware, hidden parts left out). */
const rendered = (target, selector) =>
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what the reader gets
  target.locator(selector).first().innerText();

/**
 * The article's visible text without the Chinese labels of its share buttons (微信, 微博): the
 * site's own chrome, with no translation to switch to.
 */
async function articleText() {
  const text = await rendered(page, 'main');
  const labels = (await page.locator('main .share button').allTextContents()).filter((label) => han.test(label));
  return labels.reduce((rest, label) => rest.replace(label, ''), text);
}

describe('the popup for the seed page', () => {
  it('belongs to a toolbar button with a localized tooltip', async () => {
    assert.equal(await browser.worker.evaluate(() => chrome.action.getTitle({})), 'NewsLens: read this page');
  });

  it('shows the title, the scores, the tags, the AI flag and the article once', async () => {
    assert.equal(await rendered(popup, 'main.reader h1'), `${EXPECTED.title.en}\n${EXPECTED.title.zh}`);

    const scores = await popup.locator('.score').evaluateAll((items) =>
      items.map((item) => [item.querySelector('.score-label')?.textContent, item.querySelector('meter')?.value]),
    );
    assert.deepEqual(scores, EXPECTED.scores.map((score) => [score.labels.en, score.value]));
    assert.deepEqual(await popup.locator('.score-value').allTextContents(), ['85', '70', '75']);
    assert.deepEqual(await popup.locator('.tags .chip').allTextContents(), EXPECTED.tags);

    const flag = popup.locator('.flag-ai');
    assert.ok(await flag.isVisible());
    assert.equal(await flag.locator('.evidence').textContent(), EXPECTED.disclosures[0].text);

    // The Chinese first paragraph stands three times on the page and once in the reader.
    assert.equal(count(SEED, ZH_REPEATED), 3);
    const reader = await rendered(popup, '.reader-body');
    assert.equal(count(reader, ZH_REPEATED), 1);
    assert.equal(count(reader, EN_FIRST), 1);
    assert.equal(count(await rendered(popup, '#app'), ZH_REPEATED), 1);
  });

  it('switches the page with its language switch, and follows the page back', async () => {
    await popup.locator('.mode-switch label', { hasText: 'English' }).click();
    await page.waitForSelector('html[data-newslens-mode="en"]', { state: 'attached', timeout: 5000 });
    const english = await articleText();
    assert.doesNotMatch(english, han);
    assert.ok(english.includes(EXPECTED.title.en));
    await popup.waitForFunction(() => !/\p{Script=Han}/u.test(document.querySelector('.reader-body')?.textContent ?? '中'));
    assert.ok(await popup.locator('.mode-switch input[value="en"]').isChecked());

    // One state: the switch on the page moves the popup's too.
    await page.locator('newslens-switch button', { hasText: 'Both' }).click();
    await popup.waitForFunction(() => document.querySelector('.mode-switch input[value="both"]')?.checked === true);
    assert.equal(count(await rendered(popup, '.reader-body'), ZH_REPEATED), 1);
    assert.equal(count(await rendered(page, 'body'), ZH_REPEATED), 1);
  });
});

describe('a background the browser stopped', () => {
  it('rebuilds the page session from the content script: a popup opened after it shows the report', async () => {
    await popup.close();
    await stopServiceWorker(browser.context, page);
    const again = await browser.context.newPage();
    await again.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await again.waitForSelector('main.reader .reader-body', { timeout: 30000 });
    assert.equal(await rendered(again, 'main.reader h1'), `${EXPECTED.title.en}\n${EXPECTED.title.zh}`);
    assert.deepEqual(await again.locator('.tags .chip').allTextContents(), EXPECTED.tags);
    assert.equal(count(await rendered(again, '.reader-body'), ZH_REPEATED), 1);
    // The page was analysed again, not changed: still one visible copy of the repeated paragraph.
    assert.equal(count(await rendered(page, 'body'), ZH_REPEATED), 1);
    await again.close();
  });
});
