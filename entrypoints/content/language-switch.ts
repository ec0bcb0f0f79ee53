import type { Translate } from '@/utils/i18n';
import { modeName } from '@/utils/language-names';
import { CYCLE_SHORTCUT } from '@/utils/shortcut';
import type { LanguageMode } from '@/utils/protocol';
import { MARK, TAG } from '@/utils/page-markers';
import type { ChangeLog } from './restore/changes';
import { styleShadow } from './styles';

/**
 * The language switch ("NewsLens English · 中文 · Both"), built with the DOM inside a shadow root so
 * that the page's styles cannot reach it. Plain DOM like the other widgets (widgets.ts), not Preact:
 * a UI library in the content script is loaded and parsed on every page, and Preact was a quarter of
 * the script's size for five buttons. It stands in the page's flow right under the article's
 * title, so it covers no text and comes early in the tab order; a page where no title was found
 * gets it in the bottom corner instead. Folded (remembered per site), it is one small button.
 * Plain buttons with aria-pressed: Tab reaches them, Enter/Space press them, and the arrow keys
 * move between them.
 */

export interface ControlProps {
  modes: LanguageMode[];
  mode: LanguageMode;
  t: Translate;
  folded: boolean;
  onMode: (mode: LanguageMode) => void;
  onFold: (folded: boolean) => void;
  onOff: () => void;
}

// Colours come from custom properties the page-level sheet sets by the page's own scheme
// (`pageCss`): inherited into the shadow root, they survive `all: initial`.
const CONTROL_CSS = `
:host { all: initial; display: block; margin: 0.5em 0; font: 13px/1 system-ui, sans-serif; }
:host([${MARK.display}="corner"]) { position: fixed; inset-block-end: 16px; inset-inline-end: 16px; z-index: 2147483647; margin: 0; }
.bar { display: inline-flex; flex-wrap: wrap; align-items: center; gap: 2px; padding: 3px; border-radius: 999px;
  background: var(--newslens-bg, #fff); color: var(--newslens-fg, #202124);
  border: 1px solid var(--newslens-border, #dadce0); }
:host([${MARK.display}="corner"]) .bar { box-shadow: 0 1px 3px rgba(0,0,0,.25), 0 4px 12px rgba(0,0,0,.12); }
.brand { padding: 0 6px 0 8px; font-weight: 600; color: var(--newslens-muted, #5f6368); }
button { all: unset; box-sizing: border-box; padding: 5px 10px; border-radius: 999px; cursor: pointer; }
button[aria-pressed="true"] { background: var(--newslens-accent, #1a73e8); color: var(--newslens-on-accent, #fff); }
button:hover:not([aria-pressed="true"]) { background: var(--newslens-hover, #f1f3f4); }
button:focus-visible { outline: 2px solid var(--newslens-accent, #1a73e8); outline-offset: 1px; }
.sep { color: var(--newslens-muted, #5f6368); }
.quiet { padding: 5px 8px; color: var(--newslens-muted, #5f6368); }
@media (forced-colors: active) {
  .bar { border: 1px solid CanvasText; }
  button[aria-pressed="true"] { background: Highlight; color: HighlightText; }
}
`;

function moveFocus(event: KeyboardEvent): void {
  if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
  const bar = event.currentTarget as HTMLElement;
  const buttons = [...bar.querySelectorAll('button')];
  const at = buttons.indexOf(event.target as HTMLButtonElement);
  if (at < 0) return;
  const step = (event.key === 'ArrowRight') === (getComputedStyle(bar).direction !== 'rtl') ? 1 : -1;
  buttons[(at + step + buttons.length) % buttons.length]?.focus();
  event.preventDefault();
}

/**
 * The page can reach the switch's buttons (the shadow root is open) and click them from script; a
 * browser marks such events untrusted (isTrusted false). Only the reader's own presses count:
 * a page must not change the mode NewsLens remembers for its site, nor turn it off. happy-dom
 * leaves isTrusted undefined.
 */
const byReader = (event: Event, act: () => void): void => {
  if (event.isTrusted !== false) act();
};

interface ButtonSpec {
  /** Which button it is, so that focus stays on it when the switch is drawn again. */
  key: string;
  text: string;
  label?: string;
  title?: string;
  className?: string;
  lang?: string;
  pressed?: boolean;
  expanded?: boolean;
  act: () => void;
}

function button(doc: Document, spec: ButtonSpec): HTMLButtonElement {
  const el = doc.createElement('button');
  el.type = 'button';
  el.setAttribute('data-key', spec.key);
  if (spec.className) el.className = spec.className;
  if (spec.pressed !== undefined) el.setAttribute('aria-pressed', String(spec.pressed));
  if (spec.expanded !== undefined) el.setAttribute('aria-expanded', String(spec.expanded));
  if (spec.label) el.setAttribute('aria-label', spec.label);
  if (spec.title) el.title = spec.title;
  if (spec.lang) el.lang = spec.lang;
  el.textContent = spec.text;
  el.addEventListener('click', (event) => byReader(event, spec.act));
  return el;
}

function span(doc: Document, className: string, text: string, attrs: Record<string, string> = {}): HTMLSpanElement {
  const el = doc.createElement('span');
  if (className) el.className = className;
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  el.textContent = text;
  return el;
}

/** The switch's bar for `props`: folded, one button; else the modes, fold and off. */
export function drawControl(doc: Document, { modes, mode, t, folded, onMode, onFold, onOff }: ControlProps): HTMLElement {
  const bar = doc.createElement('div');
  bar.className = 'bar';
  bar.title = t('switchHint', CYCLE_SHORTCUT);
  if (folded) {
    const unfold = button(doc, { key: 'unfold', text: '', expanded: false, label: t('switchUnfold'), act: () => onFold(false) });
    unfold.append(span(doc, 'brand', 'NewsLens'), span(doc, '', modeName(mode, t), mode === 'both' ? {} : { lang: mode }));
    bar.append(unfold);
    return bar;
  }
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', t('switchLabel'));
  bar.addEventListener('keydown', moveFocus);
  bar.append(span(doc, 'brand', 'NewsLens', { 'aria-hidden': 'true' }));
  modes.forEach((each, i) => {
    if (i > 0) bar.append(span(doc, 'sep', '·', { 'aria-hidden': 'true' }));
    bar.append(
      button(doc, { key: `mode:${each}`, text: modeName(each, t), pressed: each === mode, lang: each === 'both' ? undefined : each, act: () => onMode(each) }),
    );
  });
  bar.append(
    button(doc, { key: 'fold', text: '‹', className: 'quiet fold', expanded: true, label: t('switchFold'), title: t('switchFold'), act: () => onFold(true) }),
    button(doc, { key: 'off', text: '×', className: 'quiet off', label: t('switchOff'), title: t('switchOff'), act: onOff }),
  );
  return bar;
}

/**
 * Where the switch goes: after the article's title (outside any link or button holding it, whose
 * click would follow), or null for the bottom corner.
 */
const HOLDERS = 'a, button, summary, label, h1, h2, h3, h4, h5, h6, p';

export function switchPlace(title: Element | null): Element | null {
  if (!title?.parentElement) return null;
  let after: Element = title;
  for (let up: Element | null = title.parentElement; up && up !== title.ownerDocument.body; up = up.parentElement) {
    if (up.matches(HOLDERS)) after = up;
  }
  return after.parentElement ? after : null;
}

/** Puts the switch on the page after `after` (or in the corner); removed when `log` is undone; returns its updater. */
export function mountControl(doc: Document, log: ChangeLog, props: ControlProps, after: Element | null = null): (props: ControlProps) => void {
  const host = doc.createElement(TAG.switch);
  host.setAttribute(MARK.ui, 'switch');
  const root = host.attachShadow({ mode: 'open' });
  styleShadow(root, CONTROL_CSS);
  const container = doc.createElement('div');
  root.append(container);
  const draw = (next: ControlProps) => {
    // Drawn anew on each change; the button that had focus keeps it (a mode pressed by keyboard).
    // Read as an attribute: Firefox's content scripts see page nodes through wrappers that fail instanceof.
    const focused = root.activeElement?.getAttribute('data-key');
    container.replaceChildren(drawControl(doc, next));
    if (focused) container.querySelector<HTMLElement>(`[data-key="${focused}"]`)?.focus();
  };
  draw(props);
  const next = after?.nextSibling;
  if (after && next) log.insert(host, { before: next });
  else if (after?.parentElement) log.insert(host, { into: after.parentElement, at: 'end' });
  else {
    host.setAttribute(MARK.display, 'corner');
    log.insert(host, { into: doc.documentElement, at: 'end' });
  }
  return draw;
}
