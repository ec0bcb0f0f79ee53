import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PageApp } from '../components/PageApp';
import { ReaderPrefsControls, useReaderPrefs } from '../components/ReaderPrefs';
import { DEFAULT_READER_PREFS, getReaderPrefs, parseReaderPrefs, saveReaderPrefs, stepTextScale, TEXT_SCALES } from '../utils/settings';
import { EN, FakePage, loadReport, pageState, renderIn, ZH } from './popup-support';

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  cleanup();
  document.documentElement.removeAttribute('data-theme');
  document.documentElement.style.removeProperty('--text-scale');
});

const root = document.documentElement;
const scale = () => root.style.getPropertyValue('--text-scale');

function Prefs() {
  const [prefs, setPrefs] = useReaderPrefs();
  return <ReaderPrefsControls prefs={prefs} onChange={setPrefs} />;
}

describe('stored reader preferences', () => {
  it('fall back field by field to the defaults', () => {
    for (const raw of [null, 3, [], 'dark']) expect(parseReaderPrefs(raw)).toEqual(DEFAULT_READER_PREFS);
    expect(parseReaderPrefs({ textScale: 1.3, theme: 'sepia' })).toEqual({ textScale: 1.3, theme: 'auto' });
    expect(parseReaderPrefs({ textScale: 9, theme: 'dark' })).toEqual({ textScale: 1, theme: 'dark' });
  });

  it('step through the sizes and stop at either end', () => {
    expect(stepTextScale(1, 1)).toBe(1.15);
    expect(stepTextScale(1, -1)).toBe(0.85);
    expect(stepTextScale(TEXT_SCALES[0] as number, -1)).toBe(TEXT_SCALES[0]);
    expect(stepTextScale(TEXT_SCALES.at(-1) as number, 1)).toBe(TEXT_SCALES.at(-1));
  });
});

describe('the reader’s text size and theme', () => {
  it('apply to the page at once, are remembered, and stop at the largest size', async () => {
    renderIn(<Prefs />, EN);
    await waitFor(() => expect(scale()).toBe('1'));
    expect(root.hasAttribute('data-theme')).toBe(false);
    const larger = screen.getByRole('button', { name: 'Larger text' });
    fireEvent.click(larger);
    fireEvent.click(larger);
    expect(scale()).toBe('1.3');
    expect(screen.getByText('130%')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Theme'), { target: { value: 'dark' } });
    expect(root.dataset.theme).toBe('dark');
    await waitFor(async () => expect(await getReaderPrefs()).toEqual({ textScale: 1.3, theme: 'dark' }));
    for (let i = 0; i < TEXT_SCALES.length; i++) fireEvent.click(larger);
    expect(scale()).toBe(String(TEXT_SCALES.at(-1)));
    expect(larger).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByLabelText('Theme'), { target: { value: 'auto' } });
    expect(root.hasAttribute('data-theme')).toBe(false);
  });

  it('open as stored, and follow a change made in another reader', async () => {
    await saveReaderPrefs({ textScale: 0.85, theme: 'light' });
    renderIn(<Prefs />, ZH);
    await waitFor(() => expect(root.dataset.theme).toBe('light'));
    expect(scale()).toBe('0.85');
    expect(screen.getByRole('button', { name: '缩小文字' })).toHaveProperty('disabled', true);
    await saveReaderPrefs({ textScale: 1.5, theme: 'dark' });
    await waitFor(() => expect(root.dataset.theme).toBe('dark'));
    expect(scale()).toBe('1.5');
  });

  it('stand in the popup’s reader', async () => {
    renderIn(<PageApp client={new FakePage(pageState(loadReport('seed')))} variant="popup" pollMs={5} />, EN);
    expect(await screen.findByRole('group', { name: 'Text size and theme' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Smaller text' }));
    expect(scale()).toBe('0.85');
  });
});
