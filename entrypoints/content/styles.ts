import { MARK } from '@/utils/page-markers';
import type { ChangeLog } from './restore/changes';

/**
 * Styles, kept apart from the page's in both directions: the page-level sheet only matches our
 * namespaced attributes and elements, and every widget draws inside its own shadow root.
 *
 * Constructable style sheets come first: a page's Content-Security-Policy can block a `<style>`
 * element but not CSSOM, and they add no node to the page. The `<style>` element is the fallback
 * for browsers that refuse a sheet built in a content script.
 */

const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

export function pageCss(languages: readonly string[]): string {
  const tags = languages.filter((tag) => LANGUAGE_TAG.test(tag));
  const hide = tags.flatMap((shown) =>
    tags.filter((other) => other !== shown).map((other) => `html[${MARK.mode}="${shown}"] [${MARK.lang}="${other}"]`),
  );
  return [
    hide.length ? `${hide.join(',\n')} { display: none !important; }` : '',
    tags.length ? `html[${MARK.mode}]:not([${MARK.mode}="both"]) [${MARK.separator}] { display: none !important; }` : '',
    // The kept column of a side-by-side page takes the width its hidden neighbour leaves: as a
    // flex item, a grid item, a float or a table cell.
    ...tags.map(
      (tag) =>
        `html[${MARK.mode}="${tag}"] [${MARK.wide}="${tag}"] { flex: 1 1 100% !important; grid-column: 1 / -1 !important; float: none !important; width: auto !important; max-width: none !important; }`,
    ),
    `html[${MARK.mode}] [${MARK.collapsed}]:not([${MARK.open}]) { display: none !important; }`,
    `html[${MARK.mode}="both"] [${MARK.echo}] { display: none !important; }`,
    // Our widgets' colours (custom properties inherit into their shadow roots) on a dark page.
    `html[${MARK.scheme}="dark"] { --newslens-bg: #292a2d; --newslens-fg: #e8eaed; --newslens-muted: #bdc1c6; --newslens-border: #5f6368; --newslens-hover: #3c4043; --newslens-accent: #8ab4f8; --newslens-on-accent: #202124; --newslens-badge-bg: #5c2b29; --newslens-badge-fg: #f6aea9; }`,
    `html[${MARK.mode}] [${MARK.collapsed}][${MARK.open}] { opacity: 0.6 !important; }`,
    `html[${MARK.mode}] [${MARK.flash}] { outline: 3px solid #f59e0b !important; outline-offset: 3px !important; }`,
  ]
    .filter(Boolean)
    .join('\n');
}

const sheets = new WeakMap<Document, Map<string, CSSStyleSheet | null>>();

/** One constructed sheet per document and text, shared by every widget; null where unsupported. */
function sheetFor(doc: Document, css: string): CSSStyleSheet | null {
  let byText = sheets.get(doc);
  if (!byText) {
    byText = new Map();
    sheets.set(doc, byText);
  }
  if (byText.has(css)) return byText.get(css) ?? null;
  let sheet: CSSStyleSheet | null = null;
  try {
    const Sheet = doc.defaultView?.CSSStyleSheet ?? CSSStyleSheet;
    sheet = new Sheet();
    sheet.replaceSync(css);
  } catch {
    sheet = null;
  }
  byText.set(css, sheet);
  return sheet;
}

function adopt(root: Document | ShadowRoot, sheet: CSSStyleSheet): boolean {
  try {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return root.adoptedStyleSheets.includes(sheet);
  } catch {
    return false;
  }
}

/** Whether a document takes our constructed sheets in shadow roots, once one has been tried. */
const adopting = new WeakMap<Document, boolean>();

/** Styles one of our new shadow roots. */
export function styleShadow(root: ShadowRoot, css: string): void {
  const doc = root.ownerDocument;
  const sheet = sheetFor(doc, css);
  const known = adopting.get(doc);
  if (sheet && known !== false) {
    // Once a document took one, it takes them all; a new root holds no other sheet, and reading its
    // list back costs a copy per widget (thousands on a long page).
    if (known) {
      root.adoptedStyleSheets = [sheet];
      return;
    }
    const adopted = adopt(root, sheet);
    adopting.set(doc, adopted);
    if (adopted) return;
  }
  const style = root.ownerDocument.createElement('style');
  style.textContent = css;
  root.append(style);
}

/** The page-level sheet: returns a setter for its text; removed when `log` is undone. */
export function stylePage(doc: Document, log: ChangeLog): (css: string) => void {
  let sheet: CSSStyleSheet | null = null;
  try {
    const Sheet = doc.defaultView?.CSSStyleSheet ?? CSSStyleSheet;
    sheet = new Sheet();
  } catch {
    sheet = null;
  }
  if (sheet && adopt(doc, sheet)) {
    const adopted = sheet;
    log.onUndo(() => {
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((each) => each !== adopted);
    });
    return (css) => adopted.replaceSync(css);
  }
  const style = doc.createElement('style');
  style.setAttribute(MARK.style, '');
  log.insert(style, { into: doc.head ?? doc.documentElement, at: 'end' });
  return (css) => {
    style.textContent = css;
  };
}
