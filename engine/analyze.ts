import type {
  Analysis,
  AnalyzedBlock,
  BlockSnapshot,
  PageSnapshot,
  TextAnalysis,
  UnitData,
} from './model';
import { translationScore } from './alignment';
import { analyzeBilingual, type BilingualPair } from './bilingual';
import { findPageDisclosures } from './disclosures';
import { findDuplicates } from './duplicates';
import { splitInline } from './inline';
import { assignLanguagesCounted, baseLanguage, detectLanguage, languageMemo } from './languages';
import type { DuplicateKind, Part, ReportBlock } from './report';
import { snapshotPage } from './snapshot';
import { endsInEllipsis, truncation } from './truncation';
import { checkTranslation } from './translation-check';
import { latinLength } from './writing-systems';

// The DOM phase lives in its own module, which the content script loads without this one.
export * from './snapshot';

const now = () => (typeof performance === 'undefined' ? Date.now() : performance.now());

interface Group {
  kind: DuplicateKind;
  kept: number;
  copies: number[];
}

/**
 * A teaser or summary glued together from copies of several body paragraphs (the seed's EN+ZH
 * summary: a cut-off copy of one paragraph and an exact copy of its translation) is the copy to
 * hide, even where it comes first: the body keeps its own paragraphs. A block of one paragraph
 * that stands twice is an ordinary copy, and the first complete one stays.
 */
function preferBodyCopies(groups: Group[], units: readonly UnitData[], complete: (unit: number) => boolean): Group[] {
  const groupOf = new Map<number, number>();
  groups.forEach((group, g) => {
    for (const id of [group.kept, ...group.copies]) groupOf.set(id, g);
  });
  const groupsOfBlock = new Map<number, Set<number> | null>();
  for (const unit of units) {
    const g = groupOf.get(unit.id);
    const seen = groupsOfBlock.get(unit.block);
    if (g === undefined || seen === null) groupsOfBlock.set(unit.block, null);
    else groupsOfBlock.set(unit.block, (seen ?? new Set<number>()).add(g));
  }
  const composite = (unit: number) => (groupsOfBlock.get(units[unit]?.block ?? -1)?.size ?? 0) >= 2;
  return groups.map((group) => {
    if (!composite(group.kept)) return group;
    const better = group.copies.find((id) => complete(id) && !composite(id));
    if (better === undefined) return group;
    return { ...group, kept: better, copies: [group.kept, ...group.copies.filter((id) => id !== better)].sort((a, b) => a - b) };
  });
}

/** Blocks longer than this tell their language alone (characters). */
const LONG_BLOCK = 200;

const share = (value: number) => Math.round(value * 1000) / 1000;

/** The text phase: plain data in, plain data out; no DOM. */
export function analyzeSnapshot(snapshot: PageSnapshot): TextAnalysis {
  const started = now();
  const { blocks, pageLang } = snapshot;
  // One page's texts come back several times (alone, in parts, beside neighbours).
  const memo = languageMemo();
  const { langs: blockLangs, mixed } = assignLanguagesCounted(
    blocks.map((block) => block.text),
    pageLang,
    memo,
  );

  // A short half of a mixed block (the English of a bilingual title) says too little for franc
  // alone; the page's long blocks tell which languages the page writes.
  const pageLanguages = [...new Set(blockLangs.filter((_lang, i) => (blocks[i]?.text.length ?? 0) > LONG_BLOCK))];
  const units: UnitData[] = [];
  const partsOf: Part[][] = blocks.map((block, i) => {
    const lang = blockLangs[i] ?? 'und';
    // Two languages in one element are written in two scripts; one script needs no split.
    const split = mixed[i] === 1 ? splitInline(block.text, { pageLang, memo }) : [];
    const parts =
      split.length > 1
        ? split.map((part) =>
            part.text.length > LONG_BLOCK
              ? part
              : { ...part, lang: detectLanguage(part.text, { pageLang, neighbours: pageLanguages, memo }) },
          )
        : [{ lang, text: block.text }];
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
        cell: block.cell,
        column: block.column,
      };
    }),
  );
  const cutShort = shortOfTranslation(bilingual.pairs, units);
  const truncated = shown.filter((unit) => inArticle(unit) && (cut.get(unit.id) || cutShort.has(unit.id))).map((unit) => unit.id);

  const textDisclosures = findPageDisclosures(
    blocks.map((block, i) => ({
      text: block.text,
      lang: blockLangs[i] ?? 'und',
      quoted: block.quoted,
      heading: block.role === 'heading' || block.role === 'title',
    })),
    snapshot.notices,
  );

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
        // The pair stands on its other evidence; then its two sides' facts are compared.
        mismatches: bilingual.pairs.flatMap((pair) => {
          const a = partOf(pair.a);
          const b = partOf(pair.b);
          return checkTranslation(a, b).map((found) => ({ a, b, kind: found.kind, detail: { a: found.a, b: found.b } }));
        }),
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
  };
  analysis.report.timing.ms = Math.round((now() - started) * 100) / 100;
  return analysis;
}

/** A subtitle this much longer or shorter than the title is not its translation (alignment.ts scores). */
const SUBTITLE_SCORE = 0.6;
/** A paragraph at most this many times as long as the title may be its translation (ntrex128 ratio 5th–95th percentile 0.74–1.43). */
const SUBTITLE_LENGTH = 1.6;

/**
 * The title, with its translation when the page prints that as a subtitle right under it (an h1 in
 * one of the page's two languages, then an h2, a label line or a title-sized paragraph in the other).
 */
function titleOf(blocks: readonly BlockSnapshot[], partsOf: readonly Part[][], index: number, languages: readonly string[]): { text: string; parts: Part[] } {
  const title = blocks[index] as BlockSnapshot;
  const parts = partsOf[index] ?? [];
  const next = blocks[index + 1];
  const subtitle = partsOf[index + 1];
  const only = parts[0];
  if (parts.length !== 1 || only === undefined || next === undefined || subtitle?.length !== 1 || languages.length !== 2) return { text: title.text, parts };
  const other = subtitle[0] as Part;
  // A paragraph under the title is its subtitle only when it is about as long as a title.
  const titleSized = latinLength(other.text) <= SUBTITLE_LENGTH * latinLength(only.text);
  if (next.role !== 'heading' && next.role !== 'label' && !(next.role === 'paragraph' && titleSized)) return { text: title.text, parts };
  const bases = [baseLanguage(only.lang), baseLanguage(other.lang)];
  const pageBases = languages.map(baseLanguage);
  if (bases[0] === bases[1] || !bases.every((base) => pageBases.includes(base))) return { text: title.text, parts };
  if (translationScore(only.text, other.text) < SUBTITLE_SCORE) return { text: title.text, parts };
  return { text: `${title.text} ${next.text}`, parts: [only, other] };
}

/**
 * A translation is about as long as its original (alignment.ts: Latin-equivalent length ratio 1.0,
 * 5th percentile 0.74 on ntrex128); a paired paragraph below this share of its partner's length is
 * missing part of the text.
 */
const SHORT_OF_TRANSLATION = 0.7;

/**
 * Paired paragraphs that stop on an ellipsis and hold much less than their translation: cut, even
 * when the words before the ellipsis alone could be style (a one-word last sentence, say).
 */
function shortOfTranslation(pairs: readonly BilingualPair[], units: readonly UnitData[]): Set<number> {
  const short = new Set<number>();
  for (const pair of pairs) {
    for (const [side, other] of [[pair.a, pair.b], [pair.b, pair.a]] as const) {
      const text = units[side]?.text ?? '';
      if (!endsInEllipsis(text)) continue;
      if (latinLength(text) < SHORT_OF_TRANSLATION * latinLength(units[other]?.text ?? '')) short.add(side);
    }
  }
  return short;
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
