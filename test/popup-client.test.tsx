import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkedSession, isReadableUrl, tabClient, tabIdFromSearch } from '../components/page-client';
import type { PageSession } from '../utils/protocol';
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

describe('checkedSession', () => {
  it('accepts the sessions the background serves', () => {
    const seed = pageState(loadReport('seed'));
    expect(checkedSession(seed)).toEqual(seed);
    expect(checkedSession(pageState(null, { status: 'analysing' }))).toEqual(pageState(null, { status: 'analysing' }));
  });

  it('refuses what is not a session', () => {
    const good = pageState(null);
    for (const bad of [undefined, null, 'ready', { ...good, status: 'done' }, { ...good, modes: 'en' }, { ...good, error: 1 }]) {
      expect(checkedSession(bad)).toBeNull();
    }
  });

  it('shows a report that breaks the contract as an error, never half rendered', () => {
    const report = { ...loadReport('seed'), tags: 'chips' };
    const checked = checkedSession({ ...pageState(null), report });
    expect(checked?.status).toBe('error');
    expect(checked?.report).toBeNull();
    expect(checked?.error).toContain('tags');
  });
});

/** The background's answers, in order. The spy's type follows sendMessage's last overload, hence the cast. */
const backgroundAnswers = (...replies: unknown[]) =>
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async () => replies.shift()) as never);

/** A stand-in for runtime.connect's port, which fakeBrowser does not have. */
function fakePort() {
  const listeners: ((message: unknown) => void)[] = [];
  const port = { name: '', disconnected: false, onMessage: { addListener: (f: (message: unknown) => void) => listeners.push(f) }, disconnect: () => (port.disconnected = true) };
  const connect = vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(((info: { name: string }) => {
    port.name = info.name;
    return port;
  }) as never);
  return {
    port,
    connect,
    post: (message: unknown) => {
      for (const f of listeners) f(message);
    },
  };
}

describe('tabClient', () => {
  it("asks the background for the tab's session, and refuses a malformed answer", async () => {
    const session = pageState(loadReport('seed'));
    const ask = backgroundAnswers(session, { status: 'done' });
    const client = tabClient(7);
    expect(await client.getState()).toEqual(session);
    expect(ask).toHaveBeenCalledWith({ type: 'get-session', tabId: 7 });
    await expect(client.getState()).rejects.toThrow();
  });

  it('rejects when the tab has no content script', async () => {
    backgroundAnswers(null);
    await expect(tabClient(7).getState()).rejects.toThrow('No content script');
  });

  it('sends requests for the page through the background', async () => {
    const ask = backgroundAnswers(pageState(null, { mode: 'en' }));
    await tabClient(7).send({ type: 'set-mode', mode: 'en' });
    expect(ask).toHaveBeenCalledWith({ type: 'to-page', tabId: 7, request: { type: 'set-mode', mode: 'en' } });
  });

  it('hears every session its port brings, checked, until it unsubscribes', () => {
    const { port, connect, post } = fakePort();
    const heard: PageSession[] = [];
    const unsubscribe = tabClient(7).subscribe((session) => heard.push(session));
    expect(connect).toHaveBeenCalledWith({ name: 'session:7' });
    const session = pageState(loadReport('seed'), { mode: 'en' });
    post({ type: 'session', session });
    post({ type: 'session', session: { status: 'bogus' } });
    post({ type: 'other', session });
    expect(heard).toEqual([session]);
    unsubscribe();
    expect(port.disconnected).toBe(true);
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
