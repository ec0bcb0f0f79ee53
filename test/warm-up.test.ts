// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { analyzeSnapshot } from '../engine/analyze';
import { readFigures } from '../engine/numbers';
import { WARM_UP_PAGE, warmUp } from '../entrypoints/background/warm-up';

describe('the background warm-up', () => {
  // The sample is only worth its bytes if it runs the costly parts of a first analysis.
  it('runs languages, pairing, duplicates and disclosures on its page', () => {
    const { report } = analyzeSnapshot(WARM_UP_PAGE);
    expect(report.bilingual.detected).toBe(true);
    expect(report.bilingual.languages.map((lang) => lang.split('-')[0])).toEqual(['en', 'zh']);
    expect(report.bilingual.pairs.length).toBeGreaterThanOrEqual(2);
    expect(report.duplicates.length).toBe(1);
    expect(report.disclosures.map((disclosure) => disclosure.kind)).toContain('generated');
    expect(report.disclosures.length).toBeGreaterThanOrEqual(2);
  });

  it('holds the figures, quotations and cut-off copy that most pages hold, so that their work is compiled too', () => {
    const analysis = analyzeSnapshot(WARM_UP_PAGE);
    // Every English paragraph with its Chinese translation, the title's two halves too.
    expect(analysis.report.bilingual.pairs.length).toBeGreaterThanOrEqual(4);
    expect(analysis.truncated).toHaveLength(1);
    expect(analysis.report.disclosures.map((disclosure) => disclosure.kind)).toContain('assisted');
    const kinds = new Set(WARM_UP_PAGE.blocks.flatMap((block) => readFigures(block.text, block.declaredLang ?? 'en').map((figure) => figure.kind)));
    expect([...kinds].sort()).toEqual(['amount', 'month', 'percent', 'year']);
    const scaled = WARM_UP_PAGE.blocks.flatMap((block) => readFigures(block.text, block.declaredLang ?? 'en')).filter((figure) => figure.scaled);
    expect(scaled.map((figure) => figure.text)).toEqual(expect.arrayContaining(['$25 billion', '250亿美元']));
  });

  it('analyses twice, each in a task after the current one, and stops at a failure without throwing', () => {
    vi.useFakeTimers();
    try {
      const analyze = vi.fn(analyzeSnapshot);
      warmUp(analyze);
      expect(analyze).not.toHaveBeenCalled();
      vi.advanceTimersToNextTimer();
      expect(analyze).toHaveBeenCalledTimes(1);
      vi.runAllTimers();
      expect(analyze).toHaveBeenCalledTimes(2);
      expect(analyze).toHaveBeenCalledWith(WARM_UP_PAGE);
      const failing = vi.fn(() => {
        throw new Error('engine failure');
      });
      warmUp(failing);
      vi.runAllTimers();
      expect(failing).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
