import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launch, localOnly, openAnnotated, projectFile } from './helpers/chromium.mjs';
import { startServer } from './helpers/server.mjs';

/**
 * NewsLens's text on a page follows the browser's UI language, as the popup does: Chromium started
 * in Chinese (`--lang=zh-CN`, with Debian's chromium-l10n) shows the seed page's switch, markers,
 * labels and badge in Chinese. The only Latin words allowed are the extension's name, "AI" (Chinese
 * writes it so), the names of languages, which are written in their own language everywhere, and
 * the keys of the shortcut.
 * Run after `npm run build`: `node --test test/e2e/ui-locale.test.mjs`.
 */

const SEED = projectFile('test/fixtures/seed/page.html', 'fixtures/seed/page.html');
// The shortcut's keys are named as the keyboard prints them.
const ALLOWED = new Set(['NewsLens', 'AI', 'English', 'Alt', 'Shift', 'L']);

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

/** Every text, accessible name and tooltip of NewsLens's widgets on the page, by kind of widget. */
const widgetTexts = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-newslens-ui]')].map((host) => {
      const root = host.shadowRoot;
      const attributes = [...root.querySelectorAll('[aria-label], [title]')].flatMap((el) => [el.getAttribute('aria-label'), el.getAttribute('title')]);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const texts = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.parentElement?.tagName !== 'STYLE') texts.push(node.data);
      return { kind: host.getAttribute('data-newslens-ui'), texts: [...texts, ...attributes].filter(Boolean) };
    }),
  );

describe('on-page text in a Chinese browser', () => {
  it('is Chinese, but for the name NewsLens, AI and language names', async () => {
    const page = await openAnnotated(browser.context, server.url('/seed'));
    await page.waitForSelector('newslens-switch', { state: 'attached' });
    assert.equal(await browser.worker.evaluate(() => chrome.i18n.getUILanguage()), 'zh-CN');
    const widgets = await widgetTexts(page);
    const kinds = new Set(widgets.map((widget) => widget.kind));
    for (const kind of ['switch', 'marker', 'label', 'badge']) assert.ok(kinds.has(kind), `the seed page shows no ${kind}`);
    const words = widgets.flatMap((widget) => widget.texts.join(' ').match(/\p{Script=Latin}+/gu) ?? []);
    assert.deepEqual([...new Set(words.filter((word) => !ALLOWED.has(word)))], []);
    const all = widgets.flatMap((widget) => widget.texts).join(' ');
    for (const text of ['双语', '与上一段重复', '显示', 'AI 生成', 'NewsLens：显示语言']) assert.ok(all.includes(text), `no "${text}" on the page`);
  });
});
