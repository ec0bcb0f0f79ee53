import { expressions } from 'franc-min/expressions.js';
import { CODES, MODEL_LENGTH, RANKED, TRIGRAMS } from './data/latin-trigram-tables';
import { FUNCTION_WORDS, LATIN_LANGUAGES } from './latin-languages';
import { isWhiteSpace } from './text';

/**
 * franc-min's ranking of Latin-script text among the Latin languages the engine tells apart
 * (`CODES`), computed as `francAll(value, { only: CODES, minLength: 1 })` computes it (same
 * trigrams, distances, order and scores) without its costs: franc turns the models of all its
 * languages into objects when it is imported (most of the engine's loading time in a fresh
 * background), matches the text against the regular expressions of twenty scripts and rebuilds
 * its language filter on every call, which cost more than the ranking on the short texts of a
 * page (25 µs for "Hot"), and it looks each trigram up once per language. Here the models are
 * generated tables (scripts/gen-latin-trigram-tables.ts), the script test reads the Latin count
 * only, and each trigram is looked up once for all languages. Text whose top script could be
 * another one takes franc's script test.
 */

/** franc's constants: longest sample and the distance of a trigram a language lacks. */
const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;

const LATIN = expressions.Latin as RegExp;

/**
 * Trigrams (three UTF-16 code units, as franc slices them) → a number, in flat typed arrays with
 * open addressing. A Map of the thirteen thousand trigram strings was looked up from a cold cache
 * between the other work of an analysis: a few misses per trigram, and a string made per lookup.
 */
class TrigramIndex {
  private readonly mask: number;
  /** First code unit + 1 of the trigram in each slot; 0 marks an empty slot. */
  private readonly first: Int32Array;
  /** Second and third code units. */
  private readonly rest: Int32Array;
  private readonly values: Int32Array;

  constructor(entries: number) {
    let size = 1;
    while (size < entries * 2) size *= 2;
    this.mask = size - 1;
    this.first = new Int32Array(size);
    this.rest = new Int32Array(size);
    this.values = new Int32Array(size);
  }

  private slot(a: number, rest: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(rest, 0x85ebca6b);
    h ^= h >>> 15;
    let at = h & this.mask;
    while (this.first[at] !== 0 && (this.first[at] !== a + 1 || this.rest[at] !== rest)) at = (at + 1) & this.mask;
    return at;
  }

  /** The value of the trigram a b c, or -1. */
  get(a: number, b: number, c: number): number {
    const at = this.slot(a, (b << 16) | c);
    return this.first[at] === 0 ? -1 : (this.values[at] as number);
  }

  set(a: number, b: number, c: number, value: number): void {
    const rest = (b << 16) | c;
    const at = this.slot(a, rest);
    this.first[at] = a + 1;
    this.rest[at] = rest;
    this.values[at] = value;
  }
}

interface Models {
  /** Trigram → offset into `ranks` of its rank in each language of CODES, -1 where absent. */
  index: TrigramIndex;
  ranks: Int32Array;
}

let models: Models | null = null;

/** The generated tables as the ranking reads them, built on the first Latin text ranked. */
function loadedModels(): Models {
  if (models) return models;
  const languages = CODES.length;
  const trigrams = TRIGRAMS.length / 3;
  const index = new TrigramIndex(trigrams);
  for (let id = 0; id < trigrams; id++) {
    index.set(TRIGRAMS.charCodeAt(3 * id), TRIGRAMS.charCodeAt(3 * id + 1), TRIGRAMS.charCodeAt(3 * id + 2), id * languages);
  }
  const ranks = new Int32Array(trigrams * languages).fill(-1);
  const ranked = atob(RANKED);
  for (let l = 0; l < languages; l++) {
    // As franc builds its dictionaries: a trigram listed twice keeps its first rank.
    for (let rank = MODEL_LENGTH - 1; rank >= 0; rank--) {
      const at = 2 * (l * MODEL_LENGTH + rank);
      const id = ranked.charCodeAt(at) | (ranked.charCodeAt(at + 1) << 8);
      ranks[id * languages + l] = rank;
    }
  }
  models = { index, ranks };
  return models;
}

/** One code unit of franc's Latin expression (its other alternatives are surrogate pairs). */
const LATIN_UNIT = new RegExp(`^(?:${LATIN.source})$`);
const UNKNOWN = 2;
/**
 * Whether each BMP code unit is one of the Latin expression, learnt as met: matching the whole
 * expression against each text cost a page's first bilingual label a few hundred microseconds.
 */
const latinUnits = new Uint8Array(0x10000).fill(UNKNOWN);

function isLatinUnit(c: number): boolean {
  let known = latinUnits[c] as number;
  if (known === UNKNOWN) {
    known = LATIN_UNIT.test(String.fromCharCode(c)) ? 1 : 0;
    latinUnits[c] = known;
  }
  return known === 1;
}

/** Whether franc's top script is certainly Latin: more Latin matches than non-ASCII characters. */
function latinOnTop(value: string): boolean {
  let letters = 0;
  let other = 0;
  let surrogates = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x80) {
      other++;
      if (c >= 0xd800 && c <= 0xdfff) surrogates = true;
      else if (isLatinUnit(c)) letters++;
    } else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) letters++;
  }
  // Every match of the Latin expression is one BMP unit, or a surrogate pair it lists.
  const latin = surrogates ? (value.match(LATIN)?.length ?? 0) : letters;
  // Every other script's expression matches non-ASCII characters only, one or two per match.
  return latin > other;
}

/**
 * trigram-utils' cleaning before its lower-casing: each run of ASCII punctuation, digits and
 * white space becomes one space (its two replaces, one after the other), then the ends are trimmed.
 */
function clean(value: string): string {
  const n = value.length;
  let i = 0;
  while (i < n && isSeparator(value.charCodeAt(i))) i++;
  let end = n;
  while (end > i && isSeparator(value.charCodeAt(end - 1))) end--;
  let out = '';
  let copied = i;
  while (i < end) {
    if (!isSeparator(value.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (isSeparator(value.charCodeAt(j))) j++;
    if (j > i + 1 || value.charCodeAt(i) !== 0x20) {
      out += `${value.slice(copied, i)} `;
      copied = j;
    }
    i = j;
  }
  return copied === 0 && end === n ? value : out + value.slice(copied, end);
}

const isSeparator = (c: number) => (c >= 0x21 && c <= 0x40) || isWhiteSpace(c);

/**
 * franc's distances of a sample to each language. franc sums over trigram-utils' asTuples (each
 * distinct trigram of the cleaned, lower-cased text with its count, sorted by count); the sums are
 * of integers, so the order is left out. Each trigram is looked up in the models once per
 * occurrence, which also counts it: a trigram no model holds costs the same whatever its count.
 */
function distancesOf(sample: string, { index, ranks }: Models): number[] {
  const languages = CODES.length;
  const cleaned = ` ${clean(sample).toLowerCase()} `;
  const counts = new Map<number, number>();
  const unknown = new Set<number>();
  for (let i = 0; i + 3 <= cleaned.length; i++) {
    const a = cleaned.charCodeAt(i);
    const b = cleaned.charCodeAt(i + 1);
    const c = cleaned.charCodeAt(i + 2);
    const at = index.get(a, b, c);
    if (at < 0) unknown.add((a * 0x10000 + b) * 0x10000 + c);
    else counts.set(at, (counts.get(at) ?? 0) + 1);
  }
  const distances = new Array<number>(languages).fill(unknown.size * MAX_DIFFERENCE);
  for (const [at, count] of counts) {
    for (let l = 0; l < languages; l++) {
      const rank = ranks[at + l] as number;
      distances[l] = (distances[l] as number) + (rank < 0 ? MAX_DIFFERENCE : Math.abs(count - rank - 1));
    }
  }
  return distances;
}

/**
 * franc's top script: the expression with the most matches, the first one on a tie. Of franc's
 * answers, only Latin leads to languages of CODES.
 */
function topScriptIsLatin(sample: string): boolean {
  let top = '';
  let topCount = -1;
  for (const [script, expression] of Object.entries(expressions)) {
    const count = sample.match(expression)?.length ?? 0;
    if (count > topCount) {
      top = script;
      topCount = count;
    }
  }
  return top === 'Latin';
}

/** What franc answers for text it cannot rank among CODES. */
const undetermined = (): [string, number][] => [['und', 1]];

/**
 * `francAll(value, { only: CODES, minLength: 1 })`: [code, score] pairs, best first, or
 * [['und', 1]] for text whose top script is not Latin.
 */
export function rankLatin(value: string): [string, number][] {
  const sample = value.slice(0, MAX_LENGTH);
  if (sample.length === 0 || !(latinOnTop(sample) || topScriptIsLatin(sample))) return undetermined();
  const distances = distancesOf(sample, loadedModels());
  // Insertion sort, stable as Array.prototype.sort is: a comparator sort of fifteen entries cost
  // more than the distances.
  const ranked: [string, number][] = [];
  for (let l = 0; l < CODES.length; l++) {
    const entry: [string, number] = [CODES[l] as string, distances[l] as number];
    let at = ranked.length;
    while (at > 0 && (ranked[at - 1] as [string, number])[1] > entry[1]) at--;
    ranked.splice(at, 0, entry);
  }
  const min = (ranked[0] as [string, number])[1];
  const max = sample.length * MAX_DIFFERENCE - min;
  for (const entry of ranked) entry[1] = 1 - (entry[1] - min) / max || 0;
  return ranked;
}

/** A function word's lean towards its language: as much as a clear word's trigrams give, again. */
const FUNCTION_WORD_LEAN = 2;

/** Most lean one word may give. */
const MAX_WORD_LEAN = 2.5;

/** CODES' index of each BCP 47 tag of a Latin language. */
const CODE_INDEX = new Map(CODES.map((code, l) => [LATIN_LANGUAGES[code] ?? code, l]));

/**
 * How much each word reads as Latin language `x` rather than `y` (BCP 47 tags): the sum over its
 * trigrams (franc's cleaning and padding) of the trigram's weight in x's model minus its weight in
 * y's, a trigram's weight falling from 1 at the top of a model to 0 beyond its last rank, plus a
 * lean for a function word of one language and not the other (latin-languages.ts). Words
 * are short, so one word says little; a run of them tells where a text changes language. Null when
 * either language is not one of the models.
 */
export function latinPreference(words: readonly string[], x: string, y: string): Float64Array | null {
  const lx = CODE_INDEX.get(x);
  const ly = CODE_INDEX.get(y);
  if (lx === undefined || ly === undefined || lx === ly) return null;
  const { index, ranks } = loadedModels();
  const weight = (rank: number) => (rank < 0 ? 0 : 1 - rank / MODEL_LENGTH);
  const xWords = FUNCTION_WORDS[x];
  const yWords = FUNCTION_WORDS[y];
  const out = new Float64Array(words.length);
  words.forEach((word, w) => {
    const bare = clean(word).toLowerCase();
    const padded = ` ${bare} `;
    let sum = (xWords?.has(bare) ? FUNCTION_WORD_LEAN : 0) - (yWords?.has(bare) ? FUNCTION_WORD_LEAN : 0);
    for (let i = 0; i + 3 <= padded.length; i++) {
      const at = index.get(padded.charCodeAt(i), padded.charCodeAt(i + 1), padded.charCodeAt(i + 2));
      if (at >= 0) sum += weight(ranks[at + lx] as number) - weight(ranks[at + ly] as number);
    }
    // A long word holds many trigrams; capped, one word is a vote, not a verdict.
    out[w] = Math.max(-MAX_WORD_LEAN, Math.min(MAX_WORD_LEAN, sum));
  });
  return out;
}
