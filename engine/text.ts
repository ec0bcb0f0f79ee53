/** White space as a regular expression's \s and String.prototype.trim read it. */
export function isWhiteSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  if (c > 0x3000) return c === 0xfeff;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/**
 * Folds runs of white space (including NBSP and line breaks) to one space and trims. Text that
 * is folded already comes back as it is, without a copy: most of it is, and every block's text
 * passes here.
 */
export function foldSpace(text: string): string {
  const n = text.length;
  let start = 0;
  while (start < n && isWhiteSpace(text.charCodeAt(start))) start++;
  let end = n;
  while (end > start && isWhiteSpace(text.charCodeAt(end - 1))) end--;
  let out = '';
  let copied = start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!isWhiteSpace(c)) continue;
    let j = i + 1;
    while (isWhiteSpace(text.charCodeAt(j))) j++;
    if (c !== 0x20 || j > i + 1) {
      out += `${text.slice(copied, i)} `;
      copied = j;
    }
    i = j - 1;
  }
  if (copied === 0 && end === n) return text;
  return out + text.slice(copied, end);
}

/** Elements whose content never renders as text. */
const NEVER_TEXT = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'head',
  'title',
  'meta',
  'link',
  'iframe',
  'object',
  'embed',
  'canvas',
  'audio',
  'video',
  'picture',
  'img',
]);

/**
 * Elements laid out as blocks by default. Layout is unavailable outside a browser (linkedom,
 * happy-dom), so the default display of the tag stands in for the computed one.
 */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'frameset',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** Lower-case tag name, also for XHTML documents where tagName keeps its case. */
export function tagOf(el: Element): string {
  return el.localName ?? el.tagName.toLowerCase();
}

export function isBlockTag(tag: string): boolean {
  return BLOCK_TAGS.has(tag);
}

/** Marks elements NewsLens adds to a page, so its own UI is never read back as page text. */
export const UI_MARKER = 'data-newslens-ui';

/**
 * True when the element and everything inside it renders no text: non-text tags, the `hidden`
 * attribute, `aria-hidden="true"`, inline styles that hide it, and NewsLens's own UI.
 */
export function isHidden(el: Element): boolean {
  if (NEVER_TEXT.has(tagOf(el))) return true;
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden') || el.hasAttribute(UI_MARKER)) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  if (style !== null && style.length > 0) {
    const compact = style.toLowerCase().replace(/\s+/g, '');
    return compact.includes('display:none') || compact.includes('visibility:hidden');
  }
  return false;
}

/** Children read by sibling pointers before a parent's child list is asked for (see ChildCursor). */
const SIBLING_STEPS = 32;

/**
 * The children of one node, in order. DOMs disagree on what is cheap: DOM shims such as linkedom
 * build a new child list on every `childNodes` call but follow `nextSibling` in one step, while
 * others (happy-dom) search the parent's list on every `nextSibling`. The first few children are
 * read by sibling pointers, which is all most elements have; a node with more switches to its
 * child list, so neither kind of DOM pays more than linear time.
 */
export class ChildCursor {
  private next: ChildNode | null;
  private list: NodeListOf<ChildNode> | null = null;
  private index = 0;

  constructor(private readonly parent: Node) {
    this.next = parent.firstChild;
  }

  /** The next child, or null after the last. */
  read(): ChildNode | null {
    let node: ChildNode | null;
    if (this.list === null && this.index === SIBLING_STEPS) this.list = this.parent.childNodes;
    if (this.list !== null) {
      node = this.list[this.index] ?? null;
    } else {
      node = this.next;
      this.next = node === null ? null : node.nextSibling;
    }
    if (node !== null) this.index++;
    return node;
  }
}

/**
 * The elements under a root, root first, in document order, each followed by its descendants only
 * when `descend` is called for it (right after `next` returned it). Children are read with
 * ChildCursor, so the walk builds no child lists.
 */
export class ElementWalk {
  private readonly cursors: ChildCursor[] = [];
  private root: Element | null;

  constructor(root: Element) {
    this.root = root;
  }

  next(): Element | null {
    if (this.root !== null) {
      const root = this.root;
      this.root = null;
      return root;
    }
    while (this.cursors.length > 0) {
      const node = (this.cursors[this.cursors.length - 1] as ChildCursor).read();
      if (node === null) this.cursors.pop();
      else if (node.nodeType === 1) return node as Element;
    }
    return null;
  }

  descend(el: Element): void {
    this.cursors.push(new ChildCursor(el));
  }
}

/**
 * The element's visible text with white space folded. Block-level children and <br> separate
 * words; inline children join as written. Iterates with an explicit stack of child cursors (no
 * recursion, so arbitrarily deep nesting cannot overflow).
 */
export function visibleText(el: Element): string {
  if (isHidden(el)) return '';
  const only = el.firstChild;
  if (only === null) return '';
  if (only.nextSibling === null && (only.nodeType === 3 || only.nodeType === 4)) return foldSpace((only as CharacterData).data);
  return foldSpace(rawText(el, ' '));
}

/**
 * The element's visible lines, as a reader sees them: its text cut at each <br> and block-level
 * child, each line folded, empty lines left out.
 */
export function visibleLines(el: Element): string[] {
  if (isHidden(el)) return [];
  const lines: string[] = [];
  // A mark no text holds: newlines in the source are white space, not lines.
  for (const line of rawText(el, '\u0000').split('\u0000')) {
    const folded = foldSpace(line);
    if (folded) lines.push(folded);
  }
  return lines;
}

/**
 * Ruby annotations: furigana (<rt>) and their fallback parentheses (<rp>) render above the line but
 * are not part of what the line says; a reader's text of the line (copying, reader views, the
 * language of the line, its translation) is the base text. They still take room on the page, so
 * they are not hidden (isHidden) for layout and article scoring.
 */
const ANNOTATION_TAGS = new Set(['rt', 'rp']);

/**
 * Text of the element's visible nodes, `separator` written at each <br> and around block-level
 * children; ruby annotations left out.
 */
function rawText(el: Element, separator: string): string {
  const out: string[] = [];
  const cursors: ChildCursor[] = [new ChildCursor(el)];
  const blocks: boolean[] = [false];
  while (cursors.length > 0) {
    const top = cursors.length - 1;
    const node = (cursors[top] as ChildCursor).read();
    if (node === null) {
      if (blocks[top]) out.push(separator);
      cursors.pop();
      blocks.pop();
      continue;
    }
    if (node.nodeType === 3 || node.nodeType === 4) {
      out.push((node as CharacterData).data);
    } else if (node.nodeType === 1) {
      const child = node as Element;
      const tag = tagOf(child);
      if (ANNOTATION_TAGS.has(tag) || isHidden(child)) continue;
      const block = isBlockTag(tag);
      if (tag === 'br' || block) out.push(separator);
      cursors.push(new ChildCursor(child));
      blocks.push(block);
    }
  }
  return out.join('');
}

/** Unicode general category groups the engine tells characters by (\p{L}, \p{M}, \p{N}). */
export const CHAR_OTHER = 0;
export const CHAR_LETTER = 1;
export const CHAR_MARK = 2;
export const CHAR_NUMBER = 3;

const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;
const NUMBER = /\p{N}/u;
const UNKNOWN = 0xff;
// A \p{…} test per character dominated the text phase (a regex call each); each BMP character
// is classified once and remembered, astral ones (rare) are tested each time.
const bmpClasses = new Uint8Array(0x10000).fill(UNKNOWN);

function categoryOf(ch: string): number {
  return LETTER.test(ch) ? CHAR_LETTER : MARK.test(ch) ? CHAR_MARK : NUMBER.test(ch) ? CHAR_NUMBER : CHAR_OTHER;
}

/** CHAR_LETTER, CHAR_MARK, CHAR_NUMBER or CHAR_OTHER for a code point (lone surrogates are other). */
export function charClass(cp: number): number {
  if (cp < 0x80) {
    if (cp >= 0x30 && cp <= 0x39) return CHAR_NUMBER;
    return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) ? CHAR_LETTER : CHAR_OTHER;
  }
  if (cp > 0xffff) return categoryOf(String.fromCodePoint(cp));
  let known = bmpClasses[cp] ?? UNKNOWN;
  if (known === UNKNOWN) {
    known = categoryOf(String.fromCharCode(cp));
    bmpClasses[cp] = known;
  }
  return known;
}

/**
 * The first element under `root` (not `root` itself), in document order, whose tag is one of
 * `tags`; template contents are not searched, as with querySelector. DOM shims (linkedom) parse
 * a selector on every querySelector call, which costs more than this walk on the small elements
 * the engine asks about.
 */
export function firstDescendantByTag(root: Element, tags: ReadonlySet<string>): Element | null {
  return walkByTag(root, tags, null);
}

/** Every element under `root` whose tag is one of `tags`, in document order (see firstDescendantByTag). */
export function descendantsByTag(root: Element, tags: ReadonlySet<string>): Element[] {
  const found: Element[] = [];
  walkByTag(root, tags, found);
  return found;
}

function walkByTag(root: Element, tags: ReadonlySet<string>, all: Element[] | null): Element | null {
  let node: Node | null = root.firstChild;
  while (node !== null) {
    let next: Node | null = null;
    if (node.nodeType === 1) {
      const tag = tagOf(node as Element);
      if (tags.has(tag)) {
        if (all === null) return node as Element;
        all.push(node as Element);
      }
      if (tag !== 'template') next = node.firstChild;
    }
    while (next === null && node !== null && node !== root) {
      next = node.nextSibling;
      if (next === null) node = node.parentNode;
    }
    node = next;
  }
  return null;
}

/** The nearest ancestor-or-self of `el` that `matches`, as `closest` without a selector to parse. */
export function closestWhere(el: Element, matches: (el: Element) => boolean): Element | null {
  for (let cur: Element | null = el; cur !== null; cur = cur.parentElement) if (matches(cur)) return cur;
  return null;
}

const isTemplate = (el: Element) => tagOf(el) === 'template';

/**
 * The document's elements of one tag, in document order, leaving out template contents as
 * querySelectorAll does. A selector query walks the whole document in DOM shims (linkedom), each
 * time; the tag list is a plain scan there and native in browsers.
 */
export function documentElementsByTag(doc: Document, tag: string): Element[] {
  return Array.from(doc.getElementsByTagName(tag)).filter((el) => closestWhere(el, isTemplate) === null);
}
