import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { type StatusKind, StatusView } from '../components/StatusView';
import { EN, renderIn, ZH } from './popup-support';

afterEach(cleanup);

describe('StatusView', () => {
  const cases: [StatusKind, string, string][] = [
    ['analysing', 'Reading this page…', '正在分析此页面…'],
    ['not-article', "This page isn't an article", '此页面不是文章'],
    ['unreachable', "NewsLens can't read this page", 'NewsLens 无法读取此页面'],
    ['error', 'Something went wrong', '出错了'],
    ['off', 'NewsLens is off on this site', 'NewsLens 已在此网站关闭'],
  ];

  it.each(cases)('explains the %s state in both locales', (kind, english, chinese) => {
    renderIn(<StatusView kind={kind} />, EN);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(english);
    expect(screen.getByRole('main').textContent?.length).toBeGreaterThan(english.length + 10);
    cleanup();
    renderIn(<StatusView kind={kind} />, ZH);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(chinese);
  });

  it('announces analysis as a busy status', () => {
    renderIn(<StatusView kind="analysing" />);
    expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('status').textContent).toMatch(/looking for the article/);
  });

  it('shows an error detail as text and the actions given', () => {
    renderIn(
      <StatusView kind="error" detail="<b>TypeError</b>: x is undefined">
        <button type="button">Try again</button>
      </StatusView>,
    );
    expect(screen.getByText('<b>TypeError</b>: x is undefined')).toBeTruthy();
    expect(document.querySelector('b')).toBeNull();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});

describe('LanguageSwitch', () => {
  it('offers each language by its own name and both, and reports the choice', () => {
    const chosen: string[] = [];
    renderIn(<LanguageSwitch modes={['en', 'zh-Hans', 'both']} mode="both" onChange={(mode) => chosen.push(mode)} />, EN);
    const group = screen.getByRole('group', { name: 'Language shown (Shortcut on the page: Alt+Shift+L)' });
    expect(group.getAttribute('title')).toBe('Shortcut on the page: Alt+Shift+L');
    const radios = screen.getAllByRole('radio');
    expect(radios.map((radio) => radio.closest('label')?.textContent)).toEqual(['English', '中文', 'Both']);
    expect(screen.getByRole('radio', { name: 'Both' })).toHaveProperty('checked', true);
    fireEvent.click(screen.getByRole('radio', { name: '中文' }));
    expect(chosen).toEqual(['zh-Hans']);
  });

  it('names both in Chinese for a Chinese UI', () => {
    renderIn(<LanguageSwitch modes={['en', 'zh-Hans', 'both']} mode="en" onChange={() => {}} />, ZH);
    expect(screen.getByRole('radio', { name: '双语' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'English' })).toHaveProperty('checked', true);
  });

  it('is absent when the page has one language', () => {
    const { container } = renderIn(<LanguageSwitch modes={[]} mode="both" onChange={() => {}} />);
    expect(container.innerHTML).toBe('');
  });
});
