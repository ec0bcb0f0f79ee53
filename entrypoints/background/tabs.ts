import { type BlockSnapshot, findingsOf, type PageFindings, type PageSnapshot, type TextAnalysis } from '@/engine/model';
import { type BackgroundRequest, type ContentRequest, isBackgroundRequest, type TabState } from '@/utils/protocol';
import type { PageReport } from '@/engine/report';

/**
 * The background's own logic, free of browser globals so that unit tests drive it directly: the
 * text phase of the analysis, each tab's report (the popup reads it from here, so that it never
 * crosses the page's main thread), per-tab page state, and the toolbar badge that summarises it.
 */

export interface Badge {
  text: string;
  color: string;
}

/** "AI" when the page discloses AI generation, else the number of collapsed duplicates, else nothing. */
export function badgeFor(state: TabState | undefined): Badge {
  const none = { text: '', color: '#5f6368' };
  if (state?.status !== 'ready') return none;
  if ((state.summary?.disclosures ?? 0) > 0) return { text: 'AI', color: '#c5221f' };
  if (state.collapsedCount > 0) return { text: state.collapsedCount > 99 ? '99+' : String(state.collapsedCount), color: '#5f6368' };
  return none;
}

export interface Sender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number };
}

export interface BackgroundDeps {
  extensionId: string;
  /** The address all of this extension's own pages (popup, reader tab) start with. */
  pagesUrl: string;
  analyze(snapshot: PageSnapshot): TextAnalysis;
  setBadge(tabId: number, badge: Badge): void;
  /** Sends a request to a tab's content script. */
  send(tabId: number, request: ContentRequest): Promise<unknown>;
}

export function createBackground(deps: BackgroundDeps) {
  const tabs = new Map<number, { state: TabState; url: string | undefined }>();
  const reports = new Map<number, PageReport>();
  /** Blocks of the snapshot a tab is sending in parts (see snapshotMessages). */
  const parts = new Map<number, BlockSnapshot[]>();
  const refreshing = new Map<number, Promise<unknown>>();

  const show = (tabId: number) => deps.setBadge(tabId, badgeFor(tabs.get(tabId)?.state));
  /** The tab of a message from a page's top frame; frames have no page state of their own. */
  const topFrameTab = (sender: Sender): number | undefined => ((sender.frameId ?? 0) === 0 ? sender.tab?.id : undefined);

  /**
   * A tab's report. A service worker that the browser stopped meanwhile has lost them all: the
   * tab's content script then analyses its page again, which brings the report back.
   */
  async function reportOf(tabId: number): Promise<PageReport | null> {
    if (!reports.has(tabId)) {
      let pending = refreshing.get(tabId);
      if (!pending) {
        pending = deps.send(tabId, { type: 'refresh' }).catch(() => undefined);
        refreshing.set(tabId, pending);
        void pending.finally(() => refreshing.delete(tabId));
      }
      await pending;
    }
    return reports.get(tabId) ?? null;
  }

  const forget = (tabId: number) => {
    tabs.delete(tabId);
    reports.delete(tabId);
    parts.delete(tabId);
  };

  return {
    stateOf: (tabId: number): TabState | undefined => tabs.get(tabId)?.state,

    /**
     * Whether a message is for the background: of a known shape, and from this extension itself;
     * a tab's report goes only to the extension's own pages, not to content scripts.
     */
    accepts: (message: unknown, sender: Sender): message is BackgroundRequest =>
      sender.id === deps.extensionId &&
      isBackgroundRequest(message) &&
      (message.type !== 'get-report' || sender.url?.startsWith(deps.pagesUrl) === true),

    async handleMessage(message: BackgroundRequest, sender: Sender): Promise<PageFindings | PageReport | null | undefined> {
      if (message.type === 'get-report') return reportOf(message.tabId);
      const tabId = topFrameTab(sender);
      if (message.type === 'snapshot-part') {
        if (tabId !== undefined) parts.set(tabId, (parts.get(tabId) ?? []).concat(message.blocks));
        return undefined;
      }
      if (message.type === 'analyze') {
        const before = tabId === undefined ? undefined : parts.get(tabId);
        if (tabId !== undefined) parts.delete(tabId);
        const snapshot = before ? { ...message.snapshot, blocks: [...before, ...message.snapshot.blocks] } : message.snapshot;
        const text = deps.analyze(snapshot);
        if (tabId !== undefined) reports.set(tabId, text.report);
        return findingsOf(text);
      }
      if (tabId === undefined) return undefined;
      tabs.set(tabId, { state: message.state, url: sender.url });
      show(tabId);
      return undefined;
    },

    /**
     * A new page in the tab clears its state. In-page navigation (pushState) changes the URL too;
     * the content script then reports the new page's state on its own.
     */
    tabUpdated(tabId: number, change: { status?: string; url?: string }): void {
      const known = tabs.get(tabId);
      const navigated = change.url !== undefined ? change.url !== known?.url : change.status === 'loading';
      if (!navigated) return;
      forget(tabId);
      show(tabId);
    },

    tabRemoved(tabId: number): void {
      forget(tabId);
    },
  };
}

/** The keyboard shortcut: the active tab's content script switches to its next language mode. */
export async function forwardCommand(
  command: string,
  tabId: number | undefined,
  deps: { activeTabId(): Promise<number | undefined>; send(tabId: number, request: ContentRequest): Promise<unknown> },
): Promise<void> {
  if (command !== 'cycle-mode') return;
  const target = tabId ?? (await deps.activeTabId());
  // A tab without our content script (a browser page, a store page) has nobody to answer.
  if (target !== undefined) await deps.send(target, { type: 'cycle-mode' }).catch(() => undefined);
}
