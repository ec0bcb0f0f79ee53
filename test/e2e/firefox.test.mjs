import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { askTab, launchFirefox, openCapturing, openExtensionPage, pollIn, ROOT, waitReadyAt } from './helpers/firefox.mjs';
import { startServer } from './helpers/server.mjs';

/**
 * NewsLens built for Firefox (.output/firefox-mv2) and installed as a temporary add-on in Debian's
 * Firefox ESR, headless, over WebDriver BiDi, on the seed page served from 127.0.0.1.
 * Run after `npx wxt build -b firefox`: `node --test test/e2e/firefox.test.mjs`.
 */

const fixture = (name) => fs.readFileSync(path.join(ROOT, 'test/fixtures/seed', name), 'utf8');
const SEED = fixture('page.html');
const EXPECTED = JSON.parse(fixture('expected.json'));
const ZH_REPEATED = EXPECTED.duplicates[0].kept;
const EN_FIRST = EXPECTED.duplicates[1].kept;

const count = (text, part) => text.split(part).length - 1;
const han = /\p{Script=Han}/u;

let server;
let firefox;
/** An extension page in its own tab: the extension's side of every exchange with a page. */
let probe;

before(async () => {
  // One path per test: tabs are told apart by their address.
  const routes = {};
  for (const name of ['install', 'annotate', 'toggle', 'popup', 'off', 'idle']) routes[`/news/${name}`] = SEED;
  server = await startServer(routes);
});

after(async () => {
  await server?.close();
});

/** Firefox with NewsLens for the tests of one `describe`, and the probe page. */
function withFirefox(options) {
  before(async () => {
    firefox = await launchFirefox(options);
    probe = await openExtensionPage(firefox, '/reader.html');
  });
  after(async () => {
    await firefox?.close();
    firefox = undefined;
  });
}

/** Opens the seed page at `/news/<name>` and waits until NewsLens is done with it. */
async function open(name) {
  // Every test starts as after a fresh install: no language remembered for the site.
  await probe.evaluate(() => browser.storage.local.clear());
  const url = server.url(`/news/${name}`);
  const page = await openCapturing(firefox, url);
  const { tabId, state } = await waitReadyAt(probe, url);
  return { page, tabId, state };
}

/** The text a reader sees (hidden parts left out), as the browser lays it out. */
const rendered = (page, selector) =>
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what NewsLens changes
  page.evaluate((s) => document.querySelector(s).innerText, selector);

/** Presses a button of the on-page switch (in its shadow root) with a real mouse click. */
async function pressSwitch(page, label) {
  const button = await page.evaluateHandle(
    (text) => [...document.querySelector('newslens-switch').shadowRoot.querySelectorAll('button')].find((b) => b.textContent.trim() === text),
    label,
  );
  assert.ok(button.asElement(), `the switch has no "${label}" button`);
  await button.asElement().click();
}

/**
 * The article's visible text without the Chinese labels of its share buttons (微信, 微博): the
 * site's own chrome, with no translation to switch to.
 */
async function articleText(page) {
  const text = await rendered(page, 'main');
  const labels = await page.evaluate(() => [...document.querySelectorAll('main .share button')].map((b) => b.textContent));
  return labels.filter((label) => han.test(label)).reduce((rest, label) => rest.replace(label, ''), text);
}

describe('NewsLens in Firefox ESR', () => {
  withFirefox();

  it('installs under its fixed add-on id, with an event page and the toolbar badge', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, '.output/firefox-mv2/manifest.json'), 'utf8'));
    assert.equal(firefox.addonId, manifest.browser_specific_settings.gecko.id);
    const loaded = await probe.evaluate(() => browser.runtime.getManifest());
    assert.equal(loaded.version, manifest.version);
    assert.equal(loaded.background.persistent, false);
    assert.equal(await probe.evaluate(() => browser.browserAction.getTitle({})), 'NewsLens: read this page');

    // The background woke for the page: it ran the text phase and set the badge of that tab.
    const { page, tabId } = await open('install');
    const badge = await probe.evaluate((id) => browser.browserAction.getBadgeText({ tabId: id }), tabId);
    assert.equal(badge, 'AI');
    await page.close();
  });

  it('collapses the repeated paragraphs and flags the disclaimer on the seed page', async () => {
    const { page, state } = await open('annotate');
    assert.deepEqual(state.modes.map((mode) => mode.split('-')[0]), ['en', 'zh', 'both']);
    assert.equal(state.mode, 'both');

    const shown = await rendered(page, 'body');
    assert.equal(count(SEED, ZH_REPEATED), 3, 'the seed page repeats its first Chinese paragraph three times');
    assert.equal(count(shown, ZH_REPEATED), 1);
    assert.equal(count(shown, EN_FIRST.slice(0, 200)), 1);

    const badge = await page.evaluate(() => document.querySelector('.disclaimer newslens-badge')?.shadowRoot?.querySelector('.badge')?.textContent);
    assert.equal(badge, 'AI-generated');
    // The badge lives in a shadow root, outside the page's own text.
    assert.equal(count(shown, 'AI-generated'), 0);
    await page.close();
  });

  it('hides Chinese with the on-page switch and brings it back', async () => {
    const { page } = await open('toggle');
    const shown = await rendered(page, 'body');

    await pressSwitch(page, 'English');
    await pollIn(page, () => document.documentElement.getAttribute('data-newslens-mode') === 'en', [], { what: 'English mode' });
    const english = await articleText(page);
    assert.doesNotMatch(english, han);
    assert.ok(english.includes(EXPECTED.title.en));
    assert.ok(english.includes(EN_FIRST));

    await pressSwitch(page, '中文');
    await pollIn(page, () => document.documentElement.getAttribute('data-newslens-mode')?.startsWith('zh'), [], { what: 'Chinese mode' });
    const chinese = await rendered(page, 'main');
    assert.ok(chinese.includes(EXPECTED.title.zh));
    assert.ok(chinese.includes(ZH_REPEATED));
    assert.ok(!chinese.includes(EXPECTED.title.en));

    await pressSwitch(page, 'Both');
    await pollIn(page, () => document.documentElement.getAttribute('data-newslens-mode') === 'both', [], { what: 'both languages' });
    assert.equal(await rendered(page, 'body'), shown);
    await page.close();
  });

  it('renders the report of the tab in the popup, and its switch changes the page', async () => {
    const { page, tabId } = await open('popup');
    const popup = await openExtensionPage(firefox, `/popup.html?tab=${tabId}`);
    await pollIn(popup, () => document.querySelector('main.reader .reader-body') !== null, [], { what: 'the reader view in the popup' });

    assert.equal(await rendered(popup, 'main.reader h1'), `${EXPECTED.title.en}\n${EXPECTED.title.zh}`);
    const scores = await popup.evaluate(() =>
      [...document.querySelectorAll('.score')].map((li) => [li.querySelector('.score-label').textContent, li.querySelector('meter').value]),
    );
    assert.deepEqual(scores, EXPECTED.scores.map((score) => [score.labels.en, score.value]));
    assert.deepEqual(await popup.evaluate(() => [...document.querySelectorAll('.chip')].map((chip) => chip.textContent)), EXPECTED.tags);
    const flag = await popup.evaluate(() => document.querySelector('.flag-ai .evidence')?.textContent);
    assert.equal(flag, EXPECTED.disclosures[0].text);
    assert.equal(count(await rendered(popup, '.reader-body'), ZH_REPEATED), 1);
    assert.equal(count(await rendered(popup, '#app'), ZH_REPEATED), 1);

    const english = await popup.evaluateHandle(() => document.querySelector('.mode-switch input[value="en"]').closest('label'));
    await english.asElement().click();
    await pollIn(page, () => document.documentElement.getAttribute('data-newslens-mode') === 'en', [], { what: 'English mode on the page' });
    assert.doesNotMatch(await articleText(page), han);
    await pollIn(popup, () => !/\p{Script=Han}/u.test(document.querySelector('.reader-body').textContent), [], { what: 'English reader view' });

    await askTab(probe, tabId, { type: 'set-mode', mode: 'both' });
    await popup.close();
    await page.close();
  });

  it('restores the exact HTML when turned off', async () => {
    const { page, tabId } = await open('off');
    // Switched languages and a copy shown again first, so that off has real changes to undo.
    await pressSwitch(page, 'English');
    await pollIn(page, () => document.documentElement.getAttribute('data-newslens-mode') === 'en', [], { what: 'English mode' });
    const marker = await page.evaluateHandle(() => document.querySelector('newslens-marker').shadowRoot.querySelector('button'));
    await marker.asElement().click();

    const original = await page.evaluate(() => window.__original);
    assert.ok(original?.includes('news-card') && !original.includes('data-newslens'), 'the page was captured before NewsLens ran');
    const state = await askTab(probe, tabId, { type: 'set-enabled', enabled: false });
    assert.equal(state.status, 'off');
    assert.equal(await page.evaluate(() => document.documentElement.outerHTML), original);
    await page.close();
  });
});

describe('NewsLens in Firefox ESR, with the background stopped whenever idle', () => {
  // Firefox stops an idle event page after 30 s; 5 s here, so that the popup below finds the
  // background stopped, as Chrome's service worker often is. Not much less: started again, the
  // background waits for the page to be analysed anew, and Firefox does not count that as work.
  withFirefox({ prefs: { 'extensions.background.idle.timeout': 5000 } });

  // The page Firefox makes for `background.scripts`, listed among the extension's views while it runs.
  const BACKGROUND = '/_generated_background_page.html';
  const running = (path) => browser.extension.getViews().some((view) => view.location.pathname === path);

  it('still shows the report in the popup', async () => {
    const { page, tabId } = await open('idle');
    await pollIn(probe, (path) => !browser.extension.getViews().some((view) => view.location.pathname === path), [BACKGROUND], {
      what: 'the background stopped',
    });

    // Behind the page, which stays visible as under a real popup: the content script of a hidden
    // tab runs at the browser's throttled pace.
    const popup = await openExtensionPage(firefox, `/popup.html?tab=${tabId}`, { background: true });
    await pollIn(popup, () => document.querySelector('main.reader .reader-body') !== null, [], { what: 'the reader view in the popup' });
    assert.equal(await popup.evaluate(() => document.querySelector('.flag-ai .evidence')?.textContent), EXPECTED.disclosures[0].text);
    assert.equal(count(await rendered(popup, '.reader-body'), ZH_REPEATED), 1);
    assert.ok(await probe.evaluate(running, BACKGROUND), 'the background runs again');
    assert.equal(await probe.evaluate((id) => browser.browserAction.getBadgeText({ tabId: id }), tabId), 'AI');
    await popup.close();
    await page.close();
  });
});
