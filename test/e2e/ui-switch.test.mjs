import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launch, localOnly, projectFile } from './helpers/chromium.mjs';
import { startServer } from './helpers/server.mjs';

/**
 * The on-page switch as a reader meets it, laid out by Chromium at a desktop and a phone size: it
 * covers no text of the article, the keyboard reaches it early, and on a dark page NewsLens's
 * widgets are dark too. Run after `npm run build`: `node --test test/e2e/ui-switch.test.mjs`.
 */

const PAGES = {
  seed: projectFile('test/fixtures/seed/page.html', 'fixtures/seed/page.html'),
  'ntrex-columns': projectFile('test/fixtures/ntrex-columns/page.html'),
  'aggregator-grid-columns': projectFile('test/fixtures/aggregator-grid-columns/page.html'),
};
const SIZES = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
];
/** A dark copy of the seed: the site's own dark theme. */
const DARK_SEED = PAGES.seed.replace('</head>', '<style>html, body { background: #121212 !important; color: #e8e8e8 !important; }</style></head>');

let server;

before(async () => {
  const routes = { '/dark': DARK_SEED };
  for (const [name, html] of Object.entries(PAGES)) routes[`/${name}`] = html;
  server = await startServer(routes);
});

after(async () => {
  await server?.close();
});

/** The switch's box, and every box of the page's own text that it overlaps (lines, not elements). */
const overlaps = (page) =>
  page.evaluate(() => {
    const host = document.querySelector('newslens-switch');
    const box = host.shadowRoot.querySelector('.bar').getBoundingClientRect();
    const hits = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.data.trim() || node.parentElement.closest('[data-newslens-ui]')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const line of range.getClientRects()) {
        const apart = line.right <= box.left || box.right <= line.left || line.bottom <= box.top || box.bottom <= line.top;
        if (!apart && line.width > 0) hits.push(node.data.trim().slice(0, 40));
      }
    }
    return { box: { left: box.left, top: box.top, width: box.width, height: box.height }, hits };
  });

for (const viewport of SIZES) {
  describe(`the switch at ${viewport.width}×${viewport.height}`, () => {
    let browser;
    before(async () => {
      browser = await launch({ viewport });
      await localOnly(browser.context);
    });
    after(async () => {
      await browser?.close();
    });

    for (const name of Object.keys(PAGES)) {
      it(`covers no text of ${name}, scrolled to the top and half-way`, async () => {
        const page = await browser.context.newPage();
        await page.goto(server.url(`/${name}`));
        await page.waitForSelector('newslens-switch', { state: 'attached', timeout: 15000 });
        for (const y of [0, 0.5]) {
          await page.evaluate((share) => window.scrollTo(0, document.documentElement.scrollHeight * share), y);
          const { box, hits } = await overlaps(page);
          assert.ok(box.width > 0 && box.height > 0, 'the switch is shown');
          assert.deepEqual(hits, [], `the switch at ${JSON.stringify(box)} covers text`);
        }
        await page.close();
      });
    }

    it('is among the first stops of the keyboard on the seed', async () => {
      const page = await browser.context.newPage();
      await page.goto(server.url('/seed'));
      await page.waitForSelector('newslens-switch', { state: 'attached', timeout: 15000 });
      const stops = [];
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Tab');
        stops.push(await page.evaluate(() => document.activeElement?.tagName.toLowerCase() ?? ''));
      }
      const at = stops.indexOf('newslens-switch');
      assert.ok(at >= 0 && at < 8, `the switch is tab stop ${at + 1} (${stops.join(', ')})`);
      await page.close();
    });
  });
}

describe('a dark page', () => {
  it('gets a dark marker and switch; a light page light ones', async () => {
    const browser = await launch();
    await localOnly(browser.context);
    const colours = async (path) => {
      const page = await browser.context.newPage();
      await page.goto(server.url(path));
      await page.waitForSelector('newslens-marker', { state: 'attached', timeout: 15000 });
      await page.waitForSelector('newslens-switch', { state: 'attached' });
      const found = await page.evaluate(() => {
        const lightness = (el) => {
          const [r, g, b] = getComputedStyle(el).backgroundColor.match(/[\d.]+/g).map(Number);
          return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
        };
        return {
          marker: lightness(document.querySelector('newslens-marker').shadowRoot.querySelector('.marker')),
          switch: lightness(document.querySelector('newslens-switch').shadowRoot.querySelector('.bar')),
        };
      });
      await page.close();
      return found;
    };
    const dark = await colours('/dark');
    const light = await colours('/seed');
    await browser.close();
    for (const widget of ['marker', 'switch']) {
      assert.ok(dark[widget] < 0.3, `the ${widget} on the dark page is light (${dark[widget]})`);
      assert.ok(light[widget] > 0.8, `the ${widget} on the light page is dark (${light[widget]})`);
    }
  });
});
