import type { Release, Sentence } from '../corpus/release.js';
import { searchTermSet } from '../nlp/terms.js';
import { LruCache } from '../lru.js';
import { paragraphSpeakers } from '../corpus/turns.js';
import { definedAcronyms } from './acronyms.js';
import { invert } from './invert.js';

/** Sentences that are layout or boilerplate, never an answer or a summary line. */
export function isBoilerplate(sentence: string): boolean {
  const text = sentence.trim();
  if (/^(begin text|end text)\b/i.test(text)) return true;
  if (/^the (text of the )?following (is|was|joint|statement|press release)\b/i.test(text) && !namesIssuers(text)) return true;
  if (/^the below is attributable to/i.test(text)) return true;
  if (/^(for (further|more) information|for media inquiries|media inquiries|follow\b|please contact|contact:)/i.test(text)) return true;
  if (/^(###|\*\*\*|—+|-+)$/.test(text)) return true;
  return isDateline(text);
}

/**
 * "The text of the following statement was released by the Governments of …": layout, not for a summary, but it is
 * the one sentence that says who issued a joint statement, so it may answer.
 */
export function isPreamble(sentence: string): boolean {
  return /^the (text of the )?following\b/i.test(sentence.trim());
}

function namesIssuers(text: string): boolean {
  return /\b(released|issued|signed|endorsed) by\b/i.test(text);
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

/** A release's sentences as search terms: each sentence's terms, and for each term the sentences that hold it. */
export interface ReleaseTerms {
  sentences: Set<string>[];
  /** Ascending sentence indices by term. */
  sentencesWith: Map<string, number[]>;
}

// The releases asked about lately, most recent last: a bound on memory in a large corpus, where over time most
// releases are candidates for some question.
const TERM_CACHE_RELEASES = 5000;
const termCache = new LruCache<Release, ReleaseTerms>(TERM_CACHE_RELEASES);

/** Each sentence's search terms, computed on first use and kept for the releases used lately. */
export function sentenceTerms(release: Release): Set<string>[] {
  return releaseTerms(release).sentences;
}

/** The release's sentence terms both ways (see ReleaseTerms), computed on first use and kept for the releases used lately. */
export function releaseTerms(release: Release): ReleaseTerms {
  let terms = termCache.get(release);
  if (!terms) {
    const sentences = release.sentences.map((sentence) => searchTermSet(sentence.text));
    // "the ECG" in one sentence is "the Executive Consultation Group" the release named before, and the other way round.
    for (const { term, longTerms } of definedAcronyms(release)) {
      for (const own of sentences) {
        if (own.has(term)) for (const longTerm of longTerms) own.add(longTerm);
        else if (longTerms.length > 0 && longTerms.every((longTerm) => own.has(longTerm))) own.add(term);
      }
    }
    terms = { sentences, sentencesWith: invert(sentences) };
    termCache.set(release, terms);
  }
  return terms;
}

const speakerCache = new LruCache<Release, (string | null)[]>(TERM_CACHE_RELEASES);

/** Who speaks each sentence of a transcript ("SECRETARY BLINKEN", "QUESTION"); null outside labelled turns. */
export function sentenceSpeakers(release: Release): (string | null)[] {
  let speakers = speakerCache.get(release);
  if (!speakers) {
    const byParagraph = paragraphSpeakers(release.paragraphs);
    speakers = release.sentences.map((sentence) => byParagraph[sentence.paragraph] ?? null);
    speakerCache.set(release, speakers);
  }
  return speakers;
}

export type { Sentence };
