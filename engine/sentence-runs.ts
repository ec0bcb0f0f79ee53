import { baseLanguage, detectLanguage, type LanguageHint } from './languages';
import type { Part } from './report';
import { foldSpace } from './text';

/**
 * One element holding a text and its translation in one writing system (English then French,
 * Japanese then Chinese): the sentences' languages tell where the first text ends. Script-based
 * inline splitting (inline.ts) cannot see this boundary.
 */

/** A sentence end: . ! ? (closing quotes or brackets after it) before white space, or 。！？ anywhere. */
const SENTENCE_END = /[.!?]["'”’»)\]]*\s+|[。！？][」』”’）]*\s*/g;

/** [start, end) of each sentence, white space around it left out. */
function sentencesOf(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  let from = 0;
  const push = (to: number) => {
    const piece = text.slice(from, to);
    const start = from + (piece.length - piece.trimStart().length);
    const end = to - (piece.length - piece.trimEnd().length);
    if (end > start) ranges.push([start, end]);
  };
  for (const match of text.matchAll(SENTENCE_END)) {
    const to = (match.index ?? 0) + match[0].length;
    push(to);
    from = to;
  }
  push(text.length);
  return ranges;
}

/**
 * Two parts when the text's sentences run in one language and then in another, else none. The
 * first and last sentences are told first: a text whose ends agree is one language (most
 * paragraphs stop there, at two detections).
 */
export function splitBySentences(text: string, hint: LanguageHint): Part[] {
  const ranges = sentencesOf(text);
  if (ranges.length < 2) return [];
  const tell = ([start, end]: [number, number]) => detectLanguage(text.slice(start, end), hint);
  const first = tell(ranges[0] as [number, number]);
  const last = tell(ranges[ranges.length - 1] as [number, number]);
  if (first === 'und' || last === 'und' || baseLanguage(first) === baseLanguage(last)) return [];
  // One switch only: the first language's sentences, then the other's.
  let cut = 1;
  while (cut < ranges.length - 1 && baseLanguage(tell(ranges[cut] as [number, number])) === baseLanguage(first)) cut++;
  for (let i = cut; i < ranges.length - 1; i++) if (baseLanguage(tell(ranges[i] as [number, number])) !== baseLanguage(last)) return [];
  const boundary = (ranges[cut] as [number, number])[0];
  return [
    { lang: first, text: foldSpace(text.slice(0, boundary)) },
    { lang: last, text: foldSpace(text.slice(boundary)) },
  ];
}
