import type { Release, ReleaseKind } from '../corpus/release.js';

/** Inclusive ISO-date range; either end may be open. */
export interface DateRange {
  from?: string;
  to?: string;
}

export interface SearchFilters extends DateRange {
  /** Any form a user types: "Kenya", "Kenyan", "KE", "Nairobi". */
  country?: string;
  speaker?: string;
  kind?: ReleaseKind | string;
}

export interface SearchHit {
  release: Release;
  score: number;
  /** The most relevant sentence(s), for display. */
  snippet: string;
}

export interface SearchResult {
  query: string;
  total: number;
  hits: SearchHit[];
  /** The time reference understood in the query, if any, e.g. "December 2, 2021". */
  dateRange?: DateRange & { label: string };
}

export interface Answer {
  /** One or two sentences quoted from the release. */
  text: string;
  release: Release;
}

export interface AskResult {
  question: string;
  /** Null when nothing relevant was found: say so plainly rather than return noise. */
  answer: Answer | null;
  /** Best releases first; the answer's release is results[0] when there is an answer. */
  results: SearchHit[];
  dateRange?: DateRange & { label: string };
}

export interface Summary {
  release: Release;
  sentences: string[];
}

export interface DigestEntry {
  release: Release;
  summary: string;
}

export interface DigestGroup {
  /** e.g. "Press Statements", "Readouts". */
  label: string;
  entries: DigestEntry[];
}

export interface Digest {
  /** The day (yyyy-mm-dd) or range it covers. */
  date: string;
  count: number;
  groups: DigestGroup[];
}

export interface CountryRef {
  code: string;
  name: string;
}

export interface CountryResult {
  country: CountryRef;
  releases: Release[];
}

export interface CorpusStats {
  count: number;
  firstDate: string | null;
  lastDate: string | null;
  lastImport: string | null;
}

export interface ImportReport {
  added: Release[];
  updated: Release[];
  unchanged: number;
  /** Malformed inputs, each with where it was: "file.jsonl:12: missing title". */
  errors: string[];
}
