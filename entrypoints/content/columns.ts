import type { BlockPlace } from '@/engine/model';
import { MARK } from '@/utils/page-markers';
import type { BlockWork } from './plan';
import type { ChangeLog } from './restore/changes';

/**
 * Side-by-side layouts (a table with a cell per language, two columns of a grid or flex box): in
 * one-language mode hiding the other language's paragraphs would leave their column standing
 * empty beside the kept one. So the largest container holding one language's blocks only (its
 * cell or column) is found for each placed block; the other language's container is hidden whole
 * and the kept one widened (both by the page-level sheet, in that mode only).
 *
 * A container that holds anything a mode must keep (a paragraph with no translation, a block in
 * neither language, an image) is never hidden. Only attributes are set, all through `log`.
 */

/** Hiding an element that holds one of these would hide more than text. */
const EMBEDDED = 'img,picture,video,audio,iframe,svg,canvas,object,embed,input,select,textarea';
const MIXED = '';

/** The one language of a block's parts, or MIXED when it holds another or must stay in every mode. */
function sideOf(work: BlockWork | undefined): string {
  const toggle = work?.parts[0]?.toggle ?? null;
  if (!work || toggle === null || work.parts.some((part) => part.toggle !== toggle)) return MIXED;
  return toggle;
}

export function markColumns(
  elements: readonly (Element | undefined)[],
  places: readonly BlockPlace[],
  blocks: readonly BlockWork[],
  log: ChangeLog,
): void {
  const workOf = new Map(blocks.map((work) => [work.el, work]));
  const placed: { el: Element; side: string }[] = [];
  places.forEach((place, i) => {
    const el = elements[i];
    if (el && (place.cell !== null || place.column !== null)) placed.push({ el, side: sideOf(workOf.get(el)) });
  });
  if (placed.length === 0) return;
  // The sides of the blocks under each of their ancestors.
  const under = new Map<Element, string>();
  const body = placed[0]?.el.ownerDocument.body ?? null;
  for (const { el, side } of placed) {
    for (let node = el.parentElement; node && node !== body; node = node.parentElement) {
      const known = under.get(node);
      if (known === undefined) under.set(node, side);
      else if (known !== side) under.set(node, MIXED);
    }
  }
  const blockEls = new Set(elements.filter((el): el is Element => el !== undefined));
  const containers = new Map<Element, string>();
  for (const { el, side } of placed) {
    if (side === MIXED) continue;
    let container = el;
    for (let up = el.parentElement; up && up !== body && under.get(up) === side; up = up.parentElement) container = up;
    containers.set(container, side);
  }
  for (const [container, side] of containers) {
    log.setAttr(container, MARK.wide, side);
    // A block hides itself; a container of blocks hides whole, unless it holds more than their text.
    if (!blockEls.has(container) && !container.querySelector(EMBEDDED) && !holdsOtherBlocks(container, blockEls, workOf, side)) {
      log.setAttr(container, MARK.lang, side);
    }
  }
}

/** Whether a container holds a block the analysis placed nowhere (not in a cell or column) that a mode must keep. */
function holdsOtherBlocks(container: Element, blockEls: ReadonlySet<Element>, workOf: ReadonlyMap<Element, BlockWork>, side: string): boolean {
  for (const el of container.querySelectorAll('*')) {
    if (blockEls.has(el) && sideOf(workOf.get(el)) !== side) return true;
  }
  return false;
}
