import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { countryName, resolveCountry } from '../countries/index.js';
import { inRange, isIsoDate, todayInNewYork } from '../corpus/dates.js';
import { preprocess, rawFromRelease } from '../corpus/preprocess.js';
import { preprocessRulesHash } from '../corpus/rules.js';
import { loadFiles } from '../corpus/load.js';
import { normalizeKind } from '../corpus/kind.js';
import type { RawRelease, Release } from '../corpus/release.js';
import { foldForMatch } from '../corpus/text.js';
import { UserError } from '../errors.js';
import { openDb, type Db } from '../store/db.js';
import { ReleaseStore } from '../store/releases.js';
import { buildDigest } from './digest.js';
import { DiskIndex } from './disk-index.js';
import { MemoryIndex } from './index.js';
import { ownWordsCheck } from './coverage.js';
import { INDEX_FILE, indexFingerprint, loadIndexFile, saveIndexFile } from './index-file.js';
import { LARGE_CORPUS, type SearchIndex, type SearchIndexMode } from './search-index.js';
import { releaseTerms } from './sentences.js';
import { parseQuestion, type ParsedQuestion } from './question.js';
import { answerFrom, answerText, rankReleases, withSlack, type RankedRelease } from './rank.js';
import { summarizeRelease } from './summarize.js';
import type {
  AskResult,
  CorpusStats,
  CountryResult,
  DateRange,
  Digest,
  ImportReport,
  SearchFilters,
  SearchHit,
  SearchResult,
  Summary,
} from './types.js';

export const BUILTIN_CORPUS = fileURLToPath(new URL('../../corpus/releases.json', import.meta.url));

/** Longest question read; beyond this a question is cut, not refused. */
export const MAX_QUESTION_LENGTH = 1000;
/**
 * A release must cover at least this share of the question's weight, and score at least MIN_ANSWER_SCORE, to be
 * offered as an answer. Paraphrased questions share few words with the release that answers them, so coverage
 * alone must stay low; long transcripts hold nearly any word ("why is the sky blue" → a "blue-sky hypothetical"),
 * and the score, which also weighs the best passage and sentence, tells those apart. Measured on 140 questions
 * with a gold release and 30 off-topic ones: coverage 0.3 alone answered 21 of the 30; with a score of 0.5, 9, for
 * two questions of the 140 left unanswered.
 */
const MIN_ANSWER_COVERAGE = 0.25;
const MIN_ANSWER_SCORE = 0.5;
const MIN_SEARCH_COVERAGE = 0.34;
const RELATED_SHARE = 0.6;
/** Above this many releases, a data dir's corpus is searched on disk (SQLite FTS5) instead of in memory (MiniSearch). */
export const MEMORY_INDEX_LIMIT = 20_000;

export interface EngineOptions {
  /** Where imported releases are stored (SQLite). Without it, imports live in memory only. */
  dataDir?: string;
  /** Include the built-in corpus (corpus/releases.json); default true. */
  builtin?: boolean;
  /** "Today" for relative time references; default the current date in New York. */
  today?: () => string;
  /** Where the full-text index lives (with a data dir; without one it is always in memory). Default `auto`. */
  searchIndex?: SearchIndexMode;
  /** The `auto` threshold; default MEMORY_INDEX_LIMIT. */
  memoryIndexLimit?: number;
}

/** The question-answering engine over the corpus: everything the bot, the console and the CLI ask goes through here. */
export class Engine {
  private readonly byId = new Map<string, Release>();
  private readonly byKey = new Map<string, Release>();
  private index: SearchIndex = new MemoryIndex();
  /** Releases were imported since the index was stored (or it never was). */
  private indexChanged = false;
  private newestFirst: Release[] | null = null;
  private countryCountCache: { code: string; name: string; count: number }[] | null = null;
  private readonly listeners = new Set<(release: Release) => void>();
  private lastImport: string | null = null;

  private constructor(
    private readonly store: ReleaseStore | null,
    private readonly db: Db | null,
    private readonly today: () => string,
    private readonly dataDir: string | null = null,
    private readonly searchIndexMode: SearchIndexMode = 'auto',
    private readonly memoryIndexLimit = MEMORY_INDEX_LIMIT,
  ) {}

  static async open(options: EngineOptions = {}): Promise<Engine> {
    const db = options.dataDir ? openDb(options.dataDir) : null;
    const store = db ? new ReleaseStore(db) : null;
    const today = options.today ?? (() => todayInNewYork());
    const engine = new Engine(store, db, today, options.dataDir ?? null, options.searchIndex, options.memoryIndexLimit);
    const releases = options.builtin === false ? [] : loadBuiltinCorpus();
    if (!store) {
      engine.load(releases);
      return engine;
    }
    deriveStoredAgainIfRulesChanged(store);
    // Stored releases are held as metadata; their text is read when a question needs it.
    releases.push(...store.all());
    engine.lastImport = store.lastImport();
    for (const release of releases) engine.hold(release);
    if (engine.wantsDiskIndex(engine.byId.size)) engine.useDiskIndex();
    else engine.restoreMemoryIndex();
    engine.prepareSmallCorpus();
    return engine;
  }

  /** Which kind of full-text index answers: `memory` (MiniSearch) or `disk` (SQLite FTS5). */
  get searchIndexKind(): SearchIndex['kind'] {
    return this.index.kind;
  }

  private wantsDiskIndex(releases: number): boolean {
    if (!this.db || this.searchIndexMode === 'memory') return false;
    return this.searchIndexMode === 'disk' || releases > this.memoryIndexLimit;
  }

  /** Switches to the index on disk, bringing it up to date with the releases held; the in-memory one's file goes. */
  private useDiskIndex(): void {
    const disk = new DiskIndex(this.db!);
    disk.sync(this.byId.values());
    this.index = disk;
    this.indexChanged = false;
    rmSync(path.join(this.dataDir!, INDEX_FILE), { force: true });
  }

  /**
   * A small corpus is read whole at start, each release's sentence terms included (about a second for 2,000
   * releases), so every answer is as quick as the hundredth; a large one is read as questions need it.
   */
  private prepareSmallCorpus(): void {
    if (this.byId.size >= LARGE_CORPUS) return;
    for (const release of this.byId.values()) releaseTerms(release);
  }

  /** The in-memory index stored at the last close, when it was built from these same releases; else built anew. */
  private restoreMemoryIndex(): void {
    const fingerprint = indexFingerprint(this.byId.values());
    const stored = loadIndexFile(this.dataDir!, fingerprint);
    if (stored) {
      this.index = stored;
      return;
    }
    const index = new MemoryIndex();
    for (const release of this.byId.values()) index.add(release);
    this.index = index;
    saveIndexFile(this.dataDir!, fingerprint, index);
  }

  /** An engine over the given releases, in memory (tests, benchmarks). */
  static fromReleases(releases: Release[], options: Pick<EngineOptions, 'today'> = {}): Engine {
    const engine = new Engine(null, null, options.today ?? (() => todayInNewYork()));
    engine.load(releases);
    return engine;
  }

  private load(releases: Release[]): void {
    for (const release of releases) {
      // Two releases of one day may share a title's slug ("Meeting with Republic of Korea …"): each keeps its own id.
      const holder = this.byId.get(release.id);
      const distinct = holder && holder.source.key !== release.source.key;
      this.put(distinct ? { ...release, id: this.freeId(release.id, new Map()) } : release);
    }
  }

  /** Adds or replaces a release in memory and in the index. */
  private put(release: Release): void {
    const previous = this.hold(release);
    if (previous) this.index.remove(previous);
    this.index.add(release);
  }

  /** Adds or replaces a release in memory only; returns the release it replaced. */
  private hold(release: Release): Release | undefined {
    const previous = this.byId.get(release.id) ?? this.byKey.get(release.source.key);
    if (previous) {
      this.byId.delete(previous.id);
      this.byKey.delete(previous.source.key);
    }
    this.byId.set(release.id, release);
    this.byKey.set(release.source.key, release);
    this.newestFirst = null;
    this.countryCountCache = null;
    return previous;
  }

  // ---- corpus -------------------------------------------------------------------------------------------------

  all(): Release[] {
    this.newestFirst ??= [...this.byId.values()].sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title));
    return this.newestFirst;
  }

  find(id: string): Release | undefined {
    return this.byId.get(id.trim());
  }

  get(id: string): Release {
    const wanted = id.trim();
    if (!wanted) throw new UserError('Give a release id (see `list`, or start typing a title).', 'EMPTY_QUERY');
    const release = this.byId.get(wanted);
    if (release) return release;
    const suggestions = this.suggestReleases(wanted.replace(/^\d{4}-\d{2}-\d{2}-/, '').replace(/-/g, ' '), 3).map((s) => s.id);
    const hint = suggestions.length ? ` Did you mean ${suggestions.map((s) => `\`${s}\``).join(', ')}?` : '';
    throw new UserError(`No release has the id "${clip(wanted, 80)}".${hint}`, 'UNKNOWN_ID', suggestions);
  }

  stats(): CorpusStats {
    const all = this.all();
    return {
      count: all.length,
      firstDate: all[all.length - 1]?.date ?? null,
      lastDate: all[0]?.date ?? null,
      lastImport: this.lastImport,
    };
  }

  releasesBetween(range: DateRange): Release[] {
    return this.all().filter((release) => inRange(release.date, range));
  }

  // ---- questions ----------------------------------------------------------------------------------------------

  ask(question: string, options: { limit?: number } = {}): AskResult {
    const limit = options.limit ?? 3;
    const text = cleanQuestion(question);
    const parsed = this.parse(text);
    const base: Pick<AskResult, 'question' | 'dateRange'> = { question: text, ...(parsed.time ? { dateRange: { ...parsed.time.range, label: parsed.time.label } } : {}) };
    if (parsed.terms.length === 0 && parsed.expansions.length === 0) {
      if (!parsed.time) throw nothingToSearch();
      const inPeriod = this.releasesBetween(parsed.time.range).slice(0, limit);
      return { ...base, answer: null, results: inPeriod.map((release) => this.hit(release, 0)) };
    }
    const range = parsed.time?.explicit ? withSlack(parsed.time.range) : null;
    let answerable = this.answerable(parsed, range);
    if (range && answerable.length === 0) {
      // "what did Harris announce in April" may be answered by a release of June: a time that finds nothing is read
      // as the time of the event, which still counts for releases dated then (for a date without its year, "on
      // March 31", in any year of the corpus).
      answerable = this.answerable({ ...parsed, time: { ...parsed.time!, explicit: false } }, null);
      const top = answerable[0];
      const sameDay = top ? parsed.time!.earlierYears?.find((other) => inRange(top.release.date, withSlack(other.range))) : undefined;
      if (sameDay) base.dateRange = { ...sameDay.range, label: sameDay.label };
      else if (top) base.dateRange = { ...base.dateRange!, label: `${base.dateRange!.label} (no answer dated then, so all dates were searched)` };
    }
    const top = answerable[0];
    // Further releases are offered only when they come close to the best one.
    const relevant = answerable.filter((r) => r.score >= RELATED_SHARE * (top?.score ?? 0));
    return {
      ...base,
      answer: top ? this.answer(parsed, top) : null,
      results: relevant.slice(0, limit).map((r) => this.rankedHit(r)),
    };
  }

  private answer(parsed: ParsedQuestion, top: RankedRelease): { text: string; release: Release } {
    const { best, second } = answerFrom(this.index, parsed, top);
    return { text: answerText(top.release, best, second), release: top.release };
  }

  private answerable(parsed: ParsedQuestion, range: DateRange | null): RankedRelease[] {
    const ranked = rankReleases(this.index, (id) => this.byId.get(id), parsed, range ? { filter: (r) => inRange(r.date, range), range } : {});
    const holdsOwnWords = ownWordsCheck(parsed, (term) => this.index.idf(term));
    return ranked.filter((r) => r.coverage >= MIN_ANSWER_COVERAGE && r.score >= MIN_ANSWER_SCORE && r.bestSentence >= 0 && holdsOwnWords(r.release));
  }

  search(query: string, filters: SearchFilters = {}, options: { limit?: number; offset?: number } = {}): SearchResult {
    const limit = options.limit ?? 5;
    const offset = options.offset ?? 0;
    const text = cleanQuestion(query, true);
    const parsed = this.parse(text);
    const range: DateRange = { from: validDate(filters.from, 'from'), to: validDate(filters.to, 'to') };
    if (parsed.time?.explicit && !range.from && !range.to) Object.assign(range, parsed.time.range);
    if (range.from && range.to && range.from > range.to) throw new UserError(`"from" (${range.from}) is after "to" (${range.to}).`, 'BAD_DATE');
    const filter = this.searchFilter(range, filters);
    const dateRange = parsed.time ? { dateRange: { ...parsed.time.range, label: parsed.time.label } } : {};
    if (parsed.terms.length === 0 && parsed.expansions.length === 0) {
      if (!text.trim() && !filters.country && !filters.speaker && !filters.kind && !range.from && !range.to) throw nothingToSearch();
      const matching = this.all().filter(filter);
      return { query: text, total: matching.length, hits: matching.slice(offset, offset + limit).map((r) => this.hit(r, 0)), ...dateRange };
    }
    const ranked = rankReleases(this.index, (id) => this.byId.get(id), parsed, { filter, range, candidates: Math.max(100, offset + limit) });
    const relevant = ranked.filter((r) => r.coverage >= MIN_SEARCH_COVERAGE);
    return { query: text, total: relevant.length, hits: relevant.slice(offset, offset + limit).map((r) => this.rankedHit(r)), ...dateRange };
  }

  private parse(text: string): ParsedQuestion {
    const stats = this.stats();
    return parseQuestion(text, { today: this.today(), corpusFirst: stats.firstDate, corpusLast: stats.lastDate });
  }

  private searchFilter(range: DateRange, filters: SearchFilters): (release: Release) => boolean {
    const code = filters.country?.trim() ? resolveCountry(filters.country).code : null;
    const speaker = filters.speaker?.trim() ? foldForMatch(filters.speaker) : null;
    let kind: string | null = null;
    if (filters.kind?.trim()) {
      kind = normalizeKind(filters.kind);
      if (!kind) throw new UserError(`Unknown kind "${clip(filters.kind, 40)}".`, 'BAD_ARGUMENT');
    }
    return (release) =>
      inRange(release.date, range) &&
      (!code || release.countries.includes(code) || release.mentioned.includes(code)) &&
      (!speaker || foldForMatch(release.office ?? '').includes(speaker)) &&
      (!kind || release.kind === kind);
  }

  private rankedHit(ranked: RankedRelease): SearchHit {
    const snippet = ranked.bestSentence >= 0 ? answerText(ranked.release, ranked.bestSentence) : this.opening(ranked.release);
    return { release: ranked.release, score: round(ranked.score), snippet };
  }

  private hit(release: Release, score: number): SearchHit {
    return { release, score, snippet: this.opening(release) };
  }

  private opening(release: Release): string {
    return summarizeRelease(release, 1)[0] ?? release.sentences[0]?.text ?? '';
  }

  // ---- summaries, digests, countries -------------------------------------------------------------------------

  summarize(id: string, sentences = 3): Summary {
    if (!Number.isInteger(sentences) || sentences < 1 || sentences > 10) {
      throw new UserError('The number of sentences must be a whole number from 1 to 10.', 'BAD_ARGUMENT');
    }
    const release = this.get(id);
    return { release, sentences: summarizeRelease(release, sentences) };
  }

  summarizeRelease(release: Release, sentences = 3): string[] {
    return summarizeRelease(release, sentences);
  }

  /** The releases of one day (default: the latest day in the corpus). */
  digest(date?: string): Digest {
    const day = date?.trim() ? date.trim() : this.stats().lastDate;
    if (!day) throw new UserError('The corpus is empty.', 'NO_RELEASES');
    if (!isIsoDate(day)) throw new UserError(`"${clip(day, 40)}" is not a date; use yyyy-mm-dd, e.g. 2021-12-03.`, 'BAD_DATE');
    return buildDigest(this.releasesBetween({ from: day, to: day }), day);
  }

  digestOf(releases: Release[], label: string): Digest {
    return buildDigest(releases, label);
  }

  country(name: string, range: DateRange = {}): CountryResult {
    const country = resolveCountry(name);
    const checked = { from: validDate(range.from, 'from'), to: validDate(range.to, 'to') };
    const releases = this.all().filter((release) => release.countries.includes(country.code) && inRange(release.date, checked));
    return { country, releases };
  }

  countryCounts(): { code: string; name: string; count: number }[] {
    if (!this.countryCountCache) {
      const counts = new Map<string, number>();
      for (const release of this.byId.values()) for (const code of release.countries) counts.set(code, (counts.get(code) ?? 0) + 1);
      this.countryCountCache = [...counts]
        .map(([code, count]) => ({ code, name: countryName(code), count }))
        .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    }
    return this.countryCountCache;
  }

  /** Releases whose title contains every word typed, best first (for autocomplete). */
  suggestReleases(query: string, limit = 25): { id: string; title: string; date: string }[] {
    const words = foldForMatch(query).split(/\s+/).filter(Boolean);
    const out: { id: string; title: string; date: string }[] = [];
    const prefixed: typeof out = [];
    for (const release of this.all()) {
      const title = foldForMatch(release.title);
      if (!words.every((word) => title.includes(word) || release.id.includes(word))) continue;
      const entry = { id: release.id, title: release.title, date: release.date };
      if (words.length > 0 && title.startsWith(words[0]!)) prefixed.push(entry);
      else out.push(entry);
      if (prefixed.length >= limit) break;
    }
    return [...prefixed, ...out].slice(0, limit);
  }

  // ---- imports ------------------------------------------------------------------------------------------------

  importReleases(raws: RawRelease[]): ImportReport {
    const report: ImportReport = { added: [], updated: [], unchanged: 0, errors: [] };
    const importedAt = new Date().toISOString();
    const batch = new Map<string, Release>();
    // How many releases of the batch hold each id: a large import must not rescan the batch for every new id.
    const batchIds = new Map<string, number>();
    const replacedIds: string[] = [];
    for (const raw of raws) {
      const problem = validateRaw(raw);
      if (problem) {
        report.errors.push(`${raw.title?.slice(0, 80) || '(untitled)'}: ${problem}`);
        continue;
      }
      let release: Release;
      try {
        release = preprocess(raw);
      } catch (error) {
        report.errors.push(`${raw.title.slice(0, 80)}: could not be processed (${(error as Error).message})`);
        continue;
      }
      release.source.importedAt = importedAt;
      release.source.rules = preprocessRulesHash();
      const existing = batch.get(release.source.key) ?? this.byKey.get(release.source.key) ?? this.sameRelease(release);
      if (existing && sameContent(existing, release)) {
        report.unchanged++;
        continue;
      }
      if (existing) {
        if (existing.id !== release.id) replacedIds.push(existing.id);
        report.updated.push(release);
      } else {
        release.id = this.freeId(release.id, batchIds);
        report.added.push(release);
      }
      const replaced = batch.get(release.source.key);
      if (replaced) batchIds.set(replaced.id, (batchIds.get(replaced.id) ?? 1) - 1);
      batchIds.set(release.id, (batchIds.get(release.id) ?? 0) + 1);
      batch.set(release.source.key, release);
    }
    const changed = [...batch.values()];
    if (changed.length === 0) return report;
    if (this.index.kind === 'memory' && this.wantsDiskIndex(this.byId.size + report.added.length)) this.useDiskIndex();
    const replaced = [
      ...replacedIds.map((id) => this.byId.get(id)),
      ...changed.map((release) => this.byId.get(release.id) ?? this.byKey.get(release.source.key)),
    ].filter((release): release is Release => release !== undefined);
    // Old versions leave the index before the store forgets their text; the disk index commits with the store.
    const write = () => {
      for (const old of new Set(replaced)) this.index.remove(old);
      this.store?.saveAll(changed, replacedIds);
      for (const release of changed) this.index.add(release);
    };
    if (this.db) this.db.transaction(write)();
    else write();
    for (const id of replacedIds) {
      const old = this.byId.get(id);
      if (old) {
        this.byId.delete(id);
        this.byKey.delete(old.source.key);
      }
    }
    for (const release of changed) this.hold(this.store ? this.store.held(release) : release);
    this.indexChanged = this.index.kind === 'memory';
    this.lastImport = importedAt;
    report.added = report.added.filter((r) => batch.get(r.source.key) === r);
    for (const release of [...report.added].sort((a, b) => a.date.localeCompare(b.date))) {
      for (const listener of this.listeners) {
        try {
          listener(release);
        } catch (error) {
          console.error(`new-release listener failed: ${(error as Error).message}`);
        }
      }
    }
    return report;
  }

  async importFiles(paths: string[]): Promise<ImportReport> {
    const { releases, errors } = await loadFiles(paths);
    const report = this.importReleases(releases);
    report.errors.unshift(...errors);
    return report;
  }

  onNewRelease(listener: (release: Release) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.listeners.clear();
    if (this.dataDir && this.db?.open && this.indexChanged && this.index instanceof MemoryIndex) {
      saveIndexFile(this.dataDir, indexFingerprint(this.byId.values()), this.index);
      this.indexChanged = false;
    }
    this.db?.close();
  }

  /** The same release under another source key: same day and same title. */
  private sameRelease(release: Release): Release | undefined {
    const candidate = this.byId.get(release.id);
    return candidate && foldForMatch(candidate.title) === foldForMatch(release.title) ? candidate : undefined;
  }

  private freeId(id: string, batchIds: Map<string, number>): string {
    const taken = (candidate: string) => this.byId.has(candidate) || (batchIds.get(candidate) ?? 0) > 0;
    if (!taken(id)) return id;
    for (let n = 2; ; n++) if (!taken(`${id}-${n}`)) return `${id}-${n}`;
  }
}

/**
 * Stored releases keep the sentences, country tags and kind derived when they were imported; after an upgrade that
 * changes those rules they are derived again from their stored text (once, at start, logged).
 */
function deriveStoredAgainIfRulesChanged(store: ReleaseStore): void {
  const rules = preprocessRulesHash();
  const stamped = store.rules();
  if (stamped === rules) return;
  const count = store.deriveAgain(rules, (release) => ({
    ...preprocess(rawFromRelease(release)),
    id: release.id,
    source: { ...release.source, rules },
  }));
  if (count > 0) console.error(`preprocessing rules changed: ${count} stored releases derived again`);
}

function loadBuiltinCorpus(): Release[] {
  if (!existsSync(BUILTIN_CORPUS)) return [];
  return JSON.parse(readFileSync(BUILTIN_CORPUS, 'utf8')) as Release[];
}

function validateRaw(raw: RawRelease): string | null {
  if (!raw.title?.trim()) return 'no title';
  if (!raw.date || !isIsoDate(raw.date)) return `no valid date (${JSON.stringify(raw.date ?? null)})`;
  if (!raw.paragraphs?.some((p) => p.trim())) return 'no body text';
  return null;
}

function sameContent(a: Release, b: Release): boolean {
  return (
    a.title === b.title &&
    a.date === b.date &&
    a.office === b.office &&
    a.url === b.url &&
    a.kind === b.kind &&
    a.paragraphs.length === b.paragraphs.length &&
    a.paragraphs.every((p, i) => p === b.paragraphs[i])
  );
}

function validDate(value: string | undefined, name: string): string | undefined {
  if (!value?.trim()) return undefined;
  const date = value.trim();
  if (!isIsoDate(date)) throw new UserError(`"${name}" must be a date written yyyy-mm-dd, e.g. 2021-12-03 (got "${clip(date, 40)}").`, 'BAD_DATE');
  return date;
}

/** Trims, cuts overlong input, and refuses input with nothing to search for. */
function cleanQuestion(question: string, allowEmpty = false): string {
  const text = (question ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUESTION_LENGTH);
  if (!text && !allowEmpty) throw new UserError('The question is empty: ask about a topic, a country or a person, e.g. "What did the U.S. say about Kenya?"', 'EMPTY_QUERY');
  return text;
}

function nothingToSearch(): UserError {
  return new UserError(
    'There is nothing to search for in that: ask about a topic, a country, a person or a date, e.g. "What did the U.S. say about Kenya?"',
    'EMPTY_QUERY',
  );
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
