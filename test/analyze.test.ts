// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { analyzeDocument, analyzeSnapshot, joinAnalysis, snapshotPage } from '../engine/analyze';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name, 'page.html'), 'utf8');
const load = (html: string) => parseHTML(html).document as unknown as Document;

describe('analyzeDocument', () => {
  it('hides the seed summary, glued from copies of body paragraphs, in favour of the body copies', () => {
    const analysis = analyzeDocument(load(fixture('seed')));
    const summary = analysis.units.filter((unit) => unit.el.closest('.news-summary'));
    expect(summary).toHaveLength(2);
    const hidden = new Set(analysis.collapsed.map((entry) => entry.unit));
    for (const unit of summary) expect(hidden.has(unit.id)).toBe(true);
    const kept = new Set(analysis.collapsed.map((entry) => entry.kept));
    const keptUnits = analysis.units.filter((unit) => kept.has(unit.id));
    expect(keptUnits.length).toBeGreaterThan(0);
    for (const unit of keptUnits) expect(unit.el.closest('.analysis')).not.toBeNull();
  });

  it('keeps the first of two plain copies of one paragraph', () => {
    const paragraph = 'The storm is expected to bring heavy rain across the southwest over the coming days, forecasters said on Sunday morning.';
    const analysis = analyzeDocument(
      load(`<html lang="en"><body><article><h1>Storm</h1><p id="a">${paragraph}</p><p>Another paragraph that tells a different part of the story in enough words to count.</p><p id="b">${paragraph}</p></article></body></html>`),
    );
    expect(analysis.collapsed).toHaveLength(1);
    const [entry] = analysis.collapsed;
    expect(analysis.units[entry?.kept ?? -1]?.el.id).toBe('a');
    expect(analysis.units[entry?.unit ?? -1]?.el.id).toBe('b');
  });

  it('leaves code listings alone: terminal output repeated with a small change is not a copy', () => {
    const output = '$ cd ../dev-repo $ hg pull -u [...] added 1 changesets with 1 changes to 1 files 1 files updated, 0 files merged, 0 files removed, 0 files unresolved';
    const prose = '<p>Another paragraph that tells a different part of the story in enough words to count here.</p>';
    const page = (listing: string) =>
      load(`<html lang="en"><body><article><h1>Pulling</h1>${prose}${listing.replace('$OUT', output)}${prose.replace('Another', 'A second')}${listing.replace('$OUT', output.replace('files 1 files', 'files (+1 heads) 1 files'))}</article></body></html>`);
    expect(analyzeDocument(page('<pre>$OUT</pre>')).report.duplicates).toEqual([]);
    expect(analyzeDocument(page('<p><code>$OUT</code></p>')).report.duplicates).toHaveLength(0);
    // The same text as a prose sentence is a near copy (a line that does not end as a sentence is
    // collapsed only from 40 words on: duplicates.ts LINE_WEIGHT).
    expect(analyzeDocument(page('<p>$OUT.</p>')).report.duplicates.map((d) => d.kind)).toEqual(['near']);
  });

  it('gives the same analysis from a snapshot that crossed a message boundary', () => {
    const doc = load(fixture('seed'));
    const { snapshot, elements } = snapshotPage(doc);
    const direct = analyzeSnapshot(snapshot);
    const cloned = analyzeSnapshot(structuredClone(snapshot));
    expect({ ...cloned, report: { ...cloned.report, timing: null } }).toEqual({ ...direct, report: { ...direct.report, timing: null } });
    const joined = joinAnalysis(snapshot, elements, direct);
    expect(joined.blocks.map((block) => block.el)).toEqual(elements.slice(0, snapshot.blocks.length));
  });
});
