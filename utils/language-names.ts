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

// Each name is worked out once: building an Intl.DisplayNames takes tens of microseconds (and its
// locale data the first time), and a long page's labels name the same language thousands of times.
const names = new Map<string, string>();

function ownName(base: string): string {
  try {
    const name = new Intl.DisplayNames([base], { type: 'language' }).of(base) ?? base;
    // "français" stands alone as a name in a list or on a button, where it starts a sentence.
    return name.charAt(0).toLocaleUpperCase(base) + name.slice(1);
  } catch {
    return base;
  }
}
