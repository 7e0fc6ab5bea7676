import { searchTerms } from './terms.js';

/**
 * Words a question and a release use for the same thing in diplomatic prose ("talk about" / "discussed",
 * "meet" / "met"). Small on purpose: each entry is a common verb or noun of State Department releases whose
 * forms do not share a stem.
 */
const GROUPS: string[][] = [
  ['talk', 'discuss', 'discussion', 'conversation'],
  ['meet', 'met', 'meeting'],
  ['say', 'said', 'note', 'noted', 'stress', 'stressed', 'underscore', 'underscored', 'emphasize', 'emphasized', 'reiterate', 'reiterated'],
  ['thank', 'thanked', 'appreciation', 'gratitude', 'appreciate', 'grateful'],
  ['praise', 'commend', 'welcome', 'applaud', 'congratulate'],
  ['criticize', 'condemn', 'concern', 'regret'],
  ['deal', 'agreement', 'accord'],
  ['broker', 'mediate', 'mediation', 'mediator'],
  ['vote', 'election', 'ballot'],
  ['donate', 'donated', 'donation', 'provide', 'provided', 'deliver', 'delivered'],
  ['trip', 'travel', 'visit'],
  ['head', 'lead', 'led', 'chair', 'chairs'],
  ['pm', 'prime'],
  ['tv', 'television'],
  ['fm', 'foreign'],
  // Derived forms the stemmer keeps apart.
  ['minister', 'ministerial'],
  ['partner', 'partnership'],
  ['region', 'regional'],
  ['democracy', 'democratic'],
  ['president', 'presidential'],
  ['economy', 'economic'],
  ['nation', 'national'],
  ['govern', 'government'],
  // Not "asia"/"asian" or "europe"/"european": "East Asian and Pacific Affairs" and "European Union" are in too many releases.
  ['africa', 'african'],
  ['hezbollah', 'hizballah'],
  ['isis', 'daesh', 'isil'],
];

/** Words whose synonym has other senses too: "on the phone" is a call, but "call" is also "call on", "call X Y". */
const ONE_WAY: [string, string[]][] = [
  ['phone', ['call']],
  ['telephone', ['call']],
  ['want', ['urge']],
];

/**
 * A verb and its noun where the stemmer keeps them apart ("respond" / "response"): the same word to a reader. Merged
 * with the groups above both ways ("agreement" keeps "deal"). Not where the noun has a sense of its own in these
 * releases: "defense" (the Department, the minister), "resolution" (of the UN), "inclusion", "success" (of "succeed").
 * "expand"/"expansion" was taken out again: at 20,000 releases it let another release beat the answer (npm run bench).
 */
const DERIVED: [string, string][] = [
  ['respond', 'response'],
  ['agree', 'agreement'],
  ['decide', 'decision'],
  ['recover', 'recovery'],
  ['detain', 'detention'],
  ['extend', 'extension'],
  ['die', 'death'],
  ['fail', 'failure'],
  ['deny', 'denial'],
  ['conclude', 'conclusion'],
  ['describe', 'description'],
  ['intervene', 'intervention'],
  ['pursue', 'pursuit'],
  ['grow', 'growth'],
  ['threaten', 'threat'],
  ['destroy', 'destruction'],
  ['reduce', 'reduction'],
  ['explain', 'explanation'],
  ['recognize', 'recognition'],
];

const BY_TERM = new Map<string, string[]>();
for (const group of GROUPS) {
  const terms = [...new Set(group.flatMap((word) => searchTerms(word)))];
  for (const term of terms) BY_TERM.set(term, terms.filter((other) => other !== term));
}
/** Adds synonyms to a term's, keeping those it has. */
function addSynonyms(term: string, others: string[]): void {
  BY_TERM.set(term, [...new Set([...(BY_TERM.get(term) ?? []), ...others])]);
}
for (const pair of DERIVED) {
  const [a, b] = pair.map((word) => searchTerms(word)[0]!);
  addSynonyms(a!, [b!]);
  addSynonyms(b!, [a!]);
}
for (const [word, others] of ONE_WAY) {
  for (const term of searchTerms(word)) addSynonyms(term, others.flatMap((other) => searchTerms(other)));
}

/** Other search terms for the same thing, for processed terms that have them. */
export function synonymTerms(terms: string[]): string[] {
  const own = new Set(terms);
  const extra = new Set<string>();
  for (const term of terms) for (const other of BY_TERM.get(term) ?? []) if (!own.has(other)) extra.add(other);
  return [...extra];
}

/** A processed term's synonyms as processed terms (empty when it has none). */
export function synonymsOf(term: string): string[] {
  return BY_TERM.get(term) ?? [];
}
