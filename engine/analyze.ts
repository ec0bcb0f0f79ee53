import type {
  Analysis,
  AnalyzedBlock,
  BlockSnapshot,
  PageSnapshot,
  TextAnalysis,
  UnitData,
  UnitMismatch,
} from './model';
import { lengthRatio } from './alignment';
import { analyzeBilingual } from './bilingual';
import { findPageDisclosures } from './disclosures';
import { findDuplicates, preferBodyCopies } from './duplicates';
import { copyIndex } from './glued-copies';
import { splitAtLanguageSwitch, splitAtPageTitle } from './language-switch';
import { splitInline } from './inline';
import { splitBySentences } from './sentence-runs';
import { assignLanguagesCounted, baseLanguage, detectLanguage, type LanguageHint, type LanguageMemo, languageMemo } from './languages';
import type { Part, ReportBlock } from './report';
import { shortLineKind } from './short-lines';
import { snapshotPage } from './snapshot';
import { titleOf } from './title';
import { shortOfTranslation, truncation } from './truncation';
import { foldSpace } from './text';
import { checkTranslation } from './translation-check';
import { sharingFigures } from './numbers';
import { latinLength } from './writing-systems';

// The DOM phase lives in its own module, which the content script loads without this one.
export * from './snapshot';

const now = () => (typeof performance === 'undefined' ? Date.now() : performance.now());

/**
 * The lines of one element (cut by <br>), consecutive lines of one language joined: an element
 * whose lines are in two languages (a headline over its translation) holds one part per run.
 */
function linesByLanguage(lines: readonly string[], hint: LanguageHint): Part[] {
  const parts: Part[] = [];
  for (const line of lines) {
    const lang = detectLanguage(line, hint);
    const last = parts[parts.length - 1];
    if (last && baseLanguage(last.lang) === baseLanguage(lang)) last.text = `${last.text} ${line}`;
    else parts.push({ lang, text: line });
  }
  return parts;
}

/** Cells up to this long (characters) take their table column's language: a word says too little alone. */
const SHORT_CELL = 40;
/** A column is told from this many cells with letters. */
const MIN_COLUMN_CELLS = 3;
/** Characters of a column's text read to tell its language. */
const COLUMN_SAMPLE = 600;

/**
 * A glossary or phrase table writes one language per column: "Yes", "Please" or "Good evening"
 * alone read as anything, the column they stand in ("Yes Please Thank you You're welcome…")
 * does not. Short cells take the language of their column's text; changes `langs` in place.
 */
function columnLanguages(blocks: readonly BlockSnapshot[], langs: string[], memo: LanguageMemo): void {
  const columns = new Map<string, number[]>();
  blocks.forEach((block, i) => {
    if (!block.cell || langs[i] === 'und') return;
    const key = `${block.cell.table}:${block.cell.col}`;
    const cells = columns.get(key) ?? [];
    cells.push(i);
    columns.set(key, cells);
  });
  for (const cells of columns.values()) {
    if (cells.length < MIN_COLUMN_CELLS || !cells.some((i) => (blocks[i]?.text.length ?? 0) <= SHORT_CELL)) continue;
    let sample = '';
    for (const i of cells) {
      if (sample.length >= COLUMN_SAMPLE) break;
      sample += `${blocks[i]?.text ?? ''}\n`;
    }
    const lang = detectLanguage(sample, { memo });
    if (lang === 'und') continue;
    for (const i of cells) if ((blocks[i]?.text.length ?? 0) <= SHORT_CELL) langs[i] = lang;
  }
}

/** Texts from this long (characters) may hold a text and its translation in one script: two sentences at least. */
const SENTENCE_SPLIT_LENGTH = 40;
/** Least share of a page's text each of its two main languages must write. */
const MAIN_SHARE = 0.2;

/**
 * The two languages writing most of a page's text, each at least MAIN_SHARE of it, else none: the
 * sides a block holding a text and its translation is split between, where `pageSides` names none
 * (two CJK languages).
 */
function mainLanguages(blocks: readonly { text: string }[], langs: readonly string[]): string[] {
  const chars = new Map<string, number>();
  let total = 0;
  blocks.forEach((block, i) => {
    const lang = langs[i] ?? 'und';
    total += block.text.length;
    if (lang !== 'und') chars.set(lang, (chars.get(lang) ?? 0) + block.text.length);
  });
  const top = [...chars].sort((a, b) => b[1] - a[1]).slice(0, 2);
  return top.length === 2 && top.every(([, n]) => n >= total * MAIN_SHARE) && baseLanguage(top[0]?.[0] ?? '') !== baseLanguage(top[1]?.[0] ?? '') ? top.map(([lang]) => lang) : [];
}

/** Halves of an inline pair at most this long (Latin-equivalent) are labels: any lengths go. */
const INLINE_LABEL = 40;
/** Beyond this ratio of their expected lengths, two runs are not one text written twice. */
const INLINE_SPREAD = 3;

/**
 * Whether runs in two scripts read as one text written twice: a name in Latin letters inside a
 * Russian or Hindi sentence is a run of its own, and far shorter than the sentence around it.
 */
function writtenTwice(parts: readonly Part[]): boolean {
  const totals = new Map<string, number>();
  for (const part of parts) totals.set(baseLanguage(part.lang), (totals.get(baseLanguage(part.lang)) ?? 0) + latinLength(part.text));
  if (totals.size !== 2) return totals.size < 2;
  const [[a, x], [b, y]] = [...totals] as [[string, number], [string, number]];
  if (x <= INLINE_LABEL && y <= INLINE_LABEL) return true;
  const spread = y / (x * lengthRatio(a, b));
  return spread <= INLINE_SPREAD && spread >= 1 / INLINE_SPREAD;
}

/** An acronym in Latin capitals: ASF, XSLT, API2. */
const ACRONYM = /^[A-Z][A-Z0-9]{1,5}$/;

/**
 * Whether a text in two scripts is a name kept in Latin letters that opens the other text ("ASF
 * 法务副总裁", the ASF's vice president; "XSLT 转换器"): one text, not a term and its translation,
 * which a separator would set apart ("API / 接口").
 */
function acronymOpening(parts: readonly Part[], text: string): boolean {
  const [name, rest] = parts;
  return parts.length === 2 && !!name && !!rest && ACRONYM.test(name.text) && foldSpace(text) === `${name.text} ${rest.text}`;
}

/**
 * A label and its value in another language ("原文标题: Kobo can run apps now"): two texts that are
 * not one written twice, but the value may translate a neighbour (bilingual.ts pairs it with the
 * heading it follows), so it stands apart from its label.
 */
function labelAndValue(parts: readonly Part[]): boolean {
  const [label, value] = parts;
  return parts.length === 2 && !!label && !!value && shortLineKind(label.text) === 'label' && baseLanguage(label.lang) !== baseLanguage(value.lang);
}

/** Text lines in each language a preformatted block needs to count as a text and its translation. */
const MIN_ALTERNATIONS = 3;
/** Share of line-to-line changes of language that makes a preformatted block alternate (a line misread here and there). */
const ALTERNATING_SHARE = 0.8;
/** How a comment line opens in shells and most programming languages. */
const COMMENT_MARK = /^(#|\/\/|--|;|%|\/\*|<!--|rem\s)/i;

/**
 * The two languages (as `key` tells them) most of a preformatted block's lettered lines are written
 * in, and how many lines they hold; null for fewer than MIN_ALTERNATIONS lines in either, too many
 * lines in other languages, or a listing whose lines open with a comment mark (comments over the
 * commands they explain are code, whatever their languages).
 */
function twoLanguages(lettered: readonly Part[], key: (lang: string) => string): { a: string; b: string; lines: number } | null {
  if (lettered.length < 2 * MIN_ALTERNATIONS) return null;
  if (lettered.filter((part) => COMMENT_MARK.test(part.text)).length * 4 >= lettered.length) return null;
  const counts = new Map<string, number>();
  for (const part of lettered) counts.set(key(part.lang), (counts.get(key(part.lang)) ?? 0) + 1);
  const [[a = '', many = 0] = [], [b = '', few = 0] = []] = [...counts.entries()].sort((x, y) => y[1] - x[1]);
  if (few < MIN_ALTERNATIONS || many + few < ALTERNATING_SHARE * lettered.length) return null;
  return { a, b, lines: many + few };
}

/**
 * The lines of a preformatted block (a plain-text readme) when they hold a text in one language and
 * then its translation, each line a part; else none. Lines of one language before a cut and of
 * another after it, for all but a line in five (short lines are misread: "Changelog:" reads as
 * German, "Installation:" as English on either side), at least MIN_ALTERNATIONS lines each; every
 * line then takes the language of its side of the cut, as a short cell takes its column's.
 */
function sequentialLines(lines: readonly string[], hint: LanguageHint): Part[] {
  const langs = lines.map((text) => detectLanguage(text, hint));
  const lettered = langs.flatMap((lang, k) => (lang === 'und' ? [] : [k]));
  const two = twoLanguages(
    lettered.map((k) => ({ lang: langs[k] as string, text: lines[k] as string })),
    (lang) => lang,
  );
  if (two === null) return [];
  const { a, b } = two;
  let best = { agree: -1, cut: 0, first: a, second: b };
  for (const [first, second] of [
    [a, b],
    [b, a],
  ] as const) {
    // agree: lines in `first` before the cut plus lines in `second` from it on.
    let agree = lettered.filter((k) => langs[k] === second).length;
    for (let c = 0; c <= lettered.length; c++) {
      if (c > 0) {
        const lang = langs[lettered[c - 1] as number];
        agree += lang === first ? 1 : lang === second ? -1 : 0;
      }
      if (c >= MIN_ALTERNATIONS && lettered.length - c >= MIN_ALTERNATIONS && agree > best.agree) best = { agree, cut: c, first, second };
    }
  }
  if (best.agree < ALTERNATING_SHARE * two.lines) return [];
  const cutLine = lettered[best.cut] ?? lines.length;
  return lines.map((text, k) => ({ lang: langs[k] === 'und' ? 'und' : k < cutLine ? best.first : best.second, text }));
}

function alternatingText(parts: readonly Part[]): boolean {
  const lettered = parts.filter((part) => part.lang !== 'und');
  if (twoLanguages(lettered, baseLanguage) === null) return false;
  let switches = 0;
  for (let k = 1; k < lettered.length; k++) if (baseLanguage((lettered[k] as Part).lang) !== baseLanguage((lettered[k - 1] as Part).lang)) switches++;
  return switches >= ALTERNATING_SHARE * (lettered.length - 1);
}

/** Blocks longer than this tell their language alone (characters). */
const LONG_BLOCK = 200;

const share = (value: number) => Math.round(value * 1000) / 1000;

/** The text phase: plain data in, plain data out; no DOM. */
export function analyzeSnapshot(snapshot: PageSnapshot): TextAnalysis {
  return sharingFigures(() => analyzeText(snapshot));
}

function analyzeText(snapshot: PageSnapshot): TextAnalysis {
  const started = now();
  const { blocks, pageLang } = snapshot;
  // One page's texts come back several times (alone, in parts, beside neighbours).
  const memo = languageMemo();
  const { langs: blockLangs, mixed, sides } = assignLanguagesCounted(
    blocks.map((block) => block.text),
    pageLang,
    memo,
  );

  columnLanguages(blocks, blockLangs, memo);
  // A short half of a mixed block (the English of a bilingual title) says too little for franc
  // alone; the page's long blocks tell which languages the page writes.
  const pageLanguages = [...new Set(blockLangs.filter((_lang, i) => (blocks[i]?.text.length ?? 0) > LONG_BLOCK))];
  // On a page of two sides, a line or part is told between them, neither favoured.
  const partHint: LanguageHint = sides.length === 2 ? { memo, sides } : { pageLang, neighbours: pageLanguages, memo };
  const switchSides = sides.length === 2 ? sides : mainLanguages(blocks, blockLangs);
  const units: UnitData[] = [];
  const copies = copyIndex(blocks.map((block) => block.text));
  const partsOf: Part[][] = blocks.map((block, i) => {
    const lang = blockLangs[i] ?? 'und';
    const byLine = block.lines ? linesByLanguage(block.lines, partHint) : [];
    // Lines of a listing are code and its comments, unless they alternate between two languages
    // line by line, as subtitles shown as plain text do, or hold a text and then its translation,
    // as a plain-text readme does: then each line is a unit.
    const alternating = !block.code || alternatingText(byLine);
    const lines = alternating ? byLine : block.lines ? sequentialLines(block.lines, { pageLang, memo }) : [];
    // A block glued from copies of two others (glued-copies.ts) splits exactly where they meet,
    // whatever a split by script or sentences would say about the punctuation between them.
    const glued = !block.code && lines.length <= 1 ? copies.gluedCopies(i) : [];
    // Two languages in one element are written in two scripts; one script needs no split.
    // A code listing's comments and commands are not a text and its translation.
    const split = glued.length === 2
      ? glued.map((text) => ({ lang: detectLanguage(text, partHint), text }))
      : block.code && lines.length <= 1
        ? []
        : lines.length > 1
          ? lines
          : mixed[i] === 1
            ? splitInline(block.text, { pageLang, memo })
            : block.text.length >= SENTENCE_SPLIT_LENGTH
              ? splitBySentences(block.text, sides.length === 2 ? { memo, sides } : { memo })
              : [];
    // Not split yet: a text and its translation with no sentence end between them (a title, a
    // summary cut off mid-sentence) splits where the words' language turns; halves in one script
    // must read as one text written twice or each start another block, halves in two scripts are
    // checked as splitInline's are, below.
    if (split.length <= 1 && !block.code && lines.length <= 1 && switchSides.length === 2) {
      const titled = block.role === 'title' ? splitAtPageTitle(block.text, snapshot.titles, switchSides, partHint) : [];
      const { parts: halves, byScript } = titled.length === 2 ? { parts: titled, byScript: false } : splitAtLanguageSwitch(block.text, switchSides, partHint, block.role === 'title');
      // The page's title on a page of two languages is the one line that pages write in both.
      const accepted = byScript || block.role === 'title' || halves.every((half) => copies.startsAnother(half.text, i));
      if (halves.length === 2 && accepted) {
        split.length = 0;
        split.push(...halves);
      }
    }
    // Alternating lines of a preformatted block were checked line by line (alternatingText).
    if (!(block.code && split === lines) && (!writtenTwice(split) || acronymOpening(split, block.text)) && !labelAndValue(split)) split.length = 0;
    let parts =
      split.length > 1
        ? split.map((part) =>
            part.text.length > LONG_BLOCK || (lines.length > 1 && split === lines)
              ? part
              : { ...part, lang: detectLanguage(part.text, partHint) },
          )
        : [{ lang, text: block.text }];
    // Sentences told apart alone and then, beside the page's languages, found in one language
    // were one text all along (a short line of dialogue that franc misread).
    if (split.length > 1 && mixed[i] !== 1 && lines.length <= 1 && new Set(parts.map((part) => baseLanguage(part.lang))).size < 2) {
      parts = [{ lang, text: block.text }];
    }
    parts.forEach((part, p) => {
      units.push({ id: units.length, block: i, part: p, lang: part.lang, text: part.text });
    });
    return parts;
  });
  const inArticle = (unit: UnitData) => blocks[unit.block]?.inArticle === true;

  // Duplicates: among article prose only; a repeated label, title or code listing is not a duplicate paragraph.
  const candidates = units.filter((unit) => inArticle(unit) && blocks[unit.block]?.code !== true);
  const cut = new Map(candidates.map((unit) => [unit.id, truncation(unit.text)]));
  const groups = preferBodyCopies(
    findDuplicates(candidates.map((unit) => unit.text)).map((match) => ({
      kind: match.kind,
      kept: candidates[match.kept]?.id ?? -1,
      copies: match.copies.map((c) => candidates[c]?.id ?? -1),
    })),
    units,
    (id) => cut.get(id) === null,
  );
  const collapsed: TextAnalysis['collapsed'] = [];
  for (const group of groups) for (const unit of group.copies) collapsed.push({ unit, kept: group.kept, kind: group.kind });
  const hidden = new Set(collapsed.map((entry) => entry.unit));
  const shown = units.filter((unit) => !hidden.has(unit.id));

  const textDisclosures = findPageDisclosures(
    blocks.map((block, i) => ({
      text: block.text,
      lang: blockLangs[i] ?? 'und',
      quoted: block.quoted,
      heading: block.role === 'heading' || block.role === 'title',
      control: block.control === true,
    })),
    snapshot.notices,
  );
  // A notice that the page is AI-generated is the site's note, not an article paragraph waiting
  // for its translation (a site often writes it in one language only).
  const notices = textDisclosures.map((entry) => foldSpace(entry.disclosure.evidence));
  const isNotice = (text: string) => {
    if (notices.length === 0) return false;
    const folded = foldSpace(text);
    return notices.some((evidence) => folded.includes(evidence) && evidence.length * 2 >= folded.length);
  };

  const bilingual = analyzeBilingual(
    shown.map((unit) => {
      const block = blocks[unit.block] as BlockSnapshot;
      // Spelled out: V8 copies a spread object that gains properties on a slow path, about
      // 3–7 µs a unit, more than the rest of this step.
      return {
        id: unit.id,
        block: unit.block,
        part: unit.part,
        lang: unit.lang,
        text: unit.text,
        role: block.role,
        inArticle: block.inArticle,
        // A preformatted block split into lines of two languages is text (alternatingText), not code.
        code: block.code && (partsOf[unit.block]?.length ?? 1) <= 1,
        cell: block.cell,
        column: block.column,
        notice: isNotice(unit.text),
      };
    }),
  );
  for (const { id, lang } of bilingual.relabelled) {
    const unit = units[id];
    if (unit) unit.lang = lang;
  }
  const cutShort = shortOfTranslation(bilingual.pairs, units);
  const truncated = shown.filter((unit) => inArticle(unit) && (cut.get(unit.id) || cutShort.has(unit.id))).map((unit) => unit.id);


  const partOf = (id: number): Part => {
    const unit = units[id];
    return { lang: unit?.lang ?? 'und', text: unit?.text ?? '' };
  };
  const articleUnits = shown.filter(inArticle);
  const chars = new Map<string, number>();
  let total = 0;
  for (const unit of articleUnits) {
    chars.set(unit.lang, (chars.get(unit.lang) ?? 0) + unit.text.length);
    total += unit.text.length;
  }
  // The pair stands on its other evidence; then its two sides' facts are compared.
  const mismatches: UnitMismatch[] = bilingual.pairs.flatMap((pair) =>
    checkTranslation(partOf(pair.a), partOf(pair.b)).map((found) => ({ a: pair.a, b: pair.b, kind: found.kind, detail: { a: found.a, b: found.b } })),
  );
  const titleIndex = blocks.findIndex((block) => block.role === 'title');
  const titleBlock = blocks[titleIndex];

  const analysis: TextAnalysis = {
    report: {
      version: 1,
      url: snapshot.url,
      title: titleBlock ? titleOf(blocks, partsOf, titleIndex, bilingual.languages) : null,
      languages: [...chars]
        .filter(([, n]) => n > 0)
        .sort((a, b) => b[1] - a[1])
        .map(([lang, n]) => ({ lang, share: share(n / total) })),
      bilingual: {
        detected: bilingual.detected,
        languages: bilingual.languages,
        layouts: bilingual.layouts,
        pairs: bilingual.pairs.map((pair) => ({ a: partOf(pair.a), b: partOf(pair.b), confidence: pair.confidence })),
        untranslated: bilingual.untranslated.map(partOf),
        mismatches: mismatches.map(({ a, b, kind, detail }) => ({ a: partOf(a), b: partOf(b), kind, detail })),
      },
      duplicates: groups.map((group) => ({
        kind: group.kind,
        kept: partOf(group.kept).text,
        copies: group.copies.map((id) => partOf(id).text),
      })),
      truncated: truncated.map((id) => ({ text: partOf(id).text })),
      disclosures: [...snapshot.markup.map((entry) => entry.disclosure), ...textDisclosures.map((entry) => entry.disclosure)],
      scores: snapshot.scores,
      tags: snapshot.tags,
      article: {
        blocks: articleUnits.map(
          (unit): ReportBlock => ({
            role: (blocks[unit.block]?.role ?? 'paragraph') as ReportBlock['role'],
            lang: unit.lang,
            text: unit.text,
          }),
        ),
      },
      meta: snapshot.meta,
      timing: { ms: 0 },
    },
    blockLangs,
    units,
    collapsed,
    truncated,
    untranslated: bilingual.untranslated,
    pairs: bilingual.pairs,
    textDisclosures,
    duplicates: groups.map((group) => group.copies[0] ?? -1),
    mismatches,
  };
  analysis.report.timing.ms = Math.round((now() - started) * 100) / 100;
  return analysis;
}

/** Puts the page's elements back beside the text analysis, for the content script. */
export function joinAnalysis(snapshot: PageSnapshot, elements: readonly Element[], text: TextAnalysis): Analysis {
  const parts = snapshot.blocks.map((): Part[] => []);
  for (const unit of text.units) parts[unit.block]?.push({ lang: unit.lang, text: unit.text });
  // Spelled out rather than spread, as in analyzeSnapshot: one object per block and unit.
  const blocks: AnalyzedBlock[] = snapshot.blocks.map((block, i) => ({
    role: block.role,
    text: block.text,
    inArticle: block.inArticle,
    declaredLang: block.declaredLang,
    quoted: block.quoted,
    code: block.code,
    cell: block.cell,
    column: block.column,
    el: elements[i] as Element,
    lang: text.blockLangs[i] ?? 'und',
    parts: parts[i] ?? [],
  }));
  const { textDisclosures, units, ...rest } = text;
  return {
    ...rest,
    blocks,
    units: units.map((unit) => ({
      id: unit.id,
      block: unit.block,
      part: unit.part,
      lang: unit.lang,
      text: unit.text,
      el: elements[unit.block] as Element,
    })),
    disclosures: [
      ...snapshot.markup.map(({ disclosure, element }) => ({ disclosure, el: elements[element] ?? null })),
      ...textDisclosures.map(({ disclosure, block }) => ({ disclosure, el: elements[block] ?? null })),
    ],
  };
}

/** Both phases at once: the command line, tests and benchmarks. */
export function analyzeDocument(doc: Document, opts: { url?: string | null } = {}): Analysis {
  const started = now();
  const { snapshot, elements } = snapshotPage(doc, opts);
  const analysis = joinAnalysis(snapshot, elements, analyzeSnapshot(snapshot));
  analysis.report.timing.ms = Math.round((now() - started) * 100) / 100;
  return analysis;
}
