import { describe, expect, it, vi } from 'vitest';
import { type Badge, badgeFor, createBackground, forwardCommand } from '@/entrypoints/background/tabs';
import type { BlockSnapshot, PageFindings, PageSnapshot } from '@/engine/model';
import { analyzeSnapshot } from '@/engine/analyze';
import { type ContentRequest, snapshotMessages, type TabState } from '@/utils/protocol';
import type { PageReport } from '@/engine/report';

const ID = 'newslens-test-id';
const PAGES = 'chrome-extension://newslens-test-id/';

const summary = (disclosures: number): TabState['summary'] => ({ url: null, title: null, disclosures, ms: 1 });

const state = (over: Partial<TabState> = {}): TabState => ({
  status: 'ready',
  summary: summary(0),
  mode: 'both',
  modes: ['both'],
  collapsedCount: 0,
  error: null,
  ...over,
});

const block = (text: string): BlockSnapshot => ({
  role: 'paragraph',
  text,
  inArticle: true,
  declaredLang: null,
  quoted: false,
  code: false,
  cell: null,
  column: null,
});

const STORY =
  'The first paragraph of a story tells who did what, where and when. It runs on for a second sentence. And then for a third one, as news paragraphs do.';

const snapshot: PageSnapshot = {
  url: 'http://news.example/a',
  pageLang: 'en',
  blocks: [STORY, 'Another paragraph, which says something else entirely about the same story.', STORY].map(block),
  markup: [],
  scores: [],
  tags: [],
  meta: { site: null, byline: null, published: null },
};

function setup() {
  const badges = new Map<number, Badge>();
  const analyze = vi.fn(analyzeSnapshot);
  const asked: [number, ContentRequest][] = [];
  // A tab's content script, answering `refresh` by analysing its page again.
  const send = vi.fn(async (tabId: number, request: ContentRequest) => {
    asked.push([tabId, request]);
    if (request.type === 'refresh') await background.handleMessage({ type: 'analyze', snapshot }, tab(tabId));
  });
  const background = createBackground({ extensionId: ID, pagesUrl: PAGES, analyze, send, setBadge: (tabId, badge) => badges.set(tabId, badge) });
  const tab = (tabId: number, url = 'http://news.example/a') => ({ id: ID, url, frameId: 0, tab: { id: tabId } });
  const popup = { id: ID, url: `${PAGES}popup.html` };
  const reportState = async (tabId: number, page: TabState, url?: string) => {
    const message = { type: 'page-state', state: page };
    const sender = tab(tabId, url);
    if (background.accepts(message, sender)) await background.handleMessage(message, sender);
  };
  const reportOf = async (tabId: number) => {
    const message = { type: 'get-report', tabId };
    return background.accepts(message, popup) ? ((await background.handleMessage(message, popup)) as PageReport | null) : undefined;
  };
  return { background, badges, analyze, send, asked, tab, popup, report: reportState, reportOf };
}

describe('toolbar badge', () => {
  it('says AI for a disclosure, else counts collapsed duplicates, else says nothing', () => {
    expect(badgeFor(state({ summary: summary(1), collapsedCount: 3 })).text).toBe('AI');
    expect(badgeFor(state({ collapsedCount: 3 })).text).toBe('3');
    expect(badgeFor(state({ collapsedCount: 250 })).text).toBe('99+');
    expect(badgeFor(state()).text).toBe('');
    expect(badgeFor(state({ status: 'off', summary: summary(1) })).text).toBe('');
    expect(badgeFor(state({ status: 'analysing' })).text).toBe('');
    expect(badgeFor(undefined).text).toBe('');
  });

  it('follows the page state each tab reports', async () => {
    const { badges, report: send, background } = setup();
    await send(1, state({ summary: summary(1) }));
    await send(2, state({ collapsedCount: 2 }));
    await send(3, state());
    expect([1, 2, 3].map((id) => badges.get(id)?.text)).toEqual(['AI', '2', '']);
    expect(background.stateOf(2)?.collapsedCount).toBe(2);
    await send(1, state({ status: 'off', summary: summary(1) }));
    expect(badges.get(1)?.text).toBe('');
  });

  it('clears on a new page in the tab, not on the page it already describes', async () => {
    const { badges, report: send, background } = setup();
    await send(1, state({ summary: summary(1) }), 'http://news.example/a');
    background.tabUpdated(1, { status: 'complete' });
    background.tabUpdated(1, { url: 'http://news.example/a' });
    expect(badges.get(1)?.text).toBe('AI');
    background.tabUpdated(1, { status: 'loading', url: 'http://news.example/b' });
    expect(badges.get(1)?.text).toBe('');
    expect(background.stateOf(1)).toBeUndefined();

    await send(1, state({ summary: summary(1) }), 'http://news.example/b');
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
  it('runs the text phase for the content script, answers with findings and keeps the report for the popup', async () => {
    const { background, analyze, tab, reportOf } = setup();
    const message = { type: 'analyze', snapshot };
    expect(background.accepts(message, tab(1))).toBe(true);
    const findings = background.accepts(message, tab(1)) ? ((await background.handleMessage(message, tab(1))) as PageFindings) : null;
    expect(analyze).toHaveBeenCalledWith(snapshot);
    expect(findings?.collapsed).toEqual([{ unit: 2, kept: 0, kind: 'exact' }]);
    // No page text goes back to the page: it only needs to know which blocks to mark.
    expect(JSON.stringify(findings)).not.toContain('first paragraph');
    const report = await reportOf(1);
    expect(report?.duplicates).toHaveLength(1);
    expect(report?.url).toBe('http://news.example/a');
  });

  it('puts together a snapshot sent in parts, tab by tab', async () => {
    const { background, analyze, tab } = setup();
    const long: PageSnapshot = { ...snapshot, blocks: Array.from({ length: 1500 }, (_, i) => block(`${i}: ${STORY}`)) };
    const messages = snapshotMessages(long);
    expect(messages.length).toBeGreaterThan(2);
    // Another tab's parts, sent meanwhile, stay apart.
    await background.handleMessage({ type: 'snapshot-part', blocks: [block('Elsewhere.')] }, tab(2));
    let findings: unknown;
    for (const message of messages) {
      expect(background.accepts(message, tab(1))).toBe(true);
      findings = await background.handleMessage(message, tab(1));
    }
    expect(analyze).toHaveBeenCalledTimes(1);
    expect(analyze.mock.calls[0]?.[0]).toEqual(long);
    expect((findings as PageFindings).unitBlock).toHaveLength(1500);
  });

  it("gives a tab's report only to the extension's own pages", () => {
    const { background, tab, popup } = setup();
    const ask = { type: 'get-report', tabId: 1 };
    expect(background.accepts(ask, popup)).toBe(true);
    expect(background.accepts(ask, { ...popup, url: `${PAGES}reader.html?tab=1`, tab: { id: 4 } })).toBe(true);
    expect(background.accepts(ask, tab(2))).toBe(false);
    expect(background.accepts(ask, { ...popup, id: 'another-extension' })).toBe(false);
    expect(background.accepts({ type: 'get-report', tabId: -1 }, popup)).toBe(false);
    expect(background.accepts({ type: 'get-report' }, popup)).toBe(false);
  });

  it('has the page analysed again when it lost the report (a stopped service worker), once for many asks', async () => {
    const { send, asked, reportOf } = setup();
    const [first, second] = await Promise.all([reportOf(3), reportOf(3)]);
    expect(first?.duplicates).toHaveLength(1);
    expect(second).toEqual(first);
    expect(asked).toEqual([[3, { type: 'refresh' }]]);
    await reportOf(3);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('answers null for a tab whose content script does not answer', async () => {
    const { background, send, reportOf } = setup();
    send.mockRejectedValueOnce(new Error('Receiving end does not exist.'));
    expect(await reportOf(5)).toBeNull();
    expect(background.stateOf(5)).toBeUndefined();
  });

  it("forgets a tab's report on a new page in the tab, and when the tab closes", async () => {
    const { background, tab, send, reportOf } = setup();
    await background.handleMessage({ type: 'analyze', snapshot }, tab(1));
    await background.handleMessage({ type: 'analyze', snapshot }, tab(2));
    background.tabUpdated(1, { status: 'loading', url: 'http://news.example/b' });
    background.tabRemoved(2);
    send.mockResolvedValue(undefined);
    expect(await reportOf(1)).toBeNull();
    expect(await reportOf(2)).toBeNull();
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

  it('keeps no state or report for frames other than the top one', async () => {
    const { background, badges, send, reportOf } = setup();
    const frame = { id: ID, frameId: 3, tab: { id: 9 } };
    await background.handleMessage({ type: 'page-state', state: state({ collapsedCount: 4 }) }, frame);
    await background.handleMessage({ type: 'analyze', snapshot }, frame);
    expect(background.stateOf(9)).toBeUndefined();
    expect(badges.has(9)).toBe(false);
    send.mockResolvedValue(undefined);
    expect(await reportOf(9)).toBeNull();
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
