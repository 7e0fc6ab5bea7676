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
  'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'approx', 'est', 'e.g', 'i.e',
]);

export function normalizeForMatch(text: string): string {
  let norm = text.toLowerCase();
  if (NON_ASCII.test(norm)) norm = norm.normalize('NFD').replace(/\p{M}/gu, '').replace(APOSTROPHES, "'");
  return norm;
}

function isUpperLetter(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = new RegExp(TOKEN_PATTERN.source, 'gu');
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const raw = match[0];
    const start = match.index;
    const norm = normalizeForMatch(raw);
    // Possessive "’s" becomes its own token, so "Georgia’s" matches "Georgia" and "People’s Republic" stays one phrase.
    if (norm.length > 2 && norm.endsWith("'s")) {
      tokens.push(makeToken(raw.slice(0, -2), norm.slice(0, -2), start));
      tokens.push(makeToken(raw.slice(-2), "'s", start + raw.length - 2));
      continue;
    }
    // "St." and "Mr." keep their period so that it is not taken for the end of a sentence.
    if (text[start + raw.length] === '.' && ABBREVIATIONS.has(norm)) {
      tokens.push(makeToken(raw + '.', norm + '.', start));
      pattern.lastIndex = start + raw.length + 1;
      continue;
    }
    tokens.push(makeToken(raw, norm, start));
  }
  return tokens;
}

function makeToken(text: string, norm: string, start: number): Token {
  const first = text[0];
  const hasLetter = /\p{L}/u.test(text);
  return {
    text,
    norm,
    start,
    end: start + text.length,
    cap: isUpperLetter(first),
    upper: hasLetter && text === text.toUpperCase(),
  };
}

/** A word token (letters or digits), as opposed to punctuation. */
export function isWord(token: Token): boolean {
  return /[\p{L}\p{N}]/u.test(token.text[0] ?? '');
}
