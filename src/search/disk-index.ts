import { countryName } from '../countries/index.js';
import type { Release } from '../corpus/release.js';
import { searchTermList } from '../nlp/terms.js';
import type { Db } from '../store/db.js';
import { indexRulesHash, releaseVersion } from './index-rules.js';
import { candidateTerms, FIELD_BOOSTS, inverseDocumentFrequency, type IndexHit, type IndexQuery, type SearchIndex } from './search-index.js';
import type { DateRange } from './types.js';

const RULE_SOURCES = [new URL('./disk-index.ts', import.meta.url)];
/** Candidates fetched when the caller gives no limit. */
const DEFAULT_LIMIT = 100;
/**
 * Row ids follow release dates: the day (counted from 1800) times 2^20, plus a number within the day. A date range
 * is then a row id range, which FTS5 seeks to instead of scoring every match and dropping most.
 */
const PER_DAY = 2 ** 20;
const FIRST_DAY = Date.UTC(1800, 0, 1) / 86_400_000;
const LAST_DAY = Date.UTC(2999, 11, 31) / 86_400_000 - FIRST_DAY;
const TEXT_WEIGHTS = [FIELD_BOOSTS.body, FIELD_BOOSTS.office, FIELD_BOOSTS.countries, FIELD_BOOSTS.kind].join(', ');

/**
 * The on-disk index for a corpus too large to hold in memory: SQLite FTS5 (bm25) over the releases' search terms,
 * in the bot's database (schema in store/db.ts). The terms are made by nlp/terms.ts, exactly as for the in-memory
 * index, and stored as text that FTS5's own tokenizer only splits on spaces. Opening costs next to nothing and
 * memory stays flat, at the price of a few milliseconds per query.
 *
 * Row ids are ordered by date (see PER_DAY), so a question about a day or a month searches only that stretch.
 *
 * Titles have a table of their own: FTS5's bm25 measures a row as a whole, so a title word weighed 3 in a row with
 * the body would count as three more occurrences in a long text and be lost; scored apart, a short title that
 * holds the question's words counts as much as it does in MiniSearch's per-field bm25.
 */
export class DiskIndex implements SearchIndex {
  readonly kind = 'disk';
  private count: number;
  /** Document frequencies asked for since the last change, in the text and in the titles. */
  private readonly frequencies = { text: new Map<string, number>(), titles: new Map<string, number>() };
  private readonly sql;

  constructor(private readonly db: Db) {
    this.sql = {
      count: db.prepare('SELECT count(*) FROM search_docs').pluck(),
      docid: db.prepare('SELECT docid FROM search_docs WHERE id = ?').pluck(),
      insertDoc: db.prepare('INSERT INTO search_docs (docid, id, version) VALUES (?, ?, ?)'),
      lastOfDay: db.prepare('SELECT max(docid) FROM search_docs WHERE docid BETWEEN ? AND ?').pluck(),
      updateDoc: db.prepare('UPDATE search_docs SET version = ? WHERE docid = ?'),
      deleteDoc: db.prepare('DELETE FROM search_docs WHERE docid = ?'),
      idOf: db.prepare('SELECT id FROM search_docs WHERE docid = ?').pluck(),
      insertTitle: db.prepare('INSERT INTO search_titles (rowid, title) VALUES (?, ?)'),
      insertText: db.prepare('INSERT INTO search_text (rowid, body, office, countries, kind) VALUES (?, ?, ?, ?, ?)'),
      deleteTitle: db.prepare('DELETE FROM search_titles WHERE rowid = ?'),
      deleteText: db.prepare('DELETE FROM search_text WHERE rowid = ?'),
      frequency: db.prepare('SELECT doc FROM search_terms WHERE term = ?').pluck(),
      titleFrequency: db.prepare('SELECT doc FROM search_title_terms WHERE term = ?').pluck(),
      searchTitles: db
        .prepare(
          `SELECT rowid, -bm25(search_titles) AS score FROM search_titles
            WHERE search_titles MATCH ? AND rowid BETWEEN ? AND ? ORDER BY bm25(search_titles) LIMIT ?`,
        )
        .raw(),
      searchText: db
        .prepare(
          `SELECT rowid, -bm25(search_text, ${TEXT_WEIGHTS}) AS score FROM search_text
            WHERE search_text MATCH ? AND rowid BETWEEN ? AND ? ORDER BY bm25(search_text, ${TEXT_WEIGHTS}) LIMIT ?`,
        )
        .raw(),
    };
    this.count = this.sql.count.get() as number;
  }

  get size(): number {
    return this.count;
  }

  /**
   * Brings the index in line with the releases held: indexes what is missing or changed since, drops what is gone.
   * It is rebuilt whole when the indexing rules changed. Returns how many releases were (re)indexed.
   */
  sync(releases: Iterable<Release>): number {
    let indexed = 0;
    this.db.transaction(() => {
      const rules = indexRulesHash(RULE_SOURCES);
      const stored = this.db.prepare("SELECT value FROM search_state WHERE key = 'rules'").pluck().get() as string | undefined;
      if (stored !== rules) {
        this.db.exec(
          "DELETE FROM search_docs; INSERT INTO search_titles(search_titles) VALUES ('delete-all'); INSERT INTO search_text(search_text) VALUES ('delete-all');",
        );
        this.db.prepare("INSERT INTO search_state (key, value) VALUES ('rules', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(rules);
      }
      const versions = new Map(
        (this.db.prepare('SELECT id, version FROM search_docs').raw().all() as [string, string][]).map(([id, version]) => [id, version]),
      );
      for (const release of releases) {
        if (versions.get(release.id) !== releaseVersion(release)) {
          this.add(release);
          indexed++;
        }
        versions.delete(release.id);
      }
      for (const id of versions.keys()) this.removeId(id);
      this.count = this.sql.count.get() as number;
    })();
    return indexed;
  }

  add(release: Release): void {
    const version = releaseVersion(release);
    let docid = this.sql.docid.get(release.id) as number | undefined;
    if (docid !== undefined && dayOf(docid) !== dayNumber(release.date)) {
      this.removeId(release.id);
      docid = undefined;
    }
    if (docid === undefined) {
      docid = this.freeDocid(release.date);
      this.sql.insertDoc.run(docid, release.id, version);
      this.count++;
    } else {
      this.deleteTerms(docid);
      this.sql.updateDoc.run(version, docid);
    }
    const rowid = docid;
    const codes = [...release.countries, ...release.mentioned];
    this.sql.insertTitle.run(rowid, termText(release.title));
    this.sql.insertText.run(
      rowid,
      termText(release.paragraphs.join('\n')),
      termText(release.office ?? ''),
      termText(codes.map((code) => `${countryName(code)} ${code}`).join(' ')),
      termText(release.kind),
    );
    this.clearFrequencies();
  }

  remove(release: Release): void {
    this.removeId(release.id);
  }

  search(terms: string[], { filter, range, limit = DEFAULT_LIMIT }: IndexQuery = {}): IndexHit[] {
    if (terms.length === 0 || limit <= 0) return [];
    const picked = candidateTerms(terms, this.count, (term) => this.frequencyIn('text', term));
    const query = picked.map((term) => `"${term}"`).join(' OR ');
    // Titles are short: a word too common to search all text for is often still rare among titles ("national day").
    const titleTerms = candidateTerms(terms, this.count, (term) => this.frequencyIn('titles', term));
    const titleQuery = titleTerms.map((term) => `"${term}"`).join(' OR ');
    const rows = rowRange(range);
    // A filter (a country, a speaker) can reject most of the best matches: fetch more until enough pass.
    for (let fetch = filter ? limit * 4 : limit; ; fetch *= 8) {
      const { hits, exhausted } = this.bestMatches(query, titleQuery, rows, fetch);
      const passing = filter ? hits.filter((hit) => filter(hit.id)) : hits;
      if (passing.length >= limit || exhausted) return passing.slice(0, limit);
    }
  }

  /** The best `fetch` releases by title and by the rest, scored as the weighted sum of both. */
  private bestMatches(query: string, titleQuery: string, [first, last]: [number, number], fetch: number): { hits: IndexHit[]; exhausted: boolean } {
    const titles = this.sql.searchTitles.all(titleQuery, first, last, fetch) as [number, number][];
    const texts = this.sql.searchText.all(query, first, last, fetch) as [number, number][];
    const scores = new Map<number, number>();
    for (const [rowid, score] of texts) scores.set(rowid, score);
    for (const [rowid, score] of titles) scores.set(rowid, (scores.get(rowid) ?? 0) + FIELD_BOOSTS.title * score);
    const hits: IndexHit[] = [];
    for (const [rowid, score] of scores) {
      const id = this.sql.idOf.get(rowid) as string | undefined;
      if (id !== undefined) hits.push({ id, score });
    }
    hits.sort((a, b) => b.score - a.score);
    return { hits, exhausted: titles.length < fetch && texts.length < fetch };
  }

  idf(term: string): number {
    return inverseDocumentFrequency(this.count, this.frequencyIn('text', term));
  }

  private frequencyIn(where: 'text' | 'titles', term: string): number {
    const known = this.frequencies[where];
    let frequency = known.get(term);
    if (frequency === undefined) {
      const statement = where === 'text' ? this.sql.frequency : this.sql.titleFrequency;
      frequency = (statement.get(term) as number | undefined) ?? 0;
      known.set(term, frequency);
    }
    return frequency;
  }

  private removeId(id: string): void {
    const docid = this.sql.docid.get(id) as number | undefined;
    if (docid === undefined) return;
    this.deleteTerms(docid);
    this.sql.deleteDoc.run(docid);
    this.count--;
    this.clearFrequencies();
  }

  private clearFrequencies(): void {
    this.frequencies.text.clear();
    this.frequencies.titles.clear();
  }

  /** The next free row id on the release's day. */
  private freeDocid(date: string): number {
    const first = dayNumber(date) * PER_DAY;
    const last = this.sql.lastOfDay.get(first, first + PER_DAY - 1) as number | null;
    if (last === first + PER_DAY - 1) throw new Error(`more than ${PER_DAY} releases on ${date}`);
    return last === null ? first : last + 1;
  }

  private deleteTerms(docid: number): void {
    this.sql.deleteTitle.run(docid);
    this.sql.deleteText.run(docid);
  }
}

/** A text as its search terms, separated by spaces (repeats kept: bm25 counts them). */
function termText(text: string): string {
  return searchTermList(text).join(' ');
}

function dayNumber(isoDate: string): number {
  const [year, month, day] = isoDate.split('-').map(Number);
  return Math.min(LAST_DAY, Math.max(0, Date.UTC(year!, month! - 1, day!) / 86_400_000 - FIRST_DAY));
}

function dayOf(docid: number): number {
  return Math.floor(docid / PER_DAY);
}

/** The row ids of releases dated within `range` (all when open-ended). */
function rowRange(range: DateRange | undefined): [number, number] {
  const first = range?.from ? dayNumber(range.from) : 0;
  const last = range?.to ? dayNumber(range.to) : LAST_DAY;
  return [first * PER_DAY, (last + 1) * PER_DAY - 1];
}
