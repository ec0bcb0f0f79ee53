/**
 * Generated test pages: a long bilingual article, and a page that keeps adding paragraphs.
 * Text comes from a seeded generator, so every run sees the same page, and no two paragraphs are
 * alike except the copies put in on purpose.
 */

import fs from 'node:fs';

const WORDS = (
  'market compute chips rent capacity cloud data center company model training power cost growth ' +
  'network satellite launch rocket search engine revenue quarter investor analyst contract deal ' +
  'supply demand price energy grid cooling server rack memory software platform customer partner ' +
  'policy regulator report forecast risk budget research team product release update startup ' +
  'hardware factory shipment export license region country city region million billion percent'
).split(' ');
const HAN = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质';

function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function englishParagraph(next, least = 2) {
  const sentences = [];
  const count = least + Math.floor(next() * 2);
  for (let s = 0; s < count; s++) {
    const words = Array.from({ length: 8 + Math.floor(next() * 8) }, () => WORDS[Math.floor(next() * WORDS.length)]);
    const first = words[0];
    words[0] = first[0].toUpperCase() + first.slice(1);
    sentences.push(`${words.join(' ')}.`);
  }
  return `The ${sentences.join(' ')}`;
}

function chineseParagraph(next, least = 2) {
  const sentences = [];
  const count = least + Math.floor(next() * 2);
  for (let s = 0; s < count; s++) {
    sentences.push(`${Array.from({ length: 14 + Math.floor(next() * 12) }, () => HAN[Math.floor(next() * HAN.length)]).join('')}。`);
  }
  return sentences.join('');
}

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * Watches the page's main thread from the start, for the test to read: long tasks as the browser
 * reports them (Chromium leaves out tasks run by an extension's content script), long animation
 * frames with the part of each spent in style and layout (their `scripts[]` leave content scripts
 * out too), and every gap of over 50 ms between two turns of a timer loop, which no task can hide
 * from.
 */
export const LONG_TASK_PROBE = `<script>
window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
}).observe({ type: 'longtask', buffered: true });
window.__frames = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const end = entry.startTime + entry.duration;
    window.__frames.push({ start: entry.startTime, duration: entry.duration, layout: entry.styleAndLayoutStart ? end - entry.styleAndLayoutStart : 0 });
  }
}).observe({ type: 'long-animation-frame', buffered: true });
window.__gaps = [];
let last = performance.now();
(function tick() {
  const now = performance.now();
  if (now - last > 50) window.__gaps.push({ start: last, duration: now - last });
  last = now;
  setTimeout(tick, 0);
})();
</script>`;

/** Name of the trace time stamp FIRST_FRAME leaves. */
export const FIRST_FRAME_MARK = 'first-frame';

/**
 * Marks the end of the page's own first layout, after which every long task is someone else's:
 * in the page (`__firstFrame`) and in a trace (a time stamp named FIRST_FRAME_MARK).
 */
const FIRST_FRAME = `<script>requestAnimationFrame(() => setTimeout(() => {
  window.__firstFrame = performance.now();
  console.timeStamp('${FIRST_FRAME_MARK}');
}));</script>`;

/**
 * Translated sentence pairs from the NTREX-128 fixtures (Simplified Chinese only): paragraphs whose
 * English and Chinese have as many sentences, cut at sentence ends. Generated words in two
 * languages are not translations, and NewsLens rightly labels thousands of them "no translation".
 */
function sentencePairs() {
  const fixtures = new URL('../../fixtures/', import.meta.url);
  const result = [];
  const taken = new Set();
  for (const name of fs.readdirSync(fixtures).filter((n) => n.startsWith('ntrex-') && !n.endsWith('-hant'))) {
    const { pairs = [], mismatches = [] } = JSON.parse(fs.readFileSync(new URL(`${name}/expected.json`, fixtures), 'utf8'));
    // A page with a planted change (the translation check's) is a copy of another, not a translation.
    if (mismatches.length > 0) continue;
    for (const { en, zh } of pairs) {
      const english = en.split(/(?<=[.!?]["”’]?)\s+(?=["“]?[A-Z])/);
      const chinese = zh.split(/(?<=[。！？][”」]?)(?![”」])/).filter((s) => s.trim());
      if (english.length !== chinese.length) continue;
      // A short sentence is too small a share of a paragraph: two paragraphs that shared the other two would be near copies.
      english.forEach((sentence, k) => {
        // Each sentence once: a page built from one twice would hold copies nobody planted.
        if (sentence.length >= 80 && !taken.has(sentence)) {
          taken.add(sentence);
          result.push({ en: sentence, zh: chinese[k] });
        }
      });
    }
  }
  return result;
}

/**
 * `paragraphs` paragraphs of an interleaved bilingual article, realistic for NewsLens: English then
 * its Chinese translation, pair by pair, each paragraph three translated sentences (no two
 * paragraphs share all three, fewer than nine tokens in ten in common, so none is a near copy of
 * another), with an exact copy of the previous Chinese paragraph every `copyEvery` pairs.
 */
export function longPage(paragraphs = 10000, { copyEvery = 50 } = {}) {
  const sentences = sentencePairs();
  const next = random(42);
  const pick = () => Math.floor(next() * sentences.length);
  const seen = new Set();
  const body = [];
  const chinese = [];
  let copies = 0;
  for (let i = 0; body.length < paragraphs; i++) {
    let chosen;
    do {
      chosen = [pick(), pick(), pick()];
    } while (new Set(chosen).size < 3 || seen.has(chosen.join()));
    seen.add(chosen.join());
    const pair = chosen.map((k) => sentences[k]);
    body.push(`<p>${escapeHtml(pair.map((s) => s.en).join(' '))}</p>`);
    const zh = pair.map((s) => s.zh).join('');
    chinese.push(zh);
    if (body.length < paragraphs) body.push(`<p>${escapeHtml(zh)}</p>`);
    if (i > 0 && i % copyEvery === 0 && body.length < paragraphs) {
      body.push(`<p>${escapeHtml(chinese[i - 1])}</p>`);
      copies++;
    }
  }
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Long bilingual article 长篇双语文章</title>${LONG_TASK_PROBE}</head>
<body><article><h1>Long bilingual article 长篇双语文章</h1>
${body.join('\n')}
</article>${FIRST_FRAME}</body></html>`;
  return { html, copies };
}

/**
 * A bilingual article that appends a new paragraph every `everyMs` until it has added `total`,
 * repeating an earlier one every `copyEvery` additions. `window.__added` counts them and
 * `window.__done` turns true at the end.
 */
export function growingPage({ total = 30, everyMs = 100, copyEvery = 5 } = {}) {
  const next = random(7);
  const start = [];
  for (let i = 0; i < 6; i++) start.push(`<p>${escapeHtml(englishParagraph(next))}</p>`, `<p>${escapeHtml(chineseParagraph(next))}</p>`);
  const later = [];
  // Three sentences and up: the engine leaves very short repeated lines alone on purpose.
  for (let i = 0; i < total; i++) later.push(i % 2 === 0 ? englishParagraph(next, 3) : chineseParagraph(next, 3));
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Live blog 直播</title></head>
<body><article><h1>Live blog 直播</h1><div id="feed">
${start.join('\n')}
</div></article>
<script>
const later = ${JSON.stringify(later)};
const feed = document.getElementById('feed');
window.__added = 0;
window.__done = false;
const timer = setInterval(() => {
  const i = window.__added;
  if (i >= later.length) { clearInterval(timer); window.__done = true; return; }
  const p = document.createElement('p');
  // Every copyEvery-th addition repeats the paragraph added just before the previous one.
  const copy = i > 0 && i % ${copyEvery} === 0;
  const paragraphs = feed.querySelectorAll('p');
  p.textContent = copy ? paragraphs[paragraphs.length - 2].textContent : later[i];
  p.className = copy ? 'copy' : 'new';
  feed.append(p);
  window.__added++;
}, ${everyMs});
</script></body></html>`;
}

/**
 * A one-page app: `window.__navigate()` moves to another story with history.pushState and
 * replaces the article in place, as news sites do, with a repeated paragraph in the new story.
 * The stories are real translations (NTREX-128 pairs from the fixtures): generated words in two
 * languages are not bilingual, and NewsLens rightly offers no language switch for them.
 */
export function singlePageApp() {
  const { pairs } = JSON.parse(fs.readFileSync(new URL('../../fixtures/ntrex-interleaved/expected.json', import.meta.url), 'utf8'));
  const story = (k) => [pairs[k].en, pairs[k].zh, pairs[k + 1].en, pairs[k + 1].zh, pairs[k].zh];
  const render = (paragraphs) => paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join('');
  const first = story(0);
  const second = story(2);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>News 新闻</title></head>
<body><article id="story"><h1>First story 第一篇</h1>${render(first)}</article>
<script>
window.__navigate = () => {
  history.pushState({}, '', '/spa/2');
  document.getElementById('story').innerHTML = ${JSON.stringify(`<h1>Second story 第二篇</h1>${render(second)}`)};
};
</script></body></html>`;
}
