import type { BlockSnapshot, PageSnapshot } from './model';
import { extractArticleSteps } from './article';
import { markupDisclosureSteps } from './markup-disclosures';
import { pageMetaSteps } from './page-meta';
import { ancestorFinder, placesOfSteps } from './places';
import { findScoresSteps, findTagsSteps } from './scores';
import { runSteps, STEP, type Steps } from './steps';
import { documentElementsByTag, tagOf } from './text';

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

/** A block that holds nothing but one code element: `<p><code>…</code></p>`. */
function onlyCode(el: Element): boolean {
  const child = el.firstElementChild;
  if (child === null || child.nextElementSibling !== null || tagOf(child) !== 'code') return false;
  return (el.textContent ?? '').trim() === (child.textContent ?? '').trim();
}

/** `snapshotPage` as a pass that yields every few hundred nodes, for the content script to slice. */
export function* snapshotPageSteps(doc: Document, opts: { url?: string | null } = {}): Steps<SnapshotResult> {
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
  const codeOf = ancestorFinder((el) => {
    const tag = tagOf(el);
    return tag === 'pre' || tag === 'code';
  });
  const blocks: BlockSnapshot[] = [];
  for (let i = 0; i < article.blocks.length; i++) {
    if (i % STEP === STEP - 1) yield;
    const block = article.blocks[i] as (typeof article.blocks)[number];
    blocks.push({
      role: block.role,
      text: block.text,
      inArticle: block.inArticle,
      declaredLang: langOf(block.el)?.getAttribute('lang') || null,
      quoted: quoteOf(block.el) !== null,
      code: codeOf(block.el) !== null || onlyCode(block.el),
      cell: places[i]?.cell ?? null,
      column: places[i]?.column ?? null,
    });
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
      scores,
      tags,
      meta,
    },
    elements,
  };
}
