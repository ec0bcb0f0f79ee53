import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { Annotator, firstScreenFirst, type Runner } from '@/entrypoints/content/annotate';
import { type PageAnalysis, planPage } from '@/entrypoints/content/plan';
import { pageCss } from '@/entrypoints/content/styles';
import { findingsOf } from '@/engine/model';
import { analyzeSnapshot, snapshotPage } from '@/engine/analyze';
import { MARK, TAG } from '@/utils/page-markers';
import type { DisclosureKind, DuplicateKind } from '@/engine/report';
import type { Translate } from '@/utils/i18n';
import { EN, ZH } from './popup-support';

const runNow: Runner = async (items, work) => {
  for (const item of items) work(item);
};

function loadPage(html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const root = document.importNode(parsed.documentElement, true);
  document.documentElement.remove();
  document.appendChild(root);
}

/**
 * The text a reader sees: our page-level sheet's display:none rules applied by hand (happy-dom
 * does not apply adopted sheets, and caches `matches` across a change of <html>'s attributes).
 */
function shownText(languages: string[], root: Element = document.body): string {
  const mode = document.documentElement.getAttribute(MARK.mode);
  const rules = [...pageCss(languages).matchAll(/([^{}]+)\{\s*display:\s*none/g)].flatMap((m) => (m[1] as string).split(',').map((s) => s.trim()));
  const active = rules.flatMap((rule) => {
    const [, unwanted, other] = /^html\[[^\]=]+\]:not\(\[[^\]=]+="([^"]*)"\]\)\s+(.+)$/.exec(rule) ?? [];
    if (other !== undefined) return mode !== null && mode !== unwanted ? [other] : [];
    const [, wanted, rest] = /^html\[[^\]=]+(?:="([^"]*)")?\]\s+(.+)$/.exec(rule) ?? [];
    if (rest === undefined || mode === null || (wanted !== undefined && wanted !== mode)) return [];
    return [rest];
  });
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const out: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    let visible = true;
    for (let up = node.parentElement; up && visible; up = up.parentElement) if (active.some((sel) => up.matches(sel))) visible = false;
    if (visible) out.push((node as Text).data);
  }
  return out.join(' ').replace(/\s+/g, ' ').trim();
}

interface BlockSpec {
  el: Element;
  units: { lang: string; text: string }[];
}

/** A hand-made analysis: what the engine would find in `blocks`. */
function analysisOf(
  blocks: BlockSpec[],
  extra: {
    languages?: string[];
    collapsed?: { unit: number; kept: number; kind: DuplicateKind }[];
    truncated?: number[];
    untranslated?: number[];
    pairCount?: number;
    disclosures?: { el: Element; kind: DisclosureKind }[];
  } = {},
): PageAnalysis {
  const units = blocks.flatMap((block, b) => block.units.map((unit) => ({ ...unit, block: b, split: block.units.length > 1 })));
  const langs = [...new Set(units.map((unit) => unit.lang))];
  const languages = extra.languages ?? [];
  const disclosures = extra.disclosures ?? [];
  return {
    findings: {
      langs,
      unitBlock: units.map((unit) => unit.block),
      unitLang: units.map((unit) => langs.indexOf(unit.lang)),
      partTexts: units.flatMap((unit, id) => (unit.split ? [{ unit: id, text: unit.text }] : [])),
      collapsed: extra.collapsed ?? [],
      truncated: extra.truncated ?? [],
      untranslated: extra.untranslated ?? [],
      pairCount: extra.pairCount ?? 0,
      bilingual: { detected: languages.length > 1, languages },
      textDisclosures: disclosures.map(({ el, kind }) => ({ block: blocks.findIndex((block) => block.el === el), kind })),
      duplicates: [],
      mismatches: [],
    },
    elements: blocks.map((block) => block.el),
    blockCount: blocks.length,
    markup: [],
  };
}

const $ = (selector: string) => document.querySelector(selector) as HTMLElement;
const setMode = (mode: string) => document.documentElement.setAttribute(MARK.mode, mode);

async function annotate(analysis: PageAnalysis, opts: { autoCollapse: boolean; t?: Translate } = { autoCollapse: true }) {
  const annotator = new Annotator(document, { t: EN.t, ...opts });
  const plan = planPage(analysis, annotator.inheritedLang);
  await annotator.apply(annotator.changesFor(plan, 800), runNow);
  return { annotator, plan };
}

describe('annotating a page', () => {
  beforeEach(() => loadPage('<html lang="zh-CN"><head></head><body></body></html>'));

  it('splits a title that holds both languages in one text node, and off gives the node back', async () => {
    document.body.innerHTML = '<h1 class="t">English title 中文标题</h1><p>正文</p>';
    const before = document.documentElement.outerHTML;
    const { annotator } = await annotate(
      analysisOf(
        [
          { el: $('h1'), units: [{ lang: 'en', text: 'English title' }, { lang: 'zh-Hans', text: '中文标题' }] },
          { el: $('p'), units: [{ lang: 'zh-Hans', text: '正文' }] },
        ],
        { languages: ['en', 'zh-Hans'] },
      ),
    );
    const runs = [...document.querySelectorAll(TAG.run)];
    expect(runs.map((run) => [run.textContent, run.getAttribute(MARK.lang), run.getAttribute('lang')])).toEqual([
      ['English title', 'en', 'en'],
      ['中文标题', 'zh-Hans', null],
    ]);
    setMode('en');
    expect(shownText(['en', 'zh-Hans'])).toBe('English title');
    setMode('zh-Hans');
    expect(shownText(['en', 'zh-Hans'])).toBe('中文标题 正文');
    setMode('both');
    expect(shownText(['en', 'zh-Hans'])).toBe('English title 中文标题 正文');
    document.documentElement.removeAttribute(MARK.mode);
    annotator.undoAll();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('hides the separator between two titles with whichever half a mode hides, and off gives the text back', async () => {
    document.body.innerHTML = '<h1>English title · 中文标题</h1><h2><span>Second title</span> ｜ <span>第二个标题</span></h2><p>正文</p>';
    const before = document.documentElement.outerHTML;
    const { annotator } = await annotate(
      analysisOf(
        [
          { el: $('h1'), units: [{ lang: 'en', text: 'English title' }, { lang: 'zh-Hans', text: '中文标题' }] },
          { el: $('h2'), units: [{ lang: 'en', text: 'Second title' }, { lang: 'zh-Hans', text: '第二个标题' }] },
          { el: $('p'), units: [{ lang: 'zh-Hans', text: '正文' }] },
        ],
        { languages: ['en', 'zh-Hans'] },
      ),
    );
    setMode('en');
    expect(shownText(['en', 'zh-Hans'])).toBe('English title Second title');
    setMode('zh-Hans');
    expect(shownText(['en', 'zh-Hans'])).toBe('中文标题 第二个标题 正文');
    setMode('both');
    expect(shownText(['en', 'zh-Hans'])).toBe('English title · 中文标题 Second title ｜ 第二个标题 正文');
    document.documentElement.removeAttribute(MARK.mode);
    annotator.undoAll();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('changes nothing that moves layout off the first screen until the layout pass, runs around text included', async () => {
    document.body.innerHTML = '<h1>English title 中文标题</h1><p>An English paragraph</p><p>An English paragraph</p>';
    const page = document.body.innerHTML;
    const afterMarks: string[] = [];
    const run: Runner = async (items, work, kind) => {
      for (const item of items) work(item);
      if (kind === 'marks') afterMarks.push(document.body.innerHTML);
    };
    const annotator = new Annotator(document, { autoCollapse: true, t: EN.t });
    const analysis = analysisOf(
      [
        { el: $('h1'), units: [{ lang: 'en', text: 'English title' }, { lang: 'zh-Hans', text: '中文标题' }] },
        { el: document.querySelectorAll('p')[0] as Element, units: [{ lang: 'en', text: 'An English paragraph' }] },
        { el: document.querySelectorAll('p')[1] as Element, units: [{ lang: 'en', text: 'An English paragraph' }] },
      ],
      { languages: ['en', 'zh-Hans'], collapsed: [{ unit: 3, kept: 2, kind: 'exact' }] },
    );
    // happy-dom lays nothing out: every block is below the first screen.
    await annotator.apply(annotator.changesFor(planPage(analysis, annotator.inheritedLang), 800), run);
    expect(afterMarks).toHaveLength(1);
    expect(afterMarks[0]).toBe(page.replaceAll('<p>', `<p ${MARK.lang}="en">`));
    expect([...document.querySelectorAll(TAG.run)].map((el) => el.textContent)).toEqual(['English title', '中文标题']);
    expect(document.querySelectorAll(`p[lang="en"]`)).toHaveLength(2);
    expect(document.querySelectorAll(`p[${MARK.collapsed}]`)).toHaveLength(1);
    expect(document.querySelectorAll(TAG.marker)).toHaveLength(1);
  });

  it("marks each language's own element without new nodes when the page already wraps them", async () => {
    document.body.innerHTML = '<div class="label"><span>Hot</span> <span>热度</span></div>';
    const el = $('.label');
    await annotate(analysisOf([{ el, units: [{ lang: 'en', text: 'Hot' }, { lang: 'zh-Hans', text: '热度' }] }], { languages: ['en', 'zh-Hans'] }));
    expect(document.querySelectorAll(TAG.run)).toHaveLength(0);
    expect([...el.children].map((span) => span.getAttribute(MARK.lang))).toEqual(['en', 'zh-Hans']);
    expect(el.children[0]?.getAttribute('lang')).toBe('en');
  });

  it("puts a half whose language ID missed with the page's language of its script", async () => {
    document.body.innerHTML = '<span class="cat"><span>AI News</span> <span>AI资讯</span></span>';
    const el = $('.cat');
    await annotate(analysisOf([{ el, units: [{ lang: 'cs', text: 'AI News' }, { lang: 'zh-Hans', text: 'AI资讯' }] }], { languages: ['en', 'zh-Hans'] }));
    expect([...el.children].map((span) => [span.getAttribute(MARK.lang), span.getAttribute('lang')])).toEqual([
      ['en', 'en'],
      ['zh-Hans', null],
    ]);
  });

  it('hides a duplicate paragraph behind a marker that shows and hides it in place', async () => {
    document.body.innerHTML = '<p id="kept">同一段话。</p><p id="copy">同一段话。</p>';
    const before = document.documentElement.outerHTML;
    const { annotator, plan } = await annotate(
      analysisOf(
        [
          { el: $('#kept'), units: [{ lang: 'zh-Hans', text: '同一段话。' }] },
          { el: $('#copy'), units: [{ lang: 'zh-Hans', text: '同一段话。' }] },
        ],
        { collapsed: [{ unit: 1, kept: 0, kind: 'exact' }] },
      ),
    );
    setMode('both');
    expect(plan.collapsedCount).toBe(1);
    expect(shownText([])).toBe('同一段话。');
    const marker = $('#copy').previousElementSibling as HTMLElement;
    expect(marker.tagName.toLowerCase()).toBe(TAG.marker);
    expect(marker.shadowRoot?.textContent).toContain('Duplicate of the paragraph above');
    const button = marker.shadowRoot?.querySelector('button') as HTMLButtonElement;
    expect(button.getAttribute('aria-expanded')).toBe('false');
    button.click();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(shownText([])).toBe('同一段话。 同一段话。');
    button.click();
    expect(shownText([])).toBe('同一段话。');
    document.documentElement.removeAttribute(MARK.mode);
    annotator.undoAll();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('leaves duplicates shown, with a marker to hide them, when auto-collapse is off', async () => {
    document.body.innerHTML = '<p id="kept">Same words.</p><p id="copy">Same words.</p>';
    await annotate(
      analysisOf(
        [
          { el: $('#kept'), units: [{ lang: 'en', text: 'Same words.' }] },
          { el: $('#copy'), units: [{ lang: 'en', text: 'Same words.' }] },
        ],
        { collapsed: [{ unit: 1, kept: 0, kind: 'exact' }] },
      ),
      { autoCollapse: false },
    );
    setMode('both');
    expect(shownText([])).toBe('Same words. Same words.');
    expect($('#copy').previousElementSibling?.shadowRoot?.querySelector('button')?.textContent).toBe('hide');
  });

  it('hides only the collapsed half of a block that glues two languages together', async () => {
    document.body.innerHTML = '<p id="summary">Cut English copy, 完整的中文段落。</p><p id="body">Cut English copy, and the rest.</p>';
    await annotate(
      analysisOf(
        [
          { el: $('#summary'), units: [{ lang: 'en', text: 'Cut English copy,' }, { lang: 'zh-Hans', text: '完整的中文段落。' }] },
          { el: $('#body'), units: [{ lang: 'en', text: 'Cut English copy, and the rest.' }] },
        ],
        { languages: ['en', 'zh-Hans'], collapsed: [{ unit: 0, kept: 2, kind: 'truncated' }] },
      ),
    );
    setMode('both');
    expect(shownText(['en', 'zh-Hans'])).toBe('完整的中文段落。 Cut English copy, and the rest.');
    const marker = document.querySelector(TAG.marker) as HTMLElement;
    expect(marker.parentElement?.id).toBe('summary');
    expect(marker.getAttribute(MARK.lang)).toBe('en');
    expect(marker.shadowRoot?.textContent).toContain('Shortened copy of the paragraph below');
  });

  it('hides a block made only of copies, with one marker for the whole block', async () => {
    document.body.innerHTML = '<p id="summary">Copy one. 副本一。</p><p id="en">Copy one.</p><p id="zh">副本一。</p>';
    await annotate(
      analysisOf(
        [
          { el: $('#summary'), units: [{ lang: 'en', text: 'Copy one.' }, { lang: 'zh-Hans', text: '副本一。' }] },
          { el: $('#en'), units: [{ lang: 'en', text: 'Copy one.' }] },
          { el: $('#zh'), units: [{ lang: 'zh-Hans', text: '副本一。' }] },
        ],
        {
          languages: ['en', 'zh-Hans'],
          collapsed: [
            { unit: 0, kept: 2, kind: 'exact' },
            { unit: 1, kept: 3, kind: 'exact' },
          ],
        },
      ),
    );
    setMode('both');
    expect(shownText(['en', 'zh-Hans'])).toBe('Copy one. 副本一。');
    expect(document.querySelectorAll(TAG.marker)).toHaveLength(1);
    expect($('#summary').getAttribute(MARK.collapsed)).toBe('exact');
  });

  it('labels cut-off and untranslated paragraphs and badges a disclosure, quietly', async () => {
    document.body.innerHTML = '<p id="cut">但真正的故事...</p><p id="alone">Only in English.</p><p id="note">This text is generated by AI.</p>';
    await annotate(
      analysisOf(
        [
          { el: $('#cut'), units: [{ lang: 'zh-Hans', text: '但真正的故事...' }] },
          { el: $('#alone'), units: [{ lang: 'en', text: 'Only in English.' }] },
          { el: $('#note'), units: [{ lang: 'en', text: 'This text is generated by AI.' }] },
        ],
        {
          languages: ['en', 'zh-Hans'],
          truncated: [0],
          untranslated: [1],
          pairCount: 1,
          disclosures: [{ el: $('#note'), kind: 'generated' }],
        },
      ),
    );
    expect($('#cut').lastElementChild?.shadowRoot?.textContent).toBe('cut off');
    expect($('#alone').lastElementChild?.shadowRoot?.textContent).toBe('no 中文 version');
    expect($('#note').firstElementChild?.shadowRoot?.textContent).toBe('AI-generated');
    setMode('both');
    expect(shownText(['en', 'zh-Hans'])).toBe('但真正的故事... Only in English. This text is generated by AI.');
  });

  it('writes its marks in the browser\'s language', async () => {
    document.body.innerHTML =
      '<p id="kept">同一段话，写了两次。</p><p id="copy">同一段话，写了两次。</p><p id="cut">但真正的故事...</p><p id="alone">Only in English.</p><p id="note">本文由人工智能生成。</p>';
    await annotate(
      analysisOf(
        [
          { el: $('#kept'), units: [{ lang: 'zh-Hans', text: '同一段话，写了两次。' }] },
          { el: $('#copy'), units: [{ lang: 'zh-Hans', text: '同一段话，写了两次。' }] },
          { el: $('#cut'), units: [{ lang: 'zh-Hans', text: '但真正的故事...' }] },
          { el: $('#alone'), units: [{ lang: 'en', text: 'Only in English.' }] },
          { el: $('#note'), units: [{ lang: 'zh-Hans', text: '本文由人工智能生成。' }] },
        ],
        {
          languages: ['en', 'zh-Hans'],
          collapsed: [{ unit: 1, kept: 0, kind: 'exact' }],
          truncated: [2],
          untranslated: [3],
          pairCount: 1,
          disclosures: [{ el: $('#note'), kind: 'generated' }],
        },
      ),
      { autoCollapse: true, t: ZH.t },
    );
    expect(($('#copy').previousElementSibling as HTMLElement).shadowRoot?.textContent).toBe('与上一段重复·显示');
    expect($('#cut').lastElementChild?.shadowRoot?.textContent).toBe('被截断');
    expect($('#alone').lastElementChild?.shadowRoot?.textContent).toBe('无中文版本');
    expect($('#note').firstElementChild?.shadowRoot?.textContent).toBe('AI 生成');
  });

  it('hides only what has a counterpart: a paragraph without translation and a one-language AI notice stay in every mode', async () => {
    document.body.innerHTML =
      '<p id="en">An English paragraph.</p><p id="ko">한국어 문단입니다.</p><p id="note">이 기사는 AI가 생성했습니다.</p><p id="only">Only in English.</p><p id="only2">Also only in English.</p>';
    await annotate(
      analysisOf(
        [
          { el: $('#en'), units: [{ lang: 'en', text: 'An English paragraph.' }] },
          { el: $('#ko'), units: [{ lang: 'ko', text: '한국어 문단입니다.' }] },
          { el: $('#note'), units: [{ lang: 'ko', text: '이 기사는 AI가 생성했습니다.' }] },
          { el: $('#only'), units: [{ lang: 'en', text: 'Only in English.' }] },
          { el: $('#only2'), units: [{ lang: 'en', text: 'Also only in English.' }] },
        ],
        // Two untranslated against one pair: too many to label, still not to be dropped.
        { languages: ['en', 'ko'], untranslated: [3, 4], pairCount: 0, disclosures: [{ el: $('#note'), kind: 'generated' }] },
      ),
    );
    setMode('en');
    expect(shownText(['en', 'ko'])).toBe('An English paragraph. 이 기사는 AI가 생성했습니다. Only in English. Also only in English.');
    setMode('ko');
    expect(shownText(['en', 'ko'])).toBe('한국어 문단입니다. 이 기사는 AI가 생성했습니다. Only in English. Also only in English.');
  });

  it('labels no paragraph "untranslated" where most have no translation (the page is not a translation)', async () => {
    document.body.innerHTML = '<p id="a">English only.</p><p id="b">只有中文。</p><p id="c">More English.</p>';
    await annotate(
      analysisOf(
        [
          { el: $('#a'), units: [{ lang: 'en', text: 'English only.' }] },
          { el: $('#b'), units: [{ lang: 'zh-Hans', text: '只有中文。' }] },
          { el: $('#c'), units: [{ lang: 'en', text: 'More English.' }] },
        ],
        { languages: ['en', 'zh-Hans'], untranslated: [0, 1, 2] },
      ),
    );
    expect(document.querySelectorAll(TAG.label)).toHaveLength(0);
  });

  it('does not label a paragraph that ends in "..." on an ordinary page', async () => {
    loadPage('<html lang="en"><head></head><body><p>And then...</p></body></html>');
    const before = document.documentElement.outerHTML;
    await annotate(analysisOf([{ el: $('p'), units: [{ lang: 'en', text: 'And then...' }] }], { truncated: [0] }));
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('changes nothing on a page with nothing to do', async () => {
    loadPage('<html lang="en"><head></head><body><p>One.</p><p>Two.</p></body></html>');
    const before = document.documentElement.outerHTML;
    const { plan, annotator } = await annotate(
      analysisOf([
        { el: $('p'), units: [{ lang: 'en', text: 'One.' }] },
        { el: document.querySelectorAll('p')[1] as Element, units: [{ lang: 'en', text: 'Two.' }] },
      ]),
    );
    expect(plan.blocks).toHaveLength(0);
    expect(annotator.size).toBe(0);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('sets lang where the detected language differs from the inherited one, and reads past its own', async () => {
    loadPage('<html lang="en"><head></head><body><p>English.</p><p>中文段落。</p></body></html>');
    const [en, zh] = document.querySelectorAll('p') as unknown as [Element, Element];
    const analysis = analysisOf([
      { el: en, units: [{ lang: 'en', text: 'English.' }] },
      { el: zh, units: [{ lang: 'zh-Hans', text: '中文段落。' }] },
    ]);
    const { annotator } = await annotate(analysis);
    expect(en.hasAttribute('lang')).toBe(false);
    expect(zh.getAttribute('lang')).toBe('zh-Hans');
    // Re-planning must not take NewsLens's own lang for the page's and drop it.
    expect(annotator.inheritedLang(zh)).toBe('en');
    expect(planPage(analysis, annotator.inheritedLang).blocks).toHaveLength(1);
  });

  it('redoes only the blocks whose plan changed', async () => {
    document.body.innerHTML = '<p id="kept">Same.</p><p id="copy">Same.</p><h1>Title 标题</h1>';
    const blocks: BlockSpec[] = [
      { el: $('#kept'), units: [{ lang: 'en', text: 'Same.' }] },
      { el: $('#copy'), units: [{ lang: 'en', text: 'Same.' }] },
      { el: $('h1'), units: [{ lang: 'en', text: 'Title' }, { lang: 'zh-Hans', text: '标题' }] },
    ];
    const annotator = new Annotator(document, { autoCollapse: true, t: EN.t });
    const collapsed = analysisOf(blocks, { languages: ['en', 'zh-Hans'], collapsed: [{ unit: 1, kept: 0, kind: 'exact' }] });
    const apply = (analysis: PageAnalysis) => annotator.apply(annotator.changesFor(planPage(analysis, annotator.inheritedLang), 800), runNow);
    await apply(collapsed);

    const records: MutationRecord[] = [];
    const observer = new MutationObserver((list) => records.push(...list));
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    await apply(collapsed);
    records.push(...observer.takeRecords());
    expect(records).toHaveLength(0);

    const uncollapsed = analysisOf(blocks, { languages: ['en', 'zh-Hans'] });
    await apply(uncollapsed);
    records.push(...observer.takeRecords());
    observer.disconnect();
    expect(document.querySelectorAll(TAG.marker)).toHaveLength(0);
    expect($('#copy').hasAttribute(MARK.collapsed)).toBe(false);
    expect(records.every((record) => !$('h1').contains(record.target))).toBe(true);
  });
});

describe('first screen first', () => {
  it('orders the blocks on screen first, then below, then above', () => {
    const items = [-900, -300, 100, 500, 1000, 2000].map((top) => {
      const el = document.createElement('p');
      el.getBoundingClientRect = () => ({ top, bottom: top + 200, left: 0, right: 0, width: 0, height: 200, x: 0, y: top, toJSON: () => ({}) });
      return { el, top };
    });
    const { items: ordered, onScreen } = firstScreenFirst(items, 800);
    expect(ordered.map((item) => item.top)).toEqual([100, 500, 1000, 2000, -900, -300]);
    expect(onScreen).toBe(2);
  });
});

describe('the seed page, with the real engine', () => {
  const seed = readFileSync(resolve('test/fixtures/seed/page.html'), 'utf8');

  it("keeps a paragraph whole in its main language, with the other language's words quoted in it; a block holding two versions is still split", async () => {
    // Four paragraphs and their translations (NTREX-128), with the quoting paragraphs between them.
    const english = readFileSync(resolve('test/fixtures/langid/ntrex128/lines.eng.txt'), 'utf8').split('\n');
    const chinese = readFileSync(resolve('test/fixtures/langid/ntrex128/lines.zho-CN.txt'), 'utf8').split('\n');
    const pairs = [10, 11, 12, 13].map((i) => `<p>${english[i]}</p><p>${chinese[i]}</p>`);
    loadPage(`<html lang="zh-CN"><head><title>Test</title></head><body><main><article>
<h1>Chips and models 芯片与模型</h1>${pairs[0]}${pairs[1]}
<p id="starts">Sapiens: A Brief History of Humankind 是一本关于人类历史的畅销书，作者在书中讨论了认知革命和农业革命的影响。</p>
<p id="ends">作者在书中讨论了认知革命和农业革命的影响，这本书的英文名是 Sapiens: A Brief History of Humankind</p>
<p id="two">The Art of War 孙子兵法</p>${pairs[2]}${pairs[3]}
</article></main></body></html>`);
    const { snapshot, elements } = snapshotPage(document, { url: 'http://127.0.0.1/mixed' });
    const findings = findingsOf(analyzeSnapshot(snapshot));
    // The engine splits both quoting paragraphs at the English words.
    const splitBlocks = new Set(findings.partTexts.map(({ unit }) => elements[findings.unitBlock[unit] as number]?.id));
    expect([...splitBlocks]).toEqual(expect.arrayContaining(['starts', 'ends', 'two']));
    const { plan } = await annotate({ findings, elements, blockCount: snapshot.blocks.length, markup: snapshot.markup });
    const [en, zh] = plan.languages as [string, string];
    setMode(zh);
    expect(shownText(plan.languages, $('#starts'))).toBe($('#starts').textContent);
    expect(shownText(plan.languages, $('#ends'))).toBe($('#ends').textContent);
    expect(shownText(plan.languages, $('#two'))).toBe('孙子兵法');
    setMode(en);
    // Whole: hidden, or kept as a paragraph with no translation; never the English words alone.
    for (const id of ['#starts', '#ends']) expect(['', $(id).textContent]).toContain(shownText(plan.languages, $(id)));
    expect(shownText(plan.languages, $('#two'))).toBe('The Art of War');
  });

  it('hides every Chinese half in English, every English half in Chinese, but no paragraph without a translation nor the AI notice, and off restores the exact page', async () => {
    loadPage(seed);
    const before = document.documentElement.outerHTML;
    const { snapshot, elements } = snapshotPage(document, { url: 'http://127.0.0.1/seed' });
    const text = analyzeSnapshot(snapshot);
    const { annotator, plan } = await annotate({ findings: findingsOf(text), elements, blockCount: snapshot.blocks.length, markup: snapshot.markup });
    const [en, zh] = plan.languages as [string, string];
    expect([en, zh].map((tag) => tag.split('-')[0])).toEqual(['en', 'zh']);

    const hidden = new Set(text.collapsed.map((entry) => entry.unit));
    const main = document.querySelector('main') as Element;
    setMode(en);
    const english = shownText(plan.languages, main);
    setMode(zh);
    const chinese = shownText(plan.languages, main);
    setMode('both');
    const both = shownText(plan.languages, main);
    const alone = new Set(text.untranslated);
    // The seed's notice is written in both languages in one block: each mode shows its own half.
    const notices = new Set(text.textDisclosures.map((entry) => entry.block));
    const langsOf = (block: number) => new Set(text.units.filter((unit) => unit.block === block).map((unit) => unit.lang.split('-')[0]));
    expect([...notices].map((block) => [...langsOf(block)].sort())).toEqual([['en', 'zh']]);
    expect(alone.size).toBeGreaterThanOrEqual(2);
    for (const unit of text.units) {
      if (hidden.has(unit.id) || unit.text.length < 2) continue;
      const base = unit.lang.split('-')[0];
      expect(both).toContain(unit.text);
      if (alone.has(unit.id)) {
        expect(english).toContain(unit.text);
        expect(chinese).toContain(unit.text);
      } else if (base === 'en') expect(chinese).not.toContain(unit.text);
      else if (base === 'zh') expect(english).not.toContain(unit.text);
    }

    document.documentElement.removeAttribute(MARK.mode);
    annotator.undoAll();
    expect(document.documentElement.outerHTML).toBe(before);
  });
});
