import type { PageReport, ReportBlock } from '../engine/report';
import type { LanguageMode } from '../utils/protocol';
import { readerRows, siteOf, titleParts } from './reader-rows';

/**
 * The reader's article taken away, in the language the reader chose (its rows, reader-rows.ts):
 * as Markdown for the clipboard, as a standalone HTML file (pairs side by side where there is
 * room, as in the reader), and, for reporting a wrong result, the page's HTML with its report in
 * one JSON file. Plain strings: nothing here touches the network or the page.
 */

const webUrl = (url: string | null): string | null => (url !== null && /^https?:\/\//i.test(url) ? url : null);

/** The blocks of a mode in reading order, a pair's two in a row. */
const blocksOf = (report: PageReport, mode: LanguageMode): ReportBlock[][] =>
  readerRows(report, mode).map((row) => (row.kind === 'pair' ? [row.a, row.b] : [row.block]));

const titleText = (report: PageReport, mode: LanguageMode): string =>
  titleParts(report, mode)
    .map((part) => part.text)
    .join(' / ');

/** Date of the article as written in the report (ISO 8601), its day only. */
const dayOf = (published: string | null | undefined): string | null => (published ? published.slice(0, 10) : null);

/** Characters that start Markdown syntax inside a line, and at its start. */
const INLINE = /[\\`*_[\]<>]/g;
const LINE_START = /^(#{1,6}\s|[-+]\s|\d+[.)]\s|>|={3,}|-{3,})/;

export function markdownText(text: string): string {
  const escaped = text.replace(INLINE, (ch) => `\\${ch}`);
  return LINE_START.test(escaped) ? `\\${escaped}` : escaped;
}

function markdownBlock(block: ReportBlock): string {
  const text = markdownText(block.text);
  switch (block.role) {
    case 'heading':
      return `## ${text}`;
    case 'quote':
      return `> ${text}`;
    case 'list-item':
      return `- ${text}`;
    default:
      return text;
  }
}

export function articleMarkdown(report: PageReport, mode: LanguageMode): string {
  const lines: string[] = [];
  const title = titleText(report, mode);
  if (title !== '') lines.push(`# ${markdownText(title)}`);
  const site = siteOf(report);
  const url = webUrl(report.url);
  const source = [
    site === null ? url : url === null ? markdownText(site) : `[${markdownText(site)}](<${url}>)`,
    report.meta?.byline ? markdownText(report.meta.byline) : null,
    dayOf(report.meta?.published),
  ].filter((item): item is string => item !== null && item !== '');
  if (source.length > 0) lines.push(source.join(' · '));
  for (const row of blocksOf(report, mode)) for (const block of row) lines.push(markdownBlock(block));
  return `${lines.join('\n\n')}\n`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] as string);

const langAttr = (lang: string): string => (lang === 'und' ? '' : ` lang="${escapeHtml(lang)}"`);

function htmlBlock(block: ReportBlock): string {
  const tag = block.role === 'heading' ? 'h2' : block.role === 'quote' ? 'blockquote' : block.role === 'list-item' ? 'li' : 'p';
  const inner = `<${tag}${langAttr(block.lang)}>${escapeHtml(block.text)}</${tag}>`;
  return tag === 'li' ? `<ul>${inner}</ul>` : inner;
}

/** The saved page's own sheet: readable in light and dark, a pair side by side from 600 px. */
const SAVED_CSS = `
:root { color-scheme: light dark; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; font: 1.0625rem/1.65 system-ui, sans-serif; }
h1 { line-height: 1.3; }
.source { color: GrayText; }
.row { margin: 0 0 1rem; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; }
.row > * { margin: 0; }
@media (max-width: 600px) { .pair { grid-template-columns: 1fr; gap: 0.5rem; } }
@media print { body { max-width: none; } a { color: inherit; } }
`;

/** A standalone HTML document of the reader's article: no script, no remote resource. */
export function articleHtml(report: PageReport, mode: LanguageMode): string {
  const parts = titleParts(report, mode);
  const title = titleText(report, mode);
  const site = siteOf(report);
  const url = webUrl(report.url);
  const day = dayOf(report.meta?.published);
  const source = [
    site === null ? null : url === null ? escapeHtml(site) : `<a href="${escapeHtml(url)}">${escapeHtml(site)}</a>`,
    report.meta?.byline ? escapeHtml(report.meta.byline) : null,
    day === null ? null : `<time datetime="${escapeHtml(day)}">${escapeHtml(day)}</time>`,
  ].filter((item): item is string => item !== null);
  const pageLang = mode !== 'both' ? mode : (parts[0]?.lang ?? report.article.blocks[0]?.lang ?? 'und');
  const rows = blocksOf(report, mode).map(
    (row) => `<div class="row${row.length > 1 ? ' pair' : ''}">${row.map(htmlBlock).join('')}</div>`,
  );
  return [
    '<!DOCTYPE html>',
    `<html${langAttr(pageLang)}>`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${SAVED_CSS}</style>`,
    '</head>',
    '<body>',
    '<article>',
    '<header>',
    `<h1>${parts.map((part) => `<span${langAttr(part.lang)}>${escapeHtml(part.text)}</span>`).join(' / ')}</h1>`,
    source.length > 0 ? `<p class="source">${source.join(' · ')}</p>` : '',
    '</header>',
    ...rows,
    '</article>',
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

/**
 * "Save page + report": what a reader sends when NewsLens got a page wrong. One file holds both,
 * so nothing gets separated: the page's HTML as it was before NewsLens changed it, and the report.
 */
export function reportBundle(report: PageReport, pageHtml: string | null, savedAt: Date): string {
  return `${JSON.stringify({ newslens: 1, savedAt: savedAt.toISOString(), url: report.url, report, pageHtml }, null, 2)}\n`;
}

/** A file name from the site and the title: letters and digits of any script, the rest dashes. */
export function fileName(report: PageReport, mode: LanguageMode, extension: string): string {
  const words = [siteOf(report) ?? '', titleText(report, mode)]
    .join(' ')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const name = [...words].slice(0, 60).join('').replace(/-+$/, '');
  return `${name || 'article'}.${extension}`;
}
