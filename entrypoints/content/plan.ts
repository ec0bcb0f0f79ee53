import type { PageFindings, PageSnapshot, UnitMismatch } from '@/engine/model';
import { latinLength } from '@/engine/writing-systems';
import { baseLanguage } from '@/engine/lang-tags';
import type { LanguageMode } from '@/utils/protocol';
import type { DisclosureKind, DuplicateKind } from '@/engine/report';
import { dominantFamily, familyOfLanguage } from '@/engine/writing-systems';

/**
 * What NewsLens wants to do to each block, decided from an analysis before anything on the page
 * changes. A block's `key` names that wish; re-analysis leaves a block whose key did not change
 * exactly as it is (an expanded duplicate stays expanded) and redoes only the others.
 */

export interface Collapse {
  kind: DuplicateKind;
  /** Where the kept copy is, for the marker's wording. */
  kept: 'above' | 'below';
}

export type Flag = { kind: 'truncated' } | { kind: 'untranslated'; missing: string };

/** A figure or a name a pair's two sides state differently, as written on each side (a in the page's first language). */
export interface Difference {
  kind: UnitMismatch['kind'];
  a: string;
  b: string;
}

/**
 * The translation check's mark on one side of a pair. `echo` on the first language's side: the
 * Both mode shows the pair's mark once, on the other side; a one-language mode shows its own.
 */
export interface CheckMark {
  differences: Difference[];
  echo: boolean;
}

export interface PartWork {
  /** The part's text where the block is split into parts (the page finds each part by it), else empty. */
  text: string;
  lang: string;
  /**
   * The switch's language this part belongs to (one of `PagePlan.languages`): the other mode hides
   * it. Null for a part with no counterpart the reader could read instead (a paragraph the page
   * never translated, an AI notice in one language), which every mode shows.
   */
  toggle: string | null;
  /** Whether to set `lang` on the part: its language differs from the one it inherits. */
  setLang: boolean;
  collapse: Collapse | null;
  flag: Flag | null;
  check: CheckMark | null;
}

export interface BlockWork {
  el: Element;
  parts: PartWork[];
  disclosure: DisclosureKind | null;
  key: string;
}

export interface PagePlan {
  /** The two languages of a bilingual page, as the switch names its modes; empty otherwise. */
  languages: string[];
  modes: LanguageMode[];
  blocks: BlockWork[];
  collapsedCount: number;
  disclosureCount: number;
}

const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;


/** One analysis of the page as the content script holds it: the background's findings beside the page's elements. */
export interface PageAnalysis {
  findings: PageFindings;
  /**
   * The element of each block, then those of the markup disclosures (see SnapshotResult); none
   * for a block NewsLens may not write to (`pageElements`).
   */
  elements: readonly (Element | undefined)[];
  blockCount: number;
  markup: PageSnapshot['markup'];
}

/**
 * The snapshot's elements as the page may be written to: a loose run of text (engine/article.ts)
 * has no element of its own, and the one it lies in holds other blocks, which a mark, a hidden
 * copy or a `lang` would reach too. Such a run stays the reader's alone: no mark, nothing hidden,
 * nothing to point at.
 */
export function pageElements(snapshot: Pick<PageSnapshot, 'blocks'>, elements: readonly Element[]): (Element | undefined)[] {
  return elements.map((el, i) => (snapshot.blocks[i]?.loose ? undefined : el));
}

export type PageSummary = Omit<PagePlan, 'blocks'>;

export interface Planner {
  summary: PageSummary;
  /** How many blocks the analysis has; `block(i)` plans each, so that a caller can slice. */
  count: number;
  /** The wish for block `index`, or null when NewsLens has nothing to do there. */
  block(index: number): BlockWork | null;
}

/**
 * A translation's length stays within about 1.8 times its original's (Latin-equivalent length, over
 * the inline pairs of every fixture); one language's part this much longer than the other's holds
 * the sentence, and the other's words are quoted in it. Short blocks (a label and its translation,
 * "质量 Quality: 64") are left split: there, the ratio says little.
 */
const TRANSLATION_RATIO = 2.2;
const MAIN_PART_LENGTH = 60;

const TRUNCATED = 1;
const UNTRANSLATED = 2;

/**
 * `inheritedLang(el)` is the language an element has from the page itself (its own or an
 * ancestor's `lang`, before NewsLens set any). Setting up is linear in the units, with arrays
 * indexed by unit and block rather than an object per unit.
 */
export function createPlanner(analysis: PageAnalysis, inheritedLang: (el: Element) => string | null): Planner {
  const { findings, elements, blockCount } = analysis;
  const { bilingual, unitBlock, unitLang, langs } = findings;
  const languages =
    bilingual.detected && bilingual.languages.length >= 2 && bilingual.languages.every((tag) => LANGUAGE_TAG.test(tag))
      ? bilingual.languages.slice(0, 2)
      : [];
  const toggleOf = (lang: string): string | null =>
    languages.find((tag) => tag === lang) ?? languages.find((tag) => baseLanguage(tag) === baseLanguage(lang)) ?? null;
  const toggleOfLang = langs.map(toggleOf);

  const unitCount = unitBlock.length;
  // Units come in block order: block b has units firstUnit[b] … firstUnit[b + 1] - 1.
  const firstUnit = new Int32Array(blockCount + 1);
  for (let u = 0; u < unitCount; u++) {
    const b = unitBlock[u] as number;
    if (b >= 0 && b < blockCount) firstUnit[b + 1] = (firstUnit[b + 1] as number) + 1;
  }
  for (let b = 0; b < blockCount; b++) firstUnit[b + 1] = (firstUnit[b + 1] as number) + (firstUnit[b] as number);
  const elementOf = (unit: number): Element | undefined => elements[unitBlock[unit] as number];
  const textOf = new Map(findings.partTexts.map(({ unit, text }) => [unit, text]));

  // Units are numbered in reading order, so ids tell which copy comes first; asking the DOM
  // (compareDocumentPosition) walks the siblings between them, thousands on a long page.
  const collapseOf = new Map<number, Collapse>();
  for (const entry of findings.collapsed) {
    if (!elementOf(entry.unit) || !elementOf(entry.kept)) continue;
    collapseOf.set(entry.unit, { kind: entry.kind, kept: entry.kept < entry.unit ? 'above' : 'below' });
  }
  const disclosureCount = analysis.markup.length + findings.textDisclosures.length;
  // A paragraph ending in "..." is ordinary prose on an ordinary page: cut-off copies are worth a
  // label only where the page shows what NewsLens is for (two languages, copies, an AI disclosure).
  const aiPage = languages.length > 0 || collapseOf.size > 0 || disclosureCount > 0;
  const flags = new Uint8Array(unitCount);
  if (aiPage) for (const unit of findings.truncated) flags[unit] = (flags[unit] ?? 0) | TRUNCATED;
  // "No translation" says something when most paragraphs have theirs; where most have none, the
  // page is not a translated one, and a label on every paragraph would only be noise.
  if (findings.untranslated.length <= findings.pairCount * 2) {
    for (const unit of findings.untranslated) flags[unit] = (flags[unit] ?? 0) | UNTRANSLATED;
  }
  const alone = new Uint8Array(unitCount);
  for (const unit of findings.untranslated) alone[unit] = 1;
  const checkOf = new Map<number, CheckMark>();
  if (languages.length > 0) {
    for (const { a, b, kind, detail } of findings.mismatches) {
      const difference = { kind, a: detail.a, b: detail.b };
      for (const [unit, echo] of [[a, true], [b, false]] as const) {
        const mark = checkOf.get(unit) ?? { differences: [], echo };
        mark.differences.push(difference);
        checkOf.set(unit, mark);
      }
    }
  }
  const disclosureOf = new Map<number, DisclosureKind>();
  for (const { block, kind } of findings.textDisclosures) if (!disclosureOf.has(block)) disclosureOf.set(block, kind);

  /**
   * The part whose language a block is written in, when the block holds one language's text with
   * a few words of the other inside it (a Chinese sentence naming an English book): the block then
   * goes where that language goes, whole. A block holding two versions (a title and its
   * translation) has parts of about equal length, as translations are; null then, and for a block
   * any part of which is a copy (the copy alone collapses).
   */
  const mainPart = (units: readonly number[], toggles: readonly (string | null)[]): number | null => {
    if (units.length < 2 || units.some((unit) => collapseOf.has(unit))) return null;
    const sizes = new Map<string, number>();
    const lengths = units.map((unit, i) => {
      const length = latinLength(textOf.get(unit) ?? '');
      const side = toggles[i] ?? langs[unitLang[unit] as number] ?? 'und';
      sizes.set(side, (sizes.get(side) ?? 0) + length);
      return { side, length };
    });
    const [first, second = 0] = [...sizes.values()].sort((a, b) => b - a);
    if (first === undefined || first < MAIN_PART_LENGTH || first < second * TRANSLATION_RATIO) return null;
    const side = [...sizes].find(([, size]) => size === first)?.[0];
    let best = -1;
    lengths.forEach(({ side: each, length }, i) => {
      if (each === side && (best < 0 || length > (lengths[best]?.length ?? 0))) best = i;
    });
    return best < 0 ? null : best;
  };

  const block = (index: number): BlockWork | null => {
    const el = elements[index];
    const from = firstUnit[index] as number;
    const to = firstUnit[index + 1] as number;
    if (!el || index >= blockCount || to <= from) return null;
    const units: number[] = [];
    for (let u = from; u < to; u++) units.push(u);
    const langOf = (unit: number) => langs[unitLang[unit] as number] ?? 'und';
    const inherited = inheritedLang(el);
    const toggles = units.map((unit) => toggleOfLang[unitLang[unit] as number] ?? null);
    // One half of a two-language block whose language ID missed (a short "AI News" read as Czech)
    // still belongs to one of the page's two languages: the one written in its script.
    if (units.length > 1 && toggles.some((toggle) => toggle !== null)) {
      units.forEach((unit, i) => {
        if (toggles[i] !== null) return;
        const family = dominantFamily(textOf.get(unit) ?? '');
        const fits = languages.filter((tag) => familyOfLanguage(baseLanguage(tag)) === family);
        if (fits.length === 1) toggles[i] = fits[0] ?? null;
      });
    }
    const main = mainPart(units, toggles);
    if (main !== null) {
      units.splice(0, units.length, units[main] as number);
      toggles.splice(0, toggles.length, toggles[main] ?? null);
    }
    const disclosure = disclosureOf.get(index) ?? null;
    // An AI notice written in one language is the page's only word on it: no mode may hide it.
    const oneLanguageNotice = disclosure !== null && toggles.every((toggle) => toggle === toggles[0]);
    const whole = units.length === 1;
    const parts = units.map((unit, i): PartWork => {
      const toggle = toggles[i] ?? null;
      const detected = langOf(unit);
      const lang = toggle !== null && toggleOf(detected) === null ? toggle : detected;
      const flagged = flags[unit] ?? 0;
      let flag: Flag | null = null;
      if (flagged & TRUNCATED) flag = { kind: 'truncated' };
      else if (flagged & UNTRANSLATED && toggle !== null) {
        flag = { kind: 'untranslated', missing: languages.find((tag) => tag !== toggle) ?? '' };
      }
      return {
        text: whole ? '' : (textOf.get(unit) ?? ''),
        lang,
        toggle: alone[unit] || oneLanguageNotice ? null : toggle,
        setLang: lang !== 'und' && (inherited === null || baseLanguage(inherited) !== baseLanguage(lang)),
        collapse: collapseOf.get(unit) ?? null,
        flag,
        check: checkOf.get(unit) ?? null,
      };
    });
    const hasWork = disclosure !== null || parts.some((part) => part.toggle !== null || part.setLang || part.collapse || part.flag || part.check);
    if (!hasWork) return null;
    // A one-part block is marked as a whole and carries no text, so its key holds none; a split
    // block depends on its parts' text.
    const key = JSON.stringify([parts, disclosure]);
    return { el, parts, disclosure, key };
  };

  return {
    summary: {
      languages,
      modes: languages.length ? [...languages, 'both'] : ['both'],
      collapsedCount: collapseOf.size,
      disclosureCount,
    },
    count: blockCount,
    block,
  };
}

/** The whole plan at once, for a caller that need not slice. */
export function planPage(analysis: PageAnalysis, inheritedLang: (el: Element) => string | null): PagePlan {
  const planner = createPlanner(analysis, inheritedLang);
  const blocks: BlockWork[] = [];
  for (let i = 0; i < planner.count; i++) {
    const work = planner.block(i);
    if (work) blocks.push(work);
  }
  return { ...planner.summary, blocks };
}
