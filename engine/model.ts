import type { BlockRole, Disclosure, DisclosureKind, DuplicateKind, Mismatch, PageMeta, PageReport, Score } from './report';

/**
 * The engine runs in two phases so that the page never waits for it:
 * - the DOM phase (`snapshotPage`, snapshot.ts) reads the live document and returns a
 *   serialisable `PageSnapshot` plus the element of each block; it is the only part that needs a
 *   DOM;
 * - the text phase (`analyzeSnapshot`) turns the snapshot into a `TextAnalysis`: plain data, so
 *   the extension runs it in the background context, off the page's main thread, and the command
 *   line runs it inline.
 * The background keeps the report and answers the content script with `PageFindings`, the few
 * numbers annotation needs; `joinAnalysis` puts the element references back beside a whole
 * analysis for the command line and tests.
 */

export type BlockKind = BlockRole | 'title' | 'label';

/** Where a block sits, for side-by-side layouts (read from the DOM in the DOM phase). */
export interface BlockPlace {
  /** Table cell holding the block: which table, row and column; `head` for a header cell (<th>). */
  cell: { table: number; row: number; col: number; head?: boolean } | null;
  /** Column container holding the block: two or more sibling containers laid out side by side. */
  column: { group: number; index: number } | null;
}

export interface BlockSnapshot extends BlockPlace {
  role: BlockKind;
  /** Folded visible text of the element. */
  text: string;
  /** True for article body blocks (false for the title, label lines and teasers around it). */
  inArticle: boolean;
  /** The nearest `lang` attribute the page declares for the block, if any. */
  declaredLang: string | null;
  /** Inside a quotation (blockquote, q): a statement quoted, not the page's own. */
  quoted: boolean;
  /** Inside a code listing (pre, code): terminal output and code repeat with small changes on purpose. */
  code: boolean;
  /** The block's lines where <br> cuts it in two or more (a headline over its translation), else absent. */
  lines?: string[];
  /** Inside a control (a button, a menu item, a script's link): its label names an action, not a notice. */
  control?: boolean;
  /**
   * Text lying loose between the blocks of its element (article.ts): shown by the reader, never
   * written to on the page, where the element holds other blocks too.
   */
  loose?: true;
}

export interface NoticeSnapshot {
  text: string;
  quoted: boolean;
  heading: boolean;
  /** The element's attributes name an AI label (`class="aigc-badge"`). */
  labelled: boolean;
  element: number;
}

export interface PageSnapshot {
  url: string | null;
  pageLang: string | null;
  blocks: BlockSnapshot[];
  /** Machine-readable disclosures, with the index of their element in `elements` or -1. */
  markup: { disclosure: Disclosure; element: number }[];
  /** Short text holders outside the blocks that name an AI agent (notice-candidates.ts), with the index of their element in `elements`. */
  notices: NoticeSnapshot[];
  scores: Score[];
  tags: string[];
  meta: PageMeta;
  /** The page's own titles (page-titles.ts): one may be one language's half of a bilingual headline. */
  titles: string[];
}

/** One language part of one block: what pairing and duplicate detection work on. */
export interface UnitData {
  id: number;
  block: number;
  part: number;
  lang: string;
  text: string;
}

/** One of `report.bilingual.mismatches` by its pair's unit ids, with the differing items as written. */
export interface UnitMismatch {
  a: number;
  b: number;
  kind: Mismatch['kind'];
  detail: Mismatch['detail'];
}

export interface TextAnalysis {
  report: PageReport;
  blockLangs: string[];
  units: UnitData[];
  /** Units the page should hide because a kept copy stays visible. */
  collapsed: { unit: number; kept: number; kind: DuplicateKind }[];
  /** Units cut off with no complete copy on the page. */
  truncated: number[];
  untranslated: number[];
  /** Pairs of unit ids (a in report.bilingual.languages[0]). */
  pairs: { a: number; b: number; confidence: number }[];
  /** Text disclosures with the element they stand in: a block index, or a notice candidate's index in the snapshot's elements. */
  textDisclosures: { disclosure: Disclosure; block: number }[];
  /** The unit of the first copy of each of `report.duplicates`, in report order. */
  duplicates: number[];
  /** `report.bilingual.mismatches`, in report order. */
  mismatches: UnitMismatch[];
}

export interface Unit extends UnitData {
  el: Element;
}

export interface AnalyzedBlock extends BlockSnapshot {
  el: Element;
  lang: string;
  parts: { lang: string; text: string }[];
}

/** A text analysis joined back to the live page's elements. */
export interface Analysis extends Omit<TextAnalysis, 'units' | 'textDisclosures'> {
  blocks: AnalyzedBlock[];
  units: Unit[];
  disclosures: { disclosure: Disclosure; el: Element | null }[];
}

/**
 * What the content script needs of a text analysis to annotate the page: indices and language
 * tags, and no page text but that of the parts of split blocks. A page-sized answer (every text,
 * the report) costs the page's main thread a long task to decode; this one decodes in a few
 * milliseconds on a page of 10,000 paragraphs. Unit ids are indices into the `unit…` lists, in
 * reading order; the units of one block are consecutive, in part order.
 */
export interface PageFindings {
  /** The language tags units are in, each once. */
  langs: string[];
  /** The block of each unit. */
  unitBlock: number[];
  /** The language of each unit, as an index into `langs`. */
  unitLang: number[];
  /** The text of each part of a block split into languages: the page finds its parts by it. */
  partTexts: { unit: number; text: string }[];
  collapsed: TextAnalysis['collapsed'];
  truncated: number[];
  untranslated: number[];
  pairCount: number;
  bilingual: { detected: boolean; languages: string[] };
  /** The text disclosures, in report order (after the snapshot's markup ones). */
  textDisclosures: { block: number; kind: DisclosureKind }[];
  /** The unit of the first copy of each of `report.duplicates`, where the popup's flag points. */
  duplicates: number[];
  /**
   * `report.bilingual.mismatches` by unit ids, in report order: the mark on the pair names the
   * differing items, a few characters each.
   */
  mismatches: UnitMismatch[];
}

/** The findings of a text analysis, in one pass over its units. */
export function findingsOf(text: TextAnalysis): PageFindings {
  const langIndex = new Map<string, number>();
  const count = text.units.length;
  const unitBlock = new Array<number>(count);
  const unitLang = new Array<number>(count);
  const partTexts: PageFindings['partTexts'] = [];
  for (let u = 0; u < count; u++) {
    const unit = text.units[u] as UnitData;
    let lang = langIndex.get(unit.lang);
    if (lang === undefined) {
      lang = langIndex.size;
      langIndex.set(unit.lang, lang);
    }
    unitBlock[u] = unit.block;
    unitLang[u] = lang;
    const split = unit.part > 0 || text.units[u + 1]?.block === unit.block;
    if (split) partTexts.push({ unit: u, text: unit.text });
  }
  const { report } = text;
  return {
    langs: [...langIndex.keys()],
    unitBlock,
    unitLang,
    partTexts,
    collapsed: text.collapsed,
    truncated: text.truncated,
    untranslated: text.untranslated,
    pairCount: text.pairs.length,
    bilingual: { detected: report.bilingual.detected, languages: report.bilingual.languages },
    textDisclosures: text.textDisclosures.map(({ disclosure, block }) => ({ block, kind: disclosure.kind })),
    duplicates: text.duplicates,
    mismatches: text.mismatches,
  };
}
