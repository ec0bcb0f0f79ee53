import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import en from '../public/_locales/en/messages.json';
import zh from '../public/_locales/zh_CN/messages.json';
import { type Locale, LocaleProvider } from '../components/locale';
import type { PageClient } from '../components/page-client';
import type { MessageKey } from '../utils/i18n';
import type { PageSession, StateRequest } from '../utils/protocol';
import type { PageReport } from '../engine/report';

/**
 * Shared setup for the popup tests: locales read from the real `_locales` files (fakeBrowser has
 * no i18n), reports from `test/fixtures/reports`, and a stand-in for the page's content script.
 */

interface CatalogEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/** Chrome's substitution rules: `$NAME$` → the placeholder's content, whose `$1`… take the arguments. */
function catalogLocale(catalog: Record<string, CatalogEntry>, lang: string): Locale {
  return {
    lang,
    t: (key: MessageKey, substitutions?: string | string[]) => {
      const entry = catalog[key];
      if (entry === undefined) throw new Error(`no message ${key} in the ${lang} catalog`);
      const args = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
      const fill = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => args[Number(n) - 1] ?? '');
      return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) =>
        fill(entry.placeholders?.[name.toLowerCase()]?.content ?? ''),
      );
    },
  };
}

export const EN: Locale = catalogLocale(en, 'en-US');
export const ZH: Locale = catalogLocale(zh, 'zh-CN');
export const catalogs = { en, zh_CN: zh } as const;

export function renderIn(ui: ComponentChildren, locale: Locale = EN) {
  return render(<LocaleProvider locale={locale}>{ui}</LocaleProvider>);
}

export function loadReport(name: 'seed' | 'aggregator' | 'columns' | 'changed-figure' | 'mono-en' | 'markup' | 'empty'): PageReport {
  const report: unknown = JSON.parse(readFileSync(resolve('test/fixtures/reports', `${name}.json`), 'utf8'));
  if (typeof report !== 'object' || report === null || (report as { version?: unknown }).version !== 1) {
    throw new Error(`${name}.json is not a version 1 report`);
  }
  return report as PageReport;
}

export function pageState(report: PageReport | null, patch: Partial<PageSession> = {}): PageSession {
  const languages = report?.bilingual.languages ?? [];
  return {
    status: 'ready',
    report,
    mode: 'both',
    modes: languages.length === 2 ? [...languages, 'both'] : [],
    collapsedCount: report?.duplicates.reduce((sum, group) => sum + group.copies.length, 0) ?? 0,
    error: null,
    ...patch,
  };
}

/**
 * The page as the popup sees it: answers get-state with `state` (or fails while `reachable` is
 * false), applies set-mode like the content script does, and records every request.
 */
export class FakePage implements PageClient {
  sent: StateRequest[] = [];
  reachable = true;
  getStateCalls = 0;
  openedReader = 0;
  printedReader = 0;
  /** The page's HTML before NewsLens changed it, as the content script answers `page-html`. */
  html: string | null = '<!DOCTYPE html>\n<html><head></head><body><p>The page</p></body></html>';
  focused = 0;
  openedOptions = 0;
  private listeners = new Set<(state: PageSession) => void>();

  constructor(
    public state: PageSession,
    public url: string | null = 'https://ainews.example/news/spacex-google-nvidia',
  ) {}

  async getState() {
    this.getStateCalls += 1;
    if (!this.reachable) throw new Error('Could not establish connection. Receiving end does not exist.');
    return this.state;
  }

  async send(request: StateRequest) {
    if (!this.reachable) throw new Error('Could not establish connection. Receiving end does not exist.');
    this.sent.push(request);
    if (request.type === 'set-mode') this.state = { ...this.state, mode: request.mode };
    if (request.type === 'set-enabled') this.state = { ...this.state, status: request.enabled ? 'ready' : 'off' };
  }

  subscribe(listener: (state: PageSession) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The content script announcing a change made on the page itself. */
  announce(state: PageSession) {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }

  async pageUrl() {
    return this.url;
  }

  async openReaderTab(opts: { print?: boolean } = {}) {
    this.openedReader += 1;
    if (opts.print) this.printedReader += 1;
  }

  async pageHtml() {
    return this.reachable ? this.html : null;
  }

  async focusPage() {
    this.focused += 1;
  }

  async openOptions() {
    this.openedOptions += 1;
  }
}
