/**
 * Ordinary article pages with one statement placed the way sites place AI notices. The evaluation
 * (disclosures.ts) runs every held-out statement through each placement and the whole engine.
 */

export const PLACEMENTS = [
  'footer-note',
  'italic-top',
  'aside',
  'blockquote-callout',
  'small-byline',
  'title-badge',
  'article-footer',
  'figure-caption',
  'notice-box',
] as const;
export type Placement = (typeof PLACEMENTS)[number];

/** Longest statement set as a badge beside the title: a badge is a label, not a paragraph. */
export const MAX_BADGE_TEXT = 60;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A second notice sharing the box in the `notice-box` placement (nextcloud/mail's summary notice, see the labelled set). */
export const BOX_COMPANION = 'This summary is AI-generated and may contain mistakes.';

export interface Article {
  title: string;
  paragraphs: string[];
}

/** The page with `statement` placed at `placement`, or null where the placement does not fit it. */
export function pageWith(article: Article, statement: string, placement: Placement): string | null {
  if (placement === 'title-badge' && statement.length > MAX_BADGE_TEXT) return null;
  const s = escapeHtml(statement);
  const body = article.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`);
  const half = Math.ceil(body.length / 2);
  let title = `<h1>${escapeHtml(article.title)}</h1>`;
  let byline = '<div class="byline">By Dana Reyes · 12 May 2025</div>';
  let before = '';
  let middle = '';
  let after = '';
  let footer = '';
  switch (placement) {
    case 'footer-note':
      after = `<p class="note">${s}</p>`;
      break;
    case 'italic-top':
      before = `<p><em>${s}</em></p>`;
      break;
    case 'aside':
      after = `<aside class="ai-note"><p>${s}</p></aside>`;
      break;
    case 'blockquote-callout':
      before = `<blockquote class="callout"><p>${s}</p></blockquote>`;
      break;
    case 'small-byline':
      byline = `<div class="byline">By Dana Reyes · 12 May 2025</div><small>${s}</small>`;
      break;
    case 'title-badge':
      title = `<div class="headline-row"><h1>${escapeHtml(article.title)}</h1><span class="label">${s}</span></div>`;
      break;
    case 'article-footer':
      footer = `<footer><p>${s}</p></footer>`;
      break;
    case 'figure-caption':
      middle = `<figure><img src="data:," alt=""><figcaption>${s}</figcaption></figure>`;
      break;
    case 'notice-box':
      after = `<div class="disclaimer">${escapeHtml(BOX_COMPANION)} ${s}</div>`;
      break;
  }
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(article.title)}</title></head><body>
<header class="site-header"><nav><a href="/">Home</a> · <a href="/world">World</a> · <a href="/business">Business</a></nav></header>
<main><article>${title}${byline}${before}${body.slice(0, half).join('')}${middle}${body.slice(half).join('')}${after}${footer}</article></main>
<footer class="site-footer"><p>© 2025 Example News · <a href="/privacy">Privacy</a></p></footer></body></html>`;
}
