import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageObserver } from '@/entrypoints/content/observer';
import { Cancelled, inFrames, runSliced, sliced, WRITE_FRAMES, WRITES_PER_FRAME } from '@/entrypoints/content/schedule';
import type { Steps } from '@/engine/steps';
import { MARK } from '@/utils/page-markers';

describe('sliced work', () => {
  it('ends each slice once its budget is used', async () => {
    // A fake clock: each item takes 1 ms, so the budget decides exactly where slices end.
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const perSlice: number[] = [];
    let items = 0;
    try {
      await sliced(
        Array.from({ length: 23 }, (_, i) => i),
        () => {
          clock += 1;
          items++;
        },
        {
          budgetMs: 5,
          around: (slice) => {
            items = 0;
            slice();
            perSlice.push(items);
          },
        },
      );
    } finally {
      now.mockRestore();
    }
    expect(perSlice).toEqual([5, 5, 5, 5, 3]);
  });

  it('stops between slices when cancelled', async () => {
    // A fake clock: each item takes 1 ms, so a slice holds five items and the abort comes in the second.
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const controller = new AbortController();
    let done = 0;
    try {
      const run = sliced(
        Array.from({ length: 1000 }, (_, i) => i),
        () => {
          clock += 1;
          done++;
          if (done === 8) controller.abort();
        },
        { budgetMs: 5, signal: controller.signal },
      );
      await expect(run).rejects.toBeInstanceOf(Cancelled);
    } finally {
      now.mockRestore();
    }
    expect(done).toBe(10);
  });
});

describe('a pass run in slices', () => {
  function* counting(n: number): Steps<number> {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      sum += i;
      yield;
    }
    return sum;
  }

  it('runs a pass to its end, a slice per budget, and returns its result', async () => {
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => clock++);
    const timers = vi.spyOn(globalThis, 'setTimeout');
    try {
      expect(await runSliced(counting(100), { budgetMs: 10 })).toBe(4950);
      // The fake clock moves one tick a read: a slice reads it at its start and after each step, so a
      // 10 ms slice holds ten steps; the hundred steps fill ten slices, each followed by one yield
      // (the pass's end is read in an eleventh).
      expect(timers.mock.calls.length).toBe(10);
    } finally {
      now.mockRestore();
      timers.mockRestore();
    }
  });

  it('stops between slices when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runSliced(counting(10), { signal: controller.signal })).rejects.toBeInstanceOf(Cancelled);
  });
});

describe('writes that change layout, in few frames', () => {
  /**
   * Runs `inFrames` over `count` items; returns how many items each slice wrote and which frame it
   * wrote in. The clock is fake and moves only by `msPerItem` a write: a busy machine must not
   * change how the writes are cut.
   */
  const inFramesOf = async (count: number, opts: { budgetMs?: number; msPerItem?: number } = {}) => {
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => clock);
    let frames = 0;
    const raf = vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => {
      return setTimeout(() => {
        frames++;
        callback(performance.now());
      }, 1) as unknown as number;
    });
    const slices: { items: number; frame: number }[] = [];
    let items = 0;
    try {
      await inFrames(
        Array.from({ length: count }, (_, i) => i),
        () => {
          clock += opts.msPerItem ?? 0;
          items++;
        },
        {
          budgetMs: opts.budgetMs,
          around: (slice) => {
            items = 0;
            slice();
            slices.push({ items, frame: frames });
          },
        },
      );
    } finally {
      raf.mockRestore();
      now.mockRestore();
    }
    expect(slices.reduce((sum, slice) => sum + slice.items, 0)).toBe(count);
    return slices;
  };

  it(`writes in at most ${WRITE_FRAMES} frames, whatever the number of items, each slice right after a frame begins`, async () => {
    for (const count of [4000, 40_000]) {
      const slices = await inFramesOf(count);
      expect(slices.map((slice) => slice.items)).toEqual(Array(WRITE_FRAMES).fill(count / WRITE_FRAMES));
      expect(slices.map((slice) => slice.frame)).toEqual([1, 2, 3, 4]);
    }
  });

  it(`takes one frame for every ${WRITES_PER_FRAME} writes: a short page is written in one`, async () => {
    expect(await inFramesOf(40)).toEqual([{ items: 40, frame: 1 }]);
    expect(await inFramesOf(WRITES_PER_FRAME)).toEqual([{ items: WRITES_PER_FRAME, frame: 1 }]);
    expect((await inFramesOf(2 * WRITES_PER_FRAME + 1)).map((slice) => slice.frame)).toEqual([1, 2, 3]);
  });

  it('takes more frames only where a slice would use more than its budget', async () => {
    const slices = await inFramesOf(400, { budgetMs: 30, msPerItem: 1 });
    expect(slices.map((slice) => slice.items)).toEqual([...Array(13).fill(30), 10]);
    expect(slices.map((slice) => slice.frame)).toEqual(slices.map((_, i) => i + 1));
  });

  it('writes nothing and waits for no frame when there is nothing to write', async () => {
    expect(await inFramesOf(0)).toEqual([]);
  });
});

describe('the page observer', () => {
  // A fake clock: the waits are the observer's behaviour, and a busy machine must not change them.
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const sleep = (ms: number) => vi.advanceTimersByTimeAsync(ms);

  it('batches the page changes, ignores its own writes and our widgets, and waits for quiet', async () => {
    document.body.innerHTML = '<main></main>';
    const main = document.querySelector('main') as HTMLElement;
    let calls = 0;
    const observer = new PageObserver(document.documentElement, () => calls++, { quietMs: 30, maxWaitMs: 1000 });
    observer.start();

    observer.quiet(() => main.append(document.createElement('p')));
    const widget = document.createElement('newslens-marker');
    widget.setAttribute(MARK.ui, 'marker');
    observer.quiet(() => main.append(widget));
    widget.append(document.createElement('span'));
    await sleep(80);
    expect(calls).toBe(0);

    for (let i = 0; i < 5; i++) {
      const p = document.createElement('p');
      p.textContent = `added ${i}`;
      main.append(p);
      await sleep(5);
    }
    await sleep(80);
    expect(calls).toBe(1);
    observer.stop();
  });

  it('still runs while a page never stops changing, at most once per max wait', async () => {
    document.body.innerHTML = '<main></main>';
    const main = document.querySelector('main') as HTMLElement;
    let calls = 0;
    const observer = new PageObserver(document.documentElement, () => calls++, { quietMs: 50, maxWaitMs: 100 });
    observer.start();
    // A change every 10 ms for 350 ms: never 50 ms of quiet, so only the max wait fires (100, 200, 300).
    for (let tick = 0; tick < 35; tick++) {
      main.append(document.createTextNode('tick '));
      await sleep(10);
    }
    expect(calls).toBe(3);
    observer.stop();
    await sleep(1000);
    expect(calls).toBe(3);
  });
});
