import type { BlockRole, Disclosure, DuplicateKind, PageReport } from './report';

/**
 * What the engine knows about a live page beyond the plain report: which element each piece of
 * text came from. The content script annotates the page from this; the report is derived from it.
 */

/** A block of page text: the title, a label line, or one article block, in document order. */
export interface AnalyzedBlock {
  el: Element;
  role: BlockRole | 'title' | 'label';
  /** Folded visible text of the element. */
  text: string;
  /** Language of the whole block; for inline-bilingual blocks the language of its first part. */
  lang: string;
  /** One entry per language run; a monolingual block has exactly one part. */
  parts: { lang: string; text: string }[];
  /** True when the block belongs to the article body (false for title, labels, teasers around it). */
  inArticle: boolean;
}

/** One language part of one block: the unit that pairing and duplicate detection work on. */
export interface Unit {
  id: number;
  block: number;
  part: number;
  lang: string;
  text: string;
  el: Element;
}

export interface Analysis {
  report: PageReport;
  blocks: AnalyzedBlock[];
  units: Unit[];
  /** Units the page should hide because a kept copy stays visible. */
  collapsed: { unit: number; kept: number; kind: DuplicateKind }[];
  /** Units cut off with no complete copy on the page. */
  truncated: number[];
  untranslated: number[];
  /** Pairs of unit ids (a in report.bilingual.languages[0]). */
  pairs: { a: number; b: number; confidence: number }[];
  disclosures: { disclosure: Disclosure; el: Element | null }[];
}
