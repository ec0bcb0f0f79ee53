import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Flags } from '../components/Flags';
import type { FlagTarget } from '../utils/protocol';
import { EN, loadReport, renderIn, ZH } from './popup-support';

/**
 * The popup's "Translation check" flags, on the report of test/fixtures/ntrex-changed-figure (an
 * NTREX pair whose Chinese wrote 2万 as 20万) and of the seed, whose figures agree.
 */

afterEach(cleanup);

const group = (title: string) => {
  const heading = screen.getByRole('heading', { name: title });
  const item = heading.closest('li');
  if (item === null) throw new Error(`no flag group ${title}`);
  return item;
};

describe('the translation check in the popup', () => {
  it('lists the pair with the figure as written on each side and each paragraph around it', () => {
    renderIn(<Flags report={loadReport('changed-figure')} onShow={() => {}} />, EN);
    const check = group('Translation check: 1');
    expect(check.querySelector('details')?.open).toBe(true);
    const [item, ...others] = within(check).getAllByRole('listitem');
    expect(others).toEqual([]);
    expect(item?.querySelector('.flag-meta')?.textContent).toBe('Numbers differ · 20,000 ↔ 20万');
    const figures = [...(item?.querySelectorAll('.check-figures [lang]') ?? [])].map((el) => [el.getAttribute('lang'), el.textContent]);
    expect(figures).toEqual([
      ['en', '20,000'],
      ['zh-Hans', '20万'],
    ]);
    // The English paragraph is longer than an excerpt: the stretch around the figure is kept.
    const [english, chinese] = [...(item?.querySelectorAll('.evidence p') ?? [])].map((p) => p.textContent ?? '');
    expect(english).toMatch(/^….*Survey of 20,000 secondary school pupils revealed growth in "fake Insta" pages$/);
    expect(chinese).toContain('隐瞒父母和老师对20万名中学生进行调查');
    const button = within(check).getByRole('button', { name: 'Show on page' });
    expect(document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent).toContain('对20万名中学生');
  });

  it('sends "show on page" to the pair', () => {
    const shown: FlagTarget[] = [];
    renderIn(<Flags report={loadReport('changed-figure')} onShow={(target) => shown.push(target)} />, EN);
    fireEvent.click(within(group('Translation check: 1')).getByRole('button', { name: 'Show on page' }));
    expect(shown).toEqual([{ kind: 'mismatch', index: 0 }]);
  });

  it('speaks Chinese in a Chinese UI', () => {
    renderIn(<Flags report={loadReport('changed-figure')} onShow={() => {}} />, ZH);
    const check = group('翻译核对：1');
    expect(check.querySelector('.flag-meta')?.textContent).toBe('数字不一致 · 20,000 ↔ 20万');
    expect(within(check).getByRole('button', { name: '在页面中定位' })).toBeTruthy();
  });

  it('shows no translation check where the figures agree (the seed: $920 million = 9.2亿美元)', () => {
    const seed = loadReport('seed');
    expect(seed.bilingual.pairs.length).toBeGreaterThan(2);
    renderIn(<Flags report={seed} onShow={() => {}} />, EN);
    expect(screen.queryByRole('heading', { name: /Translation check/ })).toBeNull();
  });

  it('reads a report from before the translation check as having no mismatches', () => {
    const report = loadReport('changed-figure');
    const { mismatches: _, ...older } = report.bilingual;
    renderIn(<Flags report={{ ...report, bilingual: older as typeof report.bilingual }} onShow={() => {}} />, EN);
    expect(screen.queryByRole('heading', { name: /Translation check/ })).toBeNull();
    expect(screen.queryByText(/Nothing to flag/)).not.toBeNull();
  });
});
