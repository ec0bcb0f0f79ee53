import { browser } from 'wxt/browser';
import { validateReport } from '../engine/report-schema';
import { closedToExtensions } from '../utils/platform';
import {
  type BackgroundProtocol,
  type StateRequest,
  isPageState,
  type PageSession,
  SESSION_PORT,
  typedSender,
} from '../utils/protocol';

/**
 * What the popup and the reader tab need from the browser about one tab. Components take it as a
 * prop, so tests drive them with a stand-in and never need a content script.
 */
export interface PageClient {
  /** The tab's page session; rejects when no content script answers (browser pages, the web store). */
  getState(): Promise<PageSession>;
  /** A request for the tab's content script (through the background, which keeps the session). */
  send(request: StateRequest): Promise<void>;
  /** Calls back with the tab's session each time it changes; returns the unsubscriber. */
  subscribe(listener: (session: PageSession) => void): () => void;
  /** The tab's address when the browser tells (activeTab grants it to the popup), else null. */
  pageUrl(): Promise<string | null>;
  /** The page's HTML as it was before NewsLens changed it; null when no content script answers. */
  pageHtml(): Promise<string | null>;
  /** Opens the reader in a tab; with `print`, it opens the print dialog once the article shows. */
  openReaderTab(opts?: { print?: boolean }): Promise<void>;
  /** Brings the page's tab to the front (from the reader tab, after scrolling the page). */
  focusPage(): Promise<void>;
  openOptions(): Promise<void>;
}

/**
 * A session as it crosses into the popup: the state's shape checked, and the report checked
 * against the contract. A report that breaks it is shown as an error, never rendered half.
 */
export function checkedSession(value: unknown): PageSession | null {
  if (!isPageState(value)) return null;
  const session = value as PageSession;
  if (session.report === null) return session;
  const problems = validateReport(session.report);
  if (problems.length === 0) return session;
  return { ...session, status: 'error', report: null, error: `invalid report: ${problems[0]}` };
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
  const send = typedSender<BackgroundProtocol>((message) => browser.runtime.sendMessage(message));
  return {
    async getState() {
      const session = checkedSession(await send({ type: 'get-session', tabId }));
      if (!session) throw new Error('No content script answers in this tab');
      return session;
    },
    async send(request) {
      await send({ type: 'to-page', tabId, request });
    },
    subscribe(listener) {
      const port = browser.runtime.connect({ name: `${SESSION_PORT}${tabId}` });
      port.onMessage.addListener((message: unknown) => {
        if (typeof message !== 'object' || message === null || (message as { type?: unknown }).type !== 'session') return;
        const session = checkedSession((message as { session?: unknown }).session);
        if (session) listener(session);
      });
      return () => port.disconnect();
    },
    async pageUrl() {
      try {
        return (await browser.tabs.get(tabId)).url ?? null;
      } catch {
        return null;
      }
    },
    async pageHtml() {
      return (await send({ type: 'page-html', tabId })) ?? null;
    },
    async openReaderTab(opts = {}) {
      await browser.tabs.create({ url: browser.runtime.getURL(`/reader.html?tab=${tabId}${opts.print ? '&print=1' : ''}`) });
    },
    async focusPage() {
      await browser.tabs.update(tabId, { active: true });
    },
    async openOptions() {
      await browser.runtime.openOptionsPage();
    },
  };
}
