import type { Steps } from '@/utils/steps';

/**
 * Work on the page runs in slices so that no task blocks it for long: a slice stops once it has
 * used its budget, well under the 50 ms that makes a long task, and the rest waits for the next
 * turn of the event loop, after the page's own input and rendering. The budget leaves room for a
 * machine busy with other work, where a slice takes longer by the clock than by its own count.
 */

export const SLICE_MS = 8;

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

/** Longest wait for a frame: a hidden tab renders none, and its writes are laid out when shown. */
const FRAME_WAIT_MS = 100;

/**
 * Resolves in the task after the browser's next rendering (or after FRAME_WAIT_MS where none
 * comes), with how long that rendering and anything queued with it kept the page busy.
 */
export function afterFrame(): Promise<number> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (busy: number) => {
      if (settled) return;
      settled = true;
      resolve(busy);
    };
    const timer = setTimeout(() => settle(0), FRAME_WAIT_MS);
    requestAnimationFrame(() => {
      const start = now();
      setTimeout(() => {
        clearTimeout(timer);
        settle(now() - start);
      }, 0);
    });
  });
}

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

export interface SliceOptions {
  signal?: AbortSignal;
  budgetMs?: number;
  /** Runs around each slice, so that a caller can pause its MutationObserver exactly while it writes. */
  around?: (slice: () => void) => void;
}

/**
 * Runs `work` over `items` in slices of at most `budgetMs` (and `most` items), waiting between
 * slices with `pause`. Throws `Cancelled` when `signal` aborts between slices.
 */
async function inSlices<T>(items: Iterable<T>, work: (item: T) => void, opts: SliceOptions, most: () => number, pause: () => Promise<void>) {
  const budget = opts.budgetMs ?? SLICE_MS;
  const around = opts.around ?? ((slice: () => void) => slice());
  const iterator = items[Symbol.iterator]();
  let done = false;
  while (!done) {
    if (opts.signal?.aborted) throw new Cancelled();
    const limit = most();
    around(() => {
      const start = now();
      let count = 0;
      do {
        const next = iterator.next();
        if (next.done) {
          done = true;
          return;
        }
        work(next.value);
        count++;
      } while (count < limit && now() - start < budget);
    });
    if (!done) await pause();
  }
}

/** Runs `work` over `items` in slices of at most `budgetMs`, yielding between slices. */
export function sliced<T>(items: Iterable<T>, work: (item: T) => void, opts: SliceOptions = {}): Promise<void> {
  return inSlices(items, work, opts, () => Number.POSITIVE_INFINITY, yieldToPage);
}

/** Rendering time per frame that `paced` aims at, and the one over which it writes less. */
const FRAME_GOOD_MS = 20;
const FRAME_LONG_MS = 40;
/** `paced` takes this many frames at least, and twice as many at most. */
const FEWEST_FRAMES = 16;

/**
 * Runs `work` over `items` one slice per frame, for writes whose cost lies in the rendering after
 * them rather than in the slice: the browser lays out each slice's writes before the next slice
 * begins. Every frame that changes the layout of a long page costs a walk over the whole page,
 * whatever it changed, so the fewer such frames the better; every write adds its own share to
 * that frame, so the smaller the slice the shorter the frame. A slice starts at a
 * FEWEST_FRAMES-th of the items, halves after a frame that took over FRAME_LONG_MS (down to
 * twice as many frames) and doubles after one that took under FRAME_GOOD_MS.
 */
export function paced<T>(items: readonly T[], work: (item: T) => void, opts: SliceOptions = {}): Promise<void> {
  const least = Math.max(1, Math.ceil(items.length / (2 * FEWEST_FRAMES)));
  let size = 2 * least;
  return inSlices(
    items,
    work,
    opts,
    () => size,
    async () => {
      const busy = await afterFrame();
      if (busy > FRAME_LONG_MS) size = Math.max(least, size >> 1);
      else if (busy < FRAME_GOOD_MS) size *= 2;
    },
  );
}

/**
 * Runs a pass over the page (see utils/steps.ts) in slices of at most `budgetMs`, yielding between
 * slices; resolves with what the pass returns. Throws `Cancelled` when `signal` aborts between slices.
 */
export async function runSliced<T>(steps: Steps<T>, opts: { signal?: AbortSignal; budgetMs?: number } = {}): Promise<T> {
  const budget = opts.budgetMs ?? SLICE_MS;
  for (;;) {
    if (opts.signal?.aborted) throw new Cancelled();
    const start = now();
    do {
      const next = steps.next();
      if (next.done) return next.value;
    } while (now() - start < budget);
    await yieldToPage();
  }
}
