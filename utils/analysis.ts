import type { BlockRole, Disclosure, DuplicateKind, PageReport, Score } from './report';

/**
 * The engine runs in two phases so that the page never waits for it:
 * - the DOM phase (`snapshotPage`) reads the live document and returns a serialisable
 *   `PageSnapshot` plus the element of each block; it is the only part that needs a DOM;
 * - the text phase (`analyzeSnapshot`) turns the snapshot into a `TextAnalysis`: plain data, so
 *   the extension runs it in the background context, off the page's main thread, and the command
 *   line runs it inline.
 * `joinAnalysis` puts the element references back for the content script.
 */

export type BlockKind = BlockRole | 'title' | 'label';

/** Where a block sits, for side-by-side layouts (read from the DOM in the DOM phase). */
export interface BlockPlace {
  /** Table cell holding the block: which table, row and column. */
  cell: { table: number; row: number; col: number } | null;
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
}

export interface PageSnapshot {
  url: string | null;
  pageLang: string | null;
  blocks: BlockSnapshot[];
  /** Machine-readable disclosures, with the index of their element in `elements` or -1. */
  markup: { disclosure: Disclosure; element: number }[];
  scores: Score[];
  tags: string[];
}

/** One language part of one block: what pairing and duplicate detection work on. */
export interface UnitData {
  id: number;
  block: number;
  part: number;
  lang: string;
  text: string;
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
  /** Text disclosures with the block they stand in. */
  textDisclosures: { disclosure: Disclosure; block: number }[];
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
