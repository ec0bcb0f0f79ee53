/**
 * Builds test/fixtures/nonarticle-*: pages that hold no article (search results in English and in
 * Chinese, a web application's dashboard, a long form), shaped as such pages are built, with text
 * from NTREX-128 (real English news with professional Chinese translations, CC BY-SA 4.0; see
 * test/fixtures/NTREX-README.md) where a page shows news text. NewsLens should find no article
 * on them, and spend nearly nothing finding that out (engine/article-gate.ts).
 *
 *   node scripts/make-nonarticle-fixtures.mjs [path/to/shared/corpus/ntrex128]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const corpus = resolve(process.argv[2] ?? '../shared/corpus/ntrex128');
const lines = (f) => readFileSync(join(corpus, f), 'utf8').split(/\r?\n/).slice(0, -1);
const en = lines('newstest2019-src.eng.txt');
const hans = lines('newstest2019-ref.zho-CN.txt');
const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Search engines cut snippets near this many characters, at a word where there are words. */
const cut = (text, max) => {
  if (text.length <= max) return text;
  const at = text.lastIndexOf(' ', max);
  return `${text.slice(0, at > max / 2 ? at : max)} ...`;
};
// Lines 600 onward: documents the other generated fixtures do not use first.
const FIRST = 600;

function searchResults() {
  const results = [];
  for (let i = 0; i < 10; i++) {
    const title = en[FIRST + 3 * i];
    const snippet = `${en[FIRST + 3 * i + 1]} ${en[FIRST + 3 * i + 2]}`;
    results.push(`<li class="b_algo"><h2><a href="https://news.example.com/story/${i}">${esc(cut(title, 70))}</a></h2>
<div class="b_caption"><cite>https://news.example.com › story › ${i}</cite><p class="b_lineclamp2">${esc(cut(snippet, 160))}</p></div></li>`);
  }
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>election results - Search</title></head><body>
<header id="b_header"><form action="/search" role="search"><input type="search" name="q" value="election results"><button>Search</button></form>
<nav><ul><li><a href="/search?q=election+results">All</a></li><li><a href="/images">Images</a></li><li><a href="/videos">Videos</a></li><li><a href="/news">News</a></li><li><a href="/maps">Maps</a></li></ul></nav></header>
<main><div id="b_tween"><span class="sb_count">About 1,240,000 results</span></div>
<ol id="b_results">
${results.join('\n')}
<li class="b_pag"><nav aria-label="More results"><a href="?first=11">2</a> <a href="?first=21">3</a> <a href="?first=31">4</a> <a href="?first=11">Next</a></nav></li>
</ol>
<aside id="b_context"><h2>Related searches</h2><ul><li><a href="#">election results live</a></li><li><a href="#">election results by county</a></li><li><a href="#">election results map</a></li></ul></aside></main>
<footer><a href="/privacy">Privacy</a> <a href="/terms">Terms</a> <span>© 2026 Example Search</span></footer></body></html>`;
}

function searchResultsZh() {
  const results = [];
  for (let i = 0; i < 10; i++) {
    const title = hans[FIRST + 40 + 3 * i];
    const snippet = `${hans[FIRST + 40 + 3 * i + 1]}${hans[FIRST + 40 + 3 * i + 2]}`;
    results.push(`<div class="result c-container" id="${i + 1}"><h3 class="t"><a href="https://www.example.cn/link?url=${i}">${esc(cut(title, 30))}</a></h3>
<div class="c-abstract"><span class="c-color-gray2">2026年12月${i + 1}日&nbsp;</span>${esc(cut(snippet, 90))}</div>
<div class="f13"><span class="c-showurl">www.news.example.cn/${i}</span> <a class="m" href="#">百度快照</a></div></div>`);
  }
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>选举结果_搜索</title></head><body>
<div id="head"><form id="form" action="/s"><input id="kw" name="wd" value="选举结果"><input type="submit" value="搜索一下"></form>
<div id="s_tab"><a href="/s">网页</a><a href="/news">资讯</a><a href="/video">视频</a><a href="/pic">图片</a><a href="/zhidao">知道</a><a href="/wenku">文库</a></div></div>
<div id="wrapper"><div id="content_left"><div class="nums">搜索工具 百度为您找到相关结果约1,240,000个</div>
${results.join('\n')}
</div><div id="content_right"><div class="cr-title">相关搜索</div><table><tr><td><a href="#">选举结果最新</a></td><td><a href="#">选举结果公布</a></td></tr><tr><td><a href="#">选举结果查询</a></td><td><a href="#">选举结果分析</a></td></tr></table></div>
<div id="page"><a href="#">上一页</a> <strong>1</strong> <a href="#">2</a> <a href="#">3</a> <a href="#">下一页</a></div></div>
<div id="foot">帮助 举报 用户反馈 ©2026 Example 使用前必读</div></body></html>`;
}

function dashboard() {
  const names = ['Alvarez Logistics', 'Brightline Foods', 'Cobalt Dental', 'Delmar & Sons', 'Evergreen Labs', 'Fairview Clinic', 'Granite Works', 'Harbor Books'];
  const statuses = ['Paid', 'Pending', 'Overdue', 'Draft'];
  const rows = [];
  for (let i = 0; i < 60; i++) {
    const amount = ((i * 7919) % 90000) / 10 + 120;
    rows.push(
      `<tr><td><input type="checkbox" aria-label="Select invoice ${1040 + i}"></td><td><a href="/invoices/${1040 + i}">INV-${1040 + i}</a></td><td>${names[i % names.length]}</td><td>2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}</td><td class="num">$${amount.toFixed(2)}</td><td><span class="badge badge-${statuses[i % 4].toLowerCase()}">${statuses[i % 4]}</span></td><td><button class="btn-icon" title="More actions">⋯</button></td></tr>`,
    );
  }
  const cards = [
    ['Revenue this month', '$48,210.55', '+12.4% vs last month'],
    ['Outstanding', '$9,874.10', '14 invoices'],
    ['Overdue', '$2,310.00', '3 invoices, oldest 41 days'],
    ['Active customers', '128', '6 new this month'],
  ];
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Invoices · Ledgerly</title></head><body>
<div id="app"><aside class="app-sidebar"><div class="logo">Ledgerly</div><nav><ul><li><a href="/">Dashboard</a></li><li><a href="/invoices" aria-current="page">Invoices</a></li><li><a href="/customers">Customers</a></li><li><a href="/products">Products</a></li><li><a href="/reports">Reports</a></li><li><a href="/settings">Settings</a></li></ul></nav>
<div class="plan">Free trial: 9 days left. <a href="/billing">Upgrade</a></div></aside>
<div class="app-main"><div class="toolbar"><h1>Invoices</h1><div class="actions"><input type="search" placeholder="Search invoices"><select><option>All statuses</option><option>Paid</option><option>Pending</option><option>Overdue</option></select><button class="primary">New invoice</button><button>Export CSV</button></div></div>
<div class="cards">${cards.map(([label, value, note]) => `<div class="card"><div class="card-label">${label}</div><div class="card-value">${value}</div><div class="card-note">${note}</div></div>`).join('')}</div>
<table class="grid"><thead><tr><th></th><th>Invoice</th><th>Customer</th><th>Due</th><th>Amount</th><th>Status</th><th></th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>
<div class="pager">Showing 1–60 of 212 <button>Previous</button> <button>Next</button></div>
<div class="toast" role="status" hidden>Invoice sent.</div></div></div></body></html>`;
}

function longForm() {
  const sections = ['Applicant', 'Contact details', 'Address history', 'Employment', 'Education', 'References', 'Travel', 'Declarations'];
  const fields = ['Full legal name', 'Other names used', 'Date of birth', 'Place of birth', 'Email address', 'Phone number', 'Street address', 'City', 'Postal code', 'Country', 'Employer name', 'Job title', 'Start date', 'End date', 'Reason for leaving'];
  const helps = [
    'Enter the name exactly as it appears on your passport.',
    'Use the format DD/MM/YYYY.',
    'We will only use this to contact you about your application.',
    'Include the country code, for example +44.',
    'If you have lived here for less than three years, add your previous address below.',
    'Leave blank if this does not apply to you.',
  ];
  const out = [];
  let n = 0;
  for (const section of sections) {
    const items = [];
    for (let k = 0; k < 15; k++, n++) {
      const label = `${fields[(n + k) % fields.length]}${k > 4 ? ` (${Math.floor(k / 5) + 1})` : ''}`;
      const input =
        n % 7 === 3
          ? `<select id="f${n}" name="f${n}"><option>Please select</option><option>Yes</option><option>No</option></select>`
          : n % 11 === 5
            ? `<textarea id="f${n}" name="f${n}" rows="3"></textarea>`
            : `<input id="f${n}" name="f${n}" type="text" autocomplete="off">`;
      items.push(`<div class="form-group"><label for="f${n}">${label}</label>${input}<p class="hint">${helps[n % helps.length]}</p></div>`);
    }
    out.push(`<fieldset><legend>${section}</legend>${items.join('\n')}</fieldset>`);
  }
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Apply for a permit – Step 2 of 5</title></head><body>
<header class="gov-header"><a href="/">Example Government</a> <nav><a href="/help">Help</a> <a href="/signout">Sign out</a></nav></header>
<main><h1>Apply for a residence permit</h1><p class="lead">Step 2 of 5. It takes about 30 minutes. You can save and come back later.</p>
<form action="/apply/2" method="post">
${out.join('\n')}
<div class="form-group"><label><input type="checkbox" name="confirm"> I confirm the information I have given is true.</label></div>
<button type="submit">Save and continue</button> <button type="submit" name="later">Save and come back later</button></form></main>
<footer><a href="/accessibility">Accessibility</a> <a href="/cookies">Cookies</a> <a href="/privacy">Privacy</a></footer></body></html>`;
}

const pages = {
  'search-results': ['An English search results page (results as list items, snippets cut near 160 characters).', searchResults()],
  'search-results-zh': ['A Chinese search results page (results as divs, snippets cut near 90 characters).', searchResultsZh()],
  'app-dashboard': ["A web application's invoice list: navigation, summary cards, a 60-row table, buttons.", dashboard()],
  'long-form': ['A government application form: 120 labelled fields with short hints in 8 fieldsets.', longForm()],
};
for (const [name, [about, html]] of Object.entries(pages)) {
  const dir = resolve('test/fixtures', `nonarticle-${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'page.html'), html);
  const expected = { about: `${about} No article: no title, no blocks, nothing bilingual, no copies, no disclosures.`, bilingual: { languages: [] }, pairs: [], duplicates: [], truncated: [], disclosures: [] };
  writeFileSync(join(dir, 'expected.json'), `${JSON.stringify(expected, null, 1)}\n`);
}
