/**
 * The page report (version 1): the one shape that the content script, the popup and the command
 * line produce or read. It mirrors `shared/report-contract.md` field for field; change both together.
 */
export interface Part {
  lang: string;
  text: string;
}

export type Layout = 'inline' | 'interleaved' | 'sequential' | 'side-by-side';
export type BlockRole = 'heading' | 'paragraph' | 'quote' | 'list-item';
export type DuplicateKind = 'exact' | 'near' | 'truncated';
export type DisclosureKind = 'generated' | 'assisted' | 'summary' | 'suspected';
export type DisclosureSource = 'text' | 'meta' | 'json-ld' | 'attribute';

export interface Pair {
  a: Part;
  b: Part;
  confidence: number;
}

export interface DuplicateGroup {
  kind: DuplicateKind;
  kept: string;
  copies: string[];
}

export interface Disclosure {
  kind: DisclosureKind;
  source: DisclosureSource;
  evidence: string;
  lang: string | null;
}

/** A pair whose two sides disagree on a figure or a name (the translation check). */
export interface Mismatch {
  a: Part;
  b: Part;
  kind: 'number' | 'name';
  /** The differing items as written on each side ("$920 million", "92亿美元"). */
  detail: { a: string; b: string };
}

/** What the page says about itself: meta tags, JSON-LD, the byline. */
export interface PageMeta {
  site: string | null;
  byline: string | null;
  /** ISO 8601 date or date-time. */
  published: string | null;
}

export interface Score {
  value: number;
  max: number | null;
  labels: Record<string, string>;
}

export interface ReportBlock {
  role: BlockRole;
  lang: string;
  text: string;
}

export interface PageReport {
  version: 1;
  url: string | null;
  title: { text: string; parts: Part[] } | null;
  languages: { lang: string; share: number }[];
  bilingual: {
    detected: boolean;
    languages: string[];
    layouts: Layout[];
    pairs: Pair[];
    untranslated: Part[];
    mismatches: Mismatch[];
  };
  duplicates: DuplicateGroup[];
  truncated: { text: string }[];
  disclosures: Disclosure[];
  scores: Score[];
  tags: string[];
  article: { blocks: ReportBlock[] };
  meta: PageMeta;
  timing: { ms: number };
}
