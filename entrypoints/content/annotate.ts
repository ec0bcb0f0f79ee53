import type { Translate } from '@/utils/i18n';
import { MARK } from '@/utils/page-markers';
import { locateParts, type Segment } from './locate';
import type { BlockWork, Collapse, PagePlan, PartWork } from './plan';
import { ChangeLog } from './restore/changes';
import { createBadge, createCheckMark, createLabel, createMarker } from './widgets';

/**
 * Applies a page plan to the live page, one block at a time, each block with its own ChangeLog:
 * re-analysis then redoes only the blocks whose wish changed, and "off" undoes them all.
 *
 * Hiding is always an attribute that the page-level sheet matches (`data-newslens-collapsed`,
 * `data-newslens-lang` under `html[data-newslens-mode]`); no page node is moved, replaced or
 * removed. The only new nodes are our widgets and, where one text node holds two languages (a
 * title written "English 中文"), our run elements around each language's stretch of it.
 */

/**
 * What a batch of writes costs the browser, which decides how a caller schedules it:
 * - `marks`: our attributes (which change nothing on screen in the Both mode), runs around text,
 *   and widgets built but not yet in the page: the cost lies in the slice itself;
 * - `layout`: hidden copies, widgets put into the page and `lang` attributes (the browser shapes
 *   the block's text again): each adds to the layout of the frame after, and every frame that
 *   holds any lays out the whole page again (10,000 paragraphs: 60–120 ms), so they go into a
 *   few frames, not one per slice.
 */
export type WriteKind = 'marks' | 'layout';

/** Runs `work` over `items`, in slices when the caller wants to (see schedule.ts). */
export type Runner = <T>(items: T[], work: (item: T) => void, kind: WriteKind) => Promise<void>;

/** One block to redo (`work`) or to clear (`work` null); `now` for a block on the first screen. */
export interface Change {
  el: Element;
  work: BlockWork | null;
  now: boolean;
}

interface Pending {
  block: Element;
  log: ChangeLog;
  write: () => void;
}

interface Applied {
  key: string;
  log: ChangeLog;
  /** The elements that stand for each part on the page: the block, or its parts' elements and runs. */
  parts: Element[][];
  /** Shows every collapsed copy of the block, as its markers' "show" would. */
  open: () => void;
}

/** Elements a marker stands beside as a block of its own; any other gets an inline marker. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY',
  'TABLE', 'TD', 'TH', 'UL',
]);

/** The part number of a separator's run in `split`. */
const SEPARATOR = -1;

const documentOrder = (a: Node, b: Node): number =>
  a === b ? 0 : a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;

/**
 * The blocks on the first screen, then those below it, then those above (a restored scroll
 * position). Binary searches over reading order: a few layout reads, not one per block.
 */
export function firstScreenFirst<T extends { el: Element }>(items: readonly T[], viewportHeight: number): { items: T[]; onScreen: number } {
  const firstWhere = (test: (rect: DOMRect) => boolean): number => {
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (test((items[mid] as T).el.getBoundingClientRect())) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const from = firstWhere((rect) => rect.bottom > 0);
  const to = Math.max(from, firstWhere((rect) => rect.top >= viewportHeight));
  return { items: [...items.slice(from, to), ...items.slice(to), ...items.slice(0, from)], onScreen: to - from };
}

export class Annotator {
  private readonly applied = new Map<Element, Applied>();
  /** The page's own `lang` of each element whose `lang` NewsLens set. */
  private readonly langBefore = new Map<Element, string | null>();
  /** Each block's writes that change layout, held back until the blocks of an `apply` are done. */
  private readonly pendingLayout: Pending[] = [];

  constructor(
    private readonly doc: Document,
    private readonly opts: { autoCollapse: boolean; t: Translate },
  ) {}

  /** The language an element has from the page itself, ignoring what NewsLens set. */
  readonly inheritedLang = (el: Element): string | null => {
    for (let node: Element | null = el; node; node = node.parentElement) {
      const value = this.langBefore.has(node) ? this.langBefore.get(node) : node.getAttribute('lang');
      if (value !== null && value !== undefined) return value || null;
    }
    return null;
  };

  /** The page's own `lang` of each element whose `lang` NewsLens set (page-copy.ts undoes them in a copy). */
  get pageLangs(): ReadonlyMap<Element, string | null> {
    return this.langBefore;
  }

  get size(): number {
    return this.applied.size;
  }

  /**
   * What `apply` will do for `plan`, first screen first. Reads layout, so it runs before NewsLens
   * writes anything: after a write it would force the browser to lay the whole page out again.
   */
  changesFor(plan: PagePlan, viewportHeight: number): Change[] {
    const wanted = new Set(plan.blocks.map((work) => work.el));
    const fresh = plan.blocks.filter((work) => this.applied.get(work.el)?.key !== work.key);
    const { items, onScreen } = firstScreenFirst(fresh, viewportHeight);
    return [
      ...items.map((work, i) => ({ el: work.el, work, now: i < onScreen })),
      ...[...this.applied.keys()].filter((el) => !wanted.has(el)).map((el) => ({ el, work: null, now: false })),
    ];
  }

  /**
   * Brings the page in line with a plan, touching only the blocks whose wish changed: first the
   * blocks on screen, in full (one frame lays them out); then every other block's marks, building
   * its widgets aside, which costs no layout; then the writes that change layout (hidden copies,
   * widgets, `lang`), a block's all in the same frame (the browser lays its text out once), in a
   * few frames whatever the page's size. On a long page each frame that changes layout costs the
   * browser a walk over the whole page, so a few large batches cost far less than many small ones.
   */
  async apply(changes: Change[], run: Runner): Promise<void> {
    await run(
      changes,
      ({ el, work, now }) => {
        this.remove(el);
        if (work) this.add(work, !now);
      },
      'marks',
    );
    const write = ({ block, log, write }: Pending) => {
      if (this.applied.get(block)?.log === log) write();
    };
    await run(this.pendingLayout.splice(0), write, 'layout');
  }

  /** Shows a block's collapsed copies; returns the element standing for `part` (or the block). */
  reveal(el: Element, part: number | null): Element {
    const applied = this.applied.get(el);
    if (!applied) return el;
    applied.open();
    return (part === null ? undefined : applied.parts[part]?.[0]) ?? el;
  }

  undoAll(): void {
    this.pendingLayout.length = 0;
    for (const el of [...this.applied.keys()]) this.remove(el);
  }

  private remove(el: Element): void {
    const applied = this.applied.get(el);
    if (!applied) return;
    applied.log.undo();
    this.applied.delete(el);
  }


  private add(work: BlockWork, deferLayout: boolean): void {
    const { el, parts } = work;
    const log = new ChangeLog();
    const writes: (() => void)[] = [];
    const layout = (write: () => void) => {
      if (deferLayout) writes.push(write);
      else write();
    };
    const setLang = (target: Element, lang: string) =>
      layout(() => {
        if (!this.langBefore.has(target)) {
          this.langBefore.set(target, target.getAttribute('lang'));
          log.onUndo(() => this.langBefore.delete(target));
        }
        log.setAttr(target, 'lang', lang);
      });
    const opens: ((open: boolean) => void)[] = [];
    const first = parts[0] as PartWork;
    const allCollapsed = parts.every((part) => part.collapse !== null);
    const oneLang = parts.every((part) => part.lang === first.lang);
    const oneToggle = parts.every((part) => part.toggle === first.toggle) ? first.toggle : null;

    // Widgets are built at once, outside the page; only putting them in moves its layout.
    const hide = (targets: Element[], collapse: Collapse, display: 'block' | 'inline', lang: string | null) => {
      const setOpen = (open: boolean) => {
        for (const target of targets) log.setAttr(target, MARK.open, open ? '' : null);
      };
      const open = !this.opts.autoCollapse;
      const marker = createMarker(this.doc, { collapse, open, display, t: this.opts.t, onToggle: setOpen });
      if (lang) marker.host.setAttribute(MARK.lang, lang);
      opens.push(marker.setOpen);
      layout(() => {
        for (const target of targets) log.setAttr(target, MARK.collapsed, collapse.kind);
        if (open) setOpen(true);
        log.insert(marker.host, { before: targets[0] as Element });
      });
    };
    const display = BLOCK_TAGS.has(el.tagName.toUpperCase()) ? 'block' : 'inline';

    let partTargets: Element[][] | null = null;
    const splitWanted =
      parts.length > 1 && parts.some((part) => part.toggle !== null || part.flag !== null || part.check !== null || (part.collapse !== null && !allCollapsed));
    if (splitWanted) partTargets = this.split(el, parts, log, layout);

    if (partTargets) {
      parts.forEach((part, i) => {
        const targets = partTargets?.[i] ?? [];
        const last = targets[targets.length - 1];
        if (!last) return;
        for (const target of targets) {
          if (part.setLang && !oneLang) setLang(target, part.lang);
          if (part.toggle) log.setAttr(target, MARK.lang, part.toggle);
        }
        if (part.collapse && !allCollapsed) hide(targets, part.collapse, 'inline', part.toggle);
        const widgets = this.partWidgets(part);
        for (const widget of widgets) if (part.toggle) widget.setAttribute(MARK.lang, part.toggle);
        // Read when written: a run is in the page only from its own layout write on.
        if (widgets.length > 0) layout(() => {
          const next = last.nextSibling;
          const parent = last.parentElement;
          for (const widget of widgets) {
            if (next) log.insert(widget, { before: next });
            else if (parent) log.insert(widget, { into: parent, at: 'end' });
          }
        });
      });
    }
    if (parts.length === 1) {
      if (first.toggle) log.setAttr(el, MARK.lang, first.toggle);
      const widgets = this.partWidgets(first);
      if (widgets.length > 0) layout(() => {
        for (const widget of widgets) log.insert(widget, { into: el, at: 'end' });
      });
    }
    if (oneLang && first.setLang) setLang(el, first.lang);
    if (allCollapsed) hide([el], first.collapse as Collapse, display, oneToggle);
    const disclosure = work.disclosure;
    if (disclosure) {
      const badge = createBadge(this.doc, disclosure, this.opts.t);
      layout(() => log.insert(badge, { into: el, at: 'start' }));
    }

    if (writes.length > 0) {
      this.pendingLayout.push({
        block: el,
        log,
        write: () => {
          for (const write of writes) write();
        },
      });
    }
    this.applied.set(el, {
      key: work.key,
      log,
      parts: partTargets ?? parts.map(() => [el]),
      open: () => {
        for (const open of opens) open(true);
      },
    });
  }

  /** The label and the translation-check mark that follow a part's text, in that order. */
  private partWidgets(part: PartWork): HTMLElement[] {
    const widgets: HTMLElement[] = [];
    if (part.flag) widgets.push(createLabel(this.doc, part.flag, this.opts.t));
    if (part.check) {
      const mark = createCheckMark(this.doc, part.check.differences, this.opts.t);
      if (part.check.echo) mark.setAttribute(MARK.echo, '');
      widgets.push(mark);
    }
    return widgets;
  }

  /**
   * Marks each part's own elements, and wraps the stretches of shared text nodes in runs, built at
   * once and put into the page by `layout` (the text is laid out again).
   */
  private split(el: Element, parts: readonly PartWork[], log: ChangeLog, layout: (write: () => void) => void): Element[][] | null {
    const places = locateParts(
      el,
      parts.map((part) => part.text),
    );
    if (!places) return null;
    const targets = places.map((place) => [...place.elements]);
    const byNode = new Map<Text, { start: number; end: number; part: number }[]>();
    const add = (segments: readonly Segment[], part: number) => {
      for (const { node, start, end } of segments) {
        const list = byNode.get(node) ?? [];
        list.push({ start, end, part });
        byNode.set(node, list);
      }
    };
    places.forEach((place, part) => {
      add(place.wraps, part);
      // A separator between two languages' parts goes with whichever of them a mode hides.
      if (parts[part]?.toggle && parts[part - 1]?.toggle && parts[part]?.toggle !== parts[part - 1]?.toggle) add(place.separator, SEPARATOR);
    });
    // A run may not be in the page yet: it takes the place of its stretch of the text node.
    const spot = new Map<Element, { node: Text; start: number }>();
    for (const [node, ranges] of byNode) {
      ranges.sort((a, b) => a.start - b.start);
      log.wrapRuns(node, ranges, layout).forEach((run, k) => {
        const range = ranges[k] as { start: number; part: number };
        spot.set(run, { node, start: range.start });
        if (range.part === SEPARATOR) log.setAttr(run, MARK.separator, '');
        else targets[range.part]?.push(run);
      });
    }
    const inOrder = (a: Element, b: Element): number => {
      const x = spot.get(a);
      const y = spot.get(b);
      if (x && y && x.node === y.node) return x.start - y.start;
      return documentOrder(x?.node ?? a, y?.node ?? b);
    };
    return targets.map((list) => list.sort(inOrder));
  }
}
