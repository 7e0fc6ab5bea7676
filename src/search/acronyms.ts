import type { Release } from '../corpus/release.js';
import { searchTerm, searchTerms } from '../nlp/terms.js';

/** An acronym a release defines ("the Executive Consultation Group (ECG)") and the terms of its long name. */
export interface DefinedAcronym {
  term: string;
  longTerms: string[];
}

const DEFINITION = /\(([A-Z][A-Za-z]{1,9})\)/g;
// Words a long name may hold without an initial of their own: "Office for Democratic Institutions and Human Rights".
const CONNECTORS = new Set(['of', 'for', 'and', 'the', 'on', 'in', 'to', '&']);

/**
 * The acronyms a release defines by writing them in brackets after their long name, where the long name's capitalized
 * words spell the acronym: a sentence that says "the ECG" speaks of the Executive Consultation Group.
 */
export function definedAcronyms(release: Release): DefinedAcronym[] {
  const found = new Map<string, DefinedAcronym>();
  for (const paragraph of release.paragraphs) {
    for (const match of paragraph.matchAll(DEFINITION)) {
      const acronym = match[1]!;
      const longName = longNameBefore(paragraph.slice(0, match.index), acronym);
      const [term] = searchTerm(acronym);
      if (!longName || !term || found.has(term)) continue;
      found.set(term, { term, longTerms: searchTerms(longName).filter((longTerm) => longTerm !== term) });
    }
  }
  return [...found.values()];
}

/** The words just before a bracket whose capitals spell the acronym ("Blue Dot Network" for BDN), or null. */
function longNameBefore(text: string, acronym: string): string | null {
  const letters = acronym.replace(/[^A-Z]/g, '');
  if (letters.length < 2) return null;
  const words = text.trimEnd().split(/\s+/);
  const taken: string[] = [];
  let needed = letters.length;
  for (let i = words.length - 1; i >= 0 && needed > 0; i--) {
    const word = words[i]!;
    if (CONNECTORS.has(word.toLowerCase()) && taken.length > 0) {
      taken.unshift(word);
      continue;
    }
    if (!/^\p{Lu}/u.test(word) || word[0] !== letters[needed - 1]) return null;
    taken.unshift(word);
    needed--;
  }
  return needed === 0 ? taken.join(' ') : null;
}
