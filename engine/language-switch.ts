import { baseLanguage, detectLanguage, type LanguageHint, letterLanguage } from './languages';
import { lengthRatio } from './alignment';
import { LATIN_LANGUAGES, LATIN_TAGS } from './latin-languages';
import { latinPreference, rankLatin } from './latin-trigrams';
import type { Part } from './report';
import { latinLength, scriptOf } from './writing-systems';

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
/** An abbreviation or an initial ("vs.", "St.", "U.S.", "J."): its full stop ends no sentence. */
const ABBREVIATION = /^(?:\p{L}{1,3}\.|(?:\p{L}\.){2,})$/u;
const endsSentence = (word: string) => SENTENCE_END.test(word) && !ABBREVIATION.test(word);
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

/** Whether words can tell `x` from `y`: two Latin languages with models, or two CJK languages. */
const readsWords = (x: string, y: string): boolean => x !== y && ((LATIN_TAGS.has(x) && LATIN_TAGS.has(y)) || (CJK_LANGUAGES.has(x) && CJK_LANGUAGES.has(y)));

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

/** A letter only one of the languages writes (Vietnamese ơ, Turkish ı, German ß) leans its word as a function word does. */
const LETTER_LEAN = 2;

function leanByLetters(words: readonly string[], lean: Float64Array, x: string, y: string): void {
  words.forEach((word, w) => {
    for (const ch of word) {
      const owner = letterLanguage(ch.codePointAt(0) ?? 0);
      if (owner === x || owner === y) {
        lean[w] = (lean[w] as number) + (owner === x ? LETTER_LEAN : -LETTER_LEAN);
        return;
      }
    }
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
 * `thorough` (a page's title: one line, short): where the words' leans find no turn, each way of
 * cutting the line is ranked whole, as franc ranks a text, which a few words of a title need.
 */
export function splitAtLanguageSwitch(
  text: string,
  sides: readonly string[],
  hint: LanguageHint,
  thorough = false,
): { parts: Part[]; byScript: boolean } {
  const none = { parts: [], byScript: false };
  const [x, y] = sides;
  if (!x || !y || text.length > MAX_LENGTH || !readsWords(baseLanguage(x), baseLanguage(y))) return none;
  const spans = [...text.matchAll(/\S+/g)];
  const n = spans.length;
  if (n < 2) return none;
  const words = spans.map((m) => m[0]);
  const [bx, by] = [baseLanguage(x), baseLanguage(y)];
  const latin = latinPreference(words, bx, by);
  if (latin) leanByLetters(words, latin, bx, by);
  const lean = latin ?? cjkPreference(words, bx, by);
  if (!lean) return none;
  // A capital after a sentence end starts a sentence; elsewhere (the text's first word too: a title) it starts a name.
  const names = spans.map((m, w) => (w === 0 || !endsSentence(spans[w - 1]?.[0] ?? '') ? nameOf(m[0]) : null));
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
  const enough = (k: number) => (wordsBefore[k] as number) >= MIN_WORDS && (wordsBefore[n] as number) - (wordsBefore[k] as number) >= MIN_WORDS;
  let turn = leanTurns(lean, enough);
  const ranked = !turn && thorough && latin !== null;
  if (ranked) turn = rankedTurns(text, spans, bx, by, enough);
  if (!turn) return none;
  // Scripts mark a turn exactly; the leans of words in one script only roughly, and lengths decide.
  const { at, shared } = boundary(text, spans, names, turn, latin ? lengthRatio(bx, by) : null);
  // Ranked whole, a short line in one language may still seem to turn: a title and its translation
  // also share a name.
  if (ranked && shared === 0) return none;
  const cut = spans[at]?.index ?? 0;
  const parts = inBothSides(text.slice(0, cut).trim(), text.slice(cut).trim(), [bx, by], hint);
  return { parts, byScript: parts.length === 2 && latin === null };
}

/** The two halves with their languages when one is in each of `sides`, else none. */
function inBothSides(first: string, second: string, [x, y]: readonly string[], hint: LanguageHint): Part[] {
  const firstLang = detectLanguage(first, hint);
  const secondLang = detectLanguage(second, hint);
  const isSide = (lang: string) => baseLanguage(lang) === x || baseLanguage(lang) === y;
  if (baseLanguage(firstLang) === baseLanguage(secondLang) || !isSide(firstLang) || !isSide(secondLang)) return [];
  return [
    { lang: firstLang, text: first },
    { lang: secondLang, text: second },
  ];
}

/** Least Latin-equivalent length of the half a page's title leaves: a few words of a translation. */
const MIN_REST = 10;
/** How much longer or shorter than a translation's expected length the other half may be. */
const MAX_SPREAD = 2;

/**
 * A headline that starts or ends with one of the page's own titles (page-titles.ts), the rest in
 * the page's other language: the page has said where one language ends. Its words may not, when a
 * name or a word both languages write stands at the turn.
 */
export function splitAtPageTitle(text: string, titles: readonly string[], sides: readonly string[], hint: LanguageHint): Part[] {
  const [x, y] = sides;
  const lower = text.toLowerCase();
  // Lower case must keep offsets (a Turkish İ does not).
  if (!x || !y || lower.length !== text.length) return [];
  let best: Part[] = [];
  let bestLength = 0;
  for (const title of titles) {
    const t = title.toLowerCase();
    if (t.length <= bestLength || t.length !== title.length || t.length >= text.length) continue;
    const halves: [string, string] | null = lower.startsWith(t) && /^\s/.test(text.slice(t.length))
      ? [text.slice(0, t.length), text.slice(t.length).trim()]
      : lower.endsWith(t) && /\s$/.test(text.slice(0, text.length - t.length))
        ? [text.slice(0, text.length - t.length).trim(), text.slice(text.length - t.length)]
        : null;
    if (!halves || Math.min(latinLength(halves[0]), latinLength(halves[1])) < MIN_REST) continue;
    const parts = inBothSides(halves[0], halves[1], [baseLanguage(x), baseLanguage(y)], hint);
    const [p, q] = parts;
    // A piece of the page's title ("Elite League" of "Elite League: Dundee Stars 5-3 …") is no
    // half when what it leaves is far longer or shorter than its translation would be.
    const spread = p && q ? latinLength(q.text) / (latinLength(p.text) * lengthRatio(baseLanguage(p.lang), baseLanguage(q.lang))) : 0;
    if (parts.length === 2 && spread <= MAX_SPREAD && spread >= 1 / MAX_SPREAD) {
      best = parts;
      bestLength = t.length;
    }
  }
  return best;
}

interface Turns {
  /** turns[k]: how well a boundary before word k splits the text into x then y, or y then x (0: not at all). */
  turns: Float64Array;
  best: number;
  /** How far below the best a turn is as likely (see PLATEAU). */
  plateau: number;
}

/** Turns from the words' leans, in one pass over prefix sums; null when no boundary has both halves leaning their way. */
function leanTurns(lean: Float64Array, enough: (k: number) => boolean): Turns | null {
  const n = lean.length;
  const total = lean.reduce((sum, v) => sum + v, 0);
  const turns = new Float64Array(n);
  let best = 0;
  let before = 0;
  for (let k = 1; k < n; k++) {
    before += lean[k - 1] as number;
    if (!enough(k)) continue;
    const after = total - before;
    const t = Math.min(before, -after) >= MIN_LEAN ? before - after : Math.min(-before, after) >= MIN_LEAN ? after - before : 0;
    turns[k] = t;
    if (t > best) best = t;
  }
  return best > 0 ? { turns, best, plateau: PLATEAU } : null;
}

/** Of franc's scores (0 to 1), how close to the best turn another is as likely. */
const RANKED_PLATEAU = 0.1;

/** Turns from ranking each half whole between the two Latin languages (a title's few words). */
function rankedTurns(text: string, spans: readonly RegExpMatchArray[], x: string, y: string, enough: (k: number) => boolean): Turns | null {
  const n = spans.length;
  const prefer = (part: string): number => {
    const ranked = rankLatin(part);
    const score = (lang: string) => ranked.find(([code]) => (LATIN_LANGUAGES[code] ?? code) === lang)?.[1] ?? 0;
    return score(x) - score(y);
  };
  const turns = new Float64Array(n);
  let best = 0;
  for (let k = 1; k < n; k++) {
    if (!enough(k)) continue;
    const cut = spans[k]?.index ?? 0;
    const before = prefer(text.slice(0, cut));
    const after = prefer(text.slice(cut));
    const t = before > 0 && after < 0 ? before - after : before < 0 && after > 0 ? after - before : 0;
    turns[k] = t;
    if (t > best) best = t;
  }
  return best > 0 ? { turns, best, plateau: RANKED_PLATEAU } : null;
}

/**
 * The boundary among those whose turn is within `plateau` of the best: the one that leaves the most
 * names on both sides, then one after a sentence end, then one before a capital, then the one whose
 * halves' lengths best fit a text and its translation (`ratio`, alignment.ts), or without a ratio
 * the best turn;
 * with the names it leaves on both sides.
 */
function boundary(
  text: string,
  spans: readonly RegExpMatchArray[],
  names: readonly (string | null)[],
  { turns, best, plateau }: Turns,
  ratio: number | null,
): { at: number; shared: number } {
  const n = spans.length;
  // How far a cut leaves the halves from the lengths of a text and its translation, either first.
  const total = latinLength(text);
  const misfit = (k: number) => {
    if (ratio === null) return -(turns[k] as number);
    const first = latinLength(text.slice(0, spans[k]?.index ?? 0));
    const fit = Math.abs(Math.log(Math.max(1, total - first) / Math.max(1, first * ratio)));
    const reverse = Math.abs(Math.log(Math.max(1, total - first) / Math.max(1, first / ratio)));
    return Math.min(fit, reverse);
  };
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
    const t = turns[k] as number;
    if (t === 0 || t < best - plateau) continue;
    const end = endsSentence(spans[k - 1]?.[0] ?? '');
    const capital = CAPITAL.test(spans[k]?.[0] ?? '');
    const better =
      shared !== atShared ? shared > atShared : end !== atEnd ? end : capital !== atCapital ? capital : misfit(k) < misfit(at);
    if (better) {
      at = k;
      atShared = shared;
      atEnd = end;
      atCapital = capital;
    }
  }
  return { at, shared: atShared };
}
