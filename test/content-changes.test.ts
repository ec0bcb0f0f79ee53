import { beforeEach, describe, expect, it } from 'vitest';
import { ChangeLog } from '@/entrypoints/content/restore/changes';
import { MARK, TAG } from '@/utils/page-markers';

const PAGE = '<p id="a" class="x" lang="zh-CN">English title 中文标题</p><p id="b">second</p>';

describe('ChangeLog', () => {
  let root: HTMLElement;
  beforeEach(() => {
    document.body.innerHTML = PAGE;
    root = document.body;
  });

  it('restores attributes to their first value, however often they changed', () => {
    const log = new ChangeLog();
    const a = document.getElementById('a') as HTMLElement;
    log.setAttr(a, 'lang', 'en');
    log.setAttr(a, 'lang', 'fr');
    log.setAttr(a, MARK.collapsed, 'exact');
    log.setAttr(a, MARK.collapsed, null);
    log.setAttr(a, MARK.collapsed, 'near');
    expect(a.getAttribute('lang')).toBe('fr');
    log.undo();
    expect(root.innerHTML).toBe(PAGE);
  });

  it('removes what it inserted', () => {
    const log = new ChangeLog();
    const a = document.getElementById('a') as HTMLElement;
    log.insert(document.createElement(TAG.marker), { before: a });
    log.insert(document.createElement(TAG.label), { into: a, at: 'end' });
    log.insert(document.createElement(TAG.badge), { into: a, at: 'start' });
    expect(root.querySelectorAll(`${TAG.marker}, ${TAG.label}, ${TAG.badge}`)).toHaveLength(3);
    log.undo();
    expect(root.innerHTML).toBe(PAGE);
  });

  it('wraps runs of a text node and gives the single text node back', () => {
    const log = new ChangeLog();
    const a = document.getElementById('a') as HTMLElement;
    const text = a.firstChild as Text;
    const runs = log.wrapRuns(text, [
      { start: 0, end: 13 },
      { start: 14, end: 18 },
    ]);
    expect(runs.map((run) => run.textContent)).toEqual(['English title', '中文标题']);
    expect(a.textContent).toBe('English title 中文标题');
    // The page's own node stays where it was, empty, so a framework holding it still finds it.
    expect(text.parentNode).toBe(a);
    log.undo();
    expect(root.innerHTML).toBe(PAGE);
    expect(a.firstChild).toBe(text);
    expect(a.childNodes).toHaveLength(1);
  });

  it('keeps the text the page wrote into a split node meanwhile', () => {
    const log = new ChangeLog();
    const a = document.getElementById('a') as HTMLElement;
    const text = a.firstChild as Text;
    log.wrapRuns(text, [{ start: 0, end: 7 }]);
    text.data = 'rewritten by the page';
    log.undo();
    expect(a.innerHTML).toBe('rewritten by the page');
  });

  it('puts runs into the page when told to, and not at all if the page changed the text first', () => {
    const a = document.getElementById('a') as HTMLElement;
    const text = a.firstChild as Text;
    const inserts: (() => void)[] = [];
    const log = new ChangeLog();
    const runs = log.wrapRuns(text, [{ start: 0, end: 7 }], (insert) => inserts.push(insert));
    expect(runs[0]?.textContent).toBe('English');
    expect(runs[0]?.isConnected).toBe(false);
    expect(root.innerHTML).toBe(PAGE);
    inserts[0]?.();
    expect(runs[0]?.parentNode).toBe(a);
    log.undo();
    expect(root.innerHTML).toBe(PAGE);

    const later = new ChangeLog();
    later.wrapRuns(text, [{ start: 0, end: 7 }], (insert) => inserts.push(insert));
    text.data = 'rewritten by the page';
    inserts[1]?.();
    expect(a.innerHTML).toBe('rewritten by the page');
    later.undo();
    expect(a.innerHTML).toBe('rewritten by the page');
  });

  it('undoes in reverse order and can be reused', () => {
    const log = new ChangeLog();
    const a = document.getElementById('a') as HTMLElement;
    const calls: string[] = [];
    log.onUndo(() => calls.push('first'));
    log.setAttr(a, 'title', 't');
    log.onUndo(() => calls.push('last'));
    log.undo();
    expect(calls).toEqual(['last', 'first']);
    expect(log.size).toBe(0);
    log.setAttr(a, 'title', 'again');
    log.undo();
    expect(root.innerHTML).toBe(PAGE);
  });
});
