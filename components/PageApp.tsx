import { useEffect, useRef, useState } from 'preact/hooks';
import type { FlagTarget, LanguageMode, PageSession } from '../utils/protocol';
import { hostOf, setSiteDisabled } from '../utils/settings';
import {
  type Corrections,
  type CorrectionKind,
  correctionOf,
  correctPairs,
  getCorrections,
  isCorrected,
  pairText,
  setCorrection,
  watchCorrections,
} from '../utils/corrections';
import { Flags } from './Flags';
import { useLocale } from './locale';
import { LanguageSwitch } from './LanguageSwitch';
import { isReadableUrl, type PageClient } from './page-client';
import { ArticleHeader, ReaderView } from './ReaderView';
import { KeepActions } from './KeepActions';
import { ReaderPrefsControls, useReaderPrefs } from './ReaderPrefs';
import { Scores } from './Scores';
import { StatusView } from './StatusView';
import { Tags } from './Tags';

/**
 * The popup and the "open in a tab" reader page: one tab's state, kept current by polling while
 * the page is analysed and by the state the content script announces when anything changes
 * (the language switched on the page, a late analysis). The mode lives on the page; this view
 * only asks for changes and shows what the page reports back.
 */

type View = { kind: 'connecting' } | { kind: 'unreachable' } | { kind: 'page'; state: PageSession };

export interface PageAppProps {
  /** Null when there is no tab to read (the reader page opened without a valid tab id). */
  client: PageClient | null;
  variant: 'popup' | 'tab';
  /** How often to ask again while the page is being analysed or the content script is starting. */
  pollMs?: number;
  /** Failed requests before concluding that no content script will answer. */
  attempts?: number;
  /** Opens the print dialog once, when the article first shows (the popup's "print" opens the reader tab so). */
  printOnReady?: boolean;
  /** Closes the popup, uncovering the page (a stand-in in tests). */
  closePopup?: () => void;
}

export function PageApp({ client, variant, pollMs = 400, attempts = 5, printOnReady = false, closePopup = () => window.close() }: PageAppProps) {
  const { t } = useLocale();
  const [view, setView] = useState<View>(client === null ? { kind: 'unreachable' } : { kind: 'connecting' });
  const [pageUrl, setPageUrl] = useState<string | null>(null);
  const [corrections, setCorrections] = useState<Corrections>({});
  const [correctedNote, setCorrectedNote] = useState(false);
  const [prefs, setPrefs] = useReaderPrefs();
  // The reader tab may not see the page's address, and an 'off' state carries no report, so the
  // host last seen in a report is kept for turning the site back on.
  const lastHost = useRef<string | null>(null);
  // Set by the effect below, which owns the timers; handlers ask again through these.
  const reload = useRef<() => void>(() => {});
  const retry = useRef<() => void>(() => {});

  const titleText = view.kind === 'page' ? (view.state.report?.title?.text ?? null) : null;
  const printed = useRef(false);
  const articleShown = view.kind === 'page' && view.state.status === 'ready' && view.state.report !== null;
  useEffect(() => {
    if (!printOnReady || !articleShown || printed.current) return;
    printed.current = true;
    // After this render is painted: the dialog prints what is on screen.
    setTimeout(() => window.print(), 0);
  }, [printOnReady, articleShown]);
  useEffect(() => {
    if (variant === 'tab') document.title = titleText === null ? t('extName') : `${titleText} · ${t('extName')}`;
  }, [variant, titleText, t]);

  useEffect(() => {
    void getCorrections().then(setCorrections);
    return watchCorrections(setCorrections);
  }, []);

  useEffect(() => {
    if (client === null) return;
    const page = client;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(load, pollMs);
    };
    const show = (state: PageSession) => {
      setView({ kind: 'page', state });
      if (state.status === 'analysing') schedule();
    };
    // A page still loading has no content script yet, so a few failures are expected first.
    async function load() {
      try {
        const state = await page.getState();
        if (stopped) return;
        failures = 0;
        show(state);
      } catch {
        if (stopped) return;
        failures += 1;
        if (failures < attempts) schedule();
        else setView({ kind: 'unreachable' });
      }
    }
    reload.current = () => void load();
    retry.current = () => {
      failures = 0;
      setView({ kind: 'connecting' });
      void load();
    };
    const unsubscribe = page.subscribe((state) => {
      if (!stopped) show(state);
    });
    void page.pageUrl().then((url) => {
      if (stopped) return;
      setPageUrl(url);
      if (url !== null && !isReadableUrl(url)) setView({ kind: 'unreachable' });
      else void load();
    });
    return () => {
      stopped = true;
      clearTimeout(timer);
      unsubscribe();
    };
  }, [client, pollMs, attempts]);

  if (client === null || view.kind === 'unreachable') {
    return (
      <StatusView kind="unreachable">
        {client !== null && (
          <button type="button" onClick={() => retry.current()}>
            {t('actionRetry')}
          </button>
        )}
      </StatusView>
    );
  }
  if (view.kind === 'connecting') return <StatusView kind="analysing" />;

  const { state } = view;
  const host = hostOf(pageUrl ?? state.report?.url ?? '') ?? lastHost.current;
  lastHost.current = host;

  const setEnabled = async (enabled: boolean) => {
    if (host !== null) await setSiteDisabled(host, !enabled);
    await client.send({ type: 'set-enabled', enabled }).catch(() => undefined);
    reload.current();
  };

  // A page without an article is left as it is, and the reader says so and hands the page back
  // rather than showing an empty article.
  const notArticle = (
    <StatusView kind="not-article">
      <button
        type="button"
        class="primary"
        onClick={() => void client.focusPage().then(() => (variant === 'popup' ? closePopup() : undefined))}
      >
        {t('notArticleReadPage')}
      </button>
    </StatusView>
  );

  switch (state.status) {
    case 'analysing':
      return <StatusView kind="analysing" />;
    case 'not-article':
      return notArticle;
    case 'off':
      return (
        <StatusView kind="off">
          <button type="button" class="primary" onClick={() => void setEnabled(true)}>
            {t('actionTurnOn')}
          </button>
        </StatusView>
      );
    case 'error':
      return (
        <StatusView kind="error" detail={state.error}>
          <button type="button" onClick={() => retry.current()}>
            {t('actionRetry')}
          </button>
        </StatusView>
      );
    case 'ready':
      if (state.report === null) return <StatusView kind="error" />;
      if (state.report.article.blocks.length === 0) return notArticle;
  }

  const { report: found } = state;
  const setMode = (mode: LanguageMode) => {
    // Shown at once; the page's own answer follows through the next state.
    setView({ kind: 'page', state: { ...state, mode } });
    void client
      .send({ type: 'set-mode', mode })
      .catch(() => undefined)
      .then(() => reload.current());
  };
  const siteCorrections = host === null ? [] : (corrections[host] ?? []);
  const report = correctPairs(found, siteCorrections);
  const correct = (kind: CorrectionKind, text: string) => {
    if (host === null) return;
    setCorrections({ ...corrections, [host]: [...siteCorrections, correctionOf(kind, text)] });
    setCorrectedNote(true);
    void setCorrection(host, correctionOf(kind, text));
  };
  const showOnPage = (target: FlagTarget) => {
    void client.send({ type: 'scroll-to', target }).then(() => (variant === 'tab' ? client.focusPage() : undefined));
  };

  return (
    <main class={`reader variant-${variant}`}>
      <div class="toolbar">
        <LanguageSwitch modes={state.modes} mode={state.mode} onChange={setMode} />
        <span class="spacer" />
        {variant === 'popup' && (
          <button type="button" onClick={() => void client.openReaderTab()}>
            {t('actionOpenInTab')}
          </button>
        )}
        <button type="button" class="icon" aria-label={t('actionOptions')} title={t('actionOptions')} onClick={() => void client.openOptions()}>
          <span aria-hidden="true">⚙</span>
        </button>
      </div>
      <ReaderPrefsControls prefs={prefs} onChange={setPrefs} />
      <ArticleHeader report={report} mode={state.mode} />
      <KeepActions
        report={report}
        mode={state.mode}
        pageHtml={() => client.pageHtml()}
        onPrint={() => (variant === 'tab' ? window.print() : void client.openReaderTab({ print: true }))}
      />
      <div class="panels">
        <Scores scores={report.scores} />
        <Tags tags={report.tags} />
      </div>
      <Flags
        report={report}
        onShow={showOnPage}
        corrected={(kind, text) => isCorrected(siteCorrections, kind, text)}
        onCorrect={host === null ? undefined : correct}
      />
      <p class="corrected-note" role="status">
        {correctedNote ? t('correctedNote') : ''}
      </p>
      <ReaderView
        report={report}
        mode={state.mode}
        onNotTranslation={host === null ? undefined : (a, b) => correct('translation', pairText(a, b))}
      />
      <footer class="page-footer">
        <button type="button" class="quiet" onClick={() => void setEnabled(false)}>
          {t('actionTurnOff')}
        </button>
      </footer>
    </main>
  );
}
