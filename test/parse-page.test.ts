// @vitest-environment node
/**
 * The command line builds the tree a browser builds (scripts/parse-page.ts): markup that linkedom
 * alone reads into an empty body (a fragment, something before <html>) still gets its body.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../engine/analyze';
import { parsePage } from '../scripts/parse-page';

const story = '<p>The council voted on Tuesday to close the bridge for repairs.</p><p>Work starts in May and lasts six weeks.</p>';

describe('parsePage', () => {
  it.each([
    ['a fragment without <html> or <body>', story],
    ['a <script> before <html>', `<script>var a = 1;</script><html><head><title>T</title></head><body>${story}</body></html>`],
    ['a <table> before <html>', `<table><tr><td>menu</td></tr></table><html><body>${story}</body></html>`],
    ['an unknown element before <html>', `<text id="x"><html><body>${story}</body></html>`],
  ])('gives %s a body holding the text', (_, html) => {
    const doc = parsePage(html);
    expect(doc.body?.textContent).toContain('close the bridge');
    expect(doc.body?.textContent).toContain('six weeks');
    expect(doc.querySelectorAll('p')).toHaveLength(2);
  });

  it('reads a saved page that starts with a dataset line before <html> (real Chinese page)', () => {
    const html = gunzipSync(readFileSync(join(__dirname, 'corpus/extraction/chinese-wce-zh/pages/05e98007.html.gz'))).toString('utf8');
    expect(html.startsWith('<text id=')).toBe(true);
    const blocks = analyzeDocument(parsePage(html)).report.article.blocks;
    expect(blocks.map((b) => b.text).join('')).toContain('一九八九年四月，我在湖南张家界开一个全省教学研究');
  });
});
