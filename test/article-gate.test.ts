// @vitest-environment node
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../engine/analyze';
import { GATE_MIN_ELEMENTS, mayHoldArticle, worthReading } from '../engine/article-gate';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const fixtures = readdirSync(FIXTURES).filter((name) => existsSync(join(FIXTURES, name, 'page.html')));
const NON_ARTICLES = fixtures.filter((name) => name.startsWith('nonarticle-'));
const STORIES = fixtures.filter((name) => !name.startsWith('nonarticle-'));

const doc = (html: string) => parseHTML(html).document as unknown as Document;
const fixture = (name: string) => doc(readFileSync(join(FIXTURES, name, 'page.html'), 'utf8'));
/** The page with enough empty elements added to be gated, and not a word more. */
function enlarged(name: string): Document {
  const html = readFileSync(join(FIXTURES, name, 'page.html'), 'utf8');
  return doc(html.replace(/<\/body>/i, `${'<span></span>'.repeat(GATE_MIN_ELEMENTS)}</body>`));
}
const page = (body: string, lang = 'en') => doc(`<!DOCTYPE html><html lang="${lang}"><head><title>t</title></head><body>${body}</body></html>`);

// Real sentences (NTREX-128), each over 140 characters: five make an article by Readability's measure.
const PARAGRAPH =
  'The popular vote was set up in a bid to resolve a decades-long dispute with neighboring Greece, which has its own province called Macedonia, and which objects to the name.';
const CHINESE = '这次全民公投旨在解决与邻国希腊长达数十年的争端，希腊有一个名为马其顿的省份，并一直反对这个名称。';

describe('mayHoldArticle', () => {
  it('turns away search results, an application and a long form, and the engine then reports no article', () => {
    expect(NON_ARTICLES.length).toBeGreaterThanOrEqual(4);
    for (const name of NON_ARTICLES) {
      expect(mayHoldArticle(fixture(name)), name).toBe(false);
      const large = enlarged(name);
      expect(worthReading(large), name).toBe(false);
      const { report } = analyzeDocument(large);
      expect(report.title, name).toBeNull();
      expect(report.article.blocks, name).toEqual([]);
    }
  });

  it('reads a small page whole: the DOM phase costs little there, and short bilingual pages live there', () => {
    const small = NON_ARTICLES.filter((name) => fixture(name).querySelectorAll('*').length < GATE_MIN_ELEMENTS);
    expect(small.length).toBeGreaterThan(0);
    for (const name of small) expect(worthReading(fixture(name)), name).toBe(true);
  });

  it('never turns a story away: the seed, the generated and real bilingual pages, the labelled and hostile pages', () => {
    expect(STORIES.length).toBeGreaterThan(30);
    expect(STORIES.filter((name) => !worthReading(fixture(name)))).toEqual([]);
    expect(STORIES.filter((name) => !name.startsWith('real-') && !mayHoldArticle(fixture(name)))).toEqual([]);
  });

  it('counts long paragraphs in p, in divs of their own, and in lines split by <br>', () => {
    expect(mayHoldArticle(page(`<article>${`<p>${PARAGRAPH}</p>`.repeat(5)}</article>`))).toBe(true);
    expect(mayHoldArticle(page(`<div class="story">${`<div class="para">${PARAGRAPH}</div>`.repeat(5)}</div>`))).toBe(true);
    expect(mayHoldArticle(page(`<div>${`${PARAGRAPH}<br><br>`.repeat(5)}</div>`))).toBe(true);
    expect(mayHoldArticle(page(`<p>${PARAGRAPH}</p>`))).toBe(false);
  });

  it('weighs Chinese characters as the Latin text they stand for', () => {
    expect(CHINESE.length).toBeLessThan(140);
    expect(mayHoldArticle(page(`<article>${`<p>${CHINESE}</p>`.repeat(5)}</article>`, 'zh-CN'))).toBe(true);
  });

  it('leaves out snippets and teasers of other pages, hidden text and chrome', () => {
    const five = (wrap: (text: string, i: number) => string) => page(Array.from({ length: 5 }, (_, i) => wrap(PARAGRAPH, i)).join(''));
    expect(mayHoldArticle(five((text) => `<ul><li><p>${text}</p></li></ul>`))).toBe(false);
    expect(mayHoldArticle(five((text) => `<p>${text}...</p>`))).toBe(false);
    expect(mayHoldArticle(five((text, i) => `<div class="r"><h3><a href="/${i}">Result ${i}</a></h3><p>${text}</p></div>`))).toBe(false);
    expect(mayHoldArticle(five((text) => `<div hidden><p>${text}</p></div>`))).toBe(false);
    expect(mayHoldArticle(five((text) => `<p class="comment">${text}</p>`))).toBe(false);
  });

  it('lets a short story through when the page marks it as its one article, not a list of teasers', () => {
    const short = 'The storm is expected to bring heavy rain across the southwest over the coming days, forecasters said.';
    expect(mayHoldArticle(page(`<article><h1>Storm</h1><p>${short}</p><p>${short}</p></article>`))).toBe(true);
    expect(mayHoldArticle(page(`<div><h1>Storm</h1><p>${short}</p><p>${short}</p></div>`))).toBe(false);
    const teasers = Array.from({ length: 3 }, (_, i) => `<article><h2><a href="/${i}">Storm ${i}</a></h2><p>${short}</p></article>`).join('');
    expect(mayHoldArticle(page(teasers))).toBe(false);
  });

  it('keeps a story whose own title links to its permalink', () => {
    const body = `<div class="post"><h3><a href="/post/1">Macedonians go to polls</a></h3>${`<p>${PARAGRAPH}</p>`.repeat(5)}</div>`;
    expect(mayHoldArticle(page(body))).toBe(true);
  });
});
