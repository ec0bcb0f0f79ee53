import { isBlockTag, isHidden, tagOf } from './text';
import { latinLength } from './writing-systems';

/**
 * Whether a page may hold an article, read in a few element lookups before the DOM phase walks
 * the page: a search results page, a web application or a long form is told apart from a story
 * by its prose, and then costs the engine nearly nothing. Modelled on Readability's
 * `isProbablyReaderable`: paragraphs (p, pre, article, elements whose lines are split by <br>,
 * and divs holding no other block, as pages built of divs write paragraphs) of at least
 * MIN_PARAGRAPH characters, each adding the square root of its length beyond that, must add up to
 * more than MIN_SCORE. A paragraph that stands for another page (in a list item, or in one of a
 * row of boxes titled by links, as search results and teasers are; or cut off with an ellipsis),
 * hidden, or in a box named like chrome (comments, footer, sidebar) adds nothing; a page that
 * marks exactly one <article> with that much text passes at once. CJK characters
 * count as the Latin ones they stand for (writing-systems.ts): a Chinese paragraph says as much
 * in a third of the characters.
 */

const MIN_PARAGRAPH = 140;
const MIN_SCORE = 20;

/** Readability's unlikely candidates, and the names that save a box from them. */
const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
const MAYBE = /and|article|body|column|content|main|mathjax|shadow/i;

/**
 * Length of the text without its surrounding white space, CJK characters weighted; 0 for text cut
 * off with an ellipsis. With `atLeast`, counting stops there: the one <article> of a long page
 * needs to be long enough, not measured (a 10,000-paragraph page's is 3 million characters).
 */
function weightedLength(text: string, atLeast = Number.POSITIVE_INFINITY): number {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) <= 0x20) end--;
  if (text.endsWith('...', end) || text.charCodeAt(end - 1) === 0x2026) return 0;
  return latinLength(start === 0 && end === text.length ? text : text.slice(start, end), atLeast);
}

/** Neither hidden nor inside a hidden element or a template (DOM shims list template contents). */
function shown(el: Element): boolean {
  for (let cur: Element | null = el; cur !== null; cur = cur.parentElement) if (isHidden(cur) || tagOf(cur) === 'template') return false;
  return true;
}

function unlikely(el: Element): boolean {
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return UNLIKELY.test(names) && !MAYBE.test(names);
}

function inListItem(el: Element): boolean {
  for (let cur = el.parentElement; cur !== null; cur = cur.parentElement) if (tagOf(cur) === 'li') return true;
  return false;
}

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * A heading that is a link (its text all inside links, or itself inside one): the title of a
 * result or teaser. A heading holding a small link ("edit", an anchor) is a section's own.
 */
function linkedHeading(el: Element): boolean {
  const tag = tagOf(el);
  if (tag === 'a') return [...HEADINGS].some((heading) => el.getElementsByTagName(heading).length > 0);
  if (!HEADINGS.has(tag)) return false;
  const links = el.getElementsByTagName('a');
  let linked = 0;
  for (let i = 0; i < links.length; i++) linked += (links[i]?.textContent ?? '').trim().length;
  return linked > 0 && linked >= (el.textContent ?? '').trim().length * LINKED_SHARE;
}

/** Share of a heading's text in links that makes it a link to elsewhere. */
const LINKED_SHARE = 0.8;

/** Whether a box is titled by a linked heading (one of its children, other than `except`). */
function titledByLink(box: Element, except: Element | null): boolean {
  for (let child = box.firstElementChild; child !== null; child = child.nextElementSibling) {
    if (child !== except && linkedHeading(child)) return true;
  }
  return false;
}

/**
 * Whether the paragraph's box, or the box around that, is one of a row of boxes titled by linked
 * headings (search results, teasers): a story's own title may link to its permalink, but it
 * stands alone.
 */
function inListOfLinks(el: Element): boolean {
  let box = el.parentElement;
  for (let level = 0; level < 2 && box !== null; level++, box = box.parentElement) {
    if (!titledByLink(box, el)) continue;
    for (const sibling of [box.previousElementSibling, box.nextElementSibling]) {
      if (sibling !== null && tagOf(sibling) === tagOf(box) && titledByLink(sibling, null)) return true;
    }
  }
  return false;
}

/** A div with no block element in it: its text is one paragraph. */
function leafDiv(el: Element): boolean {
  for (let child = el.firstElementChild; child !== null; child = child.nextElementSibling) if (isBlockTag(tagOf(child))) return false;
  return true;
}

/**
 * The paragraphs the gate reads: p, pre, article, then <br> parents (Readability's), then leaf
 * divs. Read from the live tag lists one by one: a story passes the gate within its first
 * paragraphs.
 */
function* paragraphs(doc: Document): Generator<Element> {
  for (const tag of ['p', 'pre', 'article']) {
    const list = doc.getElementsByTagName(tag);
    for (let i = 0; i < list.length; i++) yield list[i] as Element;
  }
  const brs = doc.getElementsByTagName('br');
  const read = new Set<Element>();
  for (let i = 0; i < brs.length; i++) {
    const parent = brs[i]?.parentElement ?? null;
    // Paragraph tags were read already; a parent of several <br> is read once.
    if (parent === null || read.has(parent) || GATE_TAGS.has(tagOf(parent))) continue;
    read.add(parent);
    yield parent;
  }
  const divs = doc.getElementsByTagName('div');
  for (let i = 0; i < divs.length; i++) {
    const div = divs[i] as Element;
    if (!read.has(div) && leafDiv(div)) yield div;
  }
}

const GATE_TAGS = new Set(['p', 'pre', 'article']);

/** The page's one <article>, where it marks exactly one (a list of teasers marks many). */
function onlyArticle(doc: Document): Element | null {
  const articles = doc.getElementsByTagName('article');
  return articles.length === 1 ? (articles[0] as Element) : null;
}

export function mayHoldArticle(doc: Document): boolean {
  // A short story the page marks as its one article is one, however few its paragraphs.
  const article = onlyArticle(doc);
  if (article !== null && weightedLength(article.textContent ?? '', MIN_PARAGRAPH) >= MIN_PARAGRAPH && shown(article)) return true;
  let score = 0;
  for (const el of paragraphs(doc)) {
    if (tagOf(el) === 'p' && inListItem(el)) continue;
    const length = weightedLength(el.textContent ?? '');
    if (length < MIN_PARAGRAPH || unlikely(el) || inListOfLinks(el) || !shown(el)) continue;
    score += Math.sqrt(length - MIN_PARAGRAPH);
    if (score > MIN_SCORE) return true;
  }
  return false;
}

/**
 * Elements from which a page is gated. The gate is for heavy pages (a web application, a long
 * results page), where the DOM phase would cost; a smaller page is read whole, because short pages
 * are where bilingual READMEs, headline lists and glossaries live, whose short paragraphs and list
 * items Readability's measure does not count. Measured (`npx tsx scripts/gate-cost.ts`, CPU, best
 * of 5): the measure turned away real articles of 12 to 899 elements (8 bilingual READMEs and
 * glossaries, mozilla-2, two news pages of the extraction corpus) and none larger, among 62 real
 * pages, 250 news pages and the fixtures; reading a page without an article whole costs 5 to 13 ms
 * of CPU per 1,000 elements, the gate 1 to 3 ms. From 2,000 elements, twice the largest article it
 * turned away, a page read whole would cost up to about 26 ms (13 ms per 1,000): past that the
 * gate answers for a fifth of the price.
 */
export const GATE_MIN_ELEMENTS = 2000;

/** Whether the DOM phase reads the page at all: a large page only when it may hold an article. */
export function worthReading(doc: Document): boolean {
  return doc.querySelectorAll('*').length < GATE_MIN_ELEMENTS || mayHoldArticle(doc);
}

