import type { BlockSnapshot, PageSnapshot } from './model';
import { extractArticleSteps } from './article';
import { worthReading } from './article-gate';
import { markupDisclosureSteps } from './markup-disclosures';
import { isCallout, isControl, noticeCandidatesSteps } from './notice-candidates';
import { pageMetaSteps } from './page-meta';
import { ancestorFinder, placesOfSteps } from './places';
import { findScoresSteps, findTagsSteps } from './scores';
import { runSteps, STEP, type Steps } from './steps';
import { documentElementsByTag, firstDescendantByTag, foldSpace, tagOf, visibleLines } from './text';

/**
 * The DOM phase of the engine (see model.ts): the only part that reads the document. A module
 * of its own, importing nothing of the text phase, so that the content script that runs it loads
 * neither franc nor the language tables.
 */

export interface SnapshotResult {
  snapshot: PageSnapshot;
  /** The element of each block, then those of the markup disclosures (`snapshot.markup[i].element`). */
  elements: Element[];
}

/** "canonical" among the words of a rel attribute, in any case (link[rel~="canonical" i]). */
const CANONICAL = /(?:^|\s)canonical(?:$|\s)/i;

function canonicalUrl(doc: Document): string | null {
  const link = documentElementsByTag(doc, 'link').find((el) => el.hasAttribute('href') && CANONICAL.test(el.getAttribute('rel') ?? ''));
  const href = link?.getAttribute('href');
  if (!href) return null;
  try {
    return new URL(href, doc.baseURI || undefined).href;
  } catch {
    return null;
  }
}

/** The DOM phase: everything the text phase needs, read from the document in one pass. */
export function snapshotPage(doc: Document, opts: { url?: string | null } = {}): SnapshotResult {
  return runSteps(snapshotPageSteps(doc, opts));
}

const LINE_BREAK: ReadonlySet<string> = new Set(['br']);

const CODE: ReadonlySet<string> = new Set(['code']);

/**
 * A <pre> with no <code> in it: preformatted text as a browser shows a text file (subtitles, a
 * plain-text notice), where each line may be a sentence; fenced code renders as <pre><code>.
 */
function plainPre(el: Element): boolean {
  return tagOf(el) === 'pre' && firstDescendantByTag(el, CODE) === null;
}

/** Leading spaces and tabs of a line. */
function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && (line.charCodeAt(i) === 0x20 || line.charCodeAt(i) === 0x09)) i++;
  return i;
}

/**
 * The non-empty lines of a preformatted element, white space folded within each. A line indented
 * deeper than the one before continues it (a text file wraps an entry with a hanging indent),
 * unless that one ends with a colon: the lines under "Usage:" are entries of their own.
 */
function preLines(el: Element): string[] {
  const lines: string[] = [];
  let indent = 0;
  for (const line of (el.textContent ?? '').split('\n')) {
    const folded = foldSpace(line);
    if (!folded) continue;
    const depth = indentOf(line);
    const last = lines[lines.length - 1];
    if (last !== undefined && depth > indent && !last.endsWith(':')) lines[lines.length - 1] = `${last} ${folded}`;
    else {
      lines.push(folded);
      indent = depth;
    }
  }
  return lines;
}

/** A block that holds nothing but one code element: `<p><code>…</code></p>`. */
function onlyCode(el: Element): boolean {
  const child = el.firstElementChild;
  if (child === null || child.nextElementSibling !== null || tagOf(child) !== 'code') return false;
  return (el.textContent ?? '').trim() === (child.textContent ?? '').trim();
}

/** The snapshot of a page without prose (see article-gate.ts): nothing to read further. */
function noArticle(doc: Document, opts: { url?: string | null }): SnapshotResult {
  return {
    snapshot: {
      url: opts.url ?? canonicalUrl(doc),
      pageLang: doc.documentElement?.getAttribute('lang') || null,
      blocks: [],
      markup: [],
      notices: [],
      scores: [],
      tags: [],
      meta: { site: null, byline: null, published: null },
      titles: [],
    },
    elements: [],
  };
}

/** `snapshotPage` as a pass that yields every few hundred nodes, for the content script to slice. */
export function* snapshotPageSteps(doc: Document, opts: { url?: string | null } = {}): Steps<SnapshotResult> {
  if (!worthReading(doc)) return noArticle(doc, opts);
  const article = yield* extractArticleSteps(doc);
  const elements = article.blocks.map((block) => block.el);
  const places = yield* placesOfSteps(
    elements,
    article.blocks.map((block) => block.inArticle),
  );
  // One climb per ancestor for all blocks, not one per block (pages nest thousands deep).
  const langOf = ancestorFinder((el) => el.hasAttribute('lang'));
  const quoteOf = ancestorFinder((el) => {
    const tag = tagOf(el);
    return tag === 'blockquote' || tag === 'q';
  });
  // A blockquote before the article's first paragraph or after its last, or one whose class says
  // so, is a callout the page writes about itself (a note on top, a disclaimer at the end), not a
  // quotation: quotations stand among the prose they are quoted in.
  const prose = article.blocks.flatMap((block, i) => (block.inArticle && quoteOf(block.el) === null ? [i] : []));
  const firstProse = prose[0] ?? -1;
  const lastProse = prose[prose.length - 1] ?? -1;
  const quotedAt = (i: number, el: Element): boolean => {
    const quote = quoteOf(el);
    if (quote === null) return false;
    return !(isCallout(quote) || (tagOf(quote) === 'blockquote' && (i < firstProse || i > lastProse)));
  };
  const controlOf = ancestorFinder(isControl);
  const codeOf = ancestorFinder((el) => {
    const tag = tagOf(el);
    return tag === 'pre' || tag === 'code';
  });
  const blocks: BlockSnapshot[] = [];
  for (let i = 0; i < article.blocks.length; i++) {
    if (i % STEP === STEP - 1) yield;
    const block = article.blocks[i] as (typeof article.blocks)[number];
    const code = codeOf(block.el);
    // A loose run's element holds other blocks too: its lines are not the run's.
    const lines = block.loose
      ? []
      : firstDescendantByTag(block.el, LINE_BREAK)
      ? visibleLines(block.el)
      : code !== null && plainPre(code)
        ? preLines(code)
        : [];
    const snap: BlockSnapshot = {
      role: block.role,
      text: block.text,
      inArticle: block.inArticle,
      declaredLang: langOf(block.el)?.getAttribute('lang') || null,
      quoted: quotedAt(i, block.el),
      code: code !== null || onlyCode(block.el),
      cell: places[i]?.cell ?? null,
      column: places[i]?.column ?? null,
    };
    if (lines.length >= 2) snap.lines = lines;
    if (controlOf(block.el) !== null) snap.control = true;
    if (block.loose) snap.loose = true;
    blocks.push(snap);
  }
  // Markup elements follow the blocks' elements, so that elements[i] stays the element of block i.
  const markup = (yield* markupDisclosureSteps(doc)).map(({ disclosure, el }) => {
    let element = -1;
    if (el) {
      elements.push(el);
      element = elements.length - 1;
    }
    return { disclosure, element };
  });
  // A loose run's element holds other text than the run: its notices are still to be read.
  const taken = new Set(elements.filter((_, i) => article.blocks[i]?.loose !== true));
  const notices = (yield* noticeCandidatesSteps(doc, taken)).map(({ el, text, quoted, heading, labelled }) => {
    elements.push(el);
    return { text, quoted, heading, labelled, element: elements.length - 1 };
  });
  const scores = (yield* findScoresSteps(doc, article.title)).map(({ value, max, labels }) => ({ value, max, labels }));
  const tags = yield* findTagsSteps(doc, article.root);
  const firstBlock = article.blocks.find((block) => block.inArticle)?.el ?? null;
  const meta = yield* pageMetaSteps(doc, { title: article.title, root: article.root, firstBlock, dateline: article.dateline });
  return {
    snapshot: {
      url: opts.url ?? canonicalUrl(doc),
      pageLang: doc.documentElement?.getAttribute('lang') || null,
      blocks,
      markup,
      notices,
      scores,
      tags,
      meta,
      titles: article.titles,
    },
    elements,
  };
}
