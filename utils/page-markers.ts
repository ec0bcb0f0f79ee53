/**
 * Every attribute and element name NewsLens puts into a page, under one prefix, so that the page's
 * own markup can never be mistaken for ours, a second copy of the content script can see the first,
 * and "off" knows exactly what to take away.
 */

const PREFIX = 'data-newslens';

export const MARK = {
  /** On `<html>` while the page is annotated: `both` or the tag of the one language shown. */
  mode: `${PREFIX}-mode`,
  /** Base language of a block, a block's part or one of our runs, for the language switch. */
  lang: `${PREFIX}-lang`,
  /** A copy hidden because a kept copy stays visible. */
  collapsed: `${PREFIX}-collapsed`,
  /** A collapsed copy the reader expanded. */
  open: `${PREFIX}-open`,
  /** Our span around one language's run of a text node that holds two languages. */
  run: `${PREFIX}-run`,
  /** A column or table cell of one language (its tag), widened to the article's width when that language alone is shown. */
  wide: `${PREFIX}-wide`,
  /** Our span around the separator between two languages' runs ("Title · 标题"), hidden with either. */
  separator: `${PREFIX}-separator`,
  /** Host element of one of our shadow-root widgets (marker, label, badge, check mark, switch). */
  ui: `${PREFIX}-ui`,
  /** On a widget host that stands as a block of its own rather than inline. */
  display: `${PREFIX}-display`,
  /** On `<html>` of a page that draws dark: our widgets take dark colours. */
  scheme: `${PREFIX}-scheme`,
  /**
   * On the translation-check mark of a pair's first-language side: the Both mode shows the pair's
   * mark once, on its other side.
   */
  echo: `${PREFIX}-echo`,
  /** Briefly set on an element the popup asked to show. */
  flash: `${PREFIX}-flash`,
  /** Our `<style>` element, where constructable style sheets are unavailable. */
  style: `${PREFIX}-style`,
} as const;

/** Tag names of our elements: custom-element names, which no page's own markup uses for itself. */
export const TAG = {
  run: 'newslens-run',
  marker: 'newslens-marker',
  label: 'newslens-label',
  badge: 'newslens-badge',
  check: 'newslens-check',
  switch: 'newslens-switch',
} as const;

export const isOurs = (node: Node): boolean =>
  node.nodeType === 1 && ((node as Element).hasAttribute(MARK.ui) || (node as Element).hasAttribute(MARK.run));
