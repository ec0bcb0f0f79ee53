/**
 * Monotonic alignment of two paragraph lists, each in one language (Gale & Church 1993, with
 * anchors). Every candidate pair gets a log-likelihood ratio "translation vs. unrelated text" from
 * its lengths and from anchors that survive translation (numbers across unit conversions, Latin
 * names kept inside CJK text); a banded dynamic programme picks the monotonic set of beads with the
 * highest total, so a paragraph joins a pair only when the evidence for it beats leaving it alone.
 *
 * Length model, measured on shared/corpus/ntrex128 (1,338 English news sentences with professional
 * zh-CN and zh-TW translations): raw character ratio zh/en = 0.344 (zh-CN, variance 0.89 per English
 * character) and 0.372 (zh-TW, variance 1.61). Counting each CJK character as 3.2 Latin
 * characters (least squares: 3.19 zh-CN, 3.32 zh-TW) and everything else as one makes the ratio
 * 1.0 for both scripts with variance 4.3 per English character (median per-line ratio 1.00,
 * 5th–95th percentile 0.74–1.43). Other language pairs start from ratio 1 in these units and the
 * ratio is re-estimated from the confident pairs of a first pass.
 */

import { type NameSounds, nameSounds, sharedNameSounds } from './name-sounds';
import { readFigures } from './numbers';
import { isWhiteSpace } from './text';
import { baseLanguage } from './lang-tags';
import { CJK_WEIGHT, isCjk, scriptOf } from './writing-systems';

export interface AlignedPair {
  a: number;
  b: number;
  confidence: number;
}

export interface AlignOptions {
  /** Pairs whose confidence is below this are dropped (their paragraphs count as untranslated). */
  threshold?: number;
  /** Half-width of the band around the diagonal, in paragraphs. */
  band?: number;
  /** Features of texts already seen on the page (see featureMemo). */
  memo?: FeatureMemo;
  /** Expected length ratio b/a (lengthRatio of the two languages); refitted on the page. */
  ratio?: number;
  /**
   * The kept pairs must together carry this much evidence (sum of their log-odds) or none is kept:
   * one chance pair between unrelated lists is likely, a run of them is not.
   */
  minEvidence?: number;
  /**
   * Evidence enough when the pairs leave no paragraph of the shorter list alone (at least three):
   * a translation pairs everything, a chance alignment of unrelated lists rarely does.
   */
  coveredEvidence?: number;
  /** Languages of a and b (BCP 47): how to read their numbers' separators (engine/numbers.ts). */
  langs?: Langs;
}

/** Languages of the two sides of a pair. */
export type Langs = readonly [string, string];
const NO_LANGS: Langs = ['und', 'und'];

/**
 * Length of a translation into each language per Latin-equivalent character of English (median of
 * the per-line ratios on the 55 development documents of ntrex128; log-sd 0.14–0.21 each). A
 * language not listed counts 1.1, about the mean of the others.
 */
const LENGTH_FACTOR: Record<string, number> = {
  en: 1,
  zh: 0.97,
  ja: 1.35,
  ko: 1.36,
  fr: 1.19,
  de: 1.2,
  es: 1.16,
  pt: 1.14,
  it: 1.18,
  ru: 1.11,
  ar: 0.93,
  vi: 1.11,
  hi: 1.06,
  tr: 1.08,
};
const OTHER_LENGTH_FACTOR = 1.1;

/** Expected length of a text in `b` per Latin-equivalent character of its original in `a` (base tags). */
export function lengthRatio(a: string, b: string): number {
  return (LENGTH_FACTOR[b] ?? OTHER_LENGTH_FACTOR) / (LENGTH_FACTOR[a] ?? OTHER_LENGTH_FACTOR);
}

/** Variance of the length difference per Latin-equivalent character of a translation. */
const LENGTH_VARIANCE = 4.3;
/** Spread (sd of the log ratio) of the lengths of two unrelated paragraphs. */
const NULL_LOG_SD = 0.9;
/** Share of translations whose length falls outside the Gaussian model (free rewrites). */
const LENGTH_OUTLIERS = 0.1;
/** Gale & Church's bead priors: 2–1 and 1–2 beads are about ten times rarer than 1–1. */
const MERGE_PENALTY = 2.3;
const MIN_MERGE_SHARE = 0.2;
const DEFAULT_THRESHOLD = 0.5;
const DEFAULT_BAND = 24;
/**
 * On ntrex128 (82 documents, paragraphs of 1–4 sentences, every third Chinese paragraph dropped,
 * 410 mismatched document pairs as negatives), a region total of 5 keeps pairs in 2.4% of the
 * mismatched pairs and loses 9.8% of the real documents (all of them short ones without anchors).
 */
const DEFAULT_MIN_EVIDENCE = 5;
/** Paragraphs the shorter list must hold before covering it all counts (coveredEvidence). */
const MIN_COVERED = 3;
/** Letters of a word's stem (tokenEvidence). */
const STEM = 5;

// The character classes below are tested per character; code comparisons keep that a plain loop.

const isAsciiLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isAsciiAlnum = (c: number) => isAsciiLetter(c) || (c >= 0x30 && c <= 0x39);
/** Joins the pieces of one Latin word: GPT-4o, U.S, AT&T, O'Neil. */
const isWordJoiner = (c: number) => c === 0x2d || c === 0x2e || c === 0x26 || c === 0x27;

/** . ! ? and the Arabic question mark ؟: sentence ends when white space follows. */
const isLatinStop = (c: number) => c === 0x2e || c === 0x21 || c === 0x3f || c === 0x61f;
/**
 * Marks that end a sentence wherever they stand: 。！？ and the stops of scripts that write no
 * full stop (Devanagari's danda । ॥, Urdu's ۔, Armenian ։, Ethiopic ።, Myanmar ။).
 */
const isCjkStop = (c: number) =>
  c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x964 || c === 0x965 || c === 0x6d4 || c === 0x589 || c === 0x1362 || c === 0x104b;
/** Quotes and brackets closing a sentence after a Latin stop: " ' ” ’ ). */
const isLatinCloser = (c: number) => c === 0x22 || c === 0x27 || c === 0x201d || c === 0x2019 || c === 0x29;
/** … and after a CJK stop: ” ’ 」 』 ）. */
const isCjkCloser = (c: number) => c === 0x201d || c === 0x2019 || c === 0x300d || c === 0x300f || c === 0xff09;
/** What may close a text after its ellipsis: " ' ” ’ 」 』 ) ）. */
const isEllipsisCloser = (c: number) => isCjkCloser(c) || c === 0x22 || c === 0x27 || c === 0x29;
/** What alignment needs to know about one paragraph (or a merged pair of paragraphs). */
export interface Features {
  /** Length in Latin-equivalent characters. */
  length: number;
  /** Written mostly in a CJK script. */
  cjk: boolean;
  /** The text stops with an ellipsis: it may render only the first part of its counterpart. */
  truncated: boolean;
  /** Sentences, counted by their end marks. */
  sentences: number;
  /** Quotations: half the quotation marks, rounded up (quotationMarks). */
  quotes: number;
  /** Questions, counted by their marks (? ？ ؟). */
  questions: number;
  /** Numeric values, normalised across unit words (9.2亿 = 920 million). */
  numbers: Set<string>;
  /**
   * Values the text writes only in words (three per cent, a four-page ad): the number reader
   * knows English number words, so they count only where the other side writes them in digits.
   */
  spelled: Set<string>;
  /**
   * Latin words as written, lower-cased: one set per paragraph, two for a merged pair, which is
   * only ever asked whether it holds a word (copying the sets of every neighbouring pair into one
   * cost more than all the lookups).
   */
  words: readonly ReadonlySet<string>[];
  /** Latin names and acronyms: capitalised words, or every Latin word inside CJK text. */
  names: Set<string>;
  /** Base language of the text's side ('und' when not told): Han evidence needs two languages. */
  lang: string;
  /** The distinct Han characters the text writes (Japanese and Chinese share them). */
  han: ReadonlySet<number>;
  /**
   * Its Latin words of STEM letters or more by their first STEM letters (cognates: exportaciones,
   * exportations), read on first use: only a pair of two Latin-script texts asks (an English text
   * on an English–Chinese page never does).
   */
  stems: () => ReadonlyMap<string, string>;
  /** Its names by their consonants (name-sounds.ts), read on first use: only a pair in two scripts asks. */
  sounds: () => NameSounds;
}

/**
 * Features of the texts of one page, shared by its translation scores and alignments: a page pairs
 * the same texts several times (inline, in structural runs, in the free alignment).
 */
export type FeatureMemo = Map<string, Features>;

/** Most texts write no Han, and CJK text has no stems worth comparing: they share these empty sets. */
const NO_HAN: ReadonlySet<number> = new Set();
const NO_STEMS: ReadonlyMap<string, string> = new Map();
const noStems = () => NO_STEMS;

/** `read`, run once when first asked. */
function once<T>(read: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= read();
    return value;
  };
}

export function featureMemo(): FeatureMemo {
  return new Map();
}

function featuresOf(text: string, memo: FeatureMemo, lang: string): Features {
  let known = memo.get(text);
  if (!known) {
    known = features(text, lang);
    memo.set(text, known);
  }
  return known;
}

function features(text: string, lang: string): Features {
  let length = 0;
  let cjkChars = 0;
  let spaced = false;
  let han: Set<number> | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0xa0) {
      if (!spaced) length += 1;
      spaced = true;
      continue;
    }
    spaced = false;
    let cp = c;
    // A surrogate pair is one character.
    if (c >= 0xd800 && c <= 0xdbff) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (isCjk(cp)) {
      cjkChars += 1;
      length += CJK_WEIGHT;
      if (scriptOf(cp) === 'han') {
        han ??= new Set();
        han.add(cp);
      }
    } else length += 1;
  }
  const cjk = cjkChars * CJK_WEIGHT > length / 2;
  const { quotes, questions } = quotationMarks(text);
  const words = new Set<string>();
  const names = new Set<string>();
  addLatinWords(text, cjk, words, names);
  return { length: Math.max(length, 1), cjk, truncated: endsWithEllipsis(text.trim()),
    sentences: sentenceEnds(text),
    quotes,
    questions,
    ...numbersIn(text, lang), words: [words], names, lang: baseLanguage(lang), han: han ?? NO_HAN, stems: cjk ? noStems : once(() => stemsOf(text)), sounds: once(() => nameSounds(text)) };
}

/**
 * Adds the Latin words of `text` (a letter, then letters and digits, pieces joined by - . & ' as
 * in GPT-4o) to `words`, lower-cased, and the names among them to `names`: capitalised words, or
 * every word inside CJK text, of two characters or more. Only a word with a capital is lower-cased
 * anew: the others already are, and most words are.
 */
function addLatinWords(text: string, cjk: boolean, words: Set<string>, names: Set<string>): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isAsciiLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let capital = false;
    for (;;) {
      while (i < n && isAsciiAlnum(text.charCodeAt(i))) {
        const c = text.charCodeAt(i);
        if (c >= 0x41 && c <= 0x5a) capital = true;
        i++;
      }
      if (!(i + 1 < n && isWordJoiner(text.charCodeAt(i)) && isAsciiAlnum(text.charCodeAt(i + 1)))) break;
      i++;
    }
    const word = text.slice(start, i);
    const lower = capital ? word.toLowerCase() : word;
    words.add(lower);
    if (word.length >= 2 && (cjk || capital)) names.add(lower);
  }
}

/**
 * The words of STEM Latin letters or more, lower-cased and without accents, by their first STEM
 * letters (the first word of each stem): accents differ between cognates (économique, económica)
 * and break a word read in ASCII. Words of addresses and paths (a stretch without spaces holding a
 * slash) are left out: a link is no translation of the text it cites.
 */
function stemsOf(text: string): ReadonlyMap<string, string> {
  const folded = text.normalize('NFD');
  const stems = new Map<string, string>();
  let chunk: string[] = [];
  let address = false;
  let word = '';
  for (let i = 0; i <= folded.length; i++) {
    const c = i < folded.length ? folded.charCodeAt(i) : 0x20;
    if (isAsciiLetter(c)) {
      word += folded[i];
      continue;
    }
    if (c >= 0x300 && c <= 0x36f) continue;
    if (word.length >= STEM) chunk.push(word.toLowerCase());
    word = '';
    if (c === 0x2f) address = true;
    if (!isWhiteSpace(c)) continue;
    if (!address) {
      for (const lower of chunk) {
        const stem = lower.slice(0, STEM);
        if (!stems.has(stem)) stems.set(stem, lower);
      }
    }
    chunk = [];
    address = false;
  }
  return stems;
}

/** Ends in "...", "…" or "⋯", perhaps followed by one closing quote or bracket. */
function endsWithEllipsis(t: string): boolean {
  let end = t.length;
  if (end > 0 && isEllipsisCloser(t.charCodeAt(end - 1))) end--;
  const last = t.charCodeAt(end - 1);
  if (last === 0x2026 || last === 0x22ef) return true;
  return end >= 3 && last === 0x2e && t.charCodeAt(end - 2) === 0x2e && t.charCodeAt(end - 3) === 0x2e;
}

/**
 * Sentence ends: a run of . ! ? (with closing quotes) before white space or the end of the text,
 * or a run of 。！？ (with closing quotes) anywhere.
 */
function sentenceEnds(text: string): number {
  const n = text.length;
  let count = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isLatinStop(c)) {
      let j = i + 1;
      while (j < n && isLatinStop(text.charCodeAt(j))) j++;
      while (j < n && isLatinCloser(text.charCodeAt(j))) j++;
      if (j === n || (isWhiteSpace(text.charCodeAt(j)) && !abbreviationAt(text, i, j))) {
        count++;
        while (j < n && isWhiteSpace(text.charCodeAt(j))) j++;
        i = j;
      } else {
        i++;
      }
    } else if (isCjkStop(c)) {
      let j = i + 1;
      while (j < n && isCjkStop(text.charCodeAt(j))) j++;
      while (j < n && isCjkCloser(text.charCodeAt(j))) j++;
      count++;
      i = j;
    } else {
      i++;
    }
  }
  return count;
}

/**
 * Whether the full stop at `stop` (white space from `after` on) closes an abbreviation rather than
 * a sentence: the next word starts in lower case (a U.S. newspaper, 3 p.m. on Sunday), or the
 * stop follows an initial or a dotted abbreviation (Mike J. Trudell, U.S., z.B.). Counted as
 * sentences, "a U.S. newspaper" against "미국 신문" made a translation differ by five sentences.
 */
function abbreviationAt(text: string, stop: number, after: number): boolean {
  if (text.charCodeAt(stop) !== 0x2e) return false;
  let next = after;
  while (next < text.length && isWhiteSpace(text.charCodeAt(next))) next++;
  const following = text[next] ?? '';
  if (following !== following.toUpperCase()) return true;
  let start = stop;
  while (start > 0 && (isLetter(text.charCodeAt(start - 1)) || (text.charCodeAt(start - 1) === 0x2e && isLetter(text.charCodeAt(start - 2))))) start--;
  const word = text.slice(start, stop);
  return word.length === 1 || word.includes('.');
}

const isLetter = (c: number) => {
  const ch = String.fromCharCode(c);
  return ch.toLowerCase() !== ch.toUpperCase();
};

/** Double quotation marks of every language: " “ ” „ « » 「 」 『 』. */
const isDoubleQuote = (c: number) =>
  c === 0x22 || c === 0x201c || c === 0x201d || c === 0x201e || c === 0xab || c === 0xbb || (c >= 0x300c && c <= 0x300f);
const isQuestionMark = (c: number) => c === 0x3f || c === 0xff1f || c === 0x61f;

/**
 * Quotations, as half the quotation marks (rounded up: a quote that runs on into the next
 * paragraph shows one mark). Marks, not openings, because languages open with different marks
 * (German „…“ closes with the mark English opens with). Single quotes count only where they cannot
 * be apostrophes: ‘, and ' at the start of a word (… with 'propaganda ads'; Trump's is none).
 */
function quotationMarks(text: string): { quotes: number; questions: number } {
  let marks = 0;
  let questions = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isDoubleQuote(c) || c === 0x2018) marks++;
    else if (c === 0x27 && (i === 0 || isWhiteSpace(text.charCodeAt(i - 1))) && isAsciiLetter(text.charCodeAt(i + 1))) marks++;
    else if (isQuestionMark(c)) questions++;
  }
  return { quotes: Math.ceil(marks / 2), questions };
}

/**
 * The values of the figures a text writes in digits or Chinese numerals (engine/numbers.ts, with
 * scales applied: 9.2亿 = 920 million), and apart from them those it writes in number words only.
 * Number words never count against a pair: the reader knows English ones only, and "two" against
 * "deux" would count as a figure one side lacks. One (a pronoun as often as a figure) is left out.
 */
function numbersIn(text: string, lang: string): { numbers: Set<string>; spelled: Set<string> } {
  const numbers = new Set<string>();
  const spelled = new Set<string>();
  for (const figure of readFigures(text, lang)) {
    for (const value of figure.values) if (!figure.words) numbers.add(String(value));
    if (figure.words) for (const value of figure.values) if (value > 1) spelled.add(String(value));
  }
  for (const value of numbers) spelled.delete(value);
  return { numbers, spelled };
}

function union<T>(x: ReadonlySet<T>, y: ReadonlySet<T>): Set<T> {
  const out = new Set(x);
  for (const value of y) out.add(value);
  return out;
}

function merge(x: Features, y: Features): Features {
  return {
    length: x.length + y.length,
    cjk: x.cjk,
    truncated: y.truncated,
    sentences: x.sentences + y.sentences,
    quotes: x.quotes + y.quotes,
    questions: x.questions + y.questions,
    numbers: union(x.numbers, y.numbers),
    spelled: union(x.spelled, y.spelled),
    words: [...x.words, ...y.words],
    names: union(x.names, y.names),
    lang: x.lang,
    han: y.han.size === 0 ? x.han : x.han.size === 0 ? y.han : union(x.han, y.han),
    stems: once(() => {
      const [a, b] = [x.stems(), y.stems()];
      return b.size === 0 ? a : a.size === 0 ? b : new Map([...b, ...a]);
    }),
    sounds: once(() => {
      const [a, b] = [x.sounds(), y.sounds()];
      return { names: union(a.names, b.names), starts: union(a.starts, b.starts), script: a.script ?? b.script };
    }),
  };
}

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

function logNormal(x: number, sd: number): number {
  return -0.5 * (x / sd) ** 2 - Math.log(sd) - LOG_SQRT_2PI;
}

/** Log-likelihood ratio of the two lengths under "b translates a" against "unrelated texts". */
function lengthEvidence(x: Features, y: Features, ratio: number): number {
  const expected = x.length * ratio;
  const observed = y.length;
  // Densities of b's length given a's: lognormal around the expected length for unrelated text.
  const logRatio = Math.log(observed / expected);
  const nullDensity = logNormal(logRatio, NULL_LOG_SD) - Math.log(observed);
  const outlierDensity = Math.log(LENGTH_OUTLIERS) + logNormal(logRatio, NULL_LOG_SD / 2) - Math.log(observed);
  let transDensity: number;
  if (y.truncated && observed < expected) {
    // b renders a prefix of a: any shorter length is as likely as another.
    transDensity = -Math.log(expected);
  } else if (x.truncated && observed > expected) {
    transDensity = -Math.log(observed);
  } else {
    const sd = Math.sqrt((LENGTH_VARIANCE * (expected + observed)) / 2);
    transDensity = Math.log(1 - LENGTH_OUTLIERS) + logNormal(observed - expected, sd);
  }
  return logAddExp(transDensity, outlierDensity) - nullDensity;
}

function logAddExp(p: number, q: number): number {
  const m = Math.max(p, q);
  return m + Math.log(Math.exp(p - m) + Math.exp(q - m));
}

/**
 * A value on one side and another on the other side, neither shared, is as often one figure that a
 * translation changed as two figures of unrelated texts: the pair must stand on its other evidence
 * so that the translation check can flag the change (translation-check.ts).
 */
const CHANGED_FIGURE = -0.5;

/**
 * A figure in digits on one side that the other writes in words (3 % for "three per cent"): a
 * small figure, so it counts as a shared one-digit value does.
 */
const SPELLED_SHARED = 1;

/** Shared values count for, values one side has and the other lacks count against. */
function numberEvidence(x: Features, y: Features): number {
  let score = 0;
  let onlyX = 0;
  let onlyY = 0;
  for (const value of x.numbers) {
    if (y.numbers.has(value)) score += value.length > 1 ? 2.5 : 1;
    else if (y.spelled.has(value)) score += SPELLED_SHARED;
    else if (!y.truncated) onlyX += 1;
  }
  for (const value of y.numbers) {
    if (x.numbers.has(value)) continue;
    if (x.spelled.has(value)) score += SPELLED_SHARED;
    else if (!x.truncated) onlyY += 1;
  }
  const changed = Math.min(onlyX, onlyY);
  score += changed * CHANGED_FIGURE - (onlyX - changed) - (onlyY - changed);
  return Math.max(score, -4);
}

function hasWord(f: Features, word: string): boolean {
  for (const words of f.words) if (words.has(word)) return true;
  return false;
}

/** Names a CJK text keeps in Latin letters should stand in its counterpart too. */
const SAME_SCRIPT_NAME_WEIGHT = 0.25;

function nameEvidence(x: Features, y: Features): number {
  if (x.cjk === y.cjk) {
    // In one script, unrelated texts of one site share names as readily as translations do
    // ("… for The New York Times" / "… para The New York Times" under two different photos).
    let shared = 0;
    for (const name of x.names) if (y.names.has(name)) shared += 1;
    return Math.min(shared, 4) * SAME_SCRIPT_NAME_WEIGHT;
  }
  const [latin, cjk] = x.cjk ? [y, x] : [x, y];
  let score = 0;
  for (const name of cjk.names) {
    if (hasWord(latin, name)) score += 1.5;
    else if (!latin.truncated) score -= 0.75;
  }
  return Math.min(Math.max(score, -3), 6);
}

/**
 * Translators keep sentence boundaries: on ntrex128 paragraphs of 1–4 sentences the counts agree for
 * 80% of translations against 31% of unrelated pairs (differ by 1: 15% vs 30%, by 2: 5% vs 27%,
 * by 3 or more: 0.4% vs 12%). Log ratios, damped because sentence count follows length.
 */
const SENTENCE_EVIDENCE = [0.8, -0.6, -1.4, -2.4] as const;

function sentenceEvidence(x: Features, y: Features): number {
  let difference = Math.abs(x.sentences - y.sentences);
  if (y.truncated && y.sentences <= x.sentences) difference = 0;
  if (x.truncated && x.sentences <= y.sentences) difference = 0;
  return SENTENCE_EVIDENCE[Math.min(difference, SENTENCE_EVIDENCE.length - 1)] ?? 0;
}

/**
 * Translators keep quotations and questions: on the 55 development documents of ntrex128 (25
 * language pairs, paragraphs of two sentences against another document's), quotation counts are
 * both zero in 55% of translations against 35% of unrelated pairs, equal and non-zero in 27% vs
 * 8%, zero on one side only in 7% vs 33%, off by one 7% vs 6%, off by more 4% vs 17%; question
 * marks are equal and present in 3.4% vs 0.0%, on one side only in 0.4% vs 6%. Log ratios, damped
 * because quotations and sentences come together, and quotes on one side only most of all:
 * translations add scare quotes (the seed's "紧急“输血”" for "an emergency loan").
 */
const QUOTE_EVIDENCE = { none: 0.3, equal: 1, oneSide: -0.7, offByOne: 0, more: -1.2 } as const;
const QUESTION_EVIDENCE = { none: 0, equal: 1.5, oneSide: -1.5, offByOne: 0.5, more: -2 } as const;

function countEvidence(p: number, q: number, cut: boolean, table: Record<keyof typeof QUOTE_EVIDENCE, number>): number {
  if (p === 0 && q === 0) return table.none;
  if (p === q) return table.equal;
  // A text cut short renders part of the other's marks.
  if (cut) return 0;
  if (Math.min(p, q) === 0) return table.oneSide;
  return Math.abs(p - q) === 1 ? table.offByOne : table.more;
}

function markEvidence(x: Features, y: Features): number {
  const cut = (y.truncated && y.quotes <= x.quotes) || (x.truncated && x.quotes <= y.quotes);
  const cutQ = (y.truncated && y.questions <= x.questions) || (x.truncated && x.questions <= y.questions);
  // No quotation in either text says something only of paragraphs (measured on two sentences):
  // one sentence without quotes is the common case whatever it translates.
  const quotes = x.quotes + y.quotes === 0 && Math.min(x.sentences, y.sentences) < 2 ? 0 : countEvidence(x.quotes, y.quotes, cut, QUOTE_EVIDENCE);
  return quotes + countEvidence(x.questions, y.questions, cutQ, QUESTION_EVIDENCE);
}

/**
 * A translation between two languages that write Han (Japanese and Chinese) keeps many of a text's
 * Han characters. Share of the smaller text's distinct Han characters found in the other, on the 55
 * development documents of ntrex128 (zh-Hans, zh-Hant in brackets: 562 translations against 5,356
 * pairs of two other sentences of one document): below 0.1 in 14% (13%) of translations vs 59%
 * (62%) of other pairs, 0.1–0.2 in 16% (13%) vs 26% (25%), 0.2–0.3 in 24% (22%) vs 11% (9%), 0.3 or
 * more in 46% (51%) vs 5% (4%). Log ratios against sentences of the same document (a shift between
 * neighbours is the mistake to avoid; other documents' sentences share even less), the ones against
 * damped: a translation that rewords (五分之一 for 5人に1人) keeps few characters. Below three
 * characters on the smaller side the share says nothing.
 */
const HAN_EVIDENCE = [
  [0.1, -0.8],
  [0.2, -0.2],
  [0.3, 0.8],
  [Number.POSITIVE_INFINITY, 2],
] as const;
const MIN_HAN = 3;

/**
 * Between two languages that write Latin letters, a translation keeps cognates: words that start
 * alike and differ (exportaciones, exportations; económica, économique). Words written the same on
 * both sides are left out: they are names, counted by nameEvidence, and other sentences of one
 * story share them as readily as translations do. Share
 * of the smaller text's other words whose stem the other text has, same measurement as for Han:
 * en-fr below 0.1 in 36% of translations vs 91% of other pairs, 0.1–0.2 in 25% vs 8%, 0.2 or more
 * in 39% vs 1%; en-de 57% vs 94%, 28% vs 5%, 15% vs 1%; tr-de, the weakest of six pairs, 86% vs
 * 98%, 13% vs 2%, 1% vs 0%. Damped like Han's; below five words the share says nothing.
 */
const STEM_EVIDENCE = [
  [0.1, -0.4],
  [0.2, 0.8],
  [Number.POSITIVE_INFINITY, 2],
] as const;
const MIN_STEMS = 5;

function scoreShare(share: number, table: readonly (readonly [number, number])[]): number {
  for (const [below, score] of table) if (share < below) return score;
  return 0;
}

function hanEvidence(x: ReadonlySet<number>, y: ReadonlySet<number>): number {
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  if (small.size < MIN_HAN) return 0;
  let shared = 0;
  for (const c of small) if (large.has(c)) shared += 1;
  return scoreShare(shared / small.size, HAN_EVIDENCE);
}

function cognateEvidence(x: ReadonlyMap<string, string>, y: ReadonlyMap<string, string>): number {
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  let words = 0;
  let shared = 0;
  // forEach, not for…of: entries would allocate a pair per word, and this runs for every bead.
  small.forEach((word, stem) => {
    const other = large.get(stem);
    if (other === word) return;
    words += 1;
    if (other !== undefined) shared += 1;
  });
  return words < MIN_STEMS ? 0 : scoreShare(shared / words, STEM_EVIDENCE);
}

/** Tokens two texts of one language share say nothing of translation: only two told languages count. */
function tokenEvidence(x: Features, y: Features): number {
  if (x.lang === y.lang || x.lang === 'und' || y.lang === 'und') return 0;
  if (!x.cjk && !y.cjk) return cognateEvidence(x.stems(), y.stems());
  return hanEvidence(x.han, y.han);
}

/**
 * Names a translation writes in another script (Branstad, 브랜스타드; Trump, Трамп) keep their
 * consonants. Names of one text found at the start of a word of the other (name-sounds.ts), on the
 * 55 development documents of ntrex128 (paragraphs of two sentences; ko–en, en–ja, ko–ja, en–ru,
 * ru–de): none in 29–50% of translations against 66–81% of pairs with the next paragraph of the
 * same story (88–98% against another story's), one in 30–33% vs 17–27%, two in 11–20% vs 1–7%, three
 * or more in 6–22% vs 0–1%. Log ratios against the next paragraph, damped (a shift is the mistake
 * to avoid); none says nothing (a translator may render a name by its sound, Harvard as ハーバード,
 * or translate it). Chinese writes names in Han characters: its pairs are not asked.
 */
const SOUND_EVIDENCE = [0, 0.5, 1.5, 2.5] as const;

function soundEvidence(x: Features, y: Features): number {
  if (x.lang === y.lang || x.lang === 'und' || y.lang === 'und' || x.lang === 'zh' || y.lang === 'zh') return 0;
  return SOUND_EVIDENCE[Math.min(sharedNameSounds(x.sounds(), y.sounds()), SOUND_EVIDENCE.length - 1)] ?? 0;
}

function evidence(x: Features, y: Features, ratio: number): number {
  return (
    lengthEvidence(x, y, ratio) + sentenceEvidence(x, y) + numberEvidence(x, y) + nameEvidence(x, y) + markEvidence(x, y) + tokenEvidence(x, y) + soundEvidence(x, y)
  );
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** The evidence (log-odds) behind a confidence: sigmoid's inverse. */
export const logit = (p: number): number => Math.log(p / (1 - p));

/** Confidence in [0, 1] that `b` translates `a` (or renders its first part, when cut with "..."). */
export function translationScore(a: string, b: string, memo: FeatureMemo = featureMemo(), ratio = 1, langs: Langs = NO_LANGS): number {
  return sigmoid(evidence(featuresOf(a, memo, langs[0]), featuresOf(b, memo, langs[1]), ratio));
}

const Move = { SkipA: 1, SkipB: 2, OneOne: 3, TwoOne: 4, OneTwo: 5 } as const;
type Move = (typeof Move)[keyof typeof Move];

interface Bead {
  a: number;
  b: number;
  /** Two paragraphs of a (TwoOne) or of b (OneTwo) form the bead with one of the other side. */
  move: Move;
  score: number;
}

/**
 * Two unrelated paragraph lists still hold a few pairs whose lengths happen to agree; a real
 * translation pairs paragraphs in runs. So a bead that resumes pairing after skipped paragraphs
 * pays this much (affine gap): on ntrex128 it removes most chance pairs of mismatched documents.
 */
const RESUME_PENALTY = 3;

/** One cell per layer: on the path (last step a bead, or the start) or off it (last step a skip). */
const ON = 0;
const OFF = 1;

/** Each paragraph merged with the one before it, where the two could be the halves of a 2–1 bead. */
function mergedWithPrevious(f: readonly Features[]): (Features | undefined)[] {
  return f.map((x, i) => {
    const prev = f[i - 1];
    // A real 2–1 bead splits one text in comparable halves; a label glued to a paragraph is not one.
    const comparable = prev && Math.min(prev.length, x.length) >= MIN_MERGE_SHARE * (prev.length + x.length);
    return prev && comparable && !prev.truncated ? merge(prev, x) : undefined;
  });
}

/** `ma`, `mb`: mergedWithPrevious of `fa` and `fb`, shared by both passes of alignParagraphs. */
function align(
  fa: readonly Features[],
  fb: readonly Features[],
  ma: readonly (Features | undefined)[],
  mb: readonly (Features | undefined)[],
  ratio: number,
  band: number,
): Bead[] {
  const n = fa.length;
  const m = fb.length;
  const width = 2 * band + 1;
  // Row i covers columns lo(i)..lo(i)+width-1 around the diagonal i*m/n.
  const lo = (i: number): number => Math.round((i * m) / n) - band;
  const size = (n + 1) * width;
  const score = [new Float64Array(size).fill(Number.NEGATIVE_INFINITY), new Float64Array(size).fill(Number.NEGATIVE_INFINITY)] as const;
  // Back pointers: move * 2 + layer of the cell the move came from.
  const back = [new Uint8Array(size), new Uint8Array(size)] as const;
  const index = (i: number, j: number): number => {
    const k = j - lo(i);
    return i < 0 || j < 0 || j > m || k < 0 || k >= width ? -1 : i * width + k;
  };
  // Best way into cell (i, j) for a bead (from = the layer it leaves; resuming pays the penalty),
  // written to `via` rather than returned, to keep the inner loop free of allocations.
  const via = { value: 0, from: 0 };
  const best = (i: number, j: number, penalty: number): void => {
    const k = index(i, j);
    via.value = Number.NEGATIVE_INFINITY;
    via.from = ON;
    if (k < 0) return;
    const on = score[ON][k] ?? Number.NEGATIVE_INFINITY;
    const off = (score[OFF][k] ?? Number.NEGATIVE_INFINITY) - penalty;
    via.value = Math.max(on, off);
    via.from = on >= off ? ON : OFF;
  };
  for (let i = 0; i <= n; i++) {
    const end = Math.min(m, lo(i) + width - 1);
    for (let j = Math.max(0, lo(i)); j <= end; j++) {
      const k = i * width + (j - lo(i));
      if (i === 0 && j === 0) {
        score[ON][k] = 0;
        continue;
      }
      best(i - 1, j, 0);
      let skipScore = via.value;
      let skipCode = Move.SkipA * 2 + via.from;
      best(i, j - 1, 0);
      if (via.value > skipScore) {
        skipScore = via.value;
        skipCode = Move.SkipB * 2 + via.from;
      }
      score[OFF][k] = skipScore;
      back[OFF][k] = skipCode;
      const x = fa[i - 1];
      const y = fb[j - 1];
      if (!x || !y) continue;
      best(i - 1, j - 1, RESUME_PENALTY);
      let beadScore = via.value + evidence(x, y, ratio);
      let beadCode = Move.OneOne * 2 + via.from;
      const x2 = ma[i - 1];
      if (x2) {
        best(i - 2, j - 1, RESUME_PENALTY);
        const value = via.value + evidence(x2, y, ratio) - MERGE_PENALTY;
        if (value > beadScore) {
          beadScore = value;
          beadCode = Move.TwoOne * 2 + via.from;
        }
      }
      const y2 = mb[j - 1];
      if (y2) {
        best(i - 1, j - 2, RESUME_PENALTY);
        const value = via.value + evidence(x, y2, ratio) - MERGE_PENALTY;
        if (value > beadScore) {
          beadScore = value;
          beadCode = Move.OneTwo * 2 + via.from;
        }
      }
      score[ON][k] = beadScore;
      back[ON][k] = beadCode;
    }
  }
  const last = index(n, m);
  const beads: Bead[] = [];
  // Ending on one paragraph skipped pays as resuming after it does: otherwise a paragraph left
  // untranslated is cheaper to leave at the end, shifting every pair after it by one. Several
  // paragraphs left at the end are a translation that stops early, or the page's other texts
  // (credits, footers): they end the alignment freely.
  let skipped = 0;
  for (let ti = n, tj = m, at = last; at >= 0 && skipped < 2; ) {
    const code = back[OFF][at] ?? 0;
    const move = code >> 1;
    if (move !== Move.SkipA && move !== Move.SkipB) break;
    skipped += 1;
    if (move === Move.SkipA) ti -= 1;
    else tj -= 1;
    if ((code & 1) === ON) break;
    at = index(ti, tj);
  }
  const endPenalty = skipped === 1 ? RESUME_PENALTY : 0;
  let layer = (score[ON][last] ?? Number.NEGATIVE_INFINITY) >= (score[OFF][last] ?? Number.NEGATIVE_INFINITY) - endPenalty ? ON : OFF;
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const code = (layer === ON ? back[ON] : back[OFF])[index(i, j)] ?? 0;
    const move = code >> 1;
    layer = code & 1;
    if (move === Move.SkipA) i -= 1;
    else if (move === Move.SkipB) j -= 1;
    else {
      const x = move === Move.TwoOne ? ma[i - 1] : fa[i - 1];
      const y = move === Move.OneTwo ? mb[j - 1] : fb[j - 1];
      if (!x || !y) break;
      const penalty = move === Move.OneOne ? 0 : MERGE_PENALTY;
      const kind = move === Move.TwoOne ? Move.TwoOne : move === Move.OneTwo ? Move.OneTwo : Move.OneOne;
      beads.push({ a: i - 1, b: j - 1, move: kind, score: evidence(x, y, ratio) - penalty });
      i -= move === Move.TwoOne ? 2 : 1;
      j -= move === Move.OneTwo ? 2 : 1;
    }
  }
  return beads.reverse();
}

function toPairs(beads: readonly Bead[], threshold: number): AlignedPair[] {
  const pairs: AlignedPair[] = [];
  for (const bead of beads) {
    const confidence = sigmoid(bead.score);
    if (confidence < threshold) continue;
    if (bead.move === Move.TwoOne) pairs.push({ a: bead.a - 1, b: bead.b, confidence });
    if (bead.move === Move.OneTwo) pairs.push({ a: bead.a, b: bead.b - 1, confidence });
    pairs.push({ a: bead.a, b: bead.b, confidence });
  }
  return pairs;
}

/** Median length ratio of the confident 1–1 beads, when there are enough of them to trust. */
function refitRatio(beads: readonly Bead[], fa: readonly Features[], fb: readonly Features[]): number | null {
  const ratios: number[] = [];
  for (const bead of beads) {
    const x = fa[bead.a];
    const y = fb[bead.b];
    if (bead.move === Move.OneOne && bead.score > 2 && x && y && !x.truncated && !y.truncated) ratios.push(y.length / x.length);
  }
  if (ratios.length < 3) return null;
  ratios.sort((p, q) => p - q);
  const median = ratios[Math.floor(ratios.length / 2)] ?? 1;
  return Math.min(Math.max(median, 0.5), 2);
}

/**
 * Pairs paragraphs of `a` with their translations in `b`, keeping document order. Paragraphs with
 * no counterpart stay out; a 2–1 bead yields two pairs sharing one paragraph.
 */
export function alignParagraphs(a: readonly string[], b: readonly string[], opts: AlignOptions = {}): { pairs: AlignedPair[] } {
  if (a.length === 0 || b.length === 0) return { pairs: [] };
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const band = Math.max(opts.band ?? DEFAULT_BAND, Math.abs(a.length - b.length) > 4 * DEFAULT_BAND ? 0 : Math.abs(a.length - b.length));
  const memo = opts.memo ?? featureMemo();
  const [langA, langB] = opts.langs ?? NO_LANGS;
  const fa = a.map((text) => featuresOf(text, memo, langA));
  const fb = b.map((text) => featuresOf(text, memo, langB));
  const ma = mergedWithPrevious(fa);
  const mb = mergedWithPrevious(fb);
  const expected = opts.ratio ?? 1;
  let beads = align(fa, fb, ma, mb, expected, band);
  const ratio = refitRatio(beads, fa, fb);
  if (ratio !== null && Math.abs(Math.log(ratio / expected)) > 0.1) beads = align(fa, fb, ma, mb, ratio, band);
  const pairs = toPairs(beads, threshold);
  // Per bead, so a 2–1 bead's evidence counts once.
  const total = beads.reduce((sum, bead) => (sigmoid(bead.score) >= threshold ? sum + bead.score : sum), 0);
  const shorter = Math.min(a.length, b.length);
  const covered = new Set(pairs.map((pair) => (a.length <= b.length ? pair.a : pair.b))).size;
  const needed =
    opts.coveredEvidence !== undefined && shorter >= MIN_COVERED && covered === shorter
      ? Math.min(opts.coveredEvidence, opts.minEvidence ?? DEFAULT_MIN_EVIDENCE)
      : (opts.minEvidence ?? DEFAULT_MIN_EVIDENCE);
  return { pairs: total >= needed ? pairs : [] };
}
