import { alignParagraphs, type FeatureMemo, featureMemo, type Langs, lengthRatio, logit, translationScore } from './alignment';
import type { BlockKind, BlockPlace, UnitData } from './model';
import { labelsAgree, namedLanguages } from './language-labels';
import { baseLanguage, detectLanguage } from './languages';
import { placesOf } from './places';
import { shortLineKind } from './short-lines';
import type { Layout } from './report';
import { CJK_WEIGHT, dominantFamily, familyOf, familyOfLanguage, isCjk, latinLength, type ScriptFamily } from './writing-systems';

/**
 * Bilingual layout detection: which units of a page translate which, and how the page lays the
 * two languages out. Languages are compared by base tag (zh-Hans and zh-Hant are both zh).
 */

/** A unit with what layout detection may know about its block: the snapshot's place, or the element. */
export interface BilingualUnit extends UnitData, Partial<BlockPlace> {
  role?: BlockKind;
  inArticle?: boolean;
  /** In a code listing: never paired, never evidence that the page is bilingual. */
  code?: boolean;
  /**
   * A notice that the page is AI-generated: the site's note, often in one language only, never an
   * article paragraph waiting for its translation nor one that stands for a missing one.
   */
  notice?: boolean;
  el?: Element;
}

export interface BilingualPair {
  a: number;
  b: number;
  confidence: number;
}

export interface BilingualAnalysis {
  detected: boolean;
  /** The two languages, the page's first-written one first; each is the tag most of its units carry. */
  languages: string[];
  layouts: Layout[];
  /** Unit ids; `a` is in languages[0]. */
  pairs: BilingualPair[];
  /** Ids of article paragraphs whose translation the page lacks. */
  untranslated: number[];
  /** Paired units read as a third language whose side their script decided, with that side's tag. */
  relabelled: { id: number; lang: string }[];
}

const LAYOUT_ORDER: readonly Layout[] = ['inline', 'interleaved', 'sequential', 'side-by-side'];
/** Latin-equivalent length (a CJK character counts 3.2) from which a unit is a paragraph, not a label. */
const PARAGRAPH_LENGTH = 60;
/** Latin-equivalent length from which a unit takes part in free alignment. */
const ALIGN_LENGTH = 40;
/** Both halves of an inline label ("Hot 热度", "Share: 分享到:") are at most this long. */
const LABEL_LENGTH = 40;
/** One element holding both languages is evidence of its own: a label pair needs no anchors. */
const LABEL_CONFIDENCE = 0.7;
/** Least share of the article's text in its second language on a page whose only pair is its title. */
const TITLE_ONLY_SHARE = 0.1;
const PAIR_THRESHOLD = 0.5;
/**
 * Beyond this ratio of their expected lengths, a heading and the labelled line under it ("原文标题:
 * …") are not one title in two languages (an author's name under a headline, say).
 */
const LABELLED_SPREAD = 3;
/**
 * Evidence (summed log-odds) the paragraph pairs of a page must carry before the page counts as
 * bilingual. On the development split of ntrex128 (55 documents in 25 language pairs, five
 * paragraphs against the other language's four, 1,375 pages; negatives: another document's four),
 * 0.4% of the mismatched pages reach 6 and 89% of the real ones (at 8: 0% and 79%); but over 200
 * generated unrelated-text controls of that split 6 made 4 pages bilingual, 7 two, 8 one.
 */
const PAGE_EVIDENCE = 8;
/**
 * The same when every paragraph of the shorter language is paired (alignment's coveredEvidence).
 * Over 280 generated controls of the dev split (monolingual, unrelated texts alternating or one
 * after the other), 5 adds no false positive to PAGE_EVIDENCE's one (4 and 3 add one); sequential
 * pages' pairs F1 0.844 -> 0.871.
 */
const COVERED_EVIDENCE = 5;
/**
 * Structure is evidence of its own: two cells of one table row, or paragraphs that alternate
 * language one by one, are laid out as translations, and need not carry the anchors a free
 * alignment asks for (a short story without names or numbers has none). A row pairs whatever its
 * score; an alternating run pairs when its mean translation score is high enough. On ntrex128
 * (82 documents, paragraphs of two sentences; negatives: each English document beside another
 * document's Chinese), 98% of real runs have a mean of at least 0.66 and no mismatched run
 * exceeds 0.69 (98th percentile 0.60); runs of only two pairs vary more, so they must score higher.
 */
const RUN_MEAN = 0.62;
const SHORT_RUN_MEAN = 0.75;
/** An alternating run pairs only with at least this many pairs: two unrelated neighbours are common. */
const MIN_ALTERNATING_PAIRS = 2;
/** Lines on each side of a third-language line whose sides decide its own (at least one more than this in all). */
const NEIGHBOUR_SIDES = 2;
/** Two-language rows a table of label cells must give before its rows pair. */
const MIN_LABEL_ROWS = 3;

const NONE: BilingualAnalysis = { detected: false, languages: [], layouts: [], pairs: [], untranslated: [], relabelled: [] };

/** Latin-equivalent lengths of units, each read once: layout detection asks for them three times. */
type LengthOf = (unit: BilingualUnit) => number;

function lengthMemo(): LengthOf {
  const lengths = new Map<BilingualUnit, number>();
  return (unit) => {
    let length = lengths.get(unit);
    if (length === undefined) {
      length = latinLength(unit.text);
      lengths.set(unit, length);
    }
    return length;
  };
}

/** The two languages with the most text, ordered by where each first appears. */
function pickLanguages(units: readonly BilingualUnit[], lengthOf: LengthOf): { bases: [string, string]; tags: [string, string] } | null {
  const weight = new Map<string, number>();
  const first = new Map<string, number>();
  const tagCounts = new Map<string, Map<string, number>>();
  units.forEach((unit, i) => {
    const base = baseLanguage(unit.lang);
    if (base === 'und') return;
    weight.set(base, (weight.get(base) ?? 0) + lengthOf(unit));
    if (!first.has(base)) first.set(base, i);
    const tags = tagCounts.get(base) ?? new Map<string, number>();
    tags.set(unit.lang, (tags.get(unit.lang) ?? 0) + 1);
    tagCounts.set(base, tags);
  });
  const top = [...weight.entries()].sort((p, q) => q[1] - p[1]).slice(0, 2);
  const [x, y] = top;
  if (!x || !y) return null;
  const ordered = (first.get(x[0]) ?? 0) <= (first.get(y[0]) ?? 0) ? [x[0], y[0]] : [y[0], x[0]];
  const tagOf = (base: string): string =>
    [...(tagCounts.get(base) ?? new Map<string, number>()).entries()].sort((p, q) => q[1] - p[1])[0]?.[0] ?? base;
  const [b0 = '', b1 = ''] = ordered;
  return { bases: [b0, b1], tags: [tagOf(b0), tagOf(b1)] };
}

/** Places from the snapshot when given, else read from the units' elements. */
function placesFor(units: readonly BilingualUnit[]): Map<number, BlockPlace> {
  const places = new Map<number, BlockPlace>();
  const pending: BilingualUnit[] = [];
  for (const unit of units) {
    if (places.has(unit.block)) continue;
    if (unit.cell !== undefined || unit.column !== undefined) {
      places.set(unit.block, { cell: unit.cell ?? null, column: unit.column ?? null });
    } else if (unit.el && !pending.some((other) => other.block === unit.block)) {
      pending.push(unit);
    }
  }
  const read: Element[] = [];
  const blocks: number[] = [];
  for (const unit of pending) {
    if (!unit.el || places.has(unit.block)) continue;
    read.push(unit.el);
    blocks.push(unit.block);
  }
  placesOf(
    read,
    read.map(() => true),
  ).forEach((place, i) => {
    const block = blocks[i];
    if (block !== undefined) places.set(block, place);
  });
  return places;
}

/** Pairs given by the page's structure: cells of one table row, and runs of alternating paragraphs. */
function structuralPairs(
  flow: readonly BilingualUnit[],
  side: (unit: BilingualUnit) => 0 | 1 | null,
  places: Map<number, BlockPlace>,
  memo: FeatureMemo,
  ratio: number,
  langs: Langs,
  scripts: readonly [ScriptFamily, ScriptFamily],
): BilingualPair[] {
  const pairs: BilingualPair[] = [];
  const used = new Set<number>();
  const scored = (x: BilingualUnit, y: BilingualUnit): BilingualPair => {
    const [a, b] = side(x) === 0 ? [x, y] : [y, x];
    return { a: a.id, b: b.id, confidence: translationScore(a.text, b.text, memo, ratio, langs) };
  };
  const take = (pair: BilingualPair) => {
    pairs.push(pair);
    used.add(pair.a).add(pair.b);
  };

  const rows = new Map<string, BilingualUnit[]>();
  for (const unit of flow) {
    const cell = places.get(unit.block)?.cell;
    // The header cells atop a table name its columns ("英文 | 日本語訳", "ESPAÑOL | ENGLISH"): labels,
    // not a text and its translation. Header cells further down head sections ("Saludos | Greetings").
    if (!cell || (cell.head && cell.row === 0)) continue;
    // A label cell's language in the sides' one script is a guess: "Google Maps" reads as French.
    if (unit.role === 'label' && scripts[0] === scripts[1]) continue;
    const key = `${cell.table}:${cell.row}`;
    rows.set(key, [...(rows.get(key) ?? []), unit]);
  }
  // A row of label cells (a table on a page without prose) is one cell beside another as often in
  // a site's chrome as in a glossary: its table must give several such rows.
  const labelRows = new Map<number, [BilingualUnit, BilingualUnit][]>();
  for (const row of rows.values()) {
    const [x, y] = row;
    if (row.length !== 2 || !x || !y || side(x) === side(y)) continue;
    if (x.role !== 'label' && y.role !== 'label') take(scored(x, y));
    else {
      const table = places.get(x.block)?.cell?.table ?? -1;
      labelRows.set(table, [...(labelRows.get(table) ?? []), [x, y]]);
    }
  }
  for (const found of labelRows.values()) if (found.length >= MIN_LABEL_ROWS) for (const [x, y] of found) take(scored(x, y));
  for (const pair of glossaryRows(rows, side, places)) take(scored(...pair));

  // Alternating runs: which language opens a pair is the one that opens most runs, so that a
  // missing translation does not shift every later pair by one.
  const rest = flow.filter((unit) => !used.has(unit.id) && !places.get(unit.block)?.cell);
  const runs: BilingualUnit[][] = [];
  for (const unit of rest) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last && side(last) !== side(unit)) run.push(unit);
    else runs.push([unit]);
  }
  const opens = [0, 0];
  for (const run of runs) if (run.length >= 2 && run[0]) opens[side(run[0]) ?? 0] = (opens[side(run[0]) ?? 0] ?? 0) + run.length;
  const opener = (opens[1] ?? 0) > (opens[0] ?? 0) ? 1 : 0;
  const candidatesOf = (run: BilingualUnit[]): BilingualPair[] => {
    const candidates: BilingualPair[] = [];
    for (let k = 0; k + 1 < run.length; k++) {
      const x = run[k] as BilingualUnit;
      if (side(x) !== opener) continue;
      candidates.push(scored(x, run[k + 1] as BilingualUnit));
      k++;
    }
    return candidates;
  };
  const meanOf = (candidates: BilingualPair[]) => candidates.reduce((sum, pair) => sum + pair.confidence, 0) / candidates.length;
  const pending: BilingualPair[][] = [];
  let alternates = false;
  for (const run of runs) {
    const candidates = candidatesOf(run);
    if (candidates.length === 0) continue;
    const mean = meanOf(candidates);
    if (candidates.length >= MIN_ALTERNATING_PAIRS && mean >= (candidates.length === MIN_ALTERNATING_PAIRS ? SHORT_RUN_MEAN : RUN_MEAN)) {
      candidates.forEach(take);
      alternates = true;
    } else pending.push(candidates);
  }
  // Once the page is seen to alternate, a run that a missing translation cut short is the same
  // layout: it needs the ordinary mean, not the proof a page's only run must give.
  if (alternates || pairs.length >= MIN_ALTERNATING_PAIRS) for (const candidates of pending) if (meanOf(candidates) >= RUN_MEAN) candidates.forEach(take);
  return pairs;
}

/**
 * Rows of wider tables (English term | 简体中文 | 繁體中文 | 说明): the first column mostly in one
 * language and the first mostly in the other hold a term and its translation, cell by cell; the
 * columns after them add variants and notes. A cell the same as its neighbour (a name kept as it
 * is) pairs nothing, nor a row whose cells differ too much in length (a term beside a description)
 * unless both are short: a term and its rendering ("Hook", "钩子 / 钩子函数") vary in length.
 */
function glossaryRows(
  rows: Map<string, BilingualUnit[]>,
  side: (unit: BilingualUnit) => 0 | 1 | null,
  places: Map<number, BlockPlace>,
): [BilingualUnit, BilingualUnit][] {
  const colOf = (unit: BilingualUnit) => places.get(unit.block)?.cell?.col ?? -1;
  const tables = new Map<number, BilingualUnit[][]>();
  for (const row of rows.values()) {
    if (row.length <= 2) continue;
    const table = places.get((row[0] as BilingualUnit).block)?.cell?.table ?? -1;
    const list = tables.get(table) ?? [];
    list.push(row);
    tables.set(table, list);
  }
  const pairs: [BilingualUnit, BilingualUnit][] = [];
  for (const wide of tables.values()) {
    // Votes per column and side: which language each column is written in.
    const votes = new Map<number, { 0: number; 1: number }>();
    for (const row of wide) {
      for (const unit of row) {
        const s = side(unit);
        if (s === null) continue;
        const vote = votes.get(colOf(unit)) ?? { 0: 0, 1: 0 };
        vote[s]++;
        votes.set(colOf(unit), vote);
      }
    }
    const firstOf = (s: 0 | 1) =>
      [...votes.entries()].filter(([, vote]) => vote[s] > vote[s === 0 ? 1 : 0] && vote[s] * 2 >= wide.length).sort(([c], [d]) => c - d)[0]?.[0];
    const col0 = firstOf(0);
    const col1 = firstOf(1);
    if (col0 === undefined || col1 === undefined) continue;
    const found: [BilingualUnit, BilingualUnit][] = [];
    for (const row of wide) {
      const x = row.filter((unit) => colOf(unit) === col0);
      const y = row.filter((unit) => colOf(unit) === col1);
      const [a] = x;
      const [b] = y;
      if (x.length !== 1 || y.length !== 1 || !a || !b || side(a) !== 0 || side(b) !== 1) continue;
      if (normalised(a.text) === normalised(b.text)) continue;
      const la = latinLength(a.text);
      const lb = latinLength(b.text);
      const spread = lb / la;
      if ((la <= LABEL_LENGTH && lb <= LABEL_LENGTH) || (spread <= LABELLED_SPREAD && spread >= 1 / LABELLED_SPREAD)) found.push([a, b]);
    }
    // One row in two languages is a misread short cell as often as a glossary.
    if (found.length >= MIN_ALTERNATING_PAIRS) pairs.push(...found);
  }
  return pairs;
}

/**
 * Pairs of adjacent stretches of one language each (a whole English README, then the whole French
 * one), aligned as paragraphs are, short lines included; each stretch pair must carry the evidence
 * a page's free alignment must (PAGE_EVIDENCE, or COVERED_EVIDENCE when it leaves nothing of the
 * shorter stretch alone). Units `taken` by other pairs stay as they are.
 */
function stretchPairs(
  sequence: readonly BilingualUnit[],
  side: (unit: BilingualUnit) => 0 | 1 | null,
  taken: ReadonlySet<number>,
  memo: FeatureMemo,
  ratio: number,
  langs: Langs,
): BilingualPair[] {
  const stretches: BilingualUnit[][] = [];
  for (const unit of sequence) {
    const last = stretches[stretches.length - 1];
    if (last && side(last[0] as BilingualUnit) === side(unit)) last.push(unit);
    else stretches.push([unit]);
  }
  // One short line between two stretches of the other language (a heading the translation left
  // as it was, "FTP Server" in the German half, or a word read in the wrong one of two Latin
  // languages) does not end that stretch: cut there, the halves of a README would be aligned
  // piecemeal with their neighbours. It stays out of the stretches.
  for (let k = 1; k + 1 < stretches.length; k++) {
    const [line, ...more] = stretches[k] as BilingualUnit[];
    const before = stretches[k - 1] as BilingualUnit[];
    const after = stretches[k + 1] as BilingualUnit[];
    if (!line || more.length > 0 || latinLength(line.text) > LABEL_LENGTH) continue;
    if (side(before[0] as BilingualUnit) !== side(after[0] as BilingualUnit)) continue;
    before.push(...after);
    stretches.splice(k, 2);
    k--;
  }
  const pairs: BilingualPair[] = [];
  const used = new Set(taken);
  for (let k = 0; k + 1 < stretches.length; k++) {
    const first = stretches[k] as BilingualUnit[];
    const second = stretches[k + 1] as BilingualUnit[];
    const [xs, ys] = side(first[0] as BilingualUnit) === 0 ? [first, second] : [second, first];
    if (xs.length + ys.length < 2 * MIN_ALTERNATING_PAIRS) continue;
    const found = alignParagraphs(
      xs.map((unit) => unit.text),
      ys.map((unit) => unit.text),
      { minEvidence: PAGE_EVIDENCE, coveredEvidence: COVERED_EVIDENCE, memo, ratio, langs },
    ).pairs;
    for (const pair of found) {
      const a = xs[pair.a] as BilingualUnit;
      const b = ys[pair.b] as BilingualUnit;
      if (used.has(a.id) || used.has(b.id)) continue;
      pairs.push({ a: a.id, b: b.id, confidence: pair.confidence });
      used.add(a.id).add(b.id);
    }
  }
  return pairs;
}

/** Unpaired units on each side between two anchors that gapPairs pairs one by one. */
const MAX_GAP = 6;
/** Mean translation score a gap's pairs must reach: the anchors say where, the texts must agree. */
const GAP_MEAN = 0.6;
/** No pair of a gap below this score, whatever the others score. */
const GAP_FLOOR = 0.3;

/**
 * Short lines between pairs (headings, list items, short paragraphs too short for free
 * alignment): between two consecutive pairs, or before the first and after the last, when each
 * language holds the same number of unpaired units, in the same roles in the same order, the page
 * repeats one structure in two languages and the k-th unit of one translates the k-th of the
 * other (Hunalign's anchors, then the stretches between them). Table cells pair by row instead.
 */
function gapPairs(
  flow: readonly BilingualUnit[],
  side: (unit: BilingualUnit) => 0 | 1 | null,
  places: Map<number, BlockPlace>,
  anchors: readonly BilingualPair[],
  memo: FeatureMemo,
  ratio: number,
  langs: Langs,
): BilingualPair[] {
  const paired = unitsOf(anchors);
  const lists: [BilingualUnit[], BilingualUnit[]] = [[], []];
  const position = new Map<number, number>();
  for (const unit of flow) {
    const s = side(unit);
    if (s === null || places.get(unit.block)?.cell) continue;
    position.set(unit.id, lists[s].length);
    lists[s].push(unit);
  }
  const [list0, list1] = lists;
  // Anchors in the order of the first language, kept where the second's order agrees.
  const ends: [number, number][] = [[-1, -1]];
  const sorted = anchors
    .map((pair) => [position.get(pair.a), position.get(pair.b)] as const)
    .filter((ends): ends is readonly [number, number] => ends[0] !== undefined && ends[1] !== undefined)
    .sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  for (const [a, b] of sorted) {
    const [lastA, lastB] = ends[ends.length - 1] as [number, number];
    if (a >= lastA && b >= lastB) ends.push([a, b]);
  }
  ends.push([list0.length, list1.length]);
  const pairs: BilingualPair[] = [];
  for (let k = 0; k + 1 < ends.length; k++) {
    const [fromA, fromB] = ends[k] as [number, number];
    const [toA, toB] = ends[k + 1] as [number, number];
    const xs = list0.slice(fromA + 1, Math.max(toA, fromA + 1)).filter((unit) => !paired.has(unit.id));
    const ys = list1.slice(fromB + 1, Math.max(toB, fromB + 1)).filter((unit) => !paired.has(unit.id));
    if (xs.length === 0 || xs.length !== ys.length || xs.length > MAX_GAP) continue;
    if (xs.some((x, i) => x.role !== ys[i]?.role)) continue;
    const found = xs.map((x, i) => {
      const y = ys[i] as BilingualUnit;
      return { a: x.id, b: y.id, confidence: translationScore(x.text, y.text, memo, ratio, langs) };
    });
    const mean = found.reduce((sum, pair) => sum + pair.confidence, 0) / found.length;
    if (mean >= GAP_MEAN && found.every((pair) => pair.confidence >= GAP_FLOOR)) pairs.push(...found);
  }
  return pairs;
}

/** The units of some pairs. A loop, not flatMap, which costs microseconds a call even on a few pairs. */
function unitsOf(pairs: readonly BilingualPair[]): Set<number> {
  const units = new Set<number>();
  for (const pair of pairs) units.add(pair.a).add(pair.b);
  return units;
}

function sideBySide(x: BlockPlace | undefined, y: BlockPlace | undefined): boolean {
  if (!x || !y) return false;
  if (x.cell && y.cell) return x.cell.table === y.cell.table && x.cell.col !== y.cell.col;
  if (x.column && y.column) return x.column.group === y.column.group && x.column.index !== y.column.index;
  return false;
}

/**
 * Lone paragraphs whose translation the page lacks: paragraphs, not list items or headings, with
 * pairs around them, and no unpaired text of the other language in the stretch where their
 * translation would stand (between the translations of the paired paragraphs before and after):
 * there, the two are more likely a pair the alignment missed than two texts each left alone. A
 * short one counts too: a headline's translation may be half its length ("Labour is no longer a
 * broad church." under a Russian line twice as long).
 */
function missingTranslations(
  flow: readonly BilingualUnit[],
  side: (unit: BilingualUnit) => 0 | 1 | null,
  pairs: readonly BilingualPair[],
  lone: (unit: BilingualUnit) => boolean,
  unpaired: (unit: BilingualUnit) => boolean,
): number[] {
  const position = new Map(flow.map((unit, i) => [unit.id, i]));
  const partner = new Map<number, number>();
  for (const pair of pairs) partner.set(pair.a, pair.b).set(pair.b, pair.a);
  // openBefore[s][k]: unpaired units of side s before flow position k.
  const openBefore: [number[], number[]] = [[0], [0]];
  flow.forEach((unit, k) => {
    for (const s of [0, 1] as const) openBefore[s].push((openBefore[s][k] ?? 0) + (side(unit) === s && unpaired(unit) ? 1 : 0));
  });
  // The flow position of the partner of the nearest paired unit of the same side, before and after each position.
  const partnerAt = (k: number): number | undefined => {
    const id = partner.get((flow[k] as BilingualUnit).id);
    return id === undefined ? undefined : position.get(id);
  };
  const before: (number | undefined)[] = [];
  const last: [number | undefined, number | undefined] = [undefined, undefined];
  flow.forEach((unit, k) => {
    const s = side(unit) ?? 0;
    before.push(last[s]);
    const at = partnerAt(k);
    if (at !== undefined) last[s] = at;
  });
  const after: (number | undefined)[] = new Array(flow.length);
  const next: [number | undefined, number | undefined] = [undefined, undefined];
  for (let k = flow.length - 1; k >= 0; k--) {
    const s = side(flow[k] as BilingualUnit) ?? 0;
    after[k] = next[s];
    const at = partnerAt(k);
    if (at !== undefined) next[s] = at;
  }
  const missing: number[] = [];
  flow.forEach((unit, k) => {
    const s = side(unit);
    if (s === null || !lone(unit)) return;
    const from = before[k];
    const to = after[k];
    if (from === undefined && to === undefined) return;
    const other = s === 0 ? 1 : 0;
    const start = from === undefined ? 0 : Math.min(from, to ?? from) + 1;
    const end = to === undefined ? flow.length : Math.max(to, from ?? to);
    const others = (openBefore[other][Math.max(end, start)] ?? 0) - (openBefore[other][start] ?? 0);
    if (others === 0) missing.push(unit.id);
  });
  return missing;
}

/**
 * Each unpaired paragraph of one language may be the translation of an unpaired paragraph of the
 * other, which the alignment missed: a side keeps its marks only when it has more unpaired
 * paragraphs than the other side, and at most as many marks as the difference. More marks than
 * that are an alignment's slips, not paragraphs the page left untranslated: a pair that skips a
 * paragraph leaves paragraphs of both languages alone (a sequential page one paragraph short, its
 * last pair crossing, marked three paragraphs, one of them in the shorter language). Then none of
 * that side's marks can be trusted, and none is kept.
 */
function withinSurplus(
  missing: readonly number[],
  flow: readonly BilingualUnit[],
  side: (unit: BilingualUnit) => 0 | 1 | null,
  open: (unit: BilingualUnit) => boolean,
): number[] {
  const count = [0, 0];
  const marks = [0, 0];
  const sideOf = new Map<number, 0 | 1>();
  const marked = new Set(missing);
  for (const unit of flow) {
    const s = side(unit);
    if (s === null) continue;
    sideOf.set(unit.id, s);
    if (open(unit)) count[s] = (count[s] ?? 0) + 1;
    if (marked.has(unit.id)) marks[s] = (marks[s] ?? 0) + 1;
  }
  return missing.filter((id) => {
    const s = sideOf.get(id);
    return s !== undefined && (marks[s] ?? 0) <= (count[s] ?? 0) - (count[1 - s] ?? 0);
  });
}

/** Each half of a block that holds its own translation is at least this share of the text. */
const MIN_HALF_SHARE = 0.25;
/** Cuts tried in one block. */
const MAX_CUTS = 12;
/** Best-scoring cuts whose halves' languages are told. */
const TOLD_CUTS = 3;

/** A word as compared between two halves: case and the punctuation around it ignored. */
const wordKey = (word: string): string => word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/**
 * The words of one half that the other half does not hold: a name a translation carries over
 * ("The High Breed: che cos'è l'hip-hop consapevole?" under "The High Breed: What is conscious
 * hip hop?") says nothing of either half's language, and read with the rest it made the Italian
 * half English. The whole half when every word is shared.
 */
function ownWords(half: string, other: string): string {
  const shared = new Set(other.split(/\s+/).map(wordKey));
  const own = half.split(/\s+/).filter((word) => !shared.has(wordKey(word)));
  return own.length > 0 ? own.join(' ') : half;
}

/**
 * Whether one block holds a text and its translation that inline splitting left whole (two
 * languages in one script, a headline and its translation after a <br>): some cut between words or
 * sentences leaves halves in the page's two languages that score as a translation. Such a block is
 * a pair the page did make, never a paragraph left untranslated. Where the two languages are
 * written in two scripts, halves told as the two languages are enough: script tells them reliably,
 * and a pair of languages that share no words or names (Korean and Japanese) may score under the
 * threshold however faithful the translation.
 */
export function holdsItsTranslation(text: string, bases: readonly [string, string], ratio: number, langs: Langs): boolean {
  // Shares and the middle in Latin-equivalent characters: a CJK half is short in code units.
  const weight = [0];
  for (let i = 0; i < text.length; i++) weight.push((weight[i] ?? 0) + (isCjk(text.codePointAt(i) ?? 0) ? CJK_WEIGHT : 1));
  const total = weight[text.length] ?? 0;
  // Cuts after a sentence's end or a colon (a text may end on one: "Here are some key facts:"),
  // then, in a text with no sentence end inside (a headline), between words: the colon of a
  // translated headline ("Deptford road crash: Cyclist dies…") is not where its original ends. A
  // paragraph of sentences is cut only where one ends: two halves of one Portuguese paragraph cut
  // between words scored 0.95 as a translation and were told as Portuguese and Spanish. The few
  // nearest the middle, so that the check costs a few scores of the text whatever its length.
  const ends: number[] = [];
  const colons: number[] = [];
  const words: number[] = [];
  for (let i = 1; i < text.length; i++) {
    const share = (weight[i] ?? 0) / total;
    if (share < MIN_HALF_SHARE || share > 1 - MIN_HALF_SHARE) continue;
    const c = text.charCodeAt(i);
    if (c === 0x3002 || c === 0xff01 || c === 0xff1f) ends.push(i + 1);
    else if (c === 0x20) {
      const before = text[i - 1] ?? '';
      (/[.!?]/.test(before) ? ends : /[:"”“’»)]/.test(before) ? colons : words).push(i);
    }
  }
  const offMiddle = (at: number) => Math.abs((weight[at] ?? 0) - total / 2);
  const byMiddle = (x: number, y: number) => offMiddle(x) - offMiddle(y);
  // A sentence ends where a capitalised word follows its mark after a word of three letters or an
  // acronym, not after an initial, a number or a short abbreviation ("U.S. Senate", "George W.
  // Bush", "1. Weltkrieg", "St. Martin", "vs. Rockies", "EE. UU.").
  const headline = !/(?<![\p{L}.])(?:\p{L}{3,}|\p{Lu}{2,})[.!?]\s+["“„«]?\p{Lu}\p{Ll}|[\u3002\uff01\uff1f]./u.test(text);
  const cuts = [...[...ends, ...colons].sort(byMiddle), ...(headline ? words.sort(byMiddle) : [])].slice(0, MAX_CUTS);
  const memo = featureMemo();
  // The halves are told with each of the page's two languages as the likelier: a short half is
  // told poorly ("LeBron vor Lakers-Debut am Sonntag in San Diego" reads as French, "che cos'è
  // l'hip-hop consapevole?" as English without a prior), and a half that keeps its language
  // against the other's prior is that language.
  const priors = [{ neighbours: [...langs] }, { neighbours: [langs[1], langs[0]] }];
  const bothLanguages = (at: number) => {
    const head = ownWords(text.slice(0, at).trim(), text.slice(at).trim());
    const tail = ownWords(text.slice(at).trim(), text.slice(0, at).trim());
    const apart = (hint: (typeof priors)[number]) => {
      const first = baseLanguage(detectLanguage(head, hint));
      const second = baseLanguage(detectLanguage(tail, hint));
      return first !== second && bases.includes(first) && bases.includes(second);
    };
    return priors.some(apart);
  };
  const families = bases.map(familyOfLanguage);
  if (families[0] !== families[1]) {
    // Each half mostly in the script of one side, the two sides' scripts both present: an English
    // note quoting a few Korean words ("it might be '버려도 되는', sorts of") is no such block.
    // Japanese is mostly Han: any kana tells it from Chinese.
    const hasKana = (half: string) => [...half].some((ch) => familyOf(ch.codePointAt(0) ?? 0) === 'kana');
    const written = (half: string) => (families.includes('kana') && hasKana(half) ? 'kana' : dominantFamily(half));
    return cuts.some((at) => {
      const head = written(text.slice(0, at));
      const tail = written(text.slice(at));
      return head !== tail && families.includes(head as ScriptFamily) && families.includes(tail as ScriptFamily) && bothLanguages(at);
    });
  }
  const scored: [number, number][] = [];
  for (const at of cuts) {
    const head = text.slice(0, at).trim();
    const tail = text.slice(at).trim();
    const score = Math.max(translationScore(head, tail, memo, ratio, langs), translationScore(tail, head, memo, ratio, langs));
    if (score >= PAIR_THRESHOLD) scored.push([at, score]);
  }
  // A name both halves share scores a cut beside it nearly as well as the true one: the few best
  // cuts are told.
  scored.sort((x, y) => y[1] - x[1]);
  return scored.slice(0, TOLD_CUTS).some(([at]) => bothLanguages(at));
}

/** Latin-equivalent length from which a text the same on both sides is not its own translation. */
const SELF_TRANSLATION_LENGTH = 24;

/** Text compared for sameness: white space and case ignored (French sets a space before a colon). */
const normalised = (text: string): string => text.replace(/\s+/g, '').toLowerCase();

/** One element holding a line twice ("Elite League: … Giants<br>Elite League : … Giants"). */
function repeatsItself(text: string): boolean {
  const same = normalised(text);
  const half = same.length / 2;
  return Number.isInteger(half) && latinLength(text) >= 2 * SELF_TRANSLATION_LENGTH && same.slice(0, half) === same.slice(half);
}

/** Detects how a page pairs two languages and pairs each paragraph with its translation. */
export function analyzeBilingual(given: readonly BilingualUnit[]): BilingualAnalysis {
  // Addresses and datelines pair with nothing and say nothing of the page's languages; a label
  // pairs only with its own translation beside it (below).
  const kinds = new Map(given.map((unit) => [unit.id, unit.code ? null : shortLineKind(unit.text)]));
  const units = given.filter((unit) => !unit.code && kinds.get(unit.id) !== 'address' && kinds.get(unit.id) !== 'dateline' && kinds.get(unit.id) !== 'code');
  const lengthOf = lengthMemo();
  const picked = pickLanguages(units, lengthOf);
  if (!picked) return NONE;
  const [base0, base1] = picked.bases;
  const ratio = lengthRatio(base0, base1);
  // A short line read as a third language ("Overview" as Swedish on an English–Korean page) is on
  // the side whose script it is written in, when the two sides are written in different scripts;
  // in one script, on the side of the lines around it when they are all on one side ("Scope" as
  // German amid English lines). Alternating lines never all agree around a line.
  const families = [familyOfLanguage(base0), familyOfLanguage(base1)] as const;
  const bySide = (unit: BilingualUnit): 0 | 1 | null => {
    const base = baseLanguage(unit.lang);
    return base === base0 ? 0 : base === base1 ? 1 : null;
  };
  const sides = new Map<BilingualUnit, 0 | 1 | null>();
  units.forEach((unit, i) => {
    if (bySide(unit) !== null || baseLanguage(unit.lang) === 'und') return;
    if (families[0] !== families[1]) {
      const family = dominantFamily(unit.text);
      sides.set(unit, family === families[0] ? 0 : family === families[1] ? 1 : null);
      return;
    }
    const around: (0 | 1)[] = [];
    for (const step of [-1, 1]) {
      let seen = 0;
      for (let k = i + step; k >= 0 && k < units.length && seen < NEIGHBOUR_SIDES; k += step) {
        const s = bySide(units[k] as BilingualUnit);
        if (s === null) continue;
        around.push(s);
        seen++;
      }
    }
    const [first] = around;
    if (around.length > NEIGHBOUR_SIDES && first !== undefined && around.every((s) => s === first)) sides.set(unit, first);
  });
  const side = (unit: BilingualUnit): 0 | 1 | null => bySide(unit) ?? sides.get(unit) ?? null;

  const byBlock = new Map<number, BilingualUnit[]>();
  for (const unit of units) {
    const list = byBlock.get(unit.block) ?? [];
    list.push(unit);
    byBlock.set(unit.block, list);
  }

  const verified: BilingualPair[] = [];
  const labels: BilingualPair[] = [];
  const inlinePaired = new Set<number>();
  // A unit is scored inline, in a structural run and in the free alignment: its features once.
  const memo = featureMemo();
  for (const parts of byBlock.values()) {
    const [p, q] = parts;
    if (parts.length !== 2 || !p || !q) continue;
    const sp = side(p);
    const sq = side(q);
    if (sp === null || sq === null || sp === sq) continue;
    // "原文标题：" beside the title it introduces is a label and its value, not two versions; the
    // value translates the heading right above the line, when that heading is in the other language.
    if ((kinds.get(p.id) === 'label') !== (kinds.get(q.id) === 'label')) {
      const value = kinds.get(p.id) === 'label' ? q : p;
      const [heading] = byBlock.get(value.block - 1) ?? [];
      if (!heading || byBlock.get(heading.block)?.length !== 1 || (heading.role !== 'heading' && heading.role !== 'title')) continue;
      const sh = side(heading);
      if (sh === null || sh === side(value)) continue;
      const [x, y] = sh === 0 ? [heading, value] : [value, heading];
      const spread = lengthOf(y) / (lengthOf(x) * ratio);
      if (spread > LABELLED_SPREAD || spread < 1 / LABELLED_SPREAD) continue;
      // The layout says what the words may not: titles share few anchors, so any score pairs.
      verified.push({ a: x.id, b: y.id, confidence: Math.max(translationScore(x.text, y.text, memo, ratio, picked.tags), LABEL_CONFIDENCE) });
      inlinePaired.add(x.id).add(y.id);
      continue;
    }
    const [x, y] = sp === 0 ? [p, q] : [q, p];
    const score = translationScore(x.text, y.text, memo, ratio, picked.tags);
    // Two short halves are a label pair whatever their score: lengths agree by chance on so little.
    if (lengthOf(x) <= LABEL_LENGTH && lengthOf(y) <= LABEL_LENGTH) labels.push({ a: x.id, b: y.id, confidence: Math.max(score, LABEL_CONFIDENCE) });
    else if (score >= PAIR_THRESHOLD) verified.push({ a: x.id, b: y.id, confidence: score });
    else continue;
    inlinePaired.add(x.id).add(y.id);
  }

  // Every unit not paired inline joins one document-order flow per language; pairing in the flow
  // is monotonic, which covers interleaved, sequential and side-by-side pages alike.
  // Labels and the title pair only inline: aligned as paragraphs they would glue onto their
  // neighbours. Short cells of a table on a page without prose are labels too (the extractor found
  // no article around them); those pair by row.
  const places = placesFor(units);
  // A line naming a language ("Русский", "🇺🇸 English Version") labels a half of the page: aligned,
  // it would stand for the first line of the other half.
  const languageLabel = new Set(units.filter((unit) => !inlinePaired.has(unit.id) && namedLanguages(unit.text) !== null).map((unit) => unit.id));
  const flow = units.filter(
    (unit) =>
      !inlinePaired.has(unit.id) &&
      side(unit) !== null &&
      (unit.role !== 'label' || !!places.get(unit.block)?.cell) &&
      unit.role !== 'title' &&
      kinds.get(unit.id) !== 'label' &&
      !languageLabel.has(unit.id),
  );
  const structural = structuralPairs(flow, side, places, memo, ratio, picked.tags, families);
  const structured = unitsOf(structural);
  // Free alignment pairs paragraphs: between short lines (bylines, credits, headings) shared names
  // and agreeing lengths come by chance, and nothing in the layout says they translate each other.
  // An AI notice speaks of the page, not of one paragraph: in the flow it would stand for a
  // translation that no paragraph of the other side has.
  const alignable = (unit: BilingualUnit, s: 0 | 1) =>
    side(unit) === s && !structured.has(unit.id) && unit.role !== 'label' && unit.notice !== true && lengthOf(unit) >= ALIGN_LENGTH;
  const flowA = flow.filter((unit) => alignable(unit, 0));
  const flowB = flow.filter((unit) => alignable(unit, 1));
  // A page already shown bilingual by its structure or inline pairs needs no further proof that
  // it is one: the rest of its paragraphs pair on each pair's own evidence.
  const proven = structural.length + verified.length >= MIN_ALTERNATING_PAIRS;
  // One inline pair (a title and its translation) is not proof alone, but its evidence counts
  // with the paragraphs': the page's evidence is that of all its pairs.
  const inline = verified.reduce((sum, pair) => sum + Math.max(0, logit(pair.confidence)), 0);
  const alignedPairs = alignParagraphs(
    flowA.map((unit) => unit.text),
    flowB.map((unit) => unit.text),
    { minEvidence: proven ? 0 : PAGE_EVIDENCE - inline, coveredEvidence: COVERED_EVIDENCE - inline, memo, ratio, langs: picked.tags },
  ).pairs;
  const free: BilingualPair[] = [];
  for (const pair of alignedPairs) {
    const a = flowA[pair.a];
    const b = flowB[pair.b];
    if (a && b) free.push({ a: a.id, b: b.id, confidence: pair.confidence });
  }
  // A page written once in each language, one block after the other, may hold too few long
  // paragraphs for the free alignment to prove it (a README of three paragraphs): each stretch of
  // one language is aligned whole, headings and the title included, with the stretch after it.
  const sequence = units.filter(
    (unit) =>
      !inlinePaired.has(unit.id) &&
      side(unit) !== null &&
      unit.role !== 'label' &&
      kinds.get(unit.id) !== 'label' &&
      !places.get(unit.block)?.cell &&
      !languageLabel.has(unit.id),
  );
  const anchored = [...structural, ...free];
  anchored.push(...stretchPairs(sequence, side, unitsOf(anchored), memo, ratio, picked.tags));
  const aligned =
    anchored.length + verified.length >= MIN_ALTERNATING_PAIRS
      ? [...anchored, ...gapPairs(flow, side, places, anchored, memo, ratio, picked.tags)]
      : anchored;

  // Label pairs alone ("痞客邦 PIXNET", a site name beside its romanisation) do not make a page
  // bilingual: the article itself must hold a translation.
  if (aligned.length === 0 && verified.length === 0) return NONE;
  // Nor does a title printed over its translation (a Chinese paper's English title) above a story
  // written in one language: when the title's pair is the only one, the article's text must hold
  // both languages (the second at least TITLE_ONLY_SHARE of it).
  const titles = new Set(units.filter((unit) => unit.role === 'title').map((unit) => unit.id));
  if ([...aligned, ...verified].every((pair) => titles.has(pair.a) || titles.has(pair.b))) {
    const written = [0, 0];
    for (const unit of units) {
      const s = side(unit);
      if (s !== null && unit.inArticle !== false) written[s] = (written[s] ?? 0) + lengthOf(unit);
    }
    const [x = 0, y = 0] = written;
    if (Math.min(x, y) < TITLE_ONLY_SHARE * (x + y)) return NONE;
  }

  const layouts = new Set<Layout>();
  if (verified.length > 0 || labels.length > 0) layouts.add('inline');
  const position = new Map(flow.map((unit, i) => [unit.id, i]));
  const block = new Map(units.map((unit) => [unit.id, unit.block]));
  // pairedBefore[k]: paired flow units before position k, so "a pair stands between" is O(1).
  const pairedFlow = unitsOf(aligned);
  const pairedBefore = [0];
  for (const [k, unit] of flow.entries()) pairedBefore.push((pairedBefore[k] ?? 0) + (pairedFlow.has(unit.id) ? 1 : 0));
  const flowLayouts = new Map<Layout, number>();
  for (const pair of aligned) {
    const pa = position.get(pair.a) ?? 0;
    const pb = position.get(pair.b) ?? 0;
    if (sideBySide(places.get(block.get(pair.a) ?? -1), places.get(block.get(pair.b) ?? -1))) {
      flowLayouts.set('side-by-side', (flowLayouts.get('side-by-side') ?? 0) + 1);
      continue;
    }
    const between = (pairedBefore[Math.max(pa, pb)] ?? 0) - (pairedBefore[Math.min(pa, pb) + 1] ?? 0);
    const kind = between > 0 ? 'sequential' : 'interleaved';
    flowLayouts.set(kind, (flowLayouts.get(kind) ?? 0) + 1);
  }
  // One pair alone does not make a layout when others are present (a stray copy standing next to
  // its translation inside a sequential page).
  for (const [layout, count] of flowLayouts) if (count >= 2 || flowLayouts.size === 1) layouts.add(layout);

  // "First-written" is the language that comes first within most pairs; by first unit alone, one
  // misidentified label at the top of the page would flip the order.
  const order = new Map(units.map((unit, i) => [unit.id, i]));
  const textOf = new Map(units.map((unit) => [unit.id, unit.text]));
  // A line "translated" into itself (an untranslated headline printed twice in a list of
  // headlines and translations) is no pair: it is a line the page left untranslated (below).
  // A word or a name may be the same in both languages ("No", "Radio"); a sentence is not.
  const sameText = (x: number, y: number) => {
    const tx = textOf.get(x) ?? '';
    return latinLength(tx) >= SELF_TRANSLATION_LENGTH && normalised(tx) === normalised(textOf.get(y) ?? '');
  };
  const all = [...verified, ...labels, ...aligned].filter(
    (pair) => !sameText(pair.a, pair.b) && labelsAgree(textOf.get(pair.a) ?? '', textOf.get(pair.b) ?? ''),
  );
  const flipped = all.filter((pair) => (order.get(pair.b) ?? 0) < (order.get(pair.a) ?? 0)).length * 2 > all.length;
  const languages = flipped ? [picked.tags[1], picked.tags[0]] : [...picked.tags];
  const pairs = all
    .map((pair) => (flipped ? { a: pair.b, b: pair.a, confidence: pair.confidence } : pair))
    .sort((p, q) => (order.get(p.a) ?? 0) - (order.get(q.a) ?? 0) || (order.get(p.b) ?? 0) - (order.get(q.b) ?? 0));
  const paired = unitsOf(pairs);
  const pairedTexts = new Set(units.filter((unit) => paired.has(unit.id)).map((unit) => unit.text));
  // A copy of a paired paragraph has its translation already.
  const unpaired = (unit: BilingualUnit) => !paired.has(unit.id) && !pairedTexts.has(unit.text);
  // One element written in two languages holds its translation, seen by the pairing or not (a
  // headline over a line whose language was misread).
  const besideOther = (unit: BilingualUnit) =>
    (byBlock.get(unit.block) ?? []).some((part) => part.id !== unit.id && part.lang !== 'und' && baseLanguage(part.lang) !== baseLanguage(unit.lang) && unpaired(part));
  const paragraph = (unit: BilingualUnit) =>
    unit.inArticle !== false && unit.notice !== true && (unit.role === undefined || unit.role === 'paragraph' || unit.role === 'quote') && lengthOf(unit) >= PARAGRAPH_LENGTH;
  const lone = (unit: BilingualUnit) => unpaired(unit) && !besideOther(unit) && paragraph(unit);
  // Inline pairs stand around a lone paragraph as well as pairs of separate paragraphs do.
  const ordered = units.filter((unit) => side(unit) !== null && unit.role !== 'label' && unit.role !== 'title');
  // A paragraph beside a block that inline splitting cut in two ("Allez-y à fond demain." read as
  // German before the rest of its French paragraph, the two halves then paired) has its
  // translation there: the whole block scores as one.
  const unitById = new Map(units.map((unit) => [unit.id, unit]));
  const translatedBeside = (id: number) => {
    const unit = unitById.get(id);
    if (!unit) return false;
    for (const near of [unit.block - 1, unit.block + 1]) {
      const parts = byBlock.get(near);
      if (!parts || parts.length < 2) continue;
      const whole = parts.map((part) => part.text).join(' ');
      const [x, y] = side(unit) === 0 ? [unit.text, whole] : [whole, unit.text];
      if (translationScore(x, y, memo, ratio, picked.tags) >= PAIR_THRESHOLD) return true;
    }
    return false;
  };
  const missing = missingTranslations(ordered, side, pairs, lone, (unit) => unpaired(unit) && unit.notice !== true).filter(
    (id) => !holdsItsTranslation(textOf.get(id) ?? '', picked.bases, ratio, picked.tags) && !translatedBeside(id),
  );
  const untranslated = withinSurplus(missing, ordered, side, (unit) => unpaired(unit) && paragraph(unit));
  if (pairs.length > 0) {
    for (let k = 0; k + 1 < ordered.length; k++) {
      const x = ordered[k] as BilingualUnit;
      const y = ordered[k + 1] as BilingualUnit;
      if (!paired.has(x.id) && !paired.has(y.id) && sameText(x.id, y.id) && !untranslated.includes(x.id)) untranslated.push(x.id);
    }
    for (const unit of ordered) if (!paired.has(unit.id) && !untranslated.includes(unit.id) && repeatsItself(unit.text)) untranslated.push(unit.id);
    untranslated.sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0));
  }

  const relabelled: BilingualAnalysis['relabelled'] = [];
  for (const unit of units) {
    const s = sides.get(unit);
    if (s !== undefined && s !== null && paired.has(unit.id)) relabelled.push({ id: unit.id, lang: picked.tags[s] });
  }
  return {
    detected: true,
    languages,
    layouts: LAYOUT_ORDER.filter((layout) => layouts.has(layout)),
    pairs,
    untranslated,
    relabelled,
  };
}
