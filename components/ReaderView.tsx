import { Fragment } from 'preact';
import type { LanguageMode } from '../utils/protocol';
import type { PageReport } from '../engine/report';
import { readerRows, type ShownBlock, siteOf, titleParts } from './reader-rows';
import { isUnspaced } from '../engine/writing-systems';
import { useLocale } from './locale';

/** The reader: the article's rows (reader-rows.ts) with their marks, and its header. */

function Block({ block }: { block: ShownBlock }) {
  const { t } = useLocale();
  const Tag = block.role === 'heading' ? 'h3' : block.role === 'quote' ? 'blockquote' : 'p';
  const classes = ['block', `role-${block.role}`, block.truncated && 'is-truncated', block.untranslated && 'is-untranslated'];
  return (
    <div class={classes.filter(Boolean).join(' ')}>
      {(block.truncated || block.untranslated) && (
        <p class="marks">
          {block.truncated && (
            <span class="mark mark-truncated" title={t('markTruncatedHint')}>
              {t('markTruncated')}
            </span>
          )}
          {block.untranslated && (
            <span class="mark mark-untranslated" title={t('markUntranslatedHint')}>
              {t('markUntranslated')}
            </span>
          )}
        </p>
      )}
      <Tag lang={block.lang === 'und' ? undefined : block.lang} class={block.role === 'list-item' ? 'list-item' : undefined}>
        {block.text}
      </Tag>
    </div>
  );
}

export interface ReaderViewProps {
  report: PageReport;
  mode: LanguageMode;
  /** The reader says a pair's two paragraphs are not translations of each other; no button without it. */
  onNotTranslation?: (a: string, b: string) => void;
}

export function ReaderView({ report, mode, onNotTranslation }: ReaderViewProps) {
  const { t } = useLocale();
  const rows = readerRows(report, mode);
  return (
    <section class={`reader-body mode-${mode === 'both' ? 'both' : 'one'}`} aria-label={t('readerHeading')}>
      {rows.length === 0 ? (
        <p class="empty">{t('readerEmpty')}</p>
      ) : (
        rows.map((row, index) =>
          row.kind === 'pair' ? (
            <div class="row pair" key={index}>
              <Block block={row.a} />
              <Block block={row.b} />
              {onNotTranslation && (
                <button type="button" class="quiet pair-correct" onClick={() => onNotTranslation(row.a.text, row.b.text)}>
                  {t('correctTranslation')}
                </button>
              )}
            </div>
          ) : (
            <div class={`row single column-${row.column}`} key={index}>
              <Block block={row.block} />
            </div>
          ),
        )
      )}
    </section>
  );
}

/**
 * Minutes a reader takes over these texts: about 230 words a minute where words are spaced, about
 * 400 characters a minute in writing that does not space them (Chinese, Japanese).
 */
export function readingMinutes(texts: readonly string[]): number {
  let words = 0;
  let characters = 0;
  for (const text of texts) {
    let inWord = false;
    for (const ch of text) {
      if (isUnspaced(ch.codePointAt(0) as number)) {
        characters++;
        inWord = false;
      } else if (LETTER.test(ch)) {
        if (!inWord) words++;
        inWord = true;
      } else inWord = false;
    }
  }
  return Math.max(1, Math.round(words / 230 + characters / 400));
}

const LETTER = /[\p{L}\p{N}]/u;

/** The blocks a mode shows, as text: what its reading time counts (a pair is read in one of its languages). */
const shownTexts = (report: PageReport, mode: LanguageMode): string[] =>
  readerRows(report, mode).map((row) => (row.kind === 'pair' ? row.a.text : row.block.text));

function dateOf(iso: string | null, lang: string): string | null {
  if (iso === null) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(date);
}

/** The title in the chosen language, where it comes from (a link to it), its byline and date, and its reading time. */
export function ArticleHeader({ report, mode }: { report: PageReport; mode: LanguageMode }) {
  const { t, lang } = useLocale();
  const parts = titleParts(report, mode);
  const site = siteOf(report);
  const published = dateOf(report.meta?.published ?? null, lang);
  const byline = report.meta?.byline ?? null;
  const minutes = report.article.blocks.length > 0 ? readingMinutes(shownTexts(report, mode)) : null;
  return (
    <header class="article-header">
      {site !== null && (
        <p class="site">
          {report.url !== null && /^https?:/i.test(report.url) ? (
            <a href={report.url} target="_blank" rel="noreferrer noopener" title={t('readerSourceLink')}>
              {site}
            </a>
          ) : (
            site
          )}
        </p>
      )}
      <h1>
        {parts.length === 0
          ? t('untitled')
          : parts.map((part, index) => (
              // The space keeps the parts apart for screen readers and copying; CSS stacks them.
              <Fragment key={index}>
                {index > 0 && ' '}
                <span class="title-part" lang={part.lang === 'und' ? undefined : part.lang}>
                  {part.text}
                </span>
              </Fragment>
            ))}
      </h1>
      {(byline !== null || published !== null || minutes !== null) && (
        <p class="byline">
          {[
            byline !== null && <span key="by">{t('readerBy', byline)}</span>,
            published !== null && (
              <time key="date" dateTime={report.meta?.published ?? undefined}>
                {published}
              </time>
            ),
            minutes !== null && <span key="time">{t('readerMinutes', String(minutes))}</span>,
          ]
            .filter(Boolean)
            .flatMap((item, i) => (i > 0 ? [' · ', item] : [item]))}
        </p>
      )}
    </header>
  );
}
