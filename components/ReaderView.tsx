import { Fragment } from 'preact';
import type { LanguageMode } from '../utils/protocol';
import type { Part, ReportBlock, PageReport } from '../engine/report';
import { sameLanguage } from '../engine/lang-tags';
import { isUnspaced } from '../engine/writing-systems';
import { useLocale } from './locale';

/**
 * The article without chrome or duplicates (`report.article.blocks` already leaves collapsed
 * copies out), in one language or both.
 *
 * Both: each pair in `report.bilingual.pairs` becomes one row, where its first part stands in
 * reading order, so a translation printed far below its original (the sequential layout) still
 * sits beside it. A block without a pair keeps its place, in its language's column.
 *
 * One language: blocks in that language, plus blocks in neither page language. A paragraph the
 * page never translated stays, marked, in the other language, and so does an AI notice: hiding
 * either would drop text that the reader has no other way to read (the page does the same).
 */

interface ShownBlock extends ReportBlock {
  truncated: boolean;
  untranslated: boolean;
}

type Row =
  | { kind: 'pair'; a: ShownBlock; b: ShownBlock }
  | { kind: 'single'; block: ShownBlock; column: 'a' | 'b' | 'full' };

const keyOf = (part: Part): string => `${part.lang}\u0000${part.text}`;

function readerRows(report: PageReport, mode: LanguageMode): Row[] {
  const { bilingual } = report;
  const truncated = new Set(report.truncated.map((item) => item.text));
  const untranslated = new Set(bilingual.untranslated.map(keyOf));
  const shown = (block: ReportBlock): ShownBlock => ({
    ...block,
    truncated: truncated.has(block.text),
    untranslated: untranslated.has(keyOf(block)),
  });
  const [first, second] = bilingual.languages;
  const columnOf = (lang: string): 'a' | 'b' | 'full' =>
    first !== undefined && sameLanguage(lang, first) ? 'a' : second !== undefined && sameLanguage(lang, second) ? 'b' : 'full';

  if (mode !== 'both') {
    const notices = report.disclosures.filter((disclosure) => disclosure.source === 'text').map((disclosure) => disclosure.evidence);
    const notice = (block: ReportBlock) => notices.some((evidence) => evidence !== '' && block.text.includes(evidence));
    return report.article.blocks
      .map(shown)
      .filter((block) => sameLanguage(block.lang, mode) || columnOf(block.lang) === 'full' || block.untranslated || notice(block))
      .map((block) => ({ kind: 'single', block, column: 'full' }));
  }

  const blocks = report.article.blocks.map(shown);
  // A text stands in several blocks only if the page repeats it; each pair takes the next free one.
  const free = new Map<string, ShownBlock[]>();
  for (const block of blocks) free.set(keyOf(block), [...(free.get(keyOf(block)) ?? []), block]);
  const pairOf = new Map<ShownBlock, { a: ShownBlock; b: ShownBlock }>();
  for (const pair of bilingual.pairs) {
    const a = free.get(keyOf(pair.a))?.[0];
    const b = free.get(keyOf(pair.b))?.[0];
    if (a === undefined || b === undefined) continue;
    free.get(keyOf(pair.a))?.shift();
    free.get(keyOf(pair.b))?.shift();
    pairOf.set(a, { a, b });
    pairOf.set(b, { a, b });
  }

  const placed = new Set<ShownBlock>();
  const rows: Row[] = [];
  for (const block of blocks) {
    if (placed.has(block)) continue;
    const pair = pairOf.get(block);
    if (pair === undefined) {
      rows.push({ kind: 'single', block, column: columnOf(block.lang) });
    } else {
      placed.add(pair.a).add(pair.b);
      rows.push({ kind: 'pair', ...pair });
    }
  }
  return rows;
}

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

export function ReaderView({ report, mode }: { report: PageReport; mode: LanguageMode }) {
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

/** The parts of the title a mode shows: the mode's language, or every part for both. */
function titleParts(report: PageReport, mode: LanguageMode): Part[] {
  const { title } = report;
  if (title === null) return [];
  if (mode === 'both') return title.parts.length > 0 ? title.parts : [{ lang: 'und', text: title.text }];
  const own = title.parts.filter((part) => sameLanguage(part.lang, mode));
  return own.length > 0 ? own : [{ lang: 'und', text: title.text }];
}

function hostName(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
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
  const site = report.meta?.site ?? hostName(report.url);
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
