import { namesAi } from './ai-names';
import { STEP, type Steps } from './steps';
import { ChildCursor, isBlockTag, isHidden, tagOf, visibleText } from './text';

/**
 * The elements the AI-notice scan reads besides the article's blocks. The reader view leaves out
 * what sites put notices in: a `<small>` under the byline, a badge beside the title, an `<aside>`,
 * the article's `<footer>`, a caption, a callout. So this pass reads the page's own text holders:
 * each element that holds text itself, or an inline element standing alone in its box (no running
 * text beside it), kept when it names an AI agent. Text inside a running paragraph stays with that
 * paragraph ("the rise of <em>AI-generated</em> news" is not a badge).
 */

export interface NoticeCandidate {
  el: Element;
  text: string;
  /** Inside a quotation (a blockquote or q that is not a callout). */
  quoted: boolean;
  heading: boolean;
  /** The element's class, id, aria-label, title or data-* attributes name an AI label (`aigc-badge`). */
  labelled: boolean;
}

/** Longer text is an article or a chrome region, not a notice; its notices stand in its own blocks. */
const MAX_CANDIDATE = 1000;
/** Attribute values naming an AI label: GB 45438's `AIGC`, `ai-generated`, `ai-label`, `ai-disclosure` … */
const LABEL_NAME = /aigc|(?:^|[^a-z])ai[-_ ]?(?:generated|label|disclosure|notice|badge|content|summary|written)|generated[-_ ]by[-_ ]ai/i;
const LABEL_ATTRIBUTES = ['class', 'id', 'aria-label', 'title'];
/** Class or role of a box that states something about the page rather than quoting someone. */
const CALLOUT_NAME = /callout|admonition|notice|disclaimer|disclosure|alert|(?:^|[\s_-])(?:note|info|warning|tip|editor)/i;
/** Controls: what the reader types or clicks, never a statement of the page's (as in article.ts). */
const CONTROL_TAGS = new Set(['button', 'select', 'textarea', 'input', 'option', 'datalist', 'output']);
/** Boxes of controls and links the scan skips whole (a page wrapped in one form keeps its blocks: see `isControl`). */
const CONTROL_BOXES = new Set(['label', 'nav', 'form']);
/** Roles of what the reader clicks or types in: a control's label names an action, it states nothing. */
const CONTROL_ROLES = new Set([
  'button', 'checkbox', 'combobox', 'listbox', 'menu', 'menubar', 'menuitem', 'menuitemcheckbox', 'menuitemradio',
  'option', 'radio', 'searchbox', 'slider', 'spinbutton', 'switch', 'tab', 'tablist', 'textbox', 'toolbar',
]);
const HAS_LETTER = /\p{L}/u;

function labelled(el: Element): boolean {
  if (!el.hasAttributes()) return false;
  for (const name of LABEL_ATTRIBUTES) {
    const value = el.getAttribute(name);
    if (value !== null && LABEL_NAME.test(value)) return true;
  }
  for (const name of el.getAttributeNames()) if (name.startsWith('data-') && LABEL_NAME.test(name)) return true;
  return false;
}

/** A blockquote or aside written as a callout: its class or role says so. */
export function isCallout(el: Element): boolean {
  if (!el.hasAttributes()) return false;
  return CALLOUT_NAME.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('role') ?? ''}`);
}

/**
 * A control: a form control, an element with a control's role, or a link that runs a script rather
 * than leading somewhere (no address, `#`, `javascript:`), the way sites build their buttons. A
 * notice is a statement; "Caption with AI" on a control is a command, whatever its wording.
 */
export function isControl(el: Element): boolean {
  const tag = tagOf(el);
  if (CONTROL_TAGS.has(tag)) return true;
  if (!el.hasAttributes()) return tag === 'a';
  const role = el.getAttribute('role');
  if (role?.trim().split(/\s+/).some((r) => CONTROL_ROLES.has(r.toLowerCase()))) return true;
  if (tag !== 'a') return false;
  const href = (el.getAttribute('href') ?? '').trim().toLowerCase();
  return href === '' || href.startsWith('#') || href.startsWith('javascript:');
}

/** An editable area: the reader's own text, which the page owns while they type. */
function editable(el: Element): boolean {
  const value = el.getAttribute('contenteditable');
  return value !== null && value.toLowerCase() !== 'false';
}

function holdsLetters(el: Element): boolean {
  const cursor = new ChildCursor(el);
  for (let node = cursor.read(); node !== null; node = cursor.read()) {
    if ((node.nodeType === 3 || node.nodeType === 4) && HAS_LETTER.test((node as CharacterData).data)) return true;
  }
  return false;
}

/** A block that holds a heading: a title row (`<div><h1>…</h1><span>AI生成</span></div>`) read as one block. */
function holdsHeading(el: Element): boolean {
  for (let child = el.firstElementChild; child !== null; child = child.nextElementSibling) if (/^h[1-6]$/.test(tagOf(child))) return true;
  return false;
}

interface Frame {
  el: Element;
  cursor: ChildCursor;
  /** The element whose text this element's own text belongs to. */
  holder: Element;
  letters: boolean;
  quote: Element | null;
}

/**
 * Candidates in document order. `taken`: elements already read as blocks; their subtrees are
 * skipped (the block's text holds them).
 */
export function* noticeCandidatesSteps(doc: Document, taken: ReadonlySet<Element>): Steps<NoticeCandidate[]> {
  const root = doc.body ?? doc.documentElement;
  if (!root) return [];
  const holders = new Map<Element, Element | null>();
  const stack: Frame[] = [{ el: root, cursor: new ChildCursor(root), holder: root, letters: holdsLetters(root), quote: null }];
  let count = 0;
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as Frame;
    const node = top.cursor.read();
    if (node === null) {
      stack.pop();
      continue;
    }
    if (node.nodeType !== 1) continue;
    if (++count % STEP === 0) yield;
    const el = node as Element;
    const tag = tagOf(el);
    if (isControl(el) || CONTROL_BOXES.has(tag) || isHidden(el) || editable(el) || (taken.has(el) && !holdsHeading(el))) continue;
    const letters = holdsLetters(el);
    const holder = isBlockTag(tag) || !top.letters ? el : top.holder;
    if (taken.has(holder)) {
      stack.push({ el, cursor: new ChildCursor(el), holder, letters, quote: top.quote });
      continue;
    }
    const quote = (tag === 'blockquote' || tag === 'q') && !isCallout(el) ? el : top.quote;
    if ((letters || labelled(el)) && !holders.has(holder)) holders.set(holder, quote);
    stack.push({ el, cursor: new ChildCursor(el), holder, letters, quote });
  }
  const out: NoticeCandidate[] = [];
  for (const [el, quote] of holders) {
    if (++count % STEP === 0) yield;
    if (el === root || (el.textContent ?? '').length > MAX_CANDIDATE * 4) continue;
    let text = visibleText(el);
    if (text === '') text = (el.getAttribute('aria-label') ?? el.getAttribute('title') ?? '').trim();
    if (text.length === 0 || text.length > MAX_CANDIDATE || !namesAi(text)) continue;
    out.push({ el, text, quoted: quote !== null, heading: /^h[1-6]$/.test(tagOf(el)), labelled: labelled(el) });
  }
  return out;
}
