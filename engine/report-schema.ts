import type { PageReport } from './report';

/**
 * A hand-written validator of the page report contract (`shared/report-contract.md`, version 1).
 * Tests use it on every report the engine makes; the popup and reader can use it on a report that
 * crossed a message boundary or came out of storage before rendering it. It reads only the fields
 * the contract names, never calls anything found in the value, and stops listing after
 * MAX_PROBLEMS, so a hostile or huge value costs no more than walking it once.
 *
 * Checked beyond the TypeScript shape (rules the contract states and checkers rely on):
 * - every field present and no other field; numbers finite (JSON keeps them);
 * - texts folded (single spaces, trimmed) and non-empty, except disclosure evidence, which is
 *   "the tag as written";
 * - language tags well-formed BCP 47 (`en`, `zh-Hans`, `und`);
 * - `languages`: unique, shares in [0, 1], largest first, summing to 1 (within rounding);
 * - `bilingual`: `languages` is [] or two different languages, `detected` exactly when two;
 *   layouts from the enum and unique; nothing paired, laid out or untranslated on a page that is
 *   not bilingual; a pair's `a` in languages[0] and `b` in languages[1] (base languages compared,
 *   `zh-Hans` is `zh`), confidence in [0, 1]; untranslated parts in one of the two languages;
 * - `duplicates`: kind from the enum, at least one copy;
 * - `disclosures`: kind and source from the enums, `lang` a tag or null;
 * - `scores`: value ≥ 0, max null or > 0 and ≥ value, at least one label, labels keyed by tag;
 * - `tags`: non-empty, each once;
 * - `title.parts`: at least one, each a piece of the title's text;
 * - `timing.ms` ≥ 0.
 */

/** Problems listed at most; one more line says how many were left out. */
const MAX_PROBLEMS = 50;

const LAYOUTS = new Set(['inline', 'interleaved', 'sequential', 'side-by-side']);
const ROLES = new Set(['heading', 'paragraph', 'quote', 'list-item']);
const DUPLICATE_KINDS = new Set(['exact', 'near', 'truncated']);
const MISMATCH_KINDS = new Set(['number', 'name']);
const DISCLOSURE_KINDS = new Set(['generated', 'assisted', 'summary', 'suspected']);
const DISCLOSURE_SOURCES = new Set(['text', 'meta', 'json-ld', 'attribute']);

/** `und`, or a primary language subtag with optional script/region/variant subtags. */
const LANG_TAG = /^(?:und|[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)$/;

/** Rounded shares may miss 1 by half a unit of the third decimal each. */
const SHARE_ROUNDING = 0.0005;

const REPORT_KEYS = [
  'version',
  'url',
  'title',
  'languages',
  'bilingual',
  'duplicates',
  'truncated',
  'disclosures',
  'scores',
  'tags',
  'article',
  'meta',
  'timing',
] as const;

/** A calendar date, optionally with a time (ISO 8601 as pages write it in meta tags and JSON-LD). */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function base(tag: string): string {
  const dash = tag.indexOf('-');
  return (dash < 0 ? tag : tag.slice(0, dash)).toLowerCase();
}

/** Same folding as `foldSpace` in text.ts (kept local so the validator stands alone in any bundle). */
function folded(text: string): boolean {
  return text === text.replace(/\s+/g, ' ').trim();
}

class Problems {
  readonly list: string[] = [];
  private dropped = 0;

  add(path: string, message: string): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push(`${path}: ${message}`);
    else this.dropped++;
  }

  result(): string[] {
    return this.dropped > 0 ? [...this.list, `… and ${this.dropped} more problems`] : this.list;
  }
}

function shown(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  return `a value of type ${typeof value}`;
}

function exactKeys(p: Problems, path: string, value: Obj, keys: readonly string[]): void {
  for (const key of keys) if (!Object.hasOwn(value, key)) p.add(path, `missing field "${key}"`);
  for (const key of Object.keys(value)) if (!keys.includes(key)) p.add(path, `unknown field "${key}"`);
}

function object(p: Problems, path: string, value: unknown, keys: readonly string[]): Obj | null {
  if (!isObject(value)) {
    p.add(path, `expected an object, got ${shown(value)}`);
    return null;
  }
  exactKeys(p, path, value, keys);
  return value;
}

function array(p: Problems, path: string, value: unknown): unknown[] {
  if (!Array.isArray(value)) {
    p.add(path, `expected an array, got ${shown(value)}`);
    return [];
  }
  return value;
}

function text(p: Problems, path: string, value: unknown, opts: { fold?: boolean; empty?: boolean } = {}): string | null {
  if (typeof value !== 'string') {
    p.add(path, `expected a string, got ${shown(value)}`);
    return null;
  }
  if (!opts.empty && value.length === 0) p.add(path, 'empty text');
  if (opts.fold !== false && !folded(value)) p.add(path, 'text not folded (white space runs, or untrimmed)');
  return value;
}

function lang(p: Problems, path: string, value: unknown): string | null {
  if (typeof value !== 'string') {
    p.add(path, `expected a language tag, got ${shown(value)}`);
    return null;
  }
  if (!LANG_TAG.test(value)) p.add(path, `not a BCP 47 language tag: ${JSON.stringify(value)}`);
  return value;
}

function number(p: Problems, path: string, value: unknown, min: number, max = Number.POSITIVE_INFINITY): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    p.add(path, `expected a finite number, got ${shown(value)}`);
    return null;
  }
  if (value < min || value > max) p.add(path, `${value} outside [${min}, ${max}]`);
  return value;
}

function oneOf(p: Problems, path: string, value: unknown, allowed: ReadonlySet<string>): string | null {
  if (typeof value !== 'string' || !allowed.has(value)) {
    p.add(path, `expected one of ${[...allowed].join(', ')}, got ${shown(value)}`);
    return null;
  }
  return value;
}

function part(p: Problems, path: string, value: unknown): { lang: string | null; text: string | null } | null {
  const o = object(p, path, value, ['lang', 'text']);
  if (!o) return null;
  return { lang: lang(p, `${path}.lang`, o.lang), text: text(p, `${path}.text`, o.text) };
}

function checkTitle(p: Problems, value: unknown): void {
  if (value === null) return;
  const title = object(p, 'title', value, ['text', 'parts']);
  if (!title) return;
  const whole = text(p, 'title.text', title.text);
  const parts = array(p, 'title.parts', title.parts);
  if (Array.isArray(title.parts) && parts.length === 0) p.add('title.parts', 'no part (a title in one language is one part)');
  parts.forEach((item, i) => {
    const got = part(p, `title.parts[${i}]`, item);
    if (got?.text && whole !== null && !whole.includes(got.text)) p.add(`title.parts[${i}].text`, 'not a piece of the title text');
  });
}

function checkLanguages(p: Problems, value: unknown): void {
  const list = array(p, 'languages', value);
  const seen = new Set<string>();
  let sum = 0;
  let previous = Number.POSITIVE_INFINITY;
  list.forEach((item, i) => {
    const path = `languages[${i}]`;
    const o = object(p, path, item, ['lang', 'share']);
    if (!o) return;
    const tag = lang(p, `${path}.lang`, o.lang);
    if (tag !== null) {
      if (seen.has(tag)) p.add(`${path}.lang`, `${tag} listed twice`);
      seen.add(tag);
    }
    const share = number(p, `${path}.share`, o.share, 0, 1);
    if (share === null) return;
    if (share > previous) p.add(`${path}.share`, 'languages not sorted largest share first');
    previous = share;
    sum += share;
  });
  if (list.length > 0 && Math.abs(sum - 1) > SHARE_ROUNDING * list.length + 1e-9) {
    p.add('languages', `shares sum to ${sum}, not 1`);
  }
}

function checkBilingual(p: Problems, value: unknown): void {
  const b = object(p, 'bilingual', value, ['detected', 'languages', 'layouts', 'pairs', 'untranslated', 'mismatches']);
  if (!b) return;
  if (typeof b.detected !== 'boolean') p.add('bilingual.detected', `expected a boolean, got ${shown(b.detected)}`);
  const langs = array(p, 'bilingual.languages', b.languages).map((tag, i) => lang(p, `bilingual.languages[${i}]`, tag));
  if (langs.length !== 0 && langs.length !== 2) p.add('bilingual.languages', `expected none or two languages, got ${langs.length}`);
  const [first, second] = langs;
  if (langs.length === 2 && first && second && base(first) === base(second)) {
    p.add('bilingual.languages', `the two languages are one: ${first}, ${second}`);
  }
  const detected = langs.length === 2;
  if (typeof b.detected === 'boolean' && b.detected !== detected) {
    p.add('bilingual.detected', `${b.detected} with ${langs.length} languages`);
  }

  const layouts = array(p, 'bilingual.layouts', b.layouts);
  const seenLayouts = new Set<string>();
  layouts.forEach((item, i) => {
    const layout = oneOf(p, `bilingual.layouts[${i}]`, item, LAYOUTS);
    if (layout === null) return;
    if (seenLayouts.has(layout)) p.add(`bilingual.layouts[${i}]`, `${layout} listed twice`);
    seenLayouts.add(layout);
  });
  const pairs = array(p, 'bilingual.pairs', b.pairs);
  const untranslated = array(p, 'bilingual.untranslated', b.untranslated);
  if (!detected) {
    if (layouts.length > 0) p.add('bilingual.layouts', 'layouts on a page that is not bilingual');
    if (pairs.length > 0) p.add('bilingual.pairs', 'pairs on a page that is not bilingual');
    if (untranslated.length > 0) p.add('bilingual.untranslated', 'untranslated paragraphs on a page that is not bilingual');
  }

  pairs.forEach((item, i) => {
    const path = `bilingual.pairs[${i}]`;
    const pair = object(p, path, item, ['a', 'b', 'confidence']);
    if (!pair) return;
    const a = part(p, `${path}.a`, pair.a);
    const bb = part(p, `${path}.b`, pair.b);
    number(p, `${path}.confidence`, pair.confidence, 0, 1);
    if (first && a?.lang && base(a.lang) !== base(first)) p.add(`${path}.a.lang`, `${a.lang} is not ${first}`);
    if (second && bb?.lang && base(bb.lang) !== base(second)) p.add(`${path}.b.lang`, `${bb.lang} is not ${second}`);
  });
  const mismatches = array(p, 'bilingual.mismatches', b.mismatches);
  if (!detected && mismatches.length > 0) p.add('bilingual.mismatches', 'mismatches on a page that is not bilingual');
  mismatches.forEach((item, i) => {
    const path = `bilingual.mismatches[${i}]`;
    const m = object(p, path, item, ['a', 'b', 'kind', 'detail']);
    if (!m) return;
    part(p, `${path}.a`, m.a);
    part(p, `${path}.b`, m.b);
    oneOf(p, `${path}.kind`, m.kind, MISMATCH_KINDS);
    const detail = object(p, `${path}.detail`, m.detail, ['a', 'b']);
    if (detail) {
      text(p, `${path}.detail.a`, detail.a);
      text(p, `${path}.detail.b`, detail.b);
    }
  });
  untranslated.forEach((item, i) => {
    const path = `bilingual.untranslated[${i}]`;
    const got = part(p, path, item);
    if (got?.lang && first && second && base(got.lang) !== base(first) && base(got.lang) !== base(second)) {
      p.add(`${path}.lang`, `${got.lang} is neither ${first} nor ${second}`);
    }
  });
}

function checkDuplicates(p: Problems, value: unknown): void {
  array(p, 'duplicates', value).forEach((item, i) => {
    const path = `duplicates[${i}]`;
    const d = object(p, path, item, ['kind', 'kept', 'copies']);
    if (!d) return;
    oneOf(p, `${path}.kind`, d.kind, DUPLICATE_KINDS);
    text(p, `${path}.kept`, d.kept);
    const copies = array(p, `${path}.copies`, d.copies);
    if (Array.isArray(d.copies) && copies.length === 0) p.add(`${path}.copies`, 'a duplicate group without copies');
    copies.forEach((copy, c) => {
      text(p, `${path}.copies[${c}]`, copy);
    });
  });
}

function checkTruncated(p: Problems, value: unknown): void {
  array(p, 'truncated', value).forEach((item, i) => {
    const t = object(p, `truncated[${i}]`, item, ['text']);
    if (t) text(p, `truncated[${i}].text`, t.text);
  });
}

function checkDisclosures(p: Problems, value: unknown): void {
  array(p, 'disclosures', value).forEach((item, i) => {
    const path = `disclosures[${i}]`;
    const d = object(p, path, item, ['kind', 'source', 'evidence', 'lang']);
    if (!d) return;
    oneOf(p, `${path}.kind`, d.kind, DISCLOSURE_KINDS);
    oneOf(p, `${path}.source`, d.source, DISCLOSURE_SOURCES);
    // The evidence is "the sentence, or the tag as written": markup keeps its own white space.
    const evidence = text(p, `${path}.evidence`, d.evidence, { fold: false });
    if (evidence !== null && evidence.trim().length === 0) p.add(`${path}.evidence`, 'blank evidence');
    if (d.lang !== null) lang(p, `${path}.lang`, d.lang);
  });
}

function checkScores(p: Problems, value: unknown): void {
  array(p, 'scores', value).forEach((item, i) => {
    const path = `scores[${i}]`;
    const s = object(p, path, item, ['value', 'max', 'labels']);
    if (!s) return;
    const v = number(p, `${path}.value`, s.value, 0);
    if (s.max !== null) {
      const max = number(p, `${path}.max`, s.max, Number.MIN_VALUE);
      if (max !== null && v !== null && v > max) p.add(`${path}.value`, `${v} above its max ${max}`);
    }
    if (!isObject(s.labels)) {
      p.add(`${path}.labels`, `expected an object, got ${shown(s.labels)}`);
      return;
    }
    const entries = Object.entries(s.labels);
    if (entries.length === 0) p.add(`${path}.labels`, 'a score without a label');
    for (const [key, label] of entries) {
      lang(p, `${path}.labels key`, key);
      text(p, `${path}.labels.${key}`, label);
    }
  });
}

function checkTags(p: Problems, value: unknown): void {
  const seen = new Set<string>();
  array(p, 'tags', value).forEach((item, i) => {
    const tag = text(p, `tags[${i}]`, item);
    if (tag === null) return;
    if (seen.has(tag)) p.add(`tags[${i}]`, `${JSON.stringify(tag)} listed twice`);
    seen.add(tag);
  });
}

function checkArticle(p: Problems, value: unknown): void {
  const article = object(p, 'article', value, ['blocks']);
  if (!article) return;
  array(p, 'article.blocks', article.blocks).forEach((item, i) => {
    const path = `article.blocks[${i}]`;
    const block = object(p, path, item, ['role', 'lang', 'text']);
    if (!block) return;
    oneOf(p, `${path}.role`, block.role, ROLES);
    lang(p, `${path}.lang`, block.lang);
    text(p, `${path}.text`, block.text);
  });
}

function checkMeta(p: Problems, value: unknown): void {
  const meta = object(p, 'meta', value, ['site', 'byline', 'published']);
  if (!meta) return;
  for (const key of ['site', 'byline'] as const) if (meta[key] !== null) text(p, `meta.${key}`, meta[key]);
  if (meta.published !== null && (typeof meta.published !== 'string' || !ISO_DATE.test(meta.published))) {
    p.add('meta.published', `expected an ISO 8601 date or null, got ${shown(meta.published)}`);
  }
}

/**
 * Problems of `value` as a version 1 page report, one line each ("path: what is wrong"); empty
 * when it satisfies the contract.
 */
export function validateReport(value: unknown): string[] {
  const p = new Problems();
  const report = object(p, 'report', value, REPORT_KEYS);
  if (!report) return p.result();
  if (report.version !== 1) p.add('version', `expected 1, got ${shown(report.version)}`);
  if (report.url !== null && typeof report.url !== 'string') p.add('url', `expected a string or null, got ${shown(report.url)}`);
  checkTitle(p, report.title);
  checkLanguages(p, report.languages);
  checkBilingual(p, report.bilingual);
  checkDuplicates(p, report.duplicates);
  checkTruncated(p, report.truncated);
  checkDisclosures(p, report.disclosures);
  checkScores(p, report.scores);
  checkTags(p, report.tags);
  checkArticle(p, report.article);
  checkMeta(p, report.meta);
  const timing = object(p, 'timing', report.timing, ['ms']);
  if (timing) number(p, 'timing.ms', timing.ms, 0);
  return p.result();
}

/** True when `value` satisfies the report contract (see `validateReport` for the problems). */
export function isPageReport(value: unknown): value is PageReport {
  return validateReport(value).length === 0;
}
