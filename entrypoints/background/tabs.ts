import type { TextAnalysis } from '@/utils/analysis';
import { type BackgroundRequest, type ContentRequest, isBackgroundRequest, type PageState } from '@/utils/messages';

/**
 * The background's own logic, free of browser globals so that unit tests drive it directly: the
 * text phase of the analysis, per-tab page state, and the toolbar badge that summarises it.
 */

export interface Badge {
  text: string;
  color: string;
}

/** "AI" when the page discloses AI generation, else the number of collapsed duplicates, else nothing. */
export function badgeFor(state: PageState | undefined): Badge {
  const none = { text: '', color: '#5f6368' };
  if (state?.status !== 'ready') return none;
  if ((state.report?.disclosures.length ?? 0) > 0) return { text: 'AI', color: '#c5221f' };
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
  analyze(snapshot: Extract<BackgroundRequest, { type: 'analyze' }>['snapshot']): TextAnalysis;
  setBadge(tabId: number, badge: Badge): void;
}

export function createBackground(deps: BackgroundDeps) {
  const tabs = new Map<number, { state: PageState; url: string | undefined }>();

  const show = (tabId: number) => deps.setBadge(tabId, badgeFor(tabs.get(tabId)?.state));

  return {
    stateOf: (tabId: number): PageState | undefined => tabs.get(tabId)?.state,

    /** Whether a message is for the background: of a known shape, and from this extension itself. */
    accepts: (message: unknown, sender: Sender): message is BackgroundRequest =>
      sender.id === deps.extensionId && isBackgroundRequest(message),

    async handleMessage(message: BackgroundRequest, sender: Sender): Promise<TextAnalysis | undefined> {
      if (message.type === 'analyze') return deps.analyze(message.snapshot);
      const tabId = sender.tab?.id;
      if (tabId === undefined || (sender.frameId ?? 0) !== 0) return undefined;
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
      tabs.delete(tabId);
      show(tabId);
    },

    tabRemoved(tabId: number): void {
      tabs.delete(tabId);
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
