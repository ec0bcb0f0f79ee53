import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { askPage, launch, localAndExtensionOnly, projectFile, tabIdOf, waitReady } from './helpers/chromium.mjs';
import { startServer } from './helpers/server.mjs';

/**
 * Keeping the article, in Chromium: from the reader, in the language chosen on the page, "copy
 * as Markdown" writes the clipboard, "save as HTML" and "save page + report" download files
 * (an <a download> of a blob: no `downloads` permission), and nothing is requested from the
 * network meanwhile. Run after `npm run build`: `node --test test/e2e/ui-keep.test.mjs`.
 */

const SEED = projectFile('test/fixtures/seed/page.html');
const EN_ONLY = 'On its face, this is a stunning';
const ZH_ONLY = '表面上看,这是谷歌一次惊人的失败承认';

let server;
let browser;
let reader;
let tabId;
let seedUrl;
const requests = [];

before(async () => {
  server = await startServer({ '/seed': SEED });
  browser = await launch();
  await localAndExtensionOnly(browser.context);
  browser.context.on('request', (request) => requests.push(request.url()));
  const page = await browser.context.newPage();
  seedUrl = server.url('/seed');
  await page.goto(seedUrl, { waitUntil: 'domcontentloaded' });
  tabId = await tabIdOf(browser.worker, page);
  await waitReady(browser.worker, tabId);
  await askPage(browser.worker, tabId, { type: 'set-mode', mode: 'zh-Hans' });
  const origin = `chrome-extension://${browser.extensionId}`;
  reader = await browser.context.newPage();
  // What the reader asks the clipboard to hold; the real write still happens, and "Copied" shows
  // only once the browser has accepted it. (Chromium grants no clipboard-read to an extension's
  // origin from the test side, so the clipboard is not read back.)
  await reader.addInitScript(() => {
    const write = navigator.clipboard.writeText.bind(navigator.clipboard);
    navigator.clipboard.writeText = (text) => {
      window.__copied = text;
      return write(text);
    };
  });
  await reader.goto(`${origin}/reader.html?tab=${tabId}`);
  await reader.waitForSelector('main.reader .keep');
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function download(name) {
  const [file] = await Promise.all([reader.waitForEvent('download'), reader.getByRole('button', { name, exact: true }).click()]);
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8') };
}

describe('keeping the article from the reader', () => {
  it('copies it as Markdown in the chosen language', async () => {
    await reader.getByRole('button', { name: 'Copy as Markdown' }).click();
    await reader.waitForFunction(() => document.querySelector('.keep-status')?.textContent === 'Copied');
    const markdown = await reader.evaluate(() => window.__copied);
    assert.match(markdown, /^# SpaceX在IPO前/);
    assert.ok(markdown.includes(ZH_ONLY));
    assert.ok(!markdown.includes(EN_ONLY));
  });

  it('saves it as an HTML file in the chosen language', async () => {
    const file = await download('Save as HTML');
    assert.match(file.name, /\.html$/);
    assert.match(file.text, /^<!DOCTYPE html>\n<html lang="zh-Hans">/);
    assert.ok(file.text.includes(ZH_ONLY));
    assert.ok(!file.text.includes(EN_ONLY));
  });

  it('saves the page as it was and the report in one file', async () => {
    const file = await download('Save page + report');
    assert.match(file.name, /\.newslens\.json$/);
    const bundle = JSON.parse(file.text);
    assert.equal(bundle.url, seedUrl);
    assert.equal(bundle.report.url, seedUrl);
    assert.ok(bundle.report.duplicates.length >= 2);
    assert.ok(bundle.pageHtml.includes(EN_ONLY) && bundle.pageHtml.includes(ZH_ONLY));
    assert.ok(!bundle.pageHtml.includes('newslens'), 'none of NewsLens’s marks or widgets in the saved page');
  });

  it('asked nothing of any server but the test page’s', () => {
    const remote = requests.filter((url) => !url.startsWith('chrome-extension://') && !url.startsWith(server.url('/')) && !url.startsWith('blob:') && !url.startsWith('data:'));
    assert.deepEqual(remote, []);
  });
});
