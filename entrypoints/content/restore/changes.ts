import { MARK, TAG } from '@/utils/page-markers';

/**
 * Every change NewsLens makes to a page goes through a ChangeLog, which can take it back exactly:
 * `document.documentElement.outerHTML` after `undo()` equals what it was before the first change.
 *
 * Attributes remember their first original value, so that toggling one many times still restores
 * the page's own. A split text node stays in the page as an empty anchor in its old place (a
 * framework that holds a reference to it can still find, update or remove it); undo puts the text
 * back into it, unless the page wrote to it meanwhile, in which case the page's text wins.
 */
export class ChangeLog {
  private readonly undos: (() => void)[] = [];
  private readonly attrs = new Map<Element, Set<string>>();

  get size(): number {
    return this.undos.length;
  }

  /** Sets (or with `null`, removes) an attribute. */
  setAttr(el: Element, name: string, value: string | null): void {
    let names = this.attrs.get(el);
    if (!names) {
      names = new Set();
      this.attrs.set(el, names);
    }
    if (!names.has(name)) {
      names.add(name);
      const original = el.getAttribute(name);
      this.undos.push(() => {
        if (original === null) el.removeAttribute(name);
        else if (el.getAttribute(name) !== original) el.setAttribute(name, original);
      });
    }
    if (value === null) el.removeAttribute(name);
    else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
  }

  /** Inserts one of our own nodes (`before` a node, or `into` an element at its start or end). */
  insert(node: Element, place: { before: Node } | { into: Element; at: 'start' | 'end' }): void {
    if ('before' in place) place.before.parentNode?.insertBefore(node, place.before);
    else if (place.at === 'start') place.into.insertBefore(node, place.into.firstChild);
    else place.into.appendChild(node);
    this.undos.push(() => node.remove());
  }

  /**
   * Wraps `[start, end)` ranges of a text node's data in our run elements (ranges sorted, not
   * overlapping). Returns the run elements, one per range, at once; `place` decides when they go
   * into the page (by default at once), and they do only if the page has not changed the text
   * node's data by then.
   */
  wrapRuns(text: Text, ranges: readonly { start: number; end: number }[], place: (insert: () => void) => void = (insert) => insert()): Element[] {
    const doc = text.ownerDocument;
    const data = text.data;
    const pieces: Node[] = [];
    const runs: Element[] = [];
    let pos = 0;
    for (const { start, end } of ranges) {
      if (start > pos) pieces.push(doc.createTextNode(data.slice(pos, start)));
      const run = doc.createElement(TAG.run);
      run.setAttribute(MARK.run, '');
      run.textContent = data.slice(start, end);
      pieces.push(run);
      runs.push(run);
      pos = end;
    }
    if (pos < data.length) pieces.push(doc.createTextNode(data.slice(pos)));
    this.undos.push(() => {
      const attached = pieces.filter((piece) => piece.parentNode === text.parentNode);
      if (text.data === '' && attached.length === pieces.length) text.data = pieces.map((piece) => piece.textContent ?? '').join('');
      for (const piece of pieces) piece.parentNode?.removeChild(piece);
    });
    place(() => {
      if (text.data !== data || !text.parentNode) return;
      text.after(...pieces);
      text.data = '';
    });
    return runs;
  }

  /** Registers a clean-up that is not a DOM change (a listener, a timer). */
  onUndo(fn: () => void): void {
    this.undos.push(fn);
  }

  undo(): void {
    for (let i = this.undos.length - 1; i >= 0; i--) this.undos[i]?.();
    this.undos.length = 0;
    this.attrs.clear();
  }
}
