import { getGazetteer } from './gazetteer.js';
import { findMentions } from './matcher.js';
import { tokenize } from './tokens.js';

/**
 * Country references in a user's question, for query expansion: "thai" → TH with the terms releases use
 * ("Thailand", "Thai"); "canberra's" → AU; "PRC" → CN; "vatican" → VA ("Holy See", "Vatican").
 */
export interface CountryTerms {
  codes: string[];
  terms: string[];
}

/** Lower-case words that are ordinary English far more often than a country reference in a question. */
const LOWER_CASE_WORDS = new Set(['polish', 'jersey', 'guernsey']);

export function expandCountryTerms(text: string): CountryTerms {
  const codes: string[] = [];
  for (const { code } of countryReferences(text)) if (!codes.includes(code)) codes.push(code);
  const terms: string[] = [];
  for (const code of codes) for (const term of countryTermsFor(code)) if (!terms.includes(term)) terms.push(term);
  return { codes, terms };
}

/** Each country reference in a user's question, with its words: "ivory coast" → CI, ["ivory", "coast"]. */
export function countryReferences(text: string): { code: string; words: string[] }[] {
  const tokens = tokenize(text ?? '');
  const references: { code: string; words: string[] }[] = [];
  for (const mention of findMentions(tokens, { relaxed: true })) {
    const first = tokens[mention.start]!;
    if (!first.cap && mention.end - mention.start === 1 && LOWER_CASE_WORDS.has(first.norm)) continue;
    // "American" is the speaker, not a place to search for.
    if (mention.code === 'US' && mention.kind === 'demonym') continue;
    references.push({ code: mention.code, words: tokens.slice(mention.start, mention.end).map((token) => token.text) });
  }
  return references;
}

/** The words releases name a country by ("Madagascar", "Malagasy"), for query expansion. */
export function countryTermsFor(code: string): string[] {
  return getGazetteer().countries.get(code)?.searchTerms ?? [];
}
