/**
 * Work on the page runs in slices so that no task blocks it for long: a slice stops once it has
 * used its budget, well under the 50 ms that makes a long task, and the rest waits for the next
 * turn of the event loop, after the page's own input and rendering.
 */

export const SLICE_MS = 12;

const now = (): number => performance.now();

/**
 * Gives the event loop back to the page once; resolves in a later task. A plain timer task, on
 * purpose: `scheduler.yield()` continuations run ahead of the page's own timers, so a long run of
 * slices would starve them as surely as one long task; nested timeouts are clamped to 4 ms, which
 * leaves the page a quarter of the time at least.
 */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

/**
 * Runs `work` over `items` in slices of at most `budgetMs`, yielding between slices. Throws
 * `Cancelled` when `signal` aborts between slices. `before`/`after` run around each slice, so a
 * caller can pause its MutationObserver exactly while it writes.
 */
export async function sliced<T>(
  items: Iterable<T>,
  work: (item: T) => void,
  opts: { signal?: AbortSignal; budgetMs?: number; around?: (slice: () => void) => void } = {},
): Promise<void> {
  const budget = opts.budgetMs ?? SLICE_MS;
  const around = opts.around ?? ((slice: () => void) => slice());
  const iterator = items[Symbol.iterator]();
  let done = false;
  while (!done) {
    if (opts.signal?.aborted) throw new Cancelled();
    around(() => {
      const start = now();
      do {
        const next = iterator.next();
        if (next.done) {
          done = true;
          return;
        }
        work(next.value);
      } while (now() - start < budget);
    });
    if (!done) await yieldToPage();
  }
}
