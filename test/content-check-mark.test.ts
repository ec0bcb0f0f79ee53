/**
 * The translation check on the page: a pair whose translation changed a figure carries a mark
 * naming the figure as written on each side, one mark in each mode, in the browser's language;
 * "show on page" goes to the pair, and off gives back the exact page. Real inputs: the NTREX page
 * of test/fixtures/ntrex-changed-figure (2万 written 20万), its unchanged original, and the seed.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Controller } from '@/entrypoints/content/controller';
import { pageCss } from '@/entrypoints/content/styles';
import { findingsOf, type PageFindings, type PageSnapshot } from '@/engine/model';
import { analyzeSnapshot } from '@/engine/analyze';
import { snapshotPageSteps } from '@/engine/snapshot';
import { rememberTranslations, type Translate } from '@/utils/i18n';
import { MARK, TAG } from '@/utils/page-markers';
import { isContentRequest } from '@/utils/protocol';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { EN, ZH } from './popup-support';

const fixture = (name: string) => readFileSync(resolve('test/fixtures', name, 'page.html'), 'utf8');
const CHANGED = fixture('ntrex-changed-figure');
const EXPECTED = JSON.parse(readFileSync(resolve('test/fixtures/ntrex-changed-figure/expected.json'), 'utf8')) as {
  title: { en: string; zh: string };
  pairs: { en: string; zh: string }[];
};
const EN_SIDE = 'Survey of 20,000 secondary school pupils revealed growth';
const ZH_SIDE = '对20万名中学生进行调查';

function loadPage(html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const root = document.importNode(parsed.documentElement, true);
  document.documentElement.remove();
  document.appendChild(root);
}

let stop = () => {};
afterEach(() => {
  stop();
  stop = () => {};
});

/** The content script on the loaded page with the real engine, as the background answers it. */
async function annotated(t: Translate = EN.t): Promise<{ controller: Controller; findings: PageFindings[] }> {
  const findings: PageFindings[] = [];
  const controller = new Controller({
    doc: document,
    engine: {
      snapshotSteps: snapshotPageSteps,
      analyze: vi.fn(async (snapshot: PageSnapshot) => {
        const found = findingsOf(analyzeSnapshot(snapshot));
        findings.push(found);
        return found;
      }),
    },
    settings: async () => DEFAULT_SETTINGS,
    siteModes: async () => ({}),
    saveSiteMode: async () => {},
    sendState: () => {},
    t,
    timing: { quietMs: 20, maxWaitMs: 100 },
  });
  stop = () => controller.disable();
  await controller.start();
  return { controller, findings };
}

const marks = () => [...document.querySelectorAll(TAG.check)];
const markText = (mark: Element) => mark.shadowRoot?.textContent ?? '';
/** The page paragraph (or our run) a mark follows. */
const sideOf = (mark: Element) => (mark.previousSibling?.textContent || mark.parentElement?.textContent) ?? '';

/**
 * The marks a reader sees in the page's current mode: our page sheet's display:none rules applied
 * by hand (happy-dom applies no adopted sheet, and caches `matches` across a change of <html>'s
 * attributes, so the <html> part of each rule is read here and the rest matched).
 */
function shownMarks(languages: string[]): Element[] {
  const mode = document.documentElement.getAttribute(MARK.mode);
  const rules = [...pageCss(languages).matchAll(/([^{}]+)\{\s*display:\s*none/g)].flatMap((m) => (m[1] as string).split(',').map((s) => s.trim()));
  const active = rules.flatMap((rule) => {
    const [, wanted, rest] = /^html\[[^\]=]+(?:="([^"]*)")?\]\s+(.+)$/.exec(rule) ?? [];
    if (rest === undefined || mode === null || (wanted !== undefined && wanted !== mode)) return [];
    return [rest];
  });
  return marks().filter((mark) => !active.some((selector) => mark.closest(selector)));
}

describe('the translation check on the page', () => {
  it('marks the changed figure on each side of its pair, and each mode shows the mark once', async () => {
    loadPage(CHANGED);
    const { controller, findings } = await annotated();
    expect(findings[0]?.mismatches).toHaveLength(1);
    const found = marks();
    expect(found.map(markText)).toEqual(['numbers differ: 20,000 ↔ 20万', 'numbers differ: 20,000 ↔ 20万']);
    const [english, chinese] = [EN_SIDE, ZH_SIDE].map((side) => found.find((mark) => sideOf(mark).includes(side)));
    expect(english?.hasAttribute(MARK.echo)).toBe(true);
    expect(chinese?.hasAttribute(MARK.echo)).toBe(false);
    expect(chinese?.shadowRoot?.querySelector('.check')?.getAttribute('title')).toBe(
      'NewsLens: this paragraph and its translation state this differently; one of them is wrong',
    );

    const languages = controller.state().modes.filter((mode) => mode !== 'both');
    expect(languages.map((tag) => tag.split('-')[0])).toEqual(['en', 'zh']);
    expect(shownMarks(languages)).toEqual([chinese]);
    await controller.handle({ type: 'set-mode', mode: languages[0] as string });
    expect(shownMarks(languages)).toEqual([english]);
    await controller.handle({ type: 'set-mode', mode: languages[1] as string });
    expect(shownMarks(languages)).toEqual([chinese]);
  });

  it('writes the mark in the browser\'s language', async () => {
    loadPage(CHANGED);
    await annotated(ZH.t);
    expect(marks().map(markText)).toEqual(['数字不一致：20,000 ↔ 20万', '数字不一致：20,000 ↔ 20万']);
  });

  it('keeps apart two marks whose figures, joined, read alike', () => {
    const t = rememberTranslations(EN.t);
    expect(t('checkMarkNumbers', ['1,000', '5'])).toBe('numbers differ: 1,000 ↔ 5');
    expect(t('checkMarkNumbers', ['1', '000,5'])).toBe('numbers differ: 1 ↔ 000,5');
  });

  it('marks each language of a paragraph holding both after its own part, and hides it with that part', async () => {
    const paragraphs = EXPECTED.pairs.map((pair) => `<p>${pair.en} ${pair.zh}</p>`).join('\n');
    loadPage(
      `<!DOCTYPE html><html lang="en"><head><title>${EXPECTED.title.en}</title></head><body><main><article><h1>${EXPECTED.title.en} ${EXPECTED.title.zh}</h1>\n${paragraphs}</article></main></body></html>`,
    );
    const before = document.documentElement.outerHTML;
    const { controller } = await annotated();
    const found = marks();
    expect(found.map(markText)).toEqual(['numbers differ: 20,000 ↔ 20万', 'numbers differ: 20,000 ↔ 20万']);
    const [english, chinese] = found;
    // Each follows its own language's run of the one text node, in the same paragraph.
    expect(english?.parentElement).toBe(chinese?.parentElement);
    expect(english?.previousElementSibling?.textContent).toContain('Survey of 20,000');
    expect(chinese?.previousElementSibling?.textContent).toContain('对20万名');
    expect(english?.getAttribute(MARK.lang)?.split('-')[0]).toBe('en');
    expect(chinese?.getAttribute(MARK.lang)?.split('-')[0]).toBe('zh');
    const languages = controller.state().modes.filter((mode) => mode !== 'both');
    expect(shownMarks(languages)).toEqual([chinese]);
    await controller.handle({ type: 'set-mode', mode: languages[0] as string });
    expect(shownMarks(languages)).toEqual([english]);
    controller.disable();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('shows no mark where the figures agree: the seed ($920 million = 9.2亿美元) and the unchanged NTREX page (20,000 = 2万)', async () => {
    for (const name of ['seed', 'ntrex-columns']) {
      loadPage(fixture(name));
      const { controller, findings } = await annotated();
      expect(findings[0]?.pairCount, name).toBeGreaterThan(2);
      expect(findings[0]?.mismatches, name).toEqual([]);
      expect(marks(), name).toEqual([]);
      controller.disable();
    }
  });

  it('goes to the side of the pair the mode shows when the popup asks, and off restores the exact page', async () => {
    loadPage(CHANGED);
    const before = document.documentElement.outerHTML;
    const { controller } = await annotated();
    const target = { kind: 'mismatch', index: 0 } as const;
    expect(isContentRequest({ type: 'scroll-to', target })).toBe(true);
    const flashed = () => document.querySelector(`[${MARK.flash}]`)?.textContent ?? '';
    await controller.handle({ type: 'scroll-to', target });
    expect(flashed()).toContain(ZH_SIDE);
    const [english] = controller.state().modes;
    await controller.handle({ type: 'set-mode', mode: english as string });
    await controller.handle({ type: 'scroll-to', target });
    expect(flashed()).toContain(EN_SIDE);
    expect(controller.state().mode).toBe(english);
    // Mode, mark and flash all undone.
    controller.disable();
    expect(document.documentElement.outerHTML).toBe(before);
  });
});
