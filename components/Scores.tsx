import type { Score } from '../engine/report';
import { sameLanguage } from '../engine/lang-tags';
import { useLocale } from './locale';

interface Labels {
  shown: string | null;
  shownLang: string | undefined;
  others: string[];
}

/** The label in the UI language when the page gives one, else English, else the first. */
function pickLabel(labels: Record<string, string>, uiLang: string): Labels {
  const entries = Object.entries(labels).filter(([, text]) => text.trim() !== '');
  const chosen =
    entries.find(([lang]) => sameLanguage(lang, uiLang)) ?? entries.find(([lang]) => sameLanguage(lang, 'en')) ?? entries[0];
  return {
    shown: chosen?.[1] ?? null,
    shownLang: chosen?.[0],
    others: entries.filter((entry) => entry !== chosen).map(([, text]) => text),
  };
}

export function Scores({ scores }: { scores: Score[] }) {
  const { t, lang } = useLocale();
  if (scores.length === 0) return null;
  const number = new Intl.NumberFormat(lang);
  return (
    <section class="panel scores" aria-labelledby="nl-scores-heading">
      <h2 id="nl-scores-heading" class="panel-title">
        {t('scoresHeading')}
      </h2>
      <ul class="score-list">
        {scores.map((score, index) => {
          const { shown, shownLang, others } = pickLabel(score.labels, lang);
          const label = shown ?? t('scoreUnnamed');
          const max = score.max ?? 100;
          const value = score.max === null ? number.format(score.value) : `${number.format(score.value)}/${number.format(max)}`;
          const tooltip = others.length > 0 ? others.join(' · ') : undefined;
          return (
            <li class="score" key={index} title={tooltip}>
              <span class="score-label" lang={shown === null ? undefined : shownLang}>
                {label}
              </span>
              {tooltip !== undefined && <span class="sr-only">({tooltip})</span>}
              <meter class="score-meter" min={0} max={max} value={score.value} aria-label={label} aria-valuetext={value} />
              <span class="score-value" aria-hidden="true">
                {value}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
