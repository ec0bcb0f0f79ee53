/**
 * A long pass over a page's DOM, written as a generator that yields every few hundred nodes: the
 * content script runs it in slices between which the page gets the main thread back (see
 * entrypoints/content/schedule.ts); the command line and tests run it through with `runSteps`.
 * The DOM may change between two slices: a pass then sees part of the change, never throws, and
 * the page's MutationObserver asks for another pass.
 */
export type Steps<T> = Generator<void, T, void>;

/** Nodes (or blocks, or elements) a pass handles between two yields: well under a millisecond. */
export const STEP = 128;

/** Runs a pass to its end, at once. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
