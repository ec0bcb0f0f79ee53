/**
 * Runs the engine on test pages and scores it against their ground truth: pair precision, recall
 * and F1, bilingual detection and untranslated precision/recall, per layout and per language pair,
 * and false positives on controls.
 */
import { parseHTML } from 'linkedom';
import { analyzeDocument } from '../../engine/analyze';
import type { PageReport } from '../../engine/report';
import { foldSpace } from '../../engine/text';
import type { TestPage } from './pages';

export interface Counts {
  pages: number;
  detected: number;
  tp: number;
  fp: number;
  fn: number;
  utp: number;
  ufp: number;
  ufn: number;
}

export interface PageOutcome {
  page: TestPage;
  report: PageReport;
  /** Reported pairs not in the truth, and true pairs not reported. */
  wrong: [string, string][];
  missed: [string, string][];
  wrongUntranslated: string[];
  missedUntranslated: string[];
}

/** Two texts as a pair, whichever comes first, white space folded. */
export const pairKey = (x: string, y: string) => [foldSpace(x), foldSpace(y)].sort().join('\u0000');

export function analyzePage(html: string): PageReport {
  const { document } = parseHTML(html);
  return analyzeDocument(document as unknown as Document).report;
}

/** The pairs and untranslated paragraphs a report got wrong or missed against a page's truth. */
export function pairOutcome(
  report: PageReport,
  truth: { pairs: readonly [string, string][]; untranslated: readonly string[] },
): Pick<PageOutcome, 'wrong' | 'missed' | 'wrongUntranslated' | 'missedUntranslated'> {
  const truthPairs = new Set(truth.pairs.map(([x, y]) => pairKey(x, y)));
  const found = new Set(report.bilingual.pairs.map((pair) => pairKey(pair.a.text, pair.b.text)));
  const expectedUntranslated = new Set(truth.untranslated.map(foldSpace));
  const reportedUntranslated = report.bilingual.untranslated.map((part) => foldSpace(part.text));
  return {
    wrong: report.bilingual.pairs.filter((pair) => !truthPairs.has(pairKey(pair.a.text, pair.b.text))).map((pair): [string, string] => [pair.a.text, pair.b.text]),
    missed: truth.pairs.filter(([x, y]) => !found.has(pairKey(x, y))),
    wrongUntranslated: reportedUntranslated.filter((text) => !expectedUntranslated.has(text)),
    missedUntranslated: [...expectedUntranslated].filter((text) => !reportedUntranslated.includes(text)),
  };
}

export function scorePage(page: TestPage): PageOutcome {
  const report = analyzePage(page.html);
  return { page, report, ...pairOutcome(report, page.truth) };
}

export function emptyCounts(): Counts {
  return { pages: 0, detected: 0, tp: 0, fp: 0, fn: 0, utp: 0, ufp: 0, ufn: 0 };
}

export function add(counts: Counts, outcome: PageOutcome): void {
  const { page, report } = outcome;
  counts.pages++;
  if (report.bilingual.detected) counts.detected++;
  counts.fp += outcome.wrong.length;
  counts.fn += outcome.missed.length;
  counts.tp += page.truth.pairs.length - outcome.missed.length;
  counts.ufp += outcome.wrongUntranslated.length;
  counts.ufn += outcome.missedUntranslated.length;
  counts.utp += page.truth.untranslated.length - outcome.missedUntranslated.length;
}

/** x / y to three places, or null when y is 0. */
export const ratio = (x: number, y: number) => (y === 0 ? null : Math.round((x / y) * 1000) / 1000);

export interface Figures {
  pages: number;
  pairs: { precision: number | null; recall: number | null; f1: number | null; tp: number; fp: number; fn: number };
  detection: number | null;
  untranslated: { precision: number | null; recall: number | null; tp: number; fp: number; fn: number };
}

export function figures(c: Counts): Figures {
  const precision = ratio(c.tp, c.tp + c.fp);
  const recall = ratio(c.tp, c.tp + c.fn);
  const f1 = precision === null || recall === null || precision + recall === 0 ? null : Math.round(((2 * precision * recall) / (precision + recall)) * 1000) / 1000;
  return {
    pages: c.pages,
    pairs: { precision, recall, f1, tp: c.tp, fp: c.fp, fn: c.fn },
    detection: ratio(c.detected, c.pages),
    untranslated: { precision: ratio(c.utp, c.utp + c.ufp), recall: ratio(c.utp, c.utp + c.ufn), tp: c.utp, fp: c.ufp, fn: c.ufn },
  };
}

export interface Evaluation {
  overall: Figures;
  byLayout: Record<string, Figures>;
  byPair: Record<string, Figures>;
  controls: { pages: number; falsePositives: number; pages_with_false_positives: string[] };
  outcomes: PageOutcome[];
}

export function evaluate(pages: readonly TestPage[]): Evaluation {
  const overall = emptyCounts();
  const byLayout = new Map<string, Counts>();
  const byPair = new Map<string, Counts>();
  const outcomes: PageOutcome[] = [];
  const falsePositives: string[] = [];
  let controls = 0;
  for (const page of pages) {
    const outcome = scorePage(page);
    outcomes.push(outcome);
    if (page.control) {
      controls++;
      if (outcome.report.bilingual.detected || outcome.report.bilingual.pairs.length > 0) falsePositives.push(page.name);
      continue;
    }
    add(overall, outcome);
    for (const [map, k] of [[byLayout, page.layout], [byPair, page.pair]] as const) {
      const counts = map.get(k) ?? emptyCounts();
      add(counts, outcome);
      map.set(k, counts);
    }
  }
  const table = (map: Map<string, Counts>) => Object.fromEntries([...map].map(([k, c]) => [k, figures(c)]));
  return {
    overall: figures(overall),
    byLayout: table(byLayout),
    byPair: table(byPair),
    controls: { pages: controls, falsePositives: falsePositives.length, pages_with_false_positives: falsePositives },
    outcomes,
  };
}

const fmt = (x: number | null) => (x === null ? '  –  ' : x.toFixed(3));

function row(name: string, f: Figures): string {
  return `${name.padEnd(22)} ${String(f.pages).padStart(4)}  P ${fmt(f.pairs.precision)} R ${fmt(f.pairs.recall)} F1 ${fmt(f.pairs.f1)}  detected ${fmt(f.detection)}  untranslated P ${fmt(f.untranslated.precision)} R ${fmt(f.untranslated.recall)}`;
}

export function summaryLines(e: Evaluation): string[] {
  return [
    row('overall', e.overall),
    '-- per layout',
    ...Object.entries(e.byLayout).map(([k, f]) => row(k, f)),
    '-- per language pair',
    ...Object.entries(e.byPair).map(([k, f]) => row(k, f)),
    `controls: ${e.controls.falsePositives} false positive(s) on ${e.controls.pages} pages${e.controls.falsePositives ? `: ${e.controls.pages_with_false_positives.join(', ')}` : ''}`,
  ];
}
