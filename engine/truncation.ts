import { CHAR_LETTER, CHAR_NUMBER, charClass } from './text';
import { CJK_WEIGHT, isCjk, latinLength } from './writing-systems';

/**
 * Paragraphs cut off: ending in an ellipsis after running text, or a long paragraph stopping in the
 * middle of a sentence. Headings, captions, list items and bylines end without a period on real
 * pages, so both kinds require a paragraph of some length and an ending that only a cut produces.
 */
export type TruncationKind = 'ellipsis' | 'mid-sentence';

/** Size in words (a Han/Kana/Hangul character counts half a word) below which an ellipsis is a label's ("Loading…", "Read more..."). */
const ELLIPSIS_MIN_WEIGHT = 15;
/**
 * Size, in Latin-character equivalents (a Han/Kana/Hangul character counts CJK_WEIGHT), from which
 * a paragraph without a full stop is long enough to be prose rather than a heading or caption.
 */
const MID_SENTENCE_MIN_SIZE = 200;
/** Words the last sentence needs before an ellipsis for the ellipsis to be a cut. */
const ELLIPSIS_MIN_CLAUSE = 3;

/**
 * Endings that say the sentence goes on: a comma, dash or opening bracket. Not a semicolon: items
 * of legal and enumerated lists end on one. Not an opening quote: translated Chinese often closes
 * a quotation with “.
 */
const CONTINUES = new Set([',', '，', '、', '-', '‐', '–', '—', '(', '（', '[', '【', '「', '『']);
/** Sentence terminators, closing quotes and brackets that end a complete paragraph. */
const SENTENCE_END = /[.!?。！？．｡…]/u;
/** Where the last clause before an ellipsis starts: a sentence end or a separator of run-in lists. */
const CLAUSE_START = new Set([...'.!?。！？．｡…•·|'].map((ch) => ch.charCodeAt(0)));
const ANY_ELLIPSIS = /\.{3}|…|。。。|⋯/u;
/** Words after which an ellipsis is ordinary writing ("and so on..."), not a cut. */
const OPEN_ENDED = /(?:\betc|\band so on|\band so forth|等等?|など)$/iu;
/**
 * Words no sentence ends on (articles, prepositions, conjunctions, possessives) in the Latin-script
 * languages the pages mix with Chinese. A long paragraph whose last word is one of them stopped
 * mid-sentence; one ending on any other word may just lack its full stop (digests, credits,
 * "Learn more" links do), so it is left alone.
 */
const NEVER_FINAL = new Set(
  (
    'the a an of to and or but nor with from that which whose than into onto their its his her our your my ' +
    'le la les des du de et un une au aux ou ' +
    'der die das den dem des und oder ein eine einen einem zu mit von ' +
    'el los las del y con por que una'
  ).split(' '),
);
const LETTER = /\p{L}/u;
const DIGIT = /\p{N}/u;
/** Longest OPEN_ENDED phrase ("and so forth"), plus room for the character its \b looks at. */
const OPEN_ENDED_REACH = 16;

/** The code point at `i`, or the lone surrogate there. */
function codePointAt(text: string, i: number): number {
  return text.codePointAt(i) ?? 0;
}

/** Words plus half the Han/Kana/Hangul characters, in one pass over the code points. */
function weightOf(text: string): number {
  let words = 0;
  let wide = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const cp = codePointAt(text, i);
    if (cp > 0xffff) i++;
    if (isCjk(cp)) {
      wide++;
      inWord = false;
    } else if (isLetterOrNumber(charClass(cp))) {
      if (!inWord) words++;
      inWord = true;
    } else if (cp !== 0x27 && cp !== 0x2019 && cp !== 0x2d) {
      inWord = false;
    }
  }
  return words + wide / 2;
}

/** Whether the text reaches MID_SENTENCE_MIN_SIZE; reading stops once it does. */
function proseSized(text: string): boolean {
  let size = 0;
  for (let i = 0; i < text.length && size < MID_SENTENCE_MIN_SIZE; i++) {
    const cp = codePointAt(text, i);
    if (cp > 0xffff) i++;
    size += isCjk(cp) ? CJK_WEIGHT : 1;
  }
  return size >= MID_SENTENCE_MIN_SIZE;
}

/**
 * Length of the ellipsis ending the text ("...", "…", "……", "。。。", "⋯⋯"), or 0. A closing
 * quote after it means quoted speech trailing off, so it has to be the very end.
 */
function trailingEllipsis(t: string): number {
  const last = t.charCodeAt(t.length - 1);
  const least = last === 0x2e || last === 0x3002 ? 3 : last === 0x2026 || last === 0x22ef ? 1 : 0;
  if (least === 0) return 0;
  let start = t.length - 1;
  while (start > 0 && t.charCodeAt(start - 1) === last) start--;
  return t.length - start >= least ? t.length - start : 0;
}

/** The last word, lower-cased: the trailing run of letters and apostrophes. */
function lastWord(t: string): string {
  let start = t.length;
  while (start > 0) {
    const unit = t.charCodeAt(start - 1);
    const pair = unit >= 0xdc00 && unit <= 0xdfff && start >= 2 && isHighSurrogate(t.charCodeAt(start - 2));
    const cp = pair ? codePointAt(t, start - 2) : unit;
    if (!(cp === 0x27 || cp === 0x2019 || charClass(cp) === CHAR_LETTER)) break;
    start -= pair ? 2 : 1;
  }
  return t.slice(start).toLowerCase();
}

const isLetterOrNumber = (cls: number) => cls === CHAR_LETTER || cls === CHAR_NUMBER;
const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;

/** An initial ("A.", "U.S.") rather than the end of a sentence. */
const INITIAL = /(?:^|[^\p{L}])\p{Lu}$/u;

function lastClause(text: string): string {
  for (let i = text.length - 1; i >= 0; i--) {
    const unit = text.charCodeAt(i);
    if (CLAUSE_START.has(unit) && !(unit === 0x2e && INITIAL.test(text.slice(Math.max(0, i - 2), i)))) return text.slice(i + 1);
  }
  return text;
}

function lastChar(text: string): string {
  const cp = text.codePointAt(text.length - 1) ?? 0;
  if (cp >= 0xdc00 && cp <= 0xdfff && text.length >= 2) return String.fromCodePoint(text.codePointAt(text.length - 2) ?? cp);
  return String.fromCodePoint(cp);
}

/** The text before an ellipsis that ends it right after a word or a comma ("text,..."), or null. */
function beforeCutEllipsis(t: string): string | null {
  const ellipsis = trailingEllipsis(t);
  const before = t.slice(0, t.length - ellipsis).trimEnd();
  if (ellipsis === 0 || before.length === 0 || OPEN_ENDED.test(before.slice(-OPEN_ENDED_REACH))) return null;
  const prev = lastChar(before);
  const spaced = before.length < t.length - ellipsis;
  const afterWord = isCjk(prev.codePointAt(0) ?? 0) || LETTER.test(prev) || DIGIT.test(prev);
  // "a, b, ..." continues a list; "text,..." was cut right after the comma.
  return afterWord || (!spaced && CONTINUES.has(prev)) ? before : null;
}

/**
 * Whether the text stops on an ellipsis right after a word, whatever its length or the length of
 * its last clause ("… he said. \"That's..."). Alone that is style as often as a cut; beside a
 * translation much longer than itself it is a cut.
 */
export function endsInEllipsis(text: string): boolean {
  return beforeCutEllipsis(text.trim()) !== null;
}

/**
 * Whether a paragraph looks cut off. `ellipsis`: it ends in an ellipsis right after a word or a
 * comma, is longer than a label, and its last sentence has a few words. `mid-sentence`: it is long
 * prose (it holds a sentence end somewhere) whose last sentence stops on a comma, a dash, an opening
 * bracket, or a word no sentence ends on.
 */
export function truncation(text: string): TruncationKind | null {
  const t = text.trim();
  if (trailingEllipsis(t) > 0) {
    const before = beforeCutEllipsis(t);
    if (before === null || weightOf(before) < ELLIPSIS_MIN_WEIGHT) return null;
    // A writer who trails off mid-paragraph too ("gadgets.... Now I…") uses ellipses as style.
    if (ANY_ELLIPSIS.test(before)) return null;
    // A word or two after a full stop ("… Apple TV. Mehr…", "However…") is a link label or a cliffhanger.
    return weightOf(lastClause(before)) >= ELLIPSIS_MIN_CLAUSE ? 'ellipsis' : null;
  }
  if (t.length === 0 || !proseSized(t)) return null;
  const end = lastChar(t);
  const body = t.slice(0, t.length - end.length);
  if (!SENTENCE_END.test(body)) return null;
  // No rule for a Han/Kana/Hangul last character: translated Chinese news often omits the final 。.
  if (CONTINUES.has(end)) return 'mid-sentence';
  return NEVER_FINAL.has(lastWord(t)) ? 'mid-sentence' : null;
}

/**
 * A translation is about as long as its original (alignment.ts: Latin-equivalent length ratio 1.0,
 * 5th percentile 0.74 on ntrex128); a paired paragraph below this share of its partner's length is
 * missing part of the text.
 */
const SHORT_OF_TRANSLATION = 0.7;

/**
 * Paired paragraphs that stop on an ellipsis and hold much less than their translation: cut, even
 * when the words before the ellipsis alone could be style (a one-word last sentence, say).
 */
export function shortOfTranslation(pairs: readonly { a: number; b: number }[], units: readonly { text: string }[]): Set<number> {
  const short = new Set<number>();
  for (const pair of pairs) {
    for (const [side, other] of [[pair.a, pair.b], [pair.b, pair.a]] as const) {
      const text = units[side]?.text ?? '';
      if (!endsInEllipsis(text)) continue;
      if (latinLength(text) < SHORT_OF_TRANSLATION * latinLength(units[other]?.text ?? '')) short.add(side);
    }
  }
  return short;
}
