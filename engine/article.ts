import { chromeLineKind, isLabelLine } from './chrome-lines';
import { isoDate } from './page-meta';
import { pageTitles } from './page-titles';
import { parseScoreText } from './scores';
import { runSteps, STEP, type Steps } from './steps';
import { foldSpace, isBlockTag, isHidden, isWhiteSpace, tagOf, visibleText } from './text';
import { HAN, latinLength } from './writing-systems';

export type ArticleRole = 'title' | 'label' | 'heading' | 'paragraph' | 'quote' | 'list-item';

export interface ArticleBlock {
  el: Element;
  role: ArticleRole;
  /** Folded visible text of the element. */
  text: string;
  /** True for the article body; false for the title and the label lines around it. */
  inArticle: boolean;
  /**
   * Text lying loose in `el` between its blocks (a paragraph's text after a table or a quotation
   * closed it, text run straight into a cell), with no element of its own: the reader shows it,
   * but `el` holds more than this text, so nothing may be written to it on the page.
   */
  loose?: true;
}

export interface ExtractedArticle {
  title: Element | null;
  /** The element holding the article body, or null when the page holds no article. */
  root: Element | null;
  /** Title, labels and article blocks in document order. */
  blocks: ArticleBlock[];
  /** The first dateline printed in the article's container, left out of its blocks (page-meta.ts reads it). */
  dateline: string | null;
  /** The page's own titles (page-titles.ts), read once to find the headline. */
  titles: string[];
}

/** Text of form controls is UI, not content. */
const CONTROL_TAGS = new Set(['button', 'select', 'textarea', 'input', 'option', 'datalist', 'output', 'label']);
/** Site chrome by element type: never part of the article body. */
const CHROME_TAGS = new Set(['nav', 'aside', 'footer']);
/** Chrome by ARIA role. */
const CHROME_ROLES = new Set([
  'navigation',
  'complementary',
  'contentinfo',
  'banner',
  'search',
  'menu',
  'menubar',
  'dialog',
  'alert',
  'alertdialog',
]);
/**
 * Class/id words (after Readability's unlikely and negative lists) of chrome regions around an
 * article: sidebars, lists of other stories, menus. Pages also put these words on the wrapper of
 * the whole story ("js-social-anchor-start", "two-col-sidebar"), so a match holding most of the
 * page's prose is a layout wrapper, not chrome. An infobox (MediaWiki's facts table beside the story)
 * is chrome too: its labels and values are not the story's text.
 */
const REGION_CHROME_CLASS =
  /sidebar|related|footer|menu|breadcrumb|recommend|trending|popular|outbrain|taboola|masthead|infobox|(?:^|[\s_-])(?:nav\w*|topbar)(?:[\s_-]|$)/i;
/**
 * Class/id words of small chrome inside an article (share bars, tag lists, meta lines, ads).
 * Ids made from headings ("sharing-with-a-single-developer") hit these too, so a match only
 * counts on an element holding next to no prose.
 */
const SMALL_CHROME_CLASS =
  /share|sharing|social|byline|meta|tags|tagcloud|keyword|widget|promo|sponsor|newsletter|subscribe|copyright|pagination|pager|toolbar|signup|cookie|gdpr|popup|modal|banner|(?:^|[\s_-])(?:ads?|advert\w*|hidden|print)(?:[\s_-]|$)/i;
/** Comments stay chrome whatever they hold. */
const ALWAYS_CHROME_CLASS = /(?:^|[\s_-])(?:comments?|commentlist|disqus\w*|respond|replies|reply)(?:[\s_-]|$)/i;
/** Chrome that also rules out label lines (site navigation and lists of other stories, not share bars or meta lines). */
const FAR_CHROME_CLASS = /comment|disqus|sidebar|related|recommend|trending|popular|menu|breadcrumb|outbrain|taboola|(?:^|[\s_-])nav\w*(?:[\s_-]|$)/i;

/** Readability's class weights: content-like names raise a container's score, chrome-like ones lower it. */
const POSITIVE_CLASS = /article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story/i;
const NEGATIVE_CLASS =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget/i;

/** Shortest paragraph (non-space characters) that counts as prose when scoring containers. */
const MIN_PARAGRAPH = 25;
/** Longest line (non-space characters) that can be a label near the title. */
const MAX_LABEL = 60;
/**
 * A short block in the article's footer or another chrome box beside it is kept (as a label) when
 * it names AI: the disclaimer of an AI page often sits in the article's <footer>. disclosures.ts
 * decides whether it discloses anything; this test only keeps the candidates, without loading its
 * vocabulary into the content script.
 */
const MAX_NOTICE = 300;
const NAMES_AI =
  /(?<![\p{L}\p{N}])(?:AI|A\.I\.|KI|IA|AIGC|GPT|LLM|ИИ)(?![\p{L}\p{N}])|人工智[能慧]|人工知能|인공지능|artificial intelligence|intelligence artificielle|inteligencia artificial|künstliche[rn]? intelligenz|intelligenza artificiale|inteligência artificial|искусственн\S* интеллект|нейросет|الذكاء الاصطناعي/iu;
/** A block with more of its text in links than this is navigation, not prose. */
const MAX_LINK_DENSITY = 0.5;
/** Text outside links (non-space characters) that makes a block prose however many links it carries: more than a line. */
const MIN_UNLINKED_PROSE = 80;
/** Largest share of the page's prose that an element named like chrome may hold and still be chrome. */
const MAX_CHROME_PROSE_SHARE = 0.3;
/** How many times the winner's prose a run of paragraphs elsewhere must hold to be the story instead. */
const MAIN_OVER_TOP = 3;
/** Most prose (non-space characters) that a share bar, tag list or meta line may hold. */
const MAX_SMALL_CHROME_PROSE = 200;
/** Most text outside links (non-space characters) such a box may hold. */
const MAX_SMALL_CHROME_TEXT = 600;

const FLAG_BLOCK = 1;
const FLAG_QUOTE = 2;
const FLAG_CHROME = 4;
const FLAG_FAR_CHROME = 8;
const FLAG_LINK = 16;
/** Class-name evidence only, confirmed once the amount of prose inside is known. */
const WEAK_REGION = 1;
const WEAK_SMALL = 2;
const WEAK_FAR_CHROME = 4;

/** Per-element facts gathered in one walk, indexed by pre-order position. */
interface Walk {
  els: Element[];
  parent: number[];
  /** One past the last descendant's index. */
  end: number[];
  /** Non-space characters of visible text in the subtree. */
  text: number[];
  /** Of which inside links. */
  link: number[];
  /** Characters whose nearest block-level ancestor is this element. */
  own: number[];
  commas: number[];
  flags: number[];
  /** Elements whose class names alone suggest chrome, with their WEAK_* bits. */
  weak: { i: number; bits: number }[];
}

/** , ， 、 ، ﹐ ﹑ */
const isComma = (c: number) => c === 0x2c || c === 0xff0c || c === 0x3001 || c === 0x60c || c === 0xfe50 || c === 0xfe51;

/** Characters of a text node other than white space, and its commas, in one pass without regexes. */
function countText(data: string): { chars: number; commas: number } {
  let chars = 0;
  let commas = 0;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (isWhiteSpace(c)) continue;
    chars++;
    if (isComma(c)) commas++;
  }
  return { chars, commas };
}

function classId(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
}

function isEditable(el: Element): boolean {
  const v = el.getAttribute('contenteditable');
  return v !== null && v.toLowerCase() !== 'false';
}

function enterFlags(el: Element, tag: string, parentFlags: number): { flags: number; weak: number } {
  let flags = parentFlags & FLAG_QUOTE;
  if (isBlockTag(tag)) flags |= FLAG_BLOCK;
  if (tag === 'blockquote') flags |= FLAG_QUOTE;
  if (tag === 'a') flags |= FLAG_LINK;
  if (tag === 'body' || tag === 'html') return { flags, weak: 0 };
  let weak = 0;
  if (CHROME_TAGS.has(tag)) flags |= FLAG_CHROME | FLAG_FAR_CHROME;
  // A form's help text and legends are UI, never the article (and never to be touched); a form
  // wrapping the whole page (ASP.NET) holds most of its prose, so like a region it stays content.
  if (tag === 'form') weak |= WEAK_REGION | WEAK_FAR_CHROME;
  // hasAttributes, not attributes.length: DOM shims (linkedom) build an attribute map for the latter.
  if (el.hasAttributes()) {
    const role = el.getAttribute('role');
    if (role !== null && CHROME_ROLES.has(role.toLowerCase())) flags |= FLAG_CHROME | FLAG_FAR_CHROME;
    const names = classId(el);
    if (names.length > 1) {
      if (ALWAYS_CHROME_CLASS.test(names)) flags |= FLAG_CHROME;
      else if (REGION_CHROME_CLASS.test(names)) weak |= WEAK_REGION;
      else if (SMALL_CHROME_CLASS.test(names)) weak |= WEAK_SMALL;
      if (FAR_CHROME_CLASS.test(names)) weak |= WEAK_FAR_CHROME;
    }
  }
  return { flags, weak };
}

/** One iterative pre-order walk over the visible elements under `start`, collecting text statistics. */
function* walk(start: Element): Steps<Walk> {
  const w: Walk = { els: [], parent: [], end: [], text: [], link: [], own: [], commas: [], flags: [], weak: [] };
  const open: number[] = [];
  const owners: number[] = [];
  let linkDepth = 0;

  const enter = (el: Element, tag: string): number => {
    const i = w.els.length;
    const p = open.length > 0 ? (open[open.length - 1] as number) : -1;
    const { flags, weak } = enterFlags(el, tag, p >= 0 ? (w.flags[p] as number) : 0);
    w.els.push(el);
    w.parent.push(p);
    w.end.push(i + 1);
    w.text.push(0);
    w.link.push(0);
    w.own.push(0);
    w.commas.push(0);
    w.flags.push(flags);
    if (weak !== 0) w.weak.push({ i, bits: weak });
    open.push(i);
    if (flags & FLAG_BLOCK || owners.length === 0) owners.push(i);
    if (flags & FLAG_LINK) linkDepth++;
    return i;
  };
  const exit = (): void => {
    // A page that moved nodes between two slices can lead the climb above where it went down.
    if (open.length === 0) return;
    const i = open.pop() as number;
    w.end[i] = w.els.length;
    const flags = w.flags[i] as number;
    if (owners[owners.length - 1] === i) owners.pop();
    if (flags & FLAG_LINK) linkDepth--;
    const p = w.parent[i] as number;
    if (p >= 0) {
      w.text[p] = (w.text[p] as number) + (w.text[i] as number);
      w.link[p] = (w.link[p] as number) + (w.link[i] as number);
    }
  };

  enter(start, tagOf(start));
  let node: Node | null = start.firstChild;
  let count = 0;
  while (node !== null) {
    if (++count % STEP === 0) yield;
    let descended = false;
    if (node.nodeType === 3 || node.nodeType === 4) {
      const { chars, commas } = countText((node as CharacterData).data);
      if (chars > 0) {
        const cur = open[open.length - 1] as number;
        const owner = owners[owners.length - 1] as number;
        w.text[cur] = (w.text[cur] as number) + chars;
        if (linkDepth > 0) w.link[cur] = (w.link[cur] as number) + chars;
        w.own[owner] = (w.own[owner] as number) + chars;
        w.commas[owner] = (w.commas[owner] as number) + commas;
      }
    } else if (node.nodeType === 1) {
      const el = node as Element;
      const tag = tagOf(el);
      if (!isHidden(el) && !CONTROL_TAGS.has(tag) && !isEditable(el)) {
        enter(el, tag);
        if (el.firstChild !== null) {
          node = el.firstChild;
          descended = true;
        } else {
          exit();
        }
      }
    }
    if (descended) continue;
    while (node !== null) {
      if (node.nextSibling !== null) {
        node = node.nextSibling;
        break;
      }
      node = node.parentNode;
      if (node === start || node === null) {
        node = null;
        break;
      }
      exit();
    }
  }
  while (open.length > 0) exit();
  return w;
}

/**
 * A block that reads as prose: a paragraph's length, mostly outside links, or with more than a
 * line of its own words however many links it carries (a blog post linking every name). The same
 * rule decides which blocks the story keeps (linkHeavy).
 */
function isProse(w: Walk, b: number): boolean {
  const len = w.text[b] as number;
  const link = w.link[b] as number;
  return len >= MIN_PARAGRAPH && (link <= len * MAX_LINK_DENSITY || len - link >= MIN_UNLINKED_PROSE);
}

/** Confirms chrome suggested by class names alone, from the prose each candidate holds. */
function confirmChrome(w: Walk, blocks: number[]): void {
  const prose = new Float64Array(w.els.length);
  for (const b of blocks) {
    const len = w.text[b] as number;
    if (isProse(w, b)) prose[b] = len;
  }
  for (let i = w.els.length - 1; i > 0; i--) {
    const p = w.parent[i] as number;
    if (p >= 0) prose[p] = (prose[p] as number) + (prose[i] as number);
  }
  const total = prose[0] as number;
  // The story's paragraphs are never a sidebar or a share bar, whatever the class names around
  // them say ("content-with-sidebar-wrp", "field-label-hidden").
  const main = mainProse(w, blocks, prose).at;
  for (const { i, bits } of w.weak) {
    if (main >= 0 && within(w, i, main)) continue;
    const minor = (prose[i] as number) <= total * MAX_CHROME_PROSE_SHARE;
    let flags = w.flags[i] as number;
    // Prose can hide behind links (a paragraph carrying name pop-ups counts as links): a box with
    // much text outside links is not a share bar or meta line, whatever its class says ("field-label-hidden").
    const small = (prose[i] as number) < MAX_SMALL_CHROME_PROSE && (w.text[i] as number) - (w.link[i] as number) < MAX_SMALL_CHROME_TEXT;
    if ((bits & WEAK_REGION && minor) || (bits & WEAK_SMALL && small)) flags |= FLAG_CHROME;
    if (bits & WEAK_FAR_CHROME && minor) flags |= FLAG_FAR_CHROME;
    w.flags[i] = flags;
  }
}

/**
 * The container holding the most prose paragraphs side by side (as its own children), and how
 * much: where a page's story sits, read from the text alone. `prose` is the prose length of each
 * block (0 for one that is not prose).
 */
function mainProse(w: Walk, blocks: number[], prose: Float64Array): { at: number; length: number } {
  const direct = new Float64Array(w.els.length);
  let at = -1;
  for (const b of blocks) {
    const p = w.parent[b] as number;
    if (p < 0 || (prose[b] as number) === 0) continue;
    direct[p] = (direct[p] as number) + (prose[b] as number);
    if (at < 0 || (direct[p] as number) > (direct[at] as number)) at = p;
  }
  return { at, length: at >= 0 ? (direct[at] as number) : 0 };
}

/** Index of the nearest ancestor-or-self carrying `flag`, for every element, or -1. */
function nearestWith(w: Walk, flag: number): Int32Array {
  const out = new Int32Array(w.els.length);
  for (let i = 0; i < w.els.length; i++) {
    const p = w.parent[i] as number;
    out[i] = (w.flags[i] as number) & flag ? i : p >= 0 ? (out[p] as number) : -1;
  }
  return out;
}

function within(w: Walk, ancestor: number, i: number): boolean {
  return i >= ancestor && i < (w.end[ancestor] as number);
}

/** Elements that hold a whole document: their text is the document's, never one paragraph. */
const DOCUMENT_TAGS = new Set(['body', 'article', 'main']);

/** Text between headings written straight into a document (a rendered README with no <p>) is its sections' prose. */
function holdsHeading(el: Element): boolean {
  for (let c = el.firstElementChild; c !== null; c = c.nextElementSibling) if (/^h[1-6]$/.test(tagOf(c))) return true;
  return false;
}

/**
 * Blocks: the innermost block-level elements holding text directly. A block that also contains
 * block-level children is kept whole when its own text outweighs theirs; otherwise its children
 * stand and its stray text is dropped, so no block ever contains another.
 */
function textBlocks(w: Walk, skipFrom: number, skipTo: number): number[] {
  const blocks: number[] = [];
  let suppressUntil = -1;
  for (let i = 0; i < w.els.length; i++) {
    if (i < suppressUntil) continue;
    if (i >= skipFrom && i < skipTo) continue;
    const own = w.own[i] as number;
    if (own === 0 || !((w.flags[i] as number) & FLAG_BLOCK)) continue;
    const nested = (w.text[i] as number) - own;
    if (nested > own || (nested > 0 && DOCUMENT_TAGS.has(tagOf(w.els[i] as Element)) && holdsHeading(w.els[i] as Element))) continue;
    blocks.push(i);
    suppressUntil = w.end[i] as number;
  }
  return blocks;
}

/** Least share of a heading (Latin-equivalent length) that the page's title must be to name it. */
const TITLE_SHARE = 1 / 3;

function matchesTitle(text: string, titles: string[]): number {
  const t = text.toLowerCase();
  if (t.length === 0) return 0;
  let best = 0;
  for (const m of titles) {
    if (t === m) return 3;
    if (!(t.includes(m) || m.includes(t))) continue;
    // In Latin-equivalent length, so that a Chinese title says as much as its English: the page's
    // title in one language is about half of a heading that writes it in two.
    const [a, b] = [latinLength(t), latinLength(m)];
    if (Math.min(t.length, m.length) >= 10 && Math.min(a, b) / Math.max(a, b) >= TITLE_SHARE) best = 2;
  }
  return best;
}

/** Class or id naming a headline ("news-title", "detail-title", "headline"); not "subtitle". */
const TITLE_CLASS = /(?:^|[\s_-])(?:title|headline)(?:$|[\s_-])/i;

/** A block named as the headline: pages that print it in a div rather than a heading. */
function titleNamed(el: Element): boolean {
  return el.hasAttributes() && TITLE_CLASS.test(classId(el)) && isBlockTag(tagOf(el));
}

/**
 * The headline: the h1 (or h2/h3, or a block named as a title) best matching the page's meta
 * titles, outside site chrome.
 */
function findTitle(pageTitles: readonly string[], w: Walk, farChrome: Int32Array): number {
  const titles = pageTitles.map((t) => t.toLowerCase());
  let best = -1;
  let bestScore = -Infinity;
  let seen = 0;
  for (let i = 0; i < w.els.length && seen < 200; i++) {
    const el = w.els[i] as Element;
    const tag = tagOf(el);
    const level = tag === 'h1' ? 1 : tag === 'h2' || titleNamed(el) ? 2 : tag === 'h3' ? 3 : 0;
    if (level === 0 || (w.text[i] as number) === 0) continue;
    seen++;
    const match = matchesTitle(visibleText(w.els[i] as Element), titles);
    if (level > 1 && match === 0) continue;
    let score = match * 2 - level;
    if ((farChrome[i] as number) >= 0) score -= 4;
    if ((w.link[i] as number) > (w.text[i] as number) / 2) score -= 1;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return best;
}

/** Readability's content score of every container, from the prose paragraphs inside it. */
function scoreContainers(w: Walk, blocks: number[], chrome: Int32Array, listItems = false): Float64Array {
  const score = new Float64Array(w.els.length).fill(Number.NaN);
  for (const b of blocks) {
    if ((chrome[b] as number) >= 0) continue;
    const len = w.text[b] as number;
    if (len < MIN_PARAGRAPH) continue;
    const tag = tagOf(w.els[b] as Element);
    if (/^h[1-6]$/.test(tag)) continue;
    const points = 1 + (w.commas[b] as number) + Math.min(Math.floor(len / 100), 3);
    if (tag === 'li' && !listItems) continue;
    // Readability wraps the loose text of a container that also holds blocks in paragraphs of
    // its own, so such a container scores itself; a plain text holder scores its parent.
    let a = (w.text[b] as number) > (w.own[b] as number) ? b : (w.parent[b] as number);
    for (let level = 0; level < 5 && a >= 0; level++) {
      const el = w.els[a] as Element;
      const atag = tagOf(el);
      if (atag === 'html') break;
      if (Number.isNaN(score[a] as number)) score[a] = initialScore(el, atag);
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      score[a] = (score[a] as number) + points / divider;
      a = w.parent[a] as number;
    }
  }
  return score;
}

function initialScore(el: Element, tag: string): number {
  let s = 0;
  if (tag === 'div') s += 5;
  else if (tag === 'pre' || tag === 'td' || tag === 'blockquote') s += 3;
  else if (['address', 'ol', 'ul', 'dl', 'dd', 'dt', 'li', 'form'].includes(tag)) s -= 3;
  else if (/^h[1-6]$/.test(tag) || tag === 'th') s -= 5;
  for (const name of [el.getAttribute('class'), el.getAttribute('id')]) {
    if (!name) continue;
    if (NEGATIVE_CLASS.test(name)) s -= 25;
    if (POSITIVE_CLASS.test(name)) s += 25;
  }
  return s;
}

/** Prose paragraph text under each element, outside chrome: what the article is made of. */
function proseBelow(w: Walk, blocks: number[], chrome: Int32Array): Float64Array {
  const acc = new Float64Array(w.els.length);
  for (const b of blocks) {
    const len = w.text[b] as number;
    if ((chrome[b] as number) < 0 && isProse(w, b)) acc[b] = len;
  }
  for (let i = w.els.length - 1; i > 0; i--) {
    const p = w.parent[i] as number;
    if (p >= 0) acc[p] = (acc[p] as number) + (acc[i] as number);
  }
  return acc;
}

function chromeBelow(w: Walk): Float64Array {
  const acc = new Float64Array(w.els.length);
  for (let i = w.els.length - 1; i >= 0; i--) {
    if ((w.flags[i] as number) & FLAG_CHROME) acc[i] = w.text[i] as number;
    const p = w.parent[i] as number;
    if (i > 0 && p >= 0) acc[p] = (acc[p] as number) + (acc[i] as number);
  }
  return acc;
}

/**
 * The article root: Readability's best-scoring container, widened to its ancestors while what
 * each ancestor adds is mostly prose (sibling sections, the summary, the title) or a little
 * non-chrome text (a byline), and never chrome-heavy (sidebars, comments, footers).
 */
function findRoot(w: Walk, blocks: number[], chrome: Int32Array): number {
  return rootBy(w, blocks, chrome, scoreContainers(w, blocks, chrome)) ??
    // A page made only of a list (a headline archive, a digest of items) has its story in list items.
    rootBy(w, blocks, chrome, scoreContainers(w, blocks, chrome, true)) ??
    -1;
}

function rootBy(w: Walk, blocks: number[], chrome: Int32Array, score: Float64Array): number | null {
  let top = -1;
  let topScore = -Infinity;
  for (let i = 0; i < w.els.length; i++) {
    const s = score[i] as number;
    if (Number.isNaN(s)) continue;
    const text = w.text[i] as number;
    const final = s * (1 - (text > 0 ? (w.link[i] as number) / text : 0));
    if (final > topScore) {
      topScore = final;
      top = i;
    }
  }
  if (top < 0) return null;
  const prose = proseBelow(w, blocks, chrome);
  // Class names weigh as much as a few paragraphs in Readability's score, so a byline box named
  // "content" can outscore the story when its paragraphs carry links (name pop-ups). The run of
  // paragraphs several times the winner's prose is the story.
  const own = new Float64Array(w.els.length);
  for (const b of blocks) if ((chrome[b] as number) < 0) own[b] = (prose[b] as number);
  const main = mainProse(w, blocks, own);
  if (main.at >= 0 && !within(w, top, main.at) && main.length > (prose[top] as number) * MAIN_OVER_TOP) top = main.at;
  const chromeText = chromeBelow(w);
  let root = top;
  for (;;) {
    const p = w.parent[root] as number;
    if (p < 0) break;
    const ptag = tagOf(w.els[p] as Element);
    if (ptag === 'html' || (w.flags[p] as number) & FLAG_CHROME) break;
    const addText = (w.text[p] as number) - (w.text[root] as number);
    const addProse = (prose[p] as number) - (prose[root] as number);
    const addChrome = (chromeText[p] as number) - (chromeText[root] as number);
    const addLink = (w.link[p] as number) - (w.link[root] as number);
    const wrapper = addText === 0;
    const mostlyProse = addProse >= addText * 0.6 && addChrome <= addText * 0.2;
    const smallAside = addChrome === 0 && addLink <= addText * 0.5 && addText <= (w.text[root] as number) * 0.1;
    if (!(wrapper || mostlyProse || smallAside)) break;
    // A document written straight into <body> (a rendered README) has the body as its container:
    // it may be the root when what it adds is the story's prose, never for a byline or a wrapper.
    if (ptag === 'body' && !mostlyProse) break;
    root = p;
  }
  return root;
}

/** A line that is only a web address or a host name ("http://house.sina.com.cn", "BUSINESS.SOHU.COM"). */
const ADDRESS_ONLY = /^(?:(?:https?|ftp):\/\/\S+|(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}(?:\/\S*)?)$/i;
/** Sentence-final punctuation: a line ending in it is a sentence, not a dateline. */
const SENTENCE_END = /[.!?。！？…]["'”’」』)）]*$/u;
const CLOCK_TIME = /(?<!\d)\d{1,2}[:：]\d{2}(?!\d)/;
/** Letters a dateline may hold besides its date: a place, a source, a byline. */
const MAX_DATELINE_LETTERS = 40;
/** A Chinese clause break: a line holding one goes on as a sentence (a hard-wrapped paragraph). */
const CLAUSE_COMMA = /[，；]/;

/**
 * A dateline: a short line giving the date or time of the story, perhaps with a place, a source or
 * a byline ("BUSINESS.SOHU.COM 2005年3月11日12:12 来源：[ 人民网 ]", "By J. Doe - 11/18/19 11:04 PM EST").
 * Not the story's text, though it often sits inside the story's container.
 */
function isDateline(text: string): boolean {
  if (text.length > MAX_LABEL * 2 || SENTENCE_END.test(text)) return false;
  if (isoDate(text) === null && !CLOCK_TIME.test(text)) return false;
  if (CLAUSE_COMMA.test(text)) return false;
  const letters = text.replace(/[\d\s\p{P}\p{S}年月日时分秒]/gu, '');
  return letters.length <= MAX_DATELINE_LETTERS;
}

/**
 * An editor's credit closing a Chinese news story ("（ 责任编辑：魏喆 ）", "编辑：王芳"): the site's
 * production note, printed under every story, not the story's text.
 */
const EDITOR_CREDIT = /^[（(【[]?\s*(?:责任编辑|责编|编辑|編輯|責任編輯)\s*[:：]\s*[\p{L}·・ ]{1,16}\s*[）)】\]]?$/u;
/**
 * A Chinese story's reporter line, names only ("本报记者 王燕平 方云凤", "新华网黑龙江频道 记者 伊琳 李清芬",
 * "新京报记者 彭冲 山东冠县报道"): the byline, printed over every story; the lede that opens with it
 * ("本报讯（记者 樊亮）13岁，…") is prose and stays.
 */
const REPORTER_CREDIT = new RegExp(
  `^[（(【[]?\\s*(?:${HAN}{0,12}\\s*)?(?:记者|記者|实习生|實習生|通讯员|通訊員|特约撰稿人?|摄影|攝影)(?:\\s+[${HAN}·・]{2,4}){1,6}(?:\\s+${HAN}{2,10}报道)?\\s*[）)】\\]]?$`,
  'u',
);

/** Shortest paragraph (non-space characters) beside the article's container that joins the story. */
const MIN_BESIDE = 80;
/** Most of such a paragraph's text that may be in links. */
const MAX_BESIDE_LINKS = 0.25;

/**
 * Paragraphs standing beside the article's container, as its siblings: the summary or lede that
 * pages print in a box of its own between the headline and the body. Readability's rule: a
 * sibling that is one paragraph of prose (over 80 characters, under a quarter in links) joins the
 * story; a box holding several blocks does not. A box above the story holding one paragraph and
 * nothing else (`<div class="summary"><p>…</p></div>`) is that paragraph, as Readability reads it.
 */
function paragraphsBeside(w: Walk, blocks: number[], root: number, chrome: Int32Array): Set<number> {
  const out = new Set<number>();
  const parent = w.parent[root] as number;
  if (parent < 0) return out;
  const ptag = tagOf(w.els[parent] as Element);
  if (ptag === 'body' || ptag === 'html') return out;
  const isBlock = new Set(blocks);
  for (let c = parent + 1; c < (w.end[parent] as number); c = w.end[c] as number) {
    if (c === root) continue;
    // A box is a summary only above the story; one below is a bio, a promotion, a note.
    const b = isBlock.has(c) ? c : c < root ? onlyBlockIn(w, isBlock, c) : -1;
    if (b < 0 || (chrome[b] as number) >= 0) continue;
    const len = w.text[b] as number;
    if (len > MIN_BESIDE && (w.link[b] as number) < len * MAX_BESIDE_LINKS) out.add(b);
  }
  return out;
}

/** The one block inside `box` that holds all of its text, or -1. */
function onlyBlockIn(w: Walk, isBlock: Set<number>, box: number): number {
  for (let i = box + 1; i < (w.end[box] as number); i++) {
    if (isBlock.has(i)) return w.text[i] === w.text[box] ? i : -1;
  }
  return -1;
}

/** Most commas a box of links and names holds: more, and it is written prose (Readability's bound). */
const MAX_LIST_BOX_COMMAS = 10;
/** Share of a box's text in its lists above which the box is a list of the story's. */
const LIST_BOX_SHARE = 0.5;

/**
 * Boxes inside the article's container after the story's last paragraph holding more list items
 * than paragraphs, where the lists are not most of the box's text, and few commas (after
 * Readability's conditional cleaning): a staff list under a support letter, a block of links with
 * a blurb. The story's own lists make most of the box they sit in, and the container of the
 * story's paragraphs is never such a box. Marks them as chrome; true when it marked any.
 */
function markListBoxes(w: Walk, blocks: number[], root: number, chrome: Int32Array): boolean {
  const end = w.end[root] as number;
  const n = end - root;
  const paragraphs = new Int32Array(n);
  const items = new Int32Array(n);
  const commas = new Int32Array(n);
  const listText = new Float64Array(n);
  for (let i = end - 1; i >= root; i--) {
    const k = i - root;
    const tag = tagOf(w.els[i] as Element);
    if (tag === 'p') paragraphs[k] = (paragraphs[k] as number) + 1;
    else if (tag === 'li') items[k] = (items[k] as number) + 1;
    commas[k] = (commas[k] as number) + (w.commas[i] as number);
    if (tag === 'ul' || tag === 'ol') listText[k] = w.text[i] as number;
    const p = w.parent[i] as number;
    if (i > root && p >= root) {
      const q = p - root;
      paragraphs[q] = (paragraphs[q] as number) + (paragraphs[k] as number);
      items[q] = (items[q] as number) + (items[k] as number);
      commas[q] = (commas[q] as number) + (commas[k] as number);
      listText[q] = (listText[q] as number) + (listText[k] as number);
    }
  }
  const prose = new Float64Array(w.els.length);
  for (const b of blocks) if (within(w, root, b) && isProse(w, b)) prose[b] = w.text[b] as number;
  const main = mainProse(w, blocks, prose).at;
  if (main < 0) return false;
  // Only boxes after the story's last paragraph: a box above it or among its paragraphs holds the
  // lede, a summary with its points, or the story's own list with its lead-in.
  let last = -1;
  for (const b of blocks) if (w.parent[b] === main && (prose[b] as number) > 0) last = Math.max(last, b);
  let marked = false;
  for (let i = Math.max(root, last) + 1; i < end; i++) {
    const k = i - root;
    const tag = tagOf(w.els[i] as Element);
    if (!((w.flags[i] as number) & FLAG_BLOCK) || tag === 'ul' || tag === 'ol' || tag === 'li' || (chrome[i] as number) >= 0) continue;
    if (within(w, i, main)) continue;
    if ((items[k] as number) <= (paragraphs[k] as number) || (commas[k] as number) >= MAX_LIST_BOX_COMMAS) continue;
    if ((listText[k] as number) > (w.text[i] as number) * LIST_BOX_SHARE) continue;
    w.flags[i] = (w.flags[i] as number) | FLAG_CHROME;
    marked = true;
    i = (w.end[i] as number) - 1;
  }
  return marked;
}

/** Fewest items of a list of other stories. */
const MIN_TEASERS = 3;
/** Shortest headline (non-space characters) leading a teaser. */
const MIN_TEASER_HEADLINE = 10;
/** How many times its longest item the text outside a teaser list must be for the list to be chrome. */
const BODY_OVER_TEASER = 2;

/**
 * A link inside the item's sentence, with its words on both sides ("Run the <a>script</a> to
 * generate a file"): a step of the story, where a teaser's headline is its link or ends on it.
 */
function linkInSentence(item: Element, link: Element): boolean {
  const text = visibleText(item);
  const linked = visibleText(link);
  const at = text.indexOf(linked);
  return at > 0 && HAS_LETTER.test(text.slice(0, at)) && HAS_LETTER.test(text.slice(at + linked.length));
}

/** True when the first text of `el` is inside a link of at least MIN_TEASER_HEADLINE characters. */
function leadsWithLink(w: Walk, i: number): boolean {
  for (let j = i + 1; j < (w.end[i] as number); j++) {
    if ((w.text[j] as number) === 0) continue;
    if ((w.flags[j] as number) & FLAG_LINK) return (w.link[j] as number) >= MIN_TEASER_HEADLINE && (w.link[i] as number) < (w.text[i] as number) && !linkInSentence(w.els[i] as Element, w.els[j] as Element);
    // The first element holding text is not a link: look inside it only if its own text comes later.
    if ((w.link[j] as number) === 0) return false;
  }
  return false;
}

/**
 * Lists of other stories inside the article's container ("Breaking News", "相关新闻"): lists whose
 * items mostly open with a linked headline followed by a lede or a date. Such a list is chrome only
 * when the container holds a story longer than its items outside it: a page that is only a list
 * of stories keeps it.
 */
function teaserLists(w: Walk, blocks: number[], root: number): Set<number> {
  const items = new Map<number, { all: number; teasers: number; text: number; longest: number }>();
  for (const b of blocks) {
    if (!within(w, root, b) || tagOf(w.els[b] as Element) !== 'li') continue;
    const list = w.parent[b] as number;
    const entry = items.get(list) ?? { all: 0, teasers: 0, text: 0, longest: 0 };
    entry.all++;
    entry.text += w.text[b] as number;
    entry.longest = Math.max(entry.longest, w.text[b] as number);
    if (leadsWithLink(w, b)) entry.teasers++;
    items.set(list, entry);
  }
  const out = new Set<number>();
  const rootText = w.text[root] as number;
  for (const [list, { all, teasers, text, longest }] of items) {
    if (all >= MIN_TEASERS && teasers * 3 >= all * 2 && rootText - text > longest * BODY_OVER_TEASER) out.add(list);
  }
  return out;
}

/**
 * A block whose text opens with its one link, of a headline's length, followed by a sentence of
 * its own: a digest's item (a story's title, then what it says), not a promotion's run of links.
 */
function opensWithHeadline(el: Element): boolean {
  const links = el.querySelectorAll('a');
  const first = links[0];
  if (first === undefined || links.length > 1) return false;
  const headline = visibleText(first);
  const text = visibleText(el);
  return headline.length >= MIN_TEASER_HEADLINE && text.startsWith(headline) && HOLDS_SENTENCE_END.test(text.slice(headline.length));
}

/**
 * Which blocks are mostly links, so navigation rather than the story: a "Read more: …" line, a
 * list of other stories. A paragraph with more than a line of its own words stays whatever its
 * links (pages link names and products, or print a name's pop-up card inside its link), and a
 * list item is judged with its list: a story's list of news items each opening with a linked
 * headline is prose as a whole, a list of links is not.
 */
function linkHeavy(w: Walk, blocks: number[]): (b: number) => boolean {
  const lists = new Map<number, { text: number; link: number }>();
  for (const b of blocks) {
    if (tagOf(w.els[b] as Element) !== 'li') continue;
    const list = w.parent[b] as number;
    const sum = lists.get(list) ?? { text: 0, link: 0 };
    sum.text += w.text[b] as number;
    sum.link += w.link[b] as number;
    lists.set(list, sum);
  }
  return (b) => {
    const text = w.text[b] as number;
    const link = w.link[b] as number;
    if (link <= text * MAX_LINK_DENSITY || text - link >= MIN_UNLINKED_PROSE) return false;
    // A linked headline followed by a sentence of its own (a digest's item: the story's title, then
    // what it says) is an item of the story, where "Read more: …" ends on its link.
    if (text - link >= MIN_PARAGRAPH && opensWithHeadline(w.els[b] as Element)) return false;
    const list = lists.get(w.parent[b] as number);
    if (list !== undefined && tagOf(w.els[b] as Element) === 'li' && contentsList(w.els[w.parent[b] as number] as Element)) return false;
    return list === undefined || tagOf(w.els[b] as Element) !== 'li' || list.link > list.text * MAX_LINK_DENSITY;
  };
}

/** A link into the document itself: one of its sections ("#install") or a file beside it ("en/1_Introduction.md"). */
const INTO_DOCUMENT = /^(?:#|(?![a-z][\w+.-]*:|\/)[^?\s]+$)/i;

/**
 * A document's table of contents: a list right under a heading whose items are each one link into
 * the document. It is the document's text (its parts' names, translated with it), not the site's
 * navigation, which links away to other pages.
 */
function contentsList(list: Element): boolean {
  if (!/^h[1-6]$/.test(tagOf(list.previousElementSibling ?? list))) return false;
  for (let li = list.firstElementChild; li !== null; li = li.nextElementSibling) {
    const links = li.querySelectorAll('a');
    const link = links[0];
    if (links.length !== 1 || link === undefined || !INTO_DOCUMENT.test(link.getAttribute('href') ?? '') || visibleText(link) !== visibleText(li)) return false;
  }
  return true;
}

/** Most levels between a table cell's block and its table (td > tr > tbody > table). */
const CELL_TO_TABLE = 4;

/**
 * A cell of a data table: a block that is (or sits directly in) a td/th of a table holding more
 * than a label's worth of text. Its figures are the story's ("Phoenix | $83 | 28.7%"), never a
 * stat box or a score widget, and a cell holding only a number still reads as part of its row.
 */
function inDataTable(w: Walk, b: number): boolean {
  let cell = b;
  let tag = tagOf(w.els[cell] as Element);
  if (tag !== 'td' && tag !== 'th') {
    cell = w.parent[b] as number;
    if (cell < 0) return false;
    tag = tagOf(w.els[cell] as Element);
    if (tag !== 'td' && tag !== 'th') return false;
  }
  let t = w.parent[cell] as number;
  for (let level = 0; level < CELL_TO_TABLE && t >= 0; level++, t = w.parent[t] as number) {
    if (tagOf(w.els[t] as Element) === 'table') return (w.text[t] as number) > MAX_LABEL;
  }
  return false;
}

const HAS_LETTER = /\p{L}/u;
const HAS_DIGIT = /\d/;

/** Controls that take what a reader types or picks; hidden fields, buttons and the check boxes of a task list carry no label. */
const FIELD_TAGS = 'input, textarea, select';
const NOT_A_FIELD = /^(?:hidden|submit|button|image|reset|checkbox|radio)$/i;

function holdsField(el: Element): boolean {
  for (const field of el.querySelectorAll(FIELD_TAGS)) {
    if (tagOf(field) !== 'input' || !NOT_A_FIELD.test(field.getAttribute('type') ?? '')) return true;
  }
  return false;
}

/**
 * A short line naming a form's field ("姓名", "验证码", "Password:"): it holds the field, or
 * shares its table row with it, or stands right before it. A comment or login form's labels are
 * the page's interface, not the story.
 */
function labelsField(el: Element): boolean {
  if (holdsField(el)) return true;
  const tag = tagOf(el);
  const row = tag === 'td' || tag === 'th' ? el.parentElement : null;
  if (row !== null && holdsField(row)) return true;
  const next = el.nextElementSibling;
  return next !== null && (next.matches(FIELD_TAGS) ? !NOT_A_FIELD.test(next.getAttribute('type') ?? '') : holdsField(next));
}

/** A short line holding a score ("Hot 92", "质量 81"): a site's rating widget rather than the story. */
const readsAsScore = (text: string): boolean => HAS_DIGIT.test(text) && parseScoreText(text).length > 0;

/**
 * A list item reading as a score in a list where at most half the items do: a measure in a recipe's list
 * ("1/2 cup sugar" among the ingredients) is an item of the story, judged with its list as the
 * link rule judges them; a list of scores stays a rating widget.
 */
function listScores(w: Walk, blocks: number[], root: number): { amongItems: (b: number) => boolean } {
  const lists = new Map<number, { items: number; scores: number }>();
  if (root < 0) return { amongItems: () => false };
  for (const b of blocks) {
    if (!within(w, root, b) || tagOf(w.els[b] as Element) !== 'li') continue;
    const list = w.parent[b] as number;
    const entry = lists.get(list) ?? { items: 0, scores: 0 };
    entry.items++;
    if ((w.text[b] as number) <= MAX_LABEL && readsAsScore(visibleText(w.els[b] as Element))) entry.scores++;
    lists.set(list, entry);
  }
  return {
    amongItems: (b) => {
      const entry = tagOf(w.els[b] as Element) === 'li' ? lists.get(w.parent[b] as number) : undefined;
      return entry !== undefined && entry.scores * 2 <= entry.items;
    },
  };
}

/** The container of the story's paragraphs inside the article's container (see mainProse), or -1. */
function storyContainer(w: Walk, blocks: number[], root: number, chrome: Int32Array): number {
  if (root < 0) return -1;
  const prose = new Float64Array(w.els.length);
  for (const b of blocks) if (within(w, root, b) && (chrome[b] as number) < 0 && isProse(w, b)) prose[b] = w.text[b] as number;
  return mainProse(w, blocks, prose).at;
}

const PICTURES = 'img, picture, video';
/** Levels above a block searched for the picture it captions. */
const CAPTION_LEVELS = 3;

/**
 * A caption or credit: a short block in a small box that also shows a picture, with no more text
 * than a caption's (the box of an image, its caption and its credit). The reader shows no
 * pictures, so their captions would stand alone, out of the story's flow. The caller keeps
 * paragraphs (<p>: a post's text set beside its pictures, a reader's review under its photo),
 * headings and list items (a feature's name over its screenshot).
 */
function captionsPicture(w: Walk, b: number, main: number): boolean {
  // A block holding its own pictures is text with inline images (formulas, icons), not a caption.
  if ((w.els[b] as Element).querySelector(PICTURES) !== null) return false;
  let box = w.parent[b] as number;
  for (let level = 0; level < CAPTION_LEVELS && box >= 0 && (w.text[box] as number) <= MAX_CAPTION; level++) {
    // The story's own paragraphs, however short, are never a caption.
    if (main >= 0 && within(w, box, main)) return false;
    for (const picture of (w.els[box] as Element).querySelectorAll(PICTURES)) {
      // A formula's fallback image is hidden from readers: its text stands in the page already.
      if (picture.getAttribute('aria-hidden') !== 'true') return true;
    }
    box = w.parent[box] as number;
  }
  return false;
}

function roleOf(w: Walk, i: number): ArticleRole {
  const tag = tagOf(w.els[i] as Element);
  if (/^h[1-6]$/.test(tag)) return 'heading';
  if (tag === 'li') return 'list-item';
  if ((w.flags[i] as number) & FLAG_QUOTE) return 'quote';
  return 'paragraph';
}

/** Lowest common ancestor of two elements by walk index. */
function commonAncestor(w: Walk, a: number, b: number): number {
  let x = a;
  while (x >= 0 && !within(w, x, b)) x = w.parent[x] as number;
  return x;
}

/**
 * The label lines inside one short block: the block itself when it reads as one line, or its
 * children one by one when it strings several items together (category, time, views, buttons).
 */
function labelElements(el: Element): Element[] {
  let mixed = false;
  let textNodes = false;
  const kids: Element[] = [];
  for (let n = el.firstChild; n !== null; n = n.nextSibling) {
    if (n.nodeType === 3 && /[\p{L}\p{N}]/u.test((n as CharacterData).data)) textNodes = true;
    if (n.nodeType !== 1) continue;
    const child = n as Element;
    if (isHidden(child) || (child.textContent ?? '').trim() === '') continue;
    const tag = tagOf(child);
    if (CONTROL_TAGS.has(tag) || tag === 'time' || child.firstElementChild !== null) mixed = true;
    kids.push(child);
  }
  if (textNodes || !mixed) return [el];
  return kids.filter((k) => {
    const tag = tagOf(k);
    if (CONTROL_TAGS.has(tag) || tag === 'time') return false;
    return HAS_LETTER.test(visibleText(k));
  });
}

/** A sentence's end: text holding one reads as prose, not a label or a run of names. */
const HOLDS_SENTENCE_END = /[。！？…]|[.!?]["'”’)]*(?:\s|$)/u;

interface LooseRun {
  /** Sorts the run among the blocks: just before the element that follows it. */
  at: number;
  /** The elements holding the run's first and last text. */
  container: number;
  last: number;
  text: string;
  chars: number;
  link: number;
  /** An image stands beside the run, with no block between them. */
  media: boolean;
}

/**
 * Runs of text inside the article's container that lie outside every block: a paragraph whose
 * text goes on after a table or a quotation closed it, text written straight into a cell between
 * paragraphs. Readability wraps such runs in paragraphs of their own; a run ends where a
 * block-level element starts or ends. Blocks and chrome are skipped whole, and the walk only
 * starts when the container holds such text.
 */
function* looseRuns(w: Walk, root: number, skip: Uint8Array, chrome: Int32Array): Steps<LooseRun[]> {
  let inBlocks = 0;
  for (let i = root; i < (w.end[root] as number); i = skip[i] ? (w.end[i] as number) : i + 1) {
    if (skip[i]) inBlocks += w.text[i] as number;
  }
  if ((w.text[root] as number) - inBlocks < MIN_PARAGRAPH) return [];
  const index = new Map<Element, number>();
  for (let i = root; i < (w.end[root] as number); i++) index.set(w.els[i] as Element, i);
  const runs: LooseRun[] = [];
  let run: LooseRun | null = null;
  // An image between the same block boundaries as the run: the run may be its caption.
  let media = false;
  const close = (): void => {
    if (run !== null) runs.push({ ...run, text: foldSpace(run.text), media });
    run = null;
    media = false;
  };
  const open: number[] = [root];
  let linkDepth = 0;
  let next = root + 1;
  let node: Node | null = (w.els[root] as Element).firstChild;
  let count = 0;
  while (node !== null) {
    if (++count % STEP === 0) yield;
    let descended = false;
    if (node.nodeType === 3 || node.nodeType === 4) {
      const data = (node as CharacterData).data;
      const { chars } = countText(data);
      if (chars > 0) {
        const holder = open[open.length - 1] as number;
        run ??= { at: next - 0.5, container: holder, last: holder, text: '', chars: 0, link: 0, media: false };
        run.last = holder;
        run.text += data;
        run.chars += chars;
        if (linkDepth > 0) run.link += chars;
      }
    } else if (node.nodeType === 1) {
      const k = index.get(node as Element);
      if (MEDIA_TAGS.has(tagOf(node as Element))) media = true;
      if (k !== undefined) {
        const flags = w.flags[k] as number;
        if (flags & FLAG_BLOCK) close();
        if (skip[k] || (chrome[k] as number) > root) {
          next = w.end[k] as number;
        } else {
          next = k + 1;
          if (tagOf(node as Element) === 'br' && run !== null) run.text += ' ';
          if (node.firstChild !== null) {
            open.push(k);
            if (flags & FLAG_LINK) linkDepth++;
            node = node.firstChild;
            descended = true;
          } else if (flags & FLAG_BLOCK) {
            close();
          }
        }
      }
    }
    if (descended) continue;
    while (node !== null) {
      if (node.nextSibling !== null) {
        node = node.nextSibling;
        break;
      }
      node = node.parentNode;
      const k = open.pop() as number;
      if (k === root || node === null) {
        node = null;
        break;
      }
      next = w.end[k] as number;
      if ((w.flags[k] as number) & FLAG_LINK) linkDepth--;
      if ((w.flags[k] as number) & FLAG_BLOCK) close();
    }
  }
  close();
  return runs;
}

/** Elements showing a picture: text loose beside one, with no block between, is its caption or credit. */
const MEDIA_TAGS = new Set(['img', 'picture', 'video', 'figure']);
/** Longest caption (non-space characters): a longer run beside a picture is the story's prose. */
const MAX_CAPTION = 300;

/**
 * A loose run that reads as the story's prose: a paragraph's length, mostly outside links, holding
 * a sentence, and not the caption of a picture printed inline beside it.
 */
function looseProse(run: LooseRun): boolean {
  if (run.media && run.chars < MAX_CAPTION) return false;
  if (run.chars < MIN_PARAGRAPH || !(run.link <= run.chars * MAX_LINK_DENSITY || run.chars - run.link >= MIN_UNLINKED_PROSE)) return false;
  const text = run.text;
  return HAS_LETTER.test(text) && HOLDS_SENTENCE_END.test(text) && !isDateline(text) && !ADDRESS_ONLY.test(text) && !EDITOR_CREDIT.test(text);
}

/** The nearest block-level element holding a walk index: what a loose run's text lies in. */
function blockAround(w: Walk, i: number): number {
  let b = i;
  while (b >= 0 && !((w.flags[b] as number) & FLAG_BLOCK)) b = w.parent[b] as number;
  return b < 0 ? i : b;
}

/** Longest line (Latin-equivalent characters) read as another story's headline in a box of links. */
const MAX_HEADLINE = 100;

/**
 * The story without the site's lines inside its container (chrome-lines.ts): breadcrumbs, pagers
 * and rights lines go. The heading of a box of other stories goes with the headlines under it (up
 * to the next heading or the first line of prose); the heading of readers' comments goes with
 * everything after it, unless that is more text than the story before it (a comments heading
 * early in a page does not take the story with it). And the story ends on its text, never on a
 * heading or a label that introduces nothing after it.
 */
function* withoutChrome(blocks: ArticleBlock[]): Steps<ArticleBlock[]> {
  const drop = new Uint8Array(blocks.length);
  let story = 0;
  let read = 0;
  for (let k = 0; k < blocks.length; k++) {
    const block = blocks[k] as ArticleBlock;
    if (!block.inArticle) continue;
    read += BLOCK_CHARS + block.text.length;
    if (read >= STEP_CHARS) {
      read = 0;
      yield;
    }
    const kind = chromeLineKind(block.text);
    if (kind === null) {
      story += latinLength(block.text);
      continue;
    }
    drop[k] = 1;
    if (kind === 'related') {
      let j = k + 1;
      for (; j < blocks.length; j++) {
        const next = blocks[j] as ArticleBlock;
        if (!next.inArticle) continue;
        if (next.role === 'heading' || latinLength(next.text, MAX_HEADLINE + 1) > MAX_HEADLINE || SENTENCE_END.test(next.text) || chromeLineKind(next.text) !== null) break;
        drop[j] = 1;
      }
      k = j - 1;
    } else if (kind === 'comments') {
      let rest = 0;
      for (let j = k + 1; j < blocks.length; j++) if ((blocks[j] as ArticleBlock).inArticle) rest += latinLength((blocks[j] as ArticleBlock).text);
      if (rest >= story) continue;
      for (let j = k + 1; j < blocks.length; j++) if ((blocks[j] as ArticleBlock).inArticle) drop[j] = 1;
      break;
    }
  }
  // The story's last text; a page of headings alone keeps them all (never an empty reader).
  let last = blocks.length - 1;
  for (; last >= 0; last--) {
    const block = blocks[last] as ArticleBlock;
    if (block.inArticle && !drop[last] && block.role !== 'heading' && !isLabelLine(block.text)) break;
  }
  if (last >= 0) for (let k = last + 1; k < blocks.length; k++) if ((blocks[k] as ArticleBlock).inArticle) drop[k] = 1;
  return blocks.filter((_, k) => !drop[k]);
}

const EMPTY: ExtractedArticle = { title: null, root: null, blocks: [], dateline: null, titles: [] };

/** Characters of block text read between two yields, with a block counting for a few on its own. */
const STEP_CHARS = 4096;
const BLOCK_CHARS = 64;

/**
 * Finds the article on a page: its title, the short label lines around the title, and the body's
 * headings, paragraphs, quotes and list items in reading order. One walk over the document keeps
 * it linear; it only reads the DOM.
 */
export function extractArticle(doc: Document): ExtractedArticle {
  return runSteps(extractArticleSteps(doc));
}

/** `extractArticle` as a pass that yields every few hundred nodes (see steps.ts). */
export function* extractArticleSteps(doc: Document): Steps<ExtractedArticle> {
  // Some DOMs (linkedom) throw on `body` when the document has no root element.
  if (!doc.documentElement) return EMPTY;
  const start = doc.body ?? doc.documentElement;
  const w = yield* walk(start);
  confirmChrome(w, textBlocks(w, -1, -1));
  let chrome = nearestWith(w, FLAG_CHROME);
  const farChrome = nearestWith(w, FLAG_FAR_CHROME);

  const titles = pageTitles(doc);
  const titleIdx = findTitle(titles, w, farChrome);
  const titleEnd = titleIdx >= 0 ? (w.end[titleIdx] as number) : -1;
  yield;
  const blocks = textBlocks(w, titleIdx, titleEnd);
  const rootIdx = findRoot(w, blocks, chrome);
  if (rootIdx >= 0 && markListBoxes(w, blocks, rootIdx, chrome)) chrome = nearestWith(w, FLAG_CHROME);
  yield;

  // Short stat boxes ("85" over "Hot 热度", "1,234 views"): a bare number marks its small box as metadata.
  const statBoxes = new Set<number>();
  for (const b of blocks) {
    const p = w.parent[b] as number;
    if (p >= 0 && (w.text[p] as number) <= MAX_LABEL && !HAS_LETTER.test(visibleText(w.els[b] as Element))) {
      statBoxes.add(p);
      // A row of numbers under a row of labels (a score table): the table is the box.
      const g = w.parent[p] as number;
      if (g >= 0 && (w.text[g] as number) <= MAX_LABEL) statBoxes.add(g);
    }
  }
  const inStatBox = (b: number): boolean => {
    const p = w.parent[b] as number;
    return statBoxes.has(p) || (p >= 0 && statBoxes.has(w.parent[p] as number));
  };

  const teasers = rootIdx >= 0 ? teaserLists(w, blocks, rootIdx) : new Set<number>();
  const beside = rootIdx >= 0 ? paragraphsBeside(w, blocks, rootIdx, chrome) : new Set<number>();
  const linkedAway = linkHeavy(w, blocks);
  const scores = listScores(w, blocks, rootIdx);
  const storyAt = storyContainer(w, blocks, rootIdx, chrome);

  let region = -1;
  if (titleIdx >= 0) {
    region = rootIdx >= 0 ? commonAncestor(w, titleIdx, rootIdx) : (w.parent[titleIdx] as number);
    if (region === rootIdx && rootIdx >= 0) region = w.parent[rootIdx] as number;
  }
  const regionTag = region >= 0 ? tagOf(w.els[region] as Element) : '';
  const regionIsPage = regionTag === 'body' || regionTag === 'html';

  const out: { i: number; block: ArticleBlock }[] = [];
  if (titleIdx >= 0) {
    const el = w.els[titleIdx] as Element;
    out.push({ i: titleIdx, block: { el, role: 'title', text: visibleText(el), inArticle: false } });
  }
  let firstBody = Number.POSITIVE_INFINITY;
  let firstDateline: string | null = null;
  const labelCandidates: number[] = [];
  let read = 0;
  for (const b of blocks) {
    const el = w.els[b] as Element;
    const len = w.text[b] as number;
    read += BLOCK_CHARS + len;
    if (read >= STEP_CHARS) {
      read = 0;
      yield;
    }
    const inRoot = (rootIdx >= 0 && within(w, rootIdx, b) && (chrome[b] as number) <= rootIdx) || beside.has(b);
    const text = inRoot || len <= MAX_LABEL ? visibleText(el) : '';
    const dateline = inRoot && isDateline(text);
    if (dateline) firstDateline ??= text;
    const cell = inRoot && inDataTable(w, b);
    const isBody =
      inRoot &&
      text.length > 0 &&
      (HAS_LETTER.test(text) || (cell && HAS_DIGIT.test(text))) &&
      !linkedAway(b) &&
      (cell || !inStatBox(b)) &&
      !teasers.has(w.parent[b] as number) &&
      // A quoted post's date line ("— Name (@name) November 18, 2019") is part of the quotation.
      !(dateline && !((w.flags[b] as number) & FLAG_QUOTE)) &&
      !ADDRESS_ONLY.test(text) &&
      !EDITOR_CREDIT.test(text) &&
      !REPORTER_CREDIT.test(text) &&
      !(len <= MAX_LABEL && labelsField(el)) &&
      !(!cell && len <= MAX_CAPTION && tagOf(el) !== 'p' && roleOf(w, b) === 'paragraph' && captionsPicture(w, b, storyAt)) &&
      // A heading numbering the story's parts ("Meal 1", "Step 2") is structure, never a score widget.
      !(len <= MAX_LABEL && !cell && roleOf(w, b) !== 'heading' && readsAsScore(text) && !scores.amongItems(b));
    if (isBody) {
      out.push({ i: b, block: { el, role: roleOf(w, b), text, inArticle: true } });
      if (b < firstBody) firstBody = b;
    } else if (len <= MAX_LABEL && region >= 0 && within(w, region, b) && (farChrome[b] as number) <= region) {
      labelCandidates.push(b);
    } else if (len <= MAX_NOTICE && region >= 0 && within(w, region, b) && b > titleIdx) {
      const notice = text || visibleText(el);
      if (NAMES_AI.test(notice)) out.push({ i: b, block: { el, role: 'label', text: notice, inArticle: false } });
    }
  }
  if (rootIdx >= 0) {
    const skip = new Uint8Array(w.els.length);
    for (const b of blocks) skip[b] = 1;
    if (titleIdx >= 0) skip[titleIdx] = 1;
    for (const run of yield* looseRuns(w, rootIdx, skip, chrome)) {
      if (!looseProse(run)) continue;
      const role = (w.flags[run.container] as number) & FLAG_QUOTE ? 'quote' : 'paragraph';
      // A run that is all the text of one inline element (<small>, <font>) has an element after all.
      const own = commonAncestor(w, run.container, run.last);
      if ((w.text[own] as number) === run.chars && !((w.flags[own] as number) & FLAG_BLOCK)) {
        out.push({ i: run.at, block: { el: w.els[own] as Element, role, text: run.text, inArticle: true } });
      } else {
        out.push({ i: run.at, block: { el: w.els[blockAround(w, run.container)] as Element, role, text: run.text, inArticle: true, loose: true } });
      }
      if (run.at < firstBody) firstBody = run.at;
    }
  }
  for (const b of labelCandidates) {
    if (regionIsPage && (b < titleIdx || b > firstBody)) continue;
    read += BLOCK_CHARS + (w.text[b] as number);
    if (read >= STEP_CHARS) {
      read = 0;
      yield;
    }
    for (const el of labelElements(w.els[b] as Element)) {
      const text = visibleText(el);
      if (text.length === 0 || !HAS_LETTER.test(text)) continue;
      out.push({ i: b, block: { el, role: 'label', text, inArticle: false } });
    }
  }
  out.sort((x, y) => x.i - y.i);
  return {
    title: titleIdx >= 0 ? (w.els[titleIdx] as Element) : null,
    root: rootIdx >= 0 ? (w.els[rootIdx] as Element) : null,
    blocks: yield* withoutChrome(out.map((o) => o.block)),
    dateline: firstDateline,
    titles,
  };
}
