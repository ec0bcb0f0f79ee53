/**
 * "Off means off", as a property: over generated pages, the content script's annotation (the real
 * engine's findings, planned and applied by the Annotator), any use of it (modes switched, copies
 * shown and hidden, the page analysed and annotated again), then off, gives back the exact HTML
 * the page had. Pages mix real English/Chinese paragraphs (NTREX-128), both languages in one text
 * node, exact copies, inline markup, the page's own lang attributes, comments and white space, and
 * translations with a changed figure (the translation check's marks).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Annotator, type Runner } from '@/entrypoints/content/annotate';
import { type PageAnalysis, planPage } from '@/entrypoints/content/plan';
import { findingsOf } from '@/engine/model';
import { analyzeSnapshot, snapshotPage } from '@/engine/analyze';
import { MARK, TAG } from '@/utils/page-markers';
import { EN } from './popup-support';

const docs = JSON.parse(readFileSync(join(__dirname, 'fixtures/align/ntrex-docs.json'), 'utf8')) as { en: string[]; 'zh-Hans': string[] }[];
const pairs = docs.slice(0, 4).flatMap((doc) => doc.en.slice(1).map((en, i) => ({ en, zh: doc['zh-Hans'][i + 1] ?? '' })));

const runNow: Runner = async (items, work) => {
  for (const item of items) work(item);
};

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

type Para =
  | { kind: 'en' | 'zh' | 'mixed'; pair: number; wrap: 'none' | 'b' | 'a' | 'span-lang' | 'comment'; changed: boolean }
  | { kind: 'copy'; of: number };

const para: fc.Arbitrary<Para> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constantFrom('en' as const, 'zh' as const, 'mixed' as const), pair: fc.nat(pairs.length - 1), wrap: fc.constantFrom('none' as const, 'b' as const, 'a' as const, 'span-lang' as const, 'comment' as const), changed: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('copy' as const), of: fc.nat() }) },
);

const pageArb = fc.record({
  lang: fc.constantFrom('en', 'zh-CN', ''),
  title: fc.nat(pairs.length - 1),
  container: fc.constantFrom('article', 'main', 'div'),
  paras: fc.array(para, { minLength: 2, maxLength: 14 }),
  autoCollapse: fc.boolean(),
  modes: fc.array(fc.nat(3), { maxLength: 4 }),
  toggles: fc.array(fc.nat(), { maxLength: 3 }),
  again: fc.boolean(),
});

function paraHtml(p: Para, texts: string[]): string {
  if (p.kind === 'copy') {
    const source = texts[p.of % Math.max(1, texts.length)];
    return source === undefined ? '' : `<p class="copy">${escapeHtml(source)}</p>`;
  }
  const { en, zh: translated } = pairs[p.pair] as { en: string; zh: string };
  // A figure of the translation changed (its first digit), for the translation check's marks.
  const zh = p.changed ? translated.replace(/\d/, (digit) => String((Number(digit) + 1) % 10)) : translated;
  const text = p.kind === 'en' ? en : p.kind === 'zh' ? zh : `${en} ${zh}`;
  texts.push(text);
  const [head, tail] = [text.slice(0, 12), text.slice(12)];
  switch (p.wrap) {
    case 'none':
      return `<p>${escapeHtml(text)}</p>`;
    case 'b':
      return `<p><b>${escapeHtml(head)}</b>${escapeHtml(tail)}</p>`;
    case 'a':
      return `<p>${escapeHtml(head)}<a href="#x">${escapeHtml(tail)}</a></p>`;
    case 'span-lang':
      return `<p lang="${p.kind === 'zh' ? 'zh' : 'en'}"><span>${escapeHtml(text)}</span></p>`;
    case 'comment':
      return `<p>${escapeHtml(head)}<!-- note -->\n  ${escapeHtml(tail)}</p>`;
  }
}

function load(html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const root = document.importNode(parsed.documentElement, true);
  document.documentElement.remove();
  document.appendChild(root);
}

function analyse(): PageAnalysis {
  const { snapshot, elements } = snapshotPage(document, { url: 'http://127.0.0.1/generated' });
  return { findings: findingsOf(analyzeSnapshot(snapshot)), elements, blockCount: snapshot.blocks.length, markup: snapshot.markup };
}

describe('annotating, using and turning off', () => {
  it('gives back the exact HTML of every generated page', async () => {
    let annotatedPages = 0;
    let checkedPages = 0;
    await fc.assert(
      fc.asyncProperty(pageArb, async (p) => {
        const texts: string[] = [];
        const body = p.paras.map((each) => paraHtml(each, texts)).join('\n');
        const { en, zh } = pairs[p.title] as { en: string; zh: string };
        load(
          `<!DOCTYPE html><html${p.lang ? ` lang="${p.lang}"` : ''}><head><title>${escapeHtml(en)}</title></head><body>` +
            `<header><nav><a href="/">Home</a></nav></header><${p.container}><h1>${escapeHtml(`${en} ${zh}`)}</h1>\n${body}</${p.container}></body></html>`,
        );
        const before = document.documentElement.outerHTML;
        const annotator = new Annotator(document, { autoCollapse: p.autoCollapse, t: EN.t });
        let plan = planPage(analyse(), annotator.inheritedLang);
        await annotator.apply(annotator.changesFor(plan, 800), runNow);
        if (annotator.size > 0) annotatedPages++;
        if (document.querySelector(TAG.check)) checkedPages++;
        const modes = plan.modes;
        for (const m of p.modes) document.documentElement.setAttribute(MARK.mode, modes[m % modes.length] as string);
        const markers = [...document.querySelectorAll(`[${MARK.ui}="marker"]`)];
        for (const t of p.toggles) (markers[t % Math.max(1, markers.length)]?.shadowRoot?.querySelector('button') as HTMLElement | undefined)?.click();
        if (p.again) {
          plan = planPage(analyse(), annotator.inheritedLang);
          await annotator.apply(annotator.changesFor(plan, 800), runNow);
        }
        document.documentElement.removeAttribute(MARK.mode);
        annotator.undoAll();
        expect(document.documentElement.outerHTML).toBe(before);
      }),
      { numRuns: 120, seed: Number(process.env.FC_SEED ?? 20_241_128) },
    );
    // The property means something only if most pages were annotated at all.
    expect(annotatedPages).toBeGreaterThan(60);
    expect(checkedPages).toBeGreaterThan(10);
  }, 120_000);
});
