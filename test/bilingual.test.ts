import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../engine/analyze';
import { analyzeBilingual, type BilingualUnit } from '../engine/bilingual';
import docs from './fixtures/align/ntrex-docs.json';
import seed from './fixtures/align/seed-analysis.json';
import { realPage } from './real-pages-corpus';
import { decodePage } from '../scripts/decode-page';
import { parsePage } from '../scripts/parse-page';

function at<T>(list: readonly T[], i: number): T {
  const value = list[i];
  if (value === undefined) throw new Error(`no item ${i}`);
  return value;
}

/** Paragraphs of two consecutive sentences of one ntrex128 document (headline left out). */
function paragraphs(doc: number, script: 'en' | 'zh-Hans' | 'zh-Hant'): string[] {
  const lines = at(docs, doc)[script].slice(1);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += 2) out.push(lines.slice(i, i + 2).join(script === 'en' ? ' ' : ''));
  return out;
}

/** Builds units (one block each, or one block per [lang, text][] group) with elements in `parent`. */
class Page {
  readonly units: BilingualUnit[] = [];
  private block = 0;

  add(parent: Element, parts: readonly (readonly [string, string])[], tag = 'p', role: BilingualUnit['role'] = 'paragraph'): Element {
    const el = parent.ownerDocument.createElement(tag);
    el.textContent = parts.map(([, text]) => text).join(' ');
    parent.append(el);
    parts.forEach(([lang, text], part) => {
      this.units.push({ id: this.units.length, block: this.block, part, lang, text, el, role, inArticle: role !== 'title' });
    });
    this.block += 1;
    return el;
  }
}

function container(tag = 'div', attrs: Record<string, string> = {}): Element {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  document.body.append(el);
  return el;
}

const textOf = (units: readonly BilingualUnit[], id: number): string => at(units, id).text;

describe('analyzeBilingual: the seed page', () => {
  const page = new Page();
  const article = container('article');
  page.add(article, [
    ['en', seed.title.en],
    ['zh-Hans', seed.title.zh],
  ], 'h1', 'title');
  page.add(article, [
    ['en', 'Hot'],
    ['zh-Hans', '热度'],
  ], 'div', 'label');
  page.add(article, [
    ['en', 'Analysis'],
    ['zh-Hans', '深度分析'],
  ], 'h2', 'heading');
  const section = container('section', { class: 'analysis' });
  const enColumn = section.ownerDocument.createElement('div');
  const zhColumn = section.ownerDocument.createElement('div');
  section.append(enColumn, zhColumn);
  for (const text of seed.en) page.add(enColumn, [['en', text]]);
  // The page's duplicate Chinese paragraph is collapsed before bilingual analysis.
  for (const text of [at(seed.zh, 0), at(seed.zh, 2), at(seed.zh, 3)]) page.add(zhColumn, [['zh-Hans', text]]);
  const result = analyzeBilingual(page.units);

  it('finds the inline title and labels and the sequential analysis', () => {
    expect(result.detected).toBe(true);
    expect(result.languages).toEqual(['en', 'zh-Hans']);
    expect(result.layouts).toEqual(['inline', 'sequential']);
  });

  it('pairs the three translated paragraphs, the third with its truncated translation', () => {
    const paragraphPairs = result.pairs
      .filter((pair) => at(page.units, pair.a).block >= 3)
      .map((pair) => [textOf(page.units, pair.a), textOf(page.units, pair.b)]);
    expect(paragraphPairs).toEqual([
      [seed.en[0], seed.zh[0]],
      [seed.en[1], seed.zh[2]],
      [seed.en[2], seed.zh[3]],
    ]);
    expect(result.pairs.map((pair) => [pair.a, pair.b])).toEqual(
      expect.arrayContaining([
        [0, 1],
        [2, 3],
        [4, 5],
      ]),
    );
    for (const pair of result.pairs) expect(pair.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('reports the two English paragraphs without translation', () => {
    expect(result.untranslated.map((id) => textOf(page.units, id))).toEqual([seed.en[3], seed.en[4]]);
  });
});

describe('analyzeBilingual: language order', () => {
  it('puts first the language written first within pairs, whatever unit opens the page', () => {
    const page = new Page();
    const body = container();
    page.add(body, [['zh-Hans', 'AI资讯']], 'div', 'label');
    const zh = [at(seed.zh, 0), at(seed.zh, 2), at(seed.zh, 3)];
    seed.en.slice(0, 3).forEach((text, i) => {
      page.add(body, [['en', text]]);
      page.add(body, [['zh-Hans', at(zh, i)]]);
    });
    const result = analyzeBilingual(page.units);
    expect(result.languages).toEqual(['en', 'zh-Hans']);
    expect(result.pairs.map((pair) => [pair.a, pair.b])).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
  });
});

describe('analyzeBilingual: layouts built from ntrex128 documents', () => {
  it('finds an interleaved page, Chinese first, and names the Traditional script', () => {
    const page = new Page();
    const body = container();
    const en = paragraphs(1, 'en');
    const zh = paragraphs(1, 'zh-Hant');
    en.forEach((text, i) => {
      page.add(body, [['zh-Hant', at(zh, i)]]);
      page.add(body, [['en', text]]);
    });
    const result = analyzeBilingual(page.units);
    expect(result.detected).toBe(true);
    expect(result.languages).toEqual(['zh-Hant', 'en']);
    expect(result.layouts).toEqual(['interleaved']);
    const correct = result.pairs.filter((pair) => pair.b === pair.a + 1).length;
    expect(correct).toBeGreaterThanOrEqual(en.length - 1);
    expect(correct).toBe(result.pairs.length);
  });

  it('finds an interleaved page with untranslated paragraphs', () => {
    const page = new Page();
    const body = container();
    const en = paragraphs(2, 'en');
    const zh = paragraphs(2, 'zh-Hans');
    const missing = new Set([2, 5]);
    en.forEach((text, i) => {
      page.add(body, [['en', text]]);
      if (!missing.has(i)) page.add(body, [['zh-Hans', at(zh, i)]]);
    });
    const result = analyzeBilingual(page.units);
    expect(result.layouts).toEqual(['interleaved']);
    const untranslated = result.untranslated.map((id) => textOf(page.units, id));
    expect(untranslated).toEqual(expect.arrayContaining([en[2], en[5]]));
    expect(untranslated.length).toBeLessThanOrEqual(3);
  });

  it('finds a side-by-side table', () => {
    const page = new Page();
    const table = container('table');
    const en = paragraphs(3, 'en');
    const zh = paragraphs(3, 'zh-Hans');
    en.forEach((text, i) => {
      const row = table.ownerDocument.createElement('tr');
      table.append(row);
      page.add(row, [['en', text]], 'td');
      page.add(row, [['zh-Hans', at(zh, i)]], 'td');
    });
    const result = analyzeBilingual(page.units);
    expect(result.layouts).toEqual(['side-by-side']);
    expect(result.pairs.filter((pair) => pair.b === pair.a + 1).length).toBeGreaterThanOrEqual(en.length - 1);
  });

  it('finds two columns laid out side by side', () => {
    const page = new Page();
    const row = container('div', { style: 'display: flex' });
    const left = row.ownerDocument.createElement('div');
    const right = row.ownerDocument.createElement('div');
    row.append(left, right);
    const en = paragraphs(4, 'en');
    const zh = paragraphs(4, 'zh-Hans');
    for (const text of en) page.add(left, [['en', text]]);
    for (const text of zh) page.add(right, [['zh-Hans', text]]);
    const result = analyzeBilingual(page.units);
    expect(result.layouts).toEqual(['side-by-side']);
    expect(result.pairs.filter((pair) => pair.b === pair.a + en.length).length).toBeGreaterThanOrEqual(en.length - 1);
  });

  it('takes places from the snapshot when units carry them instead of elements', () => {
    const en = paragraphs(5, 'en');
    const zh = paragraphs(5, 'zh-Hans');
    const units: BilingualUnit[] = [...en.map((text) => ['en', text] as const), ...zh.map((text) => ['zh-Hans', text] as const)].map(
      ([lang, text], i) => ({
        id: i,
        block: i,
        part: 0,
        lang,
        text,
        cell: null,
        column: { group: 0, index: i < en.length ? 0 : 1 },
      }),
    );
    expect(analyzeBilingual(units).layouts).toEqual(['side-by-side']);
  });
});

describe('analyzeBilingual: pages that are not bilingual', () => {
  it('a monolingual English page', () => {
    const page = new Page();
    const body = container();
    for (const text of paragraphs(6, 'en')) page.add(body, [['en', text]]);
    expect(analyzeBilingual(page.units)).toEqual({ detected: false, languages: [], layouts: [], pairs: [], untranslated: [], relabelled: [] });
  });

  it('a Chinese page keeping Latin names', () => {
    const page = new Page();
    const body = container();
    const zh = paragraphs(0, 'zh-Hans').map((text, i) => (i % 2 ? `${text}（SpaceX、Google）` : text));
    for (const text of zh) page.add(body, [['zh-Hans', text]]);
    expect(analyzeBilingual(page.units).detected).toBe(false);
  });

  it('English and Chinese paragraphs that do not translate each other', () => {
    let detected = 0;
    for (let d = 0; d < docs.length; d++) {
      const page = new Page();
      const body = container();
      const en = paragraphs(d, 'en');
      const zh = paragraphs((d + 3) % docs.length, 'zh-Hans');
      for (let i = 0; i < Math.max(en.length, zh.length); i++) {
        if (en[i]) page.add(body, [['en', at(en, i)]]);
        if (zh[i]) page.add(body, [['zh-Hans', at(zh, i)]]);
      }
      const result = analyzeBilingual(page.units);
      if (result.detected) detected += 1;
      else expect(result.pairs).toEqual([]);
    }
    expect(detected).toBeLessThanOrEqual(1);
  });
});

describe('analyzeBilingual cost', () => {
  // Time per size is measured in the stress tier (test/cost.test.ts).
  it('handles 10,000 interleaved units', () => {
    const en = docs.flatMap((_, d) => paragraphs(d, 'en'));
    const zh = docs.flatMap((_, d) => paragraphs(d, 'zh-Hans'));
    const units: BilingualUnit[] = Array.from({ length: 10_000 }, (_, i) => {
      const k = Math.floor(i / 2) % en.length;
      return i % 2
        ? { id: i, block: i, part: 0, lang: 'zh-Hans', text: at(zh, k), cell: null, column: null }
        : { id: i, block: i, part: 0, lang: 'en', text: at(en, k), cell: null, column: null };
    });
    const result = analyzeBilingual(units);
    expect(result.layouts).toEqual(['interleaved']);
    expect(result.pairs.length).toBeGreaterThan(4500);
  });
});

describe('page-level evidence for a free alignment', () => {
  it('finds no translation on monolingual real pages with a few lines misread as another language', () => {
    // bug-1255978: an English page of ranked headlines ("10/50 …"), two of them read as
    // Portuguese, find chance partners sharing "50" (7.6 of evidence, under PAGE_EVIDENCE); nytimes-5:
    // English photo credits beside Spanish ones ("… for The New York Times" / "… para The New York Times").
    for (const name of ['bug-1255978', 'nytimes-5']) {
      const { report } = analyzeDocument(parsePage(realPage(name)), { url: 'https://example.org/' });
      expect(report.bilingual.detected, name).toBe(false);
      expect(report.bilingual.pairs, name).toEqual([]);
    }
  });
});

describe('untranslated paragraphs', () => {
  it('never marks a block that holds its own translation unsplit, and still marks a lone paragraph', () => {
    const en = paragraphs(3, 'en');
    const zh = paragraphs(3, 'zh-Hans');
    const page = new Page();
    const article = container('article');
    for (const i of [0, 1]) {
      page.add(article, [['en', at(en, i)]]);
      page.add(article, [['zh-Hans', at(zh, i)]]);
    }
    // One block holding a paragraph and its translation, read as one English unit.
    page.add(article, [['en', `${at(en, 2)} ${at(zh, 2)}`]]);
    page.add(article, [['en', at(en, 3)]]);
    page.add(article, [['zh-Hans', at(zh, 3)]]);
    page.add(article, [['en', at(en, 4)]]);
    page.add(article, [['en', at(en, 5)]]);
    page.add(article, [['zh-Hans', at(zh, 5)]]);
    const result = analyzeBilingual(page.units);
    expect(result.untranslated.map((id) => textOf(page.units, id))).toEqual([at(en, 4)]);
  });
});

describe('a line translated into itself', () => {
  const en = docs.map((doc) => doc.en[0] ?? '');
  const zh = docs.map((doc) => doc['zh-Hans'][0] ?? '');

  it('is no pair but an untranslated line, whatever language each copy was given', () => {
    const units: BilingualUnit[] = [];
    const item = (lang: string, text: string) => units.push({ id: units.length, block: units.length, part: 0, lang, text, role: 'list-item', inArticle: true });
    for (const i of [0, 1, 2, 3, 4]) {
      item('en', at(en, i));
      // The third headline is printed twice, the copy read as Chinese (short text, Chinese neighbours).
      item('zh-Hans', i === 2 ? at(en, i) : at(zh, i));
    }
    const result = analyzeBilingual(units);
    expect(result.pairs.length).toBe(4);
    expect(result.pairs.some((pair) => pair.a === 4 || pair.b === 5)).toBe(false);
    expect(result.untranslated.map((id) => textOf(units, id))).toEqual([at(en, 2)]);
  });
});

describe('a translated heading over a label line with the original title', () => {
  it('pairs the heading with the label\'s value, never with the label or the link line', () => {
    // Three stories of an AI-written Hacker News digest (test/fixtures/real-hnsummarizer-labels-zh-en).
    const story = (heading: string, title: string, url: string, summary: string) =>
      `<h2>${heading}</h2><p><strong>原文标题</strong>: ${title}</p><p><strong>原文链接</strong>: <a href="${url}">${url}</a></p><p>${summary}</p><hr>`;
    const html = `<html><body><article><h1>Hacker News 每日摘要</h1>${[
      story('2. 重罪基准', 'Felony Bench', 'https://www.felonybench.com/', '摘要：本文介绍了一个名为“Felony Bench”的基准测试，用于衡量AI模型在真实环境中实施非法活动的次数，旨在引起对前沿模型安全风险的关注。'),
      story('3. 科学家发布史上最大宇宙二维地图', 'Scientists release biggest 2D map of the universe', 'https://newscenter.lbl.gov/2026/08/10/scientists-release-biggest-2d-map-of-the-universe/', '摘要：DESI遗产成像调查团队发布了迄今最大的宇宙二维彩色地图，包含约40亿个天体的56万亿像素，覆盖约75%的天空，在可见光和近红外波段观测。'),
      story('7. 公民在美国边境删除手机数据被控重罪', 'Felony charges for citizen deleting phone data at US Border', 'https://example.org/border', '摘要：一名美国公民因在边境检查时删除手机数据而被控重罪，引发了关于数字隐私和边境搜查权限的讨论。'),
    ].join('')}</article></body></html>`;
    const { report } = analyzeDocument(parsePage(html));
    expect(report.bilingual.detected).toBe(true);
    const pairs = report.bilingual.pairs.map((pair) => [pair.a.text, pair.b.text]);
    expect(pairs).toEqual(
      expect.arrayContaining([
        ['2. 重罪基准', 'Felony Bench'],
        ['3. 科学家发布史上最大宇宙二维地图', 'Scientists release biggest 2D map of the universe'],
        ['7. 公民在美国边境删除手机数据被控重罪', 'Felony charges for citizen deleting phone data at US Border'],
      ]),
    );
    expect(pairs.flat().filter((text) => text.startsWith('原文') || text.startsWith('https://'))).toEqual([]);
  });
});

describe('a glossary table wider than two columns', () => {
  it('pairs each term with its rendering in the first column of the other language, not with variants or notes', () => {
    // Rows of test/corpus/real-pages-hard/real-claudecode-terminology-glossary-en-zh (English | 简体中文 | 繁體中文 | 说明).
    const rows = [
      ['Claude Code', 'Claude Code', 'Claude Code', '产品名称，保持英文'],
      ['AI Agent', 'AI 智能体 / AI 代理', 'AI 智慧體 / AI 代理', '根据上下文选择合适翻译'],
      ['Slash Commands', '斜杠命令', '斜杠命令', '保持统一'],
      ['Hook', '钩子 / 钩子函数', '鉤子 / 鉤子函數', '编程概念'],
      ['Repository', '仓库 / 代码仓库', '倉庫 / 程式碼倉庫', '相关'],
    ];
    const cell = (text: string) => `<td>${text}</td>`;
    const html = `<html><body><article><p>本文档提供 Claude Code 相关术语的中英文对照，确保翻译的准确性和一致性。</p><p>This document provides Chinese-English terminology reference for Claude Code related terms to ensure translation accuracy and consistency.</p><table><tbody>${rows
      .map((row) => `<tr>${row.map(cell).join('')}</tr>`)
      .join('')}</tbody></table></article></body></html>`;
    const { report } = analyzeDocument(parsePage(html));
    const pairs = report.bilingual.pairs.map((pair) => [pair.a.text, pair.b.text].sort().join(' = '));
    for (const [term, rendering] of rows.slice(1)) expect(pairs).toContain([term, rendering].sort().join(' = '));
    // Traditional variants, notes and a name kept as it is pair with nothing.
    const others = new Set(['Claude Code', ...rows.flatMap((row) => row.slice(2).filter((text) => text !== row[1]))]);
    const halves = report.bilingual.pairs.flatMap((pair) => [pair.a.text, pair.b.text]);
    expect(halves.filter((text) => others.has(text))).toEqual([]);
  });
});

describe('the header row of a two-language table', () => {
  it('names the columns and pairs with nothing', () => {
    // test/fixtures/real-parallelbook-readme-table-ja-en (英文 | 日本語訳); the header rows that head
    // sections lower down pair (real-dc2005-glossary-es-en, checked by test/fixtures.test.ts).
    const html = `<html><body><article><p>本プロジェクトでは、英語の文章とその日本語訳を対にした対訳コーパスを作ります。以下はその例です。</p><table><thead><tr><th>英文</th><th>日本語訳</th></tr></thead><tbody>
      <tr><td>I am happy to join with you today in what will go down in history as the greatest demonstration for freedom in the history of our nation.</td><td>私は今日、歴史に残るほどの自由のための最大のデモに参加できて嬉しいです。</td></tr>
      <tr><td>Five score years ago, a great American, in whose symbolic shadow we stand today, signed the Emancipation Proclamation.</td><td>五十年前、偉大なアメリカ人が、彼の象徴的な影の下で今日立っている私たちが、奴隷解放宣言に署名しました。</td></tr>
    </tbody></table></article></body></html>`;
    const { report } = analyzeDocument(parsePage(html));
    const halves = report.bilingual.pairs.flatMap((pair) => [pair.a.text, pair.b.text]);
    expect(halves).toContain('私は今日、歴史に残るほどの自由のための最大のデモに参加できて嬉しいです。');
    expect(halves).toContain('五十年前、偉大なアメリカ人が、彼の象徴的な影の下で今日立っている私たちが、奴隷解放宣言に署名しました。');
    expect(halves.filter((text) => text === '英文' || text === '日本語訳')).toEqual([]);
  });
});

describe('short lines between paired paragraphs', () => {
  // The first sections of test/fixtures/real-olwatch-design-decisions-en-ko: the English block, then
  // the Korean one in the same structure. Headings and short items are too short to align freely.
  const en = `<h2>Overview</h2><p>This document records key UI/UX decisions and design principles for the OLWatch project.</p>
    <h3>1. Desktop View Behavior</h3><ul><li>Decision: Option A (App Simulation)</li>
    <li>Details: The app will be displayed in a fixed-width container (simulating a mobile device) centered on the screen.</li>
    <li>Rationale: To maintain a consistent mobile-first experience across all devices.</li></ul>
    <h3>3. List Style</h3><ul><li>Decision: Option C (Compact List with Large Index)</li>
    <li>Layout: Small thumbnail on the left, text content on the right.</li>
    <li>Separators: Horizontal lines separating each video item.</li></ul>`;
  const ko = `<h2>개요</h2><p>이 문서는 OLWatch 프로젝트의 주요 UI/UX 결정 사항과 디자인 원칙을 기록합니다.</p>
    <h3>1. 데스크톱 뷰 처리 방식</h3><ul><li>결정: A안 (앱 시뮬레이션)</li>
    <li>상세: 화면 중앙에 고정된 너비의 컨테이너(모바일 기기 시뮬레이션)로 앱을 표시합니다.</li>
    <li>이유: 모든 기기에서 일관된 모바일 우선 경험을 유지하기 위함입니다.</li></ul>
    <h3>3. 리스트 스타일</h3><ul><li>결정: C안 (큰 인덱스가 있는 컴팩트 리스트)</li>
    <li>레이아웃: 왼쪽에 작은 썸네일, 오른쪽에 텍스트 콘텐츠.</li>
    <li>구분선: 각 영상 항목을 구분하는 가로선.</li></ul>`;
  const pairsOf = (html: string) => {
    const { report } = analyzeDocument(parsePage(`<html><body><article>${html}</article></body></html>`));
    return report.bilingual.pairs.map((pair) => [pair.a.text, pair.b.text, pair.a.lang, pair.b.lang]);
  };

  it('pairs the k-th unpaired line of one language with the k-th of the other, same role, between two pairs', () => {
    const pairs = pairsOf(en + ko).map(([a, b]) => [a, b]);
    expect(pairs).toEqual(
      expect.arrayContaining([
        ['1. Desktop View Behavior', '1. 데스크톱 뷰 처리 방식'],
        ['Decision: Option A (App Simulation)', '결정: A안 (앱 시뮬레이션)'],
        ['3. List Style', '3. 리스트 스타일'],
        ['Decision: Option C (Compact List with Large Index)', '결정: C안 (큰 인덱스가 있는 컴팩트 리스트)'],
      ]),
    );
  });

  it('gives a line read as a third language the side of its script, and says so in the report', () => {
    // "Overview" alone reads as Swedish to the language identifier; in Latin letters on an
    // English–Korean page it is English.
    const overview = pairsOf(en + ko).find(([a]) => a === 'Overview');
    expect(overview).toEqual(['Overview', '개요', 'en', 'ko']);
  });

  it('pairs no line with a line of another role between two pairs', () => {
    // test/fixtures/real-openfirst-readme-en-fr: the note "(Le français suit)" opens the English
    // block where the French heading opens the French one; a paragraph is no heading's translation.
    const html = readFileSync(join(import.meta.dirname, 'fixtures/real-openfirst-readme-en-fr/page.html'), 'utf8');
    const halves = analyzeDocument(parsePage(html)).report.bilingual.pairs.flatMap((pair) => [pair.a.text, pair.b.text]);
    expect(halves).toContain('Table des matières');
    expect(halves).not.toContain('(Le français suit)');
  });
});

describe('a glossary table on a page without prose', () => {
  it('pairs the cells of each row, though every cell is a label line', () => {
    // A translation team's style notes and term table: no paragraph is long enough to make an
    // article, so the extractor gives every cell as a label line.
    const html = readFileSync(join(import.meta.dirname, 'fixtures/real-alc-glossary-table-en-zh/page.html'), 'utf8');
    const pairs = analyzeDocument(parsePage(html)).report.bilingual.pairs.map((pair) => [pair.a.text, pair.b.text]);
    expect(pairs).toEqual(
      expect.arrayContaining([
        ['Notification of Updates to this Page', '本页更新通知'],
        ['Frequently Asked Questions', '常见问题列表（FAQs）'],
        ['symmetric algorithm', '对称加密算法'],
        ['tarball', '打包文件'],
      ]),
    );
  });

  it('keeps an acronym that opens a Chinese cell inside it: "ASF 法务副总裁" is one text', () => {
    const html = readFileSync(join(import.meta.dirname, 'fixtures/real-alc-glossary-table-en-zh/page.html'), 'utf8');
    const pairs = analyzeDocument(parsePage(html)).report.bilingual.pairs.map((pair) => [pair.a.text, pair.b.text]);
    expect(pairs).toEqual(
      expect.arrayContaining([
        ['ASF Vice President for Legal Affairs', 'ASF 法务副总裁'],
        ['XSLT transformer', 'XSLT 转换器'],
      ]),
    );
    expect(pairs.flat()).not.toContain('ASF');
  });

  it('pairs no label cells in one script: a short cell\'s language is a guess there', () => {
    // Readability's links-in-tables page: a table of app names and sizes outside the article;
    // "Google Maps" reads as French, "32.7 MB" as English.
    const { report } = analyzeDocument(parsePage(realPage('links-in-tables')));
    expect(report.bilingual.pairs).toEqual([]);
  });
});

describe('a page written once in each language, one block after the other', () => {
  const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name, 'page.html'), 'utf8');

  it('pairs a short README whose two long paragraphs alone do not prove it, its title with the other heading', () => {
    // test/fixtures/real-openfirst-security-en-fr: the English title and two paragraphs, then the
    // French heading and two paragraphs.
    const { report } = analyzeDocument(parsePage(fixture('real-openfirst-security-en-fr')));
    expect(report.bilingual.detected).toBe(true);
    const pairs = report.bilingual.pairs.map((pair) => [pair.a.text.slice(0, 30), pair.b.text.slice(0, 30)]);
    expect(pairs).toEqual([
      ['Reporting Security Issues', 'Signalement des problèmes de s'],
      ['To report a security issue, em', 'Pour signaler un problème de s'],
      ['The TBS team will send a respo', 'L’équipe du SCT enverra une ré'],
    ]);
  });

  it('finds nothing between an introduction and a translation whose original the page leaves out', () => {
    // test/fixtures/real-control-model-constitution-de-en: a German introduction, then an English
    // translation of a German text that is not on the page.
    const { report } = analyzeDocument(parsePage(fixture('real-control-model-constitution-de-en')));
    expect(report.bilingual.pairs).toEqual([]);
  });
});

describe('a short line read as a third language in a page of one script', () => {
  it('takes the side of the lines around it when they all agree', () => {
    // test/corpus/real-pages-hard/real-gcda11yn-coc-lang-div-en-fr: "Scope" reads as German amid the
    // English block, "Nos normes" as Portuguese amid the French one.
    const html = readFileSync(join(import.meta.dirname, 'corpus/real-pages-hard/real-gcda11yn-coc-lang-div-en-fr/page.html'), 'utf8');
    const pairs = analyzeDocument(parsePage(html)).report.bilingual.pairs.map((pair) => [pair.a.text, pair.b.text, pair.a.lang, pair.b.lang]);
    expect(pairs).toEqual(expect.arrayContaining([['Scope', 'Portée', 'en', 'fr'], ['Our Standards', 'Nos normes', 'en', 'fr']]));
  });

  it('stays on no side between alternating lines', () => {
    const page = new Page();
    const article = container('article');
    const lines: [string, string][] = [
      ['en', 'The committee met on Monday to discuss the budget for next year.'],
      ['fr', "Le comité s'est réuni lundi pour discuter du budget de l'année prochaine."],
      ['en', 'Members agreed to raise spending on schools by five percent.'],
      ['pt', 'Les membres ont accepté d’augmenter les dépenses des écoles de cinq pour cent.'],
      ['en', 'A final vote is expected before the end of the month.'],
      ['fr', 'Un vote final est attendu avant la fin du mois.'],
    ];
    for (const line of lines) page.add(article, [line]);
    const result = analyzeBilingual(page.units);
    expect(result.pairs.some((pair) => pair.b === 3 || pair.a === 3)).toBe(false);
    expect(result.relabelled).toEqual([]);
  });
});

describe('a plain-text readme in <pre>: the text, then its translation', () => {
  const html = readFileSync(join(import.meta.dirname, 'fixtures/real-imgsize-readme-txt-en-de/page.html'));

  it('pairs its lines, an entry wrapped with a hanging indent as one line', () => {
    const pairs = analyzeDocument(parsePage(decodePage(html))).report.bilingual.pairs.map((pair) => [pair.a.text, pair.b.text]);
    expect(pairs).toEqual(
      expect.arrayContaining([
        ['Plugin purpose: Sorting images by size', 'Plugin Zweck: Images sortieren nach Größe'],
        ['2013-05-14 v2.03 Recompiled with newest Compiler version', '2013-05-14 v2.03 Neu kompiliert mit neuesten Compiler-Version'],
        ['2005-01-27 Initial release', '2005.01.27 Erste Veröffentlichung'],
        [
          '- Manual: Use TC Menu -> Configuration -> Options -> Plugins -> Content Plugins configure -> Add ...',
          '- Manuell: TC Menü -> Konfiguration -> Optionen -> Plugins -> Inhalts-Plugins konfigurieren -> Hinzufügen ...',
        ],
      ]),
    );
  });

  it('keeps a listing whose lines are one language a listing', () => {
    const listing = `<html><body><article><p>${'The release notes below list what changed in each version of the plugin. '.repeat(3)}</p><pre>Changelog:
2013-05-14  v2.03  Recompiled with newest Compiler version
2005-07-03  v1.12  Bpp column added
2005-04-17  v1.10  Aspect ratio column added
2005-02-19  v1.09  ImgSize.lng changed
2005-02-03  v1.06  TIFF images support added
2005-01-27  Initial release</pre></article></body></html>`;
    expect(analyzeDocument(parsePage(listing)).report.bilingual.pairs).toEqual([]);
  });
});

describe('a README written once in each language, with headings the translation left as they were', () => {
  it('aligns the two halves whole across a short line read in the other language', () => {
    // test/corpus/real-pages-hard/real-vikus-readme-en-de: the German half keeps "FTP Server",
    // "Setup" and "Advanced Custom fields" in English, and "Prozess" reads as English; each used to
    // cut the German half into stretches aligned piecemeal, and the end of the README lost its pairs.
    const html = readFileSync(join(import.meta.dirname, 'corpus/real-pages-hard/real-vikus-readme-en-de/page.html'));
    const pairs = analyzeDocument(parsePage(decodePage(html))).report.bilingual.pairs.map((pair) => [pair.a.text, pair.b.text]);
    expect(pairs).toEqual(
      expect.arrayContaining([
        ['Requirements', 'Voraussetzungen'],
        ['Running on a server', 'Auf einem Server ausführen'],
        [
          "The script was build to be run locally, but obviously you could also run it on a server, activate it through a cron-job and keep your VIKUS Viewer up to date. But this requires you to have Node.js installed on your server, which most people don't have.",
          'Das Script wurde für die lokale Ausführung entwickelt, es kann aber selbstverständlich auch auf einem Server ausgeführt werden und z.B. regelmäßig mit einem CRON-Job aktiviert werden. Dies macht es aber notwendig, dass Node.js auf dem Server installiert ist. Was auf den meisten Servern nicht der Fall ist.',
        ],
      ]),
    );
  });
});
