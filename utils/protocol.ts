import type { BlockSnapshot, PageFindings, PageSnapshot, ReportSummary } from '../engine/model';
import type { PageReport } from '../engine/report';

/**
 * Every message that crosses a context boundary (content script, background, popup), typed in one
 * place so that a sender and its receiver cannot drift apart.
 *
 * Page-sized data never passes through the page's main thread twice: the content script sends its
 * snapshot once, the background keeps the report it makes of it (for the popup) and answers with
 * findings that hold no page text; the page's state is a summary.
 */

/** `both`, or the BCP 47 tag of the one language shown. */
export type LanguageMode = string;

export type PageStatus = 'analysing' | 'ready' | 'not-article' | 'off' | 'error';

/** What a content script says about its page. */
export interface TabState {
  status: PageStatus;
  summary: ReportSummary | null;
  mode: LanguageMode;
  /** Modes the page offers, in the order the switch shows them: the two languages, then `both`. */
  modes: LanguageMode[];
  collapsedCount: number;
  error: string | null;
}

/** What the popup shows: a tab's state, with the report the background keeps for the tab. */
export interface PageState extends Omit<TabState, 'summary'> {
  report: PageReport | null;
}

/** Where a flag in the popup points on the page. */
export type FlagTarget =
  | { kind: 'disclosure'; index: number }
  | { kind: 'duplicate'; index: number }
  | { kind: 'truncated'; index: number }
  | { kind: 'untranslated'; index: number };

/**
 * Requests sent to a tab's content script (from the popup or the background). `refresh` comes
 * from a background that no longer has the page's report (a stopped service worker keeps
 * nothing): the page is analysed again, which hands the background a new one.
 */
export type ContentRequest =
  | { type: 'get-state' }
  | { type: 'set-mode'; mode: LanguageMode }
  | { type: 'cycle-mode' }
  | { type: 'set-enabled'; enabled: boolean }
  | { type: 'scroll-to'; target: FlagTarget }
  | { type: 'refresh' };

/** What a content script answers to every ContentRequest: its page's state after the request. */
export type ContentResponse = TabState;

/**
 * Requests to the background: from the content script, its page's state (for the toolbar badge)
 * and the text phase of the analysis, which runs there so that it never blocks the page; from the
 * popup, the report of a tab. A long page's snapshot goes in parts (`snapshotMessages`): the
 * blocks of `snapshot-part`s come before those of the `analyze` that follows them.
 */
export type BackgroundRequest =
  | { type: 'page-state'; state: TabState }
  | { type: 'snapshot-part'; blocks: BlockSnapshot[] }
  | { type: 'analyze'; snapshot: PageSnapshot }
  | { type: 'get-report'; tabId: number };

/** Characters of block text per message: encoding a message is one task of the page's. */
const PART_CHARS = 65536;

/**
 * The messages that carry a snapshot to the background: parts of its blocks, then `analyze` with
 * the rest. Encoding a page-sized message would hold the page's main thread for as long as the
 * page is long; a part takes a millisecond or two.
 */
export function snapshotMessages(snapshot: PageSnapshot): BackgroundRequest[] {
  const messages: BackgroundRequest[] = [];
  let from = 0;
  let chars = 0;
  snapshot.blocks.forEach((block, i) => {
    chars += block.text.length;
    if (chars < PART_CHARS) return;
    messages.push({ type: 'snapshot-part', blocks: snapshot.blocks.slice(from, i + 1) });
    from = i + 1;
    chars = 0;
  });
  messages.push({ type: 'analyze', snapshot: { ...snapshot, blocks: snapshot.blocks.slice(from) } });
  return messages;
}

/** The background's answer to `analyze`. */
export type AnalyzeResponse = PageFindings;

/** The background's answer to `get-report`: null when the tab has none (not analysed, or off). */
export type ReportResponse = PageReport | null;

export const isContentRequest = (value: unknown): value is ContentRequest => {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return (
    type === 'get-state' || type === 'set-mode' || type === 'cycle-mode' || type === 'set-enabled' || type === 'scroll-to' || type === 'refresh'
  );
};

export const isBackgroundRequest = (value: unknown): value is BackgroundRequest => {
  if (typeof value !== 'object' || value === null) return false;
  const { type, state, snapshot, tabId, blocks } = value as { type?: unknown; state?: unknown; snapshot?: unknown; tabId?: unknown; blocks?: unknown };
  if (type === 'page-state') return typeof state === 'object' && state !== null;
  if (type === 'snapshot-part') return Array.isArray(blocks);
  if (type === 'get-report') return typeof tabId === 'number' && Number.isInteger(tabId) && tabId >= 0;
  return type === 'analyze' && typeof snapshot === 'object' && snapshot !== null && Array.isArray((snapshot as { blocks?: unknown }).blocks);
};
