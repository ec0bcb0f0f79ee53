import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { projectFile } from './helpers/chromium.mjs';
import { askTab, launchFirefox, openCapturing, openExtensionPage, pollIn, waitReadyAt } from './helpers/firefox.mjs';
import { startServer } from './helpers/server.mjs';

/**
 * The `ui-*` checks in Firefox ESR, laid out by Gecko: each mode keeps what has no counterpart and
 * off gives back the exact page (ui-modes), the kept column of a side-by-side page takes the
 * article's width (ui-modes), the switch covers no text at a desktop and a phone size (ui-switch),
 * the reader stacks pairs in the popup and sets them side by side in a wide tab (ui-reader), and
 * axe-core finds no serious violation on the popup, the reader tab and the options (ui-axe).
 * Corrections are checked in both browsers by ui-corrections.test.mjs, the Chinese UI by
 * ui-locale-firefox.test.mjs. Run after
 * `npm run build:firefox`: `node --test test/e2e/ui-firefox.test.mjs`.
 */

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SEED = projectFile('test/fixtures/seed/page.html');
const EXPECTED = JSON.parse(projectFile('test/fixtures/seed/expected.json'));
const SIDE_BY_SIDE = ['ntrex-table', 'ntrex-columns', 'aggregator-grid-columns'];
const KEPT_WIDTH = 0.8;
const squash = (text) => text.replace(/\s+/g, ' ');
// biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what the reader gets
const rendered = (page, selector) => page.evaluate((s) => document.querySelector(s).innerText, selector);

let server;
let firefox;
let probe;

before(async () => {
  const routes = { '/seed': SEED };
  for (const name of SIDE_BY_SIDE) routes[`/${name}`] = projectFile(`test/fixtures/${name}/page.html`);
  server = await startServer(routes);
  firefox = await launchFirefox();
  probe = await openExtensionPage(firefox, '/options.html');
});

after(async () => {
  await firefox?.close();
  await server?.close();
});

async function open(path, viewport = { width: 1280, height: 900 }) {
  const url = server.url(path);
  const page = await openCapturing(firefox, url);
  await page.setViewport(viewport);
  const { tabId, state } = await waitReadyAt(probe, url);
  await pollIn(page, () => document.documentElement.hasAttribute('data-newslens-mode'), [], { what: 'annotated' });
  return { page, tabId, state };
}

/** Sets a mode and waits until the page shows it. */
async function setMode(page, tabId, mode) {
  await askTab(probe, tabId, { type: 'set-mode', mode });
  await pollIn(page, (wanted) => document.documentElement.getAttribute('data-newslens-mode') === wanted, [mode], { what: `mode ${mode}` });
}

describe('Firefox: each mode of the seed page', () => {
  it('shows every paragraph the page never translated and the AI notice, and off gives back the exact page', async () => {
    const { page, tabId, state } = await open('/seed');
    const notice = EXPECTED.disclosures[0].text;
    for (const mode of state.modes) {
      await setMode(page, tabId, mode);
      const shown = squash(await rendered(page, 'body'));
      for (const text of Object.values(EXPECTED.untranslated).flat()) {
        assert.ok(shown.includes(squash(text).slice(0, 120)), `${mode}: "${text.slice(0, 40)}…" is hidden`);
      }
      const noticeShown = squash(await rendered(page, '.disclaimer'));
      const half = mode === 'both' ? notice : notice.split(/(?<=\.)\s+/)[mode.startsWith('zh') ? 1 : 0];
      assert.ok(noticeShown.includes(half), `${mode}: the AI notice shows "${noticeShown}"`);
    }
    const original = await page.evaluate(() => window.__original);
    await askTab(probe, tabId, { type: 'set-enabled', enabled: false });
    assert.equal(await page.evaluate(() => document.documentElement.outerHTML), original);
    await page.close();
  });
});

describe('Firefox: a side-by-side page in one language', () => {
  for (const name of SIDE_BY_SIDE) {
    it(`gives the kept language the article's width: ${name}`, async () => {
      const { page, tabId, state } = await open(`/${name}`);
      const languages = state.modes.filter((mode) => mode !== 'both');
      assert.equal(languages.length, 2, `${name} is read as bilingual`);
      await setMode(page, tabId, 'both');
      const found = await page.evaluate(() => {
        const texts = [...document.body.querySelectorAll('p, td, div')].filter(
          (el) => !el.querySelector('p, td, div') && !el.closest('aside, nav, header, footer') && el.textContent.trim().length > 40,
        );
        const boxes = texts.map((el) => el.getBoundingClientRect());
        const beside = (a, b) => a.top < b.bottom && b.top < a.bottom && (a.right <= b.left || b.right <= a.left);
        window.__columns = texts.filter((_, i) => boxes.some((other, j) => j !== i && beside(boxes[i], other)));
        return window.__columns.length;
      });
      assert.ok(found >= 4, `${name} shows its languages side by side`);
      const span = () =>
        page.evaluate(() => {
          const boxes = window.__columns.map((el) => el.getBoundingClientRect()).filter((box) => box.width > 0 && box.height > 0);
          return Math.max(...boxes.map((box) => box.right)) - Math.min(...boxes.map((box) => box.left));
        });
      const width = await span();
      for (const mode of languages) {
        await setMode(page, tabId, mode);
        const kept = await span();
        assert.ok(kept >= KEPT_WIDTH * width, `${name}, ${mode}: the text spans ${Math.round(kept)} of ${Math.round(width)} px`);
      }
      await setMode(page, tabId, 'both');
      await page.close();
    });
  }
});

describe('Firefox: the switch', () => {
  for (const viewport of [
    { width: 1280, height: 900 },
    { width: 390, height: 844 },
  ]) {
    for (const name of ['seed', 'ntrex-columns']) {
      it(`covers no text of ${name} at ${viewport.width}×${viewport.height}`, async () => {
        const { page } = await open(`/${name}`, viewport);
        await pollIn(page, () => document.querySelector('newslens-switch')?.shadowRoot?.querySelector('.bar') !== null, [], { what: 'the switch' });
        for (const share of [0, 0.5]) {
          const { box, hits } = await page.evaluate((y) => {
            window.scrollTo(0, document.documentElement.scrollHeight * y);
            const bar = document.querySelector('newslens-switch').shadowRoot.querySelector('.bar').getBoundingClientRect();
            const found = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              if (!node.data.trim() || node.parentElement.closest('[data-newslens-ui]')) continue;
              const range = document.createRange();
              range.selectNodeContents(node);
              for (const line of range.getClientRects()) {
                const apart = line.right <= bar.left || bar.right <= line.left || line.bottom <= bar.top || bar.bottom <= line.top;
                if (!apart && line.width > 0) found.push(node.data.trim().slice(0, 40));
              }
            }
            return { box: { left: bar.left, top: bar.top, width: bar.width, height: bar.height }, hits: found };
          }, share);
          assert.ok(box.width > 0 && box.height > 0, 'the switch is shown');
          assert.deepEqual(hits, [], `the switch at ${JSON.stringify(box)} covers text`);
        }
        await page.close();
      });
    }
  }
});

describe('Firefox: the reader and axe-core', () => {
  let tabId;
  before(async () => {
    ({ tabId } = await open('/seed'));
  });

  for (const { file, width, stacked } of [
    { file: 'popup.html', width: 460, stacked: true },
    { file: 'reader.html', width: 390, stacked: true },
    { file: 'reader.html', width: 1280, stacked: false },
  ]) {
    it(`stands pairs ${stacked ? 'one above the other' : 'side by side'} in ${file} at ${width} px`, async () => {
      const page = await openExtensionPage(firefox, `/${file}?tab=${tabId}`);
      await page.setViewport({ width, height: 800 });
      const rows = await pollIn(page, () => {
        const pairs = [...document.querySelectorAll('.reader-body .row.pair')];
        if (pairs.length < 3) return null;
        return pairs.map((row) => {
          const [a, b] = [...row.querySelectorAll('.block')].map((block) => block.getBoundingClientRect());
          return b.top >= a.bottom - 1;
        });
      });
      assert.deepEqual([...new Set(rows)], [stacked]);
      await page.close();
    });
  }

  for (const [name, file, ready] of [
    ['popup', 'popup.html', 'main.reader .reader-body'],
    ['reader tab', 'reader.html', 'main.reader .reader-body'],
    ['options', 'options.html', 'main.options h1'],
  ]) {
    it(`finds no serious violation on the ${name}`, async () => {
      const page = await openExtensionPage(firefox, `/${file}${file === 'options.html' ? '' : `?tab=${tabId}`}`);
      await pollIn(page, (selector) => document.querySelector(selector) !== null, [ready], { what: ready });
      await page.evaluate(AXE);
      const found = await page.evaluate(async () => {
        const result = await window.axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) }));
      });
      assert.deepEqual(
        found.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
        [],
      );
      await page.close();
    });
  }
});
