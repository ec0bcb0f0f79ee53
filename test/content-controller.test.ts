import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Controller, type ControllerDeps, findTarget } from '@/entrypoints/content/controller';
import { findingsOf, type PageFindings, type PageSnapshot } from '@/engine/model';
import { analyzeSnapshot, snapshotPage } from '@/engine/analyze';
import type { FlagTarget, LanguageMode, PageState } from '@/utils/protocol';
import { MARK, TAG } from '@/utils/page-markers';
import { DEFAULT_SETTINGS, type Settings, type SiteModes } from '@/utils/settings';
import { snapshotPageSteps } from '@/engine/snapshot';
import { visibleText } from '@/engine/text';
import { EN } from './popup-support';

const SEED = readFileSync(resolve('test/fixtures/seed/page.html'), 'utf8');

function loadPage(html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const root = document.importNode(parsed.documentElement, true);
  document.documentElement.remove();
  document.appendChild(root);
}

const setUrl = (url: string) => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);

/** Waits for a condition; only the test's own timeout ends a wait that never comes true. */
const until = async (test: () => boolean) => {
  while (!test()) await new Promise((r) => setTimeout(r, 10));
};

function setup(opts: { settings?: Partial<Settings>; siteModes?: SiteModes; analyze?: (snapshot: PageSnapshot) => Promise<PageFindings> } = {}) {
  const states: PageState[] = [];
  const saved: [string, LanguageMode][] = [];
  const reads: string[] = [];
  // As the background does: the text phase, answered with the findings alone.
  const analyze = vi.fn(opts.analyze ?? (async (snapshot: PageSnapshot) => findingsOf(analyzeSnapshot(snapshot))));
  const deps: ControllerDeps = {
    doc: document,
    engine: { snapshotSteps: snapshotPageSteps, analyze },
    settings: async () => {
      reads.push('settings');
      return { ...DEFAULT_SETTINGS, ...opts.settings };
    },
    siteModes: async () => {
      reads.push('siteModes');
      return opts.siteModes ?? {};
    },
    saveSiteMode: async (host, mode) => {
      saved.push([host, mode]);
    },
    sendState: (state) => states.push(state),
    t: EN.t,
    timing: { quietMs: 20, maxWaitMs: 100 },
  };
  const controller = new Controller(deps);
  return { controller, states, saved, analyze, reads, deps };
}

const control = () => document.querySelector(TAG.switch)?.shadowRoot ?? null;
const controlButton = (selector: string) => {
  const button = control()?.querySelector<HTMLButtonElement>(selector);
  if (!button) throw new Error(`no ${selector} in the control`);
  return button;
};
const pressed = () => [...(control()?.querySelectorAll('button[aria-pressed="true"]') ?? [])].map((b) => b.textContent);
const mode = () => document.documentElement.getAttribute(MARK.mode);

describe('the content script on the seed page', () => {
  let before = '';
  beforeEach(() => {
    setUrl('http://news.example/story');
    loadPage(SEED);
    before = document.documentElement.outerHTML;
  });
  let stop: (() => void) | null = null;
  afterEach(() => stop?.());

  it('reads the settings and the sites\' modes once each, both at start, on the way to ready', async () => {
    const { controller, reads } = setup({ siteModes: { 'news.example': 'en' } });
    stop = () => controller.disable();
    await controller.start();
    expect(reads).toEqual(['siteModes', 'settings']);
    expect(controller.state().mode).toBe('en');
  });

  it('reads the page while the settings load, and analyses again after a change made meanwhile', async () => {
    let loaded: (settings: Settings) => void = () => {};
    const { deps, analyze } = setup();
    const steps = vi.fn(snapshotPageSteps);
    const late = new Controller({
      ...deps,
      engine: { snapshotSteps: steps, analyze },
      settings: () => new Promise<Settings>((resolve) => (loaded = resolve)),
    });
    stop = () => late.disable();
    const started = late.start();
    // The settings have not come yet, and the page is already being read.
    expect(steps).toHaveBeenCalledTimes(1);
    const added = document.createElement('p');
    added.textContent = 'A paragraph the page added while NewsLens waited for its settings.';
    const article = document.querySelector('article');
    if (!article) throw new Error('the seed page has no <article>');
    article.append(added);
    loaded({ ...DEFAULT_SETTINGS });
    await started;
    expect(late.state().status).toBe('ready');
    await until(() => analyze.mock.calls.length === 2);
    expect(JSON.stringify(analyze.mock.calls[1]?.[0])).toContain('A paragraph the page added');
  });

  it('analyses, annotates and reports its state', async () => {
    const { controller, states } = setup();
    stop = () => controller.disable();
    await controller.start();
    expect(states.map((state) => state.status)).toEqual(['analysing', 'ready']);
    const state = controller.state();
    expect(state.modes).toEqual(['en', 'zh-Hans', 'both']);
    expect(state.mode).toBe('both');
    expect(state.collapsedCount).toBeGreaterThanOrEqual(2);
    // The state is the page's own: nothing of the report is echoed back to the background.
    expect(Object.keys(state).sort()).toEqual(['collapsedCount', 'error', 'mode', 'modes', 'status']);
    expect(mode()).toBe('both');
    expect([...(control()?.querySelectorAll('button[aria-pressed]') ?? [])].map((b) => b.textContent)).toEqual(['English', '中文', 'Both']);
    expect(pressed()).toEqual(['Both']);
    expect(document.querySelectorAll(`[${MARK.collapsed}]`).length).toBeGreaterThanOrEqual(2);
  });

  it('switches languages from the popup, the shortcut and its own control, and remembers the choice per site', async () => {
    const { controller, saved } = setup();
    stop = () => controller.disable();
    await controller.start();
    expect((await controller.handle({ type: 'set-mode', mode: 'en' })).mode).toBe('en');
    expect(mode()).toBe('en');
    expect(pressed()).toEqual(['English']);
    await controller.handle({ type: 'cycle-mode' });
    expect(mode()).toBe('zh-Hans');
    await controller.handle({ type: 'cycle-mode' });
    expect(mode()).toBe('both');
    controlButton('button[lang="en"]').click();
    await until(() => mode() === 'en');
    expect(saved).toEqual([
      ['news.example', 'en'],
      ['news.example', 'zh-Hans'],
      ['news.example', 'both'],
      ['news.example', 'en'],
    ]);
    // A mode the page does not offer changes nothing.
    await controller.handle({ type: 'set-mode', mode: 'fr' });
    expect(mode()).toBe('en');
  });

  it('opens in the mode remembered for the site', async () => {
    const { controller } = setup({ siteModes: { 'news.example': 'zh' } });
    stop = () => controller.disable();
    await controller.start();
    expect(mode()).toBe('zh-Hans');
  });

  it('turns off to the exact page, from the popup or its own × button, and back on', async () => {
    const { controller, states } = setup();
    await controller.start();
    await controller.handle({ type: 'set-mode', mode: 'en' });
    const off = await controller.handle({ type: 'set-enabled', enabled: false });
    expect(off.status).toBe('off');
    expect(states.at(-1)?.status).toBe('off');
    expect(document.documentElement.outerHTML).toBe(before);

    await controller.handle({ type: 'set-enabled', enabled: true });
    expect(controller.state().status).toBe('ready');
    expect(mode()).toBe('en');
    controlButton('button.off').click();
    expect(controller.state().status).toBe('off');
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('stays off on a site the user disabled, subdomains included', async () => {
    const { controller, analyze, states } = setup({ settings: { disabledSites: ['example'] } });
    await controller.start();
    expect(states.map((state) => state.status)).toEqual(['off']);
    expect(analyze).not.toHaveBeenCalled();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('hides the control when the settings say so, live', async () => {
    const { controller } = setup({ settings: { showControl: false } });
    stop = () => controller.disable();
    await controller.start();
    expect(control()).toBeNull();
    controller.applySettings({ ...DEFAULT_SETTINGS, showControl: true });
    expect(control()).not.toBeNull();
    controller.applySettings({ ...DEFAULT_SETTINGS, disabledSites: ['news.example'] });
    expect(controller.state().status).toBe('off');
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('puts the switch under the title, and folds it as the reader asks, remembered for the site', async () => {
    const folded: [string, boolean][] = [];
    const { controller } = setup();
    stop = () => controller.disable();
    const deps = (controller as unknown as { deps: ControllerDeps }).deps;
    deps.saveSwitchFolded = async (host, value) => {
      folded.push([host, value]);
    };
    await controller.start();
    const host = document.querySelector(TAG.switch) as HTMLElement;
    expect(host.previousElementSibling?.tagName).toBe('H1');
    controlButton('button.fold').click();
    expect(folded).toEqual([['news.example', true]]);
    expect(control()?.querySelectorAll('button')).toHaveLength(1);
    expect(control()?.querySelector('button')?.getAttribute('aria-expanded')).toBe('false');
    controller.disable();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('opens with the switch folded on a site where the reader folded it, and in dark colours on a dark page', async () => {
    document.body.style.backgroundColor = 'rgb(20, 20, 24)';
    const { controller } = setup({ settings: { foldedSwitchSites: ['news.example'] } });
    stop = () => controller.disable();
    await controller.start();
    expect(control()?.querySelectorAll('button')).toHaveLength(1);
    expect(document.documentElement.getAttribute(MARK.scheme)).toBe('dark');
    controller.disable();
    document.body.style.backgroundColor = '';
    expect(document.documentElement.hasAttribute(MARK.scheme)).toBe(false);
  });

  it('shows the flag the popup points at: expands the duplicate and outlines it', async () => {
    const { controller } = setup();
    stop = () => controller.disable();
    await controller.start();
    await controller.handle({ type: 'set-mode', mode: 'en' });
    await controller.handle({ type: 'scroll-to', target: { kind: 'duplicate', index: 0 } });
    const flashed = document.querySelector(`[${MARK.flash}]`);
    expect(flashed).not.toBeNull();
    expect(flashed?.closest(`[${MARK.collapsed}]`)?.hasAttribute(MARK.open)).toBe(true);
    await controller.handle({ type: 'scroll-to', target: { kind: 'disclosure', index: 0 } });
    expect(document.querySelector(`[${MARK.flash}]`)?.className).toBe('disclaimer');
  });

  it('analyses again when the background asks (it lost the report), changing nothing on the page', async () => {
    const { controller, analyze } = setup();
    stop = () => controller.disable();
    await controller.start();
    const annotated = document.documentElement.outerHTML;
    expect((await controller.handle({ type: 'refresh' })).status).toBe('ready');
    expect(analyze).toHaveBeenCalledTimes(2);
    expect(document.documentElement.outerHTML).toBe(annotated);
  });

  it("points each of the popup's flags at the element that holds its text", () => {
    const { snapshot, elements } = snapshotPage(document);
    const text = analyzeSnapshot(snapshot);
    const analysis = { findings: findingsOf(text), elements, blockCount: snapshot.blocks.length, markup: snapshot.markup };
    const { report } = text;
    const shown = (target: FlagTarget) => {
      const found = findTarget(analysis, target);
      return found ? visibleText(found.el) : null;
    };
    expect(report.duplicates.length + report.truncated.length + report.bilingual.untranslated.length).toBeGreaterThan(2);
    for (const [index, group] of report.duplicates.entries()) expect(shown({ kind: 'duplicate', index })).toContain(group.copies[0]);
    for (const [index, item] of report.truncated.entries()) expect(shown({ kind: 'truncated', index })).toContain(item.text);
    for (const [index, part] of report.bilingual.untranslated.entries()) expect(shown({ kind: 'untranslated', index })).toContain(part.text);
    for (const [index, disclosure] of report.disclosures.entries()) {
      if (disclosure.source === 'text') expect(shown({ kind: 'disclosure', index })).toContain(disclosure.evidence);
    }
  });

  it('reports an error and leaves the page alone when the analysis fails', async () => {
    const { controller } = setup({
      analyze: async () => {
        throw new Error('worker gone');
      },
    });
    stop = () => controller.disable();
    await controller.start();
    expect(controller.state()).toMatchObject({ status: 'error', error: 'worker gone' });
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('collapses a duplicate the page adds later, ignores its own writes and settles', async () => {
    const { controller, analyze } = setup();
    stop = () => controller.disable();
    await controller.start();
    expect(analyze).toHaveBeenCalledTimes(1);
    const source = document.querySelector('.analysis-en p:nth-child(2)') as HTMLElement;
    const copy = document.createElement('p');
    copy.textContent = source.textContent;
    source.parentElement?.append(copy);
    await until(() => copy.hasAttribute(MARK.collapsed));
    await new Promise((r) => setTimeout(r, 300));
    // One re-analysis for the page's change; none for NewsLens's own writes.
    expect(analyze).toHaveBeenCalledTimes(2);
    expect(copy.previousElementSibling?.tagName.toLowerCase()).toBe(TAG.marker);
  });
});

describe('the content script on text lying loose between blocks', () => {
  const SAID = 'The regional authority said on Tuesday that the new rail line would open next spring, after years of delays and rising costs.';
  const PAGE = `<html lang="en"><head><title>Rail line opens next spring</title></head><body><article><h1>Rail line opens next spring</h1><div class="story"><p>${SAID}</p><blockquote>Engineers told the council that the tunnel under the river was the hardest part of the whole project.</blockquote>${SAID}<p>Trains will run every ten minutes on weekdays and every twenty at weekends, the operator said in a statement.</p></div></article></body></html>`;
  it('leaves the element a loose run lies in alone, though the run is a copy the reader collapses, and restores the page exactly', async () => {
    setUrl('http://news.example/rail');
    loadPage(PAGE);
    const before = document.documentElement.outerHTML;
    const story = document.querySelector('.story') as HTMLElement;
    // The engine reads the run and collapses it as a copy of the first paragraph …
    const { snapshot } = snapshotPage(document);
    const loose = snapshot.blocks.findIndex((block) => block.loose);
    expect(snapshot.blocks[loose]?.text).toBe(SAID);
    const findings = findingsOf(analyzeSnapshot(snapshot));
    expect(findings.collapsed.some((entry) => findings.unitBlock[entry.unit] === loose)).toBe(true);
    // … but its element holds the whole story: the page shows the story, unmarked.
    const { controller } = setup();
    await controller.start();
    expect(controller.state().status).toBe('ready');
    expect(story.getAttributeNames().filter((name) => name.startsWith('data-newslens') || name === 'lang')).toEqual([]);
    expect(story.querySelectorAll(`[${MARK.collapsed}]`)).toHaveLength(0);
    controller.disable();
    expect(document.documentElement.outerHTML).toBe(before);
  });
});
