import { describe, expect, it, vi } from 'vitest';
import { PageObserver } from '@/entrypoints/content/observer';
import { Cancelled, paced, runSliced, sliced } from '@/entrypoints/content/schedule';
import type { Steps } from '@/utils/steps';
import { MARK } from '@/utils/page-markers';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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
    const controller = new AbortController();
    let done = 0;
    const run = sliced(
      Array.from({ length: 1000 }, (_, i) => i),
      () => {
        done++;
        if (done === 10) controller.abort();
        const end = performance.now() + 0.2;
        while (performance.now() < end);
      },
      { budgetMs: 1, signal: controller.signal },
    );
    await expect(run).rejects.toBeInstanceOf(Cancelled);
    expect(done).toBeLessThan(1000);
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
      // Each step reads the clock twice at most, so a 10 ms slice holds five steps or more.
      expect(timers.mock.calls.length).toBeGreaterThanOrEqual(5);
      expect(timers.mock.calls.length).toBeLessThanOrEqual(20);
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

describe('writes paced one slice per frame', () => {
  const pace = async (opts: { budgetMs?: number } = {}) => {
    const perSlice: number[] = [];
    let items = 0;
    await paced(
      Array.from({ length: 640 }, (_, i) => i),
      () => items++,
      {
        ...opts,
        around: (slice) => {
          items = 0;
          slice();
          perSlice.push(items);
        },
      },
    );
    expect(perSlice.reduce((sum, n) => sum + n, 0)).toBe(640);
    return perSlice;
  };

  it('starts at a sixteenth of the items and writes more per frame while frames come quickly', async () => {
    const perSlice = await pace();
    expect(perSlice[0]).toBe(40);
    expect(perSlice[1]).toBe(80);
    expect(perSlice.length).toBeLessThan(16);
  });

  it('writes less per frame after long frames, down to a thirty-second of the items', async () => {
    // Every read of the clock is 60 ms later: each frame looks long.
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 60));
    try {
      const perSlice = await pace({ budgetMs: Number.POSITIVE_INFINITY });
      expect(perSlice.slice(0, 3)).toEqual([40, 20, 20]);
      expect(perSlice).toHaveLength(32);
    } finally {
      now.mockRestore();
    }
  });
});

describe('the page observer', () => {
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
    const started = Date.now();
    while (Date.now() - started < 350) {
      main.append(document.createTextNode('tick '));
      await sleep(10);
    }
    observer.stop();
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(calls).toBeLessThanOrEqual(4);
  });
});
