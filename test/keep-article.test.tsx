import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { articleHtml, articleMarkdown } from '../components/article-export';
import { KeepActions } from '../components/KeepActions';
import { Controller } from '../entrypoints/content/controller';
import { analyzeSnapshot } from '../engine/analyze';
import { findingsOf, type PageSnapshot } from '../engine/model';
import { snapshotPageSteps } from '../engine/snapshot';
import { MARK } from '../utils/page-markers';
import { DEFAULT_SETTINGS } from '../utils/settings';
import { EN, loadReport, renderIn, ZH } from './popup-support';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const seed = loadReport('seed');

/** Each file the component saves: its name and its text, caught where the link is followed. */
function catchDownloads() {
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  const saved: Promise<{ name: string; type: string; text: string }>[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href) as Blob;
    saved.push(blob.text().then((text) => ({ name: this.download, type: blob.type, text })));
  });
  return () => Promise.all(saved);
}

describe('the reader’s keep actions', () => {
  it('copy the article as Markdown in the chosen language and say so', async () => {
    const copied: string[] = [];
    renderIn(<KeepActions report={seed} mode="zh-Hans" pageHtml={async () => null} onPrint={() => {}} copy={async (text) => void copied.push(text)} />, EN);
    fireEvent.click(screen.getByRole('button', { name: 'Copy as Markdown' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Copied'));
    expect(copied).toEqual([articleMarkdown(seed, 'zh-Hans')]);
  });

  it('say when the clipboard refuses', async () => {
    renderIn(<KeepActions report={seed} mode="en" pageHtml={async () => null} onPrint={() => {}} copy={() => Promise.reject(new Error('denied'))} />, ZH);
    fireEvent.click(screen.getByRole('button', { name: '复制为 Markdown' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('无法复制'));
  });

  it('save the article as HTML, and the page with its report, as downloads', async () => {
    const downloads = catchDownloads();
    const page = '<!DOCTYPE html>\n<html><body><p>The page as it was</p></body></html>';
    renderIn(
      <KeepActions report={seed} mode="en" pageHtml={async () => page} onPrint={() => {}} now={() => new Date('2026-12-07T12:00:00Z')} />,
      EN,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save as HTML' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save page + report' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved to your downloads'));
    const [html, bundle] = await downloads();
    expect(html).toEqual({ name: 'ainews-example-SpaceX-signs-920-million-per-month-deal-with.html', type: 'text/html;charset=utf-8', text: articleHtml(seed, 'en') });
    expect(bundle?.name.endsWith('.newslens.json')).toBe(true);
    expect(JSON.parse(bundle?.text ?? '')).toMatchObject({ url: seed.url, report: seed, pageHtml: page, savedAt: '2026-12-07T12:00:00.000Z' });
  });

  it('print through the caller (the popup opens a reader tab that prints)', () => {
    const onPrint = vi.fn();
    renderIn(<KeepActions report={seed} mode="en" pageHtml={async () => null} onPrint={onPrint} />, EN);
    fireEvent.click(screen.getByRole('button', { name: 'Print' }));
    expect(onPrint).toHaveBeenCalledOnce();
  });
});

describe('the page’s HTML for "save page + report"', () => {
  it('is the page as it was before NewsLens, while the page stays annotated', async () => {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('http://news.example/story');
    const parsed = new DOMParser().parseFromString(readFileSync(resolve('test/fixtures/seed/page.html'), 'utf8'), 'text/html');
    const root = document.importNode(parsed.documentElement, true);
    document.documentElement.remove();
    document.appendChild(root);
    const original = document.documentElement.outerHTML;
    const controller = new Controller({
      doc: document,
      engine: { snapshotSteps: snapshotPageSteps, analyze: async (snapshot: PageSnapshot) => findingsOf(analyzeSnapshot(snapshot)) },
      settings: async () => DEFAULT_SETTINGS,
      siteModes: async () => ({}),
      saveSiteMode: async () => {},
      sendState: () => {},
      t: EN.t,
      timing: { quietMs: 20, maxWaitMs: 100 },
    });
    await controller.start();
    await controller.handle({ type: 'set-mode', mode: 'zh-Hans' });
    const annotated = document.documentElement.outerHTML;
    expect(annotated).not.toBe(original);
    // Split blocks (a title in two languages) have runs and `lang` set on their parts.
    expect(document.querySelectorAll(`[${MARK.run}]`).length).toBeGreaterThan(0);
    const html = controller.pageHtml();
    expect(html.endsWith(original)).toBe(true);
    expect(document.documentElement.outerHTML).toBe(annotated);
    controller.disable();
    expect(document.documentElement.outerHTML).toBe(original);
  });
});
