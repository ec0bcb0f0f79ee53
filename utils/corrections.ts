import { localItem } from './local-item';
import type { PageFindings, TextAnalysis } from '../engine/model';
import type { PageReport } from '../engine/report';
import { isHostName } from './settings';

/**
 * The reader's corrections, per site: "not a duplicate" on a duplicate flag, "not an AI notice" on
 * a disclosure, "not a translation" on a pair of the reader. A correction names its finding by the
 * finding's own text (the kept copy's, the notice's evidence, the pair's two sides), the one thing
 * that stays the same when the page is loaded again; unit and block numbers do not.
 *
 * The background applies them to what it tells the page (`correctFindings`: the copies are no
 * longer collapsed, the notice gets no badge) and the popup to the flags it lists (`isCorrected`);
 * the report itself stays what the engine found, so that a flag's index still points where it did.
 * A pair that is not one becomes two paragraphs without translation, on the page and in the
 * reader (`correctPairs`): each stays in every mode, marked, and is listed after the page's own.
 */

export type CorrectionKind = 'duplicate' | 'disclosure' | 'translation';

export interface Correction {
  kind: CorrectionKind;
  /** The finding's text, cut to `TEXT_LIMIT` characters. */
  text: string;
}

/** Corrections by host name. */
export type Corrections = Record<string, Correction[]>;

/** Long enough to tell two paragraphs apart, short enough that thousands fit in local storage. */
const TEXT_LIMIT = 300;
const MAX_SITES = 1000;
const MAX_PER_SITE = 200;
const KINDS: readonly CorrectionKind[] = ['duplicate', 'disclosure', 'translation'];

const cut = (text: string): string => [...text].slice(0, TEXT_LIMIT).join('');

export const correctionOf = (kind: CorrectionKind, text: string): Correction => ({ kind, text: cut(text) });

/** How a pair is named: the start of each side, enough to tell it from the page's other pairs. */
export const pairText = (a: string, b: string): string => `${[...a].slice(0, 140).join('')} ↔ ${[...b].slice(0, 140).join('')}`;

const sameCorrection = (a: Correction, b: Correction): boolean => a.kind === b.kind && a.text === b.text;

const isCorrection = (value: unknown): value is Correction =>
  typeof value === 'object' &&
  value !== null &&
  KINDS.includes((value as Correction).kind) &&
  typeof (value as Correction).text === 'string' &&
  (value as Correction).text !== '';

/** Stored corrections, checked one by one like the settings: anything malformed is left out. */
export function parseCorrections(raw: unknown): Corrections {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const entries = Object.entries(raw)
    .filter(([host, list]) => isHostName(host) && Array.isArray(list))
    .map(([host, list]): [string, Correction[]] => [
      host,
      (list as unknown[])
        .filter(isCorrection)
        .map((item) => correctionOf(item.kind, item.text))
        .filter((item, i, all) => all.findIndex((other) => sameCorrection(other, item)) === i)
        .slice(0, MAX_PER_SITE),
    ])
    .filter(([, list]) => list.length > 0);
  return Object.fromEntries(entries.slice(0, MAX_SITES));
}

export const correctionsItem = localItem<Corrections>('corrections', {});

export const getCorrections = async (): Promise<Corrections> => parseCorrections(await correctionsItem.getValue());

export const watchCorrections = (callback: (corrections: Corrections) => void): (() => void) =>
  correctionsItem.watch((value) => callback(parseCorrections(value)));

/** Calls back when the corrections of `host` change (from the popup or the options page). */
export const watchSiteCorrections = (host: string, callback: () => void): (() => void) =>
  correctionsItem.watch((next, before) => {
    if (JSON.stringify(parseCorrections(next)[host] ?? []) !== JSON.stringify(parseCorrections(before)[host] ?? [])) callback();
  });

/** Adds (`undo` false) or takes back a correction for `host`. */
export async function setCorrection(host: string, correction: Correction, undo = false): Promise<void> {
  if (!isHostName(host) || !isCorrection(correction)) return;
  const all = await getCorrections();
  const item = correctionOf(correction.kind, correction.text);
  const others = (all[host] ?? []).filter((other) => !sameCorrection(other, item));
  const list = undo ? others : [...others, item];
  const next = { ...all, [host]: list };
  if (list.length === 0) delete next[host];
  await correctionsItem.setValue(next);
}

/** Whether the reader said the finding of `kind` with this text is not one. */
export const isCorrected = (list: readonly Correction[], kind: CorrectionKind, text: string): boolean =>
  list.some((item) => item.kind === kind && item.text === cut(text));

/**
 * The findings the page gets once the site's corrections are applied. A duplicate group taken
 * back leaves its copies shown (no marker, nothing hidden); a notice taken back keeps no badge and
 * may be hidden with its language like any paragraph. Lists the popup's flags index stay as long
 * (a flag's index is its place in report order): a notice taken back points at no block (-1).
 */
export function correctFindings(text: TextAnalysis, findings: PageFindings, list: readonly Correction[]): PageFindings {
  if (list.length === 0) return findings;
  const { report } = text;
  const keptOf = new Map(text.collapsed.map((entry) => [entry.unit, entry.kept]));
  const shownAgain = new Set<number>();
  report.duplicates.forEach((group, i) => {
    const kept = keptOf.get(text.duplicates[i] ?? -1);
    if (kept !== undefined && isCorrected(list, 'duplicate', group.kept)) shownAgain.add(kept);
  });
  const markupCount = report.disclosures.length - findings.textDisclosures.length;
  const unpaired = text.pairs.filter((_pair, i) => {
    const reported = report.bilingual.pairs[i];
    return reported !== undefined && isCorrected(list, 'translation', pairText(reported.a.text, reported.b.text));
  });
  return {
    ...findings,
    untranslated: [...findings.untranslated, ...unpaired.flatMap((pair) => [pair.a, pair.b])],
    pairCount: findings.pairCount - unpaired.length,
    collapsed: findings.collapsed.filter((entry) => !shownAgain.has(entry.kept)),
    textDisclosures: findings.textDisclosures.map((entry, i) =>
      isCorrected(list, 'disclosure', report.disclosures[markupCount + i]?.evidence ?? '') ? { ...entry, block: -1 } : entry,
    ),
  };
}

/** The report as the reader shows it: each pair the reader said is none becomes two paragraphs without translation. */
export function correctPairs(report: PageReport, list: readonly Correction[]): PageReport {
  const { pairs, untranslated } = report.bilingual;
  const wrong = (pair: (typeof pairs)[number]) => isCorrected(list, 'translation', pairText(pair.a.text, pair.b.text));
  if (!pairs.some(wrong)) return report;
  return {
    ...report,
    bilingual: {
      ...report.bilingual,
      pairs: pairs.filter((pair) => !wrong(pair)),
      untranslated: [...untranslated, ...pairs.filter(wrong).flatMap((pair) => [pair.a, pair.b])],
    },
  };
}
