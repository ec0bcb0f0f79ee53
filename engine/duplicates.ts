import type { DuplicateKind } from './report';
import { CHAR_OTHER, charClass } from './text';
import { isHangulSyllable, isUnspaced, scriptOf } from './writing-systems';

/**
 * Copies of the same paragraph: exact (equal once normalised), near (a few characters or words
 * differ) and truncated (one is a prefix of another, with or without a trailing ellipsis).
 *
 * Cost stays near-linear on pages of any size: a hash map for exact copies, one sort of the
 * distinct texts for prefixes, and one-permutation-hashing LSH for near copies, whose candidates
 * are verified with a banded edit distance. No step compares all pairs.
 */
export interface DuplicateMatch {
  kind: DuplicateKind;
  /** Index of the copy that stays visible. */
  kept: number;
  /** Indices of the other copies, ascending. */
  copies: number[];
}

/**
 * Least size of a paragraph worth collapsing, in words (a Han/Kana/Hangul character counts half a
 * word). Real pages repeat shorter lines on purpose: labels ("Continue reading the main story"),
 * headlines in "related" lists, bylines with timestamps, newsletter prompts. Measured on the 62
 * real pages of the corpus, which have no duplicated paragraph: at 6 words 70 groups were reported,
 * all headlines or labels under 20 words.
 */
const MIN_WEIGHT = 20;
/**
 * Least size of a cut-off copy of a paragraph of MIN_WEIGHT or more (a summary that prints the
 * first words of a paragraph of the body): being the start of a longer paragraph, word for word,
 * is evidence enough that a shorter text is its copy rather than a label that happens to repeat.
 */
const MIN_CUT_WEIGHT = 8;
/**
 * Below this weight a repeat is a paragraph only when it ends as a sentence does: pages repeat
 * structured lines on purpose (a meal plan's dish with its portions under each plan, a recipe's
 * ingredient line), and those end on a bracket or a word, not on a full stop.
 */
const LINE_WEIGHT = 40;
/** Sentence-final punctuation, before any closing quotes or brackets. */
const SENTENCE_END = /[.!?。！？…](?:["'”’」』)）\]]*)\s*$/u;
/** Share of tokens that must survive edits for two texts to count as near copies. */
const NEAR_THRESHOLD = 0.9;
/** Edit distance costs O(n·d); beyond this many tokens, shingle overlap decides instead. */
const EDIT_DISTANCE_MAX_TOKENS = 4000;

const BINS = 64;
const BANDS = 16;
const ROWS = BINS / BANDS;
const BIN_SHIFT = 26; // 64 bins = the top 6 bits of a 32-bit hash
const VALUE_MASK = (1 << BIN_SHIFT) - 1;
const EMPTY = 0xffffffff;
/**
 * Candidates whose estimated bigram overlap is this low cannot be near copies, so the edit distance
 * is skipped: a copy with one token in ten edited keeps an overlap of at least 0.8 / 1.2 ≈ 0.67.
 */
const MIN_ESTIMATED_OVERLAP = 0.5;

const ZERO_WIDTH = new Set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
const SINGLE_QUOTES = new Set([0x60, 0xb4, 0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x2035, 0x2039, 0x203a]);
const DOUBLE_QUOTES = new Set([
  0xab, 0xbb, 0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x2036, 0x300c, 0x300d, 0x300e, 0x300f, 0x301d,
  0x301e, 0x301f,
]);
const DASHES = new Set([0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2043, 0x2212, 0xfe58, 0xfe63]);
/** Dot-like marks: a run of two or more (or any midline ellipsis) is an ellipsis. */
const DOTS = new Set([0x2e, 0x3002, 0x22ef, 0x30fb]);
const MIDLINE_ELLIPSIS = 0x22ef;
const IDEOGRAPHIC_FULL_STOP = 0x3002;
const IDEOGRAPHIC_COMMA = 0x3001;

/** JavaScript's white space (`\s`) below ACTION_LIMIT, listed rather than tested for each character at import. */
const WHITE_SPACE = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
  0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
];

const OTHER = 0;
/** Letter or digit of a script that separates words with spaces. */
const WORD = 1;
/** Han/Kana/Hangul syllable: one token per character. */
const CHARACTER = 2;
type CharClass = typeof OTHER | typeof WORD | typeof CHARACTER;

function classify(cp: number): CharClass {
  if (cp < 0x80) {
    return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a)
      ? WORD
      : OTHER;
  }
  if (isUnspaced(cp)) return CHARACTER;
  if (scriptOf(cp) === 'hangul') return isHangulSyllable(cp) ? CHARACTER : WORD;
  return charClass(cp) === CHAR_OTHER ? OTHER : WORD;
}

/** Hangul keeps its spaces: Korean separates words even though it is shingled by character. */
function keepsSpaceBeside(cp: number): boolean {
  if (isUnspaced(cp)) return false;
  return scriptOf(cp) === 'hangul' || classify(cp) === WORD;
}

/** What normalisation does with a character below ACTION_LIMIT; values above A_DROP are replacements. */
const A_KEEP = 0;
const A_SPACE = 1;
const A_DOT = 2;
const A_DASH = 3;
const A_DROP = 4;
/** Every character normalisation touches lies below this, except U+FEFF. */
const ACTION_LIMIT = 0x3100;
const BYTE_ORDER_MARK = 0xfeff;
const ACTIONS = buildActions();

function buildActions(): Uint16Array {
  const table = new Uint16Array(ACTION_LIMIT);
  const set = (cps: Iterable<number>, action: number): void => {
    for (const cp of cps) if (cp < ACTION_LIMIT) table[cp] = action;
  };
  set(WHITE_SPACE, A_SPACE);
  set(SINGLE_QUOTES, 0x27);
  set(DOUBLE_QUOTES, 0x22);
  set([IDEOGRAPHIC_COMMA], 0x2c);
  set(DASHES, A_DASH);
  set(DOTS, A_DOT);
  set(ZERO_WIDTH, A_DROP);
  return table;
}

function spaceBetween(before: number, after: number): boolean {
  return before >= 0 && keepsSpaceBeside(before) && keepsSpaceBeside(after);
}

/**
 * Whether the single ASCII space at `i` stays as it is: a kept character follows that keeps a space
 * beside `last`. Such spaces (every space of prose) then stay inside a copied run instead of
 * splitting it.
 */
function keptSpace(s: string, i: number, last: number): boolean {
  const next = s.charCodeAt(i + 1);
  const action = next < ACTION_LIMIT ? (ACTIONS[next] ?? A_KEEP) : next === BYTE_ORDER_MARK ? A_DROP : A_KEEP;
  if (action !== A_KEEP) return false;
  const cp = next >= 0xd800 && next <= 0xdbff ? (s.codePointAt(i + 1) ?? next) : next;
  return spaceBetween(last, cp);
}

/**
 * The form copies are compared in: NFKC (full-width and half-width punctuation alike), lower case,
 * one kind of quote, dash and ellipsis, ideographic full stop and comma as their ASCII forms, and
 * white space kept only between two words of a spaced script (so "A，B" and "A, B" agree).
 */
export function normalizeForDuplicates(text: string): string {
  const s = text.normalize('NFKC').toLowerCase();
  const parts: string[] = [];
  // Unchanged characters are copied in runs; only replaced ones are written one by one.
  let runStart = 0;
  let last = -1;
  let pendingSpace = false;
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    const action = c < ACTION_LIMIT ? (ACTIONS[c] ?? A_KEEP) : c === BYTE_ORDER_MARK ? A_DROP : A_KEEP;
    if (action === A_KEEP) {
      const cp = c >= 0xd800 && c <= 0xdbff ? (s.codePointAt(i) ?? c) : c;
      if (pendingSpace) {
        if (spaceBetween(last, cp)) parts.push(' ');
        pendingSpace = false;
      }
      last = cp;
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    if (c === 0x20 && !pendingSpace && keptSpace(s, i, last)) {
      i++;
      continue;
    }
    if (i > runStart) parts.push(s.slice(runStart, i));
    let end = i + 1;
    let replacement = action;
    if (action === A_SPACE) {
      pendingSpace = true;
      replacement = A_DROP;
    } else if (action === A_DOT) {
      let midline = c === MIDLINE_ELLIPSIS;
      while (end < s.length && DOTS.has(s.charCodeAt(end))) {
        if (s.charCodeAt(end) === MIDLINE_ELLIPSIS) midline = true;
        end++;
      }
      replacement = end - i >= 2 || midline ? 0x2026 : c === IDEOGRAPHIC_FULL_STOP ? 0x2e : c;
    } else if (action === A_DASH) {
      replacement = last === 0x2d && !pendingSpace ? A_DROP : 0x2d;
    }
    if (replacement !== A_DROP) {
      if (pendingSpace) {
        if (spaceBetween(last, replacement)) parts.push(' ');
        pendingSpace = false;
      }
      parts.push(String.fromCharCode(replacement));
      last = replacement;
    }
    runStart = end;
    i = end;
  }
  if (s.length > runStart) parts.push(s.slice(runStart));
  return parts.join('');
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function mix32(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * Token hashes of many texts, one after another in one growing buffer: allocating a typed array
 * per text cost more than tokenizing it.
 */
class TokenStore {
  data = new Int32Array(1024);
  length = 0;

  /**
   * Appends the tokens of a normalised text: one hash per Han/Kana/Hangul character, one per word
   * elsewhere; punctuation separates and is dropped, so it never makes two copies differ. Returns
   * the text's weight (see MIN_WEIGHT).
   */
  append(norm: string): number {
    // No more tokens than characters.
    if (this.length + norm.length > this.data.length) {
      const grown = new Int32Array(Math.max(this.data.length * 2, this.length + norm.length));
      grown.set(this.data.subarray(0, this.length));
      this.data = grown;
    }
    const tokens = this.data;
    const start = this.length;
    let count = start;
    let characters = 0;
    let h = FNV_OFFSET;
    let inWord = false;
    let i = 0;
    while (i < norm.length) {
      const cp = norm.codePointAt(i) ?? 0;
      i += cp > 0xffff ? 2 : 1;
      const cls = classify(cp);
      if (cls === WORD) {
        h = Math.imul(h ^ cp, FNV_PRIME);
        inWord = true;
        continue;
      }
      if (inWord) {
        tokens[count++] = h;
        h = FNV_OFFSET;
        inWord = false;
      }
      if (cls === CHARACTER) {
        tokens[count++] = Math.imul(FNV_OFFSET ^ cp, FNV_PRIME);
        characters++;
      }
    }
    if (inWord) tokens[count++] = h;
    this.length = count;
    return count - start - characters / 2;
  }

  tokens(start: number, end: number): Int32Array {
    return this.data.subarray(start, end);
  }
}

function tokenize(norm: string): Int32Array {
  const store = new TokenStore();
  store.append(norm);
  return store.tokens(0, store.length);
}

/** Shingles: token bigrams (character bigrams for CJK, word bigrams elsewhere). */
function shingles(tokens: Int32Array): Uint32Array {
  if (tokens.length < 2) return Uint32Array.from(tokens, mix32);
  const out = new Uint32Array(tokens.length - 1);
  for (let i = 0; i + 1 < tokens.length; i++) out[i] = shingleHash(tokens[i] ?? 0, tokens[i + 1] ?? 0);
  return out;
}

function shingleHash(first: number, second: number): number {
  return mix32(Math.imul(first, 0x9e3779b1) ^ second);
}

/** Jaccard overlap of two shingle lists as sets. */
function shingleJaccard(a: Uint32Array, b: Uint32Array): number {
  const setA = new Set(a);
  const setB = new Set(b);
  if (setA.size === 0 && setB.size === 0) return 1;
  let common = 0;
  for (const x of setB) if (setA.has(x)) common++;
  return common / (setA.size + setB.size - common);
}

/**
 * Cheap similarity in [0, 1] of two texts: Jaccard overlap of their token bigrams after
 * normalisation (character bigrams for CJK, word bigrams elsewhere). Linear in the texts' length.
 */
export function similarity(a: string, b: string): number {
  const na = normalizeForDuplicates(a);
  const nb = normalizeForDuplicates(b);
  if (na === nb) return 1;
  return shingleJaccard(shingles(tokenize(na)), shingles(tokenize(nb)));
}

/** Trailing punctuation, quotes and ellipses removed: what a cut-off copy has to be a prefix of. */
function core(norm: string): string {
  let end = norm.length;
  while (end > 0) {
    const lo = norm.charCodeAt(end - 1);
    const isLow = lo >= 0xdc00 && lo <= 0xdfff && end >= 2;
    const cp = isLow ? (norm.codePointAt(end - 2) ?? lo) : lo;
    if (classify(cp) !== OTHER) break;
    end -= isLow ? 2 : 1;
  }
  return norm.slice(0, end);
}

/**
 * One-permutation MinHash of one text into `sig` (BINS values), with rotation densification so
 * short texts fill every bin. `raw` is scratch space of BINS values.
 */
function sign(tokens: Int32Array, sig: Uint32Array, raw: Uint32Array): void {
  raw.fill(EMPTY);
  // The shingles of `shingles(tokens)`, hashed as they are made rather than stored.
  const count = tokens.length < 2 ? tokens.length : tokens.length - 1;
  for (let i = 0; i < count; i++) {
    const h = tokens.length < 2 ? mix32(tokens[i] ?? 0) : shingleHash(tokens[i] ?? 0, tokens[i + 1] ?? 0);
    const bin = h >>> BIN_SHIFT;
    const value = h & VALUE_MASK;
    if (value < (raw[bin] ?? EMPTY)) raw[bin] = value;
  }
  for (let b = 0; b < BINS; b++) {
    const own = raw[b] ?? EMPTY;
    if (own !== EMPTY) {
      sig[b] = own;
      continue;
    }
    for (let step = 1; step < BINS; step++) {
      const v = raw[(b + step) % BINS] ?? EMPTY;
      if (v !== EMPTY) {
        sig[b] = (v | (step << BIN_SHIFT)) >>> 0;
        break;
      }
    }
  }
}

function estimatedOverlap(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < BINS; i++) if (a[i] === b[i]) same++;
  return same / BINS;
}

/** Levenshtein distance over tokens, computed only within a band of width `limit` around the diagonal. */
function withinEditDistance(a: Int32Array, b: Int32Array, limit: number): boolean {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const la = endA - start;
  const lb = endB - start;
  if (Math.abs(la - lb) > limit) return false;
  if (la === 0 || lb === 0) return Math.max(la, lb) <= limit;
  const over = limit + 1;
  let prev = new Int32Array(lb + 2).fill(over);
  let cur = new Int32Array(lb + 2).fill(over);
  for (let j = 0; j <= Math.min(lb, limit); j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    const lo = Math.max(1, i - limit);
    const hi = Math.min(lb, i + limit);
    cur[lo - 1] = lo === 1 ? (i <= limit ? i : over) : over;
    let rowMin = cur[lo - 1] ?? over;
    const ai = a[start + i - 1];
    for (let j = lo; j <= hi; j++) {
      const diagonal = (prev[j - 1] ?? over) + (ai === b[start + j - 1] ? 0 : 1);
      const up = (prev[j] ?? over) + 1;
      const left = (cur[j - 1] ?? over) + 1;
      const v = Math.min(diagonal, up, left, over);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    cur[hi + 1] = over;
    if (rowMin > limit) return false;
    const swap = prev;
    prev = cur;
    cur = swap;
  }
  return (prev[lb] ?? over) <= limit;
}

interface Distinct {
  core: string;
  /** Its tokens in the TokenStore: [start, end). */
  start: number;
  end: number;
  /** Its weight in words (see MIN_WEIGHT). */
  weight: number;
}

function isNear(store: TokenStore, a: Distinct, b: Distinct): boolean {
  const ta = store.tokens(a.start, a.end);
  const tb = store.tokens(b.start, b.end);
  const longest = Math.max(ta.length, tb.length);
  if (longest > EDIT_DISTANCE_MAX_TOKENS) return shingleJaccard(shingles(ta), shingles(tb)) >= NEAR_THRESHOLD;
  return withinEditDistance(ta, tb, Math.floor((1 - NEAR_THRESHOLD) * longest));
}

/** Characters of a core that order it first: at most this many, and never more than the shortest core has. */
const SORT_PREFIX = 16;

/**
 * Indices of `distinct` ordered by core (as `<` orders strings), equal cores by index. Cores are
 * grouped by their first characters and the groups sorted natively; only cores sharing those
 * compare whole, with a comparator: copies of one paragraph share hundreds of characters, and a
 * comparator sort over all of them read those characters log n times each.
 */
function sortedByCore(distinct: readonly Distinct[]): number[] {
  let prefix = SORT_PREFIX;
  for (const d of distinct) prefix = Math.min(prefix, d.core.length);
  const groups = new Map<string, number[]>();
  for (let d = 0; d < distinct.length; d++) {
    const key = (distinct[d] as Distinct).core.slice(0, prefix);
    const group = groups.get(key);
    if (group) group.push(d);
    else groups.set(key, [d]);
  }
  const order: number[] = [];
  for (const key of [...groups.keys()].sort()) {
    const group = groups.get(key) as number[];
    if (group.length > 1) {
      group.sort((x, y) => {
        const a = (distinct[x] as Distinct).core;
        const b = (distinct[y] as Distinct).core;
        return a < b ? -1 : a > b ? 1 : x - y;
      });
    }
    for (const d of group) order.push(d);
  }
  return order;
}

class UnionFind {
  private readonly parent: Int32Array;
  constructor(size: number) {
    this.parent = new Int32Array(size);
    for (let i = 0; i < size; i++) this.parent[i] = i;
  }
  find(x: number): number {
    let root = x;
    while (this.parent[root] !== root) root = this.parent[root] ?? root;
    let node = x;
    while (node !== root) {
      const next = this.parent[node] ?? root;
      this.parent[node] = root;
      node = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/**
 * Groups of copies among `texts` (indices into it). Each index appears in at most one group.
 *
 * One group per set of connected copies, whatever mix of kinds links them: its kind is the
 * strongest difference inside it (truncated if any member is cut off from another, else near if any
 * two members differ, else exact). One group per paragraph is what a reader sees collapse, and
 * `kept` stays the same whichever kinds are present.
 *
 * `kept` is the first member in order that is not a prefix of another member, so a cut-off copy
 * never stays visible while the complete paragraph it came from exists.
 */
/** Up to three short words and a colon opening a paragraph: "Summary:", "摘要 Summary:", "导读：". */
const LEAD_LABEL = /^(?:[^\s:：]{1,16}\s+){0,2}[^\s:：]{1,16}(?::\s+|：\s*)/u;
/** The text after a lead label must be this many times longer for the label to be one. */
const LEAD_LABEL_SHARE = 4;

/**
 * The text without a label opening it: a digest printed as "Summary: " before the first lines of
 * the body is still a copy of the body.
 */
function withoutLeadLabel(text: string): string {
  const label = LEAD_LABEL.exec(text);
  if (label === null || text.length < label[0].length * (LEAD_LABEL_SHARE + 1)) return text;
  return text.slice(label[0].length);
}

export function findDuplicates(texts: readonly string[]): DuplicateMatch[] {
  // Raw texts seen before skip normalising again (pages repeat lines many times); -1 = too short.
  const byText = new Map<string, number>();
  const byNorm = new Map<string, number>();
  const distinctOf = new Int32Array(texts.length).fill(-1);
  const distinct: Distinct[] = [];
  const store = new TokenStore();
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i] ?? '';
    const seen = byText.get(text);
    if (seen !== undefined) {
      distinctOf[i] = seen;
      continue;
    }
    const norm = normalizeForDuplicates(withoutLeadLabel(text));
    let d = byNorm.get(norm) ?? -1;
    if (d < 0) {
      const c = core(norm);
      const start = store.length;
      const weight = store.append(c);
      if (weight >= MIN_CUT_WEIGHT) {
        d = distinct.length;
        byNorm.set(norm, d);
        distinct.push({ core: c, start, end: store.length, weight });
      } else {
        store.length = start;
      }
    }
    byText.set(text, d);
    distinctOf[i] = d;
  }

  const links = new UnionFind(distinct.length);
  const differs = new Uint8Array(distinct.length);
  const cutOff = new Uint8Array(distinct.length);
  const nearEdges: number[] = [];

  // Sorted, every text that extends a core comes right after it: one neighbour check per core.
  const order = sortedByCore(distinct);
  const coreAt = (k: number): string => distinct[order[k] ?? 0]?.core ?? '';
  const short = (d: number) => (distinct[d]?.weight ?? 0) < MIN_WEIGHT;
  for (let k = 0; k < order.length; ) {
    const shorter = coreAt(k);
    let end = k + 1;
    while (end < order.length && coreAt(end) === shorter) end++;
    // A short text joins only as the start of a longer one (see MIN_CUT_WEIGHT).
    const extended = end < order.length && coreAt(end).startsWith(shorter) && !(short(order[k] ?? 0) && short(order[end] ?? 0));
    for (let m = k; m < end; m++) {
      const d = order[m] ?? 0;
      // Same core, different text: they differ only in their trailing punctuation.
      if (m > k) {
        links.union(order[k] ?? 0, d);
        nearEdges.push(d);
      }
      if (extended) {
        links.union(d, order[end] ?? 0);
        cutOff[d] = 1;
      }
    }
    k = end;
  }

  const buckets: Map<number, number>[] = Array.from({ length: BANDS }, () => new Map());
  const signatures = new Uint32Array(distinct.length * BINS);
  const scratch = new Uint32Array(BINS);
  const tried = new Set<number>();
  for (let d = 0; d < distinct.length; d++) {
    if (short(d)) continue;
    const sig = signatures.subarray(d * BINS, (d + 1) * BINS);
    const own = distinct[d];
    sign(own ? store.tokens(own.start, own.end) : new Int32Array(0), sig, scratch);
    for (let band = 0; band < BANDS; band++) {
      let key = band;
      for (let r = 0; r < ROWS; r++) key = mix32(Math.imul(key, 0x01000193) ^ (sig[band * ROWS + r] ?? 0));
      // 30 bits keep the key a small integer, which Map stores without allocating.
      key &= 0x3fffffff;
      const bucket = buckets[band] ?? new Map<number, number>();
      const other = bucket.get(key);
      if (other === undefined) {
        bucket.set(key, d);
        continue;
      }
      const pairKey = other * distinct.length + d;
      if (tried.has(pairKey) || links.find(other) === links.find(d)) continue;
      tried.add(pairKey);
      const a = distinct[other];
      const b = distinct[d];
      if (!a || !b) continue;
      if (estimatedOverlap(signatures.subarray(other * BINS, (other + 1) * BINS), sig) < MIN_ESTIMATED_OVERLAP) continue;
      if (!isNear(store, a, b)) continue;
      links.union(other, d);
      nearEdges.push(d);
    }
  }
  for (const d of nearEdges) differs[links.find(d)] = 1;

  const groups = new Map<number, { members: number[]; kind: DuplicateKind }>();
  for (let i = 0; i < texts.length; i++) {
    const d = distinctOf[i] ?? -1;
    if (d < 0 || (short(d) && !cutOff[d])) continue;
    const root = links.find(d);
    let group = groups.get(root);
    if (!group) {
      group = { members: [], kind: differs[root] ? 'near' : 'exact' };
      groups.set(root, group);
    }
    group.members.push(i);
    if (cutOff[d]) group.kind = 'truncated';
  }

  const matches: DuplicateMatch[] = [];
  for (const { members, kind } of groups.values()) {
    if (members.length < 2) continue;
    const kept = members.find((i) => !cutOff[distinctOf[i] ?? 0]) ?? members[0] ?? 0;
    if (short(distinctOf[kept] ?? 0)) continue;
    if ((distinct[distinctOf[kept] ?? 0]?.weight ?? 0) < LINE_WEIGHT && !SENTENCE_END.test(texts[kept] ?? '')) continue;
    matches.push({ kind, kept, copies: members.filter((i) => i !== kept) });
  }
  return matches.sort((x, y) => x.kept - y.kept);
}

/** A group of copies by unit id: the one kept and the ones collapsed into it. */
export interface CopyGroup {
  kind: DuplicateKind;
  kept: number;
  copies: number[];
}

/**
 * A teaser or summary glued together from copies of several body paragraphs (the seed's EN+ZH
 * summary: a cut-off copy of one paragraph and an exact copy of its translation) is the copy to
 * hide, even where it comes first: the body keeps its own paragraphs. A block of one paragraph
 * that stands twice is an ordinary copy, and the first complete one stays.
 */
export function preferBodyCopies(
  groups: CopyGroup[],
  units: readonly { id: number; block: number }[],
  complete: (unit: number) => boolean,
): CopyGroup[] {
  const groupOf = new Map<number, number>();
  groups.forEach((group, g) => {
    for (const id of [group.kept, ...group.copies]) groupOf.set(id, g);
  });
  const groupsOfBlock = new Map<number, Set<number> | null>();
  for (const unit of units) {
    const g = groupOf.get(unit.id);
    const seen = groupsOfBlock.get(unit.block);
    if (g === undefined || seen === null) groupsOfBlock.set(unit.block, null);
    else groupsOfBlock.set(unit.block, (seen ?? new Set<number>()).add(g));
  }
  const composite = (unit: number) => (groupsOfBlock.get(units[unit]?.block ?? -1)?.size ?? 0) >= 2;
  return groups.map((group) => {
    if (!composite(group.kept)) return group;
    const better = group.copies.find((id) => complete(id) && !composite(id));
    if (better === undefined) return group;
    return { ...group, kept: better, copies: [group.kept, ...group.copies.filter((id) => id !== better)].sort((a, b) => a - b) };
  });
}
