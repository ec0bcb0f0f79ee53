import { documentElementsByTag, foldSpace } from './text';

/** Separators between the pieces of a page's title ("Headline | Site", "Site – Headline"). */
const TITLE_SPLIT = /\s+[|\-–—:·»]\s+|\s*[|｜»]\s*/;

/** The title metas, as meta[property="og:title"], meta[name="twitter:title"], meta[name="title"]. */
const TITLE_METAS = [
  ['property', 'og:title'],
  ['name', 'twitter:title'],
  ['name', 'title'],
] as const;

/** Pieces of a page's title shorter than this are a site's name or a section, not a headline. */
const MIN_PIECE = 10;

/**
 * The page's own titles as written: the title metas, `<title>`, and the pieces of `<title>` around
 * its separators. A page that prints its headline in two languages usually titles itself in one.
 */
export function pageTitles(doc: Document): string[] {
  const out: string[] = [];
  const metas = documentElementsByTag(doc, 'meta');
  for (const [attribute, value] of TITLE_METAS) {
    const c = metas.find((el) => el.getAttribute(attribute) === value)?.getAttribute('content');
    if (c) out.push(foldSpace(c));
  }
  const docTitle = foldSpace(doc.title ?? '');
  if (docTitle) {
    out.push(docTitle);
    for (const piece of docTitle.split(TITLE_SPLIT)) if (piece.length >= MIN_PIECE) out.push(piece);
  }
  return out.filter((t) => t.length > 0);
}
