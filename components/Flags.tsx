import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { MessageKey } from '../utils/i18n';
import type { FlagTarget } from '../utils/protocol';
import type { CorrectionKind } from '../utils/corrections';
import type { DisclosureKind, DisclosureSource, DuplicateKind, PageReport } from '../engine/report';
import { excerpt, ShowButton } from './flag-item';
import { useLocale } from './locale';
import { MismatchItems } from './TranslationCheck';

/**
 * Everything NewsLens found wrong or notable on the page, each with its evidence and a button
 * that scrolls the page to it. A target's index is the item's index in its report list
 * (`disclosures`, `duplicates`, `truncated`, `bilingual.untranslated`, `bilingual.mismatches`).
 */

const KIND_TEXT: Record<DisclosureKind, MessageKey> = {
  generated: 'disclosureGenerated',
  assisted: 'disclosureAssisted',
  summary: 'disclosureSummary',
  suspected: 'disclosureSuspected',
};

const SOURCE_TEXT: Record<DisclosureSource, MessageKey> = {
  text: 'sourceText',
  meta: 'sourceMeta',
  'json-ld': 'sourceJsonLd',
  attribute: 'sourceAttribute',
};

const DUPLICATE_TEXT: Record<DuplicateKind, MessageKey> = {
  exact: 'duplicateExact',
  near: 'duplicateNear',
  truncated: 'duplicateTruncated',
};

const CORRECTION_TEXT: Record<CorrectionKind, MessageKey> = {
  duplicate: 'correctDuplicate',
  disclosure: 'correctDisclosure',
  translation: 'correctTranslation',
};

/** The reader's "this is not one": the finding leaves the list and the page (utils/corrections.ts). */
function CorrectButton({ kind, text, describedBy, onCorrect }: { kind: CorrectionKind; text: string; describedBy: string; onCorrect: FlagsProps['onCorrect'] }) {
  const { t } = useLocale();
  if (!onCorrect) return null;
  return (
    <button type="button" class="show quiet" aria-describedby={describedBy} onClick={() => onCorrect(kind, text)}>
      {t(CORRECTION_TEXT[kind])}
    </button>
  );
}

export interface FlagsProps {
  report: PageReport;
  onShow: (target: FlagTarget) => void;
  /** Whether the reader took this finding back on this site; its flag is then left out. */
  corrected?: (kind: CorrectionKind, text: string) => boolean;
  /** Takes a finding back ("not a duplicate", "not an AI notice"); no buttons without it. */
  onCorrect?: (kind: CorrectionKind, text: string) => void;
}

/**
 * One kind of finding. Only the AI disclosure and the translation check start open: their words
 * are the finding, while the other lists can run long and would push the article out of the popup.
 */
function FlagGroup({ kind, title, open, children }: { kind: string; title: string; open: boolean; children: ComponentChildren }) {
  return (
    <li class={`flag flag-${kind}`}>
      <details open={open}>
        <summary>
          <h3 class="flag-title">{title}</h3>
        </summary>
        <ul class="flag-items">{children}</ul>
      </details>
    </li>
  );
}

export function Flags({ report, onShow, corrected = () => false, onCorrect }: FlagsProps) {
  const { t } = useLocale();
  const id = useId();
  // Corrected findings are left out, each item keeping its index in the report (where it points on the page).
  const disclosures = report.disclosures.map((item, index) => ({ item, index })).filter(({ item }) => !corrected('disclosure', item.evidence));
  const duplicates = report.duplicates.map((item, index) => ({ item, index })).filter(({ item }) => !corrected('duplicate', item.kept));
  const { truncated } = report;
  // A report from before the translation check has no mismatches (the contract reads it as none).
  const { untranslated, mismatches = [] } = report.bilingual;
  const collapsed = duplicates.reduce((sum, { item }) => sum + item.copies.length, 0);
  const none = disclosures.length + duplicates.length + truncated.length + untranslated.length + mismatches.length === 0;

  return (
    <section class="panel flags" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} class="panel-title">
        {t('flagsHeading')}
      </h2>
      {none ? (
        <p class="empty">{t('flagsNone')}</p>
      ) : (
        <ul class="flag-list">
          {disclosures.length > 0 && (
            <FlagGroup kind="ai" title={t('flagDisclosure')} open>
              {disclosures.map(({ item: disclosure, index }) => {
                const evidenceId = `${id}-disclosure-${index}`;
                return (
                  <li key={index} class="flag-item">
                    <p class="flag-meta">
                      <strong>{t(KIND_TEXT[disclosure.kind])}</strong> · {t(SOURCE_TEXT[disclosure.source])}
                    </p>
                    {disclosure.source === 'text' ? (
                      <blockquote id={evidenceId} class="evidence" lang={disclosure.lang ?? undefined}>
                        {disclosure.evidence}
                      </blockquote>
                    ) : (
                      <code id={evidenceId} class="evidence">
                        {disclosure.evidence}
                      </code>
                    )}
                    <ShowButton target={{ kind: 'disclosure', index }} describedBy={evidenceId} onShow={onShow} />
                    <CorrectButton kind="disclosure" text={disclosure.evidence} describedBy={evidenceId} onCorrect={onCorrect} />
                  </li>
                );
              })}
            </FlagGroup>
          )}
          {mismatches.length > 0 && (
            <FlagGroup kind="check" title={t('flagCheck', String(mismatches.length))} open>
              <MismatchItems mismatches={mismatches} id={id} onShow={onShow} />
            </FlagGroup>
          )}
          {duplicates.length > 0 && (
            <FlagGroup kind="duplicates" title={t('flagDuplicates', String(collapsed))} open={false}>
              {duplicates.map(({ item: group, index }) => {
                const evidenceId = `${id}-duplicate-${index}`;
                return (
                  <li key={index} class="flag-item">
                    <p class="flag-meta">
                      <strong>{t(DUPLICATE_TEXT[group.kind])}</strong> · {t('duplicateCopies', String(group.copies.length))}
                    </p>
                    <p id={evidenceId} class="evidence">
                      {excerpt(group.kept)}
                    </p>
                    <ShowButton target={{ kind: 'duplicate', index }} describedBy={evidenceId} onShow={onShow} />
                    <CorrectButton kind="duplicate" text={group.kept} describedBy={evidenceId} onCorrect={onCorrect} />
                  </li>
                );
              })}
            </FlagGroup>
          )}
          {truncated.length > 0 && (
            <FlagGroup kind="truncated" title={t('flagTruncated', String(truncated.length))} open={false}>
              {truncated.map((item, index) => {
                const evidenceId = `${id}-truncated-${index}`;
                return (
                  <li key={index} class="flag-item">
                    <p id={evidenceId} class="evidence">
                      {excerpt(item.text, true)}
                    </p>
                    <ShowButton target={{ kind: 'truncated', index }} describedBy={evidenceId} onShow={onShow} />
                  </li>
                );
              })}
            </FlagGroup>
          )}
          {untranslated.length > 0 && (
            <FlagGroup kind="untranslated" title={t('flagUntranslated', String(untranslated.length))} open={false}>
              {untranslated.map((part, index) => {
                const evidenceId = `${id}-untranslated-${index}`;
                return (
                  <li key={index} class="flag-item">
                    <p id={evidenceId} class="evidence" lang={part.lang === 'und' ? undefined : part.lang}>
                      {excerpt(part.text)}
                    </p>
                    <ShowButton target={{ kind: 'untranslated', index }} describedBy={evidenceId} onShow={onShow} />
                  </li>
                );
              })}
            </FlagGroup>
          )}
        </ul>
      )}
    </section>
  );
}
