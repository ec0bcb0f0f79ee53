import { translationScore } from './alignment';
import { baseLanguage } from './languages';
import type { BlockSnapshot } from './model';
import type { Part } from './report';
import { latinLength } from './writing-systems';

/** A subtitle this much longer or shorter than the title is not its translation (alignment.ts scores). */
const SUBTITLE_SCORE = 0.6;
/** A paragraph at most this many times as long as the title may be its translation (ntrex128 ratio 5th–95th percentile 0.74–1.43). */
const SUBTITLE_LENGTH = 1.6;

/**
 * The title, with its translation when the page prints that as a subtitle right under it (an h1 in
 * one of the page's two languages, then an h2, a label line or a title-sized paragraph in the other).
 */
export function titleOf(blocks: readonly BlockSnapshot[], partsOf: readonly Part[][], index: number, languages: readonly string[]): { text: string; parts: Part[] } {
  const title = blocks[index] as BlockSnapshot;
  const parts = partsOf[index] ?? [];
  const next = blocks[index + 1];
  const subtitle = partsOf[index + 1];
  const only = parts[0];
  if (parts.length !== 1 || only === undefined || next === undefined || subtitle?.length !== 1 || languages.length !== 2) return { text: title.text, parts };
  const other = subtitle[0] as Part;
  // A paragraph under the title is its subtitle only when it is about as long as a title.
  const titleSized = latinLength(other.text) <= SUBTITLE_LENGTH * latinLength(only.text);
  if (next.role !== 'heading' && next.role !== 'label' && !(next.role === 'paragraph' && titleSized)) return { text: title.text, parts };
  const bases = [baseLanguage(only.lang), baseLanguage(other.lang)];
  const pageBases = languages.map(baseLanguage);
  if (bases[0] === bases[1] || !bases.every((base) => pageBases.includes(base))) return { text: title.text, parts };
  if (translationScore(only.text, other.text) < SUBTITLE_SCORE) return { text: title.text, parts };
  return { text: `${title.text} ${next.text}`, parts: [only, other] };
}
