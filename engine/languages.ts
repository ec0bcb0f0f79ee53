import {
  HAN_END,
  HAN_FIRST,
  HAN_FLAGS,
  HAN_JAPANESE,
  HAN_SHARED_WITH_JAPANESE,
  HAN_SIMPLIFIED,
  HAN_TRADITIONAL,
} from './data/han-tables';
import { LATIN_LANGUAGES, LATIN_TAGS } from './latin-languages';
import { rankLatin } from './latin-trigrams';
import { scriptOf } from './writing-systems';
import { baseLanguage } from './lang-tags';
import { CHAR_LETTER, CHAR_MARK, charClass } from './text';

// Tag helpers live apart, free of detection, for the content script and the popup; callers of
// this module keep finding them here.
export * from './lang-tags';

export interface LanguageHint {
  /** The page's declared language (`<html lang>`), any BCP 47 form ('en-US', 'zh-TW'). */
  pageLang?: string | null;
  /** Languages (BCP 47 tags) already told for the neighbouring blocks. */
  neighbours?: string[];
  /** Evidence gathered for the texts of the same page (see languageMemo). */
  memo?: LanguageMemo;
  /**
   * The two languages a bilingual page writes (pageSides): a short Latin-script text on it is told
   * among the Latin ones of them, whatever its trigrams say of a third.
   */
  sides?: readonly string[];
}

/** Letter counts per script, from one pass over the text. */
export interface ScriptCounts {
  han: number;
  hiragana: number;
  katakana: number;
  hangul: number;
  latin: number;
  cyrillic: number;
  arabic: number;
  greek: number;
  hebrew: number;
  thai: number;
  devanagari: number;
  /** Han characters only Simplified Chinese writes. */
  simplified: number;
  /** Simplified-only characters Japanese does not write either: evidence against Japanese. */
  simplifiedNotJapanese: number;
  /** Han characters only Traditional Chinese writes. */
  traditional: number;
  /** Japanese shinjitai forms neither Chinese script writes. */
  japanese: number;
  /** Cyrillic letters only Ukrainian writes (і ї є ґ). */
  ukrainian: number;
  /** Arabic-script letters of Persian/Urdu that Arabic lacks (پ چ ژ گ). */
  persian: number;
  /** Runs of Latin letters (words, roughly). */
  latinWords: number;
  /** Runs of Han/kana/Hangul letters between letters of other scripts. */
  cjkRuns: number;
}

/** The Han flags of a code point (data/han-tables.ts): 0 outside the main CJK block. */
function hanFlag(cp: number): number {
  return cp >= HAN_FIRST && cp < HAN_END ? HAN_FLAGS.charCodeAt(cp - HAN_FIRST) - 48 : 0;
}

function emptyCounts(): ScriptCounts {
  return {
    han: 0,
    hiragana: 0,
    katakana: 0,
    hangul: 0,
    latin: 0,
    cyrillic: 0,
    arabic: 0,
    greek: 0,
    hebrew: 0,
    thai: 0,
    devanagari: 0,
    simplified: 0,
    simplifiedNotJapanese: 0,
    traditional: 0,
    japanese: 0,
    ukrainian: 0,
    persian: 0,
    latinWords: 0,
    cjkRuns: 0,
  };
}

function countHan(counts: ScriptCounts, flag: number): void {
  if (flag & HAN_SIMPLIFIED) {
    counts.simplified++;
    if (!(flag & HAN_SHARED_WITH_JAPANESE)) counts.simplifiedNotJapanese++;
  }
  if (flag & HAN_TRADITIONAL) counts.traditional++;
  if (flag & HAN_JAPANESE) counts.japanese++;
}

/** Counts letters per script in one pass over the UTF-16 code units (lone surrogates skipped). */
export function countScripts(text: string): ScriptCounts {
  const counts = emptyCounts();
  const length = text.length;
  let inLatinWord = false;
  let lastLetterCjk = false;
  for (let i = 0; i < length; i++) {
    let cp = text.charCodeAt(i);
    // ASCII, most of the characters of most pages, settled before the general path.
    if (cp < 0x80) {
      if ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) {
        counts.latin++;
        lastLetterCjk = false;
        if (!inLatinWord) {
          counts.latinWords++;
          inLatinWord = true;
        }
      } else {
        inLatinWord = false;
      }
      continue;
    }
    if (cp >= HAN_FIRST && cp < HAN_END) {
      counts.han++;
      inLatinWord = false;
      if (!lastLetterCjk) counts.cjkRuns++;
      lastLetterCjk = true;
      countHan(counts, hanFlag(cp));
      continue;
    }
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    const script = scriptOf(cp);
    if (script !== 'latin') inLatinWord = false;
    if (script === null) continue;
    // A switch keeps each counter access monomorphic: counts[script]++ is several times slower
    // on text that alternates scripts.
    switch (script) {
      case 'han':
        counts.han++;
        break;
      case 'latin':
        counts.latin++;
        break;
      case 'hiragana':
        counts.hiragana++;
        break;
      case 'katakana':
        counts.katakana++;
        break;
      case 'hangul':
        counts.hangul++;
        break;
      case 'cyrillic':
        counts.cyrillic++;
        break;
      case 'arabic':
        counts.arabic++;
        break;
      case 'greek':
        counts.greek++;
        break;
      case 'hebrew':
        counts.hebrew++;
        break;
      case 'thai':
        counts.thai++;
        break;
      case 'devanagari':
        counts.devanagari++;
        break;
    }
    const cjk = script === 'han' || script === 'hiragana' || script === 'katakana' || script === 'hangul';
    if (cjk && !lastLetterCjk) counts.cjkRuns++;
    lastLetterCjk = cjk;
    if (script === 'latin' && !inLatinWord) {
      counts.latinWords++;
      inLatinWord = true;
    }
    if (script === 'han') {
      countHan(counts, hanFlag(cp));
    } else if (script === 'cyrillic') {
      // і ї є ґ (either case)
      if (cp === 0x0456 || cp === 0x0406 || cp === 0x0457 || cp === 0x0407 || cp === 0x0454 || cp === 0x0404 || cp === 0x0491 || cp === 0x0490) {
        counts.ukrainian++;
      }
    } else if (script === 'arabic') {
      if (cp === 0x067e || cp === 0x0686 || cp === 0x0698 || cp === 0x06af) {
        counts.persian++;
      }
    }
  }
  return counts;
}

/**
 * Whether the text these letter counts were taken from uses two or more writing systems (CJK
 * scripts count as one), so that it may be an inline pair.
 */
function countsMixScripts(c: ScriptCounts): boolean {
  return (
    (c.han + c.hiragana + c.katakana + c.hangul > 0 ? 1 : 0) +
      (c.latin > 0 ? 1 : 0) +
      (c.cyrillic > 0 ? 1 : 0) +
      (c.arabic > 0 ? 1 : 0) +
      (c.greek > 0 ? 1 : 0) +
      (c.hebrew > 0 ? 1 : 0) +
      (c.thai > 0 ? 1 : 0) +
      (c.devanagari > 0 ? 1 : 0) >=
    2
  );
}

/** Normalises a declared language ('zh-TW', 'zh_CN', 'EN-us') to this module's tags. */
export function normalizeTag(tag: string): string {
  // Priors are mostly this module's own answers, normalised already; this runs per detection.
  if (tag === 'zh-Hans' || tag === 'zh-Hant' || isLowerTag(tag)) return tag;
  const parts = tag.trim().replace(/_/g, '-').split('-');
  const base = (parts[0] ?? '').toLowerCase();
  if (!/^[a-z]{2,3}$/.test(base)) return 'und';
  if (base !== 'zh') return base;
  const rest = parts.slice(1).map((p) => p.toLowerCase());
  if (rest.includes('hant') || rest.some((p) => p === 'tw' || p === 'hk' || p === 'mo')) return 'zh-Hant';
  if (rest.includes('hans') || rest.some((p) => p === 'cn' || p === 'sg' || p === 'my')) return 'zh-Hans';
  return 'zh';
}

/** Two or three lower-case ASCII letters: a tag normalizeTag returns unchanged. */
function isLowerTag(tag: string): boolean {
  if (tag.length < 2 || tag.length > 3) return false;
  for (let i = 0; i < tag.length; i++) {
    const c = tag.charCodeAt(i);
    if (c < 0x61 || c > 0x7a) return false;
  }
  return true;
}

const CJK_LETTERS = (c: ScriptCounts) => c.han + c.hiragana + c.katakana + c.hangul;

/** Languages the hint points to, most weighted first (page language, then neighbours' majority). */
function priors(hint: LanguageHint | undefined): string[] {
  if (!hint) return [];
  const page = hint.pageLang ? declaredTag(hint.pageLang) : 'und';
  if (!hint.neighbours?.length) return page === 'und' ? [] : [page];
  // A handful of tags: arrays in order of first vote, then a stable insertion sort by votes, as a
  // Map and a comparator sort did at several times the cost (this runs for every short text).
  const tags: string[] = [];
  const votes: number[] = [];
  const vote = (tag: string, weight: number) => {
    const at = tags.indexOf(tag);
    if (at >= 0) votes[at] = (votes[at] as number) + weight;
    else {
      tags.push(tag);
      votes.push(weight);
    }
  };
  for (const n of hint.neighbours) {
    const tag = normalizeTag(n);
    if (tag !== 'und') vote(tag, 1);
  }
  if (page !== 'und') vote(page, 1.5);
  const order: number[] = [];
  for (let i = 0; i < tags.length; i++) {
    let at = order.length;
    while (at > 0 && (votes[order[at - 1] as number] as number) < (votes[i] as number)) at--;
    order.splice(at, 0, i);
  }
  return order.map((i) => tags[i] as string);
}

// Every detection on a page carries the page's declared language: it is normalised once.
let lastDeclared = '';
let lastDeclaredTag = 'und';

function declaredTag(pageLang: string): string {
  if (pageLang !== lastDeclared) {
    lastDeclaredTag = normalizeTag(pageLang);
    lastDeclared = pageLang;
  }
  return lastDeclaredTag;
}

/**
 * How unanimous the Latin-script prior is (0–1): a page whose declared language and whose long
 * blocks all say English should not let franc read a seven-word English title as Romanian.
 */
function latinAgreement(hint: LanguageHint | undefined): number {
  if (!hint?.pageLang || !hint.neighbours?.length) return 0;
  const page = declaredTag(hint.pageLang);
  if (!LATIN_TAGS.has(page)) return 0;
  const latin = hint.neighbours.map(normalizeTag).filter((tag) => LATIN_TAGS.has(tag));
  return latin.length > 0 && latin.every((tag) => tag === page) ? 1 : 0;
}

function chineseScript(c: ScriptCounts, prior: string[]): string {
  if (c.simplified > c.traditional) return 'zh-Hans';
  if (c.traditional > c.simplified) return 'zh-Hant';
  return prior.find((p) => baseLanguage(p) === 'zh' && p !== 'zh') ?? 'zh';
}

/** Han, kana and Hangul text, told without n-grams. */
function detectCjk(c: ScriptCounts, prior: string[]): string {
  const kana = c.hiragana + c.katakana;
  if (c.hangul > kana && c.hangul * 2 >= c.han) return 'ko';
  // Chinese never writes hiragana, but may quote a katakana loanword or name: katakana alone has
  // to be a real share of the text.
  if (c.hiragana >= 3 || (c.hiragana > 0 && c.hiragana * 20 >= c.han) || c.katakana * 3 >= c.han) {
    return c.simplifiedNotJapanese > kana ? chineseScript(c, prior) : 'ja';
  }
  if (c.hangul > 0 && c.hangul >= kana) return 'ko';
  if (c.japanese > 0 && c.japanese >= c.simplifiedNotJapanese && c.japanese * 2 >= c.traditional - c.japanese) {
    return 'ja';
  }
  const pageJapanese = prior[0] === 'ja';
  if (pageJapanese && c.simplifiedNotJapanese === 0) return 'ja';
  return chineseScript(c, prior);
}

// franc's trigram profiles are unreliable on a title; the most frequent function words of each
// language are strong evidence on short text.
const FUNCTION_WORDS: Record<string, string> = {
  en: "the of and to in is for with on that by from at as are was it its an be this has have had not but after over how why what who will new says said into about than they their his her he she we you our your or were been which more up out can could would should may one two all no just now first last back off us top against amid under before year years day week says win wins",
  fr: "le la les des du de et est un une dans pour que qui sur au aux avec pas par ce cette ces sont ne plus mais ou leur leurs nous vous il elle ils elles été être à où après entre selon très sa son ses comme aussi tout tous fait faire même deux contre chez sans sous",
  de: "der die das und ist nicht ein eine den dem des mit für auf von zu im sich auch es wird werden bei nach aus wie oder noch über sind hat haben vom zum zur einen einer ich wir sie aber nur gegen kann können war wurde wurden mehr schon sehr beim diese dieser dieses neue neuen ihre seine",
  es: "el la los las del de y en es por con para una un se que su sus al lo como más pero fue muy sin sobre este esta entre también hay ya ha han desde cuando porque yo nos le les ser son está están años otro otra nuevo nueva tras hasta según",
  pt: "o a os as do da dos das de e em no na nos nas um uma que para com por não se ao aos mais foi como pelo pela pelos pelas seu sua seus suas mas são está também ser tem já ou quando muito isso ele ela entre após sobre até anos novo nova",
  it: "il lo gli la le di e che del della dei delle dello per non un una uno con nel nella nei sono è alla al allo dal dalla anche ma come più questo questa ha hanno essere tra fra ci si sul sulla degli ai agli dopo contro anni nuovo nuova suo sua loro",
  nl: "de het een en van in is dat op te voor met niet zijn ook aan maar bij om er als worden wordt naar uit nog door hij ze wij dit die deze meer tegen over jaar nieuwe",
};

const functionWordTable = buildFunctionWordTable();

function buildFunctionWordTable(): Map<string, string[]> {
  const table = new Map<string, string[]>();
  for (const [lang, words] of Object.entries(FUNCTION_WORDS)) {
    for (const word of words.split(' ')) {
      const langs = table.get(word) ?? [];
      if (!langs.includes(lang)) langs.push(lang);
      table.set(word, langs);
    }
  }
  return table;
}

/** Lower-casing never shortens a word, so a longer word cannot be a function word. */
const LONGEST_FUNCTION_WORD = Math.max(...[...functionWordTable.keys()].map((word) => word.length));

const FRANC_INPUT_CAP = 300;

/** Part of a word: a letter, a combining mark or an apostrophe. */
function isWordChar(cp: number): boolean {
  if (cp === 0x27 || cp === 0x2019) return true;
  const cls = charClass(cp);
  return cls === CHAR_LETTER || cls === CHAR_MARK;
}

/**
 * The one language among LATIN_LANGUAGES that writes this letter, or null: Turkish ı ğ ş,
 * Vietnamese ơ ư đ and its stacked tone marks, German ß, Spanish ñ, Polish, Czech, Hungarian and
 * Romanian letters. franc's trigrams drown such letters in the names a news text carries over
 * ("Hırsızlar Newport on the Levee'deki ATM…" read as English, "Tàn dư của Cơn bão Rosa…" as
 * Indonesian); the letters say what the words are written in. A switch, not a table: nothing is
 * built at import.
 */
export function letterLanguage(cp: number): string | null {
  if (cp >= 0x1ea0 && cp <= 0x1ef9) return 'vi';
  switch (cp) {
    case 0x131:
    case 0x130:
    case 0x11f:
    case 0x11e:
    case 0x15f:
    case 0x15e:
      return 'tr';
    case 0x111:
    case 0x110:
    case 0x1a1:
    case 0x1a0:
    case 0x1b0:
    case 0x1af:
    case 0x129:
    case 0x128:
    case 0x169:
    case 0x168:
      return 'vi';
    case 0xdf:
      return 'de';
    case 0xf1:
    case 0xd1:
      return 'es';
    case 0x105:
    case 0x104:
    case 0x119:
    case 0x118:
    case 0x142:
    case 0x141:
    case 0x15b:
    case 0x15a:
    case 0x17a:
    case 0x179:
    case 0x17c:
    case 0x17b:
    case 0x144:
    case 0x143:
      return 'pl';
    case 0x159:
    case 0x158:
    case 0x11b:
    case 0x11a:
    case 0x16f:
    case 0x16e:
      return 'cs';
    case 0x151:
    case 0x150:
    case 0x171:
    case 0x170:
      return 'hu';
    case 0x219:
    case 0x218:
    case 0x21b:
    case 0x21a:
      return 'ro';
    default:
      return null;
  }
}

/**
 * Function-word hits per language, each word shared by k languages counting 1/k to each, and the
 * words written with a letter only one language writes (letterLanguage), per language.
 */
function functionWordHits(text: string): { hits: Map<string, number>; words: number; lettered: Map<string, number> } {
  const hits = new Map<string, number>();
  const lettered = new Map<string, number>();
  let words = 0;
  let start = -1;
  let wordLetter: string | null = null;
  let apostrophe = false;
  let suffixLetter = false;
  // Lower-case ASCII letters and apostrophes only: the word is its own lower case, and not an acronym.
  let plain = true;
  for (let i = 0; i <= text.length; i++) {
    const cp = i < text.length ? (text.codePointAt(i) ?? 0) : -1;
    if (cp >= 0 && isWordChar(cp)) {
      if (start < 0) {
        start = i;
        plain = true;
        apostrophe = false;
        suffixLetter = false;
      }
      if (cp === 0x27 || cp === 0x2019) apostrophe = true;
      else if (!(cp >= 0x61 && cp <= 0x7a)) {
        plain = false;
        const lang = cp >= 0xdf ? letterLanguage(cp) : null;
        if (lang !== null) {
          wordLetter = lang;
          suffixLetter ||= apostrophe;
        }
      }
      if (cp > 0xffff) i++;
      continue;
    }
    if (start < 0) continue;
    words++;
    if (wordLetter !== null) {
      // A capitalised word is a name carried over (Nguyễn Phú Trọng in an English sentence), unless
      // the letter is in a suffix the text's grammar put on a name (Gerrard'ın); the text's own
      // words are mostly lower case.
      const initial = text[start] ?? '';
      if (suffixLetter || initial === initial.toLowerCase()) lettered.set(wordLetter, (lettered.get(wordLetter) ?? 0) + 1);
      wordLetter = null;
    }
    const length = i - start;
    const word = length <= LONGEST_FUNCTION_WORD ? text.slice(start, i) : '';
    start = -1;
    const langs = word ? functionWordTable.get(plain ? word : word.toLowerCase()) : undefined;
    // An all-capitals word is an acronym (AI, IT), not the function word it spells.
    if (!langs || (!plain && word.length > 1 && word === word.toUpperCase())) continue;
    for (const lang of langs) hits.set(lang, (hits.get(lang) ?? 0) + 1 / langs.length);
  }
  return { hits, words, lettered };
}

// Weights of the evidence combined with franc's score (0–1), fitted on the labelled corpus:
// function-word share, page/neighbour prior, and English's base rate when no prior is Latin
// (a label of one to three Latin words beside Chinese or Japanese text is English far more
// often than not, and franc's trigrams cannot tell on so little).
const FUNCTION_WORD_WEIGHT = 1;
const PRIOR_WEIGHT = 0.5;
const ENGLISH_BASE_WEIGHT = 0.3;
const ENGLISH_BESIDE_OTHER_SCRIPT_WEIGHT = 0.6;
const ENGLISH_LABEL_BESIDE_OTHER_SCRIPT_WEIGHT = 1.1;
/** Weight of the share of words written with a letter only one language writes (letterLanguage). */
const LETTER_WEIGHT = 1;
const MIN_LETTERED_WORDS = 2;

/**
 * On a sentence or more, function words alone are decisive when one language owns them: English
 * prose is a quarter "the, of, and, to…". Deciding there skips franc, the engine's main cost on
 * long pages; a text without such a clear majority still goes to franc.
 */
const DECISIVE_WORDS = 12;
const DECISIVE_SHARE = 0.2;
const DECISIVE_MARGIN = 4;

function decisiveFunctionWords(hits: Map<string, number>, words: number): string | null {
  if (words < DECISIVE_WORDS) return null;
  const [first, second] = [...hits.entries()].sort((a, b) => b[1] - a[1]);
  if (!first || first[1] / words < DECISIVE_SHARE) return null;
  return !second || first[1] >= second[1] * DECISIVE_MARGIN ? first[0] : null;
}

/** What a Latin-script text says of its language by itself, before any hint. */
type LatinEvidence = { hits: Map<string, number>; words: number; lettered: Map<string, number> } & (
  | { decided: string; ranked: null }
  | { decided: null; ranked: [string, number][] }
);

/**
 * What the texts of one page said of their language. An analysis asks for a text's language
 * several times (alone, beside its neighbours, as a part of its block):
 * the hint changes the decision, not the evidence, and franc is the costly part. Letter counts
 * are kept too: a short part of a bilingual block was counted up to five times.
 */
export interface LanguageMemo {
  evidence: Map<string, LatinEvidence>;
  counts: Map<string, ScriptCounts>;
}

export function languageMemo(): LanguageMemo {
  return { evidence: new Map(), counts: new Map() };
}

function countsOf(text: string, memo: LanguageMemo | undefined): ScriptCounts {
  if (!memo) return countScripts(text);
  let counts = memo.counts.get(text);
  if (!counts) {
    counts = countScripts(text);
    memo.counts.set(text, counts);
  }
  return counts;
}

function latinEvidence(sample: string, memo: LanguageMemo | undefined): LatinEvidence {
  const known = memo?.evidence.get(sample);
  if (known) return known;
  const { hits, words, lettered } = functionWordHits(sample);
  const decided = decisiveFunctionWords(hits, words);
  const evidence: LatinEvidence = decided
    ? { hits, words, lettered, decided, ranked: null }
    : { hits, words, lettered, decided: null, ranked: rankLatin(sample) };
  memo?.evidence.set(sample, evidence);
  return evidence;
}

/**
 * Up to this many words, a text on a page of two languages is told between them: franc's trigrams
 * tell a headline's language poorly ("Bernard Vann: WW1 Victoria Cross cleric celebrated" reads as
 * Romanian, "Europe clinches Ryder Cup victory in Paris" as Spanish), and a third language is far
 * rarer there than a misreading.
 */
const SIDE_WORDS = 20;

function detectLatin(text: string, prior: string[], agreement: number, memo: LanguageMemo | undefined, sides?: readonly string[]): string {
  const sample = text.length > FRANC_INPUT_CAP ? text.slice(0, FRANC_INPUT_CAP) : text;
  const evidence = latinEvidence(sample, memo);
  if (evidence.decided !== null) return evidence.decided;
  const { hits, words, lettered, ranked } = evidence;
  const latinSides = sides && sides.length === 2 && words <= SIDE_WORDS ? sides.filter((tag) => LATIN_TAGS.has(tag)) : [];
  // The shorter the text, the closer franc's trigram distances: words and context decide more.
  const shortness = words <= 3 ? 1 : words <= 8 ? 0.6 : words <= 20 ? 0.3 : 0.1;
  const latinPrior = prior.filter((tag) => LATIN_TAGS.has(tag));
  let best = latinPrior[0] ?? 'und';
  let bestValue = Number.NEGATIVE_INFINITY;
  for (const [code, score] of ranked) {
    const tag = LATIN_LANGUAGES[code];
    if (!tag || (latinSides.length > 0 && !latinSides.includes(tag))) continue;
    let value = score + ((hits.get(tag) ?? 0) / Math.max(words, 1)) * FUNCTION_WORD_WEIGHT;
    const marked = lettered.get(tag) ?? 0;
    // One word so written may be a loanword; two or more are the text's own.
    if (marked >= MIN_LETTERED_WORDS) value += (marked / words) * LETTER_WEIGHT;
    const rank = latinPrior.indexOf(tag);
    if (rank === 0) value += shortness * PRIOR_WEIGHT * (1 + agreement);
    else if (rank > 0) value += (shortness * PRIOR_WEIGHT) / 2;
    if (latinPrior.length === 0 && tag === 'en') {
      if (prior.length === 0) value += shortness * ENGLISH_BASE_WEIGHT;
      else value += words <= 3 ? ENGLISH_LABEL_BESIDE_OTHER_SCRIPT_WEIGHT : shortness * ENGLISH_BESIDE_OTHER_SCRIPT_WEIGHT;
    }
    if (value > bestValue) {
      best = tag;
      bestValue = value;
    }
  }
  return best;
}

/**
 * The language of one text as a BCP 47 tag: a script pre-pass settles Han, kana, Hangul and the
 * single-language scripts; franc-min with function words and the page/neighbour prior settles
 * Latin text. 'und' when the text holds no letters.
 */
export function detectLanguage(text: string, hint?: LanguageHint): string {
  return detectCounted(text, countsOf(text, hint?.memo), hint);
}

/** detectLanguage on letter counts already taken. */
function detectCounted(text: string, c: ScriptCounts, hint?: LanguageHint): string {
  // On a page of two sides, the declared language is one of them and says nothing of which side a
  // short text is on.
  const prior = priors(hint?.sides?.length === 2 ? { ...hint, pageLang: null } : hint);
  const cjk = CJK_LETTERS(c);
  const letters =
    cjk + c.latin + c.cyrillic + c.arabic + c.greek + c.hebrew + c.thai + c.devanagari;
  if (letters === 0) return 'und';
  if (cjk > 0 && cjkDominates(c, cjk)) return detectCjk(c, prior);
  const latin = c.latin;
  const max = Math.max(latin, c.cyrillic, c.arabic, c.greek, c.hebrew, c.thai, c.devanagari);
  if (max === c.cyrillic) return c.ukrainian > 0 ? 'uk' : 'ru';
  if (max === c.arabic) return c.persian > 0 ? 'fa' : 'ar';
  if (max === c.greek) return 'el';
  if (max === c.hebrew) return 'he';
  if (max === c.thai) return 'th';
  if (max === c.devanagari) return 'hi';
  return detectLatin(text, prior, latinAgreement(hint), hint?.memo, hint?.sides);
}

/**
 * A CJK character carries about a word, so CJK text wins against as many Latin words; Latin
 * names set between CJK runs (的 Alasdair Lamont 在) are Chinese grammar holding names, and count
 * half.
 */
function cjkDominates(c: ScriptCounts, cjk: number): boolean {
  const otherLetters = c.cyrillic + c.arabic + c.greek + c.hebrew + c.thai + c.devanagari;
  if (cjk * 4 < otherLetters) return false;
  const latinWeight = c.cjkRuns >= 2 ? c.latinWords / 2 : c.latinWords;
  return cjk >= latinWeight;
}

/** The second language must write this share of the two languages' text for a page to have two sides. */
const SIDE_SHARE = 0.15;

/**
 * The two Latin-script languages of a page that writes two, by the length of the texts told in
 * each (the more written first), or none: what a short text on such a page is told between.
 */
export function pageSides(texts: readonly string[], langs: readonly (string | null)[]): string[] {
  const weight = new Map<string, number>();
  langs.forEach((lang, i) => {
    if (lang == null || lang === 'und') return;
    weight.set(lang, (weight.get(lang) ?? 0) + (texts[i]?.length ?? 0));
  });
  const [first, second] = [...weight].sort((x, y) => y[1] - x[1]);
  // Beside another script, a Latin text's side is told by its script already.
  if (!first || !second || !LATIN_TAGS.has(first[0]) || !LATIN_TAGS.has(second[0]) || first[0] === second[0]) return [];
  return second[1] >= SIDE_SHARE * (first[1] + second[1]) ? [first[0], second[0]] : [];
}

/** Texts up to this long (characters) told alone are told again between the page's two sides. */
const SIDE_TEXT = 160;

/** Blocks at or under this many letters take their neighbours' language when unsure. */
const SHORT_BLOCK = 40;

/**
 * The language of each block, in order. Long blocks are detected alone; short ones (titles,
 * labels) get the page language and the languages of the nearest long blocks as a prior.
 */
export function assignLanguages(texts: readonly string[], pageLang: string | null, memo = languageMemo()): string[] {
  return assignLanguagesCounted(texts, pageLang, memo).langs;
}

/**
 * assignLanguages, also telling which texts mix writing systems, from the letter counts
 * taken to tell their language. Neither the counts nor the answers go to the memo: each block is
 * told once, and a page of 30,000 short blocks spent as long filling a memo as telling them.
 */
export function assignLanguagesCounted(
  texts: readonly string[],
  pageLang: string | null,
  memo = languageMemo(),
): { langs: string[]; mixed: Uint8Array; sides: string[] } {
  const mixed = new Uint8Array(texts.length);
  const counted = (i: number): ScriptCounts => {
    const c = countScripts(texts[i] as string);
    if (countsMixScripts(c)) mixed[i] = 1;
    return c;
  };
  const first = texts.map((text, i) => (text.length > SHORT_BLOCK ? detectCounted(text, counted(i), { pageLang, memo }) : null));
  const sides = pageSides(texts, first);
  // Letter counts are not kept (see above): the few short texts told again are counted again.
  const alone =
    sides.length === 0
      ? first
      : first.map((lang, i) => {
          const text = texts[i] as string;
          return lang != null && text.length <= SIDE_TEXT ? detectCounted(text, countScripts(text), { pageLang, memo, sides }) : lang;
        });
  // Blocks whose language is told alone, in order: a short block finds its nearest ones without
  // scanning past every other short block (a page of 50,000 short lines was quadratic).
  const told: number[] = [];
  alone.forEach((lang, j) => {
    if (lang != null && lang !== 'und') told.push(j);
  });
  let after = 0;
  const langs = texts.map((text, i) => {
    const known = alone[i];
    if (known != null) return known;
    while (after < told.length && (told[after] as number) < i) after++;
    const neighbours: string[] = [];
    for (let k = after - 1; k >= 0 && neighbours.length < 2; k--) neighbours.push(alone[told[k] as number] as string);
    for (let k = after; k < told.length && neighbours.length < 4; k++) neighbours.push(alone[told[k] as number] as string);
    return detectCounted(text, counted(i), { pageLang, neighbours, memo, sides });
  });
  return { langs, mixed, sides };
}
