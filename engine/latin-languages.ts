// The Latin-script languages franc ranks for the engine: scripts/gen-latin-trigram-tables.ts
// generates their models, and languages.ts reports their tags.

/** franc-min language codes considered for Latin-script text, with their BCP 47 tags. */
export const LATIN_LANGUAGES: Record<string, string> = {
  eng: 'en',
  fra: 'fr',
  deu: 'de',
  spa: 'es',
  por: 'pt',
  ita: 'it',
  nld: 'nl',
  pol: 'pl',
  tur: 'tr',
  vie: 'vi',
  ind: 'id',
  ron: 'ro',
  swe: 'sv',
  ces: 'cs',
  hun: 'hu',
};

/** Their BCP 47 tags. */
export const LATIN_TAGS: ReadonlySet<string> = new Set(Object.values(LATIN_LANGUAGES));

/**
 * The commonest short words of each language (articles, prepositions, conjunctions, the verb "to
 * be"), by BCP 47 tag: the surest evidence one word gives of its language, where trigrams of a
 * word as short as "de" or "the" say little. Words two languages share cancel out between them.
 */
export const FUNCTION_WORDS: Record<string, ReadonlySet<string>> = Object.fromEntries(
  Object.entries({
    en: 'the of and to in into for on with is are was were that this from by at an be has have not it',
    fr: 'le la les de des du et un une dans pour sur avec est sont été que qui au aux ce cette par pas ne il elle',
    de: 'der die das den dem des und ein eine einen einem ist sind war wurde mit von zu im auf für nicht sich auch bei',
    es: 'el la los las de del y un una en es son fue que por con para al se no su lo como',
    pt: 'o a os as de do da dos das e um uma em no na é são foi que por com para ao se não seu sua',
    it: 'il lo la i gli le di del della e un una in è sono che per con non al alla dei si',
    nl: 'de het een en van in is op te dat die met voor niet zijn er aan ook',
    pl: 'i w z na się nie do że jest to od przez dla jak po',
    tr: 've bir bu için ile da de çok olarak daha gibi ama',
    vi: 'và của là có các những được trong cho với một này người không đã',
    id: 'dan yang di ke dari untuk dengan ini itu tidak akan pada adalah',
    ro: 'și în de la cu pe este care un o din pentru nu că',
    sv: 'och i att det som en på är av för med till den har inte',
    cs: 'a v na se je že s z do o to jako pro ve',
    hu: 'a az és hogy nem is egy van meg de már csak',
  }).map(([tag, words]) => [tag, new Set(words.split(' '))]),
);
