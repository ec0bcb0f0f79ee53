import { MARK } from '@/utils/page-markers';

/**
 * The page's HTML as it was before NewsLens changed it, for "save page + report": a copy of the
 * live document with everything of ours taken out of the copy, so the page itself is not touched.
 * What NewsLens writes is known exactly: elements that carry `MARK.ui`, `MARK.style` or
 * `MARK.run`, attributes under the `data-newslens` prefix, and the `lang` attributes whose page
 * value `langBefore` holds (null where the page had none).
 */

const PREFIX = 'data-newslens';

function doctypeOf(doc: Document): string {
  const type = doc.doctype;
  if (!type) return '';
  const ids = type.publicId ? ` PUBLIC "${type.publicId}"${type.systemId ? ` "${type.systemId}"` : ''}` : type.systemId ? ` SYSTEM "${type.systemId}"` : '';
  return `<!DOCTYPE ${type.name}${ids}>\n`;
}

export function originalHtml(doc: Document, langBefore: ReadonlyMap<Element, string | null>): string {
  const live = doc.documentElement;
  // The copy's elements stand in the live one's document order: the n-th is the n-th's copy.
  const order = new Map<Element, number>([[live, -1]]);
  if (langBefore.size > 0) {
    let i = 0;
    for (const el of live.querySelectorAll('*')) order.set(el, i++);
  }
  const copy = live.cloneNode(true) as Element;
  const copies = copy.querySelectorAll('*');
  for (const [el, lang] of langBefore) {
    const index = order.get(el);
    if (index === undefined) continue;
    const target = index < 0 ? copy : copies[index];
    if (!target) continue;
    if (lang === null) target.removeAttribute('lang');
    else target.setAttribute('lang', lang);
  }
  for (const el of copy.querySelectorAll(`[${MARK.ui}], [${MARK.style}]`)) el.remove();
  for (const run of copy.querySelectorAll(`[${MARK.run}]`)) run.replaceWith(...run.childNodes);
  for (const el of [copy, ...copy.querySelectorAll('*')]) {
    for (const name of el.getAttributeNames()) if (name.startsWith(PREFIX)) el.removeAttribute(name);
  }
  // Text split where a run stood is joined again, as the page had it.
  copy.normalize();
  return `${doctypeOf(doc)}${copy.outerHTML}`;
}
