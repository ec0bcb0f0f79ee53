import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { askTab, launchFirefox, openCapturing, openExtensionPage, pollIn, waitReadyAt } from './helpers/firefox.mjs';
import { projectFile } from './helpers/chromium.mjs';
import { startServer } from './helpers/server.mjs';

/**
 * The translation check in Firefox ESR, as translation-check.test.mjs checks it in Chromium: on
 * test/fixtures/ntrex-changed-figure (2万 written 20万) the mark names both figures, once in each
 * mode; the seed (its figures agree) has none; the popup's "Translation check" flag names both
 * figures and "show on page" scrolls the page to the pair; off gives back the exact page.
 * Run after `npm run build:firefox`: `node --test test/e2e/translation-check-firefox.test.mjs`.
 */

const CHANGED = projectFile('test/fixtures/ntrex-changed-figure/page.html');
const SEED = projectFile('test/fixtures/seed/page.html');
const EN_SIDE = 'Survey of 20,000 secondary school pupils';
const ZH_SIDE = '对20万名中学生';
const EXPECTED = 'numbers differ: 20,000 ↔ 20万';

let server;
let firefox;
let probe;

before(async () => {
  // One path per test: tabs are told apart by their address.
  server = await startServer({ '/news/marks': CHANGED, '/news/popup': CHANGED, '/news/seed': SEED });
  firefox = await launchFirefox();
  probe = await openExtensionPage(firefox, '/reader.html');
});

after(async () => {
  await firefox?.close();
  await server?.close();
});

async function open(name) {
  await probe.evaluate(() => browser.storage.local.clear());
  const url = server.url(`/news/${name}`);
  const page = await openCapturing(firefox, url);
  // A low window, so that the page scrolls.
  await page.setViewport({ width: 900, height: 400 });
  const { tabId, state } = await waitReadyAt(probe, url);
  await pollIn(page, () => document.documentElement.hasAttribute('data-newslens-mode'), [], { what: 'the page annotated' });
  return { page, tabId, state };
}

/** The check marks the reader sees (laid out, not hidden by a mode), each with the paragraph it follows. */
const shownMarks = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('newslens-check')]
      .filter((host) => host.getClientRects().length > 0)
      .map((host) => ({ text: host.shadowRoot.querySelector('.check').textContent, paragraph: host.parentElement.textContent })),
  );

describe('the translation check in Firefox ESR', () => {
  it('marks the changed figure on the pair, once in each mode, and no figure of the seed', async () => {
    const { page, tabId, state } = await open('marks');
    const languages = state.modes.filter((mode) => mode !== 'both');
    assert.deepEqual(languages.map((tag) => tag.split('-')[0]), ['en', 'zh']);
    const both = await shownMarks(page);
    assert.deepEqual(both.map((mark) => mark.text), [EXPECTED]);
    assert.ok(both[0].paragraph.includes(ZH_SIDE), 'the Both mode marks the Chinese side');
    for (const [mode, side] of [[languages[0], EN_SIDE], [languages[1], ZH_SIDE]]) {
      await askTab(probe, tabId, { type: 'set-mode', mode });
      const shown = await shownMarks(page);
      assert.deepEqual(shown.map((mark) => mark.text), [EXPECTED], mode);
      assert.ok(shown[0].paragraph.includes(side), `${mode} marks its own side`);
    }
    await page.close();

    const seed = await open('seed');
    assert.equal(await seed.page.evaluate(() => document.querySelectorAll('newslens-check').length), 0);
    await seed.page.close();
  });

  it('lists both figures in the popup, "show on page" scrolls to the pair, and off restores the exact page', async () => {
    const { page, tabId } = await open('popup');
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const placeOf = (text) =>
      page.evaluate((wanted) => {
        const box = [...document.querySelectorAll('p')].find((p) => p.textContent.includes(wanted)).getBoundingClientRect();
        return box.bottom <= 0 ? 'above' : box.top >= innerHeight ? 'below' : 'in view';
      }, text);
    assert.equal(await placeOf(ZH_SIDE), 'above', 'the pair is out of view before "show on page"');

    // Behind the page, which stays visible as it does under the toolbar popup.
    const popup = await openExtensionPage(firefox, `/popup.html?tab=${tabId}`, { background: true });
    await pollIn(popup, () => document.querySelector('.flag-check') !== null, [], { what: 'the translation check in the popup' });
    const flag = await popup.evaluate(() => ({
      title: document.querySelector('.flag-check .flag-title').textContent,
      meta: document.querySelector('.flag-check .flag-meta').textContent,
      excerpts: [...document.querySelectorAll('.flag-check .evidence p')].map((p) => p.textContent),
    }));
    assert.equal(flag.title, 'Translation check: 1');
    assert.equal(flag.meta, 'Numbers differ · 20,000 ↔ 20万');
    assert.ok(flag.excerpts[0].includes(EN_SIDE) && flag.excerpts[1].includes(ZH_SIDE), flag.excerpts.join(' | '));

    await popup.evaluate(() => document.querySelector('.flag-check button.show').click());
    await pollIn(page, (wanted) => document.querySelector('[data-newslens-flash]')?.textContent.includes(wanted), [ZH_SIDE], { what: 'the Chinese side outlined' });
    const end = Date.now() + 10000;
    while ((await placeOf(ZH_SIDE)) !== 'in view') {
      if (Date.now() > end) throw new Error('the pair did not scroll into view');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await popup.close();

    const original = await page.evaluate(() => window.__original);
    assert.ok(original?.includes(ZH_SIDE) && !original.includes('data-newslens'), 'the page was captured before NewsLens ran');
    const state = await askTab(probe, tabId, { type: 'set-enabled', enabled: false });
    assert.equal(state.status, 'off');
    assert.equal(await page.evaluate(() => document.documentElement.outerHTML), original);
    await page.close();
  });
});
