import { useEffect, useId, useState } from 'preact/hooks';
import type { LanguageMode } from '../utils/protocol';
import {
  forgetSiteMode,
  getSettings,
  getSiteModes,
  hostOf,
  type Settings,
  type SiteModes,
  saveSettings,
  watchSettings,
  watchSiteModes,
} from '../utils/settings';
import { type Corrections, type CorrectionKind, getCorrections, setCorrection, watchCorrections } from '../utils/corrections';
import type { MessageKey } from '../utils/i18n';
import { DETECTABLE_LANGUAGES } from '../engine/lang-tags';
import { modeName } from '../utils/language-names';
import { useLocale } from './locale';

/** Every language a page may be switched to; a stored tag outside them still shows and stays selected. */
const OFFERED_MODES: LanguageMode[] = ['both', ...DETECTABLE_LANGUAGES];

const CORRECTION_NAME: Record<CorrectionKind, MessageKey> = {
  duplicate: 'correctDuplicate',
  disclosure: 'correctDisclosure',
  translation: 'correctTranslation',
};

/** A finding's text as the list quotes it. */
const quoted = (text: string): string => ([...text].length > 90 ? `${[...text].slice(0, 90).join('')}…` : text);

/**
 * The options page. Every change is saved at once (no save button to forget) and announced in a
 * live region; changes made elsewhere (the popup turning a site off) show up through the watchers.
 */
export function Options() {
  const { t } = useLocale();
  const id = useId();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [siteModes, setSiteModes] = useState<SiteModes>({});
  const [siteInput, setSiteInput] = useState('');
  const [siteError, setSiteError] = useState(false);
  const [saved, setSaved] = useState(false);
  const [corrections, setCorrections] = useState<Corrections>({});

  useEffect(() => {
    void getSettings().then(setSettings);
    void getSiteModes().then(setSiteModes);
    const unwatchSettings = watchSettings(setSettings);
    const unwatchModes = watchSiteModes(setSiteModes);
    void getCorrections().then(setCorrections);
    const unwatchCorrections = watchCorrections(setCorrections);
    return () => {
      unwatchSettings();
      unwatchModes();
      unwatchCorrections();
    };
  }, []);

  if (settings === null) return <main class="options" aria-busy="true" />;

  const update = async (patch: Partial<Settings>) => {
    const next = { ...settings, ...patch };
    setSettings(next);
    setSaved(false);
    await saveSettings(next);
    setSaved(true);
  };

  const addSite = (event: Event) => {
    event.preventDefault();
    const host = hostOf(siteInput);
    setSiteError(host === null);
    if (host === null) return;
    setSiteInput('');
    if (!settings.disabledSites.includes(host)) void update({ disabledSites: [...settings.disabledSites, host] });
  };

  const modes = OFFERED_MODES.includes(settings.defaultMode) ? OFFERED_MODES : [...OFFERED_MODES, settings.defaultMode];
  const remembered = Object.entries(siteModes).sort(([a], [b]) => a.localeCompare(b));
  const corrected = Object.entries(corrections)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([site, list]) => list.map((correction) => ({ site, correction })));

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>

      <section class="option">
        <label for={`${id}-mode`}>{t('optDefaultMode')}</label>
        <select
          id={`${id}-mode`}
          aria-describedby={`${id}-mode-hint`}
          value={settings.defaultMode}
          onChange={(event) => void update({ defaultMode: event.currentTarget.value })}
        >
          {modes.map((mode) => (
            <option key={mode} value={mode} lang={mode === 'both' ? undefined : mode}>
              {modeName(mode, t)}
            </option>
          ))}
        </select>
        <p id={`${id}-mode-hint`} class="hint">
          {t('optDefaultModeHint')}
        </p>
      </section>

      <section class="option">
        <label class="check">
          <input
            type="checkbox"
            checked={settings.autoCollapse}
            onChange={(event) => void update({ autoCollapse: event.currentTarget.checked })}
          />
          {t('optAutoCollapse')}
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={settings.showControl}
            onChange={(event) => void update({ showControl: event.currentTarget.checked })}
          />
          {t('optShowControl')}
        </label>
      </section>

      <section class="option" aria-labelledby={`${id}-sites`}>
        <h2 id={`${id}-sites`}>{t('optDisabledSites')}</h2>
        <p class="hint">{t('optDisabledSitesHint')}</p>
        {settings.disabledSites.length === 0 ? (
          <p class="empty">{t('optNoSites')}</p>
        ) : (
          <ul class="site-list">
            {settings.disabledSites.map((site) => (
              <li key={site}>
                <span>{site}</span>
                <button
                  type="button"
                  class="quiet"
                  onClick={() => void update({ disabledSites: settings.disabledSites.filter((other) => other !== site) })}
                >
                  {t('optRemove', site)}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form class="add-site" onSubmit={addSite}>
          <label for={`${id}-site`} class="sr-only">
            {t('optSiteInput')}
          </label>
          <input
            id={`${id}-site`}
            type="text"
            inputMode="url"
            autocomplete="off"
            placeholder="example.com"
            value={siteInput}
            aria-invalid={siteError ? 'true' : undefined}
            aria-describedby={siteError ? `${id}-site-error` : undefined}
            onInput={(event) => setSiteInput(event.currentTarget.value)}
          />
          <button type="submit">{t('optAddSite')}</button>
        </form>
        {siteError && (
          <p id={`${id}-site-error`} class="error" role="alert">
            {t('optInvalidSite')}
          </p>
        )}
      </section>

      <section class="option" aria-labelledby={`${id}-modes`}>
        <h2 id={`${id}-modes`}>{t('optSiteModes')}</h2>
        {remembered.length === 0 ? (
          <p class="empty">{t('optNoSiteModes')}</p>
        ) : (
          <ul class="site-list">
            {remembered.map(([site, mode]) => (
              <li key={site}>
                <span>
                  {site} · <span lang={mode === 'both' ? undefined : mode}>{modeName(mode, t)}</span>
                </span>
                <button type="button" class="quiet" onClick={() => void forgetSiteMode(site)}>
                  {t('optRemove', site)}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section class="option" aria-labelledby={`${id}-corrections`}>
        <h2 id={`${id}-corrections`}>{t('optCorrections')}</h2>
        <p class="hint">{t('optCorrectionsHint')}</p>
        {corrected.length === 0 ? (
          <p class="empty">{t('optNoCorrections')}</p>
        ) : (
          <ul class="site-list corrections">
            {corrected.map(({ site, correction }) => (
              <li key={`${site}\u0000${correction.kind}\u0000${correction.text}`}>
                <span>
                  {site} · <strong>{t(CORRECTION_NAME[correction.kind])}</strong> · <q>{quoted(correction.text)}</q>
                </span>
                <button
                  type="button"
                  class="quiet"
                  aria-label={t('optUndoCorrectionLabel', [t(CORRECTION_NAME[correction.kind]), site])}
                  onClick={() => void setCorrection(site, correction, true)}
                >
                  {t('optUndoCorrection')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <p class="saved" role="status">
        {saved ? t('optSaved') : ''}
      </p>
    </main>
  );
}
