import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../engine/article';
import { findScores, findTags } from '../engine/scores';
import { foldSpace } from '../engine/text';

const SEED = join(__dirname, 'fixtures/seed');

function load(html: string): Document {
  const doc = document.implementation.createHTMLDocument('');
  doc.documentElement.innerHTML = html;
  return doc;
}

const SENTENCE =
  'The regional authority said on Tuesday that the new rail line would open next spring, after years of delays and rising costs.';

describe('extractArticle on the seed page', () => {
  const html = readFileSync(join(SEED, 'page.html'), 'utf8');
  const expected = JSON.parse(readFileSync(join(SEED, 'expected.json'), 'utf8'));
  const doc = load(html);
  const { title, root, blocks } = extractArticle(doc);
  const article = blocks.filter((b) => b.inArticle).map((b) => b.text);
  const labels = blocks.filter((b) => b.role === 'label').map((b) => b.text);

  it('finds the bilingual h1 as the title, outside the body', () => {
    expect(title?.tagName).toBe('H1');
    const block = blocks.find((b) => b.role === 'title');
    expect(block?.text).toBe(`${expected.title.en} ${expected.title.zh}`);
    expect(block?.inArticle).toBe(false);
  });

  it('keeps the summary, every analysis paragraph and the disclaimer in reading order', () => {
    const pairs: { en: string; zh: string }[] = expected.pairs;
    const body = [...pairs.map((p) => p.en), ...expected.untranslated.en];
    for (const text of body) expect(article).toContain(foldSpace(text));
    for (const p of pairs) expect(article).toContain(foldSpace(p.zh));
    expect(article[0]?.startsWith('That $920 million')).toBe(true);
    expect(article[0]?.includes('每月9.2亿美元')).toBe(true);
    expect(article).toContain('Analysis 深度分析');
    expect(article[article.length - 1]).toBe(expected.disclosures[0].text);
    expect(article.filter((t) => t.startsWith('每月9.2亿美元'))).toHaveLength(2);
    expect(blocks.find((b) => b.text === 'Analysis 深度分析')?.role).toBe('heading');
  });

  it('leaves out navigation, the sidebar, the footer, share bar, tags and the view count', () => {
    const joined = article.join('\n');
    for (const chrome of ['Home 首页', 'Trending 热门', 'Nvidia ships next-gen racks', '© AI News', '微信', '芯片 芯片']) {
      expect(joined).not.toContain(chrome);
    }
    expect(article).not.toContain('55');
    expect(blocks.some((b) => b.text === '55')).toBe(false);
    expect(root?.contains(doc.querySelector('.analysis-zh'))).toBe(true);
    expect(root?.contains(doc.querySelector('aside'))).toBe(false);
  });

  it('returns the label lines around the title', () => {
    expect(labels).toEqual(expect.arrayContaining(['AI News AI资讯', 'Updated 1h ago 更新于 1小时前', 'Hot 热度', 'Quality 质量', 'Impact 影响力', 'Share:', '分享到:']));
    expect(labels.some((l) => l.includes('Trending') || l.includes('Home'))).toBe(false);
  });

  it('never emits a block inside another block', () => {
    const els = blocks.map((b) => b.el);
    for (const a of els) for (const b of els) if (a !== b) expect(a.contains(b)).toBe(false);
  });

  it('gives findScores and findTags what the seed expects', () => {
    expect(findScores(doc, title).map(({ value, labels }) => ({ value, labels }))).toEqual(expected.scores);
    expect(findTags(doc, root)).toEqual(expected.tags);
  });
});

describe('extractArticle on other layouts', () => {
  it('reads an article laid out in table rows', () => {
    const rows = Array.from({ length: 6 }, (_, i) => `<tr><td>${SENTENCE} Row ${i}.</td></tr>`).join('');
    const doc = load(
      `<head><title>Rail line to open</title></head><body><table><tr><td class="nav"><a href="/">Home</a> <a href="/x">World</a></td></tr>` +
        `<tr><td><h1>Rail line to open</h1><table>${rows}</table></td></tr></table></body>`,
    );
    const { blocks } = extractArticle(doc);
    const body = blocks.filter((b) => b.inArticle);
    expect(body).toHaveLength(6);
    expect(body.every((b) => b.role === 'paragraph' && b.el.tagName === 'TD')).toBe(true);
  });

  it('reads two columns side by side and drops the link sidebar', () => {
    const col = (lang: string, text: string) => `<div class="col ${lang}">${`<p>${text}</p>`.repeat(4)}</div>`;
    const doc = load(
      `<head><title>Storm</title></head><body><div class="page"><div class="story"><h1>Storm 风暴</h1><div class="columns">` +
        col('en', SENTENCE) +
        col('zh', '地区当局周二表示，这条新铁路线将在明年春天开通，此前经历了多年的延误和成本上升。') +
        `</div></div><div class="sidebar"><ul>${'<li><a href="/n">Another story headline here today</a></li>'.repeat(8)}</ul></div></div></body>`,
    );
    const { blocks, root } = extractArticle(doc);
    const body = blocks.filter((b) => b.inArticle);
    expect(body).toHaveLength(8);
    expect(body.slice(0, 4).every((b) => b.text === SENTENCE)).toBe(true);
    expect(root?.classList.contains('story')).toBe(true);
  });

  it('keeps quotes, list items and loose text containers, not their wrappers', () => {
    const doc = load(
      `<body><article><h1>Title</h1><div>${SENTENCE}</div><blockquote><p>${SENTENCE} Quoted.</p></blockquote>` +
        `<ul><li>${SENTENCE} First.</li><li>${SENTENCE} Second.</li></ul><h2>Next part</h2><section>${SENTENCE} <b>Bold</b> end.</section>` +
        `<div class="share"><a href="/s">Share</a></div><div contenteditable="true"><p>${SENTENCE} Draft.</p></div>` +
        `<form><textarea>${SENTENCE}</textarea></form><div data-newslens-ui><p>${SENTENCE} UI.</p></div></article></body>`,
    );
    const { blocks } = extractArticle(doc);
    expect(blocks.filter((b) => b.inArticle).map((b) => b.role)).toEqual(['paragraph', 'quote', 'list-item', 'list-item', 'heading', 'paragraph']);
    expect(blocks.some((b) => /Draft|UI\./.test(b.text))).toBe(false);
  });

  it('leaves out a comment section and a related-stories list of teasers', () => {
    const doc = load(
      `<body><main><article><h1>Title</h1>${`<p>${SENTENCE}</p>`.repeat(6)}</article>` +
        `<section class="comments">${`<p>${SENTENCE} Commenter.</p>`.repeat(5)}</section>` +
        `<div class="related-stories">${'<div><h3><a href="/r">Related headline</a></h3><p>A teaser line of another story.</p></div>'.repeat(3)}</div></main></body>`,
    );
    const body = extractArticle(doc).blocks.filter((b) => b.inArticle);
    expect(body).toHaveLength(6);
    expect(body.every((b) => b.text === SENTENCE)).toBe(true);
  });

  it('never throws on odd documents', () => {
    const empty = document.implementation.createHTMLDocument('');
    expect(extractArticle(empty)).toEqual({ title: null, root: null, blocks: [], dateline: null, titles: [] });
    const frames = parseHTML('<html><frameset><frame src="a.html"></frameset></html>').document as unknown as Document;
    expect(() => extractArticle(frames)).not.toThrow();
    const bare = parseHTML('just text').document as unknown as Document;
    expect(() => extractArticle(bare)).not.toThrow();
    const xml = new DOMParser().parseFromString('<root><item>x</item></root>', 'application/xml');
    expect(() => extractArticle(xml)).not.toThrow();
  });

  // Time per size is measured in the stress tier (test/cost.test.ts).
  it('analyses a 10,000-paragraph page', () => {
    const build = (n: number) =>
      parseHTML(
        `<html><head><title>Long</title></head><body><nav><a href="/">Home</a></nav><article><h1>Long</h1>${Array.from({ length: n }, (_, i) => `<p>${SENTENCE} Number ${i}.</p>`).join('')}</article></body></html>`,
      ).document as unknown as Document;
    const { blocks } = extractArticle(build(10000));
    expect(blocks.filter((b) => b.inArticle)).toHaveLength(10000);
  });

  it('handles 5,000 levels of nesting', () => {
    const doc = parseHTML(`<html><body>${'<div>'.repeat(5000)}<p>${SENTENCE}</p>${'</div>'.repeat(5000)}</body></html>`).document as unknown as Document;
    const { blocks } = extractArticle(doc);
    expect(blocks.filter((b) => b.inArticle).map((b) => b.text)).toEqual([SENTENCE]);
  });
});

describe('table rows with an empty cell written as a dash', () => {
  it('keeps the row: a dash is not a bare number that marks a stat box', () => {
    // Rows of test/corpus/real-pages-hard/real-claudecode-terminology-glossary-en-zh (English | 简体中文 | 繁體中文 | 说明).
    const rows = [
      ['Hook', '钩子 / 钩子函数', '鉤子 / 鉤子函數', '编程概念'],
      ['Workflow', '工作流程', '工作流程', '-'],
      ['Testing', '测试', '測試', '-'],
    ];
    const table = `<table><thead><tr><th>English</th><th>简体中文</th><th>繁體中文</th><th>说明</th></tr></thead><tbody>${rows
      .map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`;
    const doc = load(`<body><article><h1>术语对照表 / Terminology Reference</h1><p>${SENTENCE}</p><p>${SENTENCE}</p>${table}<p>${SENTENCE}</p></article></body>`);
    const texts = extractArticle(doc).blocks.filter((b) => b.inArticle).map((b) => b.text);
    expect(texts).toEqual(expect.arrayContaining(['Workflow', '工作流程', 'Testing', '测试', 'Hook']));
  });
});

describe('a title written in two languages in a box named title', () => {
  it('is the title when the page names it in the more compact language', () => {
    // The seed's titles; <title> holds only the Chinese half, a third of the heading's characters.
    const { title } = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'seed', 'expected.json'), 'utf8'));
    const doc = load(
      `<html><head><title>${title.zh}</title></head><body><div class="post"><div class="post-title">${title.zh} ${title.en}</div>` +
        `<div class="post-body"><p>${'一段足夠長的正文，說明這是一篇文章。'.repeat(8)}</p><p>${'A long enough paragraph of body text for an article. '.repeat(6)}</p></div></div></body></html>`,
    );
    expect(foldSpace(extractArticle(doc).title?.textContent ?? '')).toBe(foldSpace(`${title.zh} ${title.en}`));
  });
});

describe('text lying loose between the blocks of the story', () => {
  it("reads a note written inside one inline element as a block of that element, which the page can mark (the AI notice in <small>)", () => {
    const doc = load(readFileSync(join(__dirname, 'fixtures/disclosure-byline/page.html'), 'utf8'));
    const notice = extractArticle(doc).blocks.find((b) => b.text === 'The key points below were produced by an AI model and checked by editors.');
    expect(notice?.inArticle).toBe(true);
    expect(notice?.el.tagName).toBe('SMALL');
    expect(notice?.loose).toBeUndefined();
  });

  it('keeps a run of text outside any block as a loose block of its element, between the blocks around it', () => {
    const doc = load(`<body><article><h1>Rail line</h1><p>${SENTENCE}</p><blockquote>${SENTENCE}</blockquote>Officials said the trains would run every ten minutes, <b>day and night</b>.<p>${SENTENCE}</p></article></body>`);
    const body = extractArticle(doc).blocks.filter((b) => b.inArticle);
    expect(body.map((b) => b.role)).toEqual(['paragraph', 'quote', 'paragraph', 'paragraph']);
    expect(body[2]).toMatchObject({ text: 'Officials said the trains would run every ten minutes, day and night.', loose: true });
    expect(body[2]?.el.tagName).toBe('ARTICLE');
  });
});

describe('extractArticle ends the story on its text', () => {
  it('keeps a heading when nothing but a dateline stands under it: the reader is never left empty', () => {
    const html =
      '<html><head><title>Results</title></head><body><div class="post"><h2>Election night results, county by county</h2><p>Tuesday, November 6, 2012 at 11:45 PM</p></div></body></html>';
    const body = extractArticle(parseHTML(html).document as unknown as Document).blocks.filter((b) => b.inArticle);
    expect(body.map((b) => b.text)).toEqual(['Election night results, county by county']);
  });
});

describe('a rendered document written straight into <body>', () => {
  const real = (dir: string): Document => load(readFileSync(join(__dirname, dir, 'page.html'), 'utf8'));

  it('reads the whole body when it adds mostly prose to the best container, not only its first table', () => {
    const doc = real('corpus/real-pages-hard/real-reaperwhisper-readme-en-ko');
    const texts = extractArticle(doc).blocks.filter((b) => b.inArticle).map((b) => b.text);
    expect(texts).toEqual(expect.arrayContaining(['REAPER with Python support enabled', '한국어 설명', '사전 준비', '액션 실행']));
    expect(texts[0]).toBe('REAPER Python scripts that use OpenAI Whisper STT to automatically rename selected media item takes.');
  });

  it('reads the text between its headings as paragraphs of their own, never the whole body as one block', () => {
    const doc = real('fixtures/real-github101-contributing-es-en');
    const body = extractArticle(doc).blocks.filter((b) => b.inArticle);
    const texts = body.map((b) => b.text);
    expect(texts).toContain('How to create a translation?');
    const bare = body.find((b) => b.text.startsWith('Since this project has no code'));
    expect(bare).toMatchObject({ role: 'paragraph', loose: true });
    expect(bare?.text.endsWith('make a pull request to add the translation.')).toBe(true);
    expect(texts.indexOf('English')).toBeLessThan(texts.indexOf(bare?.text ?? ''));
  });

  it("keeps the document's table of contents, a list of links into the document under a heading, in its place", () => {
    const texts = extractArticle(real('fixtures/real-openfirst-readme-en-fr')).blocks.filter((b) => b.inArticle).map((b) => b.text);
    const contents = texts.indexOf('Table des matières');
    expect(texts.slice(contents, contents + 3)).toEqual(['Table des matières', 'Introduction', 'Normes ouvertes']);
    expect(texts[texts.indexOf('Comment contribuer') - 1]).toBe("Annexe A - Questions d'ordre juridique");
  });

  it('keeps a list of steps whose links sit inside their sentences, not a list of other stories', () => {
    const texts = extractArticle(real('corpus/real-pages-hard/real-geocaching-readme-en-fr')).blocks.filter((b) => b.inArticle).map((b) => b.text);
    expect(texts).toContain('Run the processLogs.py script to generate an XML file logbook.xml');
    expect(texts).toContain("It create a directory Logs to cache the logs' HTML page before parsing them.");
  });

  it('still drops a list of other stories whose headlines end on their links', () => {
    // The shape of WIRED's "More Great WIRED Stories" under a story (scrapinghub-en dev 2f42ef1d3ea0c96e).
    const items = [
      ['Could an astronaut lost in space ', 'use gravity to get around', '?'],
      ['WIRED25: Stories of people ', 'who are racing to save us', ''],
      ['The plan to boost drone batteries ', 'with a teensy jet engine', ''],
    ];
    const list = items.map(([head, link, tail], k) => `<li>${head}<a href="https://example.com/story/${k}">${link}</a>${tail}</li>`).join('');
    const doc = load(`<body><article><h1>Rail line</h1><p>${SENTENCE}</p><p>${SENTENCE}</p><p>${SENTENCE}</p><ul>${list}</ul></article></body>`);
    const texts = extractArticle(doc).blocks.map((b) => b.text);
    expect(texts).not.toContain('Could an astronaut lost in space use gravity to get around?');
    expect(texts).toContain(SENTENCE);
  });

  it('still drops a list of links away to other pages under a heading', () => {
    const items = ['Rail fares rise again', 'City council votes on budget', 'New bridge opens downtown'];
    const links = items.map((t, k) => `<li><a href="https://example.com/news/${k}">${t}</a></li>`).join('');
    const doc = load(`<body><article><h1>Rail line</h1><p>${SENTENCE}</p><p>${SENTENCE}</p><h2>Elsewhere</h2><ul>${links}</ul><p>${SENTENCE}</p></article></body>`);
    const texts = extractArticle(doc).blocks.map((b) => b.text);
    for (const item of items) expect(texts).not.toContain(item);
  });
});
