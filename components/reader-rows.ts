import type { LanguageMode } from '../utils/protocol';
import type { Part, ReportBlock, PageReport } from '../engine/report';
import { sameLanguage } from '../engine/lang-tags';

/**
 * The article without chrome or duplicates (`report.article.blocks` already leaves collapsed
 * copies out), in one language or both, as rows: what the reader shows and what "copy as
 * Markdown" and "save as HTML" keep (article-export.ts).
 *
 * Both: each pair in `report.bilingual.pairs` becomes one row, where its first part stands in
 * reading order, so a translation printed far below its original (the sequential layout) still
 * sits beside it. A block without a pair keeps its place, in its language's column.
 *
 * One language: blocks in that language, plus blocks in neither page language. A paragraph the
 * page never translated stays, marked, in the other language, and so does an AI notice: hiding
 * either would drop text that the reader has no other way to read (the page does the same).
 */

export interface ShownBlock extends ReportBlock {
  truncated: boolean;
  untranslated: boolean;
}

export type Row =
  | { kind: 'pair'; a: ShownBlock; b: ShownBlock }
  | { kind: 'single'; block: ShownBlock; column: 'a' | 'b' | 'full' };

const keyOf = (part: Part): string => `${part.lang}\u0000${part.text}`;

export function readerRows(report: PageReport, mode: LanguageMode): Row[] {
  const { bilingual } = report;
  const truncated = new Set(report.truncated.map((item) => item.text));
  const untranslated = new Set(bilingual.untranslated.map(keyOf));
  const shown = (block: ReportBlock): ShownBlock => ({
    ...block,
    truncated: truncated.has(block.text),
    untranslated: untranslated.has(keyOf(block)),
  });
  const [first, second] = bilingual.languages;
  const columnOf = (lang: string): 'a' | 'b' | 'full' =>
    first !== undefined && sameLanguage(lang, first) ? 'a' : second !== undefined && sameLanguage(lang, second) ? 'b' : 'full';

  if (mode !== 'both') {
    const notices = report.disclosures.filter((disclosure) => disclosure.source === 'text').map((disclosure) => disclosure.evidence);
    const notice = (block: ReportBlock) => notices.some((evidence) => evidence !== '' && block.text.includes(evidence));
    return report.article.blocks
      .map(shown)
      .filter((block) => sameLanguage(block.lang, mode) || columnOf(block.lang) === 'full' || block.untranslated || notice(block))
      .map((block) => ({ kind: 'single', block, column: 'full' }));
  }

  const blocks = report.article.blocks.map(shown);
  // A text stands in several blocks only if the page repeats it; each pair takes the next free one.
  const free = new Map<string, ShownBlock[]>();
  for (const block of blocks) free.set(keyOf(block), [...(free.get(keyOf(block)) ?? []), block]);
  const pairOf = new Map<ShownBlock, { a: ShownBlock; b: ShownBlock }>();
  for (const pair of bilingual.pairs) {
    const a = free.get(keyOf(pair.a))?.[0];
    const b = free.get(keyOf(pair.b))?.[0];
    if (a === undefined || b === undefined) continue;
    free.get(keyOf(pair.a))?.shift();
    free.get(keyOf(pair.b))?.shift();
    pairOf.set(a, { a, b });
    pairOf.set(b, { a, b });
  }

  const placed = new Set<ShownBlock>();
  const rows: Row[] = [];
  for (const block of blocks) {
    if (placed.has(block)) continue;
    const pair = pairOf.get(block);
    if (pair === undefined) {
      rows.push({ kind: 'single', block, column: columnOf(block.lang) });
    } else {
      placed.add(pair.a).add(pair.b);
      rows.push({ kind: 'pair', ...pair });
    }
  }
  return rows;
}

/** The parts of the title a mode shows: the mode's language, or every part for both. */
export function titleParts(report: PageReport, mode: LanguageMode): Part[] {
  const { title } = report;
  if (title === null) return [];
  if (mode === 'both') return title.parts.length > 0 ? title.parts : [{ lang: 'und', text: title.text }];
  const own = title.parts.filter((part) => sameLanguage(part.lang, mode));
  return own.length > 0 ? own : [{ lang: 'und', text: title.text }];
}


/** The site the article comes from: as the page names itself, else its host name. */
export function siteOf(report: PageReport): string | null {
  const named = report.meta?.site;
  if (named !== null && named !== undefined) return named;
  try {
    return report.url === null ? null : new URL(report.url).hostname || null;
  } catch {
    return null;
  }
}
