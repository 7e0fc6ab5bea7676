/**
 * Abbreviations people type in chat for words releases spell out ("state dept", "the afghan govt", "ex-president").
 * Left as they are, they are words no release contains: they find nothing, and as the rarest words of the
 * question they outweigh the words that do. Only abbreviations with one meaning in questions about diplomacy are
 * here: not "gov" (government or governor), "sec" (secretary or second), "min" or "rep". "PM" and "FM" are read as
 * "prime" and "foreign" by the synonym list (synonyms.ts); writing them out as well changed no release and cost an
 * answer, so they are left there.
 */
const ABBREVIATIONS: Record<string, string> = {
  dept: 'department',
  depts: 'departments',
  govt: 'government',
  "gov't": 'government',
  govts: 'governments',
  intl: 'international',
  "int'l": 'international',
  natl: 'national',
  "nat'l": 'national',
  admin: 'administration',
  amb: 'ambassador',
  pres: 'president',
  vp: 'vice president',
  secstate: 'Secretary of State',
  usg: 'U.S. government',
  nyc: 'New York City',
  hq: 'headquarters',
  info: 'information',
  convo: 'conversation',
  ppl: 'people',
  approx: 'approximately',
};

// Not after a number: "3 pm" is a clock time.
const WORD = new RegExp(`(?<![\\w'’-]|\\d\\s)(${Object.keys(ABBREVIATIONS).map((word) => word.replace(/'/g, "['’]")).join('|')})\\.?(['’]s)?(?![\\w'’-])`, 'gi');
// "ex-president Lobo", "ex-honduran president": former.
const EX = /\bex-(?=\w)/gi;

/** The text with chat abbreviations written out as releases write them. */
export function writtenOutAbbreviations(text: string): string {
  return text.replace(EX, 'former ').replace(WORD, (word: string, bare: string, possessive = '') => {
    const written = ABBREVIATIONS[bare.toLowerCase().replace('’', "'")];
    return written === undefined ? word : written + possessive;
  });
}
