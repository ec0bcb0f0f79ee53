import { baseLanguage } from '@/engine/lang-tags';
import type { Translate } from './i18n';
import type { LanguageMode } from './protocol';

/**
 * The one way NewsLens names a language, on the page, in the popup and in options: in its own
 * language (English, Français, 中文, 日本語), so a reader finds theirs whatever the browser's UI
 * language. The script subtag is left out (zh-Hans → 中文): a page offers one of each language.
 */
export function languageName(tag: string): string {
  const base = baseLanguage(tag);
  let name = names.get(base);
  if (name === undefined) {
    name = ownName(base);
    names.set(base, name);
  }
  return name;
}

/** A mode as the switches name it: a language's own name, or "Both" in the UI language. */
export const modeName = (mode: LanguageMode, t: Translate): string => (mode === 'both' ? t('modeBoth') : languageName(mode));

/**
 * The names of the languages the engine detects (lang-tags.ts), as Intl.DisplayNames gives them
 * (a test checks each against it). Written out because a page's first Intl.DisplayNames loads its
 * locale data, each language's apart: measured in Chromium on the seed, asking for English and
 * Chinese was the content script's largest cost before the page was ready (70–370 ms while other
 * work ran). Other tags, which only a page's `lang` attribute brings, still ask Intl.
 */
export const OWN_NAMES: Readonly<Record<string, string>> = {
  en: 'English', zh: '中文', ja: '日本語', ko: '한국어', fr: 'Français', de: 'Deutsch', es: 'Español',
  pt: 'Português', it: 'Italiano', nl: 'Nederlands', pl: 'Polski', tr: 'Türkçe', vi: 'Tiếng Việt',
  id: 'Indonesia', ro: 'Română', sv: 'Svenska', cs: 'Čeština', hu: 'Magyar', ru: 'Русский',
  uk: 'Українська', ar: 'العربية', fa: 'فارسی', el: 'Ελληνικά', he: 'עברית', th: 'ไทย', hi: 'हिन्दी',
};

// Each other name is worked out once: building an Intl.DisplayNames takes tens of microseconds,
// and a long page's labels name the same language thousands of times.
const names = new Map<string, string>(Object.entries(OWN_NAMES));

/** The language's name in itself, from the browser's locale data. */
export function ownName(base: string): string {
  try {
    const name = new Intl.DisplayNames([base], { type: 'language' }).of(base) ?? base;
    // "français" stands alone as a name in a list or on a button, where it starts a sentence.
    return name.charAt(0).toLocaleUpperCase(base) + name.slice(1);
  } catch {
    return base;
  }
}
