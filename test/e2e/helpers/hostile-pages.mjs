/**
 * Pages that make a content script's life hard, for test/e2e/hostile.test.mjs: frames, shadow
 * roots, a strict Content-Security-Policy, a page that rewrites itself every few milliseconds, an
 * article that arrives late, an endless feed, a one-page app with history, and text that looks
 * like markup. The article text is real news with its professional translation (NTREX-128, as in
 * the fixtures): NewsLens rightly offers no language switch for generated words.
 */

import fs from 'node:fs';
import path from 'node:path';

const DOCS = JSON.parse(fs.readFileSync(new URL('../../fixtures/align/ntrex-docs.json', import.meta.url), 'utf8'));

export const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Document `doc`'s English and Chinese paragraphs, three sentences each (the engine leaves very
 * short repeated lines alone on purpose), and its title in both languages.
 */
export function story(doc, paragraphs = 3) {
  const { en, 'zh-Hans': zh } = DOCS[doc % DOCS.length];
  const para = (lines, i) => lines.slice(1 + i * 3, 4 + i * 3).join(lines === zh ? '' : ' ');
  return {
    title: `${en[0]} ${zh[0]}`,
    pairs: Array.from({ length: paragraphs }, (_, i) => ({ en: para(en, i), zh: para(zh, i) })),
  };
}

/**
 * An article of `doc`: each English paragraph followed by its Chinese one, then the first Chinese
 * paragraph again, as AI-made bilingual pages repeat themselves. `copy` is the repeated text.
 */
export function articleHtml(doc, { tag = 'article', id = '' } = {}) {
  const { title, pairs } = story(doc);
  const body = pairs.flatMap(({ en, zh }) => [`<p>${escapeHtml(en)}</p>`, `<p>${escapeHtml(zh)}</p>`]);
  body.push(`<p class="copy">${escapeHtml(pairs[0].zh)}</p>`);
  return { html: `<${tag}${id ? ` id="${id}"` : ''}><h1>${escapeHtml(title)}</h1>${body.join('')}</${tag}>`, copy: pairs[0].zh };
}

const page = (title, body, head = '') =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>${head}</head><body>${body}</body></html>`;

/** What a frame holds: a bilingual article with a copy of its own, which must stay as it is. */
export const framePage = () => page('Embedded', articleHtml(3).html);

/** A bilingual article beside a same-origin and a cross-origin frame that hold articles too. */
export function framesPage(crossOriginUrl) {
  return page(
    'Frames 框架',
    `${articleHtml(0).html}<aside><iframe id="same" src="/frame" width="600" height="300"></iframe>` +
      `<iframe id="cross" src="${crossOriginUrl}" width="600" height="300"></iframe></aside>`,
  );
}

/**
 * An article whose last two paragraphs are drawn by custom elements: one from an open shadow
 * root, one from a closed one (the page keeps that root in `window.__closedRoot`, as frameworks do).
 */
export function shadowPage() {
  const { html } = articleHtml(1);
  const { pairs } = story(1);
  return page(
    'Shadow roots 影子树',
    `${html.replace('</article>', '<open-part></open-part><closed-part></closed-part></article>')}
<script>
const fill = (root, text) => { const p = document.createElement('p'); p.textContent = text; root.append(p, p.cloneNode(true)); };
customElements.define('open-part', class extends HTMLElement { connectedCallback() { fill(this.attachShadow({ mode: 'open' }), ${JSON.stringify(pairs[1].zh)}); } });
customElements.define('closed-part', class extends HTMLElement { connectedCallback() { window.__closedRoot = this.attachShadow({ mode: 'closed' }); fill(window.__closedRoot, ${JSON.stringify(pairs[2].zh)}); } });
</script>`,
  );
}

/**
 * A bilingual article beside a clock that the page rewrites every `everyMs` while
 * `window.__tick(ms)` runs; `window.__ticking` is false again once it stops.
 */
export function tickerPage({ everyMs = 5 } = {}) {
  return page(
    'Ticker 滚动',
    `<header><time id="clock">0</time> <span id="quotes">—</span></header>${articleHtml(2).html}
<script>
window.__ticking = false;
window.__tick = (ms) => {
  window.__ticking = true;
  const end = performance.now() + ms;
  const clock = document.getElementById('clock');
  const quotes = document.getElementById('quotes');
  const timer = setInterval(() => {
    const now = performance.now();
    clock.textContent = now.toFixed(1);
    quotes.firstChild.data = 'DJIA ' + (38000 + Math.round(now) % 997);
    if (now >= end) { clearInterval(timer); window.__ticking = false; }
  }, ${everyMs});
};
</script>`,
  );
}

/** Only the site's chrome at load; the article is put in `afterMs` after the load event. */
export function latePage({ afterMs = 2000 } = {}) {
  const { html } = articleHtml(4);
  return page(
    'Loading… 加载中',
    `<header><nav><a href="/">Home</a> · <a href="/world">World</a></nav></header><main id="main"></main><footer>© Example</footer>
<script>
addEventListener('load', () => setTimeout(() => {
  document.getElementById('main').insertAdjacentHTML('beforeend', ${JSON.stringify(html)});
  window.__insertedAt = performance.now();
}, ${afterMs}));
</script>`,
  );
}

/**
 * An endless feed: scrolling near its end adds a batch of a story's paragraphs in both languages,
 * and from the second batch on, one paragraph of an earlier batch again (`.copy`).
 * `window.__batches` counts the batches.
 */
export function feedPage() {
  const batches = Array.from({ length: 8 }, (_, b) => story(5 + b, 2).pairs.flatMap(({ en, zh }) => [en, zh]));
  return page(
    'Feed 信息流',
    `<main><article><h1>${escapeHtml(story(5).title)}</h1><div id="feed"></div></article></main>
<script>
const batches = ${JSON.stringify(batches)};
const feed = document.getElementById('feed');
window.__batches = 0;
const add = () => {
  const b = window.__batches;
  if (b >= batches.length) return;
  for (const text of batches[b]) { const p = document.createElement('p'); p.textContent = text; feed.append(p); }
  if (b > 0) { const p = document.createElement('p'); p.className = 'copy'; p.textContent = batches[b - 1][1]; feed.append(p); }
  const pad = document.createElement('div'); pad.style.height = '1200px'; feed.append(pad);
  window.__batches++;
};
add();
addEventListener('scroll', () => { if (innerHeight + scrollY >= document.body.scrollHeight - 400) add(); });
</script>`,
  );
}

/**
 * A one-page app over /app/1 and /app/2: `window.__go(path)` pushes a story, and the back and
 * forward buttons render the story of the address they return to, as routers do.
 */
export function spaPage() {
  const stories = { '/app/1': articleHtml(6, { tag: 'div' }), '/app/2': articleHtml(7, { tag: 'div' }) };
  const html = Object.fromEntries(Object.entries(stories).map(([key, value]) => [key, value.html]));
  return {
    copies: Object.fromEntries(Object.entries(stories).map(([key, value]) => [key, value.copy])),
    html: page(
      'News 新闻',
      `<main><article id="story"></article></main>
<script>
const stories = ${JSON.stringify(html)};
const show = () => { document.getElementById('story').innerHTML = stories[location.pathname] ?? ''; };
window.__go = (path) => { history.pushState({}, '', path); show(); };
addEventListener('popstate', show);
show();
</script>`,
    ),
  };
}

/**
 * Page text that looks like markup, shown as text by the page itself (escaped in the HTML): in
 * the title, in a repeated paragraph (so a marker stands for it) and in an untranslated one. If
 * anything parsed it, `window.__pwned` would be set.
 */
export const MARKUP_TEXT = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

export function markupPage() {
  const { pairs } = story(8);
  const lines = [
    [`${pairs[0].en} ${MARKUP_TEXT}`, pairs[0].zh],
    [pairs[1].en, `${pairs[1].zh}${MARKUP_TEXT}`],
    [pairs[2].en, pairs[2].zh],
  ];
  const body = lines.flatMap(([en, zh]) => [`<p>${escapeHtml(en)}</p>`, `<p>${escapeHtml(zh)}</p>`]);
  body.push(`<p>${escapeHtml(lines[1][1])}</p>`, `<p>${escapeHtml(`Untranslated ${MARKUP_TEXT} ${story(9).pairs[0].en}`)}</p>`);
  return page(`${MARKUP_TEXT} 新闻`, `<article><h1>${escapeHtml(`Markup ${MARKUP_TEXT} 标记`)}</h1>${body.join('')}</article>`);
}

/** The pages of the repository's real-pages corpus, by name; throws when the corpus is missing. */
export function realPages(root) {
  const dir = path.join(root, 'test', 'corpus', 'real-pages');
  return fs
    .readdirSync(dir)
    .filter((name) => fs.existsSync(path.join(dir, name, 'source.html')))
    .sort()
    .map((name) => ({ name, html: fs.readFileSync(path.join(dir, name, 'source.html'), 'utf8') }));
}
