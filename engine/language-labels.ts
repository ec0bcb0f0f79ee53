/**
 * Lines that only name a language: the labels a bilingual page puts over each version
 * ("🇹🇼 中文版本", "🇺🇸 English Version", "Русский", "Deutsch / German", "한국어 설명"). Two such
 * labels over the two halves of a page name different languages, so they are not a translation of
 * each other, and a label is not the translation of a line that names no language; a label
 * translates only a label of the same language ("英文版本" and "English Version").
 */

/** Each language's names as pages label their sections with them: its own, English, Chinese, Japanese, Korean. */
const NAMES: Readonly<Record<string, readonly string[]>> = {
  en: ['english', 'anglais', 'englisch', 'inglés', 'ingles', 'inglês', 'inglese', 'английский', '英文', '英语', '英語', '영어'],
  zh: ['中文', '汉语', '漢語', '华语', '華語', '简体中文', '繁體中文', '繁体中文', 'chinese', 'chinois', 'chinesisch', '中国語', '중국어'],
  ja: ['日本語', '日本语', '日文', '日语', '日語', 'japanese', 'japonais', 'japanisch', '일본어'],
  ko: ['한국어', '한글', '韩文', '韓文', '韩语', '韓語', '韓国語', 'korean', 'coréen', 'koreanisch'],
  fr: ['français', 'francais', 'french', 'französisch', 'francés', '法文', '法语', '法語', 'フランス語', '프랑스어'],
  de: ['deutsch', 'german', 'allemand', 'alemán', 'alemão', 'tedesco', '德文', '德语', '德語', 'ドイツ語', '독일어'],
  es: ['español', 'espanol', 'spanish', 'espagnol', 'spanisch', 'espanhol', '西班牙文', '西班牙语', '西班牙語', 'スペイン語', '스페인어'],
  pt: ['português', 'portugues', 'portuguese', 'portugais', '葡萄牙文', '葡萄牙语', '葡萄牙語', 'ポルトガル語', '포르투갈어'],
  it: ['italiano', 'italian', 'italien', 'italienisch', '意大利文', '意大利语', 'イタリア語', '이탈리아어'],
  ru: ['русский', 'russian', 'russe', 'russisch', 'ruso', '俄文', '俄语', '俄語', 'ロシア語', '러시아어'],
  uk: ['українська', 'ukrainian', 'ukrainien', '乌克兰语', 'ウクライナ語', '우크라이나어'],
  vi: ['tiếng việt', 'vietnamese', 'vietnamien', '越南文', '越南语', '越南語', 'ベトナム語', '베트남어'],
};

/** Words a label adds to the name: "English Version", "中文版本", "한국어 설명", "Versión en español". */
const LABEL_WORDS = new Set(['version', 'versión', 'versão', 'versione', 'версия', 'версія', 'en', 'in', 'auf', 'translation', 'traduction', 'text', 'texte', 'description', 'simplified', 'traditional']);
const CJK_LABEL_WORDS = /(?:版本|版|버전|バージョン|설명|說明|说明|説明|翻译|翻譯|原文)$/u;

const byName = new Map<string, string>();
for (const [language, names] of Object.entries(NAMES)) for (const name of names) byName.set(name, language);

/** Flags, pictographs, punctuation and separators around and between the names. */
const NOISE = /(?:[\p{Extended_Pictographic}\p{Regional_Indicator}\p{P}\p{S}\d]|\uFE0F|\u200D)+/gu;
/** A label is a few words: a sentence that mentions a language ("English follows Chinese") is not. */
const MAX_WORDS = 4;
/** Longer than this (flags and rules around four words included), a line is no label: not read further. */
const MAX_LABEL_CHARS = 160;

/**
 * The languages a line names when it names nothing else (a section label), or null for any other
 * line. "Deutsch / German:" names one language; a switcher "English | 中文" names two.
 */
export function namedLanguages(text: string): ReadonlySet<string> | null {
  if (text.length > MAX_LABEL_CHARS) return null;
  const words = text.toLowerCase().replace(NOISE, ' ').trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0 || words.length > MAX_WORDS) return null;
  const named = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    // Two-word names ("tiếng việt").
    const two = `${word} ${words[i + 1] ?? ''}`;
    const bare = word.replace(CJK_LABEL_WORDS, '');
    const language = byName.get(word) ?? byName.get(bare);
    if (byName.has(two)) {
      named.add(byName.get(two) as string);
      i++;
    } else if (language !== undefined) named.add(language);
    else if (!LABEL_WORDS.has(word) && bare !== '') return null;
  }
  return named.size > 0 ? named : null;
}

/**
 * Whether two lines may translate each other as far as the languages they name go: a language
 * label translates only a label naming the same one language.
 */
export function labelsAgree(x: string, y: string): boolean {
  const nx = namedLanguages(x);
  const ny = namedLanguages(y);
  if (nx === null && ny === null) return true;
  if (nx === null || ny === null || nx.size !== 1 || ny.size !== 1) return false;
  return [...nx][0] === [...ny][0];
}
