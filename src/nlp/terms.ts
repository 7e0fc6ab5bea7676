import stem from 'wink-porter2-stemmer';

/**
 * Words that carry no meaning for retrieval here: English function words, question words, chat filler, and words
 * every release shares ("United States", "said").
 */
const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being below
  between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each either
  few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him
  himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself just let's me more most mustn't my
  myself no nor not of off on once only or other ought our ours ourselves out over own same shan't she she'd she'll
  she's should shouldn't so some such than that that's the their theirs them themselves then there there's these
  they they'd they'll they're they've this those through to too under until up upon very was wasn't we we'd we'll
  we're we've were weren't what what's when when's where where's which while who who's whom why why's will with won't
  would wouldn't you you'd you'll you're you've your yours yourself yourselves
  tell told say says said saying know please anything something thing things give gave get got
  really actually just latest recent recently new news happen happened happening mention mentioned
  us u.s united states america american department state's statement statements
  question questions answer released release releases many much`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Words Porter2 gives the stem of a word with another meaning, where the two are both common in diplomatic prose:
 * "it is critical that" is not criticism, an executive order is not an execution.
 */
const STEM_EXCEPTIONS = new Map([
  ['critical', 'critical'],
  ['critically', 'critical'],
  ['executive', 'executive'],
  ['executives', 'executive'],
  // "the fighting in the east" is "eastern Congo".
  ['eastern', 'east'],
  ['western', 'west'],
  ['northern', 'north'],
  ['southern', 'south'],
  // Spelling variants.
  ['protestor', 'protest'],
  ['protestors', 'protest'],
]);

/**
 * Irregular verb forms Porter2 leaves apart from their verb ("the flag will be flown" / "flying"): a form is stemmed
 * as its base. Forms with a common other meaning are left out ("found", "left", "saw", "shot", "given", "held" in
 * detention), and "met" and "said", which the synonyms join to their verbs with a lower weight.
 */
const IRREGULAR_FORMS = new Map([
  ['flew', 'fly'],
  ['flown', 'fly'],
  ['took', 'take'],
  ['taken', 'take'],
  ['gave', 'give'],
  ['went', 'go'],
  ['gone', 'go'],
  ['brought', 'bring'],
  ['sought', 'seek'],
  ['began', 'begin'],
  ['begun', 'begin'],
  ['spoke', 'speak'],
  ['spoken', 'speak'],
  ['wrote', 'write'],
  ['written', 'write'],
  ['chose', 'choose'],
  ['chosen', 'choose'],
  ['grew', 'grow'],
  ['grown', 'grow'],
  ['knew', 'know'],
  ['known', 'know'],
  ['led', 'lead'],
  ['lost', 'lose'],
  ['paid', 'pay'],
  ['spent', 'spend'],
  ['stood', 'stand'],
  ['understood', 'understand'],
  ['withdrew', 'withdraw'],
  ['withdrawn', 'withdraw'],
  ['struck', 'strike'],
  ['sold', 'sell'],
  ['bought', 'buy'],
  ['built', 'build'],
  ['caught', 'catch'],
  ['drew', 'draw'],
  ['drawn', 'draw'],
  ['drove', 'drive'],
  ['driven', 'drive'],
  ['fought', 'fight'],
  ['froze', 'freeze'],
  ['frozen', 'freeze'],
  ['kept', 'keep'],
  ['seen', 'see'],
  ['stole', 'steal'],
  ['stolen', 'steal'],
  ['swore', 'swear'],
  ['sworn', 'swear'],
  ['taught', 'teach'],
  ['threw', 'throw'],
  ['thrown', 'throw'],
  ['broke', 'break'],
  ['broken', 'break'],
  ['ran', 'run'],
  ['fled', 'flee'],
  ['dealt', 'deal'],
  ['felt', 'feel'],
  ['heard', 'hear'],
  ['oversaw', 'oversee'],
  ['overseen', 'oversee'],
  ['undertook', 'undertake'],
  ['undertaken', 'undertake'],
  ['upheld', 'uphold'],
  ['forgave', 'forgive'],
  ['forgiven', 'forgive'],
  ['hid', 'hide'],
  ['hidden', 'hide'],
  ['arose', 'arise'],
  ['arisen', 'arise'],
  ['became', 'become'],
  ['came', 'come'],
  ['got', 'get'],
  ['gotten', 'get'],
  ['made', 'make'],
  ['sent', 'send'],
  ['told', 'tell'],
  ['meant', 'mean'],
  ['won', 'win'],
  ['sank', 'sink'],
  ['sunk', 'sink'],
  ['shook', 'shake'],
  ['shaken', 'shake'],
  ['wore', 'wear'],
  ['worn', 'wear'],
  ['beaten', 'beat'],
  ['bit', 'bite'],
  ['bitten', 'bite'],
  ['blew', 'blow'],
  ['blown', 'blow'],
  ['forbade', 'forbid'],
  ['forbidden', 'forbid'],
  ['foresaw', 'foresee'],
  ['foreseen', 'foresee'],
  ['mistook', 'mistake'],
  ['mistaken', 'mistake'],
  ['overcame', 'overcome'],
  ['overtook', 'overtake'],
  ['overtaken', 'overtake'],
  ['rang', 'ring'],
  ['rung', 'ring'],
  ['rode', 'ride'],
  ['ridden', 'ride'],
  ['sang', 'sing'],
  ['sung', 'sing'],
  ['spun', 'spin'],
  ['sprang', 'spring'],
  ['sprung', 'spring'],
  ['stuck', 'stick'],
  ['stung', 'sting'],
  ['strove', 'strive'],
  ['striven', 'strive'],
  ['swam', 'swim'],
  ['swum', 'swim'],
  ['swept', 'sweep'],
  ['tore', 'tear'],
  ['torn', 'tear'],
  ['woke', 'wake'],
  ['woken', 'wake'],
  ['wove', 'weave'],
  ['woven', 'weave'],
  ['wept', 'weep'],
  ['withheld', 'withhold'],
  ['withstood', 'withstand'],
]);

/** Lower-cases, folds accents and apostrophes, and drops a possessive 's. */
export function foldTerm(term: string): string {
  return term
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/'s$/, '')
    .replace(/'/g, '');
}

export function isStopWord(folded: string): boolean {
  return STOP_WORDS.has(folded);
}

// Keeps "U.S.", "p.m.", "COVID-19", "3.9" and words with apostrophes together.
const TOKEN = /(?:[A-Za-z]\.){2,}|[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*/gu;

/** Word tokens as written. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

// Vocabulary is small next to the text: remembering each token's terms saves stemming it again and again.
const termCache = new Map<string, string[]>();
const TERM_CACHE_LIMIT = 500_000;

/** A token's search terms: folded, stemmed, hyphenated words split; none for stop words and noise. */
export function searchTerm(token: string): string[] {
  let terms = termCache.get(token);
  if (!terms) {
    terms = computeSearchTerm(token);
    if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear();
    termCache.set(token, terms);
  }
  return terms;
}

function computeSearchTerm(token: string): string[] {
  const folded = foldTerm(token).replace(/\.$/, '');
  // Clock times: "1:30 p.m." must not match a question about a PM.
  if (!folded || folded === 'p.m' || folded === 'a.m') return [];
  const number = numberOf(folded);
  if (number !== null) return [number];
  const parts = folded.includes('-') ? folded.split('-') : [folded];
  const terms: string[] = [];
  for (const part of parts) {
    const word = /^[\d.]+$/.test(part) ? part : part.replace(/\./g, '');
    if (!word || isStopWord(part) || isStopWord(word)) continue;
    if (word.length === 1 && !/\d/.test(word)) continue;
    const base = IRREGULAR_FORMS.get(word) ?? word;
    terms.push(/^\d/.test(word) ? word : (STEM_EXCEPTIONS.get(base) ?? stem(base)));
  }
  return terms;
}

const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const UNIT_ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const NUMBER_WORDS = new Map<string, number>();
TEENS.forEach((word, i) => {
  NUMBER_WORDS.set(word, 10 + i);
  NUMBER_WORDS.set(i === 2 ? 'twelfth' : `${word}th`, 10 + i);
});
TENS.forEach((word, i) => {
  const tens = 20 + 10 * i;
  NUMBER_WORDS.set(word, tens);
  NUMBER_WORDS.set(`${word.slice(0, -1)}ieth`, tens);
  UNITS.forEach((unit, j) => NUMBER_WORDS.set(`${word}-${unit}`, tens + j + 1));
  UNIT_ORDINALS.forEach((ordinal, j) => NUMBER_WORDS.set(`${word}-${ordinal}`, tens + j + 1));
});

/**
 * A number written in words from ten up ("thirty-three", "fifteenth") or as an ordinal ("33rd"), in digits: a
 * question's "33rd anniversary" is the release's "thirty-three years ago". Smaller number words ("one of", "second",
 * "third country") are words first, and stay words.
 */
function numberOf(folded: string): string | null {
  const ordinal = /^(\d+)(?:st|nd|rd|th)$/.exec(folded);
  if (ordinal) return ordinal[1]!;
  const value = NUMBER_WORDS.get(folded);
  return value === undefined ? null : String(value);
}

/** Distinct search terms of a text, in order of first appearance. */
export function searchTerms(text: string): string[] {
  return [...searchTermSet(text)];
}

/** Distinct search terms of a text, as a set. */
export function searchTermSet(text: string): Set<string> {
  const seen = new Set<string>();
  for (const token of tokenize(text)) for (const term of searchTerm(token)) seen.add(term);
  return seen;
}

/** Every search term of a text in order, repeats kept (for an index that counts them). */
export function searchTermList(text: string): string[] {
  const terms: string[] = [];
  for (const token of tokenize(text)) for (const term of searchTerm(token)) terms.push(term);
  return terms;
}
