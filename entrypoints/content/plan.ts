import { baseLanguage } from '@/components/language';
import type { Analysis } from '@/utils/analysis';
import type { LanguageMode } from '@/utils/messages';
import type { DisclosureKind, DuplicateKind } from '@/utils/report';

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

export interface PartWork {
  text: string;
  lang: string;
  /** The switch's language this part belongs to (one of `PagePlan.languages`), if any. */
  toggle: string | null;
  /** Whether to set `lang` on the part: its language differs from the one it inherits. */
  setLang: boolean;
  collapse: Collapse | null;
  flag: Flag | null;
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

const SCRIPTS: [string, RegExp][] = [
  ['Han', /\p{Script=Han}/gu],
  ['Kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/gu],
  ['Hangul', /\p{Script=Hangul}/gu],
  ['Cyrillic', /\p{Script=Cyrillic}/gu],
  ['Latin', /\p{Script=Latin}/gu],
];
const SCRIPT_OF_LANGUAGE: Record<string, string> = { zh: 'Han', ja: 'Kana', ko: 'Hangul', ru: 'Cyrillic', uk: 'Cyrillic', bg: 'Cyrillic' };

const dominantScript = (text: string): string | null => {
  let best: string | null = null;
  let most = 0;
  for (const [script, pattern] of SCRIPTS) {
    const n = text.match(pattern)?.length ?? 0;
    if (n > most) [best, most] = [script, n];
  }
  return best;
};

const position = (el: Element, other: Element): 'above' | 'below' =>
  el.compareDocumentPosition(other) & Node.DOCUMENT_POSITION_PRECEDING ? 'above' : 'below';

export type PageSummary = Omit<PagePlan, 'blocks'>;

export interface Planner {
  summary: PageSummary;
  /** How many blocks the analysis has; `block(i)` plans each, so that a caller can slice. */
  count: number;
  /** The wish for block `index`, or null when NewsLens has nothing to do there. */
  block(index: number): BlockWork | null;
}

/**
 * `inheritedLang(el)` is the language an element has from the page itself (its own or an
 * ancestor's `lang`, before NewsLens set any).
 */
export function createPlanner(analysis: Analysis, inheritedLang: (el: Element) => string | null): Planner {
  const { bilingual } = analysis.report;
  const languages =
    bilingual.detected && bilingual.languages.length >= 2 && bilingual.languages.every((tag) => LANGUAGE_TAG.test(tag))
      ? bilingual.languages.slice(0, 2)
      : [];
  const toggleOf = (lang: string): string | null =>
    languages.find((tag) => tag === lang) ?? languages.find((tag) => baseLanguage(tag) === baseLanguage(lang)) ?? null;

  const unitById = new Map(analysis.units.map((unit) => [unit.id, unit]));
  const collapseOf = new Map<number, Collapse>();
  for (const entry of analysis.collapsed) {
    const unit = unitById.get(entry.unit);
    const kept = unitById.get(entry.kept);
    if (!unit || !kept) continue;
    const keptPlace = kept.el === unit.el ? (kept.part < unit.part ? 'above' : 'below') : position(unit.el, kept.el);
    collapseOf.set(unit.id, { kind: entry.kind, kept: keptPlace });
  }
  // A paragraph ending in "..." is ordinary prose on an ordinary page: cut-off copies are worth a
  // label only where the page shows what NewsLens is for (two languages, copies, an AI disclosure).
  const aiPage = languages.length > 0 || collapseOf.size > 0 || analysis.report.disclosures.length > 0;
  const truncated = new Set(aiPage ? analysis.truncated : []);
  // "No translation" says something when most paragraphs have theirs; where most have none, the
  // page is not a translated one, and a label on every paragraph would only be noise.
  const pairedUnits = analysis.pairs.length * 2;
  const untranslated = new Set(analysis.untranslated.length <= pairedUnits ? analysis.untranslated : []);
  const disclosureOf = new Map<Element, DisclosureKind>();
  for (const { disclosure, el } of analysis.disclosures) {
    if (el && disclosure.source === 'text' && !disclosureOf.has(el)) disclosureOf.set(el, disclosure.kind);
  }
  const unitsOf = new Map<number, typeof analysis.units>();
  for (const unit of analysis.units) {
    const list = unitsOf.get(unit.block) ?? [];
    list.push(unit);
    unitsOf.set(unit.block, list);
  }

  const block = (index: number): BlockWork | null => {
    const analysed = analysis.blocks[index];
    const units = (unitsOf.get(index) ?? []).sort((a, b) => a.part - b.part);
    if (!analysed || units.length === 0) return null;
    const inherited = inheritedLang(analysed.el);
    const toggles = units.map((unit) => toggleOf(unit.lang));
    // One half of a two-language block whose language ID missed (a short "AI News" read as Czech)
    // still belongs to one of the page's two languages: the one written in its script.
    if (toggles.some((toggle) => toggle !== null)) {
      units.forEach((unit, i) => {
        if (toggles[i] !== null) return;
        const script = dominantScript(unit.text);
        const fits = languages.filter((tag) => (SCRIPT_OF_LANGUAGE[baseLanguage(tag)] ?? 'Latin') === script);
        if (fits.length === 1) toggles[i] = fits[0] ?? null;
      });
    }
    const parts = units.map((unit, i): PartWork => {
      const toggle = toggles[i] ?? null;
      const lang = toggle !== null && toggleOf(unit.lang) === null ? toggle : unit.lang;
      let flag: Flag | null = null;
      if (truncated.has(unit.id)) flag = { kind: 'truncated' };
      else if (untranslated.has(unit.id) && toggle !== null) {
        flag = { kind: 'untranslated', missing: languages.find((tag) => tag !== toggle) ?? '' };
      }
      return {
        text: unit.text,
        lang,
        toggle,
        setLang: lang !== 'und' && (inherited === null || baseLanguage(inherited) !== baseLanguage(lang)),
        collapse: collapseOf.get(unit.id) ?? null,
        flag,
      };
    });
    const disclosure = disclosureOf.get(analysed.el) ?? null;
    const hasWork = disclosure !== null || parts.some((part) => part.toggle !== null || part.setLang || part.collapse || part.flag);
    if (!hasWork) return null;
    // A one-part block is marked as a whole, whatever its text; a split block depends on its parts' text.
    const key = JSON.stringify([parts.length > 1 ? parts : parts.map(({ text: _, ...rest }) => rest), disclosure]);
    return { el: analysed.el, parts, disclosure, key };
  };

  return {
    summary: {
      languages,
      modes: languages.length ? [...languages, 'both'] : ['both'],
      collapsedCount: collapseOf.size,
      disclosureCount: analysis.report.disclosures.length,
    },
    count: analysis.blocks.length,
    block,
  };
}

/** The whole plan at once, for a caller that need not slice. */
export function planPage(analysis: Analysis, inheritedLang: (el: Element) => string | null): PagePlan {
  const planner = createPlanner(analysis, inheritedLang);
  const blocks: BlockWork[] = [];
  for (let i = 0; i < planner.count; i++) {
    const work = planner.block(i);
    if (work) blocks.push(work);
  }
  return { ...planner.summary, blocks };
}
