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
