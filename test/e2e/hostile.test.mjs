import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { askPage, EXTENSION, launch, localAndExtensionOnly, projectFile, ROOT, sessionOf, tabIdOf, waitReady } from './helpers/chromium.mjs';
import {
  feedPage,
  framePage,
  framesPage,
  latePage,
  MARKUP_TEXT,
  markupPage,
  realPages,
  shadowPage,
  spaPage,
  tickerPage,
} from './helpers/hostile-pages.mjs';
import { LONG_TASK_PROBE } from './helpers/pages.mjs';
import { startServer } from './helpers/server.mjs';
import { startTrace } from './helpers/trace.mjs';

/**
 * Hostile, broken and huge pages in Debian's Chromium with the built extension (issue 6): frames,
 * shadow roots, editable areas and forms, a strict CSP, pages that rewrite themselves, arrive
 * late, scroll forever or navigate in place, another translator's markup, a page that attacks
 * NewsLens, and every page of the real-pages corpus. Run after `npx wxt build`:
 * `node --test test/e2e/hostile.test.mjs`.
 */

const SEED = projectFile('test/fixtures/seed/page.html');
const FIXTURE = (name) => projectFile(`test/fixtures/${name}/page.html`);
const STRICT_CSP = "default-src 'none'; style-src 'self'; script-src 'none'";
const han = /\p{Script=Han}/u;
const fold = (text) => text.replace(/\s+/g, ' ').trim();
/** How often `part` is in `text`, white space folded in both (as a browser renders it). */
const count = (text, part) => fold(text).split(fold(part)).length - 1;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

let server;
let other;
let browser;
const spa = spaPage();
const real = realPages(ROOT);

before(async () => {
  // A second server: another port is another origin, for the cross-origin frame.
  other = await startServer({ '/frame': framePage() });
  const routes = {
    '/seed': SEED,
    '/frames': framesPage(other.url('/frame')),
    '/frame': framePage(),
    '/shadow': shadowPage(),
    '/editable': FIXTURE('hostile-editable-form'),
    '/csp': { body: SEED, headers: { 'content-security-policy': STRICT_CSP } },
    '/csp-tt': { body: SEED, headers: { 'content-security-policy': `${STRICT_CSP}; require-trusted-types-for 'script'` } },
    '/ticker': tickerPage(),
    '/late': latePage(),
    '/feed': feedPage(),
    '/app/1': spa.html,
    '/app/2': spa.html,
    '/immersive': FIXTURE('hostile-immersive-translate'),
    '/markup': markupPage(),
  };
  // The probe goes first in <head>, so that it watches the page from its start.
  for (const { name, html } of real) routes[`/real/${name}`] = html.replace(/<head[^>]*>/i, (head) => `${head}${LONG_TASK_PROBE}`);
  server = await startServer(routes);
  browser = await launch();
  await localAndExtensionOnly(browser.context);
  // In every frame, before any page or content script runs: the page as the browser built it, and
  // every CSP violation with its time.
  await browser.context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.__violations.push({ at: performance.now(), directive: event.effectiveDirective, blocked: event.blockedURI, source: event.sourceFile, sample: event.sample }),
    );
    document.addEventListener('DOMContentLoaded', () => {
      window.__original = document.documentElement.outerHTML;
    });
    addEventListener('load', () => {
      window.__loadedAt = performance.now();
    });
  });
  // Counts each tab's analyses as the background receives them (the last message of each).
  await browser.worker.evaluate(() => {
    self.__analyses = {};
    chrome.runtime.onMessage.addListener((message, sender) => {
      if (message?.type === 'analyze' && sender.tab) self.__analyses[sender.tab.id] = (self.__analyses[sender.tab.id] ?? 0) + 1;
    });
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await other?.close();
});

async function open(url) {
  // Every test starts with no remembered mode: all its pages share the host 127.0.0.1.
  await browser.worker.evaluate(() => chrome.storage.local.remove('siteModes'));
  const page = await browser.context.newPage();
  await page.goto(url.startsWith('http') ? url : server.url(url), { waitUntil: 'domcontentloaded' });
  const tabId = await tabIdOf(browser.worker, page);
  const state = await waitReady(browser.worker, tabId);
  return { page, tabId, state };
}

const analysesOf = (tabId) => browser.worker.evaluate((id) => self.__analyses[id] ?? 0, tabId);
const stateOf = (tabId) => askPage(browser.worker, tabId, { type: 'get-state' });
const modeOf = (page) => page.evaluate(() => document.documentElement.getAttribute('data-newslens-mode'));
const htmlOf = (target) => target.evaluate(() => document.documentElement.outerHTML);
const originalOf = (target) => target.evaluate(() => window.__original);
/** Everything NewsLens put into the page: attributes and elements under its prefix. */
const ourMarks = (target, selector = 'html') =>
  target.evaluate(
    (root) =>
      [...document.querySelectorAll(`${root}, ${root} *`)].flatMap((el) => [
        ...(el.localName.startsWith('newslens-') ? [el.localName] : []),
        ...[...el.attributes].filter((attr) => attr.name.startsWith('data-newslens')).map((attr) => `${el.localName}[${attr.name}]`),
      ]),
    selector,
  );
// biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what NewsLens changes
const rendered = (page, selector) => page.locator(selector).first().innerText();

/** Polls the tab's state until `test` holds (and `also`, an asynchronous check, where given). */
async function until(tabId, test, what, timeout = 20000, also = async () => true) {
  const end = Date.now() + timeout;
  for (;;) {
    const state = await stateOf(tabId).catch(() => null);
    if (state && test(state) && (await also().catch(() => false))) return state;
    if (Date.now() > end) throw new Error(`${what}: not reached in ${timeout} ms (last state ${JSON.stringify(state)})`);
    await sleep(100);
  }
}

/** Main-thread time of the page's renderer, in seconds, from Chromium's own counter. */
async function taskClock(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return async () => (await cdp.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'TaskDuration').value;
}

/**
 * Loads `url` under Chromium's tracing until NewsLens is ready, and returns the page's main-thread
 * tasks that ran the extension's code, with their CPU and wall time in milliseconds.
 */
async function tracedTasks(page, url, tabId) {
  const trace = await startTrace(page.context(), page);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await waitReady(browser.worker, tabId, { timeout: 20000 });
  await sleep(500);
  const events = await trace.stop();
  const ours = events.filter((event) => event.ph === 'X' && `${event.args?.data?.url ?? ''}`.startsWith(`chrome-extension://${browser.extensionId}/`));
  return events
    .filter((task) => task.name === 'RunTask' && task.ph === 'X')
    .filter((task) => ours.some((event) => event.pid === task.pid && event.tid === task.tid && event.ts >= task.ts && event.ts < task.ts + task.dur))
    .map((task) => ({ cpu: (task.tdur ?? task.dur) / 1000, wall: task.dur / 1000 }));
}

describe('frames', () => {
  // The manifest leaves all_frames off: a frame is an ad, an embed, a comment box or a player far
  // more often than the story, its text is not the page's article, and each tab has one state.
  it('annotates the top page and leaves same-origin and cross-origin frames exactly as they were', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'manifest.json'), 'utf8'));
    assert.ok(manifest.content_scripts.every((script) => !script.all_frames), 'content scripts run in top frames only');
    const { page, tabId, state } = await open('/frames');
    assert.equal(state.status, 'ready');
    assert.equal(state.collapsedCount, 1);
    const frames = page.frames().filter((frame) => frame !== page.mainFrame());
    assert.deepEqual(frames.map((frame) => new URL(frame.url()).port).sort(), [new URL(other.url('/')).port, new URL(server.url('/')).port].sort());
    for (const frame of frames) {
      await frame.waitForFunction(() => window.__original !== undefined);
      assert.equal(await htmlOf(frame), await originalOf(frame), `frame ${frame.url()} changed`);
      assert.deepEqual(await ourMarks(frame), []);
    }
    await askPage(browser.worker, tabId, { type: 'set-enabled', enabled: false });
    assert.equal(await htmlOf(page), await originalOf(page));
    await page.close();
  });
});

describe('shadow roots', () => {
  it('annotates the light DOM, leaves open and closed shadow roots alone, and off restores exactly', async () => {
    const { page, tabId, state } = await open('/shadow');
    assert.equal(state.status, 'ready');
    const shadows = () =>
      page.evaluate(() => [document.querySelector('open-part').shadowRoot.innerHTML, window.__closedRoot.innerHTML]);
    const before = await shadows();
    assert.ok(before.every((html) => html.includes('<p>') && !html.includes('newslens')));
    assert.equal(await page.locator('article > p.copy[data-newslens-collapsed]').count(), 1);
    await askPage(browser.worker, tabId, { type: 'set-mode', mode: 'both' });
    assert.deepEqual(await shadows(), before);
    assert.equal((await askPage(browser.worker, tabId, { type: 'set-enabled', enabled: false })).status, 'off');
    assert.equal(await htmlOf(page), await originalOf(page));
    assert.deepEqual(await shadows(), before);
    await page.close();
  });
});

describe('editable areas and forms', () => {
  const EDITABLE = '[contenteditable], form, textarea, input, select';

  it('never touches them, before or after the reader types', async () => {
    const { page, tabId, state } = await open('/editable');
    assert.equal(state.status, 'ready');
    const compare = () =>
      page.evaluate((selector) => {
        const original = new DOMParser().parseFromString(window.__original, 'text/html');
        const now = [...document.querySelectorAll(selector)].map((el) => el.outerHTML);
        return { now, before: [...original.querySelectorAll(selector)].map((el) => el.outerHTML) };
      }, EDITABLE);
    const { now, before } = await compare();
    assert.ok(now.length >= 6);
    assert.deepEqual(now, before);
    assert.equal(await page.locator('[data-newslens-collapsed]').count(), 0, 'the quoted copy in the editor is no duplicate');

    await page.locator('textarea').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' typed 输入');
    const editor = page.locator('[contenteditable="true"]').first();
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' more words 更多');
    await editor.press('Enter');
    await page.keyboard.type('A new line.');
    // A fresh analysis of the page as typed (as the popup's refresh asks).
    assert.equal((await askPage(browser.worker, tabId, { type: 'refresh' })).status, 'ready');
    assert.ok((await page.locator('textarea').first().inputValue()).endsWith(' typed 输入'));
    assert.match(await rendered(page, '[contenteditable="true"]'), /more words 更多\s+A new line\./);
    for (const selector of ['[contenteditable]', 'form']) assert.deepEqual(await ourMarks(page, selector), [], selector);
    assert.equal(await page.evaluate(() => document.activeElement?.closest('[contenteditable="true"]') !== null), true, 'focus stayed');
    await page.close();
  });
});

describe('a strict Content-Security-Policy', () => {
  for (const [path, what] of [
    ['/csp', STRICT_CSP],
    ['/csp-tt', "the same with require-trusted-types-for 'script'"],
  ]) {
    it(`renders the switch styled and collapses copies under ${what}, causing no violation`, async () => {
      const { page, tabId, state } = await open(path);
      assert.equal(state.status, 'ready');
      assert.ok(state.collapsedCount >= 2);
      const look = await page.evaluate(() => {
        const host = document.querySelector('newslens-switch');
        const bar = host.shadowRoot.querySelector('.bar');
        const hidden = [...document.querySelectorAll('[data-newslens-collapsed]')].map((el) => getComputedStyle(el).display);
        return { position: getComputedStyle(host).position, radius: getComputedStyle(bar).borderRadius, display: getComputedStyle(bar).display, hidden };
      });
      assert.deepEqual({ ...look, hidden: [...new Set(look.hidden)] }, { position: 'static', radius: '999px', display: 'inline-flex', hidden: ['none'] });
      await page.locator('newslens-switch button', { hasText: 'English' }).click();
      assert.equal(await modeOf(page), 'en');
      assert.doesNotMatch(await rendered(page, 'main h1'), han);
      await askPage(browser.worker, tabId, { type: 'set-enabled', enabled: false });
      assert.equal(await htmlOf(page), await originalOf(page));
      // The page's own scripts and resources are blocked while it loads; nothing after that is the page's.
      const violations = await page.evaluate(() => window.__violations.filter((v) => v.at >= window.__loadedAt));
      assert.deepEqual(violations, []);
      await page.close();
    });
  }
});

describe('a page that rewrites itself every 5 ms', () => {
  it('costs a bounded number of re-analyses while it ticks, and settles once it stops', async () => {
    const TICK_MS = 10000;
    const measure = async (enabled, ms) => {
      const { page, tabId } = await open('/ticker');
      if (!enabled) await askPage(browser.worker, tabId, { type: 'set-enabled', enabled: false });
      const busy = await taskClock(page);
      const from = await analysesOf(tabId);
      await page.evaluate((duration) => window.__tick(duration), ms);
      // Without the first and the last second.
      await sleep(1000);
      const start = await busy();
      await sleep(ms - 2000);
      const perSecond = ((await busy()) - start) / ((ms - 2000) / 1000);
      await page.waitForFunction(() => window.__ticking === false, null, { timeout: 15000 });
      return { page, tabId, busy, perSecond, analyses: (await analysesOf(tabId)) - from };
    };
    const on = await measure(true, TICK_MS);
    // Settled: every re-analysis done, and the page still annotated.
    await sleep(2500);
    const analysesThen = await analysesOf(on.tabId);
    const idleFrom = await on.busy();
    await sleep(2000);
    const idle = (await on.busy()) - idleFrom;
    const settled = await stateOf(on.tabId);
    const copyHidden = await on.page.locator('article p.copy[data-newslens-collapsed]').count();
    await on.page.close();
    const off = await measure(false, 4000);
    await off.page.close();
    console.log(
      `# ticker: ${on.analyses} re-analyses in ${TICK_MS / 1000} s of changes every 5 ms; main thread busy ` +
        `${Math.round(on.perSecond * 1000)} ms/s with NewsLens, ${Math.round(off.perSecond * 1000)} ms/s with it off; ` +
        `${Math.round(idle * 1000)} ms busy in the 2 s after the page stopped`,
    );
    // The observer re-analyses at most once per maxWaitMs (2 s) while changes never stop: that is
    // the bound. Main-thread time is logged for scale only; on this shared 2-core machine two runs
    // of the same page differ by more than NewsLens's share (measured 381/213 and 222/241 ms/s).
    assert.ok(on.analyses >= 1 && on.analyses <= TICK_MS / 2000 + 2, `${on.analyses} re-analyses`);
    assert.equal(off.analyses, 0);
    assert.equal(await analysesOf(on.tabId), analysesThen, 'analyses went on after the page stopped');
    assert.ok(idle < 0.1, `main thread busy ${idle} s while the page is still`);
    assert.equal(settled.status, 'ready');
    assert.equal(copyHidden, 1);
  });
});

describe('an article that appears after load', () => {
  it('is annotated when it comes', async () => {
    const { page, tabId, state } = await open('/late');
    assert.equal(state.collapsedCount, 0);
    const ready = await until(tabId, (s) => s.status === 'ready' && s.collapsedCount === 1, 'the late article annotated', 15000);
    assert.deepEqual(ready.modes.map((mode) => mode.split('-')[0]).sort(), ['both', 'en', 'zh']);
    assert.equal(await page.locator('article p.copy[data-newslens-collapsed]').count(), 1);
    assert.equal(await page.locator('newslens-switch').count(), 1);
    await page.close();
  });
});

describe('an endless feed', () => {
  it('collapses the repeats of every new batch, with a bounded number of re-analyses', async () => {
    const { page, tabId } = await open('/feed');
    const first = await analysesOf(tabId);
    for (let batches = 2; batches <= 6; batches++) {
      await page.mouse.wheel(0, 4000);
      await page.waitForFunction((n) => window.__batches >= n, batches, { timeout: 10000 });
    }
    const copies = await page.locator('#feed p.copy').count();
    assert.equal(copies, (await page.evaluate(() => window.__batches)) - 1);
    await page.waitForFunction(() => [...document.querySelectorAll('#feed p.copy')].every((p) => p.hasAttribute('data-newslens-collapsed')), null, {
      timeout: 15000,
    });
    await sleep(2500);
    const state = await until(tabId, (s) => s.status === 'ready', 'ready');
    assert.equal(state.collapsedCount, copies);
    assert.equal(await page.locator('#feed p[data-newslens-collapsed]:not(.copy)').count(), 0);
    const feed = await rendered(page, '#feed');
    for (const text of await page.locator('#feed p.copy').allTextContents()) assert.equal(count(feed, text), 1);
    const analyses = (await analysesOf(tabId)) - first;
    console.log(`# feed: ${copies} repeats collapsed over ${copies + 1} batches with ${analyses} re-analyses`);
    assert.ok(analyses <= copies + 1, `${analyses} re-analyses for ${copies} new batches`);
    await page.close();
  });
});

describe('a one-page app, back and forth', () => {
  it('annotates the story shown, keeps nothing of the one before, and keeps the mode', async () => {
    const { page, tabId } = await open('/app/1');
    await page.locator('newslens-switch button', { hasText: 'English' }).click();
    const check = async (path) => {
      const state = await until(
        tabId,
        (s) => s.status === 'ready' && s.collapsedCount === 1,
        `story ${path}`,
        undefined,
        async () => (await sessionOf(browser.context, browser.extensionId, tabId))?.report?.url?.endsWith(path),
      );
      await page.waitForFunction((copy) => document.querySelector('#story p.copy')?.textContent === copy, spa.copies[path]);
      assert.equal(state.mode, 'en');
      assert.equal(await modeOf(page), 'en');
      const collapsed = await page.locator('[data-newslens-collapsed]').allTextContents();
      assert.deepEqual(collapsed, [spa.copies[path]]);
      assert.equal(await page.locator('newslens-marker').count(), 1);
      assert.doesNotMatch(await rendered(page, '#story'), han);
      assert.equal(await page.locator('newslens-switch').count(), 1);
    };
    await check('/app/1');
    await page.evaluate(() => window.__go('/app/2'));
    await check('/app/2');
    await page.goBack();
    await check('/app/1');
    await page.goForward();
    await check('/app/2');
    await page.close();
  });
});

describe("another translator's markup (immersive-translate)", () => {
  it('switches languages alongside it, adds nothing inside its nodes, and off restores exactly', async () => {
    const { page, tabId, state } = await open('/immersive');
    assert.deepEqual(state.modes.map((mode) => mode.split('-')[0]), ['en', 'zh', 'both']);
    assert.equal(state.collapsedCount, 0, 'a translation is not a copy');
    assert.deepEqual(await ourMarks(page, '.immersive-translate-target-wrapper'), []);
    assert.deepEqual(await ourMarks(page, '#immersive-translate-popup'), []);
    assert.deepEqual(await ourMarks(page, '.imt-fb-container'), []);
    await page.locator('newslens-switch button', { hasText: 'English' }).click();
    assert.doesNotMatch(await rendered(page, 'article'), han);
    await page.locator('newslens-switch button', { hasText: '中文' }).click();
    const chinese = await rendered(page, 'article');
    assert.match(chinese, han);
    assert.ok(!chinese.includes('Sainsbury\'s is taking on Boots'));
    await askPage(browser.worker, tabId, { type: 'set-enabled', enabled: false });
    assert.equal(await htmlOf(page), await originalOf(page));
    await page.close();
  });
});

describe('an attacking page', () => {
  it('cannot command NewsLens with window messages or events that mimic its own', async () => {
    const { page, tabId, state } = await open('/seed');
    const before = await analysesOf(tabId);
    const marks = (await ourMarks(page)).length;
    const reached = await page.evaluate(
      async ({ extensionId, requests }) => {
        for (const request of requests) {
          window.postMessage(request, '*');
          window.postMessage({ ...request, source: 'newslens' }, '*');
          for (const target of [window, document, document.documentElement]) {
            target.dispatchEvent(new CustomEvent(request.type, { detail: request, bubbles: true }));
            target.dispatchEvent(new CustomEvent('newslens', { detail: request, bubbles: true }));
          }
        }
        // WXT's own event names are the extension id (public in a store listing) and the script's
        // name: the "a newer copy started" and "the address changed" events.
        document.dispatchEvent(new CustomEvent(`${extensionId}:content:wxt:content-script-started`, { detail: { contentScriptName: 'content', messageId: 'page' } }));
        window.postMessage({ type: `${extensionId}:content:wxt:content-script-started`, contentScriptName: 'content', messageId: 'page' }, '*');
        for (let i = 0; i < 5; i++) window.dispatchEvent(new Event(`${extensionId}:content:wxt:locationchange`));
        // No way to the background either: nothing is externally connectable.
        let runtime = 'none';
        try {
          await chrome.runtime.sendMessage(extensionId, { type: 'get-session', tabId: 1 });
          runtime = 'answered';
        } catch (error) {
          runtime = error instanceof Error ? 'refused' : 'none';
        }
        return typeof chrome === 'object' && chrome.runtime ? runtime : 'none';
      },
      {
        extensionId: browser.extensionId,
        requests: [
          { type: 'set-enabled', enabled: false },
          { type: 'set-mode', mode: 'zh' },
          { type: 'cycle-mode' },
          { type: 'refresh' },
          { type: 'scroll-to', target: { kind: 'duplicate', index: 0 } },
        ],
      },
    );
    assert.notEqual(reached, 'answered');
    await sleep(2500);
    const after = await stateOf(tabId);
    assert.equal(after.status, 'ready');
    assert.equal(after.mode, state.mode);
    assert.equal(await modeOf(page), state.mode);
    assert.equal((await ourMarks(page)).length, marks, 'the annotations are all still there');
    assert.equal(await analysesOf(tabId), before, 'no re-analysis was caused');
    // Still working: the background still answers for this tab.
    assert.equal((await askPage(browser.worker, tabId, { type: 'set-mode', mode: 'both' })).mode, 'both');
    await page.close();
  });

  it('cannot press the language switch or change the remembered mode', async () => {
    const { page, tabId } = await open('/seed');
    const stored = () => browser.worker.evaluate(async () => (await chrome.storage.local.get('siteModes')).siteModes ?? {});
    const modesBefore = await stored();
    const mode = (await stateOf(tabId)).mode;
    const pressed = await page.evaluate(() => {
      const root = document.querySelector('newslens-switch').shadowRoot;
      const buttons = [...root.querySelectorAll('button')];
      for (const button of buttons.slice(0, -1)) {
        button.click();
        button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      }
      root.querySelector('button.off').click();
      document.querySelector('newslens-marker').shadowRoot.querySelector('button').click();
      return buttons.length;
    });
    assert.ok(pressed >= 3);
    await sleep(300);
    const after = await stateOf(tabId);
    assert.equal(after.status, 'ready');
    assert.equal(after.mode, mode);
    assert.deepEqual(await stored(), modesBefore);
    // The reader's own click still works.
    await page.locator('newslens-switch button', { hasText: 'English' }).click();
    assert.equal((await stateOf(tabId)).mode.split('-')[0], 'en');
    await askPage(browser.worker, tabId, { type: 'set-mode', mode: 'both' });
    await page.close();
  });

  it('shows page text that looks like markup as text, on the page and in the popup', async () => {
    const { page, tabId, state } = await open('/markup');
    assert.equal(state.status, 'ready');
    assert.ok(state.collapsedCount >= 1);
    const inPage = await page.evaluate(() => ({
      pwned: window.__pwned ?? null,
      images: document.querySelectorAll('img').length,
      inShadow: [...document.querySelectorAll('[data-newslens-ui]')].flatMap((host) => [...host.shadowRoot.querySelectorAll('img, script, iframe')]).length,
    }));
    assert.deepEqual(inPage, { pwned: null, images: 0, inShadow: 0 });
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('main.reader h1');
    const inPopup = await popup.evaluate(() => ({
      pwned: window.__pwned ?? null,
      parsed: document.querySelectorAll('#app img, #app script').length,
      // biome-ignore lint/performance/useDomNodeTextContent: what the popup shows is the point
      text: document.body.innerText,
    }));
    assert.equal(inPopup.pwned, null);
    assert.equal(inPopup.parsed, 0);
    assert.ok(inPopup.text.includes(MARKUP_TEXT), 'the popup shows the markup as text');
    await popup.close();
    await page.close();
  });
});

describe('the built extension', () => {
  const files = (dir) =>
    fs
      .readdirSync(dir, { recursive: true })
      .map((file) => path.join(dir, file))
      .filter((file) => /\.(js|html|json|css)$/.test(file));
  const builds = [EXTENSION, path.join(ROOT, '.output/firefox-mv2')].filter((dir) => fs.existsSync(path.join(dir, 'manifest.json')));

  /**
   * Every address in the code is one that is never loaded: XML namespaces, WXT's error-message
   * links, the manifest's match patterns, and the parse of a host name typed in the options.
   */
  const NOT_LOADED = [
    /^http:\/\/www\.w3\.org\/(2000\/svg|1999\/xhtml|1998\/Math\/MathML|1999\/xlink|XML\/1998\/namespace)$/,
    /^https:\/\/(wxt\.dev|github\.com\/wxt-dev)\//,
    /^https?:\/\/\*\/\*$/,
    /^https:\/\/\$\{/,
  ];

  it('holds no eval, no code built from strings, no HTML parsing and no remote address', () => {
    assert.ok(builds.length >= 1);
    for (const dir of builds) {
      for (const file of files(dir)) {
        const code = fs.readFileSync(file, 'utf8');
        const where = path.relative(ROOT, file);
        assert.doesNotMatch(code, /\beval\s*\(|new\s+Function\s*\(|\bFunction\s*\(\s*['"`]|set(Timeout|Interval)\s*\(\s*['"`]/, `${where}: code from a string`);
        assert.doesNotMatch(code, /\.(inner|outer)HTML\s*=(?!=)|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser|srcdoc/, `${where}: HTML parsing`);
        assert.doesNotMatch(code, /importScripts|XMLHttpRequest|WebSocket|EventSource|sendBeacon|import\s*\(\s*['"`]https?:/, `${where}: a way to load`);
        // The one fetch is Vite's modulepreload helper, which fetches the page's own <link rel=modulepreload> files.
        assert.ok(count(code, 'fetch(') <= count(code, 'modulepreload') * 1, `${where}: fetch`);
        for (const url of code.match(/https?:\/\/[^\s"'`)<>]+/g) ?? []) {
          assert.ok(NOT_LOADED.some((allowed) => allowed.test(url)), `${where}: remote address ${url}`);
        }
      }
    }
  });

  it('declares a strict CSP for its own pages, which the browser enforces', async () => {
    for (const dir of builds) {
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
      const csp = manifest.manifest_version === 3 ? manifest.content_security_policy?.extension_pages : manifest.content_security_policy;
      assert.equal(csp, "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'", dir);
      assert.equal(manifest.externally_connectable, undefined);
      assert.equal(manifest.web_accessible_resources, undefined);
    }
    // (Code a test evaluates is exempt from a page's CSP, so the check is a script the popup adds.)
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.waitForSelector('main');
    const blocked = await popup.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inline = 1';
      document.head.append(script);
      return window.__inline ?? null;
    });
    assert.equal(blocked, null, 'an inline script ran in the popup');
    await popup.close();
  });
});

describe(`the real-pages corpus (${real.length} pages)`, () => {
  // None of these pages is bilingual or discloses AI (test/corpus/real-pages/README.md): the
  // only change NewsLens may make is to collapse a block printed twice word for word, whose kept
  // copy stays shown (yahoo-2 prints a photo caption twice). A near or truncated copy on these
  // pages would be a false positive: mercurial's two terminal outputs that differ by "(+1 heads)"
  // were one until code listings were left out of duplicate detection.
  it('loads every page with no error, no change but exact copies collapsed, and no task of ours over 50 ms', async () => {
    assert.equal(real.length, 62, 'the corpus is in test/corpus/real-pages');
    const problems = [];
    const timings = [];
    const collapsedOn = [];
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error));
    const tabId = await tabIdOf(browser.worker, page);
    /** Gaps over 50 ms in the page's timer loop after its load event, and the time to ready. */
    const load = async (name) => {
      const started = Date.now();
      await page.goto(server.url(`/real/${name}`), { waitUntil: 'domcontentloaded' });
      const state = await waitReady(browser.worker, tabId, { timeout: 20000 });
      const probe = await page.evaluate(() => ({ gaps: window.__gaps, loadedAt: window.__loadedAt ?? Infinity }));
      const gaps = probe.gaps.filter((gap) => gap.start >= probe.loadedAt && gap.duration > 50).map((gap) => Math.round(gap.duration));
      return { state, gaps, ms: Date.now() - started };
    };
    const suspects = [];
    for (const { name } of real) {
      errors.length = 0;
      let loaded;
      try {
        loaded = await load(name);
      } catch (error) {
        problems.push(`${name}: ${error.message}`);
        continue;
      }
      const { state, gaps, ms } = loaded;
      timings.push(ms);
      if (state.status === 'error') problems.push(`${name}: ${state.error}`);
      if (gaps.length) suspects.push(name);
      const text = await rendered(page, 'body');
      const marks = await ourMarks(page);
      const kinds = await page.evaluate(() => {
        window.__collapsed = [...document.querySelectorAll('[data-newslens-collapsed]')];
        return window.__collapsed.map((el) => el.getAttribute('data-newslens-collapsed'));
      });
      await askPage(browser.worker, tabId, { type: 'set-enabled', enabled: false });
      // biome-ignore lint/performance/useDomNodeTextContent: compared with the rendered text of the page
      const shown = await page.evaluate(() => window.__collapsed.map((el) => el.innerText));
      // The page with NewsLens is the page without it, less the copies it collapsed.
      const expected = shown.reduce((rest, copy) => rest.replace(fold(copy), ''), fold(await rendered(page, 'body')));
      if (fold(text) !== fold(expected)) problems.push(`${name}: the text shown differs with NewsLens beyond the ${shown.length} collapsed copies`);
      if (shown.length) collapsedOn.push(`${name} (${kinds.join(', ')})`);
      if (kinds.some((kind) => kind !== 'exact')) problems.push(`${name}: collapsed what is no exact copy (${kinds.join(', ')})`);
      if ((await ourMarks(page)).length) problems.push(`${name}: marks left after off`);
      // The page-level mode and colour-scheme hints on <html>: no layout of their own, gone when off.
      const allowed = new Set(['html[data-newslens-mode]', 'html[data-newslens-scheme]', 'newslens-marker', 'newslens-marker[data-newslens-ui]', 'newslens-marker[data-newslens-display]']);
      const unexpected = marks.filter((mark) => !allowed.has(mark) && !/\[data-newslens-collapsed\]$/.test(mark));
      if (unexpected.length) problems.push(`${name}: marks ${[...new Set(unexpected)].join(' ')}`);
      const ours = errors.filter((error) => /chrome-extension:|newslens/i.test(`${error.stack}`));
      if (ours.length) problems.push(`${name}: ${ours.map((error) => error.message).join('; ')}`);
    }
    // A gap in the page's timer loop is wall time: on a loaded machine, mostly the renderer waiting
    // for a core. Each page that showed one is loaded again under Chromium's tracing, which gives
    // each task's CPU time and the scripts it ran: a task that ran NewsLens's code must stay under 50 ms.
    const confirmed = [];
    const cpu = [];
    for (const name of suspects) {
      const tasks = await tracedTasks(page, server.url(`/real/${name}`), tabId);
      const worst = Math.max(0, ...tasks.map((task) => task.cpu));
      cpu.push(`${name} ${Math.round(worst)}`);
      if (worst > 50) confirmed.push(`${name}: ${tasks.map((task) => `${Math.round(task.cpu)} ms CPU (${Math.round(task.wall)} ms wall)`).join(', ')}`);
    }
    await page.close();
    console.log(
      `# real pages: ${timings.length} ready, time to ready median ${median(timings)} ms, max ${Math.max(...timings)} ms; ` +
        `copies collapsed on ${collapsedOn.join(', ') || 'none'}; ${suspects.length} pages showed a gap over 50 ms after load, ` +
        `NewsLens's longest task there in CPU ms: ${cpu.join(', ') || 'none'}`,
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(confirmed, []);
  });
});
