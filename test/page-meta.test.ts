// @vitest-environment node
/**
 * The page's own meta (report.meta): site, byline and date read from meta tags, JSON-LD and what
 * is printed between the title and the story, on real pages of test/corpus/extraction (the
 * Chinese set's annotators wrote each page's author and date by hand: references.json).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../engine/analyze';
import { isoDate } from '../engine/page-meta';
import type { PageMeta } from '../engine/report';
import { parsePage } from '../scripts/parse-page';

const CORPUS = join(__dirname, 'corpus/extraction');

function metaOf(set: string, id: string): PageMeta {
  const html = gunzipSync(readFileSync(join(CORPUS, set, 'pages', `${id}.html.gz`))).toString('utf8');
  return analyzeDocument(parsePage(html)).report.meta;
}

function annotated(id: string): { author: string | null; date: string | null } {
  const refs = JSON.parse(readFileSync(join(CORPUS, 'chinese-wce-zh/references.json'), 'utf8')) as Record<string, { author: string | null; date: string | null }>;
  return refs[id] ?? { author: null, date: null };
}

describe('page meta on real pages', () => {
  it('reads meta tags and JSON-LD (WSJ: og:site_name, author, datePublished)', () => {
    expect(metaOf('scrapinghub-en', '042bb7b5fedab6ea')).toEqual({ site: 'WSJ', byline: 'Sarah E. Needleman', published: '2019-11-19T13:03:00Z' });
  });

  it('drops the lead word of a byline written for people ("By Jamelle Bouie", NYT byl)', () => {
    expect(metaOf('scrapinghub-en', '04a6711caa7c6875').byline).toBe('Jamelle Bouie');
  });

  it('keeps the offset a page gives (RFI Chinese: JSON-LD and <time pubdate>)', () => {
    const meta = metaOf('chinese-wce-zh', '0ef8393b');
    expect(meta).toEqual({ site: 'RFI - 法国国际广播电台', byline: '安东尼', published: '2022-02-06T12:48:06+00:00' });
    expect(annotated('0ef8393b').author).toBe(meta.byline);
  });

  it.each(['8baa71e3', 'b4c2eccd'])('reads the dateline printed under the title where no tag gives a date (%s)', (id) => {
    const date = annotated(id).date as string;
    expect(metaOf('chinese-wce-zh', id).published).toBe(`${date.replace(' ', 'T')}${date.length === 16 ? ':00' : ''}`);
  });

  it('gives null for what a page does not say (a page without tags, byline or dateline)', () => {
    expect(annotated('0df12126')).toMatchObject({ author: null, date: null });
    expect(metaOf('chinese-wce-zh', '0df12126')).toEqual({ site: null, byline: null, published: null });
  });
});

describe('isoDate', () => {
  it.each([
    ['2019-11-19T13:03:00.000Z', '2019-11-19T13:03:00Z'],
    ['2019-11-19T06:56:43-0500', '2019-11-19T06:56:43-05:00'],
    ['2005-5-7 21:23:57', '2005-05-07T21:23:57'],
    ['BUSINESS.SOHU.COM 2005年3月11日12:12 来源：人民网', '2005-03-11T12:12:00'],
    ['2004/12/10', '2004-12-10'],
    ['Published November 19, 2019 at 8:00 am', '2019-11-19'],
    ['Tue, 19 Nov 2019 08:00:00 GMT', '2019-11-19'],
  ])('%s → %s', (text, iso) => {
    expect(isoDate(text)).toBe(iso);
  });

  it.each(['2019-02-30', '2019-13-01', 'page 12345678', 'no date here', '1492-10-12'])('finds no date in %s', (text) => {
    expect(isoDate(text)).toBeNull();
  });
});
