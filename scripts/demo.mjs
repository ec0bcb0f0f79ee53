/**
 * `npm run demo` (= `wxt build && node scripts/demo.mjs`): the bundled seed page served from
 * 127.0.0.1, opened in Debian's headless Chromium with NewsLens loaded, switched through its
 * language modes. Screenshots go to .demo/<time>/ (before, annotated, each mode, a duplicate shown
 * again) and the page report's summary to the terminal. Needs only `npm ci` and
 * `apt-get install chromium`; nothing leaves 127.0.0.1. test/e2e/demo.test.mjs runs it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { askPage, launch, localAndExtensionOnly, localOnly, projectFile, ROOT, sessionOf, tabIdOf, waitReady } from '../test/e2e/helpers/chromium.mjs';
import { startServer } from '../test/e2e/helpers/server.mjs';

/**
 * The tab's page report, read as the popup reads it: the background keeps each tab's session and
 * gives it to the extension's own pages (`sessionOf` asks from one).
 */
async function readReport(browser, tabId) {
  return (await sessionOf(browser.context, browser.extensionId, tabId))?.report;
}

function summary(report, state, badge) {
  const cut = (text, n = 80) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);
  const { bilingual } = report;
  return [
    `Title:       ${report.title ? cut(report.title.text) : '(none)'}`,
    `Languages:   ${report.languages.map((l) => `${l.lang} ${Math.round(l.share * 100)}%`).join(', ') || '(none)'}`,
    `Bilingual:   ${bilingual.detected ? `${bilingual.languages.join(' + ')}, ${bilingual.pairs.length} pairs, ${bilingual.untranslated.length} untranslated` : 'no'}`,
    `Layout:      ${bilingual.layouts.join(', ') || 'none'}`,
    `Duplicates:  ${report.duplicates.map((d) => `${d.kind} ×${d.copies.length}`).join(', ') || 'none'} (${state.collapsedCount} collapsed on the page)`,
    `Truncated:   ${report.truncated.length || 'none'}`,
    `AI flags:    ${report.disclosures.map((d) => `${d.kind} (${d.source}): ${cut(d.evidence, 60)}`).join('; ') || 'none'}`,
    `Scores:      ${report.scores.map((s) => `${Object.values(s.labels).join('/')} ${s.value}`).join(', ') || 'none'}`,
    `Tags:        ${report.tags.join(', ') || 'none'}`,
    `Switch:      ${state.modes.join(' · ')} (now ${state.mode})`,
    `Toolbar:     badge "${badge}"`,
    `Timing:      text phase ${report.timing.ms} ms`,
  ].join('\n');
}

/** Runs the demo, screenshots into `out`, and prints the summary and where the screenshots are. */
async function demo(out) {
  fs.mkdirSync(out, { recursive: true });
  const server = await startServer({ '/news/spacex-google-deal': projectFile('test/fixtures/seed/page.html') });
  const url = server.url('/news/spacex-google-deal');
  const shots = [];
  const shoot = async (page, name, what) => {
    const file = path.join(out, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    shots.push({ file, what });
  };

  let plain;
  let browser;
  try {
    // Before: the page in a browser without NewsLens.
    plain = await launch({ extension: false });
    await localOnly(plain.context);
    const bare = await plain.context.newPage();
    await bare.goto(url);
    await shoot(bare, '1-before', 'the page without NewsLens');
    await plain.close();
    plain = null;

    browser = await launch();
    await localAndExtensionOnly(browser.context);
    const page = await browser.context.newPage();
    await page.goto(url);
    const tabId = await tabIdOf(browser.worker, page);
    let state = await waitReady(browser.worker, tabId);
    const badge = await browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    await shoot(page, '2-annotated', 'annotated: copies collapsed, cut-off and untranslated labelled, disclaimer badged');

    const [first, second] = state.modes;
    state = await askPage(browser.worker, tabId, { type: 'set-mode', mode: first });
    await shoot(page, `3-mode-${first}`, `only ${first}`);
    state = await askPage(browser.worker, tabId, { type: 'set-mode', mode: second });
    await shoot(page, `4-mode-${second}`, `only ${second}`);
    state = await askPage(browser.worker, tabId, { type: 'set-mode', mode: 'both' });
    await shoot(page, '5-mode-both', 'both languages again');
    await page.locator('newslens-marker button').first().click();
    await shoot(page, '6-duplicate-shown', 'a collapsed copy shown again in place');

    const report = await readReport(browser, tabId);
    if (report?.version !== 1) throw new Error(`the background gave no report for the demo page (got ${JSON.stringify(report)})`);
    const text = summary(report, state, badge);
    console.log(`NewsLens demo: ${url}\n`);
    console.log(text);
    console.log(`\nScreenshots in ${path.relative(process.cwd(), out) || out}:\n${shots.map((s) => `  ${path.basename(s.file).padEnd(24)} ${s.what}`).join('\n')}`);
    if (!hasChineseFont()) console.log('\n(No Chinese font installed: Chinese shows as boxes. `apt-get install fonts-wqy-zenhei` fixes the pictures.)');
  } finally {
    await plain?.close();
    await browser?.close();
    await server.close();
  }
}

function hasChineseFont() {
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    // No fontconfig: nothing to tell.
    return true;
  }
}

await demo(path.join(ROOT, '.demo', new Date().toISOString().replace(/[:.]/g, '-')));
