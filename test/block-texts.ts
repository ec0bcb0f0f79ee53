import { parseHTML } from 'linkedom';

const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote';

/** Innermost block texts of a page, white space folded, as the pipeline's units would be. */
export function blockTexts(html: string): string[] {
  const { document } = parseHTML(html);
  const all = [...document.querySelectorAll(BLOCKS)];
  const members = new Set(all);
  const outer = new Set<Element>();
  for (const el of all) {
    for (let up = el.parentElement; up; up = up.parentElement) if (members.has(up)) outer.add(up);
  }
  return all
    .filter((el) => !outer.has(el))
    .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter((text) => text.length > 0);
}
