import type { BlockPlace } from './model';
import { runSteps, STEP, type Steps } from './steps';
import { tagOf } from './text';

/**
 * Where each block stands for side-by-side layouts: in a table cell, or in one of several sibling
 * containers laid out as columns. Structure alone cannot tell two stacked sections (the seed's
 * all-English-then-all-Chinese analysis) from two columns, so a column group needs evidence that
 * it is laid out horizontally: a grid or row flex container, by computed style where the browser
 * gives one, else by inline style or a column-like class name.
 */

const COLUMN_CLASS = /(?:^|[\s_-])(?:col|cols|column|columns|split|side|left|right|half|pane)(?:$|[\s_\d-])/i;
const HORIZONTAL_DISPLAY = /^(?:inline-)?(?:flex|grid)$|^table-cell$/;

/**
 * The computed style of an element where the DOM lays pages out (a browser); null in a DOM without
 * layout, such as linkedom in the command line, whose defaultView is the host's global.
 */
function computedStyle(el: Element): CSSStyleDeclaration | null {
  const view = el.ownerDocument.defaultView;
  if (typeof view?.getComputedStyle !== 'function') return null;
  try {
    return view.getComputedStyle(el);
  } catch {
    return null;
  }
}

function displayOf(el: Element): { display: string; direction: string } {
  const computed = computedStyle(el);
  const inline = (el.getAttribute('style') ?? '').toLowerCase();
  const inlineDisplay = /display\s*:\s*([a-z-]+)/.exec(inline)?.[1] ?? '';
  const inlineDirection = /flex-direction\s*:\s*([a-z-]+)/.exec(inline)?.[1] ?? '';
  return {
    display: inlineDisplay || computed?.display || '',
    direction: inlineDirection || computed?.flexDirection || '',
  };
}

function isColumnContainer(el: Element): boolean {
  const { display, direction } = displayOf(el);
  if (HORIZONTAL_DISPLAY.test(display)) return !direction.startsWith('column');
  // Child by child, stopping at the first that is not a column: a list of all of them (which DOM
  // shims build on each call) was made for every ancestor of every block.
  let columns = 0;
  for (let child = el.firstElementChild; child !== null; child = child.nextElementSibling) {
    if (!COLUMN_CLASS.test(child.getAttribute('class') ?? '')) return false;
    columns++;
  }
  return columns >= 2;
}

/**
 * `closest` for many elements of one page: the nearest ancestor-or-self that `matches`, each
 * ancestor visited once over all calls. Asking `closest` per block climbs the whole ancestor chain
 * every time: blocks × depth, quadratic on a page of 5,000 paragraphs nested 5,000 deep.
 */
export function ancestorFinder(matches: (el: Element) => boolean): (el: Element) => Element | null {
  const cache = new Map<Element, Element | null>();
  return (el) => {
    const path: Element[] = [];
    let found: Element | null = null;
    for (let cur: Element | null = el; cur !== null; cur = cur.parentElement) {
      const known = cache.get(cur);
      if (known !== undefined) {
        found = known;
        break;
      }
      path.push(cur);
      if (matches(cur)) {
        found = cur;
        break;
      }
    }
    for (const node of path) cache.set(node, found);
    return found;
  };
}

/** Places of `elements` (the blocks of one page, in document order). */
export function placesOf(elements: readonly Element[], inArticle: readonly boolean[]): BlockPlace[] {
  return runSteps(placesOfSteps(elements, inArticle));
}

/** `placesOf` as a pass that yields every few hundred blocks (see steps.ts). */
export function* placesOfSteps(elements: readonly Element[], inArticle: readonly boolean[]): Steps<BlockPlace[]> {
  const tables = new Map<Element, { index: number; rows: Map<Element, number> }>();
  const containers = new Map<Element, { group: number; columns: Set<number> }>();
  const columnCache = new Map<Element, { container: Element; index: number } | null>();
  // Every block of a long article shares its parent: decide each container once.
  const containerCache = new Map<Element, boolean>();
  const isContainer = (el: Element) => {
    let known = containerCache.get(el);
    if (known === undefined) {
      known = isColumnContainer(el);
      containerCache.set(el, known);
    }
    return known;
  };

  const columnOf = (el: Element): { container: Element; index: number } | null => {
    const path: Element[] = [];
    let found: { container: Element; index: number } | null = null;
    for (let child: Element = el, parent = el.parentElement; parent; child = parent, parent = parent.parentElement) {
      const cached = columnCache.get(child);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      path.push(child);
      if (isContainer(parent)) {
        found = { container: parent, index: childIndex(parent, child) };
        break;
      }
    }
    for (const node of path) columnCache.set(node, found);
    return found;
  };

  const indexes = new Map<Element, Map<Element, number>>();
  function childIndex(parent: Element, child: Element): number {
    let index = indexes.get(parent);
    if (!index) {
      index = new Map(Array.from(parent.children, (el, i) => [el, i]));
      indexes.set(parent, index);
    }
    return index.get(child) ?? -1;
  }

  const cellOf = ancestorFinder((el) => {
    const tag = tagOf(el);
    return tag === 'td' || tag === 'th';
  });
  const tableOf = ancestorFinder((el) => tagOf(el) === 'table');
  const raw: { cell: BlockPlace['cell']; column: { container: Element; index: number } | null }[] = [];
  for (let i = 0; i < elements.length; i++) {
    if (i % STEP === STEP - 1) yield;
    const el = elements[i] as Element;
    const td = cellOf(el);
    const row = td?.parentElement;
    const table = td ? tableOf(td) : null;
    let cell: BlockPlace['cell'] = null;
    if (td && row && table) {
      let entry = tables.get(table);
      if (!entry) {
        const rows = new Map<Element, number>();
        for (const tr of Array.from(table.querySelectorAll('tr'))) rows.set(tr, rows.size);
        entry = { index: tables.size, rows };
        tables.set(table, entry);
      }
      cell = { table: entry.index, row: entry.rows.get(row) ?? -1, col: childIndex(row, td) };
      if (tagOf(td) === 'th') cell.head = true;
    }
    const column = cell ? null : columnOf(el);
    if (column && inArticle[i]) {
      const entry = containers.get(column.container) ?? { group: containers.size, columns: new Set<number>() };
      entry.columns.add(column.index);
      containers.set(column.container, entry);
    }
    raw.push({ cell, column });
  }

  return raw.map(({ cell, column }) => {
    const entry = column ? containers.get(column.container) : undefined;
    return {
      cell,
      // A "column" holding all of the article (main beside a sidebar) is not a bilingual layout.
      column: column && entry && entry.columns.size >= 2 ? { group: entry.group, index: column.index } : null,
    };
  });
}
