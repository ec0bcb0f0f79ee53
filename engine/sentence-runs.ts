import { featureMemo, lengthRatio, logit, translationScore } from './alignment';
import { withoutSeparators } from './inline';
import { baseLanguage, detectLanguage, type LanguageHint } from './languages';
import type { Part } from './report';
import { foldSpace } from './text';
import { latinLength } from './writing-systems';

/**
 * One element holding a text and its translation in one writing system (English then French,
 * Japanese then Chinese): the sentences' languages tell where the first text ends. Script-based
 * inline splitting (inline.ts) cannot see this boundary.
 */

/** A sentence end: . ! ? (closing quotes or brackets after it) before white space, or 。！？ anywhere. */
const SENTENCE_END = /[.!?]["'”’»)\]]*\s+|[。！？][」』”’）]*\s*/g;
/**
 * … or a colon before a capital, where a text of several sentences may end ("… on the island of
 * Sulawesi: In Palu, …"). Not in a text of one sentence: a headline's colon opens its second half
 * ("Johnny English Strikes Again review: underpowered …"). Capitals as ranges (Latin, Greek,
 * Cyrillic): \p{Lu} costs V8 a large set to build on a page's first analysis.
 */
const TEXT_END = /[.!?]["'”’»)\]]*\s+|[。！？][」』”’）]*\s*|:\s+(?=[A-ZÀ-ÖØ-ÞΑ-ΩА-Я])/g;

/** [start, end) of each sentence, white space around it left out. */
function sentencesOf(text: string, ends: RegExp): [number, number][] {
  const ranges: [number, number][] = [];
  let from = 0;
  const push = (to: number) => {
    const piece = text.slice(from, to);
    const start = from + (piece.length - piece.trimStart().length);
    const end = to - (piece.length - piece.trimEnd().length);
    if (end > start) ranges.push([start, end]);
  };
  for (const match of text.matchAll(ends)) {
    const to = (match.index ?? 0) + match[0].length;
    push(to);
    from = to;
  }
  push(text.length);
  return ranges;
}

/** Cuts between sentences scored as a text and its translation, the ones nearest the middle (a bound on the cost). */
const MAX_CUTS = 12;
/**
 * Latin-equivalent characters of a sentence told in the language the cut puts it against that
 * weigh one unit of translation evidence (log-odds): a sentence's language told alone is a
 * guess when it is short ("C’est normal." read as English) and near certain when it is long.
 */
const TOLD_CHARS = 25;

/**
 * Two parts when the text's sentences run in one language and then in another, else none. The
 * first and last sentences are told first: a text whose ends agree is one language (most
 * paragraphs stop there, at two detections). The cut is the sentence boundary whose halves read
 * best as a text and its translation, less the sentences it puts on the side of the language they
 * are not told in, by their length; each half is then told whole.
 */
export function splitBySentences(text: string, hint: LanguageHint): Part[] {
  if (sentencesOf(text, SENTENCE_END).length < 2) return [];
  const ranges = sentencesOf(text, TEXT_END);
  const tell = (start: number, end: number) => baseLanguage(detectLanguage(text.slice(start, end), hint));
  const told = ranges.map(([start, end], i) => (i === 0 || i === ranges.length - 1 ? tell(start, end) : undefined));
  const first = told[0] as string;
  const last = told[ranges.length - 1] as string;
  if (first === 'und' || last === 'und' || first === last) return [];
  const weights = ranges.map(([start, end]) => latinLength(text.slice(start, end)));
  // against[k]: weight of the sentences a cut before sentence k puts on the wrong side.
  const langs = ranges.map(([start, end], i) => told[i] ?? tell(start, end));
  const against = ranges.map((_, k) => langs.reduce((sum, lang, i) => sum + ((i < k ? lang === last : lang === first) ? (weights[i] ?? 0) : 0), 0));
  const total = weights.reduce((sum, w) => sum + w, 0);
  const ratio = lengthRatio(first, last);
  const middle = total / (1 + ratio);
  const before = (k: number) => weights.slice(0, k).reduce((sum, w) => sum + w, 0);
  const cuts = ranges
    .map((_, k) => k)
    .slice(1)
    .sort((x, y) => Math.abs(before(x) - middle) - Math.abs(before(y) - middle))
    .slice(0, MAX_CUTS);
  const memo = featureMemo();
  let best = Number.NEGATIVE_INFINITY;
  let boundary = 0;
  for (const k of cuts) {
    const at = (ranges[k] as [number, number])[0];
    const score = logit(translationScore(text.slice(0, at).trim(), text.slice(at).trim(), memo, ratio, [first, last])) - (against[k] ?? 0) / TOLD_CHARS;
    if (score > best) {
      best = score;
      boundary = at;
    }
  }
  // Halves that do not read as a text and its translation are one text quoting another language.
  if (best < 0) return [];
  const head = detectLanguage(text.slice(0, boundary), hint);
  const tail = detectLanguage(text.slice(boundary), hint);
  if (baseLanguage(head) !== first || baseLanguage(tail) !== last) return [];
  // A mark between the two ("Text. // Translation.") belongs to neither.
  return [
    { lang: head, text: foldSpace(withoutSeparators(text.slice(0, boundary))) },
    { lang: tail, text: foldSpace(withoutSeparators(text.slice(boundary))) },
  ];
}
