import { MARK, TAG } from '@/utils/page-markers';
import type { DisclosureKind } from '@/engine/report';
import type { MessageKey, Translate } from '@/utils/i18n';
import { languageName } from '@/utils/language-names';
import type { Collapse, Difference, Flag } from './plan';
import { styleShadow } from './styles';

/**
 * The small things NewsLens shows inside the page: a duplicate's marker, a quiet label, a
 * disclosure badge. Each is one custom element whose content lives in an open shadow root, so no
 * page style reaches it; all text is set with textContent. Colours are custom properties that the
 * page-level sheet sets for a dark page (see `pageCss`), with the light ones as fallbacks.
 */

// Labels and badges are plain inline boxes, not inline-blocks: each one sits inside a page
// paragraph, and an inline-block costs the paragraph's layout a formatting context of its own
// (thousands of labels on a long page).
const WIDGET_CSS = `
:host { all: initial; display: inline; font: 12px/1.4 system-ui, sans-serif; color: var(--newslens-muted, #5f6368); }
:host([${MARK.display}="block"]) { display: block; margin: 0.25em 0; }
.marker { display: inline-flex; gap: 0.4em; align-items: baseline; padding: 0.1em 0.6em;
  border: 1px dashed var(--newslens-border, #c4c7cc); border-radius: 999px; background: var(--newslens-bg, #fafafa); }
button { all: unset; cursor: pointer; color: var(--newslens-accent, #1a73e8); text-decoration: underline; }
button:focus-visible { outline: 2px solid var(--newslens-accent, #1a73e8); outline-offset: 2px; border-radius: 2px; }
.label { margin-inline-start: 0.5em; padding: 0 0.45em; border-radius: 4px; white-space: nowrap;
  background: var(--newslens-hover, #f1f3f4); color: var(--newslens-muted, #5f6368); font-size: 11px; }
.badge { margin-inline-end: 0.5em; padding: 0 0.5em; border-radius: 4px; white-space: nowrap;
  background: var(--newslens-badge-bg, #fce8e6); color: var(--newslens-badge-fg, #a50e0e); font-weight: 600; font-size: 11px; }
.check { margin-inline-start: 0.5em; padding: 0 0.45em; border-radius: 4px;
  background: var(--newslens-badge-bg, #fce8e6); color: var(--newslens-badge-fg, #a50e0e); font-size: 11px; }
@media (forced-colors: active) { .marker, .label, .badge, .check { border: 1px solid CanvasText; } }
`;

export type WidgetKind = 'marker' | 'label' | 'badge' | 'check';

function widget(doc: Document, tag: string, kind: WidgetKind, display: 'block' | 'inline'): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement(tag);
  host.setAttribute(MARK.ui, kind);
  if (display === 'block') host.setAttribute(MARK.display, 'block');
  const root = host.attachShadow({ mode: 'open' });
  styleShadow(root, WIDGET_CSS);
  return { host, root };
}

const MARKER_TEXT: Record<Collapse['kind'], Record<Collapse['kept'], MessageKey>> = {
  exact: { above: 'markerExactAbove', below: 'markerExactBelow' },
  near: { above: 'markerNearAbove', below: 'markerNearBelow' },
  truncated: { above: 'markerTruncatedAbove', below: 'markerTruncatedBelow' },
};

/**
 * "Duplicate of the paragraph above · show": stands where the hidden copy was, and shows or
 * hides it again in place.
 */
export function createMarker(
  doc: Document,
  opts: { collapse: Collapse; open: boolean; display: 'block' | 'inline'; t: Translate; onToggle: (open: boolean) => void },
): { host: HTMLElement; setOpen: (open: boolean) => void } {
  const { host, root } = widget(doc, TAG.marker, 'marker', opts.display);
  const box = doc.createElement('span');
  box.className = 'marker';
  const text = doc.createElement('span');
  const { t } = opts;
  text.textContent = t(MARKER_TEXT[opts.collapse.kind][opts.collapse.kept]);
  const button = doc.createElement('button');
  button.type = 'button';
  let open = opts.open;
  const render = () => {
    button.textContent = t(open ? 'markerHide' : 'markerShow');
    button.setAttribute('aria-expanded', String(open));
  };
  const setOpen = (value: boolean) => {
    if (value === open) return;
    open = value;
    render();
    opts.onToggle(open);
  };
  render();
  button.addEventListener('click', () => setOpen(!open));
  box.append(text, doc.createTextNode('·'), button);
  root.append(box);
  return { host, setOpen };
}

export function createLabel(doc: Document, flag: Flag, t: Translate): HTMLElement {
  const { host, root } = widget(doc, TAG.label, 'label', 'inline');
  const label = doc.createElement('span');
  label.className = 'label';
  label.textContent = flag.kind === 'truncated' ? t('labelTruncated') : t('labelUntranslated', languageName(flag.missing));
  label.title = t(flag.kind === 'truncated' ? 'labelTruncatedHint' : 'labelUntranslatedHint');
  root.append(label);
  return host;
}

const BADGE_TEXT: Record<DisclosureKind, MessageKey> = {
  generated: 'badgeGenerated',
  assisted: 'badgeAssisted',
  summary: 'badgeSummary',
  suspected: 'badgeSuspected',
};

export function createBadge(doc: Document, kind: DisclosureKind, t: Translate): HTMLElement {
  const { host, root } = widget(doc, TAG.badge, 'badge', 'inline');
  const badge = doc.createElement('span');
  badge.className = 'badge';
  badge.textContent = t(BADGE_TEXT[kind]);
  badge.title = t('badgeHint');
  root.append(badge);
  return host;
}

const DIFFERENCE_TEXT: Record<Difference['kind'], MessageKey> = {
  number: 'checkMarkNumbers',
  name: 'checkMarkNames',
};

/** "numbers differ: $920 million ↔ 92亿美元": what a paragraph's translation states differently. */
export function createCheckMark(doc: Document, differences: readonly Difference[], t: Translate): HTMLElement {
  const { host, root } = widget(doc, TAG.check, 'check', 'inline');
  const mark = doc.createElement('span');
  mark.className = 'check';
  mark.textContent = differences.map(({ kind, a, b }) => t(DIFFERENCE_TEXT[kind], [a, b])).join(' · ');
  mark.title = t('checkMarkHint');
  root.append(mark);
  return host;
}
