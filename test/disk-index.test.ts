import Database from 'better-sqlite3';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RawRelease, Release } from '../src/corpus/release.js';
import { Engine, type EngineOptions } from '../src/search/engine.js';
import { INDEX_FILE } from '../src/search/index-file.js';
import { candidateTerms } from '../src/search/search-index.js';
import { DiskIndex } from '../src/search/disk-index.js';
import { MemoryIndex } from '../src/search/index.js';
import { searchTerms } from '../src/nlp/terms.js';
import { openDb } from '../src/store/db.js';

const raw = (title: string, paragraph: string, date = '2021-12-06', url?: string): RawRelease => ({
  title,
  date,
  office: 'Office of the Spokesperson',
  url: url ?? `https://www.state.gov/${title.toLowerCase().replace(/\W+/g, '-')}/`,
  paragraphs: [paragraph],
  format: 'jsonl',
});

const kenya = raw('Secretary Blinken’s Call with Kenyan Foreign Minister Omamo', 'Secretary Blinken spoke with Kenyan Foreign Minister Omamo about regional security in the Horn of Africa.');
const peru = raw('Deputy Secretary’s Meeting with Peruvian Foreign Minister', 'The Deputy Secretary discussed vaccine donations and anchovy fisheries with the Foreign Minister of Peru.', '2021-12-07');
const chile = raw('Chile National Day', 'On behalf of the United States, I congratulate the people of Chile on their national day and its copper miners.', '2021-12-08');

const QUESTIONS = [
  'who led the kenyan delegation in the cyber dialogue with the US?',
  'What did the Swedish PM and Blinken discuss on December 2?',
  'what did the deputy secretary say about anchovy fisheries?',
  'sanctions on Belarus',
  'what is the airspeed velocity of an unladen swallow',
];

const open: Engine[] = [];
async function engineAt(dataDir: string, options: EngineOptions = {}): Promise<Engine> {
  const engine = await Engine.open({ dataDir, today: () => '2021-12-08', ...options });
  open.push(engine);
  return engine;
}
afterEach(() => {
  for (const engine of open.splice(0)) engine.close();
});
const tempDir = () => mkdtempSync(path.join(tmpdir(), 'statebot-disk-'));
const answerOf = (engine: Engine, question: string) => {
  const result = engine.ask(question);
  return { answer: result.answer?.text ?? null, id: result.answer?.release.id ?? null, results: result.results.map((hit) => hit.release.id) };
};

describe('search index on disk (SQLite FTS5)', () => {
  it('answers like the in-memory index on the same releases', async () => {
    const memory = await engineAt(tempDir(), { searchIndex: 'memory' });
    const disk = await engineAt(tempDir(), { searchIndex: 'disk' });
    for (const engine of [memory, disk]) engine.importReleases([kenya, peru, chile]);
    expect(memory.searchIndexKind).toBe('memory');
    expect(disk.searchIndexKind).toBe('disk');
    for (const question of QUESTIONS) expect(answerOf(disk, question), question).toEqual(answerOf(memory, question));
    expect(disk.search('foreign minister', { from: '2021-12-07' }).hits.map((hit) => hit.release.title)).toEqual([peru.title]);
  });

  it('keeps imports, updates and removals across restarts, reading release text from the store when needed', async () => {
    const dataDir = tempDir();
    const first = await engineAt(dataDir, { searchIndex: 'disk', builtin: false });
    first.importReleases([kenya, peru]);
    first.close();

    const second = await engineAt(dataDir, { searchIndex: 'disk', builtin: false });
    const stored = second.all().find((release) => release.title === peru.title)!;
    expect(stored.paragraphs).toEqual(peru.paragraphs);
    expect(stored.sentences.map((sentence) => sentence.text)).toEqual([peru.paragraphs[0]]);
    expect((JSON.parse(JSON.stringify(stored)) as Release).paragraphs).toEqual(peru.paragraphs);
    // The same release (same url) with new text replaces the old one in the index.
    second.importReleases([{ ...peru, paragraphs: ['The Deputy Secretary discussed quinoa exports with the Foreign Minister of Peru.'] }]);
    expect(second.ask('anchovy fisheries').answer).toBeNull();
    second.close();

    const third = await engineAt(dataDir, { searchIndex: 'disk', builtin: false });
    expect(third.ask('quinoa exports').answer?.release.title).toBe(peru.title);
    expect(third.ask('anchovy fisheries').answer).toBeNull();
    expect(third.stats().count).toBe(2);
  });

  it('searches only the days asked about, and follows a release whose date changed', async () => {
    const engine = await engineAt(tempDir(), { searchIndex: 'disk', builtin: false });
    const days = ['2021-12-01', '2021-12-02', '2021-12-03', '2021-12-04'];
    engine.importReleases(days.map((date) => raw(`Fisheries Talks ${date}`, `Delegations discussed anchovy fisheries quotas on ${date}.`, date)));
    expect(engine.ask('anchovy fisheries quotas on December 3, 2021').results.map((hit) => hit.release.date).sort()).toEqual(
      expect.arrayContaining(['2021-12-03']),
    );
    const filtered = engine.search('anchovy fisheries', { from: '2021-12-02', to: '2021-12-03' }).hits.map((hit) => hit.release.date).sort();
    expect(filtered).toEqual(['2021-12-02', '2021-12-03']);

    // Re-dated by its source: found on its new day only.
    engine.importReleases([raw('Fisheries Talks 2021-12-01', 'Delegations discussed anchovy fisheries quotas on 2021-12-01.', '2021-12-09', 'https://www.state.gov/fisheries-talks-2021-12-01/')]);
    expect(engine.search('anchovy fisheries', { from: '2021-12-09' }).hits.map((hit) => hit.release.title)).toEqual(['Fisheries Talks 2021-12-01']);
    expect(engine.search('anchovy fisheries', { to: '2021-12-01' }).hits).toEqual([]);
  });

  it('moves from memory to disk when the corpus outgrows the limit, and drops the in-memory index file', async () => {
    const dataDir = tempDir();
    const engine = await engineAt(dataDir, { builtin: false, memoryIndexLimit: 2 });
    engine.importReleases([kenya]);
    expect(engine.searchIndexKind).toBe('memory');
    engine.close();
    expect(existsSync(path.join(dataDir, INDEX_FILE))).toBe(true);

    const grown = await engineAt(dataDir, { builtin: false, memoryIndexLimit: 2 });
    grown.importReleases([peru, chile]);
    expect(grown.searchIndexKind).toBe('disk');
    expect(existsSync(path.join(dataDir, INDEX_FILE))).toBe(false);
    for (const [question, title] of [['kenyan foreign minister omamo', kenya.title], ['anchovy fisheries', peru.title], ['copper miners', chile.title]]) {
      expect(grown.ask(question!).answer?.release.title, question).toBe(title);
    }
    grown.close();
    const reopened = await engineAt(dataDir, { builtin: false, memoryIndexLimit: 2 });
    expect(reopened.searchIndexKind).toBe('disk');
    expect(reopened.ask('copper miners').answer?.release.title).toBe(chile.title);
  });

  it('repairs itself at start when it lost releases the store holds (a crash, a copied database)', async () => {
    const dataDir = tempDir();
    const first = await engineAt(dataDir, { searchIndex: 'disk', builtin: false });
    first.importReleases([kenya, peru]);
    first.close();
    const db = openDb(dataDir);
    const docid = db.prepare("SELECT docid FROM search_docs WHERE id LIKE '%peruvian%'").pluck().get() as number;
    db.prepare('DELETE FROM search_text WHERE rowid = ?').run(docid);
    db.prepare('DELETE FROM search_docs WHERE docid = ?').run(docid);
    db.close();

    const repaired = await engineAt(dataDir, { searchIndex: 'disk', builtin: false });
    expect(repaired.ask('anchovy fisheries').answer?.release.title).toBe(peru.title);
  });

  it('upgrades a database written before release metadata was stored apart, losing nothing', async () => {
    const dataDir = tempDir();
    const first = await engineAt(dataDir, { builtin: false });
    const [release] = first.importReleases([kenya]).added;
    first.close();
    // Back to schema 4: the releases table as it was, with only the full JSON.
    const db = new Database(path.join(dataDir, 'statebot.db'));
    db.exec('DROP TABLE store_state; DROP TABLE search_terms; DROP TABLE search_title_terms; DROP TABLE search_text; DROP TABLE search_titles; DROP TABLE search_docs; DROP TABLE search_state; ALTER TABLE releases DROP COLUMN meta;');
    db.pragma('user_version = 4');
    db.close();

    const upgraded = await engineAt(dataDir, { builtin: false, searchIndex: 'disk' });
    const stored = upgraded.get(release!.id);
    expect(stored.title).toBe(kenya.title);
    expect(stored.paragraphs).toEqual(kenya.paragraphs);
    expect(upgraded.ask('kenyan foreign minister omamo').answer?.release.id).toBe(release!.id);
  });
});

describe('candidate terms in a large corpus', () => {
  const frequencies: Record<string, number> = { mandela: 900, fellow: 4_600, univers: 11_500, host: 18_000, washington: 20_300, year: 60_000 };
  const frequency = (term: string) => frequencies[term] ?? 0;

  it('are all the terms in a small corpus but those in most of its releases', () => {
    const small: Record<string, number> = { mandela: 9, fellow: 46, univers: 1_150, host: 1_800, year: 3_100, state: 3_900 };
    const inSmall = (term: string) => small[term] ?? 0;
    expect(candidateTerms(['univers', 'host', 'year', 'mandela', 'state'], 4_000, inSmall)).toEqual(['univers', 'host', 'mandela']);
    // Two terms are kept however common.
    expect(candidateTerms(['state', 'year'], 4_000, inSmall)).toEqual(['state', 'year']);
    // Below 1,000 releases, every term.
    expect(candidateTerms(['univers', 'state'], 900, (term) => (term === 'state' ? 800 : 100))).toEqual(['univers', 'state']);
  });

  it('are the rarest, up to a budget of postings, in question order', () => {
    // 100,000 releases: 30,000 postings; "washington" is over the 20% share; "host" would pass the budget.
    expect(candidateTerms(['univers', 'host', 'year', 'mandela', 'washington', 'fellow'], 100_000, frequency)).toEqual(['univers', 'mandela', 'fellow']);
  });

  it('keep two terms even when they are common', () => {
    expect(candidateTerms(['year', 'washington', 'host'], 100_000, frequency)).toEqual(['washington', 'host']);
  });
});

describe('candidates in a large corpus, in either index', () => {
  // 5,000 releases whose text all says "national day"; only one has it in its title.
  const release = (n: number, title: string, body: string): Release => ({
    id: `r${n}`,
    title,
    date: `2021-${String((n % 12) + 1).padStart(2, '0')}-01`,
    office: null,
    kind: 'Press Statement',
    url: null,
    paragraphs: [body],
    sentences: [{ text: body, paragraph: 0 }],
    countries: [],
    mentioned: [],
    source: { format: 'jsonl', key: `r${n}` },
  });
  const corpus = [
    release(0, 'Thailand National Day', 'Warm wishes to the people of the Kingdom on this national day.'),
    ...Array.from({ length: 5000 }, (_, i) =>
      release(i + 1, `Statement number ${i + 1}`, `On this national day of remembrance, a day to reflect${i % 40 === 0 ? ', we send greetings and congratulations' : ''}.`),
    ),
  ];
  const terms = searchTerms('national day greetings and congratulations');

  it('come from titles too, where words common in the text are rare', () => {
    const memory = new MemoryIndex();
    memory.addAll(corpus);
    const disk = new DiskIndex(openDb(tempDir()));
    disk.sync(corpus);
    for (const index of [memory, disk]) {
      const ids = index.search(terms, { limit: 40 }).map((hit) => hit.id);
      expect(ids, index.kind).toContain('r0');
      // The rare word still picks the releases that have it.
      expect(ids.filter((id) => id !== 'r0').every((id) => (Number(id.slice(1)) - 1) % 40 === 0), index.kind).toBe(true);
    }
  });
});

describe('query terms, in either index', () => {
  it('are looked up as processed, so a stem that stemming would change again still matches', () => {
    const body = 'The two sides reviewed bilateral responsibilities and agreed to increase cooperation.';
    const corpus: Release[] = [
      { id: 'b1', title: 'A Readout', date: '2021-06-01', office: null, kind: 'Readout', url: null, paragraphs: [body], sentences: [{ text: body, paragraph: 0 }], countries: [], mentioned: [], source: { format: 'jsonl', key: 'b1' } },
    ];
    const memory = new MemoryIndex();
    memory.addAll(corpus);
    const disk = new DiskIndex(openDb(tempDir()));
    disk.sync(corpus);
    for (const word of ['bilateral', 'responsibilities', 'agreed', 'increase']) {
      const terms = searchTerms(word);
      for (const index of [memory, disk]) expect(index.search(terms).map((hit) => hit.id), `${index.kind}: ${word} as ${terms}`).toEqual(['b1']);
    }
  });
});
