import type { ComponentChildren } from 'preact';
import { useLocale } from './locale';
import type { MessageKey } from '../utils/i18n';

/** Everything the popup shows instead of a reader view, so that it is never blank. */
export type StatusKind = 'analysing' | 'not-article' | 'unreachable' | 'error' | 'off';

const TEXT: Record<StatusKind, { title: MessageKey; body: MessageKey }> = {
  analysing: { title: 'statusAnalysingTitle', body: 'statusAnalysingBody' },
  'not-article': { title: 'statusNotArticleTitle', body: 'statusNotArticleBody' },
  unreachable: { title: 'statusUnreachableTitle', body: 'statusUnreachableBody' },
  error: { title: 'statusErrorTitle', body: 'statusErrorBody' },
  off: { title: 'statusOffTitle', body: 'statusOffBody' },
};

export function StatusView({
  kind,
  detail,
  children,
}: {
  kind: StatusKind;
  /** Technical detail (an error message), shown as plain text under the explanation. */
  detail?: string | null;
  /** Actions the state offers (try again, turn on). */
  children?: ComponentChildren;
}) {
  const { t } = useLocale();
  const text = TEXT[kind];
  return (
    <main class={`status status-${kind}`} aria-busy={kind === 'analysing' ? 'true' : undefined}>
      {kind === 'analysing' && <div class="spinner" aria-hidden="true" />}
      <h1>{t(text.title)}</h1>
      <p role={kind === 'analysing' ? 'status' : undefined}>{t(text.body)}</p>
      {detail !== undefined && detail !== null && detail !== '' && <p class="status-detail">{detail}</p>}
      {children !== undefined && <div class="actions">{children}</div>}
    </main>
  );
}
