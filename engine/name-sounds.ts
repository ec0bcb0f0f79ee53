/**
 * Names transliterated between scripts (Branstad, 브랜스타드, ブランスタッド, Бранстад): a name keeps
 * its consonants when written in another script, so a text and its translation share consonant
 * skeletons that unrelated texts rarely do. Each name is reduced to classes of consonants that
 * transliterations merge (b p f v; t d; k g c q; s z j ch sh ts; n; m; r l), vowels, h, w and y
 * left out.
 */

import { hangulConsonants, katakanaPlace, scriptOf } from './writing-systems';

/** Skeletons shorter than this say nothing: three classes of seven match by chance too often. */
export const MIN_SKELETON = 4;

/** Hangul initial consonants (ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ). */
const HANGUL_INITIAL = ['K', 'K', 'N', 'T', 'T', 'R', 'M', 'P', 'P', 'S', 'S', '', 'S', 'S', 'S', 'K', 'T', 'P', ''];
/** Hangul final consonants, in Unicode order (none, ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ). */
const HANGUL_FINAL = ['', 'K', 'K', 'KS', 'N', 'NS', 'N', 'T', 'R', 'RK', 'RM', 'RP', 'RS', 'RT', 'RP', 'R', 'M', 'P', 'PS', 'S', 'S', 'N', 'S', 'S', 'K', 'T', 'P', ''];

/**
 * Katakana ァ (U+30A1) to ヺ (U+30FA) by consonant, row by row: vowels, k, s, t (チ ツ are s),
 * n, h (only フ and the voiced ones count: ハ ヒ ヘ ホ write h), m, y, r, w and ン, ヴ and the rest.
 */
const KATAKANA = `${'.'.repeat(10)}${'K'.repeat(10)}${'S'.repeat(10)}TTSS.SSTTTTNNNNN.PP.PPPPP.PP.PPMMMMM${'.'.repeat(6)}RRRRR.....NPKKPPPP`;

function katakanaSound(cp: number): string {
  const sound = KATAKANA[katakanaPlace(cp)] ?? '.';
  return sound === '.' ? '' : sound;
}

function hangulSound(cp: number): string {
  const [initial, final] = hangulConsonants(cp) ?? [11, 0];
  return (HANGUL_INITIAL[initial] ?? '') + (HANGUL_FINAL[final] ?? '');
}

/** Cyrillic letters а–я by consonant class (х, read kh or h, is left out like h). */
const CYRILLIC = '.PPKT.SS..KRMN.PRST.P.SSSS......';

function cyrillicSound(cp: number): string {
  const lower = cp >= 0x410 && cp <= 0x42f ? cp + 0x20 : cp;
  const sound = lower >= 0x430 && lower <= 0x44f ? (CYRILLIC[lower - 0x430] ?? '.') : '.';
  return sound === '.' ? '' : sound;
}

/** Latin letters by class; c and g by the letter after them (soft before e, i, y). */
function latinSkeleton(word: string): string {
  const w = word.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '');
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const c = w[i] as string;
    const next = w[i + 1] ?? '';
    const soft = next === 'e' || next === 'i' || next === 'y';
    let sound = '';
    if ('bpfv'.includes(c)) sound = 'P';
    else if ('td'.includes(c)) sound = 'T';
    else if ('kq'.includes(c)) sound = 'K';
    else if (c === 'c') sound = soft || next === 'h' ? 'S' : 'K';
    // A final ng is one sound (Beijing, 베이징).
    else if (c === 'g') sound = soft ? 'S' : w[i - 1] === 'n' && !'aeiouy'.includes(next || 'x') ? '' : 'K';
    else if ('szj'.includes(c)) sound = 'S';
    else if (c === 'x') sound = 'KS';
    else if (c === 'n') sound = 'N';
    else if (c === 'm') sound = 'M';
    else if ('rl'.includes(c)) sound = 'R';
    if (c === 'p' && next === 'h') {
      sound = 'P';
      i++;
    } else if ((c === 't' || c === 's') && next === 'h') {
      sound = c === 't' ? 'T' : 'S';
      i++;
    } else if (c === 'c' && next === 'k') {
      sound = 'K';
      i++;
    }
    out += sound;
  }
  return out;
}

/** A skeleton with repeated classes folded (Branstadd, ブランスタッド). */
const folded = (skeleton: string) => skeleton.replace(/(.)\1+/g, '$1');

export interface NameSounds {
  /** Skeletons of the text's names: capitalised Latin and Cyrillic words, katakana words. */
  names: ReadonlySet<string>;
  /**
   * Every start (MIN_SKELETON classes or more) of every word's skeleton that may write a name,
   * Hangul words included: Korean and Russian glue endings onto names (패라지는, Трампа).
   */
  starts: ReadonlySet<string>;
  /** The script its names are written in: names match only across scripts. */
  script: 'latin' | 'cyrillic' | 'kana' | 'hangul' | null;
}

const NONE: NameSounds = { names: new Set(), starts: new Set(), script: null };

/** The name sounds of a text written in Latin, Cyrillic, katakana or Hangul (none for others). */
export function nameSounds(text: string): NameSounds {
  const names = new Set<string>();
  const starts = new Set<string>();
  const counts = { latin: 0, cyrillic: 0, kana: 0, hangul: 0 };
  const add = (skeleton: string, name: boolean) => {
    const s = folded(skeleton);
    if (s.length < MIN_SKELETON) return;
    if (name) names.add(s);
    for (let k = MIN_SKELETON; k <= s.length; k++) starts.add(s.slice(0, k));
  };
  const script = (cp: number) => {
    const found = scriptOf(cp);
    return found === 'latin' || found === 'cyrillic' || found === 'katakana' || found === 'hangul' ? found : null;
  };
  const word = (kind: 'latin' | 'cyrillic' | 'katakana' | 'hangul', letters: string) => {
    const capital = letters[0] !== letters[0]?.toLowerCase();
    let skeleton = '';
    if (kind === 'latin') {
      counts.latin += letters.length;
      if (capital) add(latinSkeleton(letters), true);
      return;
    }
    for (const ch of letters) {
      const cp = ch.codePointAt(0) ?? 0;
      skeleton += kind === 'hangul' ? hangulSound(cp) : kind === 'katakana' ? katakanaSound(cp) : cyrillicSound(cp);
    }
    if (kind === 'hangul') counts.hangul += letters.length;
    else if (kind === 'katakana') counts.kana += letters.length;
    else counts.cyrillic += letters.length;
    add(skeleton, kind === 'katakana' || capital);
  };
  let start = 0;
  let kind: ReturnType<typeof script> = null;
  for (let i = 0; i <= text.length; i++) {
    const here = i < text.length ? script(text.charCodeAt(i)) : null;
    if (here === kind) continue;
    if (kind !== null) word(kind, text.slice(start, i));
    kind = here;
    start = i;
  }
  const [most, letters] = (Object.entries(counts) as [NameSounds['script'], number][]).sort((p, q) => q[1] - p[1])[0] ?? [null, 0];
  return letters === 0 ? NONE : { names, starts, script: most };
}

/** Names of one text whose sounds start a word of the other, written in another script. */
export function sharedNameSounds(x: NameSounds, y: NameSounds): number {
  if (x.script === null || y.script === null || x.script === y.script) return 0;
  let shared = 0;
  for (const name of x.names) if (y.starts.has(name)) shared += 1;
  let back = 0;
  for (const name of y.names) if (x.starts.has(name)) back += 1;
  return Math.max(shared, back);
}
