/** What the worker needs from each benchmarked system: ours and the two baselines. */
import type { CountryQuery } from '../questions.js';

export const SYSTEM_NAMES = ['ours', 'minisearch', 'fts5'] as const;
export type SystemName = (typeof SYSTEM_NAMES)[number];

export interface TopHit {
  title: string;
  date: string;
}

export interface BuildReport {
  /** Time to build the search index from releases already in memory. */
  build_s: number;
  /** preprocess() throughput over the raw releases (ours only). */
  preprocess_per_s?: number;
  /** Time to import the raw releases into the persisted store (ours only). */
  import_s?: number;
}

export interface ReadySystem {
  /** Answers a question; returns the release it ranks first, or null when it finds none. */
  ask(question: string): TopHit | null;
  search?(query: string): void;
  country?(query: CountryQuery): void;
  close(): void;
}

export interface OpenedSystem {
  system: ReadySystem;
  /** Build figures when opening includes building (a system that persists nothing but the corpus). */
  build?: BuildReport;
}

export interface BenchSystem {
  /** Builds the persisted form into `dataDir`; absent when the corpus file is all a system keeps. */
  build?(corpusFile: string, dataDir: string): Promise<BuildReport>;
  /** What a freshly started process does to become ready to answer. */
  open(corpusFile: string, dataDir: string): Promise<OpenedSystem>;
}
