/**
 * Scores the whole report on seed-shaped pages (pages.ts): for each part of the truth, the share of
 * pages where the report has it right, and pair and untranslated precision/recall, per language pair
 * and per shell.
 */
import { baseLanguage } from '../../engine/lang-tags';
import { foldSpace } from '../../engine/text';
import { analyzePage, type PageOutcome, pairOutcome, ratio } from '../pairing/score';
import type { SeedShapedPage } from './pages';

/** What a page's report got right, one flag per part of the truth. */
export interface Checks {
  /** Bilingual, in the page's two languages. */
  languages: boolean;
  /** Both halves of the title, each as its own part. */
  title: boolean;
  /** The translation standing three times is one group of exact copies. */
  exactCopies: boolean;
  /** The cut copy in the summary is a truncated copy of the first paragraph. */
  cutCopy: boolean;
  /** The paragraph cut off with "..." is marked truncated. */
  truncated: boolean;
  /** The AI notice is flagged. */
  notice: boolean;
}

/** A pairing outcome (pairing/score.ts) with the checks of the rest of the report. */
export interface Outcome extends Omit<PageOutcome, 'page'> {
  page: SeedShapedPage;
  checks: Checks;
}

const norm = foldSpace;

export function scoreSeedShaped(page: SeedShapedPage): Outcome {
  const report = analyzePage(page.html);
  const { truth } = page;
  const want = page.languages.map(baseLanguage).sort();
  const got = report.bilingual.languages.map(baseLanguage).sort();
  const titleParts = new Set((report.title?.parts ?? []).map((part) => norm(part.text)));
  const group = (kind: string, kept: string) => report.duplicates.find((d) => d.kind === kind && norm(d.kept) === norm(kept));
  const exact = group('exact', truth.exactCopy);
  const cut = group('truncated', truth.cutCopy.kept);
  const checks: Checks = {
    languages: report.bilingual.detected && got.join() === want.join(),
    title: titleParts.has(norm(truth.title[0])) && titleParts.has(norm(truth.title[1])),
    exactCopies: exact !== undefined && exact.copies.length === 2 && exact.copies.every((c) => norm(c) === norm(truth.exactCopy)),
    cutCopy: !!cut?.copies.some((c) => norm(c) === norm(truth.cutCopy.copy)),
    truncated: report.truncated.some((t) => norm(t.text) === norm(truth.truncated)),
    notice: report.disclosures.some((d) => d.kind === 'generated'),
  };
  return { page, report, checks, ...pairOutcome(report, truth) };
}

const CHECKS = ['languages', 'title', 'exactCopies', 'cutCopy', 'truncated', 'notice'] as const;

interface Tally {
  pages: number;
  right: Record<(typeof CHECKS)[number], number>;
  tp: number;
  fp: number;
  fn: number;
  utp: number;
  ufp: number;
  ufn: number;
}

const emptyTally = (): Tally => ({ pages: 0, right: Object.fromEntries(CHECKS.map((c) => [c, 0])) as Tally['right'], tp: 0, fp: 0, fn: 0, utp: 0, ufp: 0, ufn: 0 });

function add(t: Tally, o: Outcome): void {
  t.pages++;
  for (const c of CHECKS) if (o.checks[c]) t.right[c]++;
  t.tp += o.page.truth.pairs.length - o.missed.length;
  t.fp += o.wrong.length;
  t.fn += o.missed.length;
  t.utp += o.page.truth.untranslated.length - o.missedUntranslated.length;
  t.ufp += o.wrongUntranslated.length;
  t.ufn += o.missedUntranslated.length;
}

export interface SeedShapedFigures {
  pages: number;
  /** Share of pages where each part of the report is right. */
  right: Record<(typeof CHECKS)[number], number | null>;
  pairs: { precision: number | null; recall: number | null };
  untranslated: { precision: number | null; recall: number | null };
}

function figures(t: Tally): SeedShapedFigures {
  return {
    pages: t.pages,
    right: Object.fromEntries(CHECKS.map((c) => [c, ratio(t.right[c], t.pages)])) as SeedShapedFigures['right'],
    pairs: { precision: ratio(t.tp, t.tp + t.fp), recall: ratio(t.tp, t.tp + t.fn) },
    untranslated: { precision: ratio(t.utp, t.utp + t.ufp), recall: ratio(t.utp, t.utp + t.ufn) },
  };
}

export interface SeedShapedEvaluation {
  overall: SeedShapedFigures;
  /** Pages with every part right. */
  wholePages: number | null;
  byShell: Record<string, SeedShapedFigures>;
  byPair: Record<string, SeedShapedFigures>;
  outcomes: Outcome[];
}

export const isWhole = (o: Outcome) => CHECKS.every((c) => o.checks[c]) && o.wrong.length + o.missed.length + o.wrongUntranslated.length + o.missedUntranslated.length === 0;

export function evaluateSeedShaped(pages: readonly SeedShapedPage[]): SeedShapedEvaluation {
  const overall = emptyTally();
  const byShell = new Map<string, Tally>();
  const byPair = new Map<string, Tally>();
  const outcomes = pages.map(scoreSeedShaped);
  for (const o of outcomes) {
    add(overall, o);
    for (const [map, k] of [
      [byShell, o.page.shell],
      [byPair, o.page.pair],
    ] as const) {
      const t = map.get(k) ?? emptyTally();
      add(t, o);
      map.set(k, t);
    }
  }
  const table = (map: Map<string, Tally>) => Object.fromEntries([...map].sort(([x], [y]) => x.localeCompare(y)).map(([k, t]) => [k, figures(t)]));
  return { overall: figures(overall), wholePages: ratio(outcomes.filter(isWhole).length, outcomes.length), byShell: table(byShell), byPair: table(byPair), outcomes };
}

const fmt = (x: number | null) => (x === null ? '  –  ' : x.toFixed(2));

function row(name: string, f: SeedShapedFigures): string {
  const r = f.right;
  return `${name.padEnd(14)} ${String(f.pages).padStart(3)}  lang ${fmt(r.languages)} title ${fmt(r.title)} copies ${fmt(r.exactCopies)} cut ${fmt(r.cutCopy)} trunc ${fmt(r.truncated)} notice ${fmt(r.notice)}  pairs P ${fmt(f.pairs.precision)} R ${fmt(f.pairs.recall)}  untr P ${fmt(f.untranslated.precision)} R ${fmt(f.untranslated.recall)}`;
}

export function seedShapedLines(e: SeedShapedEvaluation): string[] {
  return [
    `pages with every part right: ${fmt(e.wholePages)}`,
    row('overall', e.overall),
    '-- per shell',
    ...Object.entries(e.byShell).map(([k, f]) => row(k, f)),
    '-- per language pair',
    ...Object.entries(e.byPair).map(([k, f]) => row(k, f)),
  ];
}
