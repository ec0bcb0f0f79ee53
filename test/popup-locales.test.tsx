import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserTranslate, uiLanguage } from '../utils/i18n';
import { catalogs, EN, ZH } from './popup-support';

afterEach(() => {
  vi.restoreAllMocks();
});

const placeholdersOf = (message: string) => [...message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((match) => match[1]?.toLowerCase()).sort();

describe('_locales', () => {
  it('gives every English message a Chinese one with the same placeholders', () => {
    const english = Object.entries(catalogs.en);
    expect(Object.keys(catalogs.zh_CN).sort()).toEqual(english.map(([key]) => key).sort());
    for (const [key, entry] of english) {
      const chinese = catalogs.zh_CN[key as keyof typeof catalogs.zh_CN];
      expect(chinese.message.trim(), key).not.toBe('');
      expect(placeholdersOf(chinese.message), key).toEqual(placeholdersOf(entry.message));
      for (const name of placeholdersOf(entry.message)) {
        expect(Object.keys('placeholders' in entry ? entry.placeholders : {}), key).toContain(name);
      }
    }
  });

  it('uses names Chrome and Firefox accept', () => {
    for (const key of Object.keys(catalogs.en)) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
  });

  it('fills placeholders', () => {
    expect(EN.t('flagDuplicates', '3')).toBe('Duplicates collapsed: 3');
    expect(ZH.t('optRemove', 'example.com')).toBe('移除 example.com');
  });
});

describe('browserTranslate', () => {
  it('asks the browser, which picks the locale', () => {
    const getMessage = vi
      .spyOn(fakeBrowser.i18n, 'getMessage')
      .mockImplementation((name: string, substitutions?: string | (string | number)[]) => `${name}:${String(substitutions)}`);
    expect(browserTranslate('flagTruncated', '2')).toBe('flagTruncated:2');
    expect(getMessage).toHaveBeenCalledWith('flagTruncated', '2');
  });

  it('shows the key rather than nothing when a message is missing', () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('');
    expect(browserTranslate('modeBoth')).toBe('modeBoth');
  });

  it('reads the UI language from the browser', () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('zh-CN');
    expect(uiLanguage()).toBe('zh-CN');
  });
});
