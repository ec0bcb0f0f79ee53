import { createContext } from 'preact';
import type { ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { browserTranslate, type Translate, uiLanguage } from '../utils/i18n';

/**
 * The UI locale, provided from the top so that components never call `browser.i18n` themselves:
 * tests render both locales by passing a lookup over each `messages.json`.
 */
export interface Locale {
  t: Translate;
  /** BCP 47 tag of the UI language; picks which of a score's labels is shown. */
  lang: string;
}

const LocaleContext = createContext<Locale | null>(null);

export function LocaleProvider({ locale, children }: { locale: Locale; children: ComponentChildren }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useLocale(): Locale {
  const locale = useContext(LocaleContext);
  if (locale === null) throw new Error('useLocale needs a LocaleProvider above it');
  return locale;
}

export const browserLocale = (): Locale => ({ t: browserTranslate, lang: uiLanguage() });
