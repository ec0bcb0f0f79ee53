import type { PageSnapshot, TextAnalysis } from './analysis';
import type { PageReport } from './report';

/**
 * Every message that crosses a context boundary (content script, background, popup), typed in one
 * place so that a sender and its receiver cannot drift apart.
 */

/** `both`, or the BCP 47 tag of the one language shown. */
export type LanguageMode = string;

export type PageStatus = 'analysing' | 'ready' | 'not-article' | 'off' | 'error';

export interface PageState {
  status: PageStatus;
  report: PageReport | null;
  mode: LanguageMode;
  /** Modes the page offers, in the order the switch shows them: the two languages, then `both`. */
  modes: LanguageMode[];
  collapsedCount: number;
  error: string | null;
}

/** Where a flag in the popup points on the page. */
export type FlagTarget =
  | { kind: 'disclosure'; index: number }
  | { kind: 'duplicate'; index: number }
  | { kind: 'truncated'; index: number }
  | { kind: 'untranslated'; index: number };

/** Requests sent to a tab's content script (from the popup or the background). */
export type ContentRequest =
  | { type: 'get-state' }
  | { type: 'set-mode'; mode: LanguageMode }
  | { type: 'cycle-mode' }
  | { type: 'set-enabled'; enabled: boolean }
  | { type: 'scroll-to'; target: FlagTarget };

/** What a content script answers to every ContentRequest: its page's state after the request. */
export type ContentResponse = PageState;

/**
 * Requests the content script sends to the background: its page's state (for the toolbar badge),
 * and the text phase of the analysis, which runs there so that it never blocks the page.
 */
export type BackgroundRequest = { type: 'page-state'; state: PageState } | { type: 'analyze'; snapshot: PageSnapshot };

/** The background's answer to `analyze`. */
export type AnalyzeResponse = TextAnalysis;

export const isContentRequest = (value: unknown): value is ContentRequest => {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return type === 'get-state' || type === 'set-mode' || type === 'cycle-mode' || type === 'set-enabled' || type === 'scroll-to';
};

export const isBackgroundRequest = (value: unknown): value is BackgroundRequest => {
  if (typeof value !== 'object' || value === null) return false;
  const { type, state, snapshot } = value as { type?: unknown; state?: unknown; snapshot?: unknown };
  if (type === 'page-state') return typeof state === 'object' && state !== null;
  return type === 'analyze' && typeof snapshot === 'object' && snapshot !== null && Array.isArray((snapshot as { blocks?: unknown }).blocks);
};
