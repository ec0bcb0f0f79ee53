import type { FlagTarget } from '../utils/protocol';
import { useLocale } from './locale';

/** Characters of a paragraph a flag quotes. */
const EXCERPT_CHARS = 140;

/** Long paragraphs are cut for the list; `fromEnd` keeps the end, where a truncation shows. */
export function excerpt(text: string, fromEnd = false): string {
  const chars = [...text];
  if (chars.length <= EXCERPT_CHARS) return text;
  return fromEnd ? `…${chars.slice(-EXCERPT_CHARS).join('')}` : `${chars.slice(0, EXCERPT_CHARS).join('')}…`;
}

/** The stretch of a long paragraph around `item` (a figure it states), or its start when `item` is not in it. */
export function excerptAround(text: string, item: string): string {
  const chars = [...text];
  const at = [...text.slice(0, Math.max(0, text.indexOf(item)))].length;
  if (chars.length <= EXCERPT_CHARS) return text;
  const from = Math.max(0, Math.min(at - EXCERPT_CHARS / 2, chars.length - EXCERPT_CHARS));
  const to = from + EXCERPT_CHARS;
  return `${from > 0 ? '…' : ''}${chars.slice(from, to).join('')}${to < chars.length ? '…' : ''}`;
}

export function ShowButton({ target, describedBy, onShow }: { target: FlagTarget; describedBy: string; onShow: (target: FlagTarget) => void }) {
  const { t } = useLocale();
  return (
    <button type="button" class="show" aria-describedby={describedBy} onClick={() => onShow(target)}>
      {t('showOnPage')}
    </button>
  );
}
