import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * WXT stops a content script when a newer copy of it starts in the same page: the newer copy
 * fires a CustomEvent on the document, named after the extension id and the script's name, and
 * the older copy's context ends (NewsLens turns itself off). The page sees that event too, and
 * both parts of the name are public (a store listing shows the id; Firefox's is the add-on id),
 * so any page could fire it and turn NewsLens off.
 *
 * A real newer copy runs in the same isolated world as this one (so it counts itself in this
 * world's global scope, which no page script can reach), or it comes after an update or reload
 * that left this copy's extension context dead. Any other such event is the page's, and stops here,
 * in the capture phase on the window, before it reaches WXT's listener on the document.
 */

const COPIES = Symbol.for('newslens.content-copies');
const world = globalThis as typeof globalThis & { [COPIES]?: number };

// Runs when the bundle is evaluated, before WXT builds the context that fires the event.
world[COPIES] = (world[COPIES] ?? 0) + 1;
const thisCopy = world[COPIES];

const extensionAlive = (): boolean => {
  try {
    return browser.runtime?.id != null;
  } catch {
    return false;
  }
};

/** The event's name, as WXT builds it (a private static of its class; test/content-guard.test.ts checks it is there). */
export const scriptStartedEvent = (): string =>
  (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;

/** Stops the page's imitations of WXT's "a newer copy started" event; returns the undo. */
export function ignorePageStops(win: Window): () => void {
  const type = scriptStartedEvent();
  const filter = (event: Event) => {
    if (world[COPIES] === thisCopy && extensionAlive()) event.stopImmediatePropagation();
  };
  win.addEventListener(type, filter, true);
  return () => win.removeEventListener(type, filter, true);
}

/**
 * Whether an address-change event is WXT's: its event carries the new address as a URL. A page's
 * imitation does not, as an isolated world never sees what page scripts add to an event.
 */
export const isOwnLocationChange = (event: Event): boolean => (event as Event & { newUrl?: unknown }).newUrl instanceof URL;
