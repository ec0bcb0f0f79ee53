import { ANY_AGENT, CAUTION, HANS_ONLY, HANT_ONLY, type LanguageRules, NOTICE_PREFIX, RULES } from './disclosure-patterns';
import { baseLanguage } from './lang-tags';
import type { Disclosure, DisclosureKind } from './report';

// Machine-readable labels are read from the DOM in the content script, which must not load the
// text matching here; callers of this module keep finding them here.
export * from './labels';

export interface DisclosureBlock {
  text: string;
  lang: string;
  el?: Element | null;
  /** Set by callers that have no element: the block stands inside a quotation. */
  quoted?: boolean;
}

/** A statement longer than this is prose, not a disclosure; skipping it keeps the cost bounded. */
const MAX_SENTENCE = 600;
/** A notice with no explicit self-reference must stand in a short block (a badge, a footer line). */
const MAX_NOTICE_BLOCK = 300;
/**
 * In a longer block only the sentences this close to its start or end are read: a disclosure
 * opens or closes a text (CAC Measures art. 4: start, end or a prominent position), while the
 * middle of a long block is the article's own prose. This also bounds the work per block.
 */
const EDGE = 1000;
/** Quotations longer than this are treated as a stray quotation mark. */
const MAX_QUOTE = 400;
/** Largest gaps, in characters, between self-reference, agent and verb. */
const GAP = { spaced: { core: 60, self: 60, after: 30 }, cjk: { core: 14, self: 24, after: 0 } } as const;

interface Span {
  start: number;
  end: number;
}

const QUOTE_PAIRS: Record<string, string> = {
  '"': '"',
  '“': '”',
  '„': '“”',
  '«': '»',
  '‹': '›',
  '「': '」',
  '『': '』',
  '《': '》',
  '﹁': '﹂',
};

const QUOTE_CHARS = /["“”„«»‹›「」『』《》﹁﹂]/g;

/** Quoted stretches of `text`, in one pass; an opener left unclosed within MAX_QUOTE is ignored. */
function quotedSpans(text: string): Span[] {
  const spans: Span[] = [];
  let closers = '';
  let open = -1;
  QUOTE_CHARS.lastIndex = 0;
  for (let m = QUOTE_CHARS.exec(text); m !== null; m = QUOTE_CHARS.exec(text)) {
    const ch = m[0];
    if (open >= 0 && m.index - open > MAX_QUOTE) open = -1;
    if (open >= 0) {
      if (closers.includes(ch)) {
        spans.push({ start: open, end: m.index + 1 });
        open = -1;
      }
      continue;
    }
    const closer = QUOTE_PAIRS[ch];
    if (closer !== undefined) {
      closers = closer;
      open = m.index;
    }
  }
  return spans;
}

function inSpans(spans: readonly Span[], pos: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid] as Span;
    if (pos < span.start) hi = mid - 1;
    else if (pos >= span.end) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Sentence ends: CJK stops and line breaks anywhere, Latin stops before white space or the end. */
const SENTENCE_END = /[。！？；\n؟]|[.!?;](?=\s|$)/g;

function sentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m !== null; m = SENTENCE_END.exec(text)) {
    spans.push({ start, end: m.index + 1 });
    start = m.index + 1;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}

/** A negative lookbehind on one character class, as the patterns open their words with. */
const LOOKBEHIND = /\(\?<!\[[^\]]*\]\)/g;
const quickTests = new Map<RegExp, RegExp | null>();

/**
 * The pattern without its lookbehinds, as a test that must pass for the pattern to match (dropping
 * an assertion only widens what matches). A lookbehind opening the pattern is checked at every
 * position of the text, which made these scans three to six times slower than the same words
 * alone; most sentences hold none of the words, and the quick test says so.
 */
function quickTestOf(re: RegExp): RegExp | null {
  let quick = quickTests.get(re);
  if (quick === undefined) {
    const source = re.source.replace(LOOKBEHIND, '');
    quick = source === re.source ? null : new RegExp(source, re.flags.replace('g', ''));
    quickTests.set(re, quick);
  }
  return quick;
}

/**
 * Every language's self-reference at once, without lookbehinds and in any case: wider than each
 * rule's own, so a sentence it misses holds no self-reference in any language, and unless a notice
 * implies one, none of the rules can match it. One test instead of one per language.
 */
const ANY_SELF = new RegExp(RULES.map((rules) => `(?:${rules.self.source.replace(LOOKBEHIND, '')})`).join('|'), 'iu');

function hits(re: RegExp, text: string): Span[] {
  const out: Span[] = [];
  if (quickTestOf(re)?.test(text) === false) return out;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** "AI Weekly", "AI Evaluation 101": an acronym starting a proper name is not an agent. */
const NAME_AFTER = /^ ?[A-Z][a-z]/;
const TOOL_AFTER = /^ ?(?:Tools?|Technology|Models?|Assistants?|Systems?|Software)\b/;

function agents(rules: LanguageRules, s: string): Span[] {
  const named = hits(rules.acronym, s).filter((hit) => {
    const after = s.slice(hit.end, hit.end + 16);
    return !NAME_AFTER.test(after) || TOOL_AFTER.test(after);
  });
  return [...hits(rules.agent, s), ...named];
}

/** True when `gap` holds only linking words: the pieces it joins form one statement. */
function linked(rules: LanguageRules, gap: string): boolean {
  const stripped = gap.replace(rules.self, ' ');
  if (rules.link instanceof RegExp) return stripped.replace(rules.link, '').length === 0;
  const link = rules.link;
  return stripped
    .toLowerCase()
    .split(/[\s'’,-]+/)
    .every((token) => token === '' || link.has(token));
}

/** CJK statements put the topic first; this checks that the words before the statement stay on it. */
function cjkTopicKept(rules: LanguageRules, gap: string): boolean {
  return !/[《》“”"「」]/.test(gap) && !(rules.topic?.test(gap) ?? false);
}

interface Match {
  start: number;
  end: number;
  kind: DisclosureKind;
  lang: string;
}

function kindOf(rules: LanguageRules, scope: string): DisclosureKind {
  if (rules.hedge.test(scope)) return 'suspected';
  if (rules.summary.test(scope)) return 'summary';
  if (rules.assist.test(scope)) return 'assisted';
  return 'generated';
}

interface Notice {
  /** The sentence is a notice (prefix or caution) in a short block: it refers to the page implicitly. */
  implied: boolean;
  /** Where the text after a "Disclaimer:"-style prefix starts. */
  end: number;
}

/** `cautioned`: the short block holds a caution ("for reference only"), which only makes sense about itself. */
function noticeOf(s: string, cautioned: boolean, shortBlock: boolean): Notice {
  const prefix = NOTICE_PREFIX.exec(s);
  return { implied: shortBlock && (prefix !== null || cautioned), end: prefix ? prefix[0].length : 0 };
}

function matchSentence(rules: LanguageRules, s: string, notice: Notice): { kind: DisclosureKind; at: number } | null {
  const implied = notice.implied;
  const selfHits = hits(rules.self, s);
  if (selfHits.length === 0 && !implied) return null;
  const verbHits = hits(rules.verb, s);
  if (verbHits.length === 0) return null;
  const agentHits = agents(rules, s);
  if (agentHits.length === 0) return null;
  const gaps = GAP[rules.script];

  for (const a of agentHits) {
    for (const v of verbHits) {
      if (a.start < v.end && v.start < a.end) continue;
      const first = a.start < v.start ? a : v;
      const second = first === a ? v : a;
      const coreGap = s.slice(first.end, second.start);
      if (coreGap.length > gaps.core || !linked(rules, coreGap)) continue;
      const core = { start: first.start, end: second.end };
      const from = subjectStart(rules, s, selfHits, core, implied, notice.end);
      if (from === null) continue;
      if (rules.reported.test(s.slice(0, from))) continue;
      // In verb-final sentences a topic verb after the statement makes it a modifier ("…について解説します").
      if (rules.negationTail > 0 && (rules.topic?.test(s.slice(core.end)) ?? false)) continue;
      const negFrom = rules.script === 'cjk' ? Math.max(0, from - 6) : 0;
      const scopeEnd = Math.min(s.length, core.end + rules.negationTail);
      if (rules.negation.test(s.slice(negFrom, scopeEnd))) continue;
      const selfEnd = selfHits.reduce((end, h) => (h.start <= core.end + gaps.after && h.end > end ? h.end : end), core.end);
      return { kind: kindOf(rules, s.slice(0, Math.max(scopeEnd, selfEnd))), at: core.start };
    }
  }
  return null;
}

/** Where the statement's subject starts, or null when nothing ties the statement to the page itself. */
function subjectStart(
  rules: LanguageRules,
  s: string,
  selfHits: readonly Span[],
  core: Span,
  implied: boolean,
  noticeEnd: number,
): number | null {
  const gaps = GAP[rules.script];
  for (const h of selfHits) {
    if (h.start < core.end && core.start < h.end) return Math.min(h.start, core.start);
    if (h.end <= core.start) {
      const gap = s.slice(h.end, core.start);
      if (gap.length > gaps.self) continue;
      if (rules.script === 'cjk' ? cjkTopicKept(rules, gap) : linked(rules, gap)) return h.start;
    } else if (gaps.after > 0 && h.start >= core.end) {
      const gap = s.slice(core.end, h.start);
      if (gap.length <= gaps.after && linked(rules, gap)) return core.start;
    }
  }
  if (implied && core.start >= noticeEnd) {
    const lead = s.slice(noticeEnd, core.start);
    if (lead.length <= gaps.self && linked(rules, lead.replace(rules.hedge, ' '))) return core.start;
  }
  return null;
}

const KANA = /[\u3040-\u30ff]/;
const HANGUL = /[\uac00-\ud7af]/;
const HAN = /[\u4e00-\u9fff]/;

function applicable(rules: LanguageRules, s: string): boolean {
  switch (rules.lang) {
    case 'zh':
      return HAN.test(s) && !KANA.test(s) && !HANGUL.test(s);
    case 'ja':
      return KANA.test(s);
    case 'ko':
      return HANGUL.test(s);
    default:
      return true;
  }
}

function statementLang(rules: LanguageRules, blockLang: string, s: string): string {
  if (baseLanguage(blockLang) === rules.lang) return blockLang;
  if (rules.lang !== 'zh') return rules.lang;
  if (HANT_ONLY.test(s) && !HANS_ONLY.test(s)) return 'zh-Hant';
  if (HANS_ONLY.test(s) && !HANT_ONLY.test(s)) return 'zh-Hans';
  return 'zh';
}

function isQuoted(block: DisclosureBlock): boolean {
  return block.quoted === true || (block.el?.closest('blockquote, q') ?? null) !== null;
}

function sentenceMatch(s: string, blockLang: string, cautioned: boolean, shortBlock: boolean): (Omit<Match, 'start' | 'end'> & { at: number }) | null {
  if (!ANY_AGENT.test(s.toLowerCase()) || /[?？؟]$/.test(s)) return null;
  const notice = noticeOf(s, cautioned, shortBlock);
  if (!notice.implied && !ANY_SELF.test(s)) return null;
  for (const rules of RULES) {
    if (!applicable(rules, s)) continue;
    const m = matchSentence(rules, s, notice);
    if (m !== null) return { kind: m.kind, at: m.at, lang: statementLang(rules, blockLang, s) };
  }
  return null;
}

/** Sentences already matched on the page, by what else the match depends on (block language, notice context). */
type SentenceMemo = Map<string, Map<string, ReturnType<typeof sentenceMatch>>>;

function blockMatches(block: DisclosureBlock, memos: SentenceMemo): Match[] {
  const text = block.text;
  // Quotations matter only where a statement matched, which most blocks never hold.
  let quotes: Span[] | null = null;
  const shortBlock = text.length <= MAX_NOTICE_BLOCK;
  const cautioned = shortBlock && CAUTION.test(text);
  // Pages repeat sentences (boilerplate, a summary copied from the body); each distinct sentence
  // is analysed once per context.
  const context = `${block.lang} ${cautioned} ${shortBlock}`;
  let memo = memos.get(context);
  if (!memo) {
    memo = new Map();
    memos.set(context, memo);
  }
  const found: Match[] = [];
  for (const span of sentences(text)) {
    if (span.end - span.start > MAX_SENTENCE) continue;
    if (span.start > EDGE && span.end < text.length - EDGE) continue;
    const raw = text.slice(span.start, span.end);
    const s = raw.trim();
    if (s.length === 0) continue;
    let m = memo.get(s);
    if (m === undefined) {
      m = sentenceMatch(s, block.lang, cautioned, shortBlock);
      memo.set(s, m);
    }
    if (m === null) continue;
    const start = span.start + raw.length - raw.trimStart().length;
    quotes ??= quotedSpans(text);
    if (inSpans(quotes, start + m.at)) continue;
    found.push({ start, end: start + s.length, kind: m.kind, lang: m.lang });
  }
  return found;
}

/**
 * Statements in the page's text that the page itself, or a part of it, is AI-generated, AI-assisted,
 * an AI summary or suspected AI. One disclosure per block and kind: a notice written twice in two
 * languages within one element is one disclosure, in the language of its first statement.
 */
export function findTextDisclosures(blocks: readonly DisclosureBlock[]): { disclosure: Disclosure; block: number }[] {
  const out: { disclosure: Disclosure; block: number }[] = [];
  const memos: SentenceMemo = new Map();
  blocks.forEach((block, index) => {
    if (!ANY_AGENT.test(block.text.toLowerCase()) || isQuoted(block)) return;
    const byKind = new Map<DisclosureKind, Match>();
    for (const m of blockMatches(block, memos)) {
      const seen = byKind.get(m.kind);
      if (seen) seen.end = m.end;
      else byKind.set(m.kind, { ...m });
    }
    const merged = [...byKind.values()].sort((x, y) => x.start - y.start);
    for (const m of merged) {
      out.push({
        disclosure: { kind: m.kind, source: 'text', evidence: block.text.slice(m.start, m.end), lang: m.lang },
        block: index,
      });
    }
  });
  return out;
}
