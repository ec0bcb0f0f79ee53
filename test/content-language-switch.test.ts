import { fireEvent, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChangeLog } from '@/entrypoints/content/restore/changes';
import { type ControlProps, mountControl, switchPlace } from '@/entrypoints/content/language-switch';
import { pageIsDark } from '@/entrypoints/content/scheme';
import { MARK, TAG } from '@/utils/page-markers';
import { EN, ZH } from './popup-support';

const props = (over: Partial<ControlProps> = {}): ControlProps & { onMode: ReturnType<typeof vi.fn>; onFold: ReturnType<typeof vi.fn>; onOff: ReturnType<typeof vi.fn> } => ({
  modes: ['en', 'zh-Hans', 'both'],
  mode: 'both',
  t: EN.t,
  folded: false,
  onMode: vi.fn(),
  onFold: vi.fn(),
  onOff: vi.fn(),
  ...over,
} as ControlProps & { onMode: ReturnType<typeof vi.fn>; onFold: ReturnType<typeof vi.fn>; onOff: ReturnType<typeof vi.fn> });

/** The switch as the content script puts it on a page: in its shadow root, queried there. */
const shown = new ChangeLog();
function render(p: ControlProps) {
  document.body.innerHTML = '<p>page</p>';
  mountControl(document, shown, p);
  const root = document.querySelector(TAG.switch)?.shadowRoot as ShadowRoot;
  return { root, screen: within(root as unknown as HTMLElement) };
}
const cleanup = () => shown.undo();

describe('the language switch', () => {
  afterEach(cleanup);

  it('names the modes from the languages and presses the current one', () => {
    const { screen } = render(props({ mode: 'zh-Hans' }));
    const buttons = screen.getAllByRole('button', { pressed: false }).concat(screen.getAllByRole('button', { pressed: true }));
    expect(buttons.map((b) => b.textContent).sort()).toEqual(['Both', 'English', '中文']);
    expect(screen.getByRole('button', { pressed: true }).textContent).toBe('中文');
    expect(screen.getByRole('toolbar', { name: 'NewsLens: language shown' })).toBeTruthy();
  });

  it('switches on click and turns off from its × button', () => {
    const p = props();
    const { screen } = render(p);
    fireEvent.click(screen.getByText('English'));
    expect(p.onMode).toHaveBeenCalledWith('en');
    fireEvent.click(screen.getByRole('button', { name: 'Turn NewsLens off on this page' }));
    expect(p.onOff).toHaveBeenCalledTimes(1);
  });

  it("ignores clicks a page script makes (the browser marks them untrusted)", () => {
    const p = props();
    const { screen } = render(p);
    const untrusted = () => {
      const event = new MouseEvent('click', { bubbles: true });
      Object.defineProperty(event, 'isTrusted', { value: false });
      return event;
    };
    screen.getByText('English').dispatchEvent(untrusted());
    screen.getByRole('button', { name: 'Turn NewsLens off on this page' }).dispatchEvent(untrusted());
    expect(p.onMode).not.toHaveBeenCalled();
    expect(p.onOff).not.toHaveBeenCalled();
  });

  it('moves between its buttons with the arrow keys', () => {
    const { root, screen } = render(props());
    const en = screen.getByText('English');
    en.focus();
    fireEvent.keyDown(en, { key: 'ArrowRight' });
    expect(root.activeElement?.textContent).toBe('中文');
    fireEvent.keyDown(root.activeElement as Element, { key: 'ArrowLeft' });
    fireEvent.keyDown(root.activeElement as Element, { key: 'ArrowLeft' });
    expect(root.activeElement?.getAttribute('aria-label')).toBe('Turn NewsLens off on this page');
  });

  it('keeps focus on the pressed button when the mode changes', () => {
    const p = props();
    document.body.innerHTML = '<p>page</p>';
    const update = mountControl(document, shown, p);
    const root = document.querySelector(TAG.switch)?.shadowRoot as ShadowRoot;
    within(root as unknown as HTMLElement).getByText('English').focus();
    update(props({ mode: 'en' }));
    expect(root.activeElement?.textContent).toBe('English');
    expect(root.activeElement?.getAttribute('aria-pressed')).toBe('true');
  });

  it('lives in a shadow root on the page and leaves nothing behind', () => {
    document.body.innerHTML = '<p>page</p>';
    const before = document.documentElement.outerHTML;
    const log = new ChangeLog();
    const update = mountControl(document, log, props());
    const host = document.querySelector(TAG.switch) as HTMLElement;
    expect(host.getAttribute(MARK.ui)).toBe('switch');
    expect(host.shadowRoot?.querySelector('[aria-pressed="true"]')?.textContent).toBe('Both');
    update(props({ mode: 'en' }));
    expect(host.shadowRoot?.querySelector('[aria-pressed="true"]')?.textContent).toBe('English');
    log.undo();
    expect(document.documentElement.outerHTML).toBe(before);
  });
});

it("speaks the browser's language, naming each language in its own", () => {
  const { screen } = render(props({ t: ZH.t }));
  expect(screen.getByRole('toolbar', { name: 'NewsLens：显示语言' })).toBeTruthy();
  expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['English', '中文', '双语', '‹', '×']);
  expect(screen.getByRole('button', { name: '在此页面关闭 NewsLens' })).toBeTruthy();
  cleanup();
});

describe('the switch on the page', () => {
  afterEach(cleanup);

  it('names the shortcut in its tooltip, folds to one button and unfolds from it', () => {
    const p = props();
    const { screen } = render(p);
    expect(screen.getByRole('toolbar').getAttribute('title')).toBe('Language shown on this page (shortcut: Alt+Shift+L)');
    fireEvent.click(screen.getByRole('button', { name: 'Fold the language switch' }));
    expect(p.onFold).toHaveBeenCalledWith(true);
    cleanup();
    const folded = render(props({ folded: true, mode: 'zh-Hans', onFold: p.onFold })).screen;
    const only = folded.getByRole('button');
    expect(only.getAttribute('aria-expanded')).toBe('false');
    expect(only.getAttribute('aria-label')).toBe('NewsLens: show the language switch');
    expect(only.textContent).toBe('NewsLens中文');
    fireEvent.click(only);
    expect(p.onFold).toHaveBeenLastCalledWith(false);
  });

  it('stands in the page right after the title, outside a link or heading holding it, or else in the corner', () => {
    document.body.innerHTML = '<header><h1><a href="/story"><span id="t">Title 标题</span></a></h1><p>text</p></header>';
    const after = switchPlace(document.getElementById('t'));
    expect(after?.tagName).toBe('H1');
    const log = new ChangeLog();
    mountControl(document, log, props(), after);
    expect(document.querySelector('h1')?.nextElementSibling?.tagName.toLowerCase()).toBe(TAG.switch);
    expect(document.querySelector(TAG.switch)?.hasAttribute(MARK.display)).toBe(false);
    log.undo();
    expect(switchPlace(null)).toBeNull();
    mountControl(document, log, props(), null);
    expect(document.querySelector(TAG.switch)?.getAttribute(MARK.display)).toBe('corner');
    log.undo();
  });
});

describe('the page scheme', () => {
  it('reads a dark page from its background, and a light one', () => {
    document.body.innerHTML = '<p>text</p>';
    document.body.style.backgroundColor = 'rgb(18, 18, 18)';
    expect(pageIsDark(document)).toBe(true);
    document.body.style.backgroundColor = 'rgb(250, 250, 250)';
    expect(pageIsDark(document)).toBe(false);
    document.body.style.backgroundColor = '';
  });
});
