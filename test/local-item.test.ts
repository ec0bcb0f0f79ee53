import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { localItem } from '../utils/local-item';
import { DEFAULT_SETTINGS, getSettings } from '../utils/settings';

beforeEach(() => fakeBrowser.reset());

describe('localItem', () => {
  it('reads the fallback until a value is stored, then the value', async () => {
    const item = localItem<{ n: number }>('counter', { n: 0 });
    expect(await item.getValue()).toEqual({ n: 0 });
    await item.setValue({ n: 2 });
    expect(await item.getValue()).toEqual({ n: 2 });
  });

  it('calls back with the new and the old value on each change, and stops when asked', async () => {
    const item = localItem<number>('counter', 0);
    const seen: [number, number][] = [];
    const stop = item.watch((value, before) => seen.push([value, before]));
    await item.setValue(1);
    await item.setValue(5);
    await fakeBrowser.storage.local.remove('counter');
    stop();
    await item.setValue(9);
    expect(seen).toEqual([
      [1, 0],
      [5, 1],
      [0, 5],
    ]);
  });

  it('reads settings stored under the key WXT used, so that an update keeps them', async () => {
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, autoCollapse: false } });
    expect((await getSettings()).autoCollapse).toBe(false);
  });
});
