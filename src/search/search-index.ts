import type { Release } from '../corpus/release.js';
import type { DateRange } from './types.js';

/** A candidate found by the full-text index: higher scores are better. */
export interface IndexHit {
  id: string;
  score: number;
}

export interface IndexQuery {
  /** Only releases that pass. */
  filter?: (id: string) => boolean;
  /** Only releases dated within (an index may use it to skip the rest; `filter` must check it too). */
  range?: DateRange;
  /** At most this many, best first (default: all). */
  limit?: number;
}

/**
 * The full-text index that picks candidate releases for a question (rank.ts then re-scores them). Two kinds:
 * MemoryIndex (MiniSearch, in memory) while the corpus is small enough to hold, DiskIndex (SQLite FTS5) beyond.
 * Both index the same terms (nlp/terms.ts) in the same fields with the same weights, and score with plain bm25:
 * weighing the question's terms against each other is the re-ranker's job (rank.ts). (Boosting rare terms here as
 * well, as MiniSearch allows, measured worse: Hit@1 0.900 against 0.933 on the evaluation questions.)
 */
export interface SearchIndex {
  readonly kind: 'memory' | 'disk';
  readonly size: number;
  add(release: Release): void;
  remove(release: Release): void;
  search(terms: string[], query?: IndexQuery): IndexHit[];
  /** Inverse document frequency of a processed term: rare terms weigh more. */
  idf(term: string): number;
}

/** Where the full-text index lives: `auto` keeps it in memory up to a limit (see engine.ts), on disk beyond. */
export type SearchIndexMode = 'auto' | 'memory' | 'disk';
export const SEARCH_INDEX_MODES: readonly SearchIndexMode[] = ['auto', 'memory', 'disk'];

export const FIELD_BOOSTS = { title: 3, countries: 2, office: 1, kind: 1, body: 1 };

/**
 * In a large corpus, candidates are picked by the question's rarer terms; the others only re-rank them. Smaller
 * corpora are searched with every term but those in most releases (none left out below SMALL_CORPUS): there the
 * rest costs little, and even a term in a third of the releases still helps pick them (leaving out terms above 40%
 * lost answers on held-out questions).
 */
export const LARGE_CORPUS = 5000;
/** Below this many releases every term is searched: a query costs next to nothing, and search totals stay exact. */
const SMALL_CORPUS = 1000;
/** In a mid-sized corpus, a term found in more than this share of releases is left out when two rarer ones are there. */
const SMALL_CORPUS_COMMON_SHARE = 0.5;
/** A term found in more than this share of releases is left out when two rarer ones are there. */
const COMMON_TERM_SHARE = 0.2;
/** Rarest first, terms are taken until their releases add up to this share of the corpus (at least two terms). */
const POSTINGS_BUDGET_SHARE = 0.3;
const MIN_CANDIDATE_TERMS = 2;

/**
 * The terms that pick candidates. The work of a query is its terms' postings, and common terms bring most of them
 * while barely changing which releases come first (they still weigh in re-ranking); so from LARGE_CORPUS
 * releases on, the rarest terms are taken up to a budget of postings. This bounds a query's cost as the corpus grows.
 */
export function candidateTerms(terms: string[], documents: number, documentFrequency: (term: string) => number): string[] {
  const byRarity = [...new Set(terms)].map((term) => ({ term, frequency: documentFrequency(term) })).sort((a, b) => a.frequency - b.frequency);
  if (documents < SMALL_CORPUS) return terms;
  if (documents < LARGE_CORPUS) {
    const kept = new Set(byRarity.filter(({ frequency }, i) => i < MIN_CANDIDATE_TERMS || frequency <= SMALL_CORPUS_COMMON_SHARE * documents).map(({ term }) => term));
    return terms.filter((term) => kept.has(term));
  }
  const common = COMMON_TERM_SHARE * documents;
  const budget = POSTINGS_BUDGET_SHARE * documents;
  const picked = new Set<string>();
  let postings = 0;
  for (const { term, frequency } of byRarity) {
    if (picked.size >= MIN_CANDIDATE_TERMS && (frequency > common || postings + frequency > budget)) break;
    picked.add(term);
    postings += frequency;
  }
  return terms.filter((term) => picked.has(term));
}

export function inverseDocumentFrequency(documents: number, frequency: number): number {
  const n = documents || 1;
  return Math.log(1 + (n - frequency + 0.5) / (frequency + 0.5));
}
