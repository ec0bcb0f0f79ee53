import { useId } from 'preact/hooks';
import type { LanguageMode } from '../utils/protocol';
import { modeName } from '../utils/language-names';
import { CYCLE_SHORTCUT } from '../utils/shortcut';
import { useLocale } from './locale';

/**
 * The language switch: native radio buttons, so arrow keys move between modes and assistive
 * technology announces the choice without extra ARIA.
 */
export function LanguageSwitch({
  modes,
  mode,
  onChange,
}: {
  modes: LanguageMode[];
  mode: LanguageMode;
  onChange: (mode: LanguageMode) => void;
}) {
  const { t } = useLocale();
  const name = useId();
  if (modes.length < 2) return null;
  return (
    <fieldset class="mode-switch" title={t('modeShortcut', CYCLE_SHORTCUT)}>
      <legend class="sr-only">
        {t('modeLabel')} ({t('modeShortcut', CYCLE_SHORTCUT)})
      </legend>
      {modes.map((option) => (
        <label class="segment" key={option}>
          <input type="radio" name={name} value={option} checked={option === mode} onChange={() => onChange(option)} />
          <span lang={option === 'both' ? undefined : option}>{modeName(option, t)}</span>
        </label>
      ))}
    </fieldset>
  );
}
