/** `zh-Hans` → `zh`: pages and scores mix script-specific and plain tags for one language. */
export const baseLanguage = (tag: string): string => (tag.split('-')[0] ?? tag).toLowerCase();

export const sameLanguage = (a: string, b: string): boolean => baseLanguage(a) === baseLanguage(b);

/** A language's own name (English, 简体中文): the switch names each language the way its readers do. */
export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

