import { type BlockSnapshot, findingsOf, type PageSnapshot, type TextAnalysis } from '@/engine/model';
import type { PageReport } from '@/engine/report';
import { type Correction, correctFindings, isCorrected } from '@/utils/corrections';
import {
  type BackgroundReply,
  type BackgroundRequest,
  type ContentReply,
  type ContentRequest,
  type StateRequest,
  isBackgroundRequest,
  type PageSession,
  type PageState,
  type SessionUpdate,
  sessionPortTab,
} from '@/utils/protocol';

/**
 * The background's own logic, free of browser globals so that unit tests drive it directly: the
 * text phase of the analysis, each tab's page session (the page's state, as its content script
 * last said it, and the report built from its snapshot), the popup's and reader tab's
 * connections to it, and the toolbar badge that sums it up.
 */

export interface Badge {
  text: string;
  color: string;
}

/**
 * "AI" when the page discloses AI generation (a disclosure the reader took back for the site does
 * not count), else the number of collapsed duplicates, else nothing.
 */
export function badgeFor(session: PageSession | undefined, corrections: readonly Correction[] = []): Badge {
  const none = { text: '', color: '#5f6368' };
  if (session?.status !== 'ready') return none;
  const disclosures = session.report?.disclosures.filter((disclosure) => !isCorrected(corrections, 'disclosure', disclosure.evidence)) ?? [];
  if (disclosures.length > 0) return { text: 'AI', color: '#c5221f' };
  if (session.collapsedCount > 0) return { text: session.collapsedCount > 99 ? '99+' : String(session.collapsedCount), color: '#5f6368' };
  return none;
}

export interface Sender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number };
}

/** The part of a runtime.Port the background uses. */
export interface SessionPort {
  name: string;
  sender?: Sender;
  postMessage(message: SessionUpdate): void;
  onDisconnect: { addListener(listener: () => void): void };
}

export interface BackgroundDeps {
  extensionId: string;
  /** The address all of this extension's own pages (popup, reader tab) start with. */
  pagesUrl: string;
  analyze(snapshot: PageSnapshot): TextAnalysis;
  setBadge(tabId: number, badge: Badge): void;
  /** Sends a request to a tab's content script; rejects when none answers. */
  send<R extends ContentRequest>(tabId: number, request: R): Promise<ContentReply<R>>;
  /** The reader's corrections for a host (utils/corrections.ts); none when absent. */
  corrections?(host: string): Promise<Correction[]>;
}

interface Tab {
  state: PageState | null;
  report: PageReport | null;
  /** The site's corrections as they were when the report was built (the badge leaves them out). */
  corrections: readonly Correction[];
  url: string | undefined;
}

function hostOfUrl(url: string | undefined): string | null {
  try {
    return url === undefined ? null : new URL(url).hostname || null;
  } catch {
    return null;
  }
}

export function createBackground(deps: BackgroundDeps) {
  const tabs = new Map<number, Tab>();
  /** Blocks of the snapshot a tab is sending in parts (see snapshotMessages). */
  const parts = new Map<number, BlockSnapshot[]>();
  const ports = new Map<number, Set<SessionPort>>();
  const rebuilding = new Map<number, Promise<PageSession | null>>();

  const tabOf = (tabId: number): Tab => {
    let tab = tabs.get(tabId);
    if (!tab) {
      tab = { state: null, report: null, corrections: [], url: undefined };
      tabs.set(tabId, tab);
    }
    return tab;
  };
  const sessionOf = (tabId: number): PageSession | undefined => {
    const tab = tabs.get(tabId);
    return tab?.state ? { ...tab.state, report: tab.state.status === 'off' ? null : tab.report } : undefined;
  };
  /** The tab of a message from a page's top frame; frames have no page state of their own. */
  const topFrameTab = (sender: Sender): number | undefined => ((sender.frameId ?? 0) === 0 ? sender.tab?.id : undefined);
  const fromOwnPages = (sender: Sender | undefined) => sender?.id === deps.extensionId && sender.url?.startsWith(deps.pagesUrl) === true;

  function changed(tabId: number): void {
    const session = sessionOf(tabId);
    deps.setBadge(tabId, badgeFor(session, tabs.get(tabId)?.corrections));
    if (!session) return;
    for (const port of ports.get(tabId) ?? []) port.postMessage({ type: 'session', session });
  }

  function setState(tabId: number, state: PageState, url?: string): void {
    const tab = tabOf(tabId);
    tab.state = state;
    if (url !== undefined) tab.url = url;
    changed(tabId);
  }

  /**
   * A tab's session. A background that the browser stopped meanwhile has none: the content
   * script, which keeps its page's state, is asked for it, and to analyse its page again when
   * the report is missing; its snapshot brings the report back.
   */
  function sessionFor(tabId: number): Promise<PageSession | null> {
    const known = sessionOf(tabId);
    if (known && (known.status !== 'ready' || known.report)) return Promise.resolve(known);
    let pending = rebuilding.get(tabId);
    if (!pending) {
      pending = (async () => {
        try {
          let state = await deps.send(tabId, { type: 'get-state' });
          if (state.status === 'ready' && !tabs.get(tabId)?.report) state = await deps.send(tabId, { type: 'refresh' });
          setState(tabId, state);
          return sessionOf(tabId) ?? null;
        } catch {
          return null;
        }
      })();
      rebuilding.set(tabId, pending);
      void pending.finally(() => rebuilding.delete(tabId));
    }
    return pending;
  }

  async function toPage(tabId: number, request: StateRequest): Promise<PageSession | null> {
    try {
      setState(tabId, await deps.send(tabId, request));
    } catch {
      return null;
    }
    return sessionFor(tabId);
  }

  function handleMessage<R extends BackgroundRequest>(message: R, sender: Sender): Promise<BackgroundReply<R>>;
  async function handleMessage(message: BackgroundRequest, sender: Sender): Promise<BackgroundReply<BackgroundRequest>> {
    switch (message.type) {
      case 'get-session':
        return sessionFor(message.tabId);
      case 'to-page':
        return toPage(message.tabId, message.request);
      case 'page-html':
        return deps.send(message.tabId, { type: 'page-html' }).catch(() => null);
      case 'snapshot-part': {
        const tabId = topFrameTab(sender);
        if (tabId !== undefined) parts.set(tabId, (parts.get(tabId) ?? []).concat(message.blocks));
        return null;
      }
      case 'analyze': {
        const tabId = topFrameTab(sender);
        const before = tabId === undefined ? undefined : parts.get(tabId);
        if (tabId !== undefined) parts.delete(tabId);
        const snapshot = before ? { ...message.snapshot, blocks: [...before, ...message.snapshot.blocks] } : message.snapshot;
        // The corrections are read from storage while the engine runs, not after it.
        const host = hostOfUrl(sender.url);
        const stored = host === null || !deps.corrections ? Promise.resolve([]) : deps.corrections(host);
        // Awaited below; an analysis that throws first must not leave its rejection unhandled.
        stored.catch(() => {});
        const text = deps.analyze(snapshot);
        if (tabId !== undefined) tabOf(tabId).report = text.report;
        const corrections = await stored;
        // The page's next state, which follows these findings, sets the badge with them.
        if (tabId !== undefined) tabOf(tabId).corrections = corrections;
        return correctFindings(text, findingsOf(text), corrections);
      }
      case 'page-state': {
        const tabId = topFrameTab(sender);
        if (tabId !== undefined) setState(tabId, message.state, sender.url);
        return null;
      }
    }
  }

  const forget = (tabId: number) => {
    tabs.delete(tabId);
    parts.delete(tabId);
  };

  return {
    sessionOf,

    /**
     * Whether a message is for the background: of a known shape, and from this extension itself;
     * a tab's session, and requests for its page, only from the extension's own pages.
     */
    accepts: (message: unknown, sender: Sender): message is BackgroundRequest =>
      sender.id === deps.extensionId &&
      isBackgroundRequest(message) &&
      ((message.type !== 'get-session' && message.type !== 'to-page' && message.type !== 'page-html') || fromOwnPages(sender)),

    handleMessage,

    /** A popup or reader tab connecting to hear a tab's session: it is sent the session at once and on every change. */
    connect(port: SessionPort): void {
      const tabId = sessionPortTab(port.name);
      if (tabId === null || !fromOwnPages(port.sender)) return;
      const listening = ports.get(tabId) ?? new Set<SessionPort>();
      ports.set(tabId, listening.add(port));
      port.onDisconnect.addListener(() => {
        listening.delete(port);
        if (listening.size === 0) ports.delete(tabId);
      });
      // A session that must be rebuilt first reaches the port with the change that rebuilds it.
      const known = sessionOf(tabId);
      if (known && (known.status !== 'ready' || known.report)) port.postMessage({ type: 'session', session: known });
      else void sessionFor(tabId);
    },

    /**
     * A new page in the tab clears its session. In-page navigation (pushState) changes the URL
     * too; the content script then reports the new page's state on its own.
     */
    tabUpdated(tabId: number, change: { status?: string; url?: string }): void {
      const known = tabs.get(tabId);
      const navigated = change.url !== undefined ? change.url !== known?.url : change.status === 'loading';
      if (!navigated) return;
      forget(tabId);
      changed(tabId);
    },

    tabRemoved(tabId: number): void {
      forget(tabId);
      ports.delete(tabId);
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
