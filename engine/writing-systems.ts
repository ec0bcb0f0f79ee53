/**
 * The one table of writing systems: which script a character belongs to, which scripts are CJK
 * (written without spaces between words, or in syllable blocks), and how long a CJK text is in
 * Latin characters. Every analyser and the content script read it from here, so that a range or
 * a weight is never written twice.
 */

/** The writing system of one code point. */
export type WritingScript =
  | 'han'
  | 'hiragana'
  | 'katakana'
  | 'hangul'
  | 'latin'
  | 'cyrillic'
  | 'arabic'
  | 'greek'
  | 'hebrew'
  | 'thai'
  | 'devanagari'
  | null;

/** The script of a code point, or null for digits, punctuation, symbols and other scripts. */
export function scriptOf(cp: number): WritingScript {
  if (cp < 0x80) {
    return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) ? 'latin' : null;
  }
  if (cp < 0x0250) {
    // Latin-1 Supplement and Latin Extended-A/B letters, without × and ÷.
    return cp >= 0xc0 && cp !== 0xd7 && cp !== 0xf7 ? 'latin' : null;
  }
  if (cp >= 0x4e00 && cp <= 0x9fff) return 'han';
  if (cp >= 0x0370 && cp <= 0x03ff) return 'greek';
  if (cp >= 0x0400 && cp <= 0x052f) return 'cyrillic';
  if (cp >= 0x0590 && cp <= 0x05ff) return 'hebrew';
  if (cp >= 0x0600 && cp <= 0x06ff) {
    // Arabic digits and punctuation are not letters.
    return (cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06f0 && cp <= 0x06f9) || cp === 0x060c || cp === 0x061b || cp === 0x061f || cp === 0x06d4
      ? null
      : 'arabic';
  }
  if (cp >= 0x0750 && cp <= 0x077f) return 'arabic';
  if (cp >= 0x0900 && cp <= 0x097f) return cp >= 0x0966 && cp <= 0x096f ? null : 'devanagari';
  if (cp >= 0x0e00 && cp <= 0x0e7f) return 'thai';
  if (cp >= 0x1100 && cp <= 0x11ff) return 'hangul';
  if (cp >= 0x1e00 && cp <= 0x1eff) return 'latin';
  if (cp >= 0x2e80 && cp <= 0x2fdf) return 'han';
  // 々 (iteration mark), 〇 (ideographic zero) and the Hangzhou numerals are Han in Unicode.
  if (cp === 0x3005 || cp === 0x3007 || (cp >= 0x3021 && cp <= 0x3029)) return 'han';
  if (cp >= 0x3040 && cp <= 0x309f) return cp >= 0x3041 && cp <= 0x309f && cp !== 0x309b && cp !== 0x309c ? 'hiragana' : null;
  // U+30FB (katakana middle dot) separates names in Chinese too (埃隆・马斯克): punctuation.
  if (cp >= 0x30a0 && cp <= 0x30ff) return cp === 0x30a0 || cp === 0x30fb ? null : 'katakana';
  if (cp >= 0x3130 && cp <= 0x318f) return 'hangul';
  if (cp >= 0x31f0 && cp <= 0x31ff) return 'katakana';
  if (cp >= 0x3400 && cp <= 0x4dbf) return 'han';
  if (cp >= 0xac00 && cp <= 0xd7af) return 'hangul';
  if (cp >= 0xf900 && cp <= 0xfaff) return 'han';
  if (cp >= 0xfb50 && cp <= 0xfdff) return 'arabic';
  if (cp >= 0xfe70 && cp <= 0xfefc) return 'arabic';
  if (cp >= 0xff21 && cp <= 0xff3a) return 'latin';
  if (cp >= 0xff41 && cp <= 0xff5a) return 'latin';
  if (cp >= 0xff66 && cp <= 0xff9d) return 'katakana';
  if (cp >= 0xffa0 && cp <= 0xffdc) return 'hangul';
  if (cp >= 0x20000 && cp <= 0x3134f) return 'han';
  return null;
}

/** First Hangul syllable (가) and the count of finals and of medial-final combinations per initial. */
const HANGUL_SYLLABLES = 0xac00;
const HANGUL_LAST = 0xd7a3;
const HANGUL_FINALS = 28;
const HANGUL_PER_INITIAL = 588;

/**
 * A Hangul syllable's initial consonant (0–18, ㄱ … ㅎ) and final consonant (0 for none, 1–27,
 * ㄱ … ㅎ), by Unicode's composition formula; null for other code points.
 */
export function hangulConsonants(cp: number): [number, number] | null {
  if (cp < HANGUL_SYLLABLES || cp > HANGUL_LAST) return null;
  const index = cp - HANGUL_SYLLABLES;
  return [Math.floor(index / HANGUL_PER_INITIAL), index % HANGUL_FINALS];
}

/** A katakana letter's place from ァ (U+30A1) to ヺ (U+30FA), or -1. */
export function katakanaPlace(cp: number): number {
  return cp >= 0x30a1 && cp <= 0x30fa ? cp - 0x30a1 : -1;
}

/**
 * The Latin letters of scriptOf as the body of a regular-expression character class. Expressions
 * that need "not next to a Latin letter" and case-insensitive matching use it without the `u` flag:
 * V8 builds case-folded Unicode sets for `\p{Script=Latin}` under /iu, 10–20 ms per expression on
 * its first use, which a reader pays on the first page after the browser wakes NewsLens.
 */
export const LATIN_LETTER_CLASS = 'A-Za-z\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f\\u1e00-\\u1eff\\uff21-\\uff3a\\uff41-\\uff5a';

/** Letters of the alphabets that inflect a word by its ending: Latin, Greek and Cyrillic (as scriptOf). */
export const ALPHABET_LETTER_CLASS = `${LATIN_LETTER_CLASS}\\u0370-\\u03ff\\u0400-\\u052f`;

/**
 * Letters and their marks in the scripts NewsLens reads words in, as ranges (a regex class body):
 * alphabets with combining accents, Hebrew, Arabic, the Indic scripts, Thai, Lao, Myanmar,
 * Khmer, kana, Hangul and Han, without their stops and digits. A word boundary built on it costs
 * V8 nothing to build, where `\p{L}` costs a set of several hundred ranges in every pattern.
 */
export const WORD_LETTER_CLASS = `${ALPHABET_LETTER_CLASS}\\u0300-\\u036f\\u0591-\\u05bd\\u05bf\\u05c1\\u05c2\\u05c4-\\u05f2\\u0620-\\u065f\\u066e-\\u06d3\\u06d5-\\u06ff\\u0750-\\u077f\\u08a0-\\u08ff\\u0900-\\u0963\\u0971-\\u0dff\\u0e00-\\u0e4e\\u0e80-\\u0ecf\\u1000-\\u1049\\u1780-\\u17d3\\u3040-\\u30ff\\u3130-\\u318f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff\\ufb50-\\ufdff\\ufe70-\\ufefc`;

/** Han characters, as a regex class item (`u` flag): what patterns of Chinese wording are built on. */
export const HAN = '\\p{Script=Han}';

/** Han, kana and Hangul: each character carries about a word's share of meaning. */
export function isCjkScript(script: WritingScript): boolean {
  return script === 'han' || script === 'hiragana' || script === 'katakana' || script === 'hangul';
}

/** A CJK character (see isCjkScript). */
export function isCjk(cp: number): boolean {
  // Everything below the CJK radicals is another script: one comparison for most text.
  return cp >= 0x1100 && isCjkScript(scriptOf(cp));
}

/** Han and kana: written without spaces between words (Hangul keeps its spaces). */
export function isUnspaced(cp: number): boolean {
  if (cp < 0x2e80) return false;
  const script = scriptOf(cp);
  return script === 'han' || script === 'hiragana' || script === 'katakana';
}

/**
 * Latin characters a CJK character stands for: with 3.2 (least squares on NTREX-128: 3.19 zh-CN,
 * 3.32 zh-TW) an English sentence and its Chinese translation come out the same length (see
 * alignment.ts for the measurement).
 */
export const CJK_WEIGHT = 3.2;

/**
 * Length in Latin-equivalent characters: a text and its translation come out about equal. With
 * `atLeast`, counting stops once the length reaches it (a threshold test on a long text).
 */
export function latinLength(text: string, atLeast = Number.POSITIVE_INFINITY): number {
  let length = 0;
  for (let i = 0; i < text.length && length < atLeast; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const cp = text.codePointAt(i) ?? c;
      if (cp > 0xffff) i++;
      length += isCjk(cp) ? CJK_WEIGHT : 1;
    } else length += isCjk(c) ? CJK_WEIGHT : 1;
  }
  return length;
}

/** A script, with the two kana as one: Japanese text mixes them (and Han). */
export type ScriptFamily = Exclude<WritingScript, 'hiragana' | 'katakana'> | 'kana';

export function familyOf(cp: number): ScriptFamily {
  const script = scriptOf(cp);
  return script === 'hiragana' || script === 'katakana' ? 'kana' : script;
}

/** The family most of a text's letters belong to, or null for a text without letters. */
export function dominantFamily(text: string): ScriptFamily | null {
  const counts = new Map<ScriptFamily, number>();
  for (const ch of text) {
    const family = familyOf(ch.codePointAt(0) ?? 0);
    if (family !== null) counts.set(family, (counts.get(family) ?? 0) + 1);
  }
  let best: ScriptFamily | null = null;
  let most = 0;
  for (const [family, n] of counts) if (n > most) [best, most] = [family, n];
  return best;
}

const FAMILY_OF_LANGUAGE: Record<string, ScriptFamily> = {
  zh: 'han',
  ja: 'kana',
  ko: 'hangul',
  ru: 'cyrillic',
  uk: 'cyrillic',
  bg: 'cyrillic',
  sr: 'cyrillic',
  mk: 'cyrillic',
  be: 'cyrillic',
  kk: 'cyrillic',
  ar: 'arabic',
  fa: 'arabic',
  ur: 'arabic',
  he: 'hebrew',
  el: 'greek',
  th: 'thai',
  hi: 'devanagari',
  mr: 'devanagari',
  ne: 'devanagari',
};

/** The script family a base language is written in; Latin for the languages not listed. */
export function familyOfLanguage(base: string): ScriptFamily {
  return FAMILY_OF_LANGUAGE[base] ?? 'latin';
}

/** A precomposed Hangul syllable (가), as opposed to a jamo: one token, like a Han character. */
export function isHangulSyllable(cp: number): boolean {
  return cp >= 0xac00 && cp <= 0xd7af;
}
