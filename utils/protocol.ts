import type { BlockSnapshot, PageFindings, PageSnapshot } from '../engine/model';
import type { PageReport } from '../engine/report';

/**
 * Every message between the content script, the background and the extension's pages, with each
 * request's reply type, in one place: a sender names the request and gets its reply's type, so
 * that the two sides cannot drift apart.
 *
 * One owner for each tab's page: the content script is the source of truth for its page's state
 * (status, mode) and sends it with every change; the background keeps each tab's page session
 * (that state, the report it built from the page's snapshot, and nothing else) and serves it to
 * the popup and the reader tab, which connect once and are sent every change. A report never
 * crosses the page's main thread: the content script sends its snapshot (in parts) and gets back
 * findings with no page text. A background the browser stopped keeps nothing: it rebuilds the
 * session from the content script, which analyses its page again.
 *
 *   page ─snapshot─► background ─findings─► page ─state─► background ─session─► popup / reader
 */

/** `both`, or the BCP 47 tag of the one language shown. */
export type LanguageMode = string;

export type PageStatus = 'analysing' | 'ready' | 'not-article' | 'off' | 'error';

/** What a content script says about its page: the one shape of a page's state. */
export interface PageState {
  status: PageStatus;
  mode: LanguageMode;
  /** Modes the page offers, in the order the switch shows them: the two languages, then `both`. */
  modes: LanguageMode[];
  collapsedCount: number;
  error: string | null;
}

/** A tab's page session as the popup and the reader tab see it: the page's state and its report. */
export interface PageSession extends PageState {
  /** Null until the page is analysed, and when NewsLens is off for it. */
  report: PageReport | null;
}

/** Where a flag in the popup points on the page: the index of the flag within its kind, in report order. */
export type FlagTarget =
  | { kind: 'disclosure'; index: number }
  | { kind: 'duplicate'; index: number }
  | { kind: 'truncated'; index: number }
  | { kind: 'untranslated'; index: number }
  | { kind: 'mismatch'; index: number };

/**
 * Requests to a tab's content script, from the background (its own, and the popup's passed on),
 * each answered with the page's state after it. `refresh` comes from a background that lost the
 * page's report (a stopped service worker keeps nothing): the page is analysed again, which hands
 * the background a new one.
 */
export interface ContentProtocol {
  'get-state': { request: { type: 'get-state' }; reply: PageState };
  'set-mode': { request: { type: 'set-mode'; mode: LanguageMode }; reply: PageState };
  'cycle-mode': { request: { type: 'cycle-mode' }; reply: PageState };
  'set-enabled': { request: { type: 'set-enabled'; enabled: boolean }; reply: PageState };
  'scroll-to': { request: { type: 'scroll-to'; target: FlagTarget }; reply: PageState };
  refresh: { request: { type: 'refresh' }; reply: PageState };
  /** The page's HTML as it was before NewsLens changed it ("save page + report"). */
  'page-html': { request: { type: 'page-html' }; reply: string };
}

/**
 * Requests to the background. From the content script: its snapshot (`snapshot-part`s, then
 * `analyze`, answered with the findings) and every change of its state. From the popup and the
 * reader tab: a tab's session, and a request for the tab's content script passed on
 * (`to-page`), whose reply is the session after it.
 */
export interface BackgroundProtocol {
  'snapshot-part': { request: { type: 'snapshot-part'; blocks: BlockSnapshot[] }; reply: null };
  analyze: { request: { type: 'analyze'; snapshot: PageSnapshot }; reply: PageFindings };
  'page-state': { request: { type: 'page-state'; state: PageState }; reply: null };
  /** Null when no content script of ours answers in the tab (a browser page, a store page). */
  'get-session': { request: { type: 'get-session'; tabId: number }; reply: PageSession | null };
  'to-page': { request: { type: 'to-page'; tabId: number; request: StateRequest }; reply: PageSession | null };
  /** The tab's page HTML without NewsLens's changes; null when no content script answers. */
  'page-html': { request: { type: 'page-html'; tabId: number }; reply: string | null };
}

export type ContentRequest = ContentProtocol[keyof ContentProtocol]['request'];
/** The requests a content script answers with its page's state (all but `page-html`). */
export type StateRequest = Exclude<ContentRequest, { type: 'page-html' }>;
export type BackgroundRequest = BackgroundProtocol[keyof BackgroundProtocol]['request'];
export type ContentReply<R extends ContentRequest> = ContentProtocol[R['type']]['reply'];
export type BackgroundReply<R extends BackgroundRequest> = BackgroundProtocol[R['type']]['reply'];

/** The port the popup and the reader tab open to hear a tab's session change: `session:<tabId>`. */
export const SESSION_PORT = 'session:';

/** What the background posts on a session port: the tab's session each time it changes. */
export interface SessionUpdate {
  type: 'session';
  session: PageSession;
}

/** Characters of block text per message: encoding a message is one task of the page's. */
const PART_CHARS = 65536;

/**
 * The messages that carry a snapshot to the background: parts of its blocks, then `analyze` with
 * the rest. Encoding a page-sized message would hold the page's main thread for as long as the
 * page is long; a part takes a millisecond or two.
 */
export function snapshotMessages(snapshot: PageSnapshot): {
  parts: BackgroundProtocol['snapshot-part']['request'][];
  analyze: BackgroundProtocol['analyze']['request'];
} {
  const parts: BackgroundProtocol['snapshot-part']['request'][] = [];
  let from = 0;
  let chars = 0;
  snapshot.blocks.forEach((block, i) => {
    chars += block.text.length;
    if (chars < PART_CHARS) return;
    parts.push({ type: 'snapshot-part', blocks: snapshot.blocks.slice(from, i + 1) });
    from = i + 1;
    chars = 0;
  });
  return { parts, analyze: { type: 'analyze', snapshot: { ...snapshot, blocks: snapshot.blocks.slice(from) } } };
}

const STATUSES: readonly PageStatus[] = ['analysing', 'ready', 'not-article', 'off', 'error'];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isTabId = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

export function isPageState(value: unknown): value is PageState {
  return (
    isRecord(value) &&
    STATUSES.includes(value.status as PageStatus) &&
    typeof value.mode === 'string' &&
    Array.isArray(value.modes) &&
    value.modes.every((mode) => typeof mode === 'string') &&
    typeof value.collapsedCount === 'number' &&
    (value.error === null || typeof value.error === 'string')
  );
}

const FLAG_KINDS = new Set(['disclosure', 'duplicate', 'truncated', 'untranslated', 'mismatch']);

export function isContentRequest(value: unknown): value is ContentRequest {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'get-state':
    case 'cycle-mode':
    case 'refresh':
    case 'page-html':
      return true;
    case 'set-mode':
      return typeof value.mode === 'string';
    case 'set-enabled':
      return typeof value.enabled === 'boolean';
    case 'scroll-to':
      return isRecord(value.target) && FLAG_KINDS.has(value.target.kind as string) && isTabId(value.target.index);
    default:
      return false;
  }
}

export function isBackgroundRequest(value: unknown): value is BackgroundRequest {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'page-state':
      return isPageState(value.state);
    case 'snapshot-part':
      return Array.isArray(value.blocks);
    case 'analyze':
      return isRecord(value.snapshot) && Array.isArray(value.snapshot.blocks);
    case 'get-session':
    case 'page-html':
      return isTabId(value.tabId);
    case 'to-page':
      return isTabId(value.tabId) && isContentRequest(value.request) && value.request.type !== 'page-html';
    default:
      return false;
  }
}

/** The tab id of a session port's name, or null for any other port. */
export function sessionPortTab(name: string): number | null {
  if (!name.startsWith(SESSION_PORT)) return null;
  const id = name.slice(SESSION_PORT.length);
  return /^\d{1,10}$/.test(id) ? Number(id) : null;
}

type Protocol<P> = { [K in keyof P]: { request: { type: K }; reply: unknown } };
type ReplyOf<P extends Protocol<P>, R> = R extends { type: infer K extends keyof P } ? P[K]['reply'] : never;

/**
 * The one place where a reply's type is taken on trust: `send` is the browser's sendMessage,
 * which types every reply as unknown. Callers get the reply type their request names.
 */
export function typedSender<P extends Protocol<P>>(send: (message: P[keyof P]['request']) => Promise<unknown>) {
  return <R extends P[keyof P]['request']>(message: R): Promise<ReplyOf<P, R>> => send(message) as Promise<ReplyOf<P, R>>;
}
