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

const position = (el: Element, other: Element): 'above' | 'below' =>
  el.compareDocumentPosition(other) & Node.DOCUMENT_POSITION_PRECEDING ? 'above' : 'below';

/**
 * `inheritedLang(el)` is the language an element has from the page itself (its own or an
 * ancestor's `lang`, before NewsLens set any).
 */
export function planPage(analysis: Analysis, inheritedLang: (el: Element) => string | null): PagePlan {
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
  const truncated = new Set(analysis.truncated);
  const untranslated = new Set(analysis.untranslated);
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

  const blocks: BlockWork[] = [];
  analysis.blocks.forEach((block, index) => {
    const units = (unitsOf.get(index) ?? []).sort((a, b) => a.part - b.part);
    if (units.length === 0) return;
    const inherited = inheritedLang(block.el);
    const parts = units.map((unit): PartWork => {
      const toggle = toggleOf(unit.lang);
      let flag: Flag | null = null;
      if (truncated.has(unit.id)) flag = { kind: 'truncated' };
      else if (untranslated.has(unit.id) && toggle !== null) {
        flag = { kind: 'untranslated', missing: languages.find((tag) => tag !== toggle) ?? '' };
      }
      return {
        text: unit.text,
        lang: unit.lang,
        toggle,
        setLang: unit.lang !== 'und' && (inherited === null || baseLanguage(inherited) !== baseLanguage(unit.lang)),
        collapse: collapseOf.get(unit.id) ?? null,
        flag,
      };
    });
    const disclosure = disclosureOf.get(block.el) ?? null;
    const visible = parts.some((part) => part.toggle !== null || part.setLang || part.collapse || part.flag) || disclosure !== null;
    if (!visible) return;
    const key = JSON.stringify([parts, disclosure]);
    blocks.push({ el: block.el, parts, disclosure, key });
  });

  return {
    languages,
    modes: languages.length ? [...languages, 'both'] : ['both'],
    blocks,
    collapsedCount: collapseOf.size,
    disclosureCount: analysis.report.disclosures.length,
  };
}
