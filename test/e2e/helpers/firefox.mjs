import fs from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

/**
 * Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi, headless, with the built
 * Firefox extension installed as a temporary add-on (the recipe in the team notes, browser-testing.md
 * §6–7). There is no background page to evaluate in as there is a service worker in Chromium, so
 * an extension page opened in a tab ("probe") speaks for the extension: it has the same
 * `browser.tabs` API as the popup.
 */

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const EXTENSION = path.join(ROOT, '.output/firefox-mv2');
const EXECUTABLE = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * moz-extension:// hosts are random per profile unless this pref maps the add-on id to one; any
 * fixed UUID will do.
 */
const UUID = '6f1b4f4e-0e0c-4c3a-9d52-1f6f3f0e2a11';

/** The add-on id as built (wxt.config.ts), so the test and the manifest cannot disagree. */
function addonId() {
  const manifest = path.join(EXTENSION, 'manifest.json');
  if (!fs.existsSync(manifest)) throw new Error(`${EXTENSION} is missing: run "npx wxt build -b firefox" first`);
  const id = JSON.parse(fs.readFileSync(manifest, 'utf8')).browser_specific_settings?.gecko?.id;
  if (typeof id !== 'string') throw new Error('the Firefox manifest has no browser_specific_settings.gecko.id');
  return id;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Launches Firefox ESR with NewsLens installed. Returns the browser, the extension's origin
 * (`moz-extension://<uuid>`), the id Firefox installed it under, and `close`.
 */
export async function launchFirefox({ prefs = {} } = {}) {
  if (!fs.existsSync(EXECUTABLE)) throw new Error(`${EXECUTABLE} is missing: apt-get install firefox-esr`);
  const id = addonId();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: EXECUTABLE,
    headless: true,
    // BiDi refuses to navigate to moz-extension:// pages without it.
    args: ['--remote-allow-system-access'],
    // Release and ESR builds only honour the remote-settings pref below with this set; together
    // they keep Firefox from calling Mozilla's servers (no request leaves 127.0.0.1).
    env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [id]: UUID }),
      'services.settings.server': 'data:,#remote-settings-dummy/v1',
      ...prefs,
    },
  });
  try {
    const installed = await browser.installExtension(EXTENSION);
    return { browser, addonId: installed, origin: `moz-extension://${UUID}`, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * Polls `fn(...args)` in `page` until it returns something other than undefined/null/false.
 * Errors count as "not yet": the page may still be navigating, or an extension page not yet there.
 */
export async function pollIn(page, fn, args = [], { timeout = 15000, every = 100, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let lastError;
  for (;;) {
    try {
      const value = await page.evaluate(fn, ...args);
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > end) throw new Error(`${what} not met after ${timeout} ms${lastError ? ` (last error: ${lastError.message})` : ''}`);
    await sleep(every);
  }
}

/**
 * Opens an extension page (`/popup.html?tab=1`) in a new tab, in front or, with `background`,
 * behind the current one (which then stays visible, as a page does under its toolbar popup).
 * Firefox sends BiDi no load events for moz-extension:// documents, so an awaited goto() would
 * time out although the page renders: the navigation is started, not awaited, and the page polled
 * until it is the extension's and has loaded with its `browser` API.
 */
export async function openExtensionPage(firefox, pagePath, { background = false } = {}) {
  const page = await firefox.browser.newPage({ background });
  const url = `${firefox.origin}${pagePath}`;
  page.goto(url).catch(() => {});
  await pollIn(
    page,
    (expected) => location.href === expected && document.readyState === 'complete' && typeof browser === 'object',
    [url],
    { what: `${pagePath} loaded` },
  );
  return page;
}

/**
 * Opens `url` in a new tab, keeping the page's own HTML as parsed, before any content script ran,
 * in `window.__original` (content scripts run at document_idle, after DOMContentLoaded).
 */
export async function openCapturing(firefox, url) {
  const page = await firefox.browser.newPage();
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('DOMContentLoaded', () => {
      window.__original = document.documentElement.outerHTML;
    });
  });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return page;
}

/** Sends a ContentRequest to a tab's content script from the extension (probe page), as the popup does. */
export function askTab(probe, tabId, request) {
  return probe.evaluate((id, message) => browser.tabs.sendMessage(id, message), tabId, request);
}

/**
 * Waits until the content script of the tab showing `url` has finished its analysis; returns the
 * tab id and the state. Without the "tabs" permission the extension cannot read tab addresses,
 * so every tab is asked for its page's state and the one reporting `url` is it.
 */
export async function waitReadyAt(probe, url, { timeout = 30000 } = {}) {
  const found = await pollIn(
    probe,
    async (wanted) => {
      for (const tab of await browser.tabs.query({})) {
        // The page's address is in its report, which the background keeps in the tab's session.
        const session = await browser.runtime.sendMessage({ type: 'get-session', tabId: tab.id }).catch(() => null);
        if (session?.report?.url === wanted && session.status !== 'analysing') {
          const { report: _, ...state } = session;
          return { tabId: tab.id, state };
        }
      }
      return null;
    },
    [url],
    { timeout, every: 200, what: `NewsLens ready on ${url}` },
  );
  if (found.state.status === 'error') throw new Error(`analysis failed: ${found.state.error}`);
  return found;
}
