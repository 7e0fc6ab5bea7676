import MiniSearch, { type Options, type SearchResult as MiniSearchResult } from 'minisearch';
import { countryName } from '../countries/index.js';
import type { Release } from '../corpus/release.js';
import { searchTerm, searchTerms, tokenize } from '../nlp/terms.js';
import { candidateTerms, FIELD_BOOSTS, inverseDocumentFrequency, LARGE_CORPUS, type IndexHit, type IndexQuery, type SearchIndex } from './search-index.js';

/** What rank.ts ranks with: either kind of index. */
export type ReleaseIndex = SearchIndex;

interface IndexedDocument {
  id: string;
  title: string;
  body: string;
  office: string;
  countries: string;
  kind: string;
  date: string;
}

/** Fields whose terms count towards document frequency (what sentences and titles are scored on). */
const TEXT_FIELDS = new Set(['title', 'body']);

/** The index as stored between runs (see index-file.ts). */
export interface IndexSnapshot {
  mini: ReturnType<MiniSearch['toJSON']>;
  documentFrequency: [string, number][];
  titleFrequency: [string, number][];
}

/**
 * The in-memory index: MiniSearch over title, body, speaker, countries and kind, with stop words dropped and terms
 * stemmed at both index and query time. It also keeps document frequencies so answers can weigh query terms.
 */
export class MemoryIndex implements SearchIndex {
  readonly kind = 'memory';
  private readonly mini: MiniSearch<IndexedDocument>;
  private readonly documentFrequency = new Map<string, number>();
  private readonly titleFrequency = new Map<string, number>();
  /** The text terms (and the title's) of the release being added, while it is added. */
  private collecting: { text: Set<string>; title: Set<string> } | null = null;

  /** An empty index, or one restored from a snapshot of an index built with the same tokenizer. */
  constructor(snapshot?: IndexSnapshot) {
    const options: Options<IndexedDocument> = {
      fields: ['title', 'body', 'office', 'countries', 'kind'],
      storeFields: [],
      tokenize: (text) => tokenize(text),
      // Document frequencies are counted from the same token stream the index sees, so text is tokenized once.
      processTerm: (term, fieldName) => {
        const terms = searchTerm(term);
        if (this.collecting && fieldName !== undefined && TEXT_FIELDS.has(fieldName)) {
          for (const t of terms) this.collecting.text.add(t);
          if (fieldName === 'title') for (const t of terms) this.collecting.title.add(t);
        }
        return terms;
      },
      autoVacuum: false,
      searchOptions: { boost: FIELD_BOOSTS },
    };
    this.mini = snapshot ? MiniSearch.loadJS(snapshot.mini, options) : new MiniSearch(options);
    if (snapshot) {
      for (const [term, count] of snapshot.documentFrequency) this.documentFrequency.set(term, count);
      for (const [term, count] of snapshot.titleFrequency) this.titleFrequency.set(term, count);
    }
  }

  snapshot(): IndexSnapshot {
    return { mini: this.mini.toJSON(), documentFrequency: [...this.documentFrequency], titleFrequency: [...this.titleFrequency] };
  }

  get size(): number {
    return this.mini.documentCount;
  }

  has(id: string): boolean {
    return this.mini.has(id);
  }

  add(release: Release): void {
    const terms = { text: new Set<string>(), title: new Set<string>() };
    this.collecting = terms;
    try {
      this.mini.add(toDocument(release));
    } finally {
      this.collecting = null;
    }
    for (const term of terms.text) count(this.documentFrequency, term, 1);
    for (const term of terms.title) count(this.titleFrequency, term, 1);
  }

  addAll(releases: Release[]): void {
    for (const release of releases) this.add(release);
  }

  remove(release: Release): void {
    if (!this.mini.has(release.id)) return;
    this.mini.discard(release.id);
    for (const term of titleAndBodyTerms(release)) count(this.documentFrequency, term, -1);
    for (const term of searchTerms(release.title)) count(this.titleFrequency, term, -1);
  }

  /** Inverse document frequency of a processed term: rare terms weigh more. */
  idf(term: string): number {
    return inverseDocumentFrequency(this.mini.documentCount, this.documentFrequency.get(term) ?? 0);
  }

  search(terms: string[], { filter, limit }: IndexQuery = {}): IndexHit[] {
    if (terms.length === 0) return [];
    const documents = this.mini.documentCount;
    const picked = candidateTerms(terms, documents, (term) => this.documentFrequency.get(term) ?? 0);
    const passes = filter ? (result: MiniSearchResult) => filter(result.id as string) : undefined;
    const scores = new Map<string, number>();
    for (const result of this.mini.search(picked.join(' '), { ...PROCESSED, combineWith: 'OR', filter: passes })) scores.set(result.id as string, result.score);
    // Titles are short: in a large corpus, a word too common to search all text for is often still rare among titles
    // ("national day"). A small corpus leaves out only words in most of its releases, which no title search needs.
    const inTitles =
      documents < LARGE_CORPUS ? [] : candidateTerms(terms, documents, (term) => this.titleFrequency.get(term) ?? 0).filter((term) => !picked.includes(term));
    if (inTitles.length > 0) {
      for (const result of this.mini.search(inTitles.join(' '), { ...PROCESSED, combineWith: 'OR', fields: ['title'], filter: passes })) {
        scores.set(result.id as string, (scores.get(result.id as string) ?? 0) + result.score);
      }
    }
    const hits = [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
    return limit === undefined ? hits : hits.slice(0, limit);
  }
}

/**
 * The query holds processed terms already: they are looked up as they are. (Stemming a stem again can change it:
 * "bilater" → "bilat", "increas" → "increa", and such terms then matched nothing.)
 */
const PROCESSED = { tokenize: (query: string) => query.split(' '), processTerm: (term: string) => term };

function toDocument(release: Release): IndexedDocument {
  const codes = [...release.countries, ...release.mentioned];
  return {
    id: release.id,
    title: release.title,
    body: release.paragraphs.join('\n'),
    office: release.office ?? '',
    countries: codes.map((code) => `${countryName(code)} ${code}`).join(' '),
    kind: release.kind,
    date: release.date,
  };
}

function titleAndBodyTerms(release: Release): Set<string> {
  return new Set(searchTerms(`${release.title}\n${release.paragraphs.join('\n')}`));
}

function count(frequencies: Map<string, number>, term: string, change: number): void {
  const next = (frequencies.get(term) ?? 0) + change;
  if (next > 0) frequencies.set(term, next);
  else frequencies.delete(term);
}
