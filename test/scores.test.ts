import { describe, expect, it } from 'vitest';
import { findScores, findTags, parseScoreText } from '../engine/scores';

function page(body: string, lang = 'zh-CN'): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.documentElement.setAttribute('lang', lang);
  doc.body.innerHTML = body;
  return doc;
}

const PROSE =
  '<p>The company said on Tuesday that it would expand its operations in the region over the next two years, adding staff.</p>';

function scoresOf(body: string, lang?: string) {
  const doc = page(body, lang);
  return findScores(doc, doc.querySelector('h1')).map(({ value, max, labels }) => ({ value, max, labels }));
}

describe('parseScoreText', () => {
  it.each([
    ['85 Hot 热度', [{ value: 85, max: null, labels: { en: 'Hot', zh: '热度' } }]],
    ['热度: 85', [{ value: 85, max: null, labels: { zh: '热度' } }]],
    ['热度：85', [{ value: 85, max: null, labels: { zh: '热度' } }]],
    ['Quality 质量 70/100', [{ value: 70, max: 100, labels: { en: 'Quality', zh: '质量' } }]],
    ['评分 8.5分', [{ value: 8.5, max: null, labels: { zh: '评分' } }]],
    ['おすすめ度 90', [{ value: 90, max: null, labels: { ja: 'おすすめ度' } }]],
    ['품질 80', [{ value: 80, max: null, labels: { ko: '품질' } }]],
    [
      'Hot: 85 · Quality: 70',
      [
        { value: 85, max: null, labels: { en: 'Hot' } },
        { value: 70, max: null, labels: { en: 'Quality' } },
      ],
    ],
  ])('reads %s', (text, expected) => {
    expect(parseScoreText(text)).toEqual(expected);
  });

  it.each([
    '2024-05-01',
    '12:30',
    'Updated 1h ago',
    '更新于 1小时前',
    '1,234 views',
    '阅读 1200',
    '$85',
    '¥ 85',
    'Copyright 2024',
    'Posted 3 days ago',
    '5 min read',
    'March 5',
    '3C',
    'Page 2',
    '12 Dates of Christmas',
    'The company grew 85 percent in the first quarter of the year, beating every forecast by analysts.',
  ])('ignores %s', (text) => {
    expect(parseScoreText(text)).toEqual([]);
  });

  it('takes the language of Latin labels from a Latin-script hint only', () => {
    expect(parseScoreText('Qualité 70', 'fr')).toEqual([{ value: 70, max: null, labels: { fr: 'Qualité' } }]);
  });
});

describe('findScores', () => {
  it('reads number and label held in separate children, in any order', () => {
    const body =
      '<article><h1>Title of the story</h1>' +
      '<div class="scores"><div class="card"><div class="num">85</div><div class="label"><span>Hot</span> <span>热度</span></div></div>' +
      '<div class="card"><div class="label"><span>Quality</span> <span>质量</span></div><div class="num">70</div></div></div>' +
      `${PROSE.repeat(3)}</article>`;
    expect(scoresOf(body)).toEqual([
      { value: 85, max: null, labels: { en: 'Hot', zh: '热度' } },
      { value: 70, max: null, labels: { en: 'Quality', zh: '质量' } },
    ]);
  });

  it('merges a score printed once per language', () => {
    const body = `<article><h1>Title of the story</h1><ul><li>Hot: 85</li><li>热度: 85</li><li>Quality 70/100</li></ul>${PROSE}</article>`;
    expect(scoresOf(body)).toEqual([
      { value: 85, max: null, labels: { en: 'Hot', zh: '热度' } },
      { value: 70, max: 100, labels: { en: 'Quality' } },
    ]);
  });

  it('reads a score table column by column: a row of labels over a row of numbers', () => {
    const body = `<main><article><h1>Title of the story</h1><table><tr><th>Hot 热度</th><th>Quality 质量</th></tr><tr><td>77</td><td>69</td></tr></table>${PROSE.repeat(4)}</article></main>`;
    expect(scoresOf(body)).toEqual([
      { value: 77, max: null, labels: { en: 'Hot', zh: '热度' } },
      { value: 69, max: null, labels: { en: 'Quality', zh: '质量' } },
    ]);
  });

  it('finds a meta bar beside the article', () => {
    const body = `<main><div class="meta"><span>Impact 影响力 75</span></div><article><h1>Title of the story</h1>${PROSE.repeat(4)}</article></main>`;
    expect(scoresOf(body)).toEqual([{ value: 75, max: null, labels: { en: 'Impact', zh: '影响力' } }]);
  });

  it('ignores views, dates, times, prices, linked numbers and numbers in prose', () => {
    const body =
      '<main><div class="card-meta"><span class="views" title="views">55</span> <time>10:30</time> <span>2024-05-01</span></div>' +
      '<article><h1>Title of the story</h1><div class="info"><span class="view-count">Views 1200</span> <span>Price 85</span>' +
      '<a href="/toc#2">2 Applications</a> <span><a href="/c">Comments</a> 12</span></div>' +
      `<p>Hot 85</p>${PROSE.repeat(3)}<p>Its quality score of 70 was the highest in the sector this year.</p></article></main>`;
    expect(scoresOf(body)).toEqual([{ value: 85, max: null, labels: { en: 'Hot' } }]);
  });

  it('ignores label/number lines far below the title and in sidebars', () => {
    const body =
      `<div><article><h1>Title of the story</h1>${PROSE.repeat(30)}<ul class="reactions"><li>开心 1</li><li>感动 4</li></ul></article>` +
      '<aside><div>Hot 99</div></aside></div>';
    expect(scoresOf(body)).toEqual([]);
  });

  it('returns nothing without a title', () => {
    expect(findScores(page('<p>Hot 85</p>'), null)).toEqual([]);
  });
});

describe('findTags', () => {
  function tagsOf(body: string): string[] {
    const doc = page(body);
    return findTags(doc, doc.querySelector('article'));
  }

  it('reads chips marked by class, one tag per doubled chip', () => {
    const body =
      '<article><p>Body text of the article.</p><div class="tags">' +
      '<a class="tag" href="/tag/chips"><span class="en">芯片</span> <span class="zh">芯片</span></a>' +
      '<a class="tag" href="/tag/llm"><span>大模型</span> <span>大模型</span></a>' +
      '<a class="tag" href="/tag/chips">芯片</a></div></article>';
    expect(tagsOf(body)).toEqual(['芯片', '大模型']);
  });

  it('reads rel=tag links and tag hrefs, skipping the caption', () => {
    const body =
      '<article><p>Body.</p><div class="keywords">标签：<a rel="tag" href="/x">经济</a> <a rel="tag" href="/y">美国</a></div>' +
      '<div class="more"><a href="/topics/climate">#Climate</a> <a href="/topic/ai">AI (12)</a></div>' +
      '<p>Read <a href="/topic/guides/how-to-reduce-size">our guide on reducing size</a>.</p></article>';
    expect(tagsOf(body)).toEqual(['经济', '美国', 'Climate', 'AI']);
  });

  it('reads a list of links named "labels", one tag per doubled chip', () => {
    const body = '<article><p>Body.</p><div class="labels"><a>科技</a><a>科技</a><a>美国</a><a>美国</a></div></article>';
    expect(tagsOf(body)).toEqual(['科技', '美国']);
    expect(tagsOf('<article><p>Body.</p><div class="label">Hot 热度</div></article>')).toEqual([]);
  });

  it('finds a tag list just outside the body container', () => {
    const body =
      '<div class="story"><article><p>Body.</p></article><div class="submeta__keywords"><ul><li><a href="/a">Whales</a></li><li><a href="/b">Wildlife</a></li></ul></div></div>';
    expect(tagsOf(body)).toEqual(['Whales', 'Wildlife']);
  });

  it('ignores per-tag classes on the article, score labels, sidebars and share bars', () => {
    const body =
      '<div><article class="post tag-star-wars"><p>Body with <a href="/x">a link</a>.</p>' +
      '<div class="score"><div class="label">Hot 热度</div><div>85</div></div>' +
      '<div class="share"><a class="tag-share" href="/s">Share</a></div></article>' +
      '<aside class="sidebar"><div class="tagcloud"><a href="/tag/x">X</a></div></aside></div>';
    expect(tagsOf(body)).toEqual([]);
  });
});
