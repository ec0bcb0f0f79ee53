import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isReadableUrl, isTabState, tabClient, tabIdFromSearch } from '../components/page-client';
import { summaryOf } from '../engine/model';
import type { PageState, TabState } from '../utils/protocol';
import { loadReport, pageState } from './popup-support';

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('isReadableUrl', () => {
  it('accepts web pages', () => {
    expect(isReadableUrl('https://ainews.example/news/1')).toBe(true);
    expect(isReadableUrl('http://127.0.0.1:8080/page.html')).toBe(true);
    expect(isReadableUrl('https://chrome.google.com/search')).toBe(true);
  });

  it('refuses browser pages, stores, local files and junk', () => {
    for (const url of [
      'chrome://newtab/',
      'about:blank',
      'moz-extension://abc/popup.html',
      'file:///home/a.html',
      'view-source:https://example.com/',
      'https://chromewebstore.google.com/detail/abc',
      'https://chrome.google.com/webstore/detail/abc',
      'https://addons.mozilla.org/en-US/firefox/',
      'not a url',
    ]) {
      expect(isReadableUrl(url), url).toBe(false);
    }
  });
});

describe('tabIdFromSearch', () => {
  it('reads a tab id from the query', () => {
    expect(tabIdFromSearch('?tab=42')).toBe(42);
    expect(tabIdFromSearch('?x=1&tab=0')).toBe(0);
  });

  it('refuses a missing or malformed id', () => {
    for (const search of ['', '?tab=', '?tab=-1', '?tab=1e3', '?tab=abc', '?tab=12345678901']) expect(tabIdFromSearch(search), search).toBeNull();
  });
});

/** What the content script says of a page in `state`: the report stays in the background. */
const tabState = ({ report, ...state }: PageState): TabState => ({ ...state, summary: report && summaryOf(report) });

describe('isTabState', () => {
  it('accepts the states the content script sends', () => {
    expect(isTabState(tabState(pageState(loadReport('seed'))))).toBe(true);
    expect(isTabState(tabState(pageState(null, { status: 'analysing' })))).toBe(true);
  });

  it('refuses anything else', () => {
    const good = tabState(pageState(null));
    for (const bad of [undefined, null, 'ready', { ...good, status: 'done' }, { ...good, modes: 'en' }, { ...good, summary: 'x' }, { ...good, error: 1 }]) {
      expect(isTabState(bad)).toBe(false);
    }
  });
});

/**
 * Makes the tab answer each message with the next reply (an Error rejects). The spy's type follows
 * sendMessage's last overload (callback, void), hence the cast.
 */
function tabAnswers(...replies: unknown[]) {
  return vi
    .spyOn(fakeBrowser.tabs, 'sendMessage')
    .mockImplementation((async () => {
      const reply = replies.shift();
      if (reply instanceof Error) throw reply;
      return reply;
    }) as never);
}

/** The background's answer to the report a popup asks for. */
const backgroundKeeps = (report: unknown) => vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async () => report) as never);

const noReply = () => {};

describe('tabClient', () => {
  it('asks the tab for its state, and the background for its report, and refuses a malformed answer', async () => {
    const state = pageState(loadReport('seed'));
    const send = tabAnswers(tabState(state), undefined);
    const ask = backgroundKeeps(state.report);
    const client = tabClient(7);
    expect(await client.getState()).toEqual(state);
    expect(send).toHaveBeenCalledWith(7, { type: 'get-state' });
    expect(ask).toHaveBeenCalledWith({ type: 'get-report', tabId: 7 });
    await expect(client.getState()).rejects.toThrow();
  });

  it('rejects when the tab has no content script', async () => {
    tabAnswers(new Error('Receiving end does not exist.'));
    await expect(tabClient(7).getState()).rejects.toThrow('Receiving end does not exist.');
  });

  it('hears the states its own tab announces, and only those', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://ainews.example/a' });
    const other = await fakeBrowser.tabs.create({ url: 'https://other.example/b' });
    const heard: PageState[] = [];
    const unsubscribe = tabClient(tab.id ?? -1).subscribe((state) => heard.push(state));
    const state = pageState(loadReport('seed'), { mode: 'en' });
    backgroundKeeps(state.report);
    const announce = async (message: unknown, from: typeof tab) => {
      await fakeBrowser.runtime.onMessage.trigger(message, { tab: from }, noReply);
      await new Promise((resolve) => setTimeout(resolve));
    };
    await announce({ type: 'page-state', state: tabState(state) }, other);
    await announce({ type: 'page-state', state: { status: 'bogus' } }, tab);
    await announce({ type: 'page-state', state: tabState(state) }, tab);
    expect(heard).toEqual([state]);
    unsubscribe();
    await announce({ type: 'page-state', state: tabState(state) }, tab);
    expect(heard).toHaveLength(1);
  });

  it('opens the reader page for its tab', async () => {
    await tabClient(7).openReaderTab();
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((tab) => tab.url)).toContain(fakeBrowser.runtime.getURL('/reader.html?tab=7'));
  });

  it('reads the tab address when the browser gives it', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://ainews.example/a' });
    expect(await tabClient(tab.id ?? -1).pageUrl()).toBe('https://ainews.example/a');
    expect(await tabClient(999).pageUrl()).toBeNull();
  });
});
