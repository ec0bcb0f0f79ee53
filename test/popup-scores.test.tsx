import { cleanup, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Scores } from '../components/Scores';
import { Tags } from '../components/Tags';
import { EN, loadReport, renderIn, ZH } from './popup-support';

// Testing Library's role table lacks <meter>'s implicit role, so meters are found by element.
const meters = () => [...document.querySelectorAll('meter')];

afterEach(cleanup);

describe('Scores', () => {
  it('shows the seed page three scores as meters labelled in English, Chinese in the tooltip', () => {
    renderIn(<Scores scores={loadReport('seed').scores} />, EN);
    const all = meters();
    expect(all.map((meter) => meter.getAttribute('aria-label'))).toEqual(['Hot', 'Quality', 'Impact']);
    expect(screen.getByLabelText('Quality').tagName).toBe('METER');
    expect(all.map((meter) => [meter.getAttribute('value'), meter.getAttribute('max')])).toEqual([
      ['85', '100'],
      ['70', '100'],
      ['75', '100'],
    ]);
    const hot = screen.getByText('Hot').closest('li');
    expect(hot?.getAttribute('title')).toBe('热度');
    expect(hot?.textContent).toContain('85');
    expect(screen.getByRole('heading', { name: 'Scores' })).toBeTruthy();
  });

  it('labels the meters in Chinese for a Chinese UI, English in the tooltip', () => {
    renderIn(<Scores scores={loadReport('seed').scores} />, ZH);
    expect(meters().map((meter) => meter.getAttribute('aria-label'))).toEqual(['热度', '质量', '影响力']);
    expect(screen.getByText('影响力').closest('li')?.getAttribute('title')).toBe('Impact');
    expect(screen.getByText('影响力').getAttribute('lang')).toBe('zh');
    expect(screen.getByRole('heading', { name: '评分' })).toBeTruthy();
  });

  it('uses the page maximum when it gives one and falls back to a label it has', () => {
    renderIn(<Scores scores={loadReport('markup').scores} />, ZH);
    const [rating, quality] = meters();
    expect(rating?.getAttribute('aria-label')).toBe('Reader rating');
    expect(rating?.getAttribute('max')).toBe('5');
    expect(rating?.getAttribute('aria-valuetext')).toBe('4.5/5');
    expect(rating?.closest('li')?.hasAttribute('title')).toBe(false);
    expect(quality?.getAttribute('aria-label')).toBe('质量');
  });

  it('shows a page-given maximum of 100 beside the value', () => {
    renderIn(<Scores scores={loadReport('aggregator').scores} />, EN);
    expect(screen.getByLabelText('Quality').getAttribute('aria-valuetext')).toBe('64/100');
    expect(screen.getByLabelText('Hot').getAttribute('aria-valuetext')).toBe('92');
  });

  it('names a score the page left unlabelled', () => {
    renderIn(<Scores scores={[{ value: 3, max: null, labels: {} }]} />, EN);
    expect(screen.getByLabelText('Score').tagName).toBe('METER');
  });

  it('renders nothing without scores', () => {
    const { container } = renderIn(<Scores scores={loadReport('empty').scores} />);
    expect(container.innerHTML).toBe('');
  });
});

describe('Tags', () => {
  it('shows the seed page tags as chips', () => {
    renderIn(<Tags tags={loadReport('seed').tags} />);
    const list = screen.getByRole('list');
    expect(within(list).getAllByRole('listitem').map((chip) => chip.textContent)).toEqual(['芯片', '大模型', '海外']);
  });

  it('shows each tag once', () => {
    renderIn(<Tags tags={loadReport('markup').tags} />, ZH);
    expect(screen.getAllByRole('listitem').map((chip) => chip.textContent)).toEqual(['Weather', 'Climate']);
    expect(screen.getByRole('heading', { name: '标签' })).toBeTruthy();
  });

  it('renders nothing without tags', () => {
    const { container } = renderIn(<Tags tags={[]} />);
    expect(container.innerHTML).toBe('');
  });
});
