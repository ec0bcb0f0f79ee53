/**
 * The translation check: the facts a paragraph and its translation each state, compared. A figure
 * (amount, percentage, year, date, time, count) or a name in Latin letters that one side changed is
 * a mismatch; the rules are shared/report-contract.md's:
 * - after unit conversion the values must agree: 110,000 = 11万, $920 million = 9.2亿美元;
 * - years, dates, times, scores and plain counts agree exactly; an amount with a scale word (or
 *   marked approximate) may be rounded by the translator within 1 %: €3.1billion = 31亿欧元;
 * - a figure written out in words on one side ("six million", 百分之五十八) answers a figure on the
 *   other side but is never itself evidence of a change, and a figure one side leaves out is no
 *   mismatch: only a figure left over on each side, of one sort (both percentages, both dates, …),
 *   makes one. A spare number ("BBC Radio 4") thus stays alone, as does a converted unit
 *   ("15 miles" = "24 公里": two different units);
 * - a Latin name kept in CJK text that the Latin side writes otherwise, within a typing slip
 *   (Willoughby / Willougby), is a changed name; spelling and case variants of one name
 *   (Baden-Wuerttemberg = Baden-Württemberg) are the same name.
 */
import { type Figure, type FigureKind, readFigures } from './numbers';
import { baseLanguage } from './lang-tags';
import type { Part } from './report';
import { familyOfLanguage } from './writing-systems';

export interface FactMismatch {
  kind: 'number' | 'name';
  /** The differing items as written on each side. */
  a: string;
  b: string;
}

/** A translator may round an amount written with a scale word by this share. */
const ROUNDING = 0.01;

/** Sorts of figure that can state the same fact (a year and a count are both plain numbers). */
const SORT: Record<FigureKind, string> = {
  amount: 'number',
  year: 'number',
  ordinal: 'number',
  percent: 'percent',
  date: 'date',
  month: 'month',
  time: 'time',
  decade: 'decade',
  century: 'century',
};

const HALF_DAY = 12 * 60;

function sameValue(x: Figure, y: Figure): boolean {
  const loose = x.scaled || y.scaled || x.approx || y.approx;
  for (const p of x.values) {
    for (const q of y.values) {
      if (x.kind === 'time' && y.kind === 'time') {
        // "4:40" and "4.40 pm": a clock read without its half of the day.
        if (p % HALF_DAY === q % HALF_DAY) return true;
        continue;
      }
      if (p === q) return true;
      if (loose && Math.abs(p - q) <= ROUNDING * Math.max(Math.abs(p), Math.abs(q))) return true;
    }
  }
  return false;
}

/** Two figures state the same fact: one sort, one value, one unit. A day of the month may stand alone on one side. */
function agree(x: Figure, y: Figure): boolean {
  // 6 英尺 6 英寸 is not 6 feet twice; a figure without a unit may answer one with it.
  if (x.unit !== null && y.unit !== null && x.unit !== y.unit) return false;
  const sorts = [SORT[x.kind], SORT[y.kind]];
  if (sorts[0] === sorts[1]) return sameValue(x, y);
  if (sorts.includes('date') && sorts.includes('number')) {
    const [date, day] = SORT[x.kind] === 'date' ? [x, y] : [y, x];
    return day.values.some((v) => date.values.some((d) => d % 100 === v));
  }
  return false;
}

/**
 * Pairs each figure of one side with one of the other that states the same fact; what is left on
 * each side is what the other does not state. Figures in digits are paired first, so a number
 * written out ("six") cannot take the partner of one in digits.
 */
function unmatched(fa: readonly Figure[], fb: readonly Figure[]): [Figure[], Figure[]] {
  const usedB = new Set<number>();
  const leftA: Figure[] = [];
  const order = (figures: readonly Figure[]) => figures.map((f, i) => [f, i] as const).sort((p, q) => Number(p[0].words) - Number(q[0].words));
  const orderedB = order(fb);
  for (const [x] of order(fa)) {
    const partner = orderedB.find(([y, j]) => !usedB.has(j) && agree(x, y));
    if (partner) usedB.add(partner[1]);
    else leftA.push(x);
  }
  return [leftA, fb.filter((_y, j) => !usedB.has(j))];
}

/** Digits alike: 920 and 92 (a slipped power of ten), 3.5 and 35 (a lost decimal point), 2014 and 2015. */
function closeness(x: Figure, y: Figure): number {
  const digits = (f: Figure) => String(f.values[0] ?? '').replace(/[^\d]/g, '').replace(/^0+|0+$/g, '');
  return editDistance(digits(x), digits(y));
}

/** A figure in digits (or written digit by digit, 二〇一九): only such a figure on each side can differ. */
const DIGIT = /[\d０-９〇]/;

function numberMismatch(a: Part, b: Part): FactMismatch | null {
  if (!DIGIT.test(a.text) || !DIGIT.test(b.text)) return null;
  const [leftA, leftB] = unmatched(readFigures(a.text, a.lang), readFigures(b.text, b.lang));
  let best: { x: Figure; y: Figure; distance: number } | null = null;
  for (const x of leftA) {
    if (x.words) continue;
    for (const y of leftB) {
      if (y.words || SORT[x.kind] !== SORT[y.kind]) continue;
      // A figure in another unit, or with a unit beside one without, is a conversion (miles and
      // 公里; 6-foot-6 and 1,98 m), not a change.
      if (x.unit !== y.unit) continue;
      const distance = closeness(x, y);
      if (best === null || distance < best.distance) best = { x, y, distance };
    }
  }
  return best && { kind: 'number', a: best.x.text, b: best.y.text };
}

// Words of a hyphenated name are compared one by one (Rhein-Neckar-Arena beside Rhein-Neckar体育场).
const LATIN_WORD = /\p{Script=Latin}[\p{Script=Latin}\p{M}]*(?:['’][\p{Script=Latin}\p{M}]+)*/gu;

/**
 * One name in the spellings a translator may choose: Württemberg = Wuerttemberg = Wurttemberg, and
 * Habitats = Habitat (a plural or possessive of the name is the name). The first is the one compared.
 */
function foldings(word: string): string[] {
  const lower = word.toLowerCase().replace(/['’]s$/, '');
  // Most names are plain ASCII: one form (and its singular), no normalisation.
  const forms = ASCII_WORD.test(lower) ? [lower] : [bare(lower.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')), bare(lower)];
  for (const form of forms) if (form.length > MIN_NAME && form.endsWith('s')) forms.push(form.slice(0, -1));
  return forms;
}

const ASCII_WORD = /^[a-z'’]*$/;
const bare = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');

/** Damerau–Levenshtein distance (adjacent swaps count one). */
export function editDistance(s: string, t: string): number {
  const rows: number[][] = Array.from({ length: s.length + 1 }, (_row, i) => Array.from({ length: t.length + 1 }, (_cell, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      const row = rows[i] as number[];
      const above = rows[i - 1] as number[];
      let value = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) value = Math.min(value, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = value;
    }
  }
  return (rows[s.length] as number[])[t.length] as number;
}

/** Names this short are initials and acronyms, changed by a translator as often as kept. */
const MIN_NAME = 4;

const LETTER = /\p{L}/u;

/** `word` stands in `text` as a whole word (both lower-cased). */
function containsWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (!LETTER.test(text[at - 1] ?? '') && !LETTER.test(text[at + word.length] ?? '')) return true;
  }
  return false;
}

interface Word {
  text: string;
  capital: boolean;
  /** Capitalised where a sentence does not start: a name, or a German noun. */
  name: boolean;
}

const SENTENCE_START = /(?:^|[.!?:;"“”«»¿¡()[\]])\s*$/u;

function latinWords(text: string): Word[] {
  return [...text.matchAll(LATIN_WORD)].map((m) => {
    const word = m[0];
    const capital = word[0] !== word[0]?.toLowerCase();
    return { text: word, capital, name: capital && !SENTENCE_START.test(text.slice(Math.max(0, m.index - 3), m.index)) };
  });
}

/** Within a typing slip: one edit in a name of up to 7 letters, two in a longer one. */
const typingSlip = (form: string, name: string) => editDistance(form, name) <= (form.length > 7 ? 2 : 1);

/**
 * Between two Latin-script languages a name is often written the language's way (Scotland /
 * Schottland, China / Chine, Senate / Senat, Präsident): on NTREX's German, French and Spanish
 * (development documents) an edit of one letter flagged 10–12 % of faithful pairs. Only the slips
 * no language makes of a name count there: two neighbouring letters swapped (Dechambeau /
 * Decahmbeau), or a doubled letter made single or a single one doubled inside the name
 * (Miller / Miler, Somerset / Sommerset), except a single letter in Spanish or Portuguese, which
 * write names so (Rusia, Pensilvania). Acronyms are left alone: translators reorder them (LGBT / LGTB, NATO / OTAN).
 */
function latinSlip(form: string, name: string, singled: (side: 'form' | 'name') => boolean): boolean {
  if (form.length === name.length) {
    const at = [...form].findIndex((c, i) => c !== name[i]);
    return at >= 0 && form[at] === name[at + 1] && form[at + 1] === name[at] && form.slice(at + 2) === name.slice(at + 2) && form[at] !== form[at + 1];
  }
  const [long, short] = form.length > name.length ? [form, name] : [name, form];
  if (long.length !== short.length + 1 || singled(form.length > name.length ? 'name' : 'form')) return false;
  const at = [...short].findIndex((c, i) => c !== long[i]);
  const cut = at < 0 ? short.length : at;
  // The extra letter doubles its neighbour, inside the name (not its last letter: Congress / Congrès).
  const doubled = long[cut] === long[cut - 1] || long[cut] === long[cut + 1];
  return doubled && long.slice(cut + 1) === short.slice(cut) && cut > 0 && cut < long.length - 2;
}

/**
 * A name one side spells otherwise: a word of one side that the other lacks, beside a name of the
 * other side that the first lacks, one slip apart. `kept` says which words of `written` are names
 * a translation keeps as they are: every Latin word inside CJK text, a capitalised word inside a
 * sentence in Latin text.
 */
function nameMismatch(
  source: string,
  written: string,
  kept: (word: Word) => boolean,
  named: (word: Word) => boolean,
  slip: (form: string, name: string) => boolean,
): { source: string; written: string } | null {
  const known = new Map<string, string[]>();
  const formsOf = (word: string): string[] => {
    let forms = known.get(word);
    if (forms === undefined) {
      forms = foldings(word);
      known.set(word, forms);
    }
    return forms;
  };
  const writtenWords = latinWords(written);
  // Most pages keep every name as the other side writes it: a word found in the other text as it
  // stands needs no closer look (and the long side need not be read word by word).
  const sourceLower = source.toLowerCase();
  if (writtenWords.every((word) => !kept(word) || word.text.length < MIN_NAME || containsWord(sourceLower, word.text.toLowerCase()))) return null;
  const sourceWords = latinWords(source);
  const sourceForms = new Set(sourceWords.flatMap((w) => formsOf(w.text)));
  const writtenForms = new Set(writtenWords.flatMap((w) => formsOf(w.text)));
  const missing = (forms: Set<string>) => (word: Word) => word.text.length >= MIN_NAME && !formsOf(word.text).some((form) => forms.has(form));
  const changed = writtenWords.filter(kept).filter(missing(sourceForms));
  if (changed.length === 0) return null;
  const names = sourceWords.filter(named).filter(missing(writtenForms));
  for (const word of changed) {
    const form = formsOf(word.text)[0] as string;
    for (const name of names) {
      if (slip(form, formsOf(name.text)[0] as string)) return { source: name.text, written: word.text };
    }
  }
  return null;
}

/** Languages that write a borrowed name with single letters where English doubles them. */
const SINGLE_LETTERS = new Set(['es', 'pt']);

/** A text cut with an ellipsis may stop inside its last word or figure ("Crai...", "1,0…"): that piece is not read. */
const CUT_END = /[\p{Script=Latin}\d.,'’-]*\s*(?:\.{3}|…|⋯)["'”’」』)）]*\s*$/u;
/** Where CUT_END is looked for: an expression anchored only at its end is tried from every position of the text. */
const CUT_TAIL = 80;

function withoutCutEnd(text: string): string {
  const tail = text.slice(-CUT_TAIL);
  const cut = CUT_END.exec(tail);
  if (cut === null) return text;
  // A cut piece as long as the tail may reach further back: read the whole text then.
  if (cut.index === 0 && tail.length < text.length) return text.replace(CUT_END, '');
  return text.slice(0, text.length - tail.length + cut.index);
}

/** The facts on which a paragraph `a` and its translation `b` disagree: at most one figure and one name. */
export function checkTranslation(whole: Part, translation: Part): FactMismatch[] {
  const a = { lang: whole.lang, text: withoutCutEnd(whole.text) };
  const b = { lang: translation.lang, text: withoutCutEnd(translation.text) };
  const found: FactMismatch[] = [];
  const number = numberMismatch(a, b);
  if (number) found.push(number);
  const latinA = familyOfLanguage(baseLanguage(a.lang)) === 'latin';
  const latinB = familyOfLanguage(baseLanguage(b.lang)) === 'latin';
  if (latinA !== latinB) {
    // Every Latin word inside Chinese (or Russian, Arabic…) text is a name kept as written.
    const capital = (word: Word) => word.capital;
    const name = latinA ? nameMismatch(a.text, b.text, () => true, capital, typingSlip) : nameMismatch(b.text, a.text, () => true, capital, typingSlip);
    if (name) found.push({ kind: 'name', a: latinA ? name.source : name.written, b: latinA ? name.written : name.source });
  } else if (latinA) {
    const singles = (lang: string) => SINGLE_LETTERS.has(baseLanguage(lang));
    const named = (word: Word) => word.name && word.text !== word.text.toUpperCase();
    const name = nameMismatch(a.text, b.text, named, named, (form, source) => latinSlip(form, source, (side) => singles(side === 'form' ? b.lang : a.lang)));
    if (name) found.push({ kind: 'name', a: name.source, b: name.written });
  }
  return found;
}
