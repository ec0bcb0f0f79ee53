import type { Steps } from '@/engine/steps';

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
 * Resolves at the start of the browser's next rendering (in its animation-frame callbacks, before
 * it recomputes style and layout), or after FRAME_WAIT_MS where no frame comes. Whatever is written
 * on resuming is laid out in that same frame, together with anything else written since the last.
 */
export function beforeLayout(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, FRAME_WAIT_MS);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      resolve();
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
  // One item read ahead, so that the last slice is known as such and no wait follows it.
  let next = iterator.next();
  while (!next.done) {
    if (opts.signal?.aborted) throw new Cancelled();
    const limit = most();
    around(() => {
      const start = now();
      let count = 0;
      do {
        work(next.value as T);
        count++;
        next = iterator.next();
      } while (!next.done && count < limit && now() - start < budget);
    });
    if (!next.done) await pause();
  }
}

/** Runs `work` over `items` in slices of at most `budgetMs`, yielding between slices. */
export function sliced<T>(items: Iterable<T>, work: (item: T) => void, opts: SliceOptions = {}): Promise<void> {
  return inSlices(items, work, opts, () => Number.POSITIVE_INFINITY, yieldToPage);
}

/**
 * How many frames `inFrames` spreads its writes over, and our own share of each: the browser's
 * style and layout come on top of it in the same frame; a slice that does not fit in the budget
 * carries on in the next frame.
 */
export const WRITE_FRAMES = 4;
export const FRAME_WRITE_MS = 25;
/**
 * Writes one frame takes before the next is used: a block whose `lang` changes is shaped again,
 * about a quarter of a millisecond each, so a hundred add some 25 ms of layout to a frame. A short
 * page (the seed: a few dozen) is written in one frame, ready three frames sooner.
 */
export const WRITES_PER_FRAME = 100;

/**
 * Runs `work` over `items` in up to WRITE_FRAMES frames, one for every WRITES_PER_FRAME items
 * (more only where our own slices need them),
 * each slice at the start of a frame's rendering: for writes whose cost lies in the layout after
 * them. On a long page every frame that changes layout costs a walk over the whole page whatever
 * it changed (10,000 paragraphs: 60–120 ms on this project's test machine), and each write adds
 * its own share on top (a paragraph whose `lang` changes is shaped again: about a quarter of a
 * millisecond each). Few frames keep the first cost from being paid once per slice; more than one
 * keeps the second from freezing the page in one piece.
 */
export async function inFrames<T>(items: readonly T[], work: (item: T) => void, opts: SliceOptions = {}): Promise<void> {
  if (items.length === 0) return;
  const frames = Math.min(WRITE_FRAMES, Math.ceil(items.length / WRITES_PER_FRAME));
  const perFrame = Math.ceil(items.length / frames);
  await beforeLayout();
  return inSlices(items, work, { ...opts, budgetMs: opts.budgetMs ?? FRAME_WRITE_MS }, () => perFrame, beforeLayout);
}

/**
 * Runs a pass over the page (see engine/steps.ts) in slices of at most `budgetMs`, yielding between
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
