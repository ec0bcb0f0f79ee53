import type { PageMeta } from './report';
import { STEP, type Steps } from './steps';
import { documentElementsByTag, foldSpace, tagOf, visibleText } from './text';

/**
 * What a page says about itself: the publication's name, the byline and the date it was
 * published, read in the DOM phase from what publishers write for machines (meta tags, JSON-LD)
 * and, where they wrote none, from the byline and dateline printed near the title.
 */

/** Where the article was found (article.ts): the dateline and byline sit near its title. */
export interface MetaContext {
  title: Element | null;
  root: Element | null;
  /** The first element of the article body: the dateline is printed before it. */
  firstBlock: Element | null;
  /** A dateline printed inside the article's container (article.ts), where the title is not known. */
  dateline: string | null;
}

/** Meta tags naming the publication, the author and the date, best first. */
const SITE_META = ['og:site_name', 'application-name', 'publisher', 'dc.publisher'];
const AUTHOR_META = ['author', 'article:author', 'byl', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator'];
const DATE_META = [
  'article:published_time',
  'og:published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'parsely-pub-date',
  'sailthru.date',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date',
  'dcterms.date',
  'date',
];

/** JSON-LD types that describe the page's article (schema.org's CreativeWork kinds news sites use). */
const ARTICLE_TYPE = /(?:Article|BlogPosting|Report|WebPage|CreativeWork)$/;

interface Found {
  site: string | null;
  byline: string | null;
  published: string | null;
}

/** The page's meta in one pass (see pageMetaSteps). */
export function* pageMetaSteps(doc: Document, context: MetaContext): Steps<PageMeta> {
  const metas = new Map<string, string>();
  for (const el of documentElementsByTag(doc, 'meta')) {
    const key = (el.getAttribute('property') || el.getAttribute('name') || el.getAttribute('itemprop') || '').trim().toLowerCase();
    const content = foldSpace(el.getAttribute('content') ?? '');
    if (key !== '' && content !== '' && !metas.has(key)) metas.set(key, content);
  }
  yield;
  const ld = jsonLdMeta(doc);
  yield;
  const firstMeta = (keys: readonly string[], usable: (value: string) => string | null) => {
    for (const key of keys) {
      const value = metas.get(key);
      const used = value === undefined ? null : usable(value);
      if (used !== null) return used;
    }
    return null;
  };
  const site = firstMeta(SITE_META, nameOnly) ?? ld.site;
  // A site that names itself as the author (or the forum software that made the page) printed no byline.
  const notSite = (name: string | null) => (name === null || name === site || /\b(?:team|inc\.?|ltd\.?)$/i.test(name) ? null : name);
  let byline = notSite(ld.byline ?? firstMeta(AUTHOR_META, printedByline));
  let published = firstMeta(DATE_META.slice(0, 2), isoDate) ?? ld.published ?? firstMeta(DATE_META.slice(2), isoDate);
  if (byline === null || published === null) {
    const printed = yield* printedMeta(doc, context);
    byline ??= notSite(printed.byline);
    published ??= printed.published;
  }
  return { site, byline, published };
}

/** A name as written, or null for what is not one (an address, a handle's page, a bare number). */
function nameOnly(value: string): string | null {
  const text = foldSpace(value);
  if (text === '' || text.length > 120 || /^(?:https?:)?\/\/|^www\.|\.(?:com|org|net|cn)(?:\/|$)/i.test(text) || !/\p{L}/u.test(text)) return null;
  return text;
}

/** The first article-like object of the page's JSON-LD: its publisher, authors and date. */
function jsonLdMeta(doc: Document): Found {
  const found: Found = { site: null, byline: null, published: null };
  for (const script of documentElementsByTag(doc, 'script')) {
    if ((script.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
    let data: unknown;
    try {
      // Some pages wrap the JSON in <![CDATA[ … ]]> or an HTML comment, for old XHTML parsers.
      data = JSON.parse((script.textContent ?? '').replace(/^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$/g, ''));
    } catch {
      continue;
    }
    for (const node of ldNodes(data)) {
      const types = ([] as unknown[]).concat(node['@type'] ?? []).filter((t): t is string => typeof t === 'string');
      if (!types.some((t) => ARTICLE_TYPE.test(t)) && node.datePublished === undefined) continue;
      found.site ??= nameOnly(nameOf(node.publisher) ?? '');
      found.byline ??= nameOnly(
        ([] as unknown[])
          .concat(node.author ?? [])
          .map(nameOf)
          .filter((name): name is string => name !== null)
          .join(', '),
      );
      if (typeof node.datePublished === 'string') found.published ??= isoDate(node.datePublished);
    }
  }
  return found;
}

type LdNode = Record<string, unknown>;

/** Every object of a JSON-LD value: top level, arrays, @graph. */
function ldNodes(data: unknown): LdNode[] {
  if (Array.isArray(data)) return data.flatMap(ldNodes);
  if (data === null || typeof data !== 'object') return [];
  const node = data as LdNode;
  return [node, ...ldNodes(node['@graph'])];
}

function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object') {
    const name = (value as LdNode).name;
    if (typeof name === 'string') return name;
  }
  return null;
}

/** Classes and ids that name a byline, and the markup that marks one. */
const BYLINE_NAME = /(?:^|[\s_-])(?:by-?line|author|writer|reporter)(?![a-z])|byline/i;
/** The same words on a box that is about authors rather than a byline (a biography, a list of them). */
const NOT_BYLINE = /bio|about|avatar|image|photo|img|more|list|follow|social|comment/i;
/** A byline's lead word ("By", "作者：", "记者", "文/"). */
const BYLINE_LEAD = /^(?:by|von|par|por|door|作者|记者|撰文|文)\s*[:：/／|]?\s*/i;
/** A printed byline is a line, not a paragraph. */
const BYLINE_MAX = 80;
/** "作者：…", "记者 …" printed between the title and the story. */
const LABEL_BYLINE = /(?:^|[\s|｜])(?:作者|记者|撰文)\s*[:：/／]?\s*([^\s|｜:：,，。()（）]{2,30})/;

/** The byline and dateline printed on the page, near the article. */
function* printedMeta(doc: Document, context: MetaContext): Steps<{ byline: string | null; published: string | null }> {
  let byline: string | null = null;
  let published: string | null = null;
  let count = 0;
  for (const el of elementsOf(doc)) {
    if (byline !== null && published !== null) break;
    if (++count % STEP === 0) yield;
    const tag = tagOf(el);
    if (published === null && tag === 'time') {
      const datetime = el.getAttribute('datetime');
      const marked = el.hasAttribute('pubdate') || (el.getAttribute('itemprop') ?? '').includes('datePublished');
      const near = context.root !== null && (context.root.contains(el) || el.contains(context.root) || context.title?.parentElement?.contains(el) === true);
      if (datetime && (marked || near)) published = isoDate(datetime);
      continue;
    }
    if (byline !== null) continue;
    const marks = `${el.getAttribute('class') ?? ''} ${el.id} ${el.getAttribute('rel') ?? ''} ${el.getAttribute('itemprop') ?? ''}`;
    if (!BYLINE_NAME.test(marks) || NOT_BYLINE.test(marks) || tag === 'meta' || tag === 'link' || tag === 'body' || tag === 'html') continue;
    byline = printedByline(visibleText(el));
  }
  if (context.title !== null && context.firstBlock !== null && (byline === null || published === null)) {
    const head = textBetween(context.title, context.firstBlock);
    published ??= isoDate(head);
    byline ??= nameOnly(LABEL_BYLINE.exec(head)?.[1] ?? '');
  }
  if (context.dateline !== null) {
    published ??= isoDate(context.dateline);
    byline ??= nameOnly(LABEL_BYLINE.exec(context.dateline)?.[1] ?? '');
  }
  return { byline, published };
}

/** Every element of the document in document order (DOM shims do not all answer getElementsByTagName('*')). */
function* elementsOf(doc: Document): Generator<Element> {
  const root = doc.documentElement;
  let node: Node | null = root;
  while (node !== null) {
    if (node.nodeType === 1) yield node as Element;
    let next: Node | null = node.nodeType === 1 && tagOf(node as Element) !== 'template' ? node.firstChild : null;
    while (next === null && node !== null && node !== root) {
      next = node.nextSibling;
      if (next === null) node = node.parentNode;
    }
    node = next;
  }
}

/** What a title-to-body gap can hold (dateline, byline, source line), not a page of links. */
const HEAD_MAX = 600;

/** The text printed after `title` and before `end` in document order, up to HEAD_MAX characters. */
function textBetween(title: Element, end: Element): string {
  let text = '';
  let node: Node | null = title;
  // Past the title's own text first, then on in document order until the body starts.
  while (node !== null && node.nextSibling === null) node = node.parentNode;
  node = node?.nextSibling ?? null;
  while (node !== null && text.length < HEAD_MAX) {
    if (node === end) break;
    if (node.nodeType === 3) text += ` ${node.nodeValue ?? ''}`;
    let next: Node | null = null;
    if (node.nodeType === 1) {
      const tag = tagOf(node as Element);
      if (tag !== 'script' && tag !== 'style' && tag !== 'template') next = node.firstChild;
    }
    while (next === null && node !== null) {
      next = node.nextSibling;
      if (next === null) node = node.parentNode;
    }
    node = next;
  }
  return foldSpace(text);
}

/** The names of a printed byline: its lead word and any date after the names left out. */
function printedByline(text: string): string | null {
  let names = foldSpace(text).replace(BYLINE_LEAD, '');
  const date = DATE_START.exec(names);
  if (date !== null) names = names.slice(0, date.index);
  names = names.replace(/[\s|｜·•,，-]+$/u, '');
  if (names.length < 2 || names.length > BYLINE_MAX) return null;
  return nameOnly(names);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Where a date starts in a byline line ("Jane Doe | Nov. 19, 2019", "Jane Doe 2019-11-19"). */
const DATE_START = /\b(?:\d{4}[-/.年]\d{1,2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}|updated|published|posted)/i;
/** Year, month, day in figures (ISO, slashes, dots, 年月日), an optional time and offset. */
const NUMERIC_DATE =
  /(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?(?:(?:T|\s*)(\d{1,2})[:：时](\d{2})(?:[:：分](\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2}(?!\d))?)?/;
/** "November 19, 2019", "Nov. 19 2019", "19 November 2019", "Tue, 19 Nov 2019". */
const NAMED_DATE =
  /\b(?:(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})|(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(\d{4}))\b/i;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The first date in `text` as ISO 8601: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` with the offset
 * when the text gives one (`Z` or `±HH:MM`); null when the text holds no valid date.
 */
export function isoDate(text: string): string | null {
  const numeric = NUMERIC_DATE.exec(text);
  if (numeric !== null) {
    const [, y, m, d, hh, mm, ss, zone] = numeric;
    const date = validDate(Number(y), Number(m), Number(d));
    if (date !== null) {
      if (hh === undefined || mm === undefined || Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59) return date;
      const offset = zone === undefined ? '' : zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
      return `${date}T${pad(Number(hh))}:${mm}:${ss ?? '00'}${offset}`;
    }
  }
  const named = NAMED_DATE.exec(text);
  if (named !== null) {
    const month = MONTHS.indexOf((named[1] ?? named[5] ?? '').toLowerCase()) + 1;
    return validDate(Number(named[3] ?? named[6]), month, Number(named[2] ?? named[4]));
  }
  return null;
}

function validDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day > days ? null : `${year}-${pad(month)}-${pad(day)}`;
}
