import { languageName } from '@/utils/language-names';
import { baseLanguage } from '@/engine/lang-tags';
import type { LanguageMode } from '@/utils/protocol';

const LATIN = /^[\p{Script=Latin}\s]+$/u;

/**
 * How the switch names a mode: a Latin-script language by its code ("EN", "FR"), any other by its
 * own name ("中文", "日本語"), as bilingual sites label their language links. Script subtags
 * (zh-Hans) are left out: a page offers one of each language.
 */
export function modeName(mode: LanguageMode): string {
  let name = names.get(mode);
  if (name === undefined) {
    name = nameOf(mode);
    names.set(mode, name);
  }
  return name;
}

// Each name is worked out once: building an Intl.DisplayNames takes tens of microseconds (and its
// locale data the first time), and a long page's labels name the same language thousands of times.
const names = new Map<LanguageMode, string>();

function nameOf(mode: LanguageMode): string {
  if (mode === 'both') return 'Both';
  const base = baseLanguage(mode);
  const own = languageName(base);
  return LATIN.test(own) ? base.toUpperCase() : own;
}
