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
