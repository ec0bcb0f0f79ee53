import { describe, expect, it } from 'vitest';
import { articleHtml, articleMarkdown, fileName, markdownText, reportBundle } from '../components/article-export';
import { readerRows } from '../components/reader-rows';
import type { PageReport } from '../engine/report';
import { loadReport } from './popup-support';

const seed = loadReport('seed');
const blockTexts = (report: PageReport) => report.article.blocks.map((block) => block.text);
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;
const title = seed.title?.parts ?? [];
const EN_ONLY = 'On its face, this is a stunning';
const ZH_ONLY = '表面上看,这是谷歌一次惊人的失败承认';
const UNTRANSLATED = seed.bilingual.untranslated.map((part) => part.text);
const REPEATED = seed.duplicates[0]?.kept ?? '';

describe('copy as Markdown, from the seed page’s report', () => {
  it('in both languages: the title’s two parts, the source, every paragraph once (the page repeats one three times)', () => {
    const md = articleMarkdown(seed, 'both');
    const lines = md.split('\n\n');
    expect(lines[0]).toBe(`# ${title[0]?.text} / ${markdownText(title[1]?.text ?? '')}`);
    expect(lines[1]).toBe('[ainews.example](<https://ainews.example/news/spacex-google-nvidia>)');
    expect(lines).toContain('## Analysis');
    expect(lines).toContain('## 深度分析');
    for (const text of blockTexts(seed)) expect(md).toContain(markdownText(text));
    expect(count(md, REPEATED.slice(0, 30))).toBe(1);
    expect(md.endsWith('\n')).toBe(true);
  });

  it('in one language: that language, and what has no counterpart (untranslated paragraphs, the notice)', () => {
    const en = articleMarkdown(seed, 'en');
    expect(en.split('\n\n')[0]).toBe(`# ${title[0]?.text}`);
    expect(en).toContain(EN_ONLY);
    expect(en).not.toContain(ZH_ONLY);
    const zh = articleMarkdown(seed, 'zh-Hans');
    expect(zh.split('\n\n')[0]).toBe(`# ${markdownText(title[1]?.text ?? '')}`);
    expect(zh).toContain(ZH_ONLY);
    expect(zh).not.toContain(EN_ONLY);
    expect(UNTRANSLATED.length).toBeGreaterThan(0);
    for (const text of UNTRANSLATED) expect(zh).toContain(markdownText(text));
    expect(zh).toContain('免责声明');
  });

  it('keeps text that looks like Markdown as text', () => {
    expect(markdownText('# not a heading')).toBe('\\# not a heading');
    expect(markdownText('1. not a list')).toBe('\\1. not a list');
    expect(markdownText('a *b* [c](d) <e>')).toBe('a \\*b\\* \\[c\\](d) \\<e\\>');
    const report: PageReport = { ...seed, title: null, url: null, article: { blocks: [{ role: 'quote', lang: 'en', text: '> quoted' }] }, bilingual: { ...seed.bilingual, pairs: [], untranslated: [] } };
    expect(articleMarkdown(report, 'both')).toBe('> \\> quoted\n');
  });
});

describe('save as HTML, from the seed page’s report', () => {
  const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

  it('in both languages: a standalone page, each pair side by side in one row, every paragraph once', () => {
    const html = articleHtml(seed, 'both');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    const doc = parse(html);
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
    expect([...doc.querySelectorAll('h1 span')].map((span) => [span.getAttribute('lang'), span.textContent])).toEqual(
      title.map((part) => [part.lang, part.text]),
    );
    expect(doc.querySelector('.source a')?.getAttribute('href')).toBe(seed.url);
    const pairs = readerRows(seed, 'both').filter((row) => row.kind === 'pair').length;
    expect(pairs).toBeGreaterThan(2);
    expect(doc.querySelectorAll('.row.pair')).toHaveLength(pairs);
    for (const row of doc.querySelectorAll('.row.pair')) expect([...row.children].map((child) => child.getAttribute('lang'))).toEqual(['en', 'zh-Hans']);
    const shown = [...doc.querySelectorAll('.row > *')].map((el) => el.textContent);
    expect(shown.sort()).toEqual(blockTexts(seed).sort());
    // Nothing runs and nothing loads: no script, no stylesheet or image from elsewhere.
    expect(doc.querySelectorAll('script, link, img, iframe')).toHaveLength(0);
  });

  it('in one language: that language’s blocks, marked with it', () => {
    const doc = parse(articleHtml(seed, 'zh-Hans'));
    expect(doc.documentElement.getAttribute('lang')).toBe('zh-Hans');
    expect(doc.title).toBe(title[1]?.text);
    expect(doc.querySelectorAll('.row.pair')).toHaveLength(0);
    const text = doc.body.textContent ?? '';
    expect(text).toContain(ZH_ONLY);
    expect(text).not.toContain(EN_ONLY);
  });

  it('escapes the page’s text', () => {
    const report: PageReport = {
      ...seed,
      url: 'javascript:alert(1)',
      article: { blocks: [{ role: 'paragraph', lang: 'en', text: '<script>alert(1)</script> & "quoted"' }] },
      bilingual: { ...seed.bilingual, pairs: [] },
    };
    const doc = parse(articleHtml(report, 'both'));
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect(doc.querySelector('.row p')?.textContent).toBe('<script>alert(1)</script> & "quoted"');
    // Only a web address becomes a link.
    expect(doc.querySelector('.source a')).toBeNull();
  });
});

describe('file names and the page + report bundle', () => {
  it('names a file after the site and the title in the chosen language', () => {
    expect(fileName(seed, 'en', 'html')).toBe('ainews-example-SpaceX-signs-920-million-per-month-deal-with.html');
    expect(fileName(seed, 'zh-Hans', 'md')).toBe('ainews-example-SpaceX在IPO前与Google签署每月9-2亿美元协议-获取11万块Nvidia-A.md');
    expect(fileName({ ...seed, title: null, url: null, meta: { site: null, byline: null, published: null } }, 'both', 'html')).toBe('article.html');
  });

  it('holds the page’s HTML and its report in one JSON file', () => {
    const bundle = JSON.parse(reportBundle(seed, '<html><body>page</body></html>', new Date('2026-12-07T12:00:00Z')));
    expect(bundle).toEqual({ newslens: 1, savedAt: '2026-12-07T12:00:00.000Z', url: seed.url, report: seed, pageHtml: '<html><body>page</body></html>' });
  });
});
