import { agentPatterns } from './ai-names';
import { type Lexicon, LEXICONS } from './disclosure-lexicon';
import type { DisclosureKind } from './report';
import { scriptOf, WORD_LETTER_CLASS } from './writing-systems';

/**
 * Compositional detection of AI notices in any language of `disclosure-lexicon.ts`: a sentence is
 * a notice when it holds an AI agent joined to a production relation (generated, translated by,
 * with the help of) and, near them, a self-reference to the page (this summary, the output here),
 * in any order, with no negation and no topic word around them. A short element standing alone
 * needs no self-reference when it is a label ("Captioned by AI", "KI-generiert") or a byline
 * crediting an AI ("Explanation by AI", "Summary by … AI"): standing beside the content is how it
 * refers to it.
 */

export interface Composed {
  kind: DisclosureKind;
  lang: string;
  /** Where the statement starts in the sentence. */
  at: number;
}

interface Span {
  start: number;
  end: number;
}

/** Languages written in Han characters, where a participle follows its agent closely (see `tight`). */
const HAN_WRITTEN = new Set(['zh', 'ja']);
/** Scripts written without spaces between words: their entries match anywhere. */
const UNSPACED = new Set(['th', 'km', 'lo', 'my', 'zh', 'ja']);
/** Letters, marks (Indic vowel signs) and digits: what may not touch a word on either side. */
const W = `${WORD_LETTER_CLASS}0-9_`;

const escapeEntry = (entry: string) => entry.replace(/[.+?^${}()[\]\\/*]/g, '\\$&').replace(/ /g, '\\s+');
const LETTERS = `[${WORD_LETTER_CLASS}]*`;

/**
 * One alternation of a `|`-separated list: the stems (`generat*`) share one letter run after
 * them, a Unicode class V8 would otherwise compile once per stem (seconds for all languages).
 */
function alternatives(list: string): string {
  const entries = list.split('|').filter(Boolean);
  const stems = entries.filter((e) => e.endsWith('*') && !e.slice(0, -1).includes('*')).map((e) => escapeEntry(e.slice(0, -1)));
  const inner = entries.filter((e) => e.slice(0, -1).includes('*')).map((e) => e.split('*').map(escapeEntry).join(LETTERS));
  // Longest first: an alternation takes the first word that matches ("создан" inside "создана").
  const words = entries
    .filter((e) => !e.includes('*'))
    .sort((a, b) => b.length - a.length)
    .map(escapeEntry);
  const parts = [...inner, ...words];
  if (stems.length > 0) parts.unshift(`(?:${stems.join('|')})${LETTERS}`);
  return parts.join('|');
}

interface Words {
  self: RegExp;
  /** The demonstrative alone opening the sentence, as a subject ("This was generated …"). */
  pronoun: RegExp | null;
  rel: RegExp;
  by: RegExp;
  /** The instrumental by-words (`Lexicon.tool`). */
  tool: RegExp | null;
  credit: RegExp | null;
  of: RegExp | null;
  noun: RegExp;
  neg: RegExp;
  topic: RegExp | null;
  summary: RegExp;
  assist: RegExp;
  hedge: RegExp | null;
  /** An opening participle, with a lead adverb or a content noun before it (`Lexicon.opening`). */
  opening: RegExp | null;
  follow: RegExp | null;
  checked: RegExp | null;
  /** A tool's output or a page's apparatus opening the sentence as its subject (`Lexicon.output`, `subject`). */
  output: RegExp | null;
  people: RegExp | null;
  /** The act's noun at the end of a relation word (`Lexicon.action`). */
  action: RegExp | null;
}

interface Compiled extends Words {
  lex: Lexicon;
  /**
   * Any relation word, without boundaries (`quickRelations`): a lookbehind opening a pattern is
   * tried at every position, while a bare alternation is skipped over quickly; `hasRelation`
   * checks the boundaries.
   */
  quick: RegExp;
  /** Whether relation words must stand as whole words (spaced scripts). */
  bounded: boolean;
}

/**
 * A language's relation words as literals, for `hasRelation`: a stem (`generat*`, `sztuczn*
 * inteligencj*`) up to its first ending in group 1, whole words in group 2. No Unicode class:
 * V8 builds one for each pattern that holds it, and every language of a script is tried on a
 * sentence, while few pass this test and need their exact patterns.
 */
function quickRelations(list: string): RegExp {
  const entries = list.split('|').filter(Boolean);
  const stems = [...new Set(entries.filter((e) => e.includes('*')).map((e) => escapeEntry(e.slice(0, e.indexOf('*')))))];
  const words = entries.filter((e) => !e.includes('*')).sort((a, b) => b.length - a.length).map(escapeEntry);
  return new RegExp(`(${stems.join('|') || '(?!)'})|(${words.join('|') || '(?!)'})`, 'g');
}

/** How to build each pattern of one language. */
function builders(lex: Lexicon): { [K in keyof Words]: () => Words[K] } {
  const unspaced = UNSPACED.has(lex.lang);
  // Korean writes particles and endings onto its words ("소개합니다"): its words match inside others.
  const bounded = !unspaced && lex.glued !== true;
  // Matched against lower-cased text, without the i flag: V8 builds case-insensitive Unicode
  // classes slowly, and these patterns are many.
  const wrap = (source: string, flags = 'gu') => new RegExp(bounded ? `(?<![${W}])(?:${source})(?![${W}])` : `(?:${source})`, flags);
  const trailing = (source: string) => (lex.glued ? new RegExp(`(?:${source})(?![${W}])`, 'gu') : wrap(source));
  const optional = (list: string | undefined, flags?: string) => () => (list ? wrap(alternatives(list), flags) : null);
  const gap = unspaced ? '\\s?' : `\\s+(?:[^\\s.!?;:]+\\s+){0,2}?`;
  return {
    self: () => {
      // Without spaces, a one-letter demonstrative that is no pronoun also ends words: "本" in
      // "文本" (text), "日本", "成本"; it opens a self-reference only after no letter.
      const pronouns = new Set((lex.pronoun ?? '').split('|'));
      const closes = (d: string) => unspaced && [...d].length === 1 && !pronouns.has(d);
      const free = lex.dem.split('|').filter((d) => !closes(d));
      const bound = lex.dem.split('|').filter(closes);
      const dem = [alternatives(free.join('|')), ...(bound.length > 0 ? [`(?<![${W}])(?:${alternatives(bound.join('|'))})`] : [])].join('|');
      const noun = alternatives(lex.noun);
      const deixis = lex.deixis ? `|${alternatives(lex.deixis)}` : '';
      // Without spaces, a noun before a one-letter demonstrative is a word of its own: "文本"
      // (text) is not "文" + "本" (this); "内容以上" is read after its noun.
      const after = unspaced ? lex.dem.split('|').filter((d) => [...d].length > 1).join('|') : lex.dem;
      const reversed = after === '' ? '' : `|(?:${noun})${gap}(?:${alternatives(after)})`;
      return wrap(`(?:${dem})${gap}(?:${noun})${reversed}${deixis}`);
    },
    pronoun: () => (lex.pronoun ? new RegExp(`^[\\p{P}\\s]*(?:${alternatives(lex.pronoun)})(?=\\s)`, 'u') : null),
    rel: () => wrap(alternatives(lex.rel)),
    by: () => trailing(alternatives(lex.by)),
    tool: () => (lex.tool ? trailing(alternatives(lex.tool)) : null),
    credit: optional(lex.credit),
    of: optional(lex.of),
    noun: () => wrap(alternatives(lex.noun)),
    neg: () => wrap(alternatives(lex.neg), 'u'),
    topic: optional(lex.topic, 'u'),
    summary: () => wrap(alternatives(lex.summary), 'u'),
    assist: () => wrap(alternatives(lex.assist), 'u'),
    hedge: optional(lex.hedge, 'u'),
    opening: () =>
      lex.opening ? new RegExp(`^[\\p{P}\\s]*(?:(?:${alternatives(lex.opening.lead)}|${alternatives(lex.noun)})\\s+)?(?:${alternatives(lex.rel)})(?![${W}])`, 'u') : null,
    follow: () => (lex.opening ? new RegExp(`^(?:[^\\s,;:]+\\s+)?(?:${alternatives(lex.opening.follow)})(?![${W}])`, 'u') : null),
    output: () => {
      const subjects = [lex.output, lex.subject ?? lex.credit].filter((list) => list !== undefined).join('|');
      if (subjects === '') return null;
      const article = lex.article ? `(?:(?:${alternatives(lex.article)})\\s*)?` : '';
      return new RegExp(`^[\\p{P}\\s]*${article}(?:${alternatives(subjects)})${bounded ? `(?![${W}])` : ''}`, 'u');
    },
    people: optional(lex.people),
    action: () => (lex.action ? new RegExp(`(?:${alternatives(lex.action)})$`, 'u') : null),
    checked: () => (lex.opening ? new RegExp(`^(?:and\\s+)?(?:${alternatives(lex.opening.checked)}|${alternatives(lex.rel)})(?![${W}])`, 'u') : null),
  };
}

/**
 * A language's patterns, each built when first used: V8 compiles a pattern with Unicode classes
 * in about a millisecond, a label or a sentence needs few of them, and a page few languages.
 */
function compile(lex: Lexicon): Compiled {
  const make = builders(lex);
  const c = { lex, bounded: !(UNSPACED.has(lex.lang) || lex.glued === true) } as Compiled;
  const once = <K extends keyof Compiled>(key: K, build: () => Compiled[K]) =>
    Object.defineProperty(c, key, {
      configurable: true,
      get() {
        const value = build();
        Object.defineProperty(c, key, { value });
        return value;
      },
    });
  for (const key of Object.keys(make) as (keyof Words)[]) once(key, make[key]);
  once('quick', () => quickRelations(`${lex.rel}|${lex.by}`));
  return c;
}

let compiled: Compiled[] | null = null;

function lexicons(): Compiled[] {
  compiled ??= LEXICONS.map(compile);
  return compiled;
}

function hits(re: RegExp, text: string): Span[] {
  const out: Span[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null && out.length < 16; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Languages that write every noun capitalised: a capital after a word marks a noun phrase. */
const NOUNS_CAPITALISED = new Set(['de']);
/** An attributive participle's inflection ("KI-gestütztes Produktionsteam"); a predicate's is bare ("wurde … erstellt"). */
const INFLECTED = /(?:e|es|er|en|em)$/u;

/**
 * The production participles of `low` (`s` as written): without the act's nouns ("spracovanie",
 * `Lexicon.action`) and, where nouns are capitalised, without a participle inflected as the
 * attribute of a noun no lexicon lists ("ein KI-gestütztes Produktionsteam", an AI-powered team):
 * that names a kind of thing, it says nothing about what made the page.
 */
function participlesOf(c: Compiled, s: string, low: string): Span[] {
  const out = hits(c.rel, low).filter((p) => c.action === null || !c.action.test(low.slice(p.start, p.end)));
  if (!NOUNS_CAPITALISED.has(c.lex.lang)) return out;
  return out.filter((p) => {
    if (!INFLECTED.test(low.slice(p.start, p.end))) return true;
    const next = /^\s+(\p{Lu}[\p{L}-]*)/u.exec(s.slice(p.end));
    return next === null || hits(c.noun, (next[1] as string).toLowerCase()).length > 0;
  });
}

/** AI products by name, as opposed to the generic acronyms (AI, KI, IA …) and spelled names. */
const PRODUCT = /^(?:ChatGPT|GPT|Claude|Gemini|Copilot|Llama|DeepSeek|Mistral|Qwen|Kimi|Grok|Midjourney|DALL|Stable Diffusion|DeepL)/;

/** "Claude Monet", "AI Weekly": a name written like a product or acronym, followed by a name. */
const NAME_AFTER = /^[ \u00a0]?\p{Lu}\p{Ll}/u;
const TOOL_AFTER = /^[ \u00a0]?(?:Tools?|Technology|Models?|Assistants?|Systems?|Software|Studio|Pro|Ultra|Flash|Sonnet|Opus|Haiku|Co-op|Translator)\b/;

/** A part of a dotted identifier ("Microsoft.Agents.AI.A2A", "Azure.AI.OpenAI"): a code name, not an agent. */
const DOTTED_BEFORE = /[\p{L}\p{N}]\.$/u;
const DOTTED_AFTER = /^\.[\p{L}\p{N}]/u;

/** AI agents in `s` (`low`: the same text lower-cased), without names that only look like one. */
function agentHits(s: string, low: string): Span[] {
  const { spelled, written } = agentPatterns();
  const out = hits(spelled, low);
  for (const hit of hits(written, s)) {
    const after = s.slice(hit.end, hit.end + 16);
    if (DOTTED_BEFORE.test(s.slice(Math.max(0, hit.start - 2), hit.start)) || DOTTED_AFTER.test(after)) continue;
    if (!NAME_AFTER.test(after) || TOOL_AFTER.test(after)) out.push(hit);
  }
  return out;
}

/**
 * The negations of three letters or more of every language written in `c`'s script: words
 * borrowed from a neighbour ("Este artigo não foi escrito…" holds Galician words too) keep their
 * negation. One pattern per script, built when a sentence in it first needs it.
 */
const scriptNegations = new Map<string, RegExp>();

function negated(c: Compiled, text: string): boolean {
  if (c.neg.test(text)) return true;
  const script = scriptKey(c.lex.lang);
  let any = scriptNegations.get(script);
  if (any === undefined) {
    any = new RegExp(
      `(?<![${W}])(?:${LEXICONS.filter((lex) => scriptKey(lex.lang) === script)
        .flatMap((lex) => lex.neg.split('|'))
        .filter((word) => [...word].length >= 3)
        .map((word) => alternatives(word))
        .join('|')})(?![${W}])`,
      'u',
    );
    scriptNegations.set(script, any);
  }
  return any.test(text);
}

/**
 * Longest distances, in characters: between agent and relation (`core`), from the self-reference
 * to them (`self`), of the whole statement (`scope`). A demonstrative read as the subject
 * (`pronoun`) must be followed closely by the statement ("This was generated…", "Dies wurde…"):
 * further on, it was the determiner of a noun no lexicon lists ("Това приложение…", this application).
 */
const GAP = { spaced: { core: 50, self: 70, pronoun: 24, scope: 200 }, unspaced: { core: 3, self: 30, pronoun: 30, scope: 80 } } as const;

/** Translation words of every language: a translation alone is AI assistance, "generated and translated" is generation. */
const TRANSLATED = /ಅನುವಾದ|വിവർത്തന|തർജ്ജമ|అనువ|ဘာသာပြန်|translat|tradu|übersetz|vertaal|översatt|oversat|przetłumacz|tłumacz|přelož|prelož|перевед|переклад|превед|μεταφρ|çevir|çeviri|ترجم|תרגו|تورگ|अनुवाद|भाषांतर|diterjemahkan|terjemah|dịch|แปล|翻译|翻譯|翻訳|번역|käännet|tõlgi|išverst|aistri/u;
const GENERATED = /generat|generier|généré|generad|gerad|xerad|gegenereerd|genererad|generert|genereret|generoitu|genereeritud|sugeneruot|wygenerowan|vygenerovan|vygenerován|згенер|сгенерир|генерир|генерис|δημιουργ|oluştur|üretil|generált|dihasilkan|生成|產生|产生|생성/u;

function kindOf(c: Compiled, s: string): DisclosureKind {
  if (c.hedge?.test(s)) return 'suspected';
  if (c.summary.test(s)) return 'summary';
  if (c.assist.test(s) && !(TRANSLATED.test(s) && GENERATED.test(s) && !c.assist.test(s.replace(new RegExp(TRANSLATED.source, 'gu'), ' ')))) return 'assisted';
  return 'generated';
}

/** The script each language's words are written in; a sentence without it is not tried in that language. */
const SCRIPT_OF: Record<string, RegExp> = {};
const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Cyrillic}/u, 'bg ru uk mn sr'],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Arabic}/u, 'ar fa ur ug'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Devanagari}/u, 'hi mr ne'],
  [/\p{Script=Bengali}/u, 'bn'],
  [/\p{Script=Gurmukhi}/u, 'pa'],
  [/\p{Script=Tamil}/u, 'ta'],
  [/\p{Script=Thai}/u, 'th'],
  [/\p{Script=Khmer}/u, 'km'],
  [/\p{Script=Kannada}/u, 'kn'],
  [/\p{Script=Malayalam}/u, 'ml'],
  [/\p{Script=Telugu}/u, 'te'],
  [/\p{Script=Myanmar}/u, 'my'],
];
for (const [script, langs] of SCRIPTS) for (const lang of langs.split(' ')) SCRIPT_OF[lang] = script;
/** A Latin word: "AI" or "GPT" inside Chinese text does not make it a Latin sentence. */
const LATIN = /\p{Script=Latin}{3}/u;

/** The writing system `lang`'s words are written in, as a key: 'latin', 'cjk' or a script's pattern. */
function scriptKey(lang: string): string {
  if (lang === 'zh' || lang === 'ja' || lang === 'ko') return 'cjk';
  return SCRIPT_OF[lang]?.source ?? 'latin';
}

/**
 * Whether each lexicon's words can stand in `s`: its script is there (Serbian is also written in
 * Latin), and zh, ja and ko apply only to text in their own scripts (kana is Japanese, hangul
 * Korean). Each script is tested once for all the languages written in it (forty read Latin).
 */
function applicableTo(s: string): (c: Compiled) => boolean {
  const known = new Map<string, boolean>();
  return (c) => {
    const lang = c.lex.lang;
    const script = scriptKey(lang);
    const key = lang === 'sr' || script === 'cjk' ? lang : script;
    let written = known.get(key);
    if (written === undefined) {
      written = writtenIn(lang, s);
      known.set(key, written);
    }
    return written;
  };
}

/** Whether `s` holds words in the script `lang` is written in: the one test of both matchers. */
export function writtenIn(lang: string, s: string): boolean {
  if (lang !== 'zh' && lang !== 'ja' && lang !== 'ko') {
    const script = SCRIPT_OF[lang];
    return script === undefined ? LATIN.test(s) : script.test(s) || (lang === 'sr' && LATIN.test(s));
  }
  let han = false;
  for (const ch of s) {
    const script = scriptOf(ch.codePointAt(0) ?? 0);
    if (script === 'hiragana' || script === 'katakana') return lang === 'ja';
    if (script === 'hangul') return lang === 'ko';
    if (script === 'han') han = true;
  }
  return han && lang === 'zh';
}

const spanGap = (a: Span, b: Span) => (a.end <= b.start ? b.start - a.end : b.end <= a.start ? a.start - b.end : 0);

/**
 * Without spaces, a participle must follow its agent closely, by-words aside ("由AI辅助生成",
 * "AIによって生成"): "本文由AI科技评论整理" names a publication called AI科技评论.
 */
function tight(c: Compiled, low: string, agent: Span, participles: readonly Span[], most: number = GAP.unspaced.core): boolean {
  return participles.some((p) => {
    if (p.start < agent.end) return false;
    const between = low.slice(agent.end, p.start).replace(c.by, '').replace(/\s/g, '');
    return between.length <= most;
  });
}

/** The statement's span when `c`'s words make `low` (a lower-cased sentence) a notice, else null. */
const LETTER = /\p{L}/u;

/** Literal tests of a lexicon's lists (`quickRelations`), built on first use. */
const literalTests = new WeakMap<Lexicon, Map<'rel' | 'credit', RegExp>>();

/**
 * False when `low` holds no word of `lex`'s list, by its literals alone (no boundaries, no Unicode
 * class: a wider test): the list's own pattern, a class of every script's letters that V8 takes
 * about a millisecond to build, is then not needed. Every language of a text's script is tried.
 */
function mayHold(lex: Lexicon, list: 'rel' | 'credit', low: string): boolean {
  const words = lex[list];
  if (!words) return false;
  let tests = literalTests.get(lex);
  if (tests === undefined) {
    tests = new Map();
    literalTests.set(lex, tests);
  }
  let test = tests.get(list);
  if (test === undefined) {
    test = quickRelations(words);
    tests.set(list, test);
  }
  test.lastIndex = 0;
  return test.test(low);
}

/** Whether `low` holds one of `c`'s relation words (as a whole word where words are spaced). */
function hasRelation(c: Compiled, low: string): boolean {
  const re = c.quick;
  re.lastIndex = 0;
  for (let m = re.exec(low); m !== null; m = re.exec(low)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (!c.bounded) return true;
    const before = low[m.index - 1];
    const after = low[m.index + m[0].length];
    // A stem takes any ending; a whole word stands alone.
    if ((before === undefined || !LETTER.test(before)) && (m[1] !== undefined || after === undefined || !LETTER.test(after))) return true;
    re.lastIndex = m.index + 1;
  }
  return false;
}

/**
 * A sentence that opens with its production participle and says nothing else but where the text
 * came from ("Written by AI, edited by humans.", "Automatically generated by an AI system from wire
 * reports."): it is a notice about what it stands by, and its opening is the self-reference. After
 * the agent only `follow` words or, past a comma, an editorial follow-up may stand. A participial
 * phrase followed by a clause with its own subject ("Created by AI, these images fooled…",
 * "Photos generated by AI flood…") describes that subject: `'phrase'`, prose even with a
 * demonstrative in it.
 */
function openingOf(c: Compiled, low: string, agents: readonly Span[]): Span | 'phrase' | null {
  const m = c.opening?.exec(low) ?? null;
  if (m === null) return null;
  const agent = agents.find((a) => a.start >= m[0].length && a.start - m[0].length <= GAP.spaced.core);
  if (agent === undefined) return null;
  const tail = low.slice(agent.end).replace(/[\s.!]+$/u, '');
  const comma = tail.search(/[,;:–—]/u);
  const head = (comma < 0 ? tail : tail.slice(0, comma)).trim();
  if (head !== '' && head.split(/\s+/).length > 1 && !c.follow?.test(head)) return 'phrase';
  if (comma >= 0 && !c.checked?.test(tail.slice(comma + 1).trim())) return 'phrase';
  const start = m[0].length - m[0].trimStart().length;
  return { start, end: m[0].length };
}

/**
 * `low` from `start` (not before `floor`) to `end`, widened to whole words: a word cut in two
 * ("неточным" read as "не") is not a negation.
 */
function around(low: string, start: number, end: number, floor = 0): string {
  let from = Math.max(floor, start);
  let to = Math.min(low.length, end);
  while (from > floor && LETTER.test(low[from - 1] as string)) from--;
  while (to < low.length && LETTER.test(low[to] as string)) to++;
  return low.slice(from, to);
}

function composeIn(c: Compiled, s: string, low: string, agents: readonly Span[], implied: boolean, heading: boolean): Span | null {
  if (!hasRelation(c, low) || !mayHold(c.lex, 'rel', low)) return null;
  const selves = hits(c.self, low);
  // A word that is the self-reference's noun is not also its participle ("ces résumés", summaries, not summarised).
  const participles = participlesOf(c, s, low).filter((p) => !selves.some((self) => p.start < self.end && self.start < p.end));
  // A notice says what made it: "using AI" or "replaced by AI" alone names a tool or another act.
  if (participles.length === 0) return null;
  const relations = [...participles, ...hits(c.by, low)];
  const unspaced = UNSPACED.has(c.lex.lang);
  const gaps = unspaced ? GAP.unspaced : GAP.spaced;
  const pronoun = c.pronoun?.exec(low) ?? null;
  let pronounSelf: Span | null = null;
  if (pronoun !== null) {
    const start = pronoun[0].length - pronoun[0].trimStart().length;
    const self = { start, end: pronoun[0].length };
    // "These AI tools…": the demonstrative is the agent's, not a subject of its own; so is it
    // before a capitalised noun where nouns are capitalised ("Das Deployment von Edge-AI…").
    const determiner = NOUNS_CAPITALISED.has(c.lex.lang) && /^\s+\p{Lu}/u.test(s.slice(self.end));
    if (!determiner && !agents.some((a) => a.start >= self.end && a.start - self.end <= 2)) {
      selves.push(self);
      pronounSelf = self;
    }
  }
  const output = c.output?.exec(low) ?? null;
  if (output !== null) selves.push({ start: output[0].length - output[0].trimStart().length, end: output[0].length });
  const opened = openingOf(c, low, agents);
  if (opened === 'phrase') return null;
  if (selves.length === 0 && !implied) {
    // A heading opening with a participle names a topic ("Generated by AI: who owns it?").
    if (opened === null || heading) return null;
    selves.push(opened);
  }
  if (c.topic?.test(low)) return null;
  for (const a of agents) {
    if (HAN_WRITTEN.has(c.lex.lang) && !tight(c, low, a, participles)) continue;
    for (const r of relations) {
      if (spanGap(a, r) > (unspaced ? GAP.spaced.core : gaps.core)) continue;
      const core = { start: Math.min(a.start, r.start), end: Math.max(a.end, r.end) };
      let scope: Span | null = null;
      for (const self of selves) {
        if (spanGap(self, core) > (self === pronounSelf ? gaps.pronoun : gaps.self)) continue;
        scope = { start: Math.min(self.start, core.start), end: Math.max(self.end, core.end) };
        break;
      }
      if (scope === null && implied) scope = core;
      if (scope === null || scope.end - scope.start > gaps.scope) continue;
      // A prefix before a colon is the notice's name ("Clause de non-responsabilité :"), not its negation.
      if (negated(c, around(low, scope.start - 24, scope.end + 16, Math.max(low.lastIndexOf(':', scope.start), low.lastIndexOf('：', scope.start)) + 1))) continue;
      return scope;
    }
  }
  return null;
}

/** An address written out ("Co-op Translator (https://github.com/…)"): as long as a word, not as its letters. */
const URL = /https?:\/\/[^\s)\]>"]+/g;
const URL_STAND_IN = 'url';

function withoutUrls(text: string): string {
  return text.includes('://') ? text.replace(URL, URL_STAND_IN) : text;
}

/** Where `at`, an offset in `withoutUrls(text)`, falls in `text`. */
function originalOffset(text: string, at: number): number {
  if (!text.includes('://')) return at;
  let shift = 0;
  for (const m of text.matchAll(URL)) {
    if (m.index - shift >= at) break;
    shift += m[0].length - URL_STAND_IN.length;
  }
  return at + shift;
}

/**
 * A notice in one sentence. `implied`: the sentence is a notice by its place (a "Disclaimer:" line,
 * a caution in a short block). `heading`: the sentence is a heading's.
 */
export function composedNotice(text: string, implied: boolean, heading = false): Composed | null {
  const compiledLexicons = lexicons();
  const s = withoutUrls(text);
  const low = s.toLowerCase();
  const agents = agentHits(s, low);
  if (agents.length === 0) return null;
  const applicable = applicableTo(s);
  for (const c of compiledLexicons) {
    if (!applicable(c)) continue;
    const span = composeIn(c, s, low, agents, implied, heading);
    // What follows the statement is about other work ("…, edited by our staff"): the kind is read up to its end.
    if (span !== null) return { kind: kindOf(c, low.slice(0, span.end)), lang: c.lex.lang, at: originalOffset(text, span.start) };
  }
  return null;
}

/** Longest label or byline read without a self-reference. */
const MAX_LABEL = 60;
const MAX_LABEL_WORDS = 8;
/** "AIGC" alone: GB 45438's own name for AI-generated content, used as its label. */
const AIGC = /^[\p{P}\s]*AIGC[\p{P}\s]*$/u;

/** Words of `text` outside `spans` that are neither short (articles, particles, "with") nor names (capitalised, past the first word). */
function uncovered(text: string, spans: readonly Span[], longest = 4): number {
  let rest = '';
  let from = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start > from) rest += text.slice(from, span.start);
    rest += ' ';
    from = Math.max(from, span.end);
  }
  rest += text.slice(from);
  const words = rest.split(/[^\p{L}\p{M}’'-]+/u).filter((word) => /\p{L}/u.test(word));
  const first = text.search(/\p{L}/u);
  return words.filter((word) => word.length > longest && !(/^\p{Lu}/u.test(word) && text.indexOf(word) !== first)).length;
}

/** Without spaces: more than two letters outside `spans` ("人工智慧總結任務已成功遞交") make a sentence, not a label. */
function leftover(low: string, spans: readonly Span[], most = 2): number {
  let letters = 0;
  for (let i = 0; i < low.length; i++) {
    if (spans.some((span) => i >= span.start && i < span.end)) continue;
    if (/\p{L}/u.test(low[i] as string)) letters++;
  }
  return letters > most ? letters : 0;
}

/** A name in the possessive ("Newsline’s"): a publisher crediting its own AI. */
const POSSESSIVE = /\p{Lu}[\p{L}\p{N}&.-]*['’]s(?![\p{L}])/gu;

/**
 * A label crediting a piece of writing to an AI with no verb, by compound or genitive: "AI
 * summary", "Newsline’s AI takeaways", "Tekoälyn selitys", "Explicação da IA", "AI 的解释". Nothing
 * else may stand in it. In a heading the bare compound names a topic ("AI summaries compared"
 * aside), so a heading needs the publisher's possessive.
 */
function creditOf(c: Compiled, text: string, low: string, agents: readonly Span[], heading: boolean): Composed | null {
  if (c.credit === null) return null;
  const credited = hits(c.credit, low);
  if (credited.length === 0) return null;
  const possessive = hits(POSSESSIVE, text);
  if (heading && possessive.length === 0) return null;
  const covered = [...agents, ...credited, ...(c.of === null ? [] : hits(c.of, low)), ...(c.people === null ? [] : hits(c.people, low)), ...possessive];
  // Articles and particles only: a verb of command ("Turn off AI summary", "使用人工智慧摘要") makes it a control.
  const rest = UNSPACED.has(c.lex.lang) ? leftover(low, covered, 0) : uncovered(text, covered, 3);
  return rest === 0 ? { kind: kindOf(c, low), lang: c.lex.lang, at: 0 } : null;
}

/**
 * A short element standing alone that labels what it stands beside: an AI agent with a production
 * participle ("Captioned by AI", "Bijschrift door AI" …), or a noun credited to an AI ("Explanation
 * by AI", "Summary by Newsline AI"). A control ("Summarize using AI", "Chat with AI") opens with
 * a verb of command, which no lexicon lists as a relation, and a feature name ("Text generation by
 * AI") holds a word that is none of these. `heading`: only a byline counts there.
 */
export function composedLabel(text: string, heading: boolean): Composed | null {
  const compiledLexicons = lexicons();
  if (AIGC.test(text) && !heading) return { kind: 'generated', lang: 'zh', at: 0 };
  if (text.length > MAX_LABEL || text.split(/\s+/).length > MAX_LABEL_WORDS || /[?？]/.test(text)) return null;
  const low = text.toLowerCase();
  const agents = agentHits(text, low);
  if (agents.length === 0) return null;
  const lead = text.search(/[\p{L}\p{N}]/u);
  const opensWith = (spans: Span[]) => spans.some((span) => span.start === lead);
  const applicable = applicableTo(text);
  for (const c of compiledLexicons) {
    if (!applicable(c)) continue;
    const relation = hasRelation(c, low);
    if (!relation && !c.lex.credit) continue;
    // A noun credited by a genitive to a product named last: a picture credit ("Imagen de DALL-E 3").
    // "Imagen de IA" (an AI image) names a kind of picture.
    const genitive =
      agents.some((a) => PRODUCT.test(text.slice(a.start, a.end)) && /^[\s\p{Lu}\d.-]*$/u.test(text.slice(a.end))) && c.of !== null ? hits(c.of, low) : [];
    // Without a relation word, only a credit or a genitive makes a label.
    if (!relation && genitive.length === 0 && !mayHold(c.lex, 'credit', low)) continue;
    if (negated(c, low) || c.topic?.test(low)) continue;
    const credited = creditOf(c, text, low, agents, heading);
    if (credited !== null) return credited;
    if (!relation && genitive.length === 0) continue;
    const participles = mayHold(c.lex, 'rel', low) ? participlesOf(c, text, low) : [];
    const byWords = [...hits(c.by, low), ...genitive];
    const tools = c.tool === null ? [] : hits(c.tool, low);
    const credits = byWords.filter((b) => !tools.some((t) => t.start < b.end && b.start < t.end));
    const nouns = hits(c.noun, low);
    if (participles.length === 0 && (nouns.length === 0 || byWords.length === 0)) continue;
    if (!(opensWith(agents) || opensWith(participles) || opensWith(nouns))) continue;
    const covered = [...agents, ...participles, ...byWords, ...nouns, ...(c.people === null ? [] : hits(c.people, low))];
    const spaced = !UNSPACED.has(c.lex.lang);
    // Without spaces, word order tells a label from a feature name: "AI生成图片" (AI-generated
    // images) puts the participle right after the agent, "AI 影像產生" (AI image generation) does not.
    // A product named before its by-word credits what follows it ("DALL-E 3 による画像", image by DALL-E 3).
    const productByline = (a: Span) =>
      PRODUCT.test(text.slice(a.start, a.end)) && credits.some((b) => b.start >= a.end && /^[\s\p{Lu}\d.-]*$/u.test(text.slice(a.end, b.start)));
    if (HAN_WRITTEN.has(c.lex.lang) && !agents.some((a) => tight(c, low, a, participles, 0) || productByline(a))) continue;
    // German writes nouns capitalised: an inflected participle before one is an attribute of a noun
    // no lexicon lists ("KI-gestützte Suche", AI-powered search), not a label.
    if (NOUNS_CAPITALISED.has(c.lex.lang) && participles.some((p) => /^\s+\p{Lu}/u.test(text.slice(p.end)) && !nouns.some((n) => n.start > p.end && n.start - p.end <= 2))) continue;
    // A heading with a participle names a topic ("AI-generated images"); one crediting an AI is a byline.
    const rest = spaced ? uncovered(text, covered) : leftover(low, covered);
    // A byline credits one piece of writing: two nouns ("Caption for the image by AI") name a feature.
    const byline = (nouns.length === 1 || (nouns.length > 1 && !spaced)) && credits.length > 0 && rest === 0;
    const label = !heading && participles.length > 0 && rest === 0;
    if (byline || label) return { kind: kindOf(c, low), lang: c.lex.lang, at: 0 };
  }
  return null;
}

/**
 * A label written in verb–object order is a command or a feature's name, not a credit: "使用AI生成摘要"
 * (use AI to generate a summary) opens with an instrumental verb and puts the summary after its
 * participle; "AIで要約を生成" marks the summary as the object (を) of a bare verb, "AI要約を生成中"
 * of a verb in progress (a status). A label reads
 * "AI生成摘要", "由AI生成", "AIで生成された要約", "AIによる要約".
 */
export function commandOrder(text: string): boolean {
  const low = text.toLowerCase().trim();
  const applicable = applicableTo(low);
  for (const c of lexicons()) {
    if (!HAN_WRITTEN.has(c.lex.lang) || !applicable(c)) continue;
    const participles = hits(c.rel, low);
    // A bare verb or its progressive ("要約を生成中", generating a summary: a status, not a credit).
    if (c.lex.lang === 'ja' && participles.some((p) => low[p.start - 1] === 'を' && /^(?:中|する|します|しています)?[\s…。.!！]*$/u.test(low.slice(p.end)))) return true;
    if (c.lex.lang !== 'zh' || c.tool === null) continue;
    const tool = hits(c.tool, low)[0];
    if (tool !== undefined && tool.start === 0 && participles.some((p) => scriptOf(low.codePointAt(p.end) ?? 0) === 'han' && low[p.end] !== '的')) return true;
  }
  return false;
}

/** Indefinite and partitive articles of the languages that list `article`s: before a participle, they make it a noun. */
const INDEFINITE = 'a|an|some|des|un|une|du|unos|unas|uno|una|uns|umas|um|uma|dei|degli|delle|ein|eine|einen|egy';

/** Words that may stand between a Han-written agent and its participle in a label ("AI辅助生成", "人工智能技术生成"). */
const HAN_FILLER = /技术|技術|工具|模型|助手|系统|系統|自动|自動|辅助|輔助|协助|協助|帮助|幫助|参与|參與|部分|全部|进行|進行|[了的所来來\s]/gu;

/**
 * A short text naming a feature, not crediting one: a Han-written agent with its object before its
 * participle ("AI内容撰写", AI content writing), or participles that are nouns after their article
 * ("avec des résumés d'IA", with AI summaries).
 */
export function featureName(text: string): boolean {
  const low = text.toLowerCase().trim();
  const agents = agentHits(text.trim(), low);
  if (agents.length === 0) return false;
  const applicable = applicableTo(low);
  for (const c of lexicons()) {
    if (!applicable(c) || !mayHold(c.lex, 'rel', low)) continue;
    const participles = hits(c.rel, low);
    if (participles.length === 0) continue;
    if (HAN_WRITTEN.has(c.lex.lang)) {
      const after = (a: Span, p: Span) => p.start >= a.end && low.slice(a.end, p.start).replace(c.by, '').replace(HAN_FILLER, '') === '';
      if (!agents.some((a) => participles.some((p) => after(a, p)))) return true;
    } else if (c.lex.article) {
      const article = new RegExp(`(?:^|\\s)(?:${alternatives(`${c.lex.article}|${INDEFINITE}`)})\\s*$`, 'u');
      if (participles.every((p) => article.test(low.slice(0, p.start)))) return true;
    }
  }
  return false;
}

