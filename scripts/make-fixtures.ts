/**
 * Builds the bilingual fixture pages in test/fixtures/ntrex-* from NTREX-128 (real English news with
 * professional Chinese translations, CC BY-SA 4.0; see test/fixtures/NTREX-README.md), one page per
 * layout, with the ground truth beside each in the format of test/fixtures/seed/expected.json.
 *
 *   npx tsx scripts/make-fixtures.ts path/to/ntrex128   (the NTREX-128 text files, not kept in the repository)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

function usage(): never {
  console.error('usage: npx tsx scripts/make-fixtures.ts path/to/ntrex128');
  process.exit(2);
}

const corpus = resolve(process.argv[2] ?? usage());
const out = resolve('test/fixtures');

const lines = (file: string) => readFileSync(join(corpus, file), 'utf8').split(/\r?\n/).slice(0, -1);
const ids = lines('DOCUMENT_IDS.tsv').map((line) => line.split('\t')[0] ?? '');
const en = lines('newstest2019-src.eng.txt');
const hans = lines('newstest2019-ref.zho-CN.txt');
const hant = lines('newstest2019-ref.zho-TW.txt');

interface Doc {
  title: { en: string; zh: string };
  /** Paragraphs of two or three sentences: English, and the Chinese of the same sentences. */
  paragraphs: { en: string; zh: string }[];
}

function documentOf(id: string, script: 'hans' | 'hant' = 'hans'): Doc {
  const zh = script === 'hans' ? hans : hant;
  const rows = ids.flatMap((docId, i) => (docId === id ? [i] : []));
  if (rows.length < 5) throw new Error(`document ${id} is too short`);
  const [first, ...rest] = rows;
  const paragraphs: Doc['paragraphs'] = [];
  for (let i = 0; i < rest.length && paragraphs.length < 6; i += 2) {
    const group = rest.slice(i, i + 2);
    paragraphs.push({
      en: group.map((r) => en[r]).join(' '),
      zh: group.map((r) => zh[r]).join(''),
    });
  }
  return { title: { en: en[first as number] ?? '', zh: zh[first as number] ?? '' }, paragraphs };
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function page(lang: string, title: string, h1: string, body: string, head = ''): string {
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
${head}<style>
body{font-family:system-ui,sans-serif;margin:0}
.site-header,.site-footer{background:#222;color:#eee;padding:10px 20px}
.wrap{display:flex;gap:20px;max-width:1100px;margin:20px auto}
main{flex:1}
aside{width:260px;font-size:14px}
</style>
</head>
<body>
<header class="site-header"><nav><a href="/">Home</a> · <a href="/world">World</a> · <a href="/business">Business</a> · <a href="/about">About</a></nav></header>
<div class="wrap">
<main>
<article>
${h1}
${body}
</article>
</main>
<aside><h3>Most read</h3><ul><li><a href="/a/1">Markets rally as rate fears ease</a></li><li><a href="/a/2">Storm warnings issued for the coast</a></li><li><a href="/a/3">New rail line opens next spring</a></li></ul></aside>
</div>
<footer class="site-footer">© Example News · <a href="/privacy">Privacy</a> · <a href="/terms">Terms</a></footer>
</body>
</html>
`;
}

const p = (text: string) => `<p>${escapeHtml(text)}</p>`;
const inlineTitle = (doc: Doc) => `<h1>${escapeHtml(doc.title.en)} ${escapeHtml(doc.title.zh)}</h1>`;

interface Expected {
  about: string;
  title?: { en?: string; zh?: string; text?: string };
  bilingual: { languages: string[]; layouts: string[] };
  pairs: { en: string; zh: string }[];
  untranslated: { en: string[]; zh: string[] };
  duplicates: { kind: string; kept: string; copies: string[] }[];
  truncated: { text: string; kind: string }[];
  disclosures: { text?: string; kind: string; source: string; languages: string[] }[];
  scores: { value: number; labels: Record<string, string> }[];
  tags: string[];
}

function write(name: string, html: string, expected: Expected): void {
  const dir = join(out, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'page.html'), html);
  writeFileSync(join(dir, 'expected.json'), `${JSON.stringify(expected, null, 1)}\n`);
}

const none = { duplicates: [], truncated: [], disclosures: [], scores: [], tags: [] };
const pairsOf = (paragraphs: Doc['paragraphs']) => paragraphs.map(({ en, zh }) => ({ en, zh }));

{
  // English first, one Chinese translation missing.
  const doc = documentOf('upi.176275');
  const missing = 2;
  const body = doc.paragraphs.map((q, i) => p(q.en) + (i === missing ? '' : p(q.zh))).join('\n');
  write('ntrex-interleaved', page('en', doc.title.en, inlineTitle(doc), body), {
    about: 'NTREX-128 upi.176275: interleaved paragraphs, English first; the third paragraph has no translation.',
    title: doc.title,
    bilingual: { languages: ['en', 'zh'], layouts: ['inline (title)', 'interleaved'] },
    pairs: pairsOf(doc.paragraphs.filter((_, i) => i !== missing)),
    untranslated: { en: [doc.paragraphs[missing]?.en ?? ''], zh: [] },
    ...none,
  });
}
{
  const doc = documentOf('reuters.218933');
  const body = doc.paragraphs.map((q) => p(q.zh) + p(q.en)).join('\n');
  write(
    'ntrex-interleaved-zh-first',
    page('zh-CN', doc.title.zh, `<h1>${escapeHtml(doc.title.zh)} ${escapeHtml(doc.title.en)}</h1>`, body),
    {
      about: 'NTREX-128 reuters.218933: interleaved paragraphs, Chinese first.',
      title: doc.title,
      bilingual: { languages: ['zh', 'en'], layouts: ['inline (title)', 'interleaved'] },
      pairs: pairsOf(doc.paragraphs),
      untranslated: { en: [], zh: [] },
      ...none,
    },
  );
}
{
  // Traditional Chinese, all English then all Chinese, with section headings per language.
  const doc = documentOf('bbc.381692', 'hant');
  const body = `<section class="en">${doc.paragraphs.map((q) => p(q.en)).join('\n')}</section>
<section class="zh">${doc.paragraphs.map((q) => p(q.zh)).join('\n')}</section>`;
  write('ntrex-sequential-hant', page('en', doc.title.en, inlineTitle(doc), body), {
    about: 'NTREX-128 bbc.381692 (zh-TW): all English paragraphs, then all Traditional Chinese ones.',
    title: doc.title,
    bilingual: { languages: ['en', 'zh'], layouts: ['inline (title)', 'sequential'] },
    pairs: pairsOf(doc.paragraphs),
    untranslated: { en: [], zh: [] },
    ...none,
  });
}
{
  const doc = documentOf('nytimes.184862');
  const rows = doc.paragraphs
    .map((q) => `<tr><td>${escapeHtml(q.en)}</td><td>${escapeHtml(q.zh)}</td></tr>`)
    .join('\n');
  const body = `<table class="parallel"><thead><tr><th>English</th><th>中文</th></tr></thead><tbody>
${rows}
</tbody></table>`;
  write('ntrex-table', page('en', doc.title.en, inlineTitle(doc), body), {
    about: 'NTREX-128 nytimes.184862: side by side, one table row per paragraph pair.',
    title: doc.title,
    bilingual: { languages: ['en', 'zh'], layouts: ['inline (title)', 'side-by-side'] },
    pairs: pairsOf(doc.paragraphs),
    untranslated: { en: [], zh: [] },
    ...none,
  });
}
{
  const doc = documentOf('dailymail.co.uk.298602');
  const body = `<div class="columns" style="display:grid;grid-template-columns:1fr 1fr;gap:24px">
<div class="column">${doc.paragraphs.map((q) => p(q.en)).join('\n')}</div>
<div class="column">${doc.paragraphs.map((q) => p(q.zh)).join('\n')}</div>
</div>`;
  write('ntrex-columns', page('en', doc.title.en, inlineTitle(doc), body), {
    about: 'NTREX-128 dailymail.co.uk.298602: side by side, two columns in a CSS grid.',
    title: doc.title,
    bilingual: { languages: ['en', 'zh'], layouts: ['inline (title)', 'side-by-side'] },
    pairs: pairsOf(doc.paragraphs),
    untranslated: { en: [], zh: [] },
    ...none,
  });
}
{
  const doc = documentOf('scotsman.133753');
  const body = doc.paragraphs.map((q) => p(`${q.en} ${q.zh}`)).join('\n');
  write('ntrex-inline', page('en', doc.title.en, inlineTitle(doc), body), {
    about: 'NTREX-128 scotsman.133753: every paragraph holds the English text and its translation in one element.',
    title: doc.title,
    bilingual: { languages: ['en', 'zh'], layouts: ['inline (title and paragraphs)'] },
    pairs: pairsOf(doc.paragraphs),
    untranslated: { en: [], zh: [] },
    ...none,
  });
}
{
  const doc = documentOf('guardian.221754');
  write('ntrex-mono-en', page('en', doc.title.en, `<h1>${escapeHtml(doc.title.en)}</h1>`, doc.paragraphs.map((q) => p(q.en)).join('\n')), {
    about: 'NTREX-128 guardian.221754: a monolingual English article.',
    title: { text: doc.title.en },
    bilingual: { languages: [], layouts: [] },
    pairs: [],
    untranslated: { en: [], zh: [] },
    ...none,
  });
}
{
  const doc = documentOf('newsweek.51328');
  write('ntrex-mono-zh', page('zh-CN', doc.title.zh, `<h1>${escapeHtml(doc.title.zh)}</h1>`, doc.paragraphs.map((q) => p(q.zh)).join('\n')), {
    about: 'NTREX-128 newsweek.51328: a monolingual Chinese article that keeps Latin names inline.',
    title: { text: doc.title.zh },
    bilingual: { languages: [], layouts: [] },
    pairs: [],
    untranslated: { en: [], zh: [] },
    ...none,
  });
}
{
  // English from one story, Chinese from another: nothing here is a translation.
  const a = documentOf('cbsnews.248384');
  const b = documentOf('guardian.221718');
  const body = `<div class="en">${a.paragraphs.map((q) => p(q.en)).join('\n')}</div>
<div class="zh">${b.paragraphs.map((q) => p(q.zh)).join('\n')}</div>`;
  write('ntrex-not-translations', page('en', a.title.en, `<h1>${escapeHtml(a.title.en)}</h1>`, body), {
    about: 'English paragraphs of NTREX-128 cbsnews.248384 followed by Chinese paragraphs of guardian.221718: two languages, no translation.',
    title: { text: a.title.en },
    bilingual: { languages: [], layouts: [] },
    pairs: [],
    untranslated: { en: [], zh: [] },
    ...none,
  });
}
{
  // An aggregator page built like the seed but with other text and other markup: the summary is a
  // cut-off copy of the first paragraph, a Chinese paragraph stands twice, scores as "label: value".
  const doc = documentOf('abcnews.306815');
  const [first, second, third, fourth] = doc.paragraphs;
  if (!first || !second || !third || !fourth) throw new Error('abcnews.306815 is too short');
  const teaser = `${first.en.slice(0, 180)}…`;
  const cut = `${third.zh.slice(0, Math.floor(third.zh.length * 0.6))}...`;
  const body = `<ul class="meta-scores"><li>热度 Hot: 92</li><li>质量 Quality: 64/100</li></ul>
<p class="lede">${escapeHtml(teaser)}</p>
${p(first.en)}
${p(first.zh)}
${p(first.zh)}
${p(second.en)}
${p(second.zh)}
${p(third.en)}
${p(cut)}
${p(fourth.en)}
${p(fourth.zh)}
<p class="note">本文内容由人工智能生成，仅供参考。 This article was generated by AI and is for reference only.</p>
<div class="keywords">标签：<a rel="tag" href="/tags/economy">经济</a> <a rel="tag" href="/tags/us">美国</a> <a rel="tag" href="/tags/economy">经济</a></div>`;
  write('aggregator-other-markup', page('zh-CN', doc.title.en, inlineTitle(doc), body), {
    about: 'NTREX-128 abcnews.306815 laid out like an AI aggregator: truncated teaser, a doubled Chinese paragraph, a cut-off translation, scores as text, repeated tag, bilingual AI disclaimer.',
    title: doc.title,
    bilingual: { languages: ['en', 'zh'], layouts: ['inline (title)', 'interleaved'] },
    pairs: [first, second, { en: third.en, zh: cut }, fourth].map(({ en, zh }) => ({ en, zh })),
    untranslated: { en: [], zh: [] },
    duplicates: [
      { kind: 'exact', kept: first.zh, copies: [first.zh] },
      { kind: 'truncated', kept: first.en, copies: [teaser] },
    ],
    truncated: [{ text: cut, kind: 'ellipsis' }],
    disclosures: [{ kind: 'generated', source: 'text', languages: ['zh', 'en'] }],
    scores: [
      { value: 92, labels: { en: 'Hot', zh: '热度' } },
      { value: 64, labels: { en: 'Quality', zh: '质量' } },
    ],
    tags: ['经济', '美国'],
  });
}
