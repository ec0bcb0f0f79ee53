/**
 * Blocks glued together from copies of other blocks: the seed's summary is a cut-off copy of the
 * body's first paragraph followed by its translation, copied whole. Whatever the languages or
 * scripts, a block that is another block's text followed by the start of a third (or the start of
 * one followed by another whole) is two texts, and where they meet is known exactly.
 */

/** Characters by which a text is looked up among the blocks it may start or end. */
const KEY = 24;
/**
 * Distinct texts kept per key. More texts than this opening (or closing) with the same characters
 * are a page's formula ("Photo: …", numbered items), not copies of one paragraph; each lookup
 * stays bounded, so the whole pass stays linear.
 */
const MAX_SHARING = 16;

export interface CopyIndex {
  /** Whether `text` is the start of a block other than `self` (or the whole of it). */
  startsAnother(text: string, self: number): boolean;
  /** The two texts of block `self` when it is glued from copies as above, else none. */
  gluedCopies(self: number): [string, string] | [];
}

/**
 * An index of `texts` by their first and last characters, built on the first question. Each
 * distinct text is indexed once: pages repeat paragraphs, and a list of every copy would be read
 * through for each of them.
 */
export function copyIndex(texts: readonly string[]): CopyIndex {
  let index: { starts: Map<string, string[]>; ends: Map<string, string[]>; copies: Map<string, number> } | null = null;
  const built = () => {
    if (index) return index;
    const starts = new Map<string, string[]>();
    const ends = new Map<string, string[]>();
    const copies = new Map<string, number>();
    for (const text of texts) {
      const seen = copies.get(text);
      copies.set(text, (seen ?? 0) + 1);
      if (seen !== undefined || text.length < KEY) continue;
      for (const [map, key] of [
        [starts, text.slice(0, KEY)],
        [ends, text.slice(-KEY)],
      ] as const) {
        const list = map.get(key);
        if (!list) map.set(key, [text]);
        else if (list.length < MAX_SHARING) list.push(text);
      }
    }
    index = { starts, ends, copies };
    return index;
  };
  const startsAnother = (text: string, self: number): boolean => {
    if (text.length < KEY) return false;
    const { starts, copies } = built();
    const own = texts[self];
    return (starts.get(text.slice(0, KEY)) ?? []).some((other) => other.startsWith(text) && (other !== own || (copies.get(other) ?? 0) > 1));
  };
  return {
    startsAnother,
    gluedCopies(self) {
      const text = texts[self] ?? '';
      if (text.length < 2 * KEY) return [];
      const { starts, ends } = built();
      for (const whole of starts.get(text.slice(0, KEY)) ?? []) {
        if (whole.length > text.length - KEY || !text.startsWith(whole)) continue;
        const rest = text.slice(whole.length).trim();
        if (startsAnother(rest, self)) return [whole, rest];
      }
      for (const whole of ends.get(text.slice(-KEY)) ?? []) {
        if (whole.length > text.length - KEY || !text.endsWith(whole)) continue;
        const head = text.slice(0, text.length - whole.length).trim();
        if (startsAnother(head, self)) return [head, whole];
      }
      return [];
    },
  };
}
