import type { Release, Sentence } from '../corpus/release.js';
import { searchTerms } from '../nlp/terms.js';

/** Sentences that are layout or boilerplate, never an answer or a summary line. */
export function isBoilerplate(sentence: string): boolean {
  const text = sentence.trim();
  if (/^(begin text|end text)\b/i.test(text)) return true;
  if (/^the (text of the )?following (is|was|joint|statement|press release)\b/i.test(text)) return true;
  if (/^the below is attributable to/i.test(text)) return true;
  if (/^(for (further|more) information|for media inquiries|media inquiries|follow\b|please contact|contact:)/i.test(text)) return true;
  if (/^(###|\*\*\*|—+|-+)$/.test(text)) return true;
  return isDateline(text);
}

/** "Kangerlussuaq, Greenland", "WASHINGTON, DC", "2:06 p.m. EST": a place or time line, not prose. */
export function isDateline(text: string): boolean {
  if (/[.!?]["”’)]?$/.test(text) && !/\b(a\.m|p\.m)\.$/i.test(text)) return false;
  const words = text.split(/\s+/);
  return words.length <= 8;
}

/** Starts with a word that points back to something said before ("This", "He", "They" ...). */
export function startsDangling(sentence: string): boolean {
  return /^(this|these|those|that|he|she|it|they|his|her|their|its|such|both|the two|the latter|the former|also|however|in addition|additionally|furthermore|moreover)\b/i.test(
    sentence.trim(),
  );
}

const termCache = new WeakMap<Release, Set<string>[]>();

/** Each sentence's search terms, computed on first use and kept while the release lives. */
export function sentenceTerms(release: Release): Set<string>[] {
  let terms = termCache.get(release);
  if (!terms) {
    terms = release.sentences.map((s) => new Set(searchTerms(s.text)));
    termCache.set(release, terms);
  }
  return terms;
}

export type { Sentence };
