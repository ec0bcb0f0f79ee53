import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const EXTENSION = process.env.NEWSLENS_EXTENSION ?? path.join(ROOT, '.output/chrome-mv3');
const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Debian's Chromium, headless, in a fresh profile: with the built extension (the default) or
 * without it (`{ extension: false }`, for "before" pictures). Returns the context and, with the
 * extension, its service worker and id. `lang` sets the browser's UI language (`zh-CN`; Debian's
 * Chromium has it with chromium-l10n), which the extension's `_locales` follow.
 */
export async function launch({ extension = true, viewport = { width: 1280, height: 900 }, lang = null } = {}) {
  if (!fs.existsSync(EXECUTABLE)) throw new Error(`${EXECUTABLE} is missing: apt-get install chromium`);
  if (extension && !fs.existsSync(path.join(EXTENSION, 'manifest.json'))) throw new Error(`${EXTENSION} is missing: run "npx wxt build" first`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'newslens-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: EXECUTABLE,
    headless: true,
    viewport,
    args: [
      ...ARGS,
      ...(lang ? [`--lang=${lang}`] : []),
      ...(extension ? [`--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`] : []),
    ],
    // On Linux Chromium takes its UI language from the environment; --lang alone is not enough.
    ...(lang && { env: { ...process.env, LANGUAGE: lang.replace('-', '_'), LANG: `${lang.replace('-', '_')}.UTF-8` }, locale: lang }),
  });
  const close = async () => {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  };
  if (!extension) return { context, close };
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, worker, extensionId: new URL(worker.url()).host, close };
}

/** Opens `url` and waits until NewsLens has analysed and annotated it. */
export async function openAnnotated(context, url, { timeout = 15000 } = {}) {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('html[data-newslens-mode]', { timeout, state: 'attached' });
  return page;
}

/**
 * The tab id of a page, as the extension sees it (for badge and message checks). Without the
 * "tabs" permission the extension cannot read tab URLs, so the page is brought to the front and
 * the active tab asked for.
 */
export async function tabIdOf(worker, page) {
  await page.bringToFront();
  return worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? null);
}

/** Sends a ContentRequest to the page's content script from the extension, as the popup does. */
export async function askPage(worker, tabId, request) {
  return worker.evaluate(([id, message]) => chrome.tabs.sendMessage(id, message), [tabId, request]);
}

const probes = new WeakMap();

/**
 * A tab's page session (state and report), asked of the background from an extension page, the
 * way the popup asks: the content script's own state carries no report.
 */
export async function sessionOf(context, extensionId, tabId) {
  let probe = probes.get(context);
  if (!probe || probe.isClosed()) {
    probe = await context.newPage();
    await probe.goto(`chrome-extension://${extensionId}/options.html`);
    probes.set(context, probe);
  }
  return probe.evaluate((id) => chrome.runtime.sendMessage({ type: 'get-session', tabId: id }), tabId);
}

/**
 * Stops the extension's service worker, as Chrome does after 30 s idle, and waits until it has
 * stopped: whatever the background held in memory is gone.
 */
export async function stopServiceWorker(context, page) {
  const cdp = await context.newCDPSession(page);
  const status = new Map();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) if (version.scriptURL.startsWith('chrome-extension://')) status.set(version.versionId, version.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  const end = Date.now() + 10000;
  while (status.size === 0 || [...status.values()].some((running) => running !== 'stopped')) {
    if (Date.now() > end) throw new Error(`the service worker did not stop: ${JSON.stringify([...status])}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await cdp.detach();
}

/** Polls the page's content script until it has finished analysing (or fails). */
export async function waitReady(worker, tabId, { timeout = 60000 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const state = await askPage(worker, tabId, { type: 'get-state' }).catch(() => null);
    if (state?.status === 'ready' || state?.status === 'not-article') return state;
    if (state?.status === 'error') throw new Error(`analysis failed: ${state.error}`);
    if (Date.now() > end) throw new Error(`not ready after ${timeout} ms (last status ${state?.status ?? 'none'})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Keeps a browser off the network: only the test server on 127.0.0.1 answers. */
export async function localOnly(context) {
  await context.route('**/*', (route) =>
    new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort('internetdisconnected'),
  );
}

/** Reads a file of the repository; a missing one throws. */
export function projectFile(relative) {
  return fs.readFileSync(path.join(ROOT, relative), 'utf8');
}

/**
 * `localOnly` for tests that open extension pages: the context's routes see those pages' own
 * chrome-extension:// requests too (their scripts and styles), which `localOnly` would abort.
 */
export async function localAndExtensionOnly(context) {
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    return url.protocol === 'chrome-extension:' || url.hostname === '127.0.0.1' ? route.continue() : route.abort('internetdisconnected');
  });
}
