import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launch, localOnly, openAnnotated, projectFile } from './helpers/chromium.mjs';
import { startServer } from './helpers/server.mjs';
import { foreignWords, SEED_CHINESE, widgetTextsInPage } from './helpers/widget-texts.mjs';

/**
 * NewsLens's text on a page follows the browser's UI language, as the popup does: Chromium started
 * in Chinese (`--lang=zh-CN`, with Debian's chromium-l10n) shows the seed page's switch, markers,
 * labels and badge in Chinese (helpers/widget-texts.mjs says which Latin words may stay).
 * Run after `npm run build`: `node --test test/e2e/ui-locale.test.mjs`.
 */

const SEED = projectFile('test/fixtures/seed/page.html', 'fixtures/seed/page.html');

let server;
let browser;

before(async () => {
  server = await startServer({ '/seed': SEED });
  browser = await launch({ lang: 'zh-CN' });
  await localOnly(browser.context);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe('on-page text in a Chinese browser', () => {
  it('is Chinese, but for the name NewsLens, AI and language names', async () => {
    const page = await openAnnotated(browser.context, server.url('/seed'));
    await page.waitForSelector('newslens-switch', { state: 'attached' });
    assert.equal(await browser.worker.evaluate(() => chrome.i18n.getUILanguage()), 'zh-CN');
    const widgets = await page.evaluate(widgetTextsInPage);
    const kinds = new Set(widgets.map((widget) => widget.kind));
    for (const kind of ['switch', 'marker', 'label', 'badge']) assert.ok(kinds.has(kind), `the seed page shows no ${kind}`);
    assert.deepEqual(foreignWords(widgets), []);
    const all = widgets.flatMap((widget) => widget.texts).join(' ');
    for (const text of SEED_CHINESE) assert.ok(all.includes(text), `no "${text}" on the page`);
  });
});
