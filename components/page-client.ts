import { browser } from 'wxt/browser';
import {
  type BackgroundRequest,
  type ContentRequest,
  isBackgroundRequest,
  type PageState,
  type PageStatus,
  type ReportResponse,
  type TabState,
} from '../utils/protocol';
import { closedToExtensions } from '../utils/platform';

/**
 * What the popup and the reader tab need from the browser about one tab. Components take it as a
 * prop, so tests drive them with a stand-in and never need a content script.
 */
export interface PageClient {
  /** The page's state; rejects when no content script answers (browser pages, the web store). */
  getState(): Promise<PageState>;
  send(request: ContentRequest): Promise<void>;
  /** Calls back with every state the tab's content script announces; returns the unsubscriber. */
  subscribe(listener: (state: PageState) => void): () => void;
  /** The tab's address when the browser tells (activeTab grants it to the popup), else null. */
  pageUrl(): Promise<string | null>;
  openReaderTab(): Promise<void>;
  /** Brings the page's tab to the front (from the reader tab, after scrolling the page). */
  focusPage(): Promise<void>;
  openOptions(): Promise<void>;
}

const STATUSES: readonly PageStatus[] = ['analysing', 'ready', 'not-article', 'off', 'error'];

/** The reply comes from our own content script, so this checks shape, not every summary field. */
export function isTabState(value: unknown): value is TabState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Partial<Record<keyof TabState, unknown>>;
  return (
    STATUSES.includes(state.status as PageStatus) &&
    (state.summary === null || (typeof state.summary === 'object' && state.summary !== undefined)) &&
    typeof state.mode === 'string' &&
    Array.isArray(state.modes) &&
    state.modes.every((mode) => typeof mode === 'string') &&
    typeof state.collapsedCount === 'number' &&
    (state.error === null || typeof state.error === 'string')
  );
}

/**
 * False for an address no content script of ours can run in, so the popup can say so at once
 * instead of waiting for a reply that will never come.
 */
export function isReadableUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  return !closedToExtensions(parsed);
}

/**
 * The tab named by `?tab=<id>`: the reader page always has it; the popup accepts it too, so that
 * a test can open popup.html as a page for a given tab (opened that way, the active tab would be
 * the popup itself).
 */
export function tabIdFromSearch(search: string): number | null {
  const value = new URLSearchParams(search).get('tab');
  return value !== null && /^\d{1,10}$/.test(value) ? Number(value) : null;
}

export function tabClient(tabId: number): PageClient {
  /**
   * The tab's state with its report, which the background keeps: a page-sized report would cost
   * the page a long task to send from its content script.
   */
  const withReport = async ({ summary: _, ...state }: TabState): Promise<PageState> => {
    if (state.status !== 'ready') return { ...state, report: null };
    const report: unknown = await browser.runtime.sendMessage({ type: 'get-report', tabId } satisfies BackgroundRequest);
    const valid = typeof report === 'object' && report !== null && (report as { version?: unknown }).version === 1;
    return { ...state, report: valid ? (report as NonNullable<ReportResponse>) : null };
  };
  return {
    async getState() {
      const reply: unknown = await browser.tabs.sendMessage(tabId, { type: 'get-state' } satisfies ContentRequest);
      if (!isTabState(reply)) throw new Error('The page answered without a state');
      return withReport(reply);
    },
    async send(request) {
      await browser.tabs.sendMessage(tabId, request);
    },
    subscribe(listener) {
      // States come with their reports in the order the page announced them, not as reports arrive.
      let latest = 0;
      const onMessage = (message: unknown, sender: { tab?: { id?: number } }) => {
        if (sender.tab?.id !== tabId || !isBackgroundRequest(message) || message.type !== 'page-state') return;
        if (!isTabState(message.state)) return;
        const heard = ++latest;
        void withReport(message.state).then(
          (state) => {
            if (heard === latest) listener(state);
          },
          () => undefined,
        );
      };
      browser.runtime.onMessage.addListener(onMessage);
      return () => browser.runtime.onMessage.removeListener(onMessage);
    },
    async pageUrl() {
      try {
        return (await browser.tabs.get(tabId)).url ?? null;
      } catch {
        return null;
      }
    },
    async openReaderTab() {
      await browser.tabs.create({ url: browser.runtime.getURL(`/reader.html?tab=${tabId}`) });
    },
    async focusPage() {
      await browser.tabs.update(tabId, { active: true });
    },
    async openOptions() {
      await browser.runtime.openOptionsPage();
    },
  };
}
