import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { askTab, launchFirefox, openCapturing, openExtensionPage, waitReadyAt } from './helpers/firefox.mjs';
import { projectFile } from './helpers/chromium.mjs';
import { startServer } from './helpers/server.mjs';

/**
 * The hostile pages where Firefox differs from Chromium (test/e2e/hostile.test.mjs has them all):
 * a strict Content-Security-Policy, which Firefox applies to content scripts' inline styles, and a
 * page that imitates WXT's events under Firefox's add-on id, which is public. Run after
 * `npx wxt build -b firefox`: `node --test test/e2e/hostile-firefox.test.mjs`.
 */

const SEED = projectFile('test/fixtures/seed/page.html');
const ADDON_ID = 'newslens@example.org';
const STRICT_CSP = "default-src 'none'; style-src 'self'; script-src 'none'";
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let server;
let firefox;
let probe;

before(async () => {
  server = await startServer({
    '/csp': { body: SEED, headers: { 'content-security-policy': STRICT_CSP } },
    '/attack': SEED,
  });
  firefox = await launchFirefox();
  probe = await openExtensionPage(firefox, '/reader.html');
});

after(async () => {
  await firefox?.close();
  await server?.close();
});

async function open(path) {
  await probe.evaluate(() => browser.storage.local.clear());
  const url = server.url(path);
  const page = await openCapturing(firefox, url);
  await page.evaluateOnNewDocument(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.__violations.push({ at: performance.now(), directive: event.effectiveDirective, blocked: event.blockedURI }),
    );
    addEventListener('load', () => {
      window.__loadedAt = performance.now();
    });
  });
  await page.reload({ waitUntil: 'domcontentloaded' });
  const { tabId, state } = await waitReadyAt(probe, url);
  return { page, tabId, state };
}

describe('Firefox: a strict Content-Security-Policy', () => {
  it('renders the switch styled and collapses copies, causing no violation', async () => {
    const { page, tabId, state } = await open('/csp');
    assert.equal(state.status, 'ready');
    assert.ok(state.collapsedCount >= 2);
    const look = await page.evaluate(() => {
      const host = document.querySelector('newslens-switch');
      const bar = host.shadowRoot.querySelector('.bar');
      const hidden = [...document.querySelectorAll('[data-newslens-collapsed]')].map((el) => getComputedStyle(el).display);
      return { position: getComputedStyle(host).position, radius: getComputedStyle(bar).borderTopLeftRadius, hidden: [...new Set(hidden)] };
    });
    // The switch stands in the page's flow under the title (issue 16), styled by our sheet under any CSP.
    assert.deepEqual(look, { position: 'static', radius: '999px', hidden: ['none'] });
    // The page's own styles and scripts are blocked while it loads, and the browser's request for
    // /favicon.ico after that; nothing else after the load event is the page's.
    const violations = await page.evaluate(() => window.__violations.filter((v) => v.at >= window.__loadedAt && !v.blocked.endsWith('/favicon.ico')));
    assert.deepEqual(violations, []);
    await askTab(probe, tabId, { type: 'set-enabled', enabled: false });
    assert.equal(await page.evaluate(() => document.documentElement.outerHTML), await page.evaluate(() => window.__original));
    await page.close();
  });
});

describe('Firefox: an attacking page', () => {
  it("cannot turn NewsLens off with WXT's events or press its switch", async () => {
    const { page, tabId, state } = await open('/attack');
    await page.evaluate((id) => {
      document.dispatchEvent(new CustomEvent(`${id}:content:wxt:content-script-started`, { detail: { contentScriptName: 'content', messageId: 'page' } }));
      window.dispatchEvent(new Event(`${id}:content:wxt:locationchange`));
      const root = document.querySelector('newslens-switch').shadowRoot;
      for (const button of root.querySelectorAll('button')) button.click();
    }, ADDON_ID);
    await sleep(1500);
    const after = await askTab(probe, tabId, { type: 'get-state' });
    assert.equal(after.status, 'ready');
    assert.equal(after.mode, state.mode);
    assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-newslens-mode')), state.mode);
    assert.deepEqual(await probe.evaluate(async () => (await browser.storage.local.get('siteModes')).siteModes ?? {}), {});
    await page.close();
  });
});
