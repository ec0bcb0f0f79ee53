import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ArticleHeader, ReaderView, readingMinutes } from '../components/ReaderView';
import { EN, loadReport, renderIn, ZH } from './popup-support';

afterEach(cleanup);

const seed = loadReport('seed');
const EN_TITLE = 'SpaceX signs $920 million per month deal with Google for 110,000 Nvidia AI chips ahead of IPO';
const ZH_TITLE = 'SpaceX在IPO前与Google签署每月9.2亿美元协议,获取11万块Nvidia AI芯片';
const ZH_FIRST = '每月9.2亿美元的数字不仅仅是一份合同价值';
const EN_FIRST = 'That $920 million per month number isn’t just a contract value';
const EN_UNTRANSLATED = 'This deal is also a monument';
const ZH_TRUNCATED = '但真正的故事不在于谷歌的仓促';

/** Each row of the reader, as the text of its blocks. */
const rows = () =>
  [...document.querySelectorAll('.reader-body .row')].map((row) =>
    [...row.querySelectorAll('.block')].map((block) => block.lastElementChild?.textContent ?? ''),
  );

const blockHolding = (text: string): Element => {
  const block = [...document.querySelectorAll('.block')].find((el) => el.lastElementChild?.textContent?.startsWith(text));
  if (block === undefined) throw new Error(`no block holds ${text}`);
  return block;
};

const rowHolding = (text: string) => rows().find((row) => row.some((block) => block.startsWith(text)));

describe('ReaderView, both languages', () => {
  it('keeps each pair of the seed page in one row, with the repeated paragraph once', () => {
    renderIn(<ReaderView report={seed} mode="both" />);
    expect(rowHolding('Analysis')).toEqual(['Analysis', '深度分析']);
    expect(rowHolding(EN_FIRST)?.[1]?.startsWith(ZH_FIRST)).toBe(true);
    expect(rowHolding('But the real story')?.[1]?.startsWith(ZH_TRUNCATED)).toBe(true);
    expect(rowHolding(EN_UNTRANSLATED)).toHaveLength(1);
    expect(rows().flat().filter((text) => text.startsWith(ZH_FIRST))).toHaveLength(1);
  });

  it('puts an unpaired paragraph in its language column', () => {
    renderIn(<ReaderView report={seed} mode="both" />);
    expect(blockHolding(EN_UNTRANSLATED).parentElement?.classList.contains('column-a')).toBe(true);
  });

  it('marks the truncated and the untranslated paragraphs, in the UI language', () => {
    renderIn(<ReaderView report={seed} mode="both" />, EN);
    const truncated = blockHolding(ZH_TRUNCATED);
    expect(truncated.classList.contains('is-truncated')).toBe(true);
    expect(truncated.textContent).toContain('Cut off');
    const untranslated = blockHolding(EN_UNTRANSLATED);
    expect(untranslated.textContent).toContain('No translation');
    expect(screen.getAllByText('No translation')).toHaveLength(2);
    expect(blockHolding(EN_FIRST).querySelector('.marks')).toBeNull();
    cleanup();
    renderIn(<ReaderView report={seed} mode="both" />, ZH);
    expect(screen.getByText('被截断').getAttribute('title')).toMatch(/截断/);
    expect(screen.getAllByText('无译文')).toHaveLength(2);
  });

  it('gives each block its language and its role', () => {
    renderIn(<ReaderView report={seed} mode="both" />);
    expect(screen.getByText('深度分析').tagName).toBe('H3');
    expect(screen.getByText('深度分析').getAttribute('lang')).toBe('zh-Hans');
    expect(screen.getByText('Analysis').getAttribute('lang')).toBe('en');
  });
});

describe('ReaderView, one language', () => {
  it('shows only English, in reading order', () => {
    renderIn(<ReaderView report={seed} mode="en" />);
    const text = rows().flat();
    expect(text).toContain('Analysis');
    expect(text.filter((block) => /\p{Script=Han}/u.test(block))).toEqual([]);
    expect(text.some((block) => block.startsWith(EN_UNTRANSLATED))).toBe(true);
    expect(rows().every((row) => row.length === 1)).toBe(true);
  });

  it('shows Chinese and keeps the paragraphs the page never translated, marked', () => {
    renderIn(<ReaderView report={seed} mode="zh-Hans" />);
    const text = rows().flat();
    expect(text).toContain('深度分析');
    expect(text).not.toContain('Analysis');
    expect(text.some((block) => block.startsWith(EN_FIRST))).toBe(false);
    expect(text.filter((block) => block.startsWith(ZH_FIRST))).toHaveLength(1);
    expect(blockHolding(EN_UNTRANSLATED).textContent).toContain('No translation');
    expect(blockHolding(ZH_TRUNCATED).textContent).toContain('Cut off');
  });

  it('keeps an AI notice written in the other language only, as the page does', () => {
    const notice = '本文内容由人工智能生成，仅供参考，不构成任何投资建议。';
    const report = {
      ...seed,
      article: { ...seed.article, blocks: [...seed.article.blocks, { role: 'paragraph' as const, lang: 'zh-Hans', text: notice }] },
      disclosures: [...seed.disclosures, { kind: 'generated' as const, source: 'text' as const, evidence: notice, lang: 'zh-Hans' }],
    };
    renderIn(<ReaderView report={report} mode="en" />);
    expect(rows().flat()).toContain(notice);
    // The seed's own notice is written in both languages: each mode keeps its half.
    expect(rows().flat()).not.toContain('免责声明:以上内容由 AI 生成,仅供参考。');
  });

  it('matches a mode to the blocks by base language', () => {
    renderIn(<ReaderView report={seed} mode="zh" />);
    expect(rows().flat()).toContain('深度分析');
    expect(rows().flat()).not.toContain('Analysis');
  });

  it('shows every block of a page in one language whatever the mode', () => {
    const mono = loadReport('mono-en');
    renderIn(<ReaderView report={mono} mode="both" />);
    expect(rows().flat()).toEqual(mono.article.blocks.map((block) => block.text));
    cleanup();
    const markup = loadReport('markup');
    renderIn(<ReaderView report={markup} mode="both" />);
    expect(rows().flat()).toEqual(markup.article.blocks.map((block) => block.text));
    expect(screen.getByText('We have not seen sea temperatures like this in a decade.').tagName).toBe('BLOCKQUOTE');
    expect(screen.getByText('Keep drains clear of leaves.').classList.contains('list-item')).toBe(true);
  });

  it('says so when the article has no text', () => {
    renderIn(<ReaderView report={loadReport('empty')} mode="both" />, ZH);
    expect(screen.getByText('NewsLens 未在此页面找到正文。')).toBeTruthy();
  });
});

describe.each(['seed', 'aggregator', 'columns', 'mono-en'] as const)('ReaderView on the %s report', (name) => {
  const report = loadReport(name);
  const texts = report.article.blocks.map((block) => block.text);
  const pairKeys = new Set(report.bilingual.pairs.map((pair) => `${pair.a.text}\u0000${pair.b.text}`));

  it('in both, shows every block once, pairs side by side, rows in reading order', () => {
    renderIn(<ReaderView report={report} mode="both" />);
    const shown = rows();
    expect(shown.flat().sort()).toEqual([...texts].sort());
    for (const row of shown.filter((row) => row.length === 2)) expect(pairKeys.has(row.join('\u0000'))).toBe(true);
    const firsts = shown.map((row) => Math.min(...row.map((text) => texts.indexOf(text))));
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
  });

  it.each(report.bilingual.languages)('in %s, shows that language, untranslated text and nothing else, in reading order', (lang) => {
    renderIn(<ReaderView report={report} mode={lang} />);
    const untranslated = new Set(report.bilingual.untranslated.map((part) => part.text));
    const expected = report.article.blocks
      .filter((block) => block.lang === lang || !report.bilingual.languages.includes(block.lang) || untranslated.has(block.text))
      .map((block) => block.text);
    expect(rows().flat()).toEqual(expected);
  });
});

describe('readingMinutes', () => {
  it('counts words where they are spaced and characters where they are not', () => {
    expect(readingMinutes(['word '.repeat(460)])).toBe(2);
    expect(readingMinutes(['字'.repeat(1200)])).toBe(3);
    expect(readingMinutes([''])).toBe(1);
  });
});

describe('ArticleHeader', () => {
  it('shows the title in the chosen language and the site', () => {
    renderIn(<ArticleHeader report={seed} mode="en" />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(EN_TITLE);
    expect(screen.getByText('ainews.example')).toBeTruthy();
    cleanup();
    renderIn(<ArticleHeader report={seed} mode="zh-Hans" />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(ZH_TITLE);
  });

  it('shows both parts of the title, each with its language', () => {
    renderIn(<ArticleHeader report={seed} mode="both" />);
    expect(screen.getByText(EN_TITLE).getAttribute('lang')).toBe('en');
    expect(screen.getByText(ZH_TITLE).getAttribute('lang')).toBe('zh-Hans');
  });

  it('links to the source and gives the byline, the date and the reading time of what the mode shows, in the UI language', () => {
    const report = { ...seed, meta: { site: 'AI News Daily', byline: 'Jane Doe', published: '2026-03-05T08:00:00Z' } };
    renderIn(<ArticleHeader report={report} mode="en" />);
    const link = screen.getByRole('link', { name: 'AI News Daily' });
    expect(link.getAttribute('href')).toBe(seed.url);
    expect(document.querySelector('.byline')?.textContent).toMatch(/^By Jane Doe · March 5, 2026 · \d+ min read$/);
    cleanup();
    renderIn(<ArticleHeader report={report} mode="zh-Hans" />, ZH);
    expect(document.querySelector('.byline')?.textContent).toMatch(/^作者：Jane Doe · 2026年3月5日 · 阅读约 \d+ 分钟$/);
  });

  it('leaves out what the page does not say', () => {
    renderIn(<ArticleHeader report={seed} mode="en" />);
    expect(document.querySelector('.byline')?.textContent).toMatch(/^\d+ min read$/);
    expect(document.querySelector('time')).toBeNull();
  });

  it('falls back to the whole title, then to a placeholder', () => {
    const markup = loadReport('markup');
    renderIn(<ArticleHeader report={markup} mode="zh" />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Storm season outlook: more rain, fewer hurricanes');
    cleanup();
    renderIn(<ArticleHeader report={{ ...loadReport('empty'), url: null }} mode="both" />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Untitled article');
    expect(document.querySelector('.site')).toBeNull();
  });
});
