import { browser } from 'wxt/browser';

/**
 * One value in the extension's local storage, with the value read while none is stored. A few
 * lines in place of WXT's storage module, whose versions and migrations NewsLens never used: the
 * content script carries every byte it imports, and its budget is 40 KB gzipped. The key is the one
 * WXT stored the value under (`local:settings` → `settings`), so stored settings carry over.
 */
export interface LocalItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  /** Calls back with the new and the old value (the fallback where none) on every change, from any context. */
  watch(callback: (value: T, before: T) => void): () => void;
}

export function localItem<T>(key: string, fallback: T): LocalItem<T> {
  return {
    async getValue() {
      const stored = await browser.storage.local.get(key);
      return (stored[key] ?? fallback) as T;
    },
    setValue: (value) => browser.storage.local.set({ [key]: value }),
    watch(callback) {
      const listener = (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>, area: string) => {
        const change = changes[key];
        if (area === 'local' && change) callback((change.newValue ?? fallback) as T, (change.oldValue ?? fallback) as T);
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}
