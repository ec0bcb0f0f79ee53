import { localItem } from './local-item';
import type { LanguageMode } from './protocol';

/**
 * User settings and per-site language modes, as items of local storage (local-item.ts).
 *
 * Storage is shared with every page the user visits through the content script, and older or
 * hand-edited values can be anything, so every read goes through `parseSettings` /
 * `parseSiteModes`: a field that is missing, of the wrong type or malformed falls back to its
 * default, one field at a time, and nothing read from storage is trusted further.
 *
 * Both items live in `local` storage: the per-site list can outgrow `sync`'s 8 KB per-item quota.
 */

export interface Settings {
  /**
   * Language shown when the page has no remembered mode: `both`, or a BCP 47 tag compared by base
   * language (`zh` matches a page's `zh-Hans`). A page without that language shows both.
   */
  defaultMode: LanguageMode;
  /** Hide duplicate paragraphs on the page as soon as it is analysed. */
  autoCollapse: boolean;
  /** Show the floating language switch on pages. */
  showControl: boolean;
  /** Host names where NewsLens stays off; an entry also covers its subdomains. */
  disabledSites: string[];
  /** Host names where the reader folded the on-page switch. */
  foldedSwitchSites: string[];
}

/** Remembered language mode per host name. */
export type SiteModes = Record<string, LanguageMode>;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  defaultMode: 'both',
  autoCollapse: true,
  showControl: true,
  disabledSites: [],
  foldedSwitchSites: [],
});

/** Caps keep a runaway or hostile value from making every page load slow. */
const MAX_SITES = 1000;
const MAX_SITE_MODES = 5000;

const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
const IPV6_HOST = /^\[[0-9a-f:.]+\]$/;

export const isLanguageMode = (value: unknown): value is LanguageMode =>
  typeof value === 'string' && (value === 'both' || (value.length <= 35 && LANGUAGE_TAG.test(value)));

export const isHostName = (value: unknown): value is string =>
  typeof value === 'string' && (HOST_NAME.test(value) || IPV6_HOST.test(value));

/**
 * The host name a user means by what they typed: a bare host (`example.com`) or any URL.
 * Null when it names no host.
 */
export function hostOf(input: string): string | null {
  const trimmed = input.trim().toLowerCase();
  if (trimmed === '') return null;
  try {
    const host = new URL(trimmed.includes('://') ? trimmed : `https://${trimmed}`).hostname;
    return isHostName(host) ? host : null;
  } catch {
    return null;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function parseSettings(raw: unknown): Settings {
  const value = isRecord(raw) ? raw : {};
  const sites = Array.isArray(value.disabledSites) ? value.disabledSites : [];
  return {
    defaultMode: isLanguageMode(value.defaultMode) ? value.defaultMode : DEFAULT_SETTINGS.defaultMode,
    autoCollapse: typeof value.autoCollapse === 'boolean' ? value.autoCollapse : DEFAULT_SETTINGS.autoCollapse,
    showControl: typeof value.showControl === 'boolean' ? value.showControl : DEFAULT_SETTINGS.showControl,
    disabledSites: [...new Set(sites.filter(isHostName))].slice(0, MAX_SITES),
    foldedSwitchSites: [...new Set((Array.isArray(value.foldedSwitchSites) ? value.foldedSwitchSites : []).filter(isHostName))].slice(0, MAX_SITES),
  };
}

export function parseSiteModes(raw: unknown): SiteModes {
  if (!isRecord(raw)) return {};
  const entries = Object.entries(raw).filter(
    (entry): entry is [string, LanguageMode] => isHostName(entry[0]) && isLanguageMode(entry[1]),
  );
  // The host-name check refuses `__proto__`, and fromEntries defines own properties anyway, so a
  // stored key can never reach the prototype.
  return Object.fromEntries(entries.slice(0, MAX_SITE_MODES));
}

export const settingsItem = localItem<Settings>('settings', DEFAULT_SETTINGS);

export const siteModesItem = localItem<SiteModes>('siteModes', {});

export const getSettings = async (): Promise<Settings> => parseSettings(await settingsItem.getValue());

export const saveSettings = (settings: Settings): Promise<void> => settingsItem.setValue(parseSettings(settings));

/** Calls back with validated settings on every change (from any context). */
export const watchSettings = (callback: (settings: Settings) => void): (() => void) =>
  settingsItem.watch((value) => callback(parseSettings(value)));

export const getSiteModes = async (): Promise<SiteModes> => parseSiteModes(await siteModesItem.getValue());

export const watchSiteModes = (callback: (modes: SiteModes) => void): (() => void) =>
  siteModesItem.watch((value) => callback(parseSiteModes(value)));

export async function setSiteMode(host: string, mode: LanguageMode): Promise<void> {
  if (!isHostName(host) || !isLanguageMode(mode)) return;
  await siteModesItem.setValue({ ...(await getSiteModes()), [host]: mode });
}

export async function forgetSiteMode(host: string): Promise<void> {
  const modes = await getSiteModes();
  await siteModesItem.setValue(Object.fromEntries(Object.entries(modes).filter(([key]) => key !== host)));
}

const covers = (site: string, host: string): boolean => host === site || host.endsWith(`.${site}`);

/** The entry of `disabledSites` that covers `host` (itself or a parent domain), if any. */
export const disabledEntryFor = (settings: Settings, host: string): string | undefined =>
  settings.disabledSites.find((site) => covers(site, host));

/**
 * Turns NewsLens off or on for `host`. Turning on removes every entry that covers the host, a
 * parent domain included: the user asked for this page, and a partial exception list is more
 * than the options page can show plainly.
 */
export async function setSiteDisabled(host: string, disabled: boolean): Promise<void> {
  if (!isHostName(host)) return;
  const settings = await getSettings();
  const covered = disabledEntryFor(settings, host) !== undefined;
  if (disabled === covered) return;
  const disabledSites = disabled
    ? [...settings.disabledSites, host]
    : settings.disabledSites.filter((site) => !covers(site, host));
  await saveSettings({ ...settings, disabledSites });
}

const baseOf = (tag: string): string => (tag.split('-')[0] ?? tag).toLowerCase();

/**
 * The mode a page opens in: the site's remembered mode, else the default, else `both`, each only
 * when the page offers it (`offered` are the page's modes; a tag matches by base language).
 */
export function resolveMode(offered: readonly LanguageMode[], siteMode: LanguageMode | undefined, defaultMode: LanguageMode): LanguageMode {
  for (const wanted of [siteMode, defaultMode]) {
    if (wanted === undefined) continue;
    const match = offered.find((mode) => mode === wanted || (wanted !== 'both' && mode !== 'both' && baseOf(mode) === baseOf(wanted)));
    if (match !== undefined) return match;
  }
  return 'both';
}

/** Remembers whether the reader folded the on-page switch on `host`. */
export async function setSwitchFolded(host: string, folded: boolean): Promise<void> {
  if (!isHostName(host)) return;
  const settings = await getSettings();
  if (settings.foldedSwitchSites.includes(host) === folded) return;
  const foldedSwitchSites = folded ? [...settings.foldedSwitchSites, host] : settings.foldedSwitchSites.filter((site) => site !== host);
  await saveSettings({ ...settings, foldedSwitchSites });
}

/** The reader's look (popup and reader tab): its text size and its theme, remembered for every page. */
export type ReaderTheme = 'auto' | 'light' | 'dark';

export interface ReaderPrefs {
  /** A factor on the reader's text size, one of `TEXT_SCALES`. */
  textScale: number;
  /** `auto` follows the system's colour scheme. */
  theme: ReaderTheme;
}

/** The sizes the reader steps through, from a little smaller than the page's to large print. */
export const TEXT_SCALES: readonly number[] = [0.85, 1, 1.15, 1.3, 1.5, 1.75];
const THEMES: readonly ReaderTheme[] = ['auto', 'light', 'dark'];

export const DEFAULT_READER_PREFS: Readonly<ReaderPrefs> = Object.freeze({ textScale: 1, theme: 'auto' });

export function parseReaderPrefs(raw: unknown): ReaderPrefs {
  const value = isRecord(raw) ? raw : {};
  return {
    textScale: TEXT_SCALES.includes(value.textScale as number) ? (value.textScale as number) : DEFAULT_READER_PREFS.textScale,
    theme: THEMES.includes(value.theme as ReaderTheme) ? (value.theme as ReaderTheme) : DEFAULT_READER_PREFS.theme,
  };
}

export const readerPrefsItem = localItem<ReaderPrefs>('readerPrefs', DEFAULT_READER_PREFS);

export const getReaderPrefs = async (): Promise<ReaderPrefs> => parseReaderPrefs(await readerPrefsItem.getValue());

export const saveReaderPrefs = (prefs: ReaderPrefs): Promise<void> => readerPrefsItem.setValue(parseReaderPrefs(prefs));

export const watchReaderPrefs = (callback: (prefs: ReaderPrefs) => void): (() => void) =>
  readerPrefsItem.watch((value) => callback(parseReaderPrefs(value)));

/** The next size up (`step` 1) or down (-1) from `scale`, staying within `TEXT_SCALES`. */
export function stepTextScale(scale: number, step: 1 | -1): number {
  const at = Math.max(0, TEXT_SCALES.indexOf(scale));
  return TEXT_SCALES[Math.min(TEXT_SCALES.length - 1, Math.max(0, at + step))] ?? 1;
}
