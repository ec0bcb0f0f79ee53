/**
 * Short lines that are never a translation of anything: a label waiting for its value ("原文标题：",
 * "Original title:"), a bare address (a URL, a link whose text is its URL, a site's domain), a
 * dateline (a date or time and nothing else), and code (a file name, a directive, a decorator). Pairing them with a neighbour in the other language
 * glues a label onto the title it introduces, or a site's address onto the Chinese date below it;
 * counting them as evidence makes monolingual pages bilingual.
 */
import { isLabelLine, LABEL_LENGTH } from './chrome-lines';
import { readFigures } from './numbers';
import { latinLength } from './writing-systems';

/** http(s)://…, www.…, or a domain with a path ("herbsutter.com", "example.org/news/1"). */
const ADDRESS = /^(?:(?:https?:\/\/|www\.)\S+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:\/\S*)?)$/iu;
const DATE_KINDS = new Set(['date', 'time', 'year', 'month']);
/** What may stand between the figures of a dateline: separators, and the CJK date's unit marks. */
const DATELINE_REST = /^[\s\p{P}\p{S}年月日号號时時分秒]*$/u;
/** A date in digits only, perhaps with its time: 2026/03/29, 29.03.2026 12:30. */
const NUMERIC_DATE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?)?$/u;

/**
 * Marks of code in a word written in ASCII: paths (two slashes: one is "and/or", "Hello/Hi"), file
 * names and members (main.py, app.get), decorators, brackets, operators, options (--entrypoint).
 */
const CODE_WORD = /^[\x21-\x7e]*(?:[\\{}[\]<>=@#*_$`|]|\/[\x21-\x7e]*\/|[A-Za-z0-9]\.[A-Za-z]|^--?[a-z])[\x21-\x7e]*$/u;
/** How a line of code or a documentation directive opens ("/// tip", "{* file.py *}", "$ cmd", ">>> x"). */
const CODE_OPENING = /^(?:\/\/|\{[*%{]|\$\s|>>>\s)/u;
const HAS_LETTER = /\p{L}/u;

export type ShortLine = 'label' | 'address' | 'dateline' | 'code';

/**
 * What kind of never-translated line `text` is, or null for any other text. A label may still
 * stand beside its own translation in one element ("Share: 分享到:"); the others pair with nothing.
 */
export function shortLineKind(text: string): ShortLine | null {
  const line = text.trim();
  if (line.length === 0) return null;
  if (ADDRESS.test(line)) return 'address';
  if (isCode(line)) return 'code';
  if (isLabelLine(line)) return 'label';
  return isDateline(line) ? 'dateline' : null;
}

/**
 * Code in running text, never a translation (a file name after "Скопируйте это в файл", an
 * include directive, a decorator): ASCII only, and opening as code does or with every word marked as code.
 */
function isCode(line: string): boolean {
  if (!/^[\x20-\x7e]+$/u.test(line)) return false;
  if (CODE_OPENING.test(line)) return true;
  const words = line.split(' ').filter((word) => HAS_LETTER.test(word));
  return words.length > 0 && words.every((word) => CODE_WORD.test(word));
}

/** A date or time and nothing else: "2018年10月1日 12:30", "October 1, 2018", "2018-10-01". */
function isDateline(line: string): boolean {
  if (!/\d/.test(line) || latinLength(line) > LABEL_LENGTH * 2) return false;
  if (NUMERIC_DATE.test(line)) return true;
  const figures = readFigures(line);
  if (figures.length === 0 || figures.some((figure) => !DATE_KINDS.has(figure.kind))) return false;
  let rest = '';
  let at = 0;
  for (const figure of figures) {
    rest += line.slice(at, figure.start);
    at = Math.max(at, figure.end);
  }
  rest += line.slice(at);
  return DATELINE_REST.test(rest);
}
