import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  disabledEntryFor,
  forgetSiteMode,
  getSettings,
  getSiteModes,
  hostOf,
  parseSettings,
  parseSiteModes,
  resolveMode,
  saveSettings,
  setSiteDisabled,
  setSiteMode,
  watchSettings,
  watchSiteModes,
} from '../utils/settings';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('parseSettings', () => {
  it('returns the defaults for anything that is not an object', () => {
    for (const raw of [null, undefined, 42, 'both', [], true]) {
      expect(parseSettings(raw)).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('keeps valid fields and replaces each invalid one by its default', () => {
    expect(
      parseSettings({ defaultMode: 'zh-Hans', autoCollapse: 'yes', showControl: false, disabledSites: 'example.com' }),
    ).toEqual({ defaultMode: 'zh-Hans', autoCollapse: true, showControl: false, disabledSites: [], foldedSwitchSites: [] });
  });

  it('refuses modes that are not `both` or a language tag', () => {
    for (const defaultMode of ['', 'first', 'zh_CN', '<script>', 'x'.repeat(40), 7]) {
      expect(parseSettings({ defaultMode }).defaultMode).toBe('both');
    }
    expect(parseSettings({ defaultMode: 'en' }).defaultMode).toBe('en');
  });

  it('keeps only host names in disabledSites, each once', () => {
    const disabledSites = ['example.com', 'https://evil.example/', 'news.example.com', 'example.com', 42, '__proto__', '[::1]', 'a b'];
    expect(parseSettings({ disabledSites }).disabledSites).toEqual(['example.com', 'news.example.com', '[::1]']);
  });

  it('caps a huge list', () => {
    const disabledSites = Array.from({ length: 5000 }, (_, i) => `site${i}.example`);
    expect(parseSettings({ disabledSites }).disabledSites).toHaveLength(1000);
  });
});

describe('parseSiteModes', () => {
  it('drops entries with a bad host or mode', () => {
    const raw = JSON.parse('{"example.com":"en","__proto__":"zh","news.example":"both","bad host":"en","x.example":3,"y.example":"nope!"}');
    const modes = parseSiteModes(raw);
    expect(modes).toEqual({ 'example.com': 'en', 'news.example': 'both' });
    expect(Object.getPrototypeOf(modes)).toBe(Object.prototype);
  });

  it('refuses a mode that would break out of the page sheet\'s attribute selectors', () => {
    expect(parseSiteModes({ 'example.com': 'en"] , * { display: none } [x="' })).toEqual({});
  });

  it('caps a huge record', () => {
    const raw = Object.fromEntries(Array.from({ length: 6000 }, (_, i) => [`site${i}.example`, 'en']));
    expect(Object.keys(parseSiteModes(raw))).toHaveLength(5000);
  });

  it('returns an empty record for a non-object', () => {
    expect(parseSiteModes(['en'])).toEqual({});
    expect(parseSiteModes('en')).toEqual({});
  });
});

describe('hostOf', () => {
  it('reads the host from a bare name or a URL', () => {
    expect(hostOf(' Example.COM ')).toBe('example.com');
    expect(hostOf('https://news.example.com/a?b=c')).toBe('news.example.com');
    expect(hostOf('example.com/path')).toBe('example.com');
  });

  it('returns null for text that names no host', () => {
    expect(hostOf('')).toBeNull();
    expect(hostOf('not a host')).toBeNull();
    expect(hostOf('http://')).toBeNull();
  });
});

describe('storage', () => {
  it('falls back to the defaults when nothing is stored', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await getSiteModes()).toEqual({});
  });

  it('repairs a corrupted stored value on read', async () => {
    await fakeBrowser.storage.local.set({ settings: { defaultMode: 12, autoCollapse: false, disabledSites: ['ok.example', {}] } });
    expect(await getSettings()).toEqual({ ...DEFAULT_SETTINGS, autoCollapse: false, disabledSites: ['ok.example'] });
    await fakeBrowser.storage.local.set({ settings: 'garbage', siteModes: 'garbage' });
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await getSiteModes()).toEqual({});
  });

  it('hands watchers validated values when another context stores garbage', async () => {
    const settings: unknown[] = [];
    const modes: unknown[] = [];
    const unwatch = [watchSettings((value) => settings.push(value)), watchSiteModes((value) => modes.push(value))];
    await fakeBrowser.storage.local.set({
      settings: { defaultMode: '<img src=x>', showControl: 'no', disabledSites: ['ok.example', 'javascript:alert(1)'] },
      siteModes: { 'ok.example': 'zh-Hant', 'bad host': 'en', 'x.example': { toString: 'en' } },
    });
    expect(settings).toEqual([{ ...DEFAULT_SETTINGS, disabledSites: ['ok.example'] }]);
    expect(modes).toEqual([{ 'ok.example': 'zh-Hant' }]);
    for (const stop of unwatch) stop();
  });

  it('saves validated settings and tells watchers', async () => {
    const seen: unknown[] = [];
    const unwatch = watchSettings((settings) => seen.push(settings));
    await saveSettings({ ...DEFAULT_SETTINGS, showControl: false, disabledSites: ['a.example', 'not a host'] });
    expect(await getSettings()).toEqual({ ...DEFAULT_SETTINGS, showControl: false, disabledSites: ['a.example'] });
    expect(seen).toEqual([{ ...DEFAULT_SETTINGS, showControl: false, disabledSites: ['a.example'] }]);
    unwatch();
  });

  it('remembers and forgets a mode per site', async () => {
    await setSiteMode('example.com', 'zh-Hans');
    await setSiteMode('other.example', 'both');
    await setSiteMode('bad host', 'en');
    expect(await getSiteModes()).toEqual({ 'example.com': 'zh-Hans', 'other.example': 'both' });
    await forgetSiteMode('example.com');
    expect(await getSiteModes()).toEqual({ 'other.example': 'both' });
  });

  it('turns a site off and on again, covering subdomains', async () => {
    await setSiteDisabled('example.com', true);
    let settings = await getSettings();
    expect(disabledEntryFor(settings, 'news.example.com')).toBe('example.com');
    expect(disabledEntryFor(settings, 'badexample.com')).toBeUndefined();

    await setSiteDisabled('news.example.com', true);
    expect((await getSettings()).disabledSites).toEqual(['example.com']);

    await setSiteDisabled('news.example.com', false);
    settings = await getSettings();
    expect(settings.disabledSites).toEqual([]);
  });
});

describe('resolveMode', () => {
  const offered = ['en', 'zh-Hans', 'both'];

  it('prefers the remembered site mode, then the default, each by base language', () => {
    expect(resolveMode(offered, 'zh', 'en')).toBe('zh-Hans');
    expect(resolveMode(offered, undefined, 'en')).toBe('en');
    expect(resolveMode(offered, 'fr', 'zh')).toBe('zh-Hans');
    expect(resolveMode(offered, 'both', 'en')).toBe('both');
  });

  it('shows both when the page offers neither', () => {
    expect(resolveMode(offered, 'fr', 'ja')).toBe('both');
    expect(resolveMode([], 'en', 'en')).toBe('both');
  });
});
