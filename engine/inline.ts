import type { Part } from './report';
import { foldSpace } from './text';
import { detectLanguage, type LanguageMemo, languageMemo } from './languages';
import { scriptOf, type WritingScript } from './writing-systems';

/** One language run of a text: [start, end) offsets into the string given. */
export interface InlineRun {
  lang: string;
  start: number;
  end: number;
}

/** Runs up to this many characters are told again with their neighbours' languages as prior. */
const SHORT_RUN = 80;

/** Han, kana and Hangul write without spaces, so they behave as one class here. */
type LetterClass = Exclude<WritingScript, 'han' | 'hiragana' | 'katakana' | 'hangul' | null> | 'cjk';

interface Token {
  cls: LetterClass;
  start: number;
  end: number;
  /** Letters, or 0 for CJK punctuation (which only marks CJK context). */
  letters: number;
}

interface Run {
  cls: LetterClass;
  /** Indices into the token array, inclusive. */
  first: number;
  last: number;
  /** Non-CJK words, plus one per two CJK letters: a rough word count comparable across scripts. */
  weight: number;
  /** Tokens of another class merged into this run (Latin names inside Chinese). */
  foreign: number[];
  /** Tokens of this run's own class. */
  own: number[];
}

const isSpace = (cp: number) =>
  cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || cp === 0xa0 || cp === 0x3000 || (cp >= 0x2000 && cp <= 0x200b) || cp === 0x202f || cp === 0x205f || cp === 0xfeff;

/** Full-width and CJK punctuation, written only inside CJK text. */
const isCjkPunctuation = (cp: number) =>
  (cp >= 0x3001 && cp <= 0x303f) || cp === 0x30fb || (cp >= 0xff01 && cp <= 0xff20) || (cp >= 0xff3b && cp <= 0xff40) || (cp >= 0xff5b && cp <= 0xff65) || (cp >= 0xfe30 && cp <= 0xfe4f);

/** Characters that hold a word together (GPT-4o, 11万, AI/ML): no break between scripts. */
const isGlue = (cp: number) =>
  (cp >= 0x30 && cp <= 0x39) || cp === 0x2d || cp === 0x5f || cp === 0x2b || cp === 0x23 || cp === 0x26 || cp === 0x2f || cp === 0x27 || cp === 0x2019 || cp === 0xb7;

const OPENING = new Set(['(', '[', '{', '"', '“', '‘', '«', '「', '『', '（', '【', '〔', '《', '〈']);
const CLOSING = new Set([')', ']', '}', '"', '”', '’', '»', '」', '』', '）', '】', '〕', '》', '〉']);
/** Brackets that set a gloss or original name beside text (琼斯（Elin Jones）); quotes do not. */
const GLOSS_OPENING = new Set(['(', '[', '（', '【', '〔']);
const GLOSS_CLOSING = new Set([')', ']', '）', '】', '〕']);
const SENTENCE_END = new Set(['.', '!', '?', '。', '！', '？', '…']);

/**
 * Whether text[i] ends a sentence and a space follows. A full stop after a short capitalised
 * word or "vs" is an abbreviation (Mr., Sen., U.S., vs.), not a sentence end.
 */
function sentenceBreakAt(text: string, i: number): boolean {
  const ch = text[i] ?? '';
  if (!SENTENCE_END.has(ch)) return false;
  let after = i + 1;
  while (after < text.length && CLOSING.has(text[after] ?? '')) after++;
  if (after < text.length && !isSpace(text.charCodeAt(after))) return false;
  if (ch !== '.') return true;
  let start = i;
  while (start > 0 && scriptOf(text.charCodeAt(start - 1)) === 'latin') start--;
  const word = text.slice(start, i);
  if (word === 'vs') return false;
  const first = word.charCodeAt(0);
  return !(word.length > 0 && word.length <= 3 && first >= 0x41 && first <= 0x5a);
}

function letterClass(script: WritingScript): LetterClass | null {
  if (script === null) return null;
  if (script === 'han' || script === 'hiragana' || script === 'katakana' || script === 'hangul') return 'cjk';
  return script;
}

/** Maximal runs of letters of one class; CJK punctuation makes zero-letter CJK tokens. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let current: Token | null = null;
  for (let i = 0; i < text.length; i++) {
    const start = i;
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    const cls = letterClass(scriptOf(cp));
    if (cls !== null) {
      if (current && current.cls === cls && current.end === start && current.letters > 0) {
        current.end = i + 1;
        current.letters++;
      } else {
        current = { cls, start, end: i + 1, letters: 1 };
        tokens.push(current);
      }
    } else if (isCjkPunctuation(cp)) {
      current = { cls: 'cjk', start, end: i + 1, letters: 0 };
      tokens.push(current);
    } else {
      current = null;
    }
  }
  return tokens;
}

function onlyGlue(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isGlue(text.charCodeAt(i))) return false;
  return true;
}

/** CJK sentence ends: Chinese and Japanese put no space after them, so the next word may be English. */
const CJK_SENTENCE_END = new Set(['。', '！', '？']);
/** Full-width separators ("English title｜中文标题") join neither side. */
const CJK_SEPARATORS = new Set(['｜', '／']);

/** Words of a spaced script that must follow a capitalised word glued to CJK text for it to open a sentence. */
const SENTENCE_RUN = 4;
/** How far along the following words a glued word is looked for again (a bound, so the split stays linear). */
const NAME_REACH = 40;

/**
 * Whether tokens[i], glued to the CJK text before it, opens a sentence in a spaced script rather
 * than naming something inside the CJK text: it is capitalised and a run of words follows with no
 * CJK among them ("…中文摘要The Prime Minister said on Monday…", a glued digest).
 */
function startsSentence(text: string, tokens: Token[], i: number): boolean {
  const token = tokens[i] as Token;
  if (token.cls === 'cjk' || !capitalised(text, token)) return false;
  for (let j = i + 1; j <= i + SENTENCE_RUN; j++) {
    const next = tokens[j];
    if (next === undefined || next.cls === 'cjk' || next.cls !== token.cls) return false;
    if (onlyGlue(text, (tokens[j - 1] as Token).end, next.start) && !isSpace(text.charCodeAt(next.start - 1))) return false;
  }
  // A name the English then writes again is the Chinese half's last word: "…的公司SpaceX Musk's SpaceX wins…".
  const word = text.slice(token.start, token.end);
  for (let j = i + 1; j <= i + NAME_REACH && j < tokens.length; j++) {
    const next = tokens[j] as Token;
    if (next.cls !== token.cls) break;
    if (next.end - next.start === word.length && text.startsWith(word, next.start)) return false;
  }
  return true;
}

/**
 * A Latin (or other spaced-script) word written against CJK text without a space belongs to the
 * CJK text: SpaceX在IPO前, 11万块Nvidia, （Elin Jones）. Not after a CJK sentence end: in
 * "仅供参考。This article…" the English sentence starts there.
 */
function glueToCjk(text: string, tokens: Token[]): void {
  let chainStart = 0;
  for (let i = 0; i <= tokens.length; i++) {
    const prev = tokens[i - 1];
    const token = tokens[i];
    const connected =
      prev !== undefined &&
      token !== undefined &&
      onlyGlue(text, prev.end, token.start) &&
      !(token.cls !== 'cjk' && prev.letters === 0 && CJK_SENTENCE_END.has(text[prev.end - 1] ?? '')) &&
      !(prev.letters === 0 && CJK_SEPARATORS.has(text[prev.end - 1] ?? '')) &&
      !(token.letters === 0 && CJK_SEPARATORS.has(text[token.start] ?? '')) &&
      !(prev.cls === 'cjk' && prev.letters > 0 && startsSentence(text, tokens, i));
    if (connected) continue;
    let hasCjk = false;
    for (let j = chainStart; j < i; j++) if (tokens[j]?.cls === 'cjk') hasCjk = true;
    if (hasCjk) {
      for (let j = chainStart; j < i; j++) {
        const t = tokens[j];
        if (t && t.cls !== 'cjk') t.cls = 'cjk';
      }
    }
    chainStart = i;
  }
}

function tokenWeight(token: Token): number {
  return token.cls === 'cjk' ? token.letters / 2 : 1;
}

function buildRuns(original: LetterClass[], tokens: Token[]): Run[] {
  const runs: Run[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const last = runs[runs.length - 1];
    const foreign = original[i] !== token.cls;
    if (last && last.cls === token.cls) {
      last.last = i;
      last.weight += foreign ? 1 : tokenWeight(token);
      (foreign ? last.foreign : last.own).push(i);
    } else {
      runs.push({
        cls: token.cls,
        first: i,
        last: i,
        weight: foreign ? 1 : tokenWeight(token),
        foreign: foreign ? [i] : [],
        own: foreign ? [] : [i],
      });
    }
  }
  return runs;
}

function absorb(host: Run, guest: Run): void {
  host.first = Math.min(host.first, guest.first);
  host.last = Math.max(host.last, guest.last);
  host.weight += guest.weight;
  const own = guest.cls === host.cls ? host.own : host.foreign;
  for (const w of guest.own) own.push(w);
  for (const w of guest.foreign) host.foreign.push(w);
}

function bracketed(text: string, tokens: Token[], run: Run): boolean {
  const first = tokens[run.first] as Token;
  const last = tokens[run.last] as Token;
  let before = first.start - 1;
  while (before >= 0 && isSpace(text.charCodeAt(before))) before--;
  let after = last.end;
  while (after < text.length && isSpace(text.charCodeAt(after))) after++;
  return GLOSS_OPENING.has(text[before] ?? '') && GLOSS_CLOSING.has(text[after] ?? '');
}

/**
 * A short run between two runs of one class is a name or term inside that text: Latin words
 * inside Chinese (与 Google 签署) at any host size, other scripts only inside a clearly larger host.
 */
/** Capitalised first and last words (Newport on the Levee, Andres Manuel Lopez Obrador). */
function nameLike(text: string, tokens: Token[], run: Run): boolean {
  if (run.cls === 'cjk') return true;
  const first = text[(tokens[run.first] as Token).start] ?? '';
  const last = text[(tokens[run.last] as Token).start] ?? '';
  const lastToken = tokens[run.last] as Token;
  return first !== first.toLowerCase() && (last !== last.toLowerCase() || afterApostrophe(text, lastToken));
}

function sandwiched(prev: Run, run: Run, next: Run, text: string, tokens: Token[], cjkHosts: boolean): boolean {
  if (prev.cls !== next.cls || (prev.cls === 'cjk') !== cjkHosts) return false;
  if (run.weight === 0) return true;
  if (bracketed(text, tokens, run)) return run.weight <= 12;
  if (prev.cls === 'cjk') return run.weight <= 3 || (run.weight <= 6 && nameLike(text, tokens, run));
  return run.weight <= 2 && Math.max(prev.weight, next.weight) >= 2 * run.weight + 1;
}

/**
 * Names inside CJK text are settled first, so that a CJK run holding names is whole before it
 * could be mistaken for a short insert in the Latin text around it.
 */
function mergeSandwiches(runs: Run[], text: string, tokens: Token[]): Run[] {
  return mergeSandwichesOf(mergeSandwichesOf(runs, text, tokens, true), text, tokens, false);
}

function mergeSandwichesOf(runs: Run[], text: string, tokens: Token[], cjkHosts: boolean): Run[] {
  const stack: Run[] = [];
  for (const run of runs) {
    stack.push(run);
    for (;;) {
      const n = stack.length;
      const prev = stack[n - 3];
      const mid = stack[n - 2];
      const next = stack[n - 1];
      if (!prev || !mid || !next || !sandwiched(prev, mid, next, text, tokens, cjkHosts)) break;
      stack.length = n - 3;
      absorb(prev, mid);
      absorb(prev, next);
      stack.push(prev);
    }
  }
  return stack;
}

/**
 * Whether an edge run and its neighbour read as one text written twice (Hot 热度, AI News
 * AI资讯): similar sizes, and whatever foreign words the neighbour holds come from the edge run.
 */
function translationPair(edge: Run, neighbour: Run, text: string, tokens: Token[]): boolean {
  if (neighbour.weight > 2 * edge.weight + 1 || edge.weight > 2 * neighbour.weight + 1) return false;
  // A name before a sentence (Sims 时年 20 岁。) is its subject, not its translation.
  if (endsSentence(text, tokens, neighbour) && !endsSentence(text, tokens, edge)) return false;
  const word = (i: number) => {
    const token = tokens[i] as Token;
    return text.slice(token.start, token.end);
  };
  const words = new Set(edge.own.map(word));
  return neighbour.foreign.every((i) => words.has(word(i)));
}

function endsSentence(text: string, tokens: Token[], run: Run): boolean {
  for (let k = run.last; k >= run.first && (tokens[k] as Token).letters === 0; k--) {
    if (SENTENCE_END.has(text[(tokens[k] as Token).start] ?? '')) return true;
  }
  let i = (tokens[run.last] as Token).end;
  while (i < text.length && (isSpace(text.charCodeAt(i)) || CLOSING.has(text[i] ?? ''))) i++;
  return SENTENCE_END.has(text[i] ?? '');
}

function foldsInto(edge: Run, neighbour: Run, text: string, tokens: Token[]): boolean {
  if (edge.weight === 0) return true;
  if (bracketed(text, tokens, edge)) return edge.weight <= 12;
  return edge.weight <= 4 && nameLike(text, tokens, edge) && !translationPair(edge, neighbour, text, tokens);
}

/**
 * A run in another script opening the text and closed by a colon labels what follows ("原文标题:
 * Scientists release…"): the label is a text of its own, not a name inside the sentence.
 */
function labelsLine(run: Run, text: string, tokens: Token[]): boolean {
  let i = (tokens[run.last] as Token).end;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return run.cls === 'cjk' && (text[i] === ':' || text[i] === '：');
}

/** A short run at either end that is not a translation of its neighbour is part of it. */
function mergeEdges(runs: Run[], text: string, tokens: Token[]): Run[] {
  const result = runs.slice();
  const first = result[0];
  const second = result[1];
  if (first && second && !labelsLine(first, text, tokens) && foldsInto(first, second, text, tokens)) {
    absorb(second, first);
    result.shift();
  }
  const last = result[result.length - 1];
  const before = result[result.length - 2];
  if (last && before && foldsInto(last, before, text, tokens)) {
    absorb(before, last);
    result.pop();
  }
  return result;
}

/**
 * Where the neutral gap between two runs is cut: after the last sentence end that a space
 * follows (carillon. | 1939 年), else at its last space, else before an opening bracket or
 * glued digits.
 */
function cutPoint(text: string, from: number, to: number): number {
  for (let i = to - 2; i >= from; i--) {
    if (sentenceBreakAt(text, i)) {
      let cut = i + 1;
      while (cut < to && CLOSING.has(text[cut] ?? '')) cut++;
      return cut;
    }
  }
  for (let i = to - 1; i >= from; i--) if (isSpace(text.charCodeAt(i))) return i;
  for (let i = from; i < to; i++) if (OPENING.has(text[i] ?? '')) return i;
  let cut = to;
  while (cut > from && isGlue(text.charCodeAt(cut - 1))) cut--;
  return cut;
}

function capitalised(text: string, token: Token): boolean {
  const ch = text[token.start] ?? '';
  return ch !== ch.toLowerCase();
}

/** A word after an apostrophe (the s of Sainsbury's) belongs to the word before it. */
function afterApostrophe(text: string, token: Token): boolean {
  const ch = text[token.start - 1];
  return ch === "'" || ch === '’';
}

/**
 * How many of the Latin run's last tokens (up to three words) open the CJK text after it: the
 * words after its last sentence end (… him. Merriweather 先生表示), or a name that the Latin text
 * already wrote and the translation repeats first (… Arena BBC Scotland 的 …).
 */
function openingTokens(text: string, tokens: Token[], run: Run): number {
  const limit = Math.max(run.first + 1, run.last - 2);
  for (let k = run.last; k >= limit; k--) {
    const gapStart = (tokens[k - 1] as Token).end;
    const gapEnd = (tokens[k] as Token).start;
    for (let i = gapStart; i + 1 < gapEnd; i++) if (sentenceBreakAt(text, i)) return run.last - k + 1;
  }
  // A Latin text that ends its sentence after the name keeps it: "… the sport in Scotland." 贝蒂表示.
  const after = text.slice((tokens[run.last] as Token).end, (tokens[run.last + 1] as Token | undefined)?.start ?? text.length);
  if (/[.!?]/.test(after)) return 0;
  for (let k = limit; k <= run.last; k++) {
    const tail = tokens.slice(k, run.last + 1);
    if (afterApostrophe(text, tail[0] as Token) || !isSpace(text.charCodeAt((tail[0] as Token).start - 1))) continue;
    if (!tail.every((t) => capitalised(text, t) || afterApostrophe(text, t))) continue;
    const words = tail.map((t) => text.slice(t.start, t.end));
    for (let j = run.first; j + words.length <= k; j++) {
      if (words.every((w, n) => text.slice((tokens[j + n] as Token).start, (tokens[j + n] as Token).end) === w)) {
        return tail.length;
      }
    }
  }
  return 0;
}

function moveOpenings(text: string, tokens: Token[], runs: Run[]): void {
  for (let r = 0; r + 1 < runs.length; r++) {
    const run = runs[r] as Run;
    const next = runs[r + 1] as Run;
    if (next.cls !== 'cjk' || run.cls === 'cjk') continue;
    const count = openingTokens(text, tokens, run);
    for (let moved = 0; moved < count; moved++) {
      next.foreign.push(run.last);
      run.last--;
      run.weight--;
      run.own.pop();
      next.first--;
      next.weight++;
    }
  }
}

function trimRange(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return [s, e];
}

/** Marks that set two languages apart ("English title | 中文标题"), when they stand alone. */
const SEPARATORS = new Set(['|', '｜', '/', '／', '·', '•', '-', '–', '—']);

/** A separator, perhaps doubled ("//"), as a character class. */
const SEPARATOR_CLASS = `[${[...SEPARATORS].map((mark) => mark.replace(/[-\\\]^]/u, '\\$&')).join('')}]{1,3}`;
const LEADING_SEPARATOR = new RegExp(`^\\s*${SEPARATOR_CLASS}\\s+`, 'u');
const TRAILING_SEPARATOR = new RegExp(`\\s+${SEPARATOR_CLASS}\\s*$`, 'u');

/**
 * A text without a separator (perhaps doubled) standing, spaced, at either edge: "// This website…"
 * cut off "Diese Website nutzt keine Cookies. // This website…" belongs to neither sentence.
 */
export function withoutSeparators(text: string): string {
  return text.replace(LEADING_SEPARATOR, '').replace(TRAILING_SEPARATOR, '');
}

/** A run without the separator that stands, spaced, at either edge: it belongs to neither language. */
function trimSeparators(text: string, start: number, end: number): [number, number] {
  // A full-width separator needs no space to stand apart.
  const apart = (i: number, beside: number) => CJK_SEPARATORS.has(text[i] ?? '') || isSpace(text.charCodeAt(beside));
  let e = end;
  while (e - 2 > start && SEPARATORS.has(text[e - 1] ?? '') && apart(e - 1, e - 2)) e = trimRange(text, start, e - 1)[1];
  let s = start;
  while (s + 2 < e && SEPARATORS.has(text[s] ?? '') && apart(s, s + 1)) s = trimRange(text, s + 1, e)[0];
  return [s, e];
}

/**
 * Language runs of one element's text, as offsets into the given (unfolded) string: one run per
 * language written in a different script, in order. Latin words glued to or set inside CJK text
 * stay in it; a monolingual text is one run covering the whole trimmed text. Linear time.
 */
export function inlineRuns(text: string, hint?: { pageLang?: string | null; memo?: LanguageMemo }): InlineRun[] {
  const [start, end] = trimRange(text, 0, text.length);
  if (start === end) return [];
  const tokens = tokenize(text);
  const original = tokens.map((t) => t.cls);
  glueToCjk(text, tokens);
  let runs = mergeSandwiches(buildRuns(original, tokens), text, tokens);
  moveOpenings(text, tokens, runs);
  // Folding an edge can expose a new sandwich and the reverse; a few rounds settle real text.
  for (let round = 0; round < 3; round++) {
    const count = runs.length;
    runs = mergeSandwiches(mergeEdges(runs, text, tokens), text, tokens);
    if (runs.length === count) break;
  }
  const pageLang = hint?.pageLang ?? null;
  // Each run is told twice (alone, then beside the others): one memo for both.
  const memo = hint?.memo ?? languageMemo();
  if (runs.length < 2) {
    return [{ lang: detectLanguage(text.slice(start, end), { pageLang, memo }), start, end }];
  }
  const ranges: [number, number][] = [];
  let from = start;
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i] as Run;
    const next = runs[i + 1];
    const to = next ? cutPoint(text, (tokens[run.last] as Token).end, (tokens[next.first] as Token).start) : end;
    ranges.push(trimSeparators(text, ...trimRange(text, from, to)));
    from = to;
  }
  // Each run is told with the other runs' languages as neighbours: a short Latin label beside
  // Chinese is read as English, not as whatever franc guesses from five letters.
  const alone = ranges.map(([s, e]) => detectLanguage(text.slice(s, e), { pageLang, memo }));
  const result: InlineRun[] = [];
  for (let i = 0; i < ranges.length; i++) {
    const [s, e] = ranges[i] as [number, number];
    const neighbours = [alone[i - 1], alone[i + 1]].filter((lang): lang is string => lang !== undefined);
    const lang = e - s <= SHORT_RUN ? detectLanguage(text.slice(s, e), { pageLang, neighbours, memo }) : (alone[i] as string);
    const previous = result[result.length - 1];
    if (previous && previous.lang === lang) previous.end = e;
    else result.push({ lang, start: s, end: e });
  }
  return result;
}

/**
 * Splits one element's text holding two languages into one part per language run, in order.
 * Part texts are trimmed, whitespace-folded pieces of the input; a monolingual text gives one
 * part holding all of it.
 */
export function splitInline(text: string, hint?: { pageLang?: string | null; memo?: LanguageMemo }): Part[] {
  return inlineRuns(text, hint).map((run) => ({ lang: run.lang, text: foldSpace(text.slice(run.start, run.end)) }));
}
