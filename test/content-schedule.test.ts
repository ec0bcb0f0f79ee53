import { describe, expect, it, vi } from 'vitest';
import { PageObserver } from '@/entrypoints/content/observer';
import { Cancelled, sliced } from '@/entrypoints/content/schedule';
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
