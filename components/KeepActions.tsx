import { useState } from 'preact/hooks';
import type { MessageKey } from '../utils/i18n';
import type { LanguageMode } from '../utils/protocol';
import type { PageReport } from '../engine/report';
import { articleHtml, articleMarkdown, fileName, reportBundle } from './article-export';
import { useLocale } from './locale';

/**
 * Taking the article away, in the language the reader chose: copy as Markdown, print, save as
 * HTML, and "save page + report" for telling us about a wrong result. Files are saved by an
 * `<a download>` of a blob, which both browsers allow an extension page on a click, with no
 * `downloads` permission; nothing leaves the machine.
 */

/** Saves `text` as a file through the browser's own download of a link. */
export function saveFile(doc: Document, name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // The download reads the blob after this task; a minute is ample, and the page may close sooner.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export interface KeepActionsProps {
  report: PageReport;
  mode: LanguageMode;
  /** The page's HTML before NewsLens changed it, asked of the content script. */
  pageHtml: () => Promise<string | null>;
  /** Prints the reader (the popup hands it to a reader tab, which prints itself). */
  onPrint: () => void;
  /** Writes the clipboard (navigator.clipboard in the extension). */
  copy?: (text: string) => Promise<void>;
  now?: () => Date;
}

export function KeepActions({ report, mode, pageHtml, onPrint, copy = (text) => navigator.clipboard.writeText(text), now = () => new Date() }: KeepActionsProps) {
  const { t } = useLocale();
  const [said, setSaid] = useState<MessageKey | null>(null);
  const copyMarkdown = () => {
    setSaid(null);
    copy(articleMarkdown(report, mode)).then(
      () => setSaid('keepCopied'),
      () => setSaid('keepCopyFailed'),
    );
  };
  const saveHtml = () => {
    saveFile(document, fileName(report, mode, 'html'), 'text/html;charset=utf-8', articleHtml(report, mode));
    setSaid('keepSaved');
  };
  const saveReport = async () => {
    setSaid(null);
    const html = await pageHtml().catch(() => null);
    saveFile(document, fileName(report, 'both', 'newslens.json'), 'application/json', reportBundle(report, html, now()));
    setSaid(html === null ? 'keepSavedReportOnly' : 'keepSaved');
  };
  return (
    <section class="keep" aria-label={t('keepHeading')}>
      <button type="button" onClick={copyMarkdown}>
        {t('keepCopyMarkdown')}
      </button>
      <button type="button" onClick={onPrint}>
        {t('keepPrint')}
      </button>
      <button type="button" onClick={saveHtml}>
        {t('keepSaveHtml')}
      </button>
      <button type="button" title={t('keepSaveReportHint')} onClick={() => void saveReport()}>
        {t('keepSaveReport')}
      </button>
      <span class="keep-status" role="status">
        {said === null ? '' : t(said)}
      </span>
    </section>
  );
}
