import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { askPage, launch, localAndExtensionOnly, projectFile, tabIdOf, waitReady } from './helpers/chromium.mjs';
import { startServer } from './helpers/server.mjs';

/**
 * The translation check in Chromium, on test/fixtures/ntrex-changed-figure (an NTREX page whose
 * Chinese wrote 2万 as 20万) and the seed (its figures agree): the mark on the page names both
 * figures, once in each mode; the popup's "Translation check" flag names them and "show on page"
 * scrolls the page to the pair; off gives back the exact page; a Chinese browser writes the mark in
 * Chinese. Run after `npm run build`: `node --test test/e2e/translation-check.test.mjs`.
 */

const CHANGED = projectFile('test/fixtures/ntrex-changed-figure/page.html');
const ROUTES = {
  '/changed': CHANGED,
  // The same page drawn dark by its own style.
  '/changed-dark': CHANGED.replace('<body>', '<body style="background: #121212; color: #e8e8e8">'),
  '/seed': projectFile('test/fixtures/seed/page.html'),
};
const EN_SIDE = 'Survey of 20,000 secondary school pupils';
const ZH_SIDE = '对20万名中学生';

let server;

before(async () => {
  server = await startServer(ROUTES);
});

after(async () => {
  await server?.close();
});

/** Chromium with NewsLens for one `describe`; the page is captured before the content script runs. */
function withChromium(options) {
  const held = {};
  before(async () => {
    // A low window, so that the page scrolls.
    held.browser = await launch({ viewport: { width: 900, height: 400 }, ...options });
    await localAndExtensionOnly(held.browser.context);
    await held.browser.context.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        window.__original = document.documentElement.outerHTML;
      });
    });
  });
  after(async () => {
    await held.browser?.close();
  });
  return held;
}

async function open(browser, path) {
  const page = await browser.context.newPage();
  await page.goto(server.url(path), { waitUntil: 'domcontentloaded' });
  const tabId = await tabIdOf(browser.worker, page);
  const state = await waitReady(browser.worker, tabId);
  await page.waitForSelector('html[data-newslens-mode]', { state: 'attached' });
  return { page, tabId, state };
}

/** The check marks the reader sees (laid out, not hidden by a mode), each with the paragraph it follows. */
const shownMarks = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('newslens-check')]
      .filter((host) => host.getClientRects().length > 0)
      .map((host) => {
        const mark = host.shadowRoot.querySelector('.check');
        const { color, backgroundColor } = getComputedStyle(mark);
        return { text: mark.textContent, hint: mark.title, paragraph: host.parentElement.textContent, color, backgroundColor };
      }),
  );

/** Where the paragraph holding `text` stands against the window: above it, in it or below it. */
const placeOf = (page, text) =>
  page.evaluate((wanted) => {
    const el = [...document.querySelectorAll('p')].find((p) => p.textContent.includes(wanted));
    const box = el.getBoundingClientRect();
    return box.bottom <= 0 ? 'above' : box.top >= innerHeight ? 'below' : 'in view';
  }, text);

async function until(test, what, timeout = 10000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await test();
    if (value) return value;
    if (Date.now() > end) throw new Error(`${what}: not after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the translation check in Chromium', () => {
  const held = withChromium();

  it("marks the changed figure on the pair, once in each mode, in the page's colour scheme, and no figure of the seed", async () => {
    const { browser } = held;
    const { page, tabId, state } = await open(browser, '/changed');
    const languages = state.modes.filter((mode) => mode !== 'both');
    assert.deepEqual(languages.map((tag) => tag.split('-')[0]), ['en', 'zh']);
    const expected = 'numbers differ: 20,000 ↔ 20万';
    const both = await shownMarks(page);
    assert.deepEqual(both.map((mark) => mark.text), [expected]);
    assert.ok(both[0].paragraph.includes(ZH_SIDE), 'the Both mode marks the Chinese side');
    assert.match(both[0].hint, /^NewsLens: this paragraph and its translation state this differently/);
    for (const [mode, side] of [[languages[0], EN_SIDE], [languages[1], ZH_SIDE]]) {
      await askPage(browser.worker, tabId, { type: 'set-mode', mode });
      const shown = await shownMarks(page);
      assert.deepEqual(shown.map((mark) => mark.text), [expected], mode);
      assert.ok(shown[0].paragraph.includes(side), `${mode} marks its own side`);
    }
    await askPage(browser.worker, tabId, { type: 'set-mode', mode: 'both' });
    await page.close();

    // Light colours on a light page, dark ones on a dark page, as the other marks.
    assert.deepEqual([both[0].color, both[0].backgroundColor], ['rgb(165, 14, 14)', 'rgb(252, 232, 230)']);
    const dark = await open(browser, '/changed-dark');
    const [onDark] = await shownMarks(dark.page);
    assert.deepEqual([onDark.text, onDark.color, onDark.backgroundColor], [expected, 'rgb(246, 174, 169)', 'rgb(92, 43, 41)']);
    await dark.page.close();

    const seed = await open(browser, '/seed');
    assert.equal(await seed.page.evaluate(() => document.querySelectorAll('newslens-check').length), 0);
    await seed.page.close();
  });

  it('lists both figures in the popup, "show on page" scrolls to the pair, and off restores the exact page', async () => {
    const { browser } = held;
    const { page, tabId } = await open(browser, '/changed');
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('.flag-check');
    assert.equal(await popup.locator('.flag-check .flag-title').textContent(), 'Translation check: 1');
    assert.equal(await popup.locator('.flag-check .flag-meta').textContent(), 'Numbers differ · 20,000 ↔ 20万');
    const excerpts = await popup.locator('.flag-check .evidence p').allTextContents();
    assert.ok(excerpts[0].includes(EN_SIDE) && excerpts[1].includes(ZH_SIDE), excerpts.join(' | '));

    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    assert.equal(await placeOf(page, ZH_SIDE), 'above', 'the pair is out of view before "show on page"');
    await popup.locator('.flag-check button.show').click();
    await page.bringToFront();
    await until(async () => (await placeOf(page, ZH_SIDE)) === 'in view', 'the pair scrolled into view');
    const flashed = await page.evaluate(() => document.querySelector('[data-newslens-flash]')?.textContent ?? '');
    assert.ok(flashed.includes(ZH_SIDE), `the Chinese side is outlined: "${flashed.slice(0, 60)}"`);
    await popup.close();

    const original = await page.evaluate(() => window.__original);
    assert.ok(original?.includes(ZH_SIDE) && !original.includes('data-newslens'), 'the page was captured before NewsLens ran');
    await askPage(browser.worker, tabId, { type: 'set-enabled', enabled: false });
    assert.equal(await page.evaluate(() => document.documentElement.outerHTML), original);
    await page.close();
  });
});

describe('the translation check in a Chinese Chromium', () => {
  const held = withChromium({ lang: 'zh-CN' });

  it('writes the mark and the flag in Chinese, with no English word but the figures', async () => {
    const { browser } = held;
    const { page, tabId } = await open(browser, '/changed');
    const [mark, ...others] = await shownMarks(page);
    assert.deepEqual(others, []);
    assert.equal(mark.text, '数字不一致：20,000 ↔ 20万');
    assert.deepEqual(`${mark.text} ${mark.hint}`.match(/\p{Script=Latin}+/gu), ['NewsLens']);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('.flag-check');
    assert.equal(await popup.locator('.flag-check .flag-title').textContent(), '翻译核对：1');
    assert.equal(await popup.locator('.flag-check .flag-meta').textContent(), '数字不一致 · 20,000 ↔ 20万');
    await popup.close();
    await page.close();
  });
});
