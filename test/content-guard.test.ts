import { afterEach, describe, expect, it, vi } from 'vitest';
import { ignorePageStops, isOwnLocationChange, scriptStartedEvent } from '@/entrypoints/content/guard';

/** What WXT's context listens to; the page can fire the same event on the document. */
function fire(): { heard: boolean } {
  const heard = { heard: false };
  const listener = () => {
    heard.heard = true;
  };
  document.addEventListener(scriptStartedEvent(), listener);
  document.dispatchEvent(new CustomEvent(scriptStartedEvent(), { detail: { contentScriptName: 'content', messageId: 'page' } }));
  document.removeEventListener(scriptStartedEvent(), listener);
  return heard;
}

const COPIES = Symbol.for('newslens.content-copies');
const world = globalThis as typeof globalThis & { [COPIES]?: number };

describe("WXT's stop event", () => {
  let undo: (() => void) | undefined;
  afterEach(() => undo?.());

  it('is named by the WXT this project builds with', () => {
    expect(scriptStartedEvent()).toMatch(/:wxt:content-script-started$/);
  });

  it("stops a page's imitation before WXT's listener hears it", () => {
    expect(fire().heard).toBe(true);
    undo = ignorePageStops(window);
    expect(fire().heard).toBe(false);
  });

  it('lets through the event of a newer copy of the content script in the same world', () => {
    undo = ignorePageStops(window);
    world[COPIES] = (world[COPIES] ?? 0) + 1;
    try {
      expect(fire().heard).toBe(true);
    } finally {
      world[COPIES] = (world[COPIES] ?? 1) - 1;
    }
  });

  it('lets it through once the extension is gone (updated or reloaded)', async () => {
    const { browser } = await import('wxt/browser');
    undo = ignorePageStops(window);
    const id = vi.spyOn(browser.runtime, 'id', 'get').mockReturnValue(undefined as unknown as string);
    try {
      expect(fire().heard).toBe(true);
    } finally {
      id.mockRestore();
    }
  });
});

describe("WXT's address-change event", () => {
  it('counts only when it carries the new address, as WXT sends it', () => {
    const own = Object.assign(new Event('x'), { newUrl: new URL('https://example.org/2'), oldUrl: new URL('https://example.org/1') });
    expect(isOwnLocationChange(own)).toBe(true);
    expect(isOwnLocationChange(new Event('x'))).toBe(false);
    expect(isOwnLocationChange(Object.assign(new Event('x'), { newUrl: 'https://example.org/2' }))).toBe(false);
  });
});
