// @vitest-environment node
/**
 * Every folder in test/fixtures with a page.html and an expected.json is analysed as the command
 * line does (scripts/parse-page.ts) and checked against its ground truth, in the format of the seed's
 * shared/fixtures/seed/expected.json. Fields an expected.json leaves out are not checked.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../engine/analyze';
import { baseLanguage } from '../engine/languages';
import type { Part, PageReport } from '../engine/report';
import { foldSpace } from '../engine/text';
import { decodePage } from '../scripts/decode-page';
import { parsePage } from '../scripts/parse-page';

interface Expected {
  /** `text` is the whole title; any other key is a language whose part of the title it gives. */
  title?: Record<string, string>;
  /**
   * Real pages by others (`real-*`) say `detected` outright and list the pairs a reader sees as
   * {a, b}; they are scored together below, as the pairing evaluation scores generated pages.
   */
  bilingual?: { languages: string[]; layouts?: string[]; detected?: boolean; pairs?: { a: string; b: string }[] };
  pairs?: Record<string, string>[];
  untranslated?: Record<string, string[]>;
  duplicates?: { kind: string; kept: string; copies: string[] }[];
  truncated?: { text: string }[];
  disclosures?: { kind: string; source: string; text?: string }[];
  scores?: { value: number; max?: number | null; labels: Record<string, string> }[];
  tags?: string[];
  /** The translation check's findings, each item as written on the page's first and second language's side. */
  mismatches?: { kind: string; a: string; b: string }[];
}

// NEWSLENS_FIXTURES points the same checks at another folder of pages (your own saved pages, say).
const root = process.env.NEWSLENS_FIXTURES ?? join(import.meta.dirname, 'fixtures');
const fixtures = readdirSync(root).filter((name) => existsSync(join(root, name, 'expected.json')) && existsSync(join(root, name, 'page.html')));

const norm = (text: string) => foldSpace(text);
const sorted = (texts: string[]) => [...texts].map(norm).sort();
const partIn = (parts: Part[], lang: string) => parts.find((part) => baseLanguage(part.lang) === lang)?.text;

/** The page decoded as a browser would (real pages keep legacy encodings). */
const pageText = (name: string) => decodePage(readFileSync(join(root, name, 'page.html')));

function analyse(name: string): PageReport {
  return analyzeDocument(parsePage(pageText(name))).report;
}

describe.each(fixtures)('fixture %s', (name) => {
  const expected = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')) as Expected;
  const report = analyse(name);
  const langs = report.bilingual.languages.map(baseLanguage);

  if (expected.title) it('finds the title', () => {
    const title = expected.title ?? {};
    expect(report.title).not.toBeNull();
    if (title.text) expect(norm(report.title?.text ?? '')).toBe(norm(title.text));
    for (const [lang, text] of Object.entries(title)) {
      if (lang !== 'text') expect(partIn(report.title?.parts ?? [], lang)).toBe(norm(text));
    }
  });

  if (expected.bilingual && expected.bilingual.detected === undefined) it('tells whether the page is bilingual, in which languages and layouts', () => {
    const bilingual = expected.bilingual ?? { languages: [] };
    expect(report.bilingual.detected).toBe(bilingual.languages.length > 0);
    expect(langs).toEqual(bilingual.languages);
    const layouts = (bilingual.layouts ?? []).map((layout) => layout.split(' ')[0]);
    expect([...report.bilingual.layouts].sort()).toEqual([...new Set(layouts)].sort());
  });

  if (expected.pairs) it('pairs each paragraph with its translation', () => {
    const [first, second] = expected.bilingual?.languages ?? ['en', 'zh'];
    const found = new Set(report.bilingual.pairs.map((pair) => `${norm(pair.a.text)}\u0000${norm(pair.b.text)}`));
    for (const pair of expected.pairs ?? []) {
      const a = pair[first ?? 'en'] ?? '';
      const b = pair[second ?? 'zh'] ?? '';
      expect(found, `pair missing:\n  ${a.slice(0, 80)}\n  ${b.slice(0, 80)}`).toContain(`${norm(a)}\u0000${norm(b)}`);
    }
    if ((expected.pairs ?? []).length === 0) expect(report.bilingual.pairs).toEqual([]);
    // No paragraph may be paired with the wrong text: a paragraph in an expected pair appears in no other pair.
    const partner = new Map<string, string>();
    for (const pair of expected.pairs ?? []) {
      partner.set(norm(pair[first ?? 'en'] ?? ''), norm(pair[second ?? 'zh'] ?? ''));
    }
    for (const pair of report.bilingual.pairs) {
      const want = partner.get(norm(pair.a.text));
      if (want !== undefined) expect(norm(pair.b.text)).toBe(want);
    }
  });

  if (expected.untranslated) it('reports exactly the untranslated paragraphs', () => {
    const want = Object.values(expected.untranslated ?? {}).flat();
    expect(sorted(report.bilingual.untranslated.map((part) => part.text))).toEqual(sorted(want));
  });

  if (expected.duplicates) it('collapses exact, near and truncated copies, keeping the right one', () => {
    const want = (expected.duplicates ?? []).map((d) => ({ kind: d.kind, kept: norm(d.kept), copies: sorted(d.copies) }));
    const got = report.duplicates.map((d) => ({ kind: d.kind, kept: norm(d.kept), copies: sorted(d.copies) }));
    const key = (d: { kept: string; kind: string }) => `${d.kind}:${d.kept}`;
    expect(got.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(want.sort((a, b) => key(a).localeCompare(key(b))));
  });

  if (expected.truncated) it('marks truncated paragraphs that have no complete copy', () => {
    expect(sorted(report.truncated.map((t) => t.text))).toEqual(sorted((expected.truncated ?? []).map((t) => t.text)));
  });

  if (expected.disclosures) it('flags AI disclosures and nothing else', () => {
    const want = expected.disclosures ?? [];
    expect(report.disclosures.map((d) => `${d.kind}/${d.source}`).sort()).toEqual(want.map((d) => `${d.kind}/${d.source}`).sort());
    for (const d of want) {
      if (d.text) expect(report.disclosures.map((r) => norm(r.evidence))).toContain(norm(d.text));
    }
  });

  if (expected.scores) it('reads the site scores with merged bilingual labels', () => {
    const key = (s: { value: number; labels: Record<string, string> }) =>
      `${s.value}:${Object.entries(s.labels)
        .map(([lang, label]) => `${baseLanguage(lang)}=${label}`)
        .sort()
        .join(',')}`;
    expect(report.scores.map(key).sort()).toEqual((expected.scores ?? []).map(key).sort());
  });

  if (expected.mismatches) it('names each figure or name a translation changed, as written on each side', () => {
    const found = report.bilingual.mismatches.map(({ kind, detail }) => ({ kind, a: detail.a, b: detail.b }));
    expect(found).toEqual(expected.mismatches);
  });

  if (expected.tags) it('lists each tag once', () => {
    expect(report.tags).toEqual(expected.tags);
  });

  it('keeps collapsed copies out of the reader view and the report within the contract', () => {
    const shown = new Set(report.article.blocks.map((block) => norm(block.text)));
    for (const group of report.duplicates) {
      expect(shown.has(norm(group.kept))).toBe(true);
      for (const copy of group.copies) {
        if (norm(copy) !== norm(group.kept)) expect(shown.has(norm(copy))).toBe(false);
      }
      const count = report.article.blocks.filter((block) => norm(block.text) === norm(group.kept)).length;
      expect(count).toBe(1);
    }
    expect(report.version).toBe(1);
    const total = report.languages.reduce((sum, l) => sum + l.share, 0);
    if (report.languages.length) expect(total).toBeCloseTo(1, 2);
  });
});

/**
 * Real bilingual pages by others and real mixed-language controls (test/fixtures/real-*, each
 * with its source in a README): a control must show no pair and no bilingual layout; on the
 * bilingual pages, pairs are scored together. The floors are what the engine reaches now, below
 * the issue's target (recall 0.9): a change may raise them, never lower them.
 */
const real = fixtures.filter((name) => name.startsWith('real-'));
describe.runIf(root === join(import.meta.dirname, 'fixtures'))('real pages by others', () => {
  const key = (x: string, y: string) => [norm(x), norm(y)].sort().join('\u0000');
  const outcomes = real.map((name) => {
    const expected = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')) as Expected;
    return { name, expected: expected.bilingual ?? { languages: [] }, report: analyse(name) };
  });

  it('holds real bilingual pages and controls', () => {
    expect(outcomes.filter((o) => o.expected.detected === true).length).toBeGreaterThanOrEqual(26);
    expect(outcomes.filter((o) => o.expected.detected === false).length).toBeGreaterThanOrEqual(15);
  });

  it('finds no translation on a control', () => {
    for (const { name, expected, report } of outcomes) {
      if (expected.detected !== false) continue;
      expect({ name, detected: report.bilingual.detected, pairs: report.bilingual.pairs.length }).toEqual({ name, detected: false, pairs: 0 });
    }
  });

  it('pairs the real bilingual pages with few wrong pairs', () => {
    let found = 0;
    let wanted = 0;
    let reported = 0;
    let detected = 0;
    for (const { expected, report } of outcomes) {
      if (expected.detected !== true) continue;
      if (report.bilingual.detected) detected++;
      const truth = new Set((expected.pairs ?? []).map((pair) => key(pair.a, pair.b)));
      wanted += truth.size;
      reported += report.bilingual.pairs.length;
      found += report.bilingual.pairs.filter((pair) => truth.has(key(pair.a.text, pair.b.text))).length;
    }
    expect(detected).toBeGreaterThanOrEqual(24);
    expect(found / wanted).toBeGreaterThanOrEqual(0.938);
    expect(found / reported).toBeGreaterThanOrEqual(0.983);
  });
});
