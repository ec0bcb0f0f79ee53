/**
 * The README's pictures, from a real browser run: the bundled AI-news page in Chromium with the
 * built extension, in each language mode, and the popup beside it. Writes small PNGs (one screen,
 * not the whole page) to docs/screenshots/, or to the folder given after `--out`. Run with
 * `npm run screenshots` (builds first).
 */
import fs from 'node:fs';
import path from 'node:path';
import { askPage, launch, localAndExtensionOnly, projectFile, ROOT, tabIdOf, waitReady } from '../test/e2e/helpers/chromium.mjs';
import { startServer } from '../test/e2e/helpers/server.mjs';

const outAt = process.argv.indexOf('--out');
const OUT = outAt >= 0 ? path.resolve(process.argv[outAt + 1] ?? '') : path.join(ROOT, 'docs/screenshots');

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const server = await startServer({ '/news/spacex-google-deal': projectFile('test/fixtures/seed/page.html') });
  const browser = await launch({ viewport: { width: 900, height: 640 } });
  try {
    await localAndExtensionOnly(browser.context);
    const page = await browser.context.newPage();
    await page.goto(server.url('/news/spacex-google-deal'));
    const tabId = await tabIdOf(browser.worker, page);
    const state = await waitReady(browser.worker, tabId);
    const [first, second] = state.modes;
    const shots = [
      ['mode-both.png', 'both'],
      [`mode-${first}.png`, first],
      [`mode-${second}.png`, second],
    ];
    for (const [file, mode] of shots) {
      await askPage(browser.worker, tabId, { type: 'set-mode', mode });
      await page.evaluate(() => window.scrollTo(0, 0));
      // The mode's sheet applies in the next frame.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      await page.screenshot({ path: path.join(OUT, file) });
    }
    await askPage(browser.worker, tabId, { type: 'set-mode', mode: 'both' });
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 460, height: 700 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('main.reader .reader-body .row.pair');
    await popup.screenshot({ path: path.join(OUT, 'popup.png') });
    for (const [file] of [...shots, ['popup.png']]) {
      const bytes = fs.statSync(path.join(OUT, file)).size;
      console.log(`${path.relative(ROOT, path.join(OUT, file))}  ${Math.round(bytes / 1024)} KB`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
