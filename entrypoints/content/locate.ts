import { isOurs } from '@/utils/page-markers';

/**
 * Finds where each part of a block (its language halves, as the engine split its text) lies in
 * the block's text nodes. The engine's text is folded visible text, so the search ignores white
 * space and invisible format characters on both sides and compares everything else exactly.
 */

export interface Segment {
  node: Text;
  start: number;
  end: number;
}

export interface PartPlace {
  /** Page elements whose text lies entirely inside the part: marking them needs no new nodes. */
  elements: Element[];
  /** Stretches of text nodes that share their node with another part: these need our own runs. */
  wraps: Segment[];
  /**
   * The separator between this part and the one before it ("English title · 中文标题"), when only
   * a separator stands between them: it belongs to neither language.
   */
  separator: Segment[];
}

/** Marks that stand between two versions of a title or label and mean nothing on their own. */
const SEPARATOR = /^[·•|｜/／\-–—:：、,，;；]+$/u;

const IGNORED = /[\s\u200b-\u200d\u2060\ufeff]/;
const IGNORED_ALL = /[\s\u200b-\u200d\u2060\ufeff]/g;
/** Text the engine leaves out of a block's text (engine/text.ts NEVER_TEXT): ruby annotations too. */
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'RT', 'RP']);
/** Hiding an element that holds one of these would hide more than text. */
const EMBEDDED = 'img,picture,video,audio,iframe,svg,canvas,object,embed,input,select,textarea';

function textNodesOf(el: Element): Text[] {
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(el, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      const element = node as Element;
      return SKIPPED_TAGS.has(element.tagName.toUpperCase()) || isOurs(element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
    },
  });
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

export function locateParts(el: Element, texts: readonly string[]): PartPlace[] | null {
  const nodes = textNodesOf(el);
  let compact = '';
  const nodeAt: number[] = [];
  const offsetAt: number[] = [];
  const firstOf: number[] = [];
  const endOf: number[] = [];
  nodes.forEach((node, n) => {
    firstOf.push(compact.length);
    const data = node.data;
    for (let i = 0; i < data.length; i++) {
      const ch = data[i] as string;
      if (IGNORED.test(ch)) continue;
      compact += ch;
      nodeAt.push(n);
      offsetAt.push(i);
    }
    endOf.push(compact.length);
  });

  const ranges: [number, number][] = [];
  let cursor = 0;
  for (const text of texts) {
    const needle = text.replace(IGNORED_ALL, '');
    if (needle === '') return null;
    const at = compact.indexOf(needle, cursor);
    if (at < 0) return null;
    ranges.push([at, at + needle.length]);
    cursor = at + needle.length;
  }

  const rangeOf = (element: Element): [number, number] | null => {
    let first = -1;
    let end = -1;
    nodes.forEach((node, n) => {
      if ((endOf[n] as number) === (firstOf[n] as number) || !element.contains(node)) return;
      if (first < 0) first = firstOf[n] as number;
      end = endOf[n] as number;
    });
    return first < 0 ? null : [first, end];
  };

  const segmentsOf = (from: number, to: number): Segment[] => {
    const segments: Segment[] = [];
    for (let n = nodeAt[from] as number; n <= (nodeAt[to - 1] as number); n++) {
      const node = nodes[n] as Text;
      if ((endOf[n] as number) === (firstOf[n] as number)) continue;
      const start = n === nodeAt[from] ? (offsetAt[from] as number) : (offsetAt[firstOf[n] as number] as number);
      const end = n === nodeAt[to - 1] ? (offsetAt[to - 1] as number) + 1 : (offsetAt[(endOf[n] as number) - 1] as number) + 1;
      segments.push({ node, start, end });
    }
    return segments;
  };

  return ranges.map(([from, to], i): PartPlace => {
    const previousEnd = i > 0 ? (ranges[i - 1] as [number, number])[1] : from;
    const separator = previousEnd < from && SEPARATOR.test(compact.slice(previousEnd, from)) ? segmentsOf(previousEnd, from) : [];
    const firstNode = nodeAt[from] as number;
    const lastNode = nodeAt[to - 1] as number;
    const elements: Element[] = [];
    const wraps: Segment[] = [];
    for (let n = firstNode; n <= lastNode; n++) {
      const node = nodes[n] as Text;
      if (elements.some((element) => element.contains(node))) continue;
      if ((endOf[n] as number) === (firstOf[n] as number)) continue;
      let best: Element | null = null;
      for (let up = node.parentElement; up && up !== el && el.contains(up); up = up.parentElement) {
        const range = rangeOf(up);
        if (!range || range[0] < from || range[1] > to || up.querySelector(EMBEDDED) || up.matches(EMBEDDED)) break;
        best = up;
      }
      if (best) {
        elements.push(best);
        continue;
      }
      const start = n === firstNode ? (offsetAt[from] as number) : 0;
      const end = n === lastNode ? (offsetAt[to - 1] as number) + 1 : node.data.length;
      wraps.push({ node, start, end });
    }
    return { elements, wraps, separator };
  });
}
