import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { askPage, launch, localOnly, projectFile, tabIdOf, waitReady } from './helpers/chromium.mjs';
import { startServer } from './helpers/server.mjs';

/**
 * What a reader sees in each mode, laid out by Chromium: nothing without a counterpart disappears
 * (a paragraph the page never translated, an AI notice), a side-by-side page's kept language takes
 * the article's width, and off still gives back the exact page after every mode was shown.
 * Run after `npm run build`: `node --test test/e2e/ui-modes.test.mjs`.
 */

const SEED = projectFile('test/fixtures/seed/page.html', 'fixtures/seed/page.html');
const EXPECTED = JSON.parse(projectFile('test/fixtures/seed/expected.json', 'fixtures/seed/expected.json'));
const SIDE_BY_SIDE = ['ntrex-table', 'ntrex-columns', 'aggregator-grid-columns'];
/** The least share of the article's width the kept language's text spans in one-language mode. */
const KEPT_WIDTH = 0.8;

let server;
let browser;

before(async () => {
  const routes = { '/seed': SEED };
  for (const name of SIDE_BY_SIDE) routes[`/fixture/${name}`] = projectFile(`test/fixtures/${name}/page.html`);
  server = await startServer(routes);
  browser = await launch();
  await localOnly(browser.context);
  await browser.context.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      window.__original = document.documentElement.outerHTML;
    });
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path) {
  const page = await browser.context.newPage();
  await page.goto(server.url(path), { waitUntil: 'domcontentloaded' });
  const tabId = await tabIdOf(browser.worker, page);
  const state = await waitReady(browser.worker, tabId);
  await page.waitForSelector('html[data-newslens-mode]', { state: 'attached' });
  return { page, tabId, state };
}

// biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what the reader gets
const rendered = (page, selector) => page.evaluate((s) => document.querySelector(s).innerText, selector);
const squash = (text) => text.replace(/\s+/g, ' ');

describe('each mode of the seed page', () => {
  it('shows every paragraph the page never translated and the AI notice, in every mode', async () => {
    const { page, tabId, state } = await open('/seed');
    const notice = EXPECTED.disclosures[0].text;
    for (const mode of state.modes) {
      await askPage(browser.worker, tabId, { type: 'set-mode', mode });
      const shown = squash(await rendered(page, 'body'));
      for (const text of Object.values(EXPECTED.untranslated).flat()) {
        assert.ok(shown.includes(squash(text).slice(0, 120)), `${mode}: "${text.slice(0, 40)}…" is hidden`);
      }
      const noticeShown = squash(await rendered(page, '.disclaimer'));
      const half = mode === 'both' ? notice : notice.split(/(?<=\.)\s+/)[mode.startsWith('zh') ? 1 : 0];
      assert.ok(noticeShown.includes(half), `${mode}: the AI notice shows "${noticeShown}"`);
    }
    await page.close();
  });
});

/**
 * The paragraphs and cells of text that stand side by side in Both mode (another one beside them,
 * at the same height), kept in the page's window for the next measures.
 */
const findColumns = (page) =>
  page.evaluate(() => {
    const texts = [...document.body.querySelectorAll('p, td, div')].filter(
      (el) => !el.querySelector('p, td, div') && !el.closest('aside, nav, header, footer') && el.textContent.trim().length > 40,
    );
    const boxes = texts.map((el) => el.getBoundingClientRect());
    const beside = (a, b) => a.top < b.bottom && b.top < a.bottom && (a.right <= b.left || b.right <= a.left);
    window.__columns = texts.filter((_, i) => boxes.some((other, j) => j !== i && beside(boxes[i], other)));
    return window.__columns.length;
  });

/** From the leftmost to the rightmost of those still shown, in px. */
const columnSpan = (page) =>
  page.evaluate(() => {
    const boxes = window.__columns.map((el) => el.getBoundingClientRect()).filter((box) => box.width > 0 && box.height > 0);
    return Math.max(...boxes.map((box) => box.right)) - Math.min(...boxes.map((box) => box.left));
  });

describe('a side-by-side page in one language', () => {
  for (const name of SIDE_BY_SIDE) {
    it(`gives the kept language the article's width, and off restores the exact page: ${name}`, async () => {
      const { page, tabId, state } = await open(`/fixture/${name}`);
      const languages = state.modes.filter((mode) => mode !== 'both');
      assert.equal(languages.length, 2, `${name} is read as bilingual`);
      // The article's width: what the text of both languages spans, side by side (the site's
      // remembered mode is the last test's).
      await askPage(browser.worker, tabId, { type: 'set-mode', mode: 'both' });
      assert.ok((await findColumns(page)) >= 4, `${name} shows its languages side by side`);
      const width = await columnSpan(page);
      for (const mode of languages) {
        await askPage(browser.worker, tabId, { type: 'set-mode', mode });
        const span = await columnSpan(page);
        assert.ok(span >= KEPT_WIDTH * width, `${name}, ${mode}: the text spans ${Math.round(span)} of ${Math.round(width)} px`);
      }
      const original = await page.evaluate(() => window.__original);
      await askPage(browser.worker, tabId, { type: 'set-enabled', enabled: false });
      assert.equal(await page.evaluate(() => document.documentElement.outerHTML), original);
      await page.close();
    });
  }
});
