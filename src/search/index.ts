import MiniSearch, { type SearchResult as MiniSearchResult } from 'minisearch';
import { countryName } from '../countries/index.js';
import type { Release } from '../corpus/release.js';
import { searchTerm, searchTerms, tokenize } from '../nlp/terms.js';

interface IndexedDocument {
  id: string;
  title: string;
  body: string;
  office: string;
  countries: string;
  kind: string;
  date: string;
}

export const FIELD_BOOSTS = { title: 3, countries: 2, office: 1, kind: 1, body: 1 };

/**
 * The full-text index: MiniSearch over title, body, speaker, countries and kind, with stop words dropped and terms
 * stemmed at both index and query time. It also keeps document frequencies so answers can weigh query terms.
 */
export class ReleaseIndex {
  private readonly mini = new MiniSearch<IndexedDocument>({
    fields: ['title', 'body', 'office', 'countries', 'kind'],
    storeFields: [],
    tokenize: (text) => tokenize(text),
    processTerm: (term) => searchTerm(term),
    autoVacuum: false,
    searchOptions: { boost: FIELD_BOOSTS },
  });
  private readonly documentFrequency = new Map<string, number>();

  get size(): number {
    return this.mini.documentCount;
  }

  has(id: string): boolean {
    return this.mini.has(id);
  }

  add(release: Release): void {
    this.mini.add(toDocument(release));
    for (const term of releaseTerms(release)) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
  }

  addAll(releases: Release[]): void {
    for (const release of releases) this.add(release);
  }

  remove(release: Release): void {
    if (!this.mini.has(release.id)) return;
    this.mini.discard(release.id);
    for (const term of releaseTerms(release)) {
      const count = (this.documentFrequency.get(term) ?? 1) - 1;
      if (count > 0) this.documentFrequency.set(term, count);
      else this.documentFrequency.delete(term);
    }
  }

  /** Inverse document frequency of a processed term: rare terms weigh more. */
  idf(term: string): number {
    const n = this.mini.documentCount || 1;
    const df = this.documentFrequency.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  search(terms: string[], filter?: (id: string) => boolean, weights?: Map<string, number>): MiniSearchResult[] {
    if (terms.length === 0) return [];
    return this.mini.search(terms.join(' '), {
      combineWith: 'OR',
      filter: filter ? (result) => filter(result.id as string) : undefined,
      boostTerm: weights ? (term) => weights.get(term) ?? 1 : undefined,
    });
  }
}

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

function releaseTerms(release: Release): Set<string> {
  return new Set(searchTerms(`${release.title}\n${release.paragraphs.join('\n')}`));
}
