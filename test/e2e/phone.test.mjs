import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launch, localAndExtensionOnly, projectFile, tabIdOf, waitReady } from './helpers/chromium.mjs';
import { startServer } from './helpers/server.mjs';

/**
 * The manifest declares Firefox for Android (gecko_android). What can be checked here, in Debian's
 * Chromium at a phone's width (390 CSS px, touch, no mouse): the popup and the reader tab for the
 * seed page fit the width, and no control needs a hover to appear or to work. Firefox for Android
 * itself is not run (docs/release.md). Run after `npx wxt build`.
 */

const PHONE = { width: 390, height: 844 };

let server;
let browser;
let tabId;

before(async () => {
  server = await startServer({ '/seed': projectFile('test/fixtures/seed/page.html') });
  browser = await launch({ viewport: PHONE });
  await localAndExtensionOnly(browser.context);
  const page = await browser.context.newPage();
  await page.goto(server.url('/seed'), { waitUntil: 'domcontentloaded' });
  tabId = await tabIdOf(browser.worker, page);
  await waitReady(browser.worker, tabId);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** What the page shows at the phone's width: overflow, controls, and the style rules that react to hover. */
function layout() {
  const hidden = (el) => {
    for (let node = el; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) return true;
    }
    return false;
  };
  const controls = [...document.querySelectorAll('button, a[href], input, select, textarea, summary, [role="button"]')];
  const hoverRules = [];
  const walk = (rules) => {
    for (const rule of rules) {
      if (rule.cssRules) walk(rule.cssRules);
      if (rule.selectorText?.includes(':hover')) hoverRules.push(rule.cssText);
    }
  };
  for (const sheet of document.styleSheets) walk(sheet.cssRules);
  return {
    width: document.documentElement.clientWidth,
    scrollWidth: document.documentElement.scrollWidth,
    controls: controls.length,
    offscreen: controls.filter((el) => !hidden(el) && el.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map((el) => el.outerHTML.slice(0, 80)),
    hoverRules,
  };
}

/** A hover rule that shows, hides or enables something: a control that a touch screen cannot reach. */
const REVEALS = /\b(display|visibility|opacity|pointer-events|max-height|clip|transform)\s*:/;

for (const [name, file, ready] of [
  ['the popup', 'popup.html', 'main.reader .reader-body'],
  ['the reader tab', 'reader.html', 'main.reader .reader-body'],
]) {
  describe(`${name} at a phone's width`, () => {
    it('fits the width, every control on screen, none shown or enabled only on hover', async () => {
      const view = await browser.context.newPage();
      try {
        await view.goto(`chrome-extension://${browser.extensionId}/${file}?tab=${tabId}`);
        await view.waitForSelector(ready);
        const seen = await view.evaluate(layout);
        assert.equal(seen.width, PHONE.width);
        assert.ok(seen.scrollWidth <= PHONE.width, `${name} is ${seen.scrollWidth} px wide`);
        assert.ok(seen.controls > 0, `${name} has controls`);
        assert.deepEqual(seen.offscreen, []);
        assert.deepEqual(
          seen.hoverRules.filter((rule) => REVEALS.test(rule.slice(rule.indexOf('{')))),
          [],
        );
      } finally {
        await view.close();
      }
    });
  });
}
