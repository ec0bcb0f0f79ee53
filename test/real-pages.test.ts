import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../engine/article';
import { findScores, findTags } from '../engine/scores';
import { visibleText } from '../engine/text';
import { realPage, realPageNames } from './real-pages-corpus';

/**
 * Article extraction against Mozilla Readability's on 62 real saved pages. Readability's output is
 * a reference reader view, not ground truth, so the thresholds sit just under what is measured.
 */
/** Measured medians are 0.99 / 1.00; the thresholds leave room for small changes. */
const MEDIAN_RECALL = 0.95;
const MEDIAN_PRECISION = 0.95;
/** Pages whose article we miss most of, known and listed so that a new one fails the test. */
const FLOOR = 0.5;
// bug-1255978 left the list when paragraphs beside the story's container joined it (its body stands in sibling boxes);
// firefox-nightly-blog when list items whose link stands at their start or end stopped counting as teasers.
const BELOW_FLOOR = ['hukumusume'];

/** Words for alphabetic text, single characters for CJK, so both compare at a similar grain. */
function tokens(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of text.toLowerCase().matchAll(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{L}\p{N}]+/gu)) {
    counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  }
  return counts;
}

function overlap(ours: Map<string, number>, ref: Map<string, number>): { recall: number; precision: number } {
  let common = 0;
  let oursTotal = 0;
  let refTotal = 0;
  for (const n of ours.values()) oursTotal += n;
  for (const [t, n] of ref) {
    refTotal += n;
    common += Math.min(n, ours.get(t) ?? 0);
  }
  return { recall: refTotal === 0 ? 1 : common / refTotal, precision: oursTotal === 0 ? 0 : common / oursTotal };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

interface PageResult {
  name: string;
  recall: number;
  precision: number;
  ms: number;
  scores: number;
  tags: string[];
}

function measure(): PageResult[] {
  return realPageNames().map((name) => {
    const source = realPage(name);
    const expected = realPage(name, 'expected.html');
    const { document } = parseHTML(source);
    const doc = document as unknown as Document;
    const t0 = performance.now();
    const article = extractArticle(doc);
    const ms = performance.now() - t0;
    const ours = article.blocks
      .filter((b) => b.inArticle)
      .map((b) => b.text)
      .join(' ');
    const ref = parseHTML(`<!DOCTYPE html><html><body>${expected}</body></html>`).document as unknown as Document;
    const { recall, precision } = overlap(tokens(ours), tokens(visibleText(ref.body)));
    return {
      name,
      recall,
      precision,
      ms,
      scores: findScores(doc, article.title).length,
      tags: findTags(doc, article.root),
    };
  });
}

describe('article extraction on real pages', () => {
  const results = measure();

  it('covers the whole corpus', () => {
    expect(results.length).toBe(62);
  });

  it('finds the article that Readability finds', () => {
    const lines = results.map(
      (r) =>
        `${r.name.padEnd(32)} recall ${r.recall.toFixed(2)}  precision ${r.precision.toFixed(2)}  ${r.ms.toFixed(1).padStart(6)} ms  scores ${r.scores}  tags ${r.tags.length}`,
    );
    const recalls = results.map((r) => r.recall);
    const precisions = results.map((r) => r.precision);
    lines.push(`median recall ${median(recalls).toFixed(3)}  median precision ${median(precisions).toFixed(3)}`);
    console.log(lines.join('\n'));
    expect(median(recalls)).toBeGreaterThanOrEqual(MEDIAN_RECALL);
    expect(median(precisions)).toBeGreaterThanOrEqual(MEDIAN_PRECISION);
    expect(results.filter((r) => r.recall < FLOOR).map((r) => r.name)).toEqual(BELOW_FLOOR);
  });

  it('reports no site scores on ordinary news pages', () => {
    expect(results.filter((r) => r.scores > 0).map((r) => r.name)).toEqual([]);
  });

  it('reads only real tag lists: short, unique chips, none from navigation or share bars', () => {
    const all = results.flatMap((r) => r.tags);
    for (const r of results) expect(new Set(r.tags.map((t) => t.toLowerCase())).size).toBe(r.tags.length);
    expect(all.every((t) => t.length > 0 && t.length <= 40)).toBe(true);
    expect(all.filter((t) => /^(share|tweet|email|print|home|menu)$/i.test(t))).toEqual([]);
    expect(results.find((r) => r.name === 'guardian-1')?.tags).toEqual(
      expect.arrayContaining(['New Zealand', 'Whales', 'Marine life']),
    );
    // 15 of the pages carry real tag lists (blogs, Guardian keywords, Engadget tags); measured, not guessed.
    expect(results.filter((r) => r.tags.length > 0).length).toBeLessThanOrEqual(16);
  });
});
