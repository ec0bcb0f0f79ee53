/**
 * Bilingual test pages built from parallel documents, in every layout the pairing evaluation
 * covers, with the ground truth of each: which texts translate which, which paragraph has no
 * translation, whether the page is bilingual at all (controls are not).
 */
import type { ParallelDoc } from './corpus';

export const LAYOUTS = [
  'inline',
  'interleaved',
  'interleaved-b-first',
  'sequential',
  'table',
  'columns',
  'headlines-li',
  'headlines-br',
  'lines-br',
] as const;
export type PageLayout = (typeof LAYOUTS)[number];

/** Language pairs: the first language is the page's own; 12 with English, 12 without. */
export const LANGUAGE_PAIRS: readonly [string, string][] = [
  ['en', 'zh-Hans'],
  ['zh-Hant', 'en'],
  ['en', 'ja'],
  ['ko', 'en'],
  ['en', 'fr'],
  ['de', 'en'],
  ['en', 'es'],
  ['en', 'ru'],
  ['ar', 'en'],
  ['en', 'pt'],
  ['it', 'en'],
  ['en', 'vi'],
  ['hi', 'en'],
  ['en', 'tr'],
  ['es', 'fr'],
  ['fr', 'de'],
  ['ja', 'zh-Hans'],
  ['ko', 'ja'],
  ['zh-Hans', 'ko'],
  ['pt', 'es'],
  ['it', 'fr'],
  ['ru', 'de'],
  ['vi', 'zh-Hans'],
  ['tr', 'de'],
  ['ar', 'fr'],
];

export interface Truth {
  /** Text pairs that translate each other (first language's text first). */
  pairs: [string, string][];
  /** Paragraphs whose translation the page lacks, and lines printed the same in both languages. */
  untranslated: string[];
  bilingual: boolean;
}

export interface TestPage {
  name: string;
  /** A layout, or a control's kind. */
  layout: string;
  /** 'a-b' language pair, or the control's language(s). */
  pair: string;
  control: boolean;
  html: string;
  truth: Truth;
}

/** Scripts written without spaces between sentences. */
export const UNSPACED = new Set(['zh-Hans', 'zh-Hant', 'ja']);
const joinSentences = (lang: string, lines: string[]) => lines.join(UNSPACED.has(lang) ? '' : ' ');

export const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const p = (text: string) => `<p>${escapeHtml(text)}</p>`;

function linesOf(doc: ParallelDoc, lang: string): string[] {
  const lines = doc.lines[lang];
  if (!lines || lines.length < 5) throw new Error(`${doc.id} has no ${lang} text`);
  return lines;
}

/** The headline and paragraphs of two sentences, in one language. */
export function story(doc: ParallelDoc, lang: string): { title: string; paragraphs: string[] } {
  const [title = '', ...rest] = linesOf(doc, lang);
  const paragraphs: string[] = [];
  for (let i = 0; i < rest.length; i += 2) paragraphs.push(joinSentences(lang, rest.slice(i, i + 2)));
  return { title, paragraphs };
}

function page(lang: string, title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body>
<header class="site-header"><nav><a href="/">Home</a> · <a href="/world">World</a> · <a href="/business">Business</a></nav></header>
<main><article>
<h1>${escapeHtml(title)}</h1>
${body}
</article></main>
<footer class="site-footer">© Example News · <a href="/privacy">Privacy</a></footer>
</body>
</html>
`;
}

/**
 * A line printed the same in both languages ("Elite League: Dundee Stars 5-3 Belfast Giants" in a
 * list of headlines and their translations) is no pair: the page left it untranslated (issue 12,
 * item 5). Same means equal once white space and case are ignored (French sets a space before a
 * colon). Until this rule such a line counted as a true pair; it holds in both splits, and only
 * the headline of bbc.381705 (dev) is so printed in NTREX-128's fourteen languages.
 */
export const sameLine = (x: string, y: string): boolean => x.replace(/\s+/g, '').toLowerCase() === y.replace(/\s+/g, '').toLowerCase();

/** Layouts that print a text and its translation in one element. */
const ONE_ELEMENT: ReadonlySet<PageLayout> = new Set(['inline', 'headlines-br', 'lines-br']);

/** Index of the paragraph left without translation in layouts that test it. */
const MISSING = 2;

export function bilingualPage(docs: readonly ParallelDoc[], layout: PageLayout, [la, lb]: [string, string], name: string): TestPage {
  const doc = docs[0] as ParallelDoc;
  const a = story(doc, la);
  const b = story(doc, lb);
  const truth: Truth = { pairs: [], untranslated: [], bilingual: true };
  let body: string;
  const both = a.paragraphs.map((text, i): [string, string] => [text, b.paragraphs[i] ?? '']);
  switch (layout) {
    case 'inline':
      body = both.map(([x, y]) => p(`${x} ${y}`)).join('\n');
      truth.pairs = both;
      break;
    case 'interleaved':
    case 'sequential': {
      const kept = both.filter((_, i) => i !== MISSING);
      truth.pairs = kept;
      truth.untranslated = [both[MISSING]?.[0] ?? ''];
      body =
        layout === 'interleaved'
          ? both.map(([x, y], i) => p(x) + (i === MISSING ? '' : p(y))).join('\n')
          : `<section>${both.map(([x]) => p(x)).join('\n')}</section>\n<section>${kept.map(([, y]) => p(y)).join('\n')}</section>`;
      break;
    }
    case 'interleaved-b-first':
      body = both.map(([x, y]) => p(y) + p(x)).join('\n');
      truth.pairs = both;
      break;
    case 'table':
      body = `<table><tbody>${both.map(([x, y]) => `<tr><td>${escapeHtml(x)}</td><td>${escapeHtml(y)}</td></tr>`).join('\n')}</tbody></table>`;
      truth.pairs = both;
      break;
    case 'columns':
      body = `<div style="display:grid;grid-template-columns:1fr 1fr"><div class="col">${both.map(([x]) => p(x)).join('\n')}</div><div class="col">${both.map(([, y]) => p(y)).join('\n')}</div></div>`;
      truth.pairs = both;
      break;
    case 'headlines-li':
    case 'headlines-br':
    case 'lines-br': {
      const heads = docs.map((d): [string, string] => [story(d, la).title, story(d, lb).title]);
      truth.pairs = heads;
      if (layout === 'headlines-li') body = `<ul class="news">${heads.map(([x, y]) => `<li>${escapeHtml(x)}</li><li>${escapeHtml(y)}</li>`).join('\n')}</ul>`;
      else if (layout === 'headlines-br') body = `<ul class="news">${heads.map(([x, y]) => `<li>${escapeHtml(x)}<br>${escapeHtml(y)}</li>`).join('\n')}</ul>`;
      else body = heads.map(([x, y]) => `<p>${escapeHtml(x)}<br>\n${escapeHtml(y)}</p>`).join('\n');
      break;
    }
  }
  // An element holding one line twice is untranslated whole; of two elements, the first printed.
  for (const [x, y] of truth.pairs.filter(([x, y]) => sameLine(x, y))) truth.untranslated.push(ONE_ELEMENT.has(layout) ? `${x} ${y}` : x);
  truth.pairs = truth.pairs.filter(([x, y]) => !sameLine(x, y));
  return { name, layout, pair: `${la}-${lb}`, control: false, html: page(la, a.title, body), truth };
}

/** A monolingual page with foreign names, a language switcher, a URL and a code block with comments. */
function monolingualControl(doc: ParallelDoc, other: ParallelDoc, lang: string, name: string): TestPage {
  const a = story(doc, lang);
  const comment = story(other, lang).title;
  const code = `<pre><code># ${escapeHtml(comment)}\nnpm install --save-exact newslens\n# ${escapeHtml(a.title)}\ngit clone https://github.com/example/newslens.git</code></pre>`;
  const body = [
    '<p class="langs"><a href="?hl=en">English</a> | <a href="?hl=zh">简体中文</a> | <a href="?hl=ja">日本語</a> | <a href="?hl=fr">Français</a></p>',
    p(a.paragraphs[0] ?? ''),
    p(a.paragraphs[1] ?? ''),
    code,
    p(a.paragraphs[2] ?? ''),
    '<p>Source: <a href="https://www.reuters.com/article/world">https://www.reuters.com/article/world</a></p>',
    p(a.paragraphs[3] ?? ''),
  ].join('\n');
  return { name, layout: 'control-monolingual', pair: lang, control: true, html: page(lang, a.title, body), truth: { pairs: [], untranslated: [], bilingual: false } };
}

/** Two unrelated stories in two languages, alternating paragraph by paragraph (or one after the other). */
function unrelatedControl(x: ParallelDoc, y: ParallelDoc, [la, lb]: [string, string], alternate: boolean, name: string): TestPage {
  const a = story(x, la);
  const b = story(y, lb);
  const body = alternate
    ? a.paragraphs.map((text, i) => p(text) + (b.paragraphs[i] ? p(b.paragraphs[i] as string) : '')).join('\n')
    : `<section>${a.paragraphs.map(p).join('\n')}</section><section>${b.paragraphs.map(p).join('\n')}</section>`;
  return {
    name,
    layout: alternate ? 'control-alternating' : 'control-sequential',
    pair: `${la}-${lb}`,
    control: true,
    html: page(la, a.title, body),
    truth: { pairs: [], untranslated: [], bilingual: false },
  };
}

/** Documents of a headline list: this many stories. */
const HEADLINES = 8;

/** Every page of the evaluation from one split's documents: each pair in each layout, then controls. */
export function buildPages(docs: readonly ParallelDoc[]): TestPage[] {
  const pages: TestPage[] = [];
  const at = (k: number) => docs[k % docs.length] as ParallelDoc;
  let k = 0;
  for (const pair of LANGUAGE_PAIRS) {
    for (const layout of LAYOUTS) {
      const picked = layout.startsWith('headlines') || layout === 'lines-br' ? Array.from({ length: HEADLINES }, (_, j) => at(k + j * 3)) : [at(k)];
      pages.push(bilingualPage(picked, layout, pair, `${pair.join('-')}/${layout}/${picked[0]?.id}`));
      k++;
    }
  }
  const monolingual = ['en', 'zh-Hans', 'ja', 'ko', 'fr', 'de', 'es', 'ru', 'ar', 'vi'];
  for (const [i, lang] of monolingual.entries()) pages.push(monolingualControl(at(i * 2), at(i * 2 + 1), lang, `${lang}/control-monolingual/${at(i * 2).id}`));
  LANGUAGE_PAIRS.forEach((pair, i) => {
    const x = at(i * 2 + 5);
    const y = at(i * 2 + 6);
    pages.push(unrelatedControl(x, y, pair, i % 2 === 0, `${pair.join('-')}/control-unrelated/${x.id}+${y.id}`));
  });
  return pages;
}
