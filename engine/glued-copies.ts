/**
 * Blocks glued together from copies of other blocks: the seed's summary is a cut-off copy of the
 * body's first paragraph followed by its translation, copied whole. Whatever the languages or
 * scripts, a block that is another block's text followed by the start of a third (or the start of
 * one followed by another whole) is two texts, and where they meet is known exactly.
 */

/** Characters by which a text is looked up among the blocks it may start or end. */
const KEY = 24;

export interface CopyIndex {
  /** Whether `text` is the start of a block other than `self` (or the whole of it). */
  startsAnother(text: string, self: number): boolean;
  /** The two texts of block `self` when it is glued from copies as above, else none. */
  gluedCopies(self: number): [string, string] | [];
}

/** An index of `texts` by their first and last characters, built on the first question. */
export function copyIndex(texts: readonly string[]): CopyIndex {
  let byStart: Map<string, number[]> | null = null;
  let byEnd: Map<string, number[]> | null = null;
  const build = () => {
    const starts = new Map<string, number[]>();
    const ends = new Map<string, number[]>();
    texts.forEach((text, t) => {
      if (text.length < KEY) return;
      for (const [map, key] of [
        [starts, text.slice(0, KEY)],
        [ends, text.slice(-KEY)],
      ] as const) {
        const list = map.get(key);
        if (list) list.push(t);
        else map.set(key, [t]);
      }
    });
    byStart = starts;
    byEnd = ends;
    return { starts, ends };
  };
  const index = () => (byStart && byEnd ? { starts: byStart, ends: byEnd } : build());
  const startsAnother = (text: string, self: number): boolean =>
    text.length >= KEY && (index().starts.get(text.slice(0, KEY)) ?? []).some((t) => t !== self && (texts[t] ?? '').startsWith(text));
  return {
    startsAnother,
    gluedCopies(self) {
      const text = texts[self] ?? '';
      if (text.length < 2 * KEY) return [];
      const { starts, ends } = index();
      for (const t of starts.get(text.slice(0, KEY)) ?? []) {
        const whole = texts[t] ?? '';
        if (t === self || whole.length > text.length - KEY || !text.startsWith(whole)) continue;
        const rest = text.slice(whole.length).trim();
        if (startsAnother(rest, self)) return [whole, rest];
      }
      for (const t of ends.get(text.slice(-KEY)) ?? []) {
        const whole = texts[t] ?? '';
        if (t === self || whole.length > text.length - KEY || !text.endsWith(whole)) continue;
        const head = text.slice(0, text.length - whole.length).trim();
        if (startsAnother(head, self)) return [head, whole];
      }
      return [];
    },
  };
}
