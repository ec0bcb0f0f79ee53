import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Annotator, type Runner } from '@/entrypoints/content/annotate';
import { markColumns } from '@/entrypoints/content/columns';
import { planPage } from '@/entrypoints/content/plan';
import { ChangeLog } from '@/entrypoints/content/restore/changes';
import { analyzeSnapshot, snapshotPage } from '@/engine/analyze';
import { findingsOf } from '@/engine/model';
import { MARK } from '@/utils/page-markers';
import { EN } from './popup-support';

const runNow: Runner = async (items, work) => {
  for (const item of items) work(item);
};

function loadPage(html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const root = document.importNode(parsed.documentElement, true);
  document.documentElement.remove();
  document.appendChild(root);
}

async function annotateFixture(name: string) {
  loadPage(readFileSync(resolve('test/fixtures', name, 'page.html'), 'utf8'));
  const before = document.documentElement.outerHTML;
  const { snapshot, elements } = snapshotPage(document, { url: `http://127.0.0.1/${name}` });
  const findings = findingsOf(analyzeSnapshot(snapshot));
  const annotator = new Annotator(document, { autoCollapse: true, t: EN.t });
  const plan = planPage({ findings, elements, blockCount: snapshot.blocks.length, markup: snapshot.markup }, annotator.inheritedLang);
  await annotator.apply(annotator.changesFor(plan, 800), runNow);
  const log = new ChangeLog();
  markColumns(elements, snapshot.blocks, plan.blocks, log);
  return { before, plan, annotator, log };
}

const marked = (attribute: string) =>
  [...document.querySelectorAll(`[${attribute}]`)].map((el) => `${el.tagName.toLowerCase()}.${el.className}=${el.getAttribute(attribute)}`);

describe('side-by-side columns in one-language mode', () => {
  it('hides the other language’s column whole and widens the kept one (grid columns)', async () => {
    const { before, plan, annotator, log } = await annotateFixture('ntrex-columns');
    const [en, zh] = plan.languages as [string, string];
    expect(marked(MARK.wide)).toEqual([`div.column=${en}`, `div.column=${zh}`]);
    const columns = [...document.querySelectorAll('.columns > .column')];
    expect(columns.map((column) => column.getAttribute(MARK.lang))).toEqual([en, zh]);
    log.undo();
    annotator.undoAll();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('widens each kept table cell', async () => {
    const { before, plan, annotator, log } = await annotateFixture('ntrex-table');
    const cells = document.querySelectorAll(`td[${MARK.wide}]`);
    expect(cells.length).toBeGreaterThanOrEqual(4);
    const sides = new Set([...cells].map((cell) => cell.getAttribute(MARK.wide)));
    expect(sides).toEqual(new Set(plan.languages));
    log.undo();
    annotator.undoAll();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('leaves a page whose languages alternate paragraph by paragraph alone', async () => {
    const { log } = await annotateFixture('ntrex-interleaved');
    expect(marked(MARK.wide)).toEqual([]);
    log.undo();
  });
});
