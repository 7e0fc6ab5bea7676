/**
 * Tokenizer shared by the gazetteer (to split its phrases) and the tagger (to split release text), so both sides
 * always agree on what a token is. Tokens keep their offsets into the original text; `norm` is the matching form:
 * lower case, accents stripped, curly apostrophes folded ("Côte d’Ivoire" → cote, d'ivoire).
 */
export interface Token {
  /** As written. */
  text: string;
  /** Lower case, no diacritics, straight apostrophe. */
  norm: string;
  start: number;
  end: number;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Has letters and all of them are upper case ("UK", "U.S.", "SECRETARY"). */
  upper: boolean;
}

// Dotted abbreviations (U.S., D.C., p.m.), then words with inner apostrophes (d’Ivoire, N’Djamena, Blinken’s), then
// any other single non-space character (punctuation, hyphens, dashes, quotes).
const TOKEN_PATTERN = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:['’‘ʼ][\p{L}\p{N}]+)*|\S/gu;
const NON_ASCII = /[^\x00-\x7f]/;
const APOSTROPHES = /[’‘ʼ`´]/g;

/** Words after which a period does not end a sentence, and which keep their period as part of the token. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'gen', 'lt', 'col', 'amb', 'no', 'nos', 'rep', 'sen', 'gov', 'corp',
  'inc', 'ltd', 'co', 'vs', 'messrs', 'prof', 'adm', 'sgt', 'capt', 'maj', 'hon', 'rev', 'ft', 'mt', 'jan', 'feb',
  'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'approx', 'est',
]);

export function normalizeForMatch(text: string): string {
  return foldAccents(text.toLowerCase());
}

function isUpperLetter(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** Capitalization flags, with a fast path for ASCII (nearly every token). */
function caseFlags(text: string): { cap: boolean; upper: boolean } {
  let letters = 0;
  let lower = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 97 && code <= 122) {
      lower = true;
      letters++;
    } else if (code >= 65 && code <= 90) letters++;
    // Curly quotes, dashes and other punctuation (U+2000–U+206F, U+0080–U+00BF) are not letters.
    else if (code > 127 && !(code >= 0x2000 && code <= 0x206f) && !(code >= 0x80 && code <= 0xbf)) {
      return unicodeCaseFlags(text);
    }
  }
  const first = text.charCodeAt(0);
  return { cap: first >= 65 && first <= 90, upper: letters > 0 && !lower };
}

function unicodeCaseFlags(text: string): { cap: boolean; upper: boolean } {
  return { cap: isUpperLetter(text[0]), upper: /\p{L}/u.test(text) && text === text.toUpperCase() };
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // Lower-case and check for non-ASCII once per text rather than once per token.
  const lower = text.toLowerCase();
  const sliceable = lower.length === text.length;
  const ascii = !NON_ASCII.test(text);
  const pattern = TOKEN_PATTERN;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const raw = match[0];
    const start = match.index;
    const end = start + raw.length;
    const norm = ascii ? lower.slice(start, end) : sliceable ? foldAccents(lower.slice(start, end)) : normalizeForMatch(raw);
    // Possessive "’s" becomes its own token, so "Georgia’s" matches "Georgia" and "People’s Republic" stays one phrase.
    if (norm.length > 2 && norm.endsWith("'s")) {
      tokens.push(makeToken(raw.slice(0, -2), norm.slice(0, -2), start));
      tokens.push(makeToken(raw.slice(-2), "'s", end - 2));
      continue;
    }
    // "St." and "Mr." keep their period so that it is not taken for the end of a sentence.
    if (text.charCodeAt(end) === 46 && norm.length <= 6 && ABBREVIATIONS.has(norm)) {
      tokens.push(makeToken(raw + '.', norm + '.', start));
      pattern.lastIndex = end + 1;
      continue;
    }
    tokens.push(makeToken(raw, norm, start));
  }
  return tokens;
}

function foldAccents(lowerCased: string): string {
  return NON_ASCII.test(lowerCased) ? lowerCased.normalize('NFD').replace(/\p{M}/gu, '').replace(APOSTROPHES, "'") : lowerCased;
}

function makeToken(text: string, norm: string, start: number): Token {
  const { cap, upper } = caseFlags(text);
  return { text, norm, start, end: start + text.length, cap, upper };
}

/** A word token (letters or digits), as opposed to punctuation. */
export function isWord(token: Token): boolean {
  const code = token.text.charCodeAt(0);
  if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
  return code > 127 && /[\p{L}\p{N}]/u.test(token.text[0] ?? '');
}
