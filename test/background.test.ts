import { describe, expect, it, vi } from 'vitest';
import { type Badge, badgeFor, createBackground, forwardCommand } from '@/entrypoints/background/tabs';
import type { PageSnapshot, TextAnalysis } from '@/utils/analysis';
import type { PageState } from '@/utils/messages';
import type { PageReport } from '@/utils/report';

const ID = 'newslens-test-id';

const report = (disclosures: number): PageReport => ({
  version: 1,
  url: null,
  title: null,
  languages: [],
  bilingual: { detected: false, languages: [], layouts: [], pairs: [], untranslated: [] },
  duplicates: [],
  truncated: [],
  disclosures: Array.from({ length: disclosures }, () => ({ kind: 'generated' as const, source: 'text' as const, evidence: 'AI', lang: 'en' })),
  scores: [],
  tags: [],
  article: { blocks: [] },
  timing: { ms: 1 },
});

const state = (over: Partial<PageState> = {}): PageState => ({
  status: 'ready',
  report: report(0),
  mode: 'both',
  modes: ['both'],
  collapsedCount: 0,
  error: null,
  ...over,
});

const snapshot: PageSnapshot = { url: null, pageLang: null, blocks: [], markup: [], scores: [], tags: [] };

function setup() {
  const badges = new Map<number, Badge>();
  const analysis = { report: report(0) } as unknown as TextAnalysis;
  const analyze = vi.fn(() => analysis);
  const background = createBackground({ extensionId: ID, analyze, setBadge: (tabId, badge) => badges.set(tabId, badge) });
  const tab = (tabId: number, url = 'http://news.example/a') => ({ id: ID, url, frameId: 0, tab: { id: tabId } });
  const reportState = async (tabId: number, page: PageState, url?: string) => {
    const message = { type: 'page-state', state: page };
    const sender = tab(tabId, url);
    if (background.accepts(message, sender)) await background.handleMessage(message, sender);
  };
  return { background, badges, analyze, analysis, tab, report: reportState };
}

describe('toolbar badge', () => {
  it('says AI for a disclosure, else counts collapsed duplicates, else says nothing', () => {
    expect(badgeFor(state({ report: report(1), collapsedCount: 3 })).text).toBe('AI');
    expect(badgeFor(state({ collapsedCount: 3 })).text).toBe('3');
    expect(badgeFor(state({ collapsedCount: 250 })).text).toBe('99+');
    expect(badgeFor(state()).text).toBe('');
    expect(badgeFor(state({ status: 'off', report: report(1) })).text).toBe('');
    expect(badgeFor(state({ status: 'analysing' })).text).toBe('');
    expect(badgeFor(undefined).text).toBe('');
  });

  it('follows the page state each tab reports', async () => {
    const { badges, report: send, background } = setup();
    await send(1, state({ report: report(1) }));
    await send(2, state({ collapsedCount: 2 }));
    await send(3, state());
    expect([1, 2, 3].map((id) => badges.get(id)?.text)).toEqual(['AI', '2', '']);
    expect(background.stateOf(2)?.collapsedCount).toBe(2);
    await send(1, state({ status: 'off', report: report(1) }));
    expect(badges.get(1)?.text).toBe('');
  });

  it('clears on a new page in the tab, not on the page it already describes', async () => {
    const { badges, report: send, background } = setup();
    await send(1, state({ report: report(1) }), 'http://news.example/a');
    background.tabUpdated(1, { status: 'complete' });
    background.tabUpdated(1, { url: 'http://news.example/a' });
    expect(badges.get(1)?.text).toBe('AI');
    background.tabUpdated(1, { status: 'loading', url: 'http://news.example/b' });
    expect(badges.get(1)?.text).toBe('');
    expect(background.stateOf(1)).toBeUndefined();

    await send(1, state({ report: report(1) }), 'http://news.example/b');
    background.tabUpdated(1, { status: 'loading' });
    expect(badges.get(1)?.text).toBe('');
  });

  it('forgets closed tabs', async () => {
    const { report: send, background } = setup();
    await send(7, state({ collapsedCount: 1 }));
    background.tabRemoved(7);
    expect(background.stateOf(7)).toBeUndefined();
  });
});

describe('background messages', () => {
  it('runs the text phase of the analysis for the content script', async () => {
    const { background, analyze, analysis, tab } = setup();
    const message = { type: 'analyze', snapshot };
    expect(background.accepts(message, tab(1))).toBe(true);
    if (background.accepts(message, tab(1))) expect(await background.handleMessage(message, tab(1))).toBe(analysis);
    expect(analyze).toHaveBeenCalledWith(snapshot);
  });

  it('ignores messages from anything but this extension, and malformed ones', () => {
    const { background, tab } = setup();
    const good = { type: 'page-state', state: state() };
    expect(background.accepts(good, { ...tab(1), id: 'another-extension' })).toBe(false);
    expect(background.accepts(good, { url: 'http://evil.example/' })).toBe(false);
    expect(background.accepts({ type: 'analyze' }, tab(1))).toBe(false);
    expect(background.accepts({ type: 'analyze', snapshot: { blocks: 'x' } }, tab(1))).toBe(false);
    expect(background.accepts({ type: 'page-state' }, tab(1))).toBe(false);
    expect(background.accepts({ type: 'get-state' }, tab(1))).toBe(false);
    expect(background.accepts('page-state', tab(1))).toBe(false);
  });

  it('keeps no state for frames other than the top one', async () => {
    const { background, badges } = setup();
    const message = { type: 'page-state', state: state({ collapsedCount: 4 }) } as const;
    await background.handleMessage(message, { id: ID, frameId: 3, tab: { id: 9 } });
    expect(background.stateOf(9)).toBeUndefined();
    expect(badges.has(9)).toBe(false);
  });
});

describe('keyboard shortcut', () => {
  it('tells the active tab to cycle its language mode', async () => {
    const send = vi.fn(async () => undefined);
    await forwardCommand('cycle-mode', undefined, { activeTabId: async () => 5, send });
    await forwardCommand('cycle-mode', 8, { activeTabId: async () => 5, send });
    await forwardCommand('something-else', 8, { activeTabId: async () => 5, send });
    expect(send.mock.calls).toEqual([
      [5, { type: 'cycle-mode' }],
      [8, { type: 'cycle-mode' }],
    ]);
  });

  it('does not fail where no content script answers', async () => {
    const send = vi.fn(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    await expect(forwardCommand('cycle-mode', 3, { activeTabId: async () => undefined, send })).resolves.toBeUndefined();
    await forwardCommand('cycle-mode', undefined, { activeTabId: async () => undefined, send });
    expect(send).toHaveBeenCalledTimes(1);
  });
});
