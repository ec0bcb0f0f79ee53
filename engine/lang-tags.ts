/**
 * Language tags, with no language detection behind them: the helpers the content script and the
 * popup need, apart from `languages.ts` so that franc's trigram tables and the Han tables stay out
 * of their bundles.
 */

/** 'zh-Hans' → 'zh', 'en-US' → 'en'; 'und' stays 'und'. Pages and scores mix both forms of one language. */
export function baseLanguage(tag: string): string {
  const dash = tag.indexOf('-');
  return (dash < 0 ? tag : tag.slice(0, dash)).toLowerCase();
}

export const sameLanguage = (a: string, b: string): boolean => baseLanguage(a) === baseLanguage(b);

/**
 * Every language `detectLanguage` can name, by base tag (`zh` covers zh-Hans and zh-Hant): the
 * languages a page's switch may offer, and so the ones a reader may choose in advance.
 */
export const DETECTABLE_LANGUAGES: readonly string[] = [
  'en', 'zh', 'ja', 'ko', 'fr', 'de', 'es', 'pt', 'it', 'nl', 'pl', 'tr', 'vi', 'id', 'ro', 'sv', 'cs', 'hu',
  'ru', 'uk', 'ar', 'fa', 'el', 'he', 'th', 'hi',
];
