/**
 * The translation check measured on the held-out NTREX-128 test split (test/corpus/ntrex128-check:
 * 27 documents fixed by rule before tuning; see its README). Each document becomes a bilingual page
 * (English with Simplified or Traditional Chinese, German, French or Spanish; interleaved or
 * sequential), analysed by the whole engine, so the pairing must hold as well. Then the same page
 * with one fact changed on one side (a power of ten, a digit, a decimal point, a percentage, 万/亿,
 * a misspelt name), one page per change:
 * - recall: changed pairs reported (as a mismatch on the pair that holds the change);
 * - precision: of all mismatches reported on changed pages, those on the changed pair;
 * - false mismatches: mismatches reported on the unchanged human translations, per pair.
 * Only figures both sides state in digits are changed (a figure one side leaves out is no
 * mismatch), and a name only where both sides write it in Latin letters.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { analyzeDocument } from '../../engine/analyze';
import type { Mismatch, PageReport } from '../../engine/report';
import type { EvalSection } from './section';

export interface Corpus {
  ids: string[];
  en: string[];
  /** Line-aligned translations by BCP 47 tag. */
  translations: Record<string, string[]>;
}

const FILES: Record<string, string> = { 'zh-Hans': 'ref.zho-CN', 'zh-Hant': 'ref.zho-TW', de: 'ref.deu', fr: 'ref.fra', es: 'ref.spa' };

/** The split as test/corpus/ntrex128-check holds it (scripts/copy-ntrex-check.ts). */
export function loadCorpus(dir: string): Corpus {
  const read = (file: string) => {
    const path = join(dir, file);
    if (!existsSync(path)) throw new Error(`translation-check: ${path} is missing (scripts/copy-ntrex-check.ts writes it)`);
    return readFileSync(path, 'utf8').split(/\r?\n/).slice(0, -1);
  };
  const translations = Object.fromEntries(Object.entries(FILES).map(([lang, name]) => [lang, read(`${name}.txt`)]));
  return { ids: read('DOCUMENT_IDS.tsv'), en: read('src.eng.txt'), translations };
}

type Change = 'magnitude' | 'digit' | 'decimal' | 'percent' | 'wan-yi' | 'name';
const CHANGES: Change[] = ['magnitude', 'digit', 'decimal', 'percent', 'wan-yi', 'name'];

interface Paragraph {
  en: string;
  other: string;
}

const fold = (text: string) => text.replace(/\s+/g, ' ').trim();
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A document's body as paragraphs of two sentences, in both languages. */
function paragraphsOf(corpus: Corpus, lang: string, rows: number[]): Paragraph[] {
  const other = corpus.translations[lang] ?? [];
  const glue = lang.startsWith('zh') ? '' : ' ';
  const paragraphs: Paragraph[] = [];
  for (let i = 1; i < rows.length; i += 2) {
    const group = rows.slice(i, i + 2);
    paragraphs.push({ en: fold(group.map((r) => corpus.en[r]).join(' ')), other: fold(group.map((r) => other[r]).join(glue)) });
  }
  return paragraphs;
}

function page(title: string, paragraphs: readonly Paragraph[], lang: string, sequential: boolean): string {
  const p = (text: string, l: string) => `<p lang="${l}">${escapeHtml(text)}</p>`;
  const body = sequential
    ? [...paragraphs.map((x) => p(x.en, 'en')), ...paragraphs.map((x) => p(x.other, lang))]
    : paragraphs.flatMap((x) => [p(x.en, 'en'), p(x.other, lang)]);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><header><nav><a href="/">Home</a> · <a href="/world">World</a></nav></header><main><article><h1>${escapeHtml(title)}</h1>\n${body.join('\n')}\n</article></main><footer>© Example News</footer></body></html>`;
}

/** A small deterministic generator (mulberry32), seeded per page and change. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Digits that matter: 110,000 and 11万 both give "11"; 9.2亿 and 920 million both "92". */
const significant = (run: string) => run.replace(/[^\d]/g, '').replace(/^0+/, '').replace(/0+$/, '');

const DIGIT_RUN = /(?<![\p{Script=Latin}\d])\d+(?:[.,\u00a0\u202f ]\d+)*/gu;

interface Site {
  start: number;
  end: number;
  text: string;
}

/** Digit runs of `text` whose digits the other side states too (a figure both sides give). */
function sharedNumbers(text: string, other: string): Site[] {
  const theirs = new Set([...other.matchAll(DIGIT_RUN)].map((m) => significant(m[0])).filter(Boolean));
  return [...text.matchAll(DIGIT_RUN)]
    .filter((m) => theirs.has(significant(m[0])))
    .map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
}

const pick = <T>(items: readonly T[], rand: () => number): T | undefined => items[Math.floor(rand() * items.length)];

const MONTH = /(?:January|February|March|April|May|June|July|August|September|October|November|December|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|Januar|Februar|März|Juni|Juli|Oktober|Dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)/;

/** What a digit run is part of, so that a change stays a figure a writer could have written. */
function roleOf(text: string, site: Site): 'time' | 'year' | 'day' | 'ordinal' | 'amount' {
  const before = text.slice(Math.max(0, site.start - 12), site.start);
  const after = text.slice(site.end, site.end + 14);
  if (before.endsWith(':') || after.startsWith(':') || /^\s?(?:a\.?m|p\.?m|[点點時时])/i.test(after)) return 'time';
  if (/^(?:1[0-9]|20)\d\d$/.test(site.text)) return 'year';
  if (/^\s?[日号號]/.test(after) || /月\s?$/.test(before) || new RegExp(`^(?:st|nd|rd|th|er|\\.)?\\s?(?:of |de )?${MONTH.source}`).test(after) || new RegExp(`${MONTH.source}\\s$`).test(before)) return 'day';
  if (/^(?:st|nd|rd|th|e\b|er\b|s\b|\s?年代|\s?世纪|\s?世紀)/.test(after)) return 'ordinal';
  return 'amount';
}

/** A digit run ten times larger, written the way the run was: 26,750 → 267,500; 9.2 → 92; 20 → 200. */
function timesTen(run: string): string {
  const decimal = /^(\d+)([.,])(\d+)$/.exec(run);
  if (decimal && !/^\d{1,3}[.,]\d{3}$/.test(run)) {
    const [, whole, point, fraction] = decimal as unknown as [string, string, string, string];
    return fraction.length === 1 ? `${whole}${fraction}`.replace(/^0+(?=\d)/, '') : `${whole}${fraction[0]}${point}${fraction.slice(1)}`.replace(/^0+(?=\d)/, '');
  }
  const separator = /\d([,.\u00a0\u202f ])\d{3}/.exec(run)?.[1];
  const digits = `${run.replace(/[^\d]/g, '')}0`;
  if (separator === undefined) return digits;
  return digits.replace(/\B(?=(\d{3})+$)/g, separator);
}

/** The valid values of a digit of a clock time or a day of the month, to keep the change a real time or date. */
function valid(role: string, value: string, text: string, site: Site): boolean {
  const n = Number(value);
  if (role === 'time') return text.slice(site.end, site.end + 1) === ':' || /^\s?[点點]/.test(text.slice(site.end)) ? n <= 23 : n <= 59;
  if (role === 'day') return n >= 1 && n <= 31;
  return true;
}

/** The changed text of one side, or null where the change has no site there. */
function change(kind: Change, text: string, other: string, rand: () => number): string | null {
  const splice = (site: Site, replacement: string) => `${text.slice(0, site.start)}${replacement}${text.slice(site.end)}`;
  const sites = sharedNumbers(text, other);
  switch (kind) {
    case 'magnitude': {
      // 920 → 9200, or 9.2 → 92: one power of ten, on an amount (a time, a date or a year has none).
      const site = pick(
        sites.filter((s) => roleOf(text, s) === 'amount'),
        rand,
      );
      return site ? splice(site, timesTen(site.text)) : null;
    }
    case 'digit': {
      // A digit that moves the value by more than a translator's rounding: one of the first two of an
      // amount, one of the last two of a year; a time or a day stays a valid one.
      for (const site of [...sites].sort(() => rand() - 0.5)) {
        const role = roleOf(text, site);
        const positions = [...site.text].flatMap((c, i) => (/\d/.test(c) ? [i] : []));
        const candidates = role === 'year' ? positions.slice(-2) : positions.slice(0, 2);
        for (const at of [...candidates].sort(() => rand() - 0.5)) {
          const digit = Number(site.text[at]);
          for (let step = 1; step < 10; step++) {
            const next = (digit + step) % 10;
            if (at === positions[0] && next === 0 && positions.length > 1) continue;
            const changed = site.text.slice(0, at) + String(next) + site.text.slice(at + 1);
            const [before, after] = [site.text, changed].map((run) => Number(run.replace(/[^\d]/g, '')));
            const rounding = Math.abs((after as number) - (before as number)) <= 0.02 * (before as number);
            if (valid(role, changed, text, site) && (role !== 'amount' || !rounding)) return splice(site, changed);
          }
        }
      }
      return null;
    }
    case 'decimal': {
      // 3.5 → 35 or 2.94 → 29.4: the decimal point lost or moved.
      const site = pick(
        sites.filter((s) => /^\d+[.,]\d{1,2}$/.test(s.text)),
        rand,
      );
      if (!site) return null;
      const digits = site.text.replace(/[.,]/, '');
      const point = site.text.search(/[.,]/);
      return splice(site, point + 1 < digits.length ? `${digits.slice(0, point + 1)}${site.text[point]}${digits.slice(point + 1)}` : digits);
    }
    case 'percent': {
      const site = pick(
        sites.filter((s) => /^\s?(?:%|％|percent|per cent|Prozent|pour cent|por ciento)/.test(text.slice(s.end, s.end + 12)) || /百分之\s?$/.test(text.slice(0, s.start))),
        rand,
      );
      if (!site) return null;
      const value = Number(site.text.replace(',', '.'));
      return splice(site, String(value >= 10 ? value + 10 : value + 1).replace('.', /,/.test(site.text) ? ',' : '.'));
    }
    case 'wan-yi': {
      const site = pick(
        sites.filter((s) => /^\s?(?:多|余)?[万萬亿億]/.test(text.slice(s.end, s.end + 3))),
        rand,
      );
      if (!site) return null;
      const scale = text.slice(site.end).search(/[万萬亿億]/) + site.end;
      const swapped = { 万: '亿', 萬: '億', 亿: '万', 億: '萬' }[text[scale] as '万'];
      return `${text.slice(0, scale)}${swapped}${text.slice(scale + 1)}`;
    }
    case 'name': {
      const names = [...new Set([...text.matchAll(/(?<![\p{Script=Latin}])[A-Z][a-z]{4,}(?![\p{Script=Latin}])/gu)].map((m) => m[0]))].filter((name) =>
        new RegExp(`(?<![\\p{Script=Latin}])${name}(?![\\p{Script=Latin}])`, 'u').test(other),
      );
      const name = pick(names, rand);
      if (!name) return null;
      // A typing slip: two neighbouring letters swapped, or one letter dropped, inside the name.
      const at = 1 + Math.floor(rand() * (name.length - 2));
      const misspelt =
        name[at] !== name[at + 1] && rand() < 0.5
          ? `${name.slice(0, at)}${name[at + 1]}${name[at]}${name.slice(at + 2)}`
          : `${name.slice(0, at)}${name.slice(at + 1)}`;
      return text.replace(new RegExp(`(?<![\\p{Script=Latin}])${name}(?![\\p{Script=Latin}])`, 'gu'), misspelt);
    }
  }
}

interface Tally {
  changed: number;
  found: number;
  pairHeld: number;
  reported: number;
  onChanged: number;
}

const emptyTally = (): Tally => ({ changed: 0, found: 0, pairHeld: 0, reported: 0, onChanged: 0 });

export interface Measurement {
  documents: number;
  pages: number;
  /** Per language pair ("en-zh-Hans", …) and per change. */
  byLanguage: Record<string, Tally & { pairs: number; falseMismatches: number }>;
  byChange: Record<string, Tally>;
  examples: { lang: string; document: string; mismatch: Mismatch }[];
}

const analyse = (html: string): PageReport => analyzeDocument(parseHTML(html).document as unknown as Document).report;

/** Runs every page of `corpus`; `langs` limits the language pairs. */
export function measure(corpus: Corpus, langs = Object.keys(FILES)): Measurement {
  const documents = [...new Set(corpus.ids)];
  const result: Measurement = { documents: documents.length, pages: 0, byLanguage: {}, byChange: {}, examples: [] };
  documents.forEach((document, d) => {
    const rows = corpus.ids.flatMap((id, i) => (id === document ? [i] : []));
    if (rows.length < 3) return;
    const title = corpus.en[rows[0] as number] ?? '';
    for (const lang of langs) {
      const key = `en-${lang}`;
      result.byLanguage[key] ??= { ...emptyTally(), pairs: 0, falseMismatches: 0 };
      const tally = result.byLanguage[key];
      const paragraphs = paragraphsOf(corpus, lang, rows);
      const sequential = d % 2 === 1;
      const unchanged = analyse(page(title, paragraphs, lang, sequential));
      result.pages += 1;
      tally.pairs += paragraphs.length;
      tally.falseMismatches += unchanged.bilingual.mismatches.length;
      for (const mismatch of unchanged.bilingual.mismatches) result.examples.push({ lang, document, mismatch });
      for (const kind of CHANGES) {
        if (kind === 'wan-yi' && !lang.startsWith('zh')) continue;
        const rand = random(hash(`${document} ${lang} ${kind}`));
        // The side to change: either, at random; 万/亿 only on the Chinese side.
        const sides: ('en' | 'other')[] = kind === 'wan-yi' ? ['other'] : rand() < 0.5 ? ['en', 'other'] : ['other', 'en'];
        let changed: { index: number; side: 'en' | 'other'; text: string } | null = null;
        const order = paragraphs.map((_p, i) => i).sort(() => rand() - 0.5);
        for (const side of sides) {
          for (const index of order) {
            const paragraph = paragraphs[index] as Paragraph;
            const theirs = side === 'en' ? paragraph.other : paragraph.en;
            const text = change(kind, paragraph[side], theirs, rand);
            if (text !== null && text !== paragraph[side]) {
              changed = { index, side, text };
              break;
            }
          }
          if (changed) break;
        }
        if (!changed) continue;
        const { index, side, text } = changed;
        const edited = paragraphs.map((p, i) => (i === index ? { ...p, [side]: text } : p));
        const report = analyse(page(title, edited, lang, sequential));
        result.pages += 1;
        const target = edited[index] as Paragraph;
        const onTarget = (m: { a: { text: string }; b: { text: string } }) => m.a.text === target.en && m.b.text === target.other;
        result.byChange[kind] ??= emptyTally();
        const byChange = result.byChange[kind];
        for (const t of [tally, byChange]) {
          t.changed += 1;
          t.pairHeld += report.bilingual.pairs.some(onTarget) ? 1 : 0;
          t.found += report.bilingual.mismatches.some(onTarget) ? 1 : 0;
          t.reported += report.bilingual.mismatches.length;
          t.onChanged += report.bilingual.mismatches.filter(onTarget).length;
        }
      }
    }
  });
  return result;
}

const ratio = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 1000);

export function summarise(m: Measurement) {
  const total = (rows: Tally[]) => rows.reduce((s, t) => ({ changed: s.changed + t.changed, found: s.found + t.found, pairHeld: s.pairHeld + t.pairHeld, reported: s.reported + t.reported, onChanged: s.onChanged + t.onChanged }), emptyTally());
  const figures = (t: Tally) => ({ ...t, recall: ratio(t.found, t.changed), precision: ratio(t.onChanged, t.reported), pairHeld: ratio(t.pairHeld, t.changed) });
  const languages = Object.entries(m.byLanguage);
  const unchanged = (rows: typeof languages) => {
    const pairs = rows.reduce((s, [, t]) => s + t.pairs, 0);
    const reported = rows.reduce((s, [, t]) => s + t.falseMismatches, 0);
    return { pairs, mismatches: reported, rate: ratio(reported, pairs) };
  };
  const zh = languages.filter(([key]) => key.startsWith('en-zh'));
  const latin = languages.filter(([key]) => !key.startsWith('en-zh'));
  return {
    documents: m.documents,
    pages: m.pages,
    overall: { changed: figures(total(languages.map(([, t]) => t))), unchanged: unchanged(languages) },
    enZh: { changed: figures(total(zh.map(([, t]) => t))), unchanged: unchanged(zh) },
    enLatin: { changed: figures(total(latin.map(([, t]) => t))), unchanged: unchanged(latin) },
    byLanguage: Object.fromEntries(languages.map(([key, t]) => [key, { ...figures(t), unchanged: { pairs: t.pairs, mismatches: t.falseMismatches, rate: ratio(t.falseMismatches, t.pairs) } }])),
    byChange: Object.fromEntries(Object.entries(m.byChange).map(([key, t]) => [key, figures(t)])),
    unchangedMismatches: m.examples.map((e) => ({ lang: e.lang, document: e.document, kind: e.mismatch.kind, detail: e.mismatch.detail })),
  };
}

const section: EvalSection = {
  name: 'translation-check',
  async run() {
    const corpus = loadCorpus(join(import.meta.dirname, '..', '..', 'test', 'corpus', 'ntrex128-check'));
    const result = summarise(measure(corpus));
    const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);
    const line = (label: string, r: { changed: ReturnType<typeof summarise>['overall']['changed']; unchanged: { pairs: number; mismatches: number; rate: number | null } }) =>
      `${label.padEnd(14)} changed pages ${String(r.changed.changed).padStart(4)}: recall ${pct(r.changed.recall)}, precision ${pct(r.changed.precision)}, pair held ${pct(r.changed.pairHeld)} · unchanged: ${r.unchanged.mismatches} mismatches on ${r.unchanged.pairs} pairs (${pct(r.unchanged.rate)})`;
    const lines = [
      `NTREX-128 held-out test split: ${result.documents} documents, ${result.pages} pages through analyzeDocument`,
      line('all', result.overall),
      line('en–zh', result.enZh),
      line('en–de/fr/es', result.enLatin),
      ...Object.entries(result.byLanguage).map(([key, r]) => `  ${key.padEnd(12)} changed ${String(r.changed).padStart(3)}: recall ${pct(r.recall)}, precision ${pct(r.precision)} · unchanged ${r.unchanged.mismatches}/${r.unchanged.pairs} (${pct(r.unchanged.rate)})`),
      ...Object.entries(result.byChange).map(([key, r]) => `  change ${key.padEnd(10)} ${String(r.changed).padStart(3)} pages: recall ${pct(r.recall)}, precision ${pct(r.precision)}, pair held ${pct(r.pairHeld)}`),
      ...result.unchangedMismatches.map((e) => `  unchanged ${e.lang} ${e.document}: ${e.kind} ${e.detail.a} ↔ ${e.detail.b}`),
    ];
    return { lines, result };
  },
};
export default section;
