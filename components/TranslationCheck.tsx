import type { MessageKey } from '../utils/i18n';
import type { FlagTarget } from '../utils/protocol';
import type { Mismatch } from '../engine/report';
import { excerptAround, ShowButton } from './flag-item';
import { useLocale } from './locale';

/**
 * The translation check's flags: each pair whose two sides state a figure or a name differently,
 * with the item as written on each side and the stretch of each paragraph around it.
 */

const KIND_TEXT: Record<Mismatch['kind'], MessageKey> = {
  number: 'checkNumbers',
  name: 'checkNames',
};

const langOf = (lang: string) => (lang === 'und' ? undefined : lang);

export function MismatchItems({ mismatches, id, onShow }: { mismatches: Mismatch[]; id: string; onShow: (target: FlagTarget) => void }) {
  const { t } = useLocale();
  return (
    <>
      {mismatches.map(({ a, b, kind, detail }, index) => {
        const evidenceId = `${id}-mismatch-${index}`;
        return (
          <li key={index} class="flag-item">
            <p class="flag-meta">
              <strong>{t(KIND_TEXT[kind])}</strong> ·{' '}
              <span class="check-figures">
                <span lang={langOf(a.lang)}>{detail.a}</span> ↔ <span lang={langOf(b.lang)}>{detail.b}</span>
              </span>
            </p>
            <div id={evidenceId} class="evidence">
              <p lang={langOf(a.lang)}>{excerptAround(a.text, detail.a)}</p>
              <p lang={langOf(b.lang)}>{excerptAround(b.text, detail.b)}</p>
            </div>
            <ShowButton target={{ kind: 'mismatch', index }} describedBy={evidenceId} onShow={onShow} />
          </li>
        );
      })}
    </>
  );
}
