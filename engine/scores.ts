import { runSteps, STEP, type Steps } from './steps';
import { ChildCursor, closestWhere, descendantsByTag, ElementWalk, firstDescendantByTag, isHidden, tagOf, visibleText } from './text';
import { familyOf } from './writing-systems';

/** A site score as printed near a title: "85 Hot 热度", "热度: 85", "Quality 质量 70/100". */
export interface ScoreValue {
  value: number;
  max: number | null;
  /** The label in each language it is printed in, keyed by base language: {en: 'Hot', zh: '热度'}. */
  labels: Record<string, string>;
}

export interface FoundScore extends ScoreValue {
  el: Element;
}

/** Longest text an element may hold and still be a score line rather than prose. */
const MAX_SCORE_TEXT = 100;
/** Ancestors of the title smaller than this are climbed past to reach its header region. */
const MIN_REGION_TEXT = 400;
/** Prose (characters) after the title beyond which no scores are looked for. */
const MAX_PROSE_BEFORE_SCORES = 2000;
/** Siblings of the header region this small are scanned too (meta bars beside the article). */
const MAX_SIBLING_TEXT = 300;

/**
 * Words that make a number a count, a date, a duration or a quantity rather than a score.
 * Latin words are compared whole and lower-cased.
 */
const LATIN_NON_SCORE = new Set(
  (
    'view views viewed read reads reader readers comment comments reply replies like likes share shares ' +
    'min mins minute minutes h hr hrs hour hours d day days week weeks wk month months mo year years yr yrs ' +
    'ago s sec secs second seconds word words page pages photo photos image images video videos vote votes ' +
    'follower followers subscriber subscribers people person times item items article articles post posts ' +
    'result results k m mb kb gb px am pm mph km kg lb lbs usd eur gbp cny rmb st nd rd th ' +
    'jan january feb february mar march apr april may jun june jul july aug august sep sept september ' +
    'oct october nov november dec december mon monday tue tuesday wed wednesday thu thursday fri friday ' +
    'sat saturday sun sunday updated posted published edited modified created since chapter part vol ' +
    'volume no step episode season version v issue section figure fig table rank top copyright price cost fee'
  ).split(' '),
);
/** CJK words for counts, durations and dates: a label containing one is not a score. */
const CJK_NON_SCORE = [
  '浏览',
  '价格',
  '價格',
  '售价',
  '阅读',
  '評論',
  '评论',
  '点赞',
  '點讚',
  '分享',
  '收藏',
  '观看',
  '觀看',
  '播放',
  '关注',
  '關注',
  '粉丝',
  '粉絲',
  '回复',
  '回覆',
  '转发',
  '轉發',
  '分钟',
  '分鐘',
  '小时',
  '小時',
  '更新',
  '发布',
  '發佈',
  '閲覧',
  'コメント',
  '조회',
  '댓글',
];
/** Single CJK characters that, ending a label, make it a unit of count or time. */
const CJK_UNIT_END = new Set([...'次天秒人条條字页頁篇章节節元岁歲前后後号號期年月日周週時时']);

/** Class, id, title or itemprop words marking an element as a count, date or price. */
const NON_SCORE_ATTR = /view|read|comment|like|share|date|time|count|price|cost|duration|follow/i;

type Script = 'han' | 'kana' | 'hangul' | 'latin' | 'other';

function labelScript(ch: string): Script {
  const family = familyOf(ch.codePointAt(0) ?? 0);
  return family === 'han' || family === 'kana' || family === 'hangul' || family === 'latin' ? family : 'other';
}

/** Base languages written in Latin script, for which a `lang` hint overrides the English default. */
const LATIN_LANGS = new Set(
  'en fr de es it pt nl sv da no nb nn fi pl cs sk ro hu tr id ms vi ca eu gl hr sl et lv lt sq is ga cy tl sw af'.split(' '),
);

const hasLang = (el: Element) => el.hasAttribute('lang');
const isParagraph = (el: Element) => tagOf(el) === 'p';
const LINK_OR_TIME = new Set(['a', 'time']);
const LINK = new Set(['a']);
const LIST_ITEM = new Set(['li']);

/** Base language that Latin-script labels are taken to be in, from the nearest `lang` attribute. */
export function latinHint(el: Element | null): string {
  const lang = (el ? closestWhere(el, hasLang) : null)?.getAttribute('lang')?.toLowerCase().split(/[-_]/)[0] ?? '';
  return LATIN_LANGS.has(lang) ? lang : 'en';
}

/** Splits a label into its language runs by script: Han → zh (ja when kana is present), Hangul → ko. */
function labelsByScript(words: string[], latinLang: string): Record<string, string> | null {
  const runs: { script: Script; text: string; word: number }[] = [];
  words.forEach((word, index) => {
    let current: { script: Script; text: string; word: number } | null = null;
    for (const ch of word) {
      let script = labelScript(ch);
      if (script === 'other' && current !== null) script = current.script;
      if (current === null || current.script !== script) {
        current = { script, text: '', word: index };
        runs.push(current);
      }
      current.text += ch;
    }
  });
  const hasKana = runs.some((r) => r.script === 'kana');
  const byLang: Record<string, string[]> = {};
  const lastWord: Record<string, number> = {};
  for (const run of runs) {
    const lang =
      run.script === 'latin'
        ? latinLang
        : run.script === 'hangul'
          ? 'ko'
          : run.script === 'kana' || (run.script === 'han' && hasKana)
            ? 'ja'
            : run.script === 'han'
              ? 'zh'
              : 'und';
    const list = byLang[lang] ?? [];
    // Runs of one word stay joined ("おすすめ度" is kana then Han, one label).
    if (lastWord[lang] === run.word && list.length > 0) list[list.length - 1] += run.text;
    else list.push(run.text);
    byLang[lang] = list;
    lastWord[lang] = run.word;
  }
  const labels: Record<string, string> = {};
  for (const [lang, texts] of Object.entries(byLang)) labels[lang] = texts.join(' ');
  return Object.keys(labels).length > 0 ? labels : null;
}

function isNonScoreLabel(words: string[]): boolean {
  for (const word of words) {
    if (LATIN_NON_SCORE.has(word.toLowerCase())) return true;
    for (const unit of CJK_NON_SCORE) if (word.includes(unit)) return true;
  }
  const last = words[words.length - 1] ?? '';
  const lastChar = [...last].pop() ?? '';
  return CJK_UNIT_END.has(lastChar) || last.startsWith('第');
}

type Token =
  | { kind: 'num'; value: number; text: string }
  | { kind: 'word'; text: string }
  | { kind: 'colon' }
  | { kind: 'pct' }
  | { kind: 'slash' }
  | { kind: 'other' };

const TOKEN = /(\d+(?:\.\d+)?)|([\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*)|([:：])|([%％])|(\/)|(\S)/gu;

function tokenize(segment: string): Token[] {
  const tokens: Token[] = [];
  for (const m of segment.matchAll(TOKEN)) {
    if (m[1] !== undefined) tokens.push({ kind: 'num', value: Number(m[1]), text: m[1] });
    else if (m[2] !== undefined) tokens.push({ kind: 'word', text: m[2] });
    else if (m[3] !== undefined) tokens.push({ kind: 'colon' });
    else if (m[4] !== undefined) tokens.push({ kind: 'pct' });
    else if (m[5] !== undefined) tokens.push({ kind: 'slash' });
    else tokens.push({ kind: 'other' });
  }
  return tokens;
}

type Item = { kind: 'label'; words: string[]; colon: boolean } | { kind: 'score'; value: number; max: number | null };

/** Groups tokens into label runs and numbers (with "/max", "%" or a 分 unit); null when anything else is there. */
function items(tokens: Token[]): Item[] | null {
  const out: Item[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i] as Token;
    if (t.kind === 'num') {
      if (t.text.length > 1 && t.text.startsWith('0') && !t.text.startsWith('0.')) return null;
      let max: number | null = null;
      i++;
      const next = tokens[i];
      if (next?.kind === 'slash') {
        const den = tokens[i + 1];
        if (den?.kind !== 'num' || den.value <= 0) return null;
        max = den.value;
        i += 2;
      } else if (next?.kind === 'pct') {
        max = 100;
        i++;
      } else if (next?.kind === 'word' && (next.text === '分' || next.text === '點' || next.text === '点')) {
        i++;
      }
      out.push({ kind: 'score', value: t.value, max });
    } else if (t.kind === 'word') {
      const last = out[out.length - 1];
      if (last?.kind === 'label' && !last.colon) last.words.push(t.text);
      else out.push({ kind: 'label', words: [t.text], colon: false });
      i++;
    } else if (t.kind === 'colon') {
      const last = out[out.length - 1];
      if (last?.kind !== 'label' || last.colon) return null;
      last.colon = true;
      i++;
    } else {
      return null;
    }
  }
  return out;
}

function plausible(value: number, max: number | null, words: string[], labelFirst: boolean): boolean {
  // "85 Hot 热度" prints one short word per language after the number; longer runs are titles ("12 Dates of Christmas").
  if (words.length > (labelFirst ? 4 : 2) || words.join('').length > 30) return false;
  // A lone Latin letter is a unit or a model name ("3C", "4K", "5G"), not a label.
  if (words.some((w) => w.length === 1 && labelScript(w) === 'latin')) return false;
  if (isNonScoreLabel(words)) return false;
  if (max !== null) return value <= max && max <= 1000;
  if (Number.isInteger(value) && value >= 1900 && value <= 2100) return false;
  return value <= 1000;
}

/** Separators between several scores on one line: "Hot: 85 · Quality: 70". */
const SEGMENT_SEPARATOR = /[·•|｜;；，、]|,(?!\d)|\s[-–—]\s/;

/**
 * Reads the scores in one short line of text. Every piece of the line must take part in a
 * label/number pair, so dates, times, prices and prose yield nothing.
 */
export function parseScoreText(text: string, latinLang = 'en'): ScoreValue[] {
  if (text.length > MAX_SCORE_TEXT) return [];
  const found: ScoreValue[] = [];
  for (const segment of text.split(SEGMENT_SEPARATOR)) {
    const list = items(tokenize(segment));
    if (list === null) return [];
    if (list.length === 0) continue;
    const first = list[0] as Item;
    // Either every number follows its label ("Hot: 85") or every number precedes it ("85 Hot").
    const labelFirst = first.kind === 'label';
    if (list.length % 2 !== 0) return [];
    for (let k = 0; k < list.length; k += 2) {
      const a = list[k] as Item;
      const b = list[k + 1] as Item;
      const label = labelFirst ? a : b;
      const score = labelFirst ? b : a;
      if (label.kind !== 'label' || score.kind !== 'score') return [];
      if (!labelFirst && label.colon) return [];
      if (!plausible(score.value, score.max, label.words, labelFirst)) return [];
      const labels = labelsByScript(label.words, latinLang);
      if (labels === null) return [];
      found.push({ value: score.value, max: score.max, labels });
    }
  }
  return found;
}

function attrHintsNonScore(el: Element): boolean {
  if (tagOf(el) === 'time') return true;
  for (const name of ['class', 'id', 'title', 'itemprop', 'aria-label']) {
    const v = el.getAttribute(name);
    if (v !== null && NON_SCORE_ATTR.test(v)) return true;
  }
  return false;
}

const PROSE_TAGS = new Set(['p', 'blockquote', 'pre', 'li', 'dd', 'td', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Regions around the title that are site chrome, not the article's header. */
const CHROME_TAGS = new Set(['nav', 'aside', 'footer', 'a', 'time', 'button', 'select', 'textarea', 'form']);
const CHROME_CLASS = /comment|sidebar|related|recommend|trending|popular|breadcrumb|menu|(^|[\s_-])nav/i;

function isChrome(el: Element): boolean {
  if (CHROME_TAGS.has(tagOf(el))) return true;
  const cls = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return CHROME_CLASS.test(cls);
}

function textSize(el: Element): number {
  return (el.textContent ?? '').length;
}

/** The title's header region: its nearest ancestor big enough to hold more than the title itself. */
function headerRegion(near: Element): Element | null {
  let region = near.parentElement;
  while (region !== null) {
    const tag = tagOf(region);
    if (tag === 'body' || tag === 'html') return region;
    if (tag === 'article' || tag === 'main' || textSize(region) >= MIN_REGION_TEXT) return region;
    region = region.parentElement;
  }
  return null;
}

/**
 * Elements of the region, in document order, whose text is short enough to be a score line.
 * Scores sit in the article's header: the scan stops once it has passed a few paragraphs of prose
 * after the title, so reaction counts and numbered lists further down stay out.
 */
function* shortElements(area: Element, title: Element): Steps<Element[]> {
  const out: Element[] = [];
  // Every test below reads a size only up to the prose allowed after the title.
  const lengthOf = cappedLengths(MAX_PROSE_BEFORE_SCORES);
  const walk = new ElementWalk(area);
  let afterTitle = false;
  let proseAfterTitle = 0;
  let count = 0;
  for (let el = walk.next(); el !== null; el = walk.next()) {
    if (++count % STEP === 0) yield;
    if (el === title) {
      afterTitle = true;
      continue;
    }
    if (isHidden(el) || isChrome(el)) continue;
    const size = lengthOf(el);
    if (size === 0) continue;
    const prose = PROSE_TAGS.has(tagOf(el));
    if (prose && afterTitle) {
      proseAfterTitle += size;
      if (proseAfterTitle > MAX_PROSE_BEFORE_SCORES) break;
    }
    if (size > MAX_SCORE_TEXT * 3 && prose) continue;
    if (size <= MAX_SCORE_TEXT * 3) out.push(el);
    walk.descend(el);
  }
  return out;
}

/**
 * `textContent` lengths of elements, each counted only up to `cap` (one more means longer): the
 * walk for scores stops soon after the title, so a page's whole text is never measured for it (a
 * 10,000-paragraph article is 3 million characters). Every element's length is kept once known,
 * and a measure stops as soon as it passes the cap, so the walk's measures together read each
 * node once at most, however deep the nesting.
 */
function cappedLengths(cap: number): (el: Element) => number {
  const known = new Map<Element, number>();
  return (el) => {
    const done = known.get(el);
    if (done !== undefined) return done;
    const els: Element[] = [el];
    const cursors: ChildCursor[] = [new ChildCursor(el)];
    const totals: number[] = [0];
    let result = 0;
    while (els.length > 0) {
      const top = els.length - 1;
      const node = (totals[top] as number) > cap ? null : (cursors[top] as ChildCursor).read();
      if (node === null) {
        const size = Math.min(totals.pop() as number, cap + 1);
        known.set(els.pop() as Element, size);
        cursors.pop();
        if (totals.length > 0) totals[totals.length - 1] = (totals[totals.length - 1] as number) + size;
        else result = size;
      } else if (node.nodeType === 3 || node.nodeType === 4) totals[top] = (totals[top] as number) + (node as CharacterData).data.length;
      else if (node.nodeType === 1) {
        const child = known.get(node as Element);
        if (child !== undefined) totals[top] = (totals[top] as number) + child;
        else {
          els.push(node as Element);
          cursors.push(new ChildCursor(node));
          totals.push(0);
        }
      }
    }
    return result;
  };
}

/** The only child of an element that holds nothing else (white space aside), or null. */
function onlyChild(el: Element): Element | null {
  let only: Element | null = null;
  const children = new ChildCursor(el);
  for (let node = children.read(); node !== null; node = children.read()) {
    if (node.nodeType === 1) {
      if (only !== null) return null;
      only = node as Element;
    } else if ((node.nodeType === 3 || node.nodeType === 4) && (node as CharacterData).data.trim() !== '') return null;
  }
  return only;
}

/**
 * Finds site scores (label/number pairs) in the header region around `near` (normally the title).
 * Each score comes from the innermost element holding both its number and its label; bilingual
 * labels ("85 Hot 热度", or "Hot: 85" next to "热度: 85") merge into one score.
 */
export function findScores(doc: Document, near: Element | null): FoundScore[] {
  return runSteps(findScoresSteps(doc, near));
}

/** `findScores` as a pass that yields every few hundred elements (see steps.ts). */
export function* findScoresSteps(doc: Document, near: Element | null): Steps<FoundScore[]> {
  const anchor = near ?? (doc.documentElement ? doc.querySelector('h1') : null);
  if (anchor === null) return [];
  const region = headerRegion(anchor);
  if (region === null) return [];
  const areas: Element[] = [region];
  const regionTag = tagOf(region);
  if (regionTag !== 'body' && regionTag !== 'html') {
    for (const sib of [region.previousElementSibling, region.nextElementSibling]) {
      if (sib !== null && textSize(sib) <= MAX_SIBLING_TEXT) areas.push(sib);
    }
  }
  const found: FoundScore[] = [];
  for (const area of areas) {
    const elements = yield* shortElements(area, anchor);
    const holdsScore = new Set<Element>();
    const inArea: FoundScore[][] = [];
    // Elements nested only inside each other (5,000 wrappers deep) share their text and links: each
    // wrapper takes them from its only child, and a text that holds no score is parsed once, so the
    // scan stays linear however deep the nesting.
    const texts = new Map<Element, string>();
    const linked = new Map<Element, boolean>();
    const hinted = new Map<Element, boolean>();
    const noScore = new Set<string>();
    for (let i = elements.length - 1; i >= 0; i--) {
      if (i % STEP === 0) yield;
      const el = elements[i] as Element;
      if (holdsScore.has(el)) {
        if (el.parentElement !== null) holdsScore.add(el.parentElement);
        continue;
      }
      const child = onlyChild(el);
      const text = (tagOf(el) === 'table' ? byColumn(el) : null) ?? (child !== null ? texts.get(child) : undefined) ?? visibleText(el);
      texts.set(el, text);
      if (text.length === 0 || text.length > MAX_SCORE_TEXT || !/\d/.test(text) || noScore.has(text)) continue;
      // Scores are printed, not linked: numbered links are tables of contents, tag counts, pagers.
      const link =
        child === null
          ? firstDescendantByTag(el, LINK_OR_TIME) !== null
          : LINK_OR_TIME.has(tagOf(child)) || (linked.get(child) ?? firstDescendantByTag(child, LINK_OR_TIME) !== null);
      linked.set(el, link);
      if (link || hintedNonScore(el, area, hinted)) continue;
      const scores = parseScoreText(text, latinHint(el));
      if (scores.length === 0) {
        noScore.add(text);
        continue;
      }
      if (el.parentElement !== null) holdsScore.add(el.parentElement);
      inArea.push(scores.map((s) => ({ ...s, el })));
    }
    for (let i = inArea.length - 1; i >= 0; i--) found.push(...(inArea[i] as FoundScore[]));
  }
  return mergeBilingual(found);
}

const TABLE_ROW = new Set(['tr']);

/**
 * A score table printed as a row of labels over a row of numbers ("Hot 热度 | Quality 质量" over
 * "77 | 69"), read column by column: "Hot 热度 77 · Quality 质量 69". Null for any other table.
 */
function byColumn(table: Element): string | null {
  const rows = descendantsByTag(table, TABLE_ROW);
  if (rows.length !== 2) return null;
  const [labels, numbers] = rows.map((row) => [...row.children].filter((cell) => !isHidden(cell)).map(visibleText));
  if (!labels || !numbers || labels.length !== numbers.length || labels.length === 0) return null;
  if (!numbers.every((n) => /^\d/.test(n))) return null;
  return labels.map((label, i) => `${label} ${numbers[i]}`).join(' · ');
}

function hintedNonScore(el: Element, area: Element, memo: Map<Element, boolean>): boolean {
  const path: Element[] = [];
  let result = false;
  for (let cur: Element | null = el; cur !== null; cur = cur.parentElement) {
    const known = memo.get(cur);
    if (known !== undefined) {
      result = known;
      break;
    }
    path.push(cur);
    if (attrHintsNonScore(cur)) {
      result = true;
      break;
    }
    if (cur === area) break;
  }
  for (const cur of path) memo.set(cur, result);
  return result;
}

/** Joins a score printed once per language ("Hot: 85" then "热度: 85") into one. */
function mergeBilingual(scores: FoundScore[]): FoundScore[] {
  const out: FoundScore[] = [];
  for (const s of scores) {
    const prev = out[out.length - 1];
    if (
      prev !== undefined &&
      prev.value === s.value &&
      (prev.max === s.max || prev.max === null || s.max === null) &&
      Object.keys(s.labels).every((lang) => !(lang in prev.labels))
    ) {
      prev.labels = { ...prev.labels, ...s.labels };
      prev.max = prev.max ?? s.max;
      continue;
    }
    out.push({ ...s, labels: { ...s.labels } });
  }
  return out;
}

/**
 * Whole class names (or ids) of tag chips and tag lists: "tag", "post-tags", "tag-list",
 * "keywords". WordPress's per-tag classes on the article ("tag-george-lucas") do not match.
 * "label" is ambiguous (score labels, form labels), so it counts on links and lists of links only.
 */
const TAG_NAME =
  /^(?:[a-z0-9]+[-_]+)*(?:tags?|keywords?|topics?|hashtags?|taglist|tagcloud)(?:[-_]?(?:list|links?|cloud|items?|chips?|box|wrap|wrapper|container|name))?$/i;
const LINK_TAG_NAME = /^(?:[a-z0-9]+[-_]+)*labels?(?:[-_]?(?:list|links?|items?))?$/i;
/** How many ancestors above the article root are searched for its tag list. */
const MAX_TAG_SCOPE_LEVELS = 3;
/** A tag list holds a few short chips; a bigger element with a tag-like name is something else. */
const MAX_TAG_LIST_TEXT = 600;
const TAG_HREF = /\/(?:tags?|topics?|keywords?|labels?|hashtags?)\/[^/?#]/i;
/** Most words a tag chip holds; longer link texts are calls to action or article links. */
const MAX_TAG_WORDS = 3;

/** Class and id of an element with attributes, read once for both tests below. */
function classAndId(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
}

/** `names`: classAndId(el); every mark is an attribute, so an element without any is never asked. */
function isTagMarked(el: Element, names: string): boolean {
  const tag = tagOf(el);
  const isLink = tag === 'a';
  const rel = el.getAttribute('rel');
  if (rel?.toLowerCase().split(/\s+/).includes('tag')) return true;
  for (const name of names.split(/\s+/)) {
    if (TAG_NAME.test(name)) return true;
    if (LINK_TAG_NAME.test(name) && (isLink || firstDescendantByTag(el, LINK) !== null)) return true;
  }
  if (isLink) {
    // A tag URL linked from running prose is a citation, not a chip.
    const href = el.getAttribute('href');
    if (href !== null && TAG_HREF.test(href) && closestWhere(el, isParagraph) === null) return true;
  }
  return false;
}

const TAG_CHROME = /sidebar|related|recommend|trending|popular|menu|comment|share|social|(^|[\s_-])nav/i;

/** `names`: classAndId(el), or null for an element without attributes. */
function isTagChrome(el: Element, names: string | null): boolean {
  const tag = tagOf(el);
  if (tag === 'nav' || tag === 'aside') return true;
  return names !== null && TAG_CHROME.test(names);
}

/** The one tag a chip stands for: "芯片 芯片" and a chip of identical language spans are one tag. */
function chipText(chip: Element): string | null {
  // A chip printing its name twice in two elements (one per language, "<span>chips</span><span>chips</span>")
  // reads as one word when nothing lies between them: its parts are the elements' texts.
  const parts: string[] = [];
  for (let child = chip.firstElementChild; child !== null; child = child.nextElementSibling) parts.push(visibleText(child));
  const whole = visibleText(chip);
  const bare = (text: string) => text.replace(/\s+/g, '');
  const joined = parts.length >= 2 && bare(parts.join('')) === bare(whole) ? parts.join(' ') : whole;
  let text = joined
    .replace(/^[#＃]+/, '')
    .replace(/\s*[(（]\d+[)）]$/, '')
    .replace(/^[\s,，、;；]+|[\s,，、;；]+$/g, '');
  if (text.length === 0 || text.length > 40 || /[:：]$/.test(text) || !/\p{L}/u.test(text)) return null;
  const words = text.split(' ');
  if (words.length % 2 === 0) {
    const half = words.length / 2;
    const a = words.slice(0, half).join(' ');
    if (a === words.slice(half).join(' ')) text = a;
  }
  return text.split(' ').length > MAX_TAG_WORDS ? null : text;
}

/**
 * Tag chips in the article (or the document when there is none): links and elements marked as
 * tags by class, rel or href. Each tag is listed once, in page order.
 */
export function findTags(doc: Document, root: Element | null): string[] {
  return runSteps(findTagsSteps(doc, root));
}

/** `findTags` as a pass that yields every few hundred elements (see steps.ts). */
export function* findTagsSteps(doc: Document, root: Element | null): Steps<string[]> {
  if (root === null) return doc.documentElement && doc.body ? (yield* tagsIn(doc.body)).tags : [];
  // Tag lists often sit just outside the body container, in the article's footer.
  let scope: Element | null = root;
  let searched: Element | null = null;
  for (let level = 0; scope !== null && level <= MAX_TAG_SCOPE_LEVELS; level++, scope = scope.parentElement) {
    const tag = tagOf(scope);
    if (tag === 'body' || tag === 'html') break;
    const found: { tags: string[]; marked: boolean } = yield* tagsIn(scope, searched);
    if (found.tags.length > 0) return found.tags;
    // A wider scope visits no more of a narrower one than the narrower walk did (its root loses
    // only its exemption from the chrome test): where that walk marked nothing, none is marked.
    searched = found.marked ? null : scope;
  }
  return [];
}

/** Tags under `scope`, leaving out the subtree of `skip`; `marked`: whether any element was marked as a tag. */
function* tagsIn(scope: Element, skip: Element | null = null): Steps<{ tags: string[]; marked: boolean }> {
  const marked: Element[] = [];
  const hasMarkedInside = new Set<Element>();
  const walk = new ElementWalk(scope);
  let count = 0;
  for (let el = walk.next(); el !== null; el = walk.next()) {
    if (++count % STEP === 0) yield;
    if (el === skip) continue;
    const names = el.hasAttributes() ? classAndId(el) : null;
    if (isHidden(el) || (el !== scope && isTagChrome(el, names))) continue;
    if (names !== null && isTagMarked(el, names)) {
      marked.push(el);
      for (let p = el.parentElement; p !== null && p !== scope.parentElement; p = p.parentElement) {
        if (hasMarkedInside.has(p)) break;
        hasMarkedInside.add(p);
      }
    }
    walk.descend(el);
  }
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const el of marked) {
    if (++count % STEP === 0) yield;
    if (hasMarkedInside.has(el) || visibleText(el).length > MAX_TAG_LIST_TEXT) continue;
    const links = descendantsByTag(el, LINK);
    const items = descendantsByTag(el, LIST_ITEM);
    const chips = links.length >= 2 ? links : items.length >= 2 ? items : [el];
    for (const chip of chips) {
      const text = chipText(chip);
      if (text === null) continue;
      const key = text.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      tags.push(text);
    }
  }
  return { tags, marked: marked.length > 0 };
}
