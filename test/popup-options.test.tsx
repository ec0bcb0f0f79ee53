import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Options } from '../components/Options';
import { DETECTABLE_LANGUAGES } from '../engine/lang-tags';
import { DEFAULT_SETTINGS, getSettings, getSiteModes, saveSettings, setSiteMode } from '../utils/settings';
import { EN, renderIn, ZH } from './popup-support';

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(cleanup);

const ready = () => screen.findByRole('heading', { level: 1 });

describe('Options', () => {
  it('shows the stored settings', async () => {
    await saveSettings({ defaultMode: 'zh', autoCollapse: false, showControl: true, disabledSites: ['example.com'], foldedSwitchSites: [] });
    renderIn(<Options />, EN);
    expect((await ready()).textContent).toBe('NewsLens settings');
    expect(screen.getByLabelText('Language shown on a new site')).toHaveProperty('value', 'zh');
    expect(screen.getByRole('checkbox', { name: 'Collapse duplicate paragraphs automatically' })).toHaveProperty('checked', false);
    expect(screen.getByRole('checkbox', { name: 'Show the language switch on pages' })).toHaveProperty('checked', true);
    expect(screen.getByText('example.com')).toBeTruthy();
  });

  it('saves each change at once and says so', async () => {
    renderIn(<Options />, EN);
    await ready();
    fireEvent.change(screen.getByLabelText('Language shown on a new site'), { target: { value: 'en' } });
    await waitFor(async () => expect((await getSettings()).defaultMode).toBe('en'));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show the language switch on pages' }));
    await waitFor(async () => expect((await getSettings()).showControl).toBe(false));
    expect((await getSettings()).autoCollapse).toBe(true);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
  });

  it('adds a site from a name or an address and refuses anything else', async () => {
    renderIn(<Options />, EN);
    await ready();
    const input = screen.getByRole('textbox', { name: 'Site address' });
    fireEvent.input(input, { target: { value: 'not a site' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', "That isn't a site name or address.");
    expect(input.getAttribute('aria-invalid')).toBe('true');

    fireEvent.input(input, { target: { value: 'https://News.Example.com/story/1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(async () => expect((await getSettings()).disabledSites).toEqual(['news.example.com']));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(await screen.findByRole('button', { name: 'Remove news.example.com' })).toBeTruthy();
    expect(input).toHaveProperty('value', '');
  });

  it('removes a site', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, disabledSites: ['a.example', 'b.example'] });
    renderIn(<Options />, EN);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove a.example' }));
    await waitFor(async () => expect((await getSettings()).disabledSites).toEqual(['b.example']));
  });

  it('lists remembered site languages and forgets one', async () => {
    await setSiteMode('news.example', 'zh-Hans');
    renderIn(<Options />, EN);
    expect(await screen.findByText((_, el) => el?.parentElement?.tagName === 'LI' && el.textContent === 'news.example · 中文')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove news.example' }));
    await waitFor(async () => expect(await getSiteModes()).toEqual({}));
    expect(await screen.findByText('No site has a remembered language yet.')).toBeTruthy();
  });

  it('shows a change made elsewhere', async () => {
    renderIn(<Options />, EN);
    await ready();
    await saveSettings({ ...DEFAULT_SETTINGS, disabledSites: ['elsewhere.example'] });
    expect(await screen.findByText('elsewhere.example')).toBeTruthy();
  });

  it('offers every language the engine can name, each by its own name', async () => {
    renderIn(<Options />, EN);
    await ready();
    const names = screen.getAllByRole('option').map((option) => option.textContent);
    expect(names).toEqual(expect.arrayContaining(['Both', 'English', '中文', '한국어', '日本語', 'Français', 'Русский']));
    expect(names).toHaveLength(DETECTABLE_LANGUAGES.length + 1);
  });

  it('speaks Chinese in a Chinese UI', async () => {
    renderIn(<Options />, ZH);
    expect((await ready()).textContent).toBe('NewsLens 设置');
    expect(screen.getByRole('checkbox', { name: '自动折叠重复段落' })).toBeTruthy();
    expect(screen.getByRole('option', { name: '双语' })).toBeTruthy();
    expect(screen.getByText('暂无网站。')).toBeTruthy();
  });
});
