/**
 * Whether the page draws dark: the colour of the first opaque background from the body up to the
 * root (the canvas takes the root's), else the page's own `color-scheme`. Our widgets follow the
 * page, not the system: a light page in a dark system keeps light markers, and the reverse.
 */
export function pageIsDark(doc: Document): boolean {
  const view = doc.defaultView;
  if (!view) return false;
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const rgb = parseColor(view.getComputedStyle(el).backgroundColor);
    if (rgb && rgb.alpha > 0.5) return luminance(rgb) < 0.4;
  }
  return /^\s*dark\s*$/.test(view.getComputedStyle(doc.documentElement).colorScheme ?? '');
}

function parseColor(value: string): { r: number; g: number; b: number; alpha: number } | null {
  const match = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(value.trim());
  if (!match) return null;
  const alphaText = match[4];
  const alpha = alphaText === undefined ? 1 : alphaText.endsWith('%') ? Number.parseFloat(alphaText) / 100 : Number(alphaText);
  return { r: Number(match[1]), g: Number(match[2]), b: Number(match[3]), alpha };
}

/** Relative luminance (WCAG), 0 for black to 1 for white. */
function luminance({ r, g, b }: { r: number; g: number; b: number }): number {
  const linear = (c: number) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}
