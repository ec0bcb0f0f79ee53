import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { projectFile } from './helpers/chromium.mjs';
import { launchFirefox, openCapturing, openExtensionPage, pollIn, waitReadyAt } from './helpers/firefox.mjs';
import { startServer } from './helpers/server.mjs';
import { foreignWords, SEED_CHINESE, widgetTextsInPage } from './helpers/widget-texts.mjs';

/**
 * The Chinese on-page text in Firefox ESR, as ui-locale.test.mjs checks it in Chromium: Firefox
 * started in Chinese (`intl.locale.requested`, with Debian's firefox-esr-l10n-zh-cn language pack,
 * which .ci/run installs) shows the seed page's switch, markers, labels and badge in Chinese.
 * Run after `npm run build:firefox`.
 */

const LANGPACK = '/usr/lib/firefox-esr/browser/extensions/langpack-zh-CN@firefox-esr.mozilla.org.xpi';

let server;
let firefox;
let probe;

before(async () => {
  assert.ok((await import('node:fs')).existsSync(LANGPACK), `${LANGPACK} is missing: apt-get install firefox-esr-l10n-zh-cn`);
  server = await startServer({ '/seed': projectFile('test/fixtures/seed/page.html') });
  // The language pack is installed for the application: the profile must enable that scope.
  firefox = await launchFirefox({ prefs: { 'intl.locale.requested': 'zh-CN', 'extensions.autoDisableScopes': 0, 'extensions.enabledScopes': 15 } });
  probe = await openExtensionPage(firefox, '/options.html');
});

after(async () => {
  await firefox?.close();
  await server?.close();
});

describe('on-page text in a Chinese Firefox', () => {
  it('is Chinese, but for the name NewsLens, AI and language names', async () => {
    assert.equal(await probe.evaluate(() => browser.i18n.getUILanguage()), 'zh-CN');
    const url = server.url('/seed');
    const page = await openCapturing(firefox, url);
    await waitReadyAt(probe, url);
    await pollIn(page, () => document.querySelector('newslens-switch') !== null, [], { what: 'the switch' });
    const widgets = await page.evaluate(widgetTextsInPage);
    const kinds = new Set(widgets.map((widget) => widget.kind));
    for (const kind of ['switch', 'marker', 'label', 'badge']) assert.ok(kinds.has(kind), `the seed page shows no ${kind}`);
    assert.deepEqual(foreignWords(widgets), []);
    const all = widgets.flatMap((widget) => widget.texts).join(' ');
    for (const text of SEED_CHINESE) assert.ok(all.includes(text), `no "${text}" on the page`);
  });
});
