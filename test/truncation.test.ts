import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { endsInEllipsis, truncation } from '../engine/truncation';
import { blockTexts } from './block-texts';

const FIXTURES = resolve(__dirname, 'fixtures');

function lines(name: string): string[] {
  return readFileSync(resolve(FIXTURES, 'dup', name), 'utf8').split('\n').filter(Boolean);
}
const EN = lines('ntrex-en.txt');
const ZH = lines('ntrex-zh.txt');

/** Paragraphs of four consecutive NTREX lines, as a page would show them. */
function paragraphs(source: readonly string[], separator: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 4 <= source.length; i += 4) out.push(source.slice(i, i + 4).join(separator));
  return out;
}

describe('truncation on the seed page', () => {
  const texts = blockTexts(readFileSync(resolve(FIXTURES, 'seed', 'page.html'), 'utf8'));

  it('flags the last Chinese paragraph, which stops on "..."', () => {
    const last = texts.find((t) => t.endsWith('形成持续的需求...'));
    expect(last).toBeDefined();
    expect(truncation(last ?? '')).toBe('ellipsis');
  });

  it('flags the summary English half, cut after "raw,"', () => {
    const summary = texts.find((t) => t.includes('raw, 每月'));
    const english = summary?.slice(0, summary.search(/\p{Script=Han}/u)).trim() ?? '';
    expect(english.endsWith('raw,')).toBe(true);
    expect(truncation(english)).toBe('mid-sentence');
  });

  it('leaves every other block alone: title, labels, complete paragraphs, disclaimer', () => {
    const flagged = texts.filter((t) => truncation(t) !== null);
    expect(flagged).toHaveLength(1);
    expect(flagged[0]?.endsWith('形成持续的需求...')).toBe(true);
  });
});

describe('truncation on real text', () => {
  it('flags NTREX paragraphs cut with an ellipsis a few words into a sentence, or after a comma', () => {
    const english = paragraphs(EN, ' ').slice(0, 40);
    const chinese = paragraphs(ZH, '').slice(0, 40);
    let cut = 0;
    let ellipses = 0;
    for (const p of [...english, ...chinese]) {
      const han = /\p{Script=Han}/u.test(p);
      // Cut at a comma once the text is paragraph-sized (≥ 200 Latin characters or 100 Chinese ones) and holds a full stop.
      const comma = p.indexOf(han ? '，' : ',', Math.max(p.search(/[.。]/u) + 1, han ? 100 : 200));
      if (comma > 0) {
        expect(truncation(p.slice(0, comma + 1))).toBe('mid-sentence');
        cut++;
      }
      const words = p.split(' ');
      const half = han ? p.slice(0, Math.floor(p.length * 0.7)) : words.slice(0, Math.floor(words.length * 0.7)).join(' ');
      // One or two words after a full stop ("… the desert. Deep…") read like a "More…" label: left out on purpose.
      const clause = half.split(/[.!?。！？]\s*/u).pop() ?? '';
      const clauseWords = (clause.match(/\p{Script=Han}/gu)?.length ?? 0) / 2 + (clause.match(/[\p{Script=Latin}\d'’]+/gu)?.length ?? 0);
      if (/[\p{L}\p{N}]$/u.test(half) && clauseWords >= 3) {
        for (const mark of ['...', '…', '……', '。。。']) expect(truncation(`${half}${mark}`)).toBe('ellipsis');
        ellipses++;
      }
    }
    expect(cut).toBeGreaterThan(20);
    expect(ellipses).toBeGreaterThan(50);
  });

  it('does not flag complete NTREX paragraphs, even Chinese ones whose last line lacks its 。', () => {
    const all = [...paragraphs(EN, ' '), ...paragraphs(ZH, '')];
    expect(all.filter((p) => truncation(p) !== null)).toEqual([]);
  });

  it('treats a long paragraph ending on an article or conjunction as cut, and one ending on a plain word as complete', () => {
    const p = paragraphs(EN, ' ')[3] ?? '';
    const body = p.replace(/[.!?"”]+$/u, '');
    expect(truncation(`${body} and the`)).toBe('mid-sentence');
    expect(truncation(body)).toBeNull();
  });

  it('ignores labels, short lines and ordinary trailing ellipses', () => {
    for (const label of ['Loading…', 'Read more...', 'Continue reading...', '更多...', 'Share', '']) {
      expect(truncation(label)).toBeNull();
    }
    const p = paragraphs(EN, ' ')[5] ?? '';
    expect(truncation(`${p} Read more…`)).toBeNull();
    expect(truncation(`${p.replace(/\.$/, '')}, etc...`)).toBeNull();
    expect(truncation(`${p.replace(/\.$/, '')}; ...`)).toBeNull();
  });

  it('tells an ellipsis after a word, which beside a longer translation is a cut, from a list or "etc."', () => {
    expect(endsInEllipsis('I\'m not running, but I\'m really running," he said. "That\'s...')).toBe(true);
    expect(endsInEllipsis('形成持续的需求...')).toBe(true);
    expect(endsInEllipsis('Text cut after the comma,...')).toBe(true);
    for (const text of ['apples, pears, ...', 'and so on...', '等等……', 'A complete sentence.', '...']) expect(endsInEllipsis(text), text).toBe(false);
  });

});
