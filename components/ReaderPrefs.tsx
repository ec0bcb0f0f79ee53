import { useEffect, useId, useState } from 'preact/hooks';
import type { MessageKey } from '../utils/i18n';
import {
  DEFAULT_READER_PREFS,
  getReaderPrefs,
  type ReaderPrefs,
  type ReaderTheme,
  saveReaderPrefs,
  stepTextScale,
  TEXT_SCALES,
  watchReaderPrefs,
} from '../utils/settings';
import { useLocale } from './locale';

/**
 * The reader's text size and theme: read from storage, kept current when another reader changes
 * them, and put on the document's root (`--text-scale`, `data-theme`), where the extension's
 * sheet reads them.
 */
export function useReaderPrefs(root: HTMLElement = document.documentElement): [ReaderPrefs, (prefs: ReaderPrefs) => void] {
  const [prefs, setPrefs] = useState<ReaderPrefs>(DEFAULT_READER_PREFS);
  useEffect(() => {
    let current = true;
    void getReaderPrefs().then((stored) => current && setPrefs(stored));
    const unwatch = watchReaderPrefs(setPrefs);
    return () => {
      current = false;
      unwatch();
    };
  }, []);
  useEffect(() => {
    root.style.setProperty('--text-scale', String(prefs.textScale));
    if (prefs.theme === 'auto') delete root.dataset.theme;
    else root.dataset.theme = prefs.theme;
  }, [root, prefs]);
  const change = (next: ReaderPrefs) => {
    setPrefs(next);
    void saveReaderPrefs(next);
  };
  return [prefs, change];
}

const THEME_TEXT: Record<ReaderTheme, MessageKey> = { auto: 'prefsThemeAuto', light: 'prefsThemeLight', dark: 'prefsThemeDark' };

export function ReaderPrefsControls({ prefs, onChange }: { prefs: ReaderPrefs; onChange: (prefs: ReaderPrefs) => void }) {
  const { t } = useLocale();
  const id = useId();
  const smallest = prefs.textScale <= (TEXT_SCALES[0] ?? 1);
  const largest = prefs.textScale >= (TEXT_SCALES[TEXT_SCALES.length - 1] ?? 1);
  return (
    <fieldset class="reader-prefs" aria-label={t('prefsHeading')}>
      <button
        type="button"
        class="icon"
        title={t('prefsSmaller')}
        disabled={smallest}
        onClick={() => onChange({ ...prefs, textScale: stepTextScale(prefs.textScale, -1) })}
      >
        <span aria-hidden="true">{t('prefsSmallerGlyph')}</span>
        <span class="sr-only">{t('prefsSmaller')}</span>
      </button>
      <span class="text-scale" aria-live="polite">
        {t('prefsTextSize', String(Math.round(prefs.textScale * 100)))}
      </span>
      <button
        type="button"
        class="icon"
        title={t('prefsLarger')}
        disabled={largest}
        onClick={() => onChange({ ...prefs, textScale: stepTextScale(prefs.textScale, 1) })}
      >
        <span aria-hidden="true">{t('prefsLargerGlyph')}</span>
        <span class="sr-only">{t('prefsLarger')}</span>
      </button>
      <label for={`${id}-theme`} class="theme-label">
        {t('prefsTheme')}
      </label>
      <select id={`${id}-theme`} value={prefs.theme} onChange={(event) => onChange({ ...prefs, theme: event.currentTarget.value as ReaderTheme })}>
        {(Object.keys(THEME_TEXT) as ReaderTheme[]).map((theme) => (
          <option key={theme} value={theme}>
            {t(THEME_TEXT[theme])}
          </option>
        ))}
      </select>
    </fieldset>
  );
}
