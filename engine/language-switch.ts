import { baseLanguage, detectLanguage, type LanguageHint } from './languages';
import { latinPreference } from './latin-trigrams';
import type { Part } from './report';
import { scriptOf } from './writing-systems';

/**
 * One element holding a text and its translation in one script with no sentence end between them:
 * a title followed by its translation ("Trump says … Trump sagt …"), a summary whose first half is
 * cut off mid-sentence before the translation starts. Sentence-based splitting (sentence-runs.ts)
 * cannot see this boundary; the words can. Each word leans towards one of the page's two languages
 * by its trigrams; the boundary is the one word gap where the lean turns, found in one pass over
 * prefix sums, and each half is then told on its own to confirm it.
 */

/** Fewest words on each side of the boundary. */
const MIN_WORDS = 3;
/** Least total lean of each half towards its language (a clear common word leans about 2). */
const MIN_LEAN = 3;
/**
 * Boundaries whose turn is this close to the best are as likely: names and numbers lean nowhere,
 * and one word may lean the wrong way. Among them, the one that leaves the same names on both sides
 * wins, then one after a sentence end, then one before a capital.
 */
const PLATEAU = 4;
/** Longest text read word by word: beyond it, texts are paragraphs, and their halves have sentence ends. */
const MAX_LENGTH = 1500;

const CAPITAL = /^\p{Lu}/u;
/** Letters, perhaps with an apostrophe or hyphen inside and punctuation around: a word of some language. */
const WORD = /^\p{P}*\p{L}[\p{L}\p{M}'’-]*\p{P}*$/u;
const SENTENCE_END = /[.!?:;]["'”’»)]*$/u;
/** A capitalised word as a name: "Sainsbury’s", "Sims'in" and "Sims," are all "Sims". */
const nameOf = (word: string): string | null => (CAPITAL.test(word) ? (word.split(/['’]/)[0] ?? '').replace(/[\p{P}\p{S}]+$/u, '') : null);

/**
 * How much a run of CJK characters written without spaces reads as `lang` rather than `other`, by
 * its scripts: Hangul is Korean, kana Japanese; Han characters are Chinese in a run without kana,
 * Japanese in a run with them, and either against Korean.
 */
function cjkScore(lang: string, other: string, hangul: number, kana: number, han: number): number {
  if (lang === 'ko') return hangul;
  if (lang === 'ja') return kana + (kana > 0 || other === 'ko' ? han : 0);
  return kana > 0 ? 0 : han;
}

const CJK_LANGUAGES = new Set(['zh', 'ja', 'ko']);

/** How much each word (a run without spaces) reads as CJK language `x` rather than `y`, by its characters' scripts. */
function cjkPreference(words: readonly string[], x: string, y: string): Float64Array | null {
  if (!CJK_LANGUAGES.has(x) || !CJK_LANGUAGES.has(y) || x === y) return null;
  return Float64Array.from(words, (word) => {
    let hangul = 0;
    let kana = 0;
    let han = 0;
    for (const ch of word) {
      const script = scriptOf(ch.codePointAt(0) ?? 0);
      if (script === 'hangul') hangul++;
      else if (script === 'hiragana' || script === 'katakana') kana++;
      else if (script === 'han') han++;
    }
    return cjkScore(x, y, hangul, kana, han) - cjkScore(y, x, hangul, kana, han);
  });
}

/**
 * A word counts one; a run of Han or kana characters, written without spaces, one per two
 * characters (Korean puts spaces between its words).
 */
function wordWeight(word: string): number {
  let cjk = 0;
  for (const ch of word) {
    const script = scriptOf(ch.codePointAt(0) ?? 0);
    if (script === 'han' || script === 'hiragana' || script === 'katakana') cjk++;
  }
  return cjk > 1 ? cjk / 2 : WORD.test(word) ? 1 : 0;
}

/**
 * Two parts when the text's words run in one of `sides` and then in the other, else none. `byScript`:
 * the two languages write different scripts (Hangul, kana), which tell the halves apart as surely
 * as Latin and Han do; words of one script only lean, and the caller wants more evidence.
 */
export function splitAtLanguageSwitch(text: string, sides: readonly string[], hint: LanguageHint): { parts: Part[]; byScript: boolean } {
  const none = { parts: [], byScript: false };
  const [x, y] = sides;
  if (!x || !y || text.length > MAX_LENGTH) return none;
  const spans = [...text.matchAll(/\S+/g)];
  const n = spans.length;
  if (n < 2) return none;
  const words = spans.map((m) => m[0]);
  const latin = latinPreference(words, baseLanguage(x), baseLanguage(y));
  const lean = latin ?? cjkPreference(words, baseLanguage(x), baseLanguage(y));
  if (!lean) return none;
  // A capital after a sentence end starts a sentence; elsewhere (the text's first word too: a title) it starts a name.
  const names = spans.map((m, w) => (w === 0 || !SENTENCE_END.test(spans[w - 1]?.[0] ?? '') ? nameOf(m[0]) : null));
  // A capitalised word written in both texts ("National Trust … National Trust") is in neither language.
  const capitalised = spans.map((m) => nameOf(m[0]));
  const seen = new Map<string, number>();
  for (const word of capitalised) if (word) seen.set(word, (seen.get(word) ?? 0) + 1);
  capitalised.forEach((word, w) => {
    if (word && (seen.get(word) ?? 0) > 1) lean[w] = 0;
  });
  // Addresses, numbers and symbols are in no language, and do not count as words of either half.
  const weights = words.map(wordWeight);
  weights.forEach((weight, w) => {
    if (weight === 0) lean[w] = 0;
  });
  const wordsBefore = new Float64Array(n + 1);
  for (let w = 0; w < n; w++) wordsBefore[w + 1] = (wordsBefore[w] as number) + (weights[w] as number);
  const total = lean.reduce((sum, v) => sum + v, 0);
  // turn[k]: how well a boundary before word k splits the words into x then y, or y then x.
  const turn = new Float64Array(n);
  let best = 0;
  let before = 0;
  for (let k = 1; k < n; k++) {
    before += lean[k - 1] as number;
    if ((wordsBefore[k] as number) < MIN_WORDS || (wordsBefore[n] as number) - (wordsBefore[k] as number) < MIN_WORDS) continue;
    const after = total - before;
    const t = Math.min(before, -after) >= MIN_LEAN ? before - after : Math.min(-before, after) >= MIN_LEAN ? after - before : 0;
    turn[k] = t;
    if (t > best) best = t;
  }
  if (best === 0) return none;
  // Names shared by both halves, as the boundary moves right word by word.
  const left = new Map<string, number>();
  const right = new Map<string, number>();
  for (const name of names) if (name) right.set(name, (right.get(name) ?? 0) + 1);
  let shared = 0;
  let at = -1;
  let atShared = -1;
  let atCapital = false;
  let atEnd = false;
  for (let k = 1; k < n; k++) {
    const moved = names[k - 1];
    if (moved) {
      const l = left.get(moved) ?? 0;
      const r = right.get(moved) ?? 0;
      shared += Math.min(l + 1, r - 1) - Math.min(l, r);
      left.set(moved, l + 1);
      right.set(moved, r - 1);
    }
    const t = turn[k] as number;
    if (t === 0 || t < best - PLATEAU) continue;
    const end = SENTENCE_END.test(spans[k - 1]?.[0] ?? '');
    const capital = CAPITAL.test(spans[k]?.[0] ?? '');
    const better =
      shared !== atShared ? shared > atShared : end !== atEnd ? end : capital !== atCapital ? capital : t > (turn[at] as number);
    if (better) {
      at = k;
      atShared = shared;
      atEnd = end;
      atCapital = capital;
    }
  }
  const cut = spans[at]?.index ?? 0;
  const first = text.slice(0, cut).trim();
  const second = text.slice(cut).trim();
  const firstLang = detectLanguage(first, hint);
  const secondLang = detectLanguage(second, hint);
  const isSide = (lang: string) => baseLanguage(lang) === baseLanguage(x) || baseLanguage(lang) === baseLanguage(y);
  if (baseLanguage(firstLang) === baseLanguage(secondLang) || !isSide(firstLang) || !isSide(secondLang)) return none;
  return {
    parts: [
      { lang: firstLang, text: first },
      { lang: secondLang, text: second },
    ],
    byScript: latin === null,
  };
}
