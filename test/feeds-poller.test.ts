import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RawRelease, Release } from '../src/corpus/release.js';
import { UserError } from '../src/errors.js';
import { loadSource } from '../src/feeds/import-source.js';
import { FeedPoller, type FeedPollOutcome } from '../src/feeds/poller.js';
import { sqliteFeedState } from '../src/feeds/state.js';
import type { ImportReport } from '../src/search/types.js';
import { openDb } from '../src/store/db.js';
import { FeedServer } from './fixtures/feeds/feed-server.js';

const fixtures = path.join(import.meta.dirname, 'fixtures/feeds');
const fixture = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');
const LAST_MODIFIED = 'Fri, 03 Dec 2021 02:40:00 GMT';

/**
 * A store keyed like the engine's (source key), reporting what each delivery added, updated or left unchanged.
 * The engine itself is exercised end to end in feeds-engine.test.ts.
 */
class RecordingStore {
  readonly byKey = new Map<string, RawRelease>();
  readonly deliveries: { feed: string; titles: string[] }[] = [];
  failNext = false;

  readonly sink = (raws: RawRelease[], feed: string): ImportReport => {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('disk full');
    }
    this.deliveries.push({ feed, titles: raws.map((r) => r.title) });
    const report: ImportReport = { added: [], updated: [], unchanged: 0, errors: [] };
    for (const raw of raws) {
      const key = raw.key ?? raw.url ?? `${raw.title}|${raw.date}`;
      const previous = this.byKey.get(key);
      if (previous && JSON.stringify(previous.paragraphs) === JSON.stringify(raw.paragraphs)) {
        report.unchanged++;
        continue;
      }
      (previous ? report.updated : report.added).push({ title: raw.title } as Release);
      this.byKey.set(key, raw);
    }
    return report;
  };

  text(title: string): string | undefined {
    return [...this.byKey.values()].find((r) => r.title === title)?.paragraphs.join('\n');
  }
}

const server = new FeedServer();
const pollers: FeedPoller[] = [];
const tempDirs: string[] = [];

function makePoller(store: RecordingStore, feeds: Record<string, string>, extra: Partial<ConstructorParameters<typeof FeedPoller>[0]> = {}) {
  const logs: string[] = [];
  const poller = new FeedPoller({
    feeds: Object.entries(feeds).map(([name, route]) => ({ name, url: server.url(route) })),
    intervalMinutes: 0.05,
    sink: store.sink,
    log: (line) => logs.push(line),
    timeoutMs: 400,
    ...extra,
  });
  pollers.push(poller);
  return { poller, logs };
}

function outcomeOf(outcomes: FeedPollOutcome[], feed: string): FeedPollOutcome {
  const outcome = outcomes.find((o) => o.feed === feed);
  if (!outcome) throw new Error(`no outcome for ${feed}`);
  return outcome;
}

beforeAll(async () => {
  await server.start();
});

afterEach(async () => {
  await Promise.all(pollers.splice(0).map((p) => p.stop()));
  server.routes.clear();
  server.requests.length = 0;
});

afterAll(async () => {
  await server.close();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('FeedPoller against a feed server on 127.0.0.1', () => {
  it('delivers the items, then honours If-None-Match with a 304 and delivers nothing more', async () => {
    server.routes.set('/etag/feed/', { kind: 'document', body: fixture('feed-v1.rss'), etag: '"v1"' });
    const store = new RecordingStore();
    const { poller, logs } = makePoller(store, { press: '/etag/feed/' });

    expect(await poller.pollOnce()).toEqual([{ feed: 'press', status: 'ok', added: 2, updated: 0, unchanged: 0, errors: [] }]);
    expect(store.deliveries).toHaveLength(1);
    expect(logs).toEqual(['feed press: 2 new, 0 updated']);

    expect(await poller.pollOnce()).toEqual([{ feed: 'press', status: 'not-modified' }]);
    const [first, second] = server.requestsTo('/etag/feed/');
    expect(first).toMatchObject({ ifNoneMatch: undefined, responseStatus: 200 });
    expect(first!.userAgent).toMatch(/^statebot\//);
    expect(second).toMatchObject({ ifNoneMatch: '"v1"', responseStatus: 304 });
    expect(store.deliveries).toHaveLength(1);
  });

  it('honours If-Modified-Since when the server only sends Last-Modified', async () => {
    server.routes.set('/lm/feed/', { kind: 'document', body: fixture('feed-v1.rss'), lastModified: LAST_MODIFIED });
    const store = new RecordingStore();
    const { poller } = makePoller(store, { press: '/lm/feed/' });
    await poller.pollOnce();
    expect(await poller.pollOnce()).toEqual([{ feed: 'press', status: 'not-modified' }]);
    expect(server.requestsTo('/lm/feed/')[1]).toMatchObject({ ifModifiedSince: LAST_MODIFIED, responseStatus: 304 });
  });

  it('hands a changed item (same guid, new text) to the sink as an update, next to the new one', async () => {
    server.routes.set('/feed/', { kind: 'document', body: fixture('feed-v1.rss'), etag: '"v1"' });
    const store = new RecordingStore();
    const { poller, logs } = makePoller(store, { press: '/feed/' });
    await poller.pollOnce();
    const call = 'Secretary Blinken’s Call with Chilean Foreign Minister on the Valparaiso Lighthouse Restoration';
    expect(store.text(call)).toContain('by 2023');

    server.routes.set('/feed/', { kind: 'document', body: fixture('feed-v2.rss'), etag: '"v2"' });
    expect(await poller.pollOnce()).toEqual([{ feed: 'press', status: 'ok', added: 1, updated: 1, unchanged: 1, errors: [] }]);
    expect(store.byKey.size).toBe(3);
    expect(store.text(call)).toContain('by 2024 after a seismic survey');
    expect(server.requestsTo('/feed/')[1]).toMatchObject({ ifNoneMatch: '"v1"', responseStatus: 200 });
    expect(logs).toContain('feed press: 1 new, 1 updated');
  });

  it('survives a timeout, a 403, an HTML error page, malformed XML, a 20 MB response and an undated item', async () => {
    server.routes.set('/hang/', { kind: 'hang' });
    server.routes.set('/forbidden/', { kind: 'status', status: 403 });
    server.routes.set('/difficulties/', { kind: 'document', body: fixture('technical-difficulties.html'), contentType: 'text/html; charset=UTF-8' });
    server.routes.set('/malformed/', { kind: 'document', body: fixture('malformed.rss') });
    server.routes.set('/huge/', { kind: 'stream', bytes: 20 * 1024 * 1024 });
    server.routes.set('/huge-declared/', { kind: 'stream', bytes: 20 * 1024 * 1024, declareLength: true });
    server.routes.set('/undated/', { kind: 'document', body: fixture('feed-missing-date.rss'), etag: '"u1"' });
    server.routes.set('/good/', { kind: 'document', body: fixture('feed-v1.rss'), etag: '"g1"' });
    const store = new RecordingStore();
    const { poller, logs } = makePoller(store, {
      hang: '/hang/',
      forbidden: '/forbidden/',
      difficulties: '/difficulties/',
      malformed: '/malformed/',
      huge: '/huge/',
      'huge-declared': '/huge-declared/',
      undated: '/undated/',
      good: '/good/',
    });

    const outcomes = await poller.pollOnce();
    expect(outcomeOf(outcomes, 'good')).toMatchObject({ status: 'ok', added: 2 });
    expect(outcomeOf(outcomes, 'undated')).toMatchObject({
      status: 'ok',
      added: 1,
      errors: ['undated: item 1 "Undated Notice on Consular Hours": no pubDate'],
    });
    const failures = ['hang', 'forbidden', 'difficulties', 'malformed', 'huge', 'huge-declared'];
    for (const feed of failures) expect(outcomeOf(outcomes, feed)).toMatchObject({ status: 'failed', retryInMinutes: 0.1 });
    expect(logs).toEqual(
      expect.arrayContaining([
        'feed hang: timed out after 0.4 s; retrying in 6 s',
        'feed forbidden: HTTP 403 Forbidden; retrying in 6 s',
        'feed difficulties: got an HTML page ("Technical Difficulties") instead of a feed; retrying in 6 s',
        expect.stringMatching(/^feed malformed: malformed XML \(line 8: .*\); retrying in 6 s$/),
        'feed huge: response larger than 5 MB; retrying in 6 s',
        'feed huge-declared: response larger than 5 MB; retrying in 6 s',
        'feed undated: item 1 "Undated Notice on Consular Hours": no pubDate',
      ]),
    );
    // The endless body was abandoned, not read to the end.
    await vi.waitFor(() => expect(server.abandonedStreams).toBeGreaterThanOrEqual(1));
    // Only the good items reached the store; nothing was removed or altered by the failures.
    expect([...store.byKey.values()].map((r) => r.title).sort()).toEqual([
      'Delegation to the Fictional Regional Fisheries Conference in Suva',
      'Humanitarian Assistance for Flood Victims in the Zambezi Valley',
      'Secretary Blinken’s Call with Chilean Foreign Minister on the Valparaiso Lighthouse Restoration',
    ]);
    const storedBefore = JSON.stringify([...store.byKey.entries()]);

    // A second round: the failing feeds back off further and what was stored stays exactly as it was.
    const again = await poller.pollOnce();
    expect(outcomeOf(again, 'hang')).toMatchObject({ status: 'failed', retryInMinutes: 0.2 });
    expect(outcomeOf(again, 'malformed')).toMatchObject({ status: 'failed', retryInMinutes: 0.2 });
    expect(outcomeOf(again, 'good')).toEqual({ feed: 'good', status: 'not-modified' });
    expect(JSON.stringify([...store.byKey.entries()])).toBe(storedBefore);

    // A feed that recovers delivers its items in the next poll.
    server.routes.set('/forbidden/', { kind: 'document', body: fixture('feed-v2.rss'), etag: '"f1"' });
    const third = await poller.pollOnce();
    expect(outcomeOf(third, 'forbidden')).toMatchObject({ status: 'ok', added: 1, updated: 1, unchanged: 1 });
    expect(outcomeOf(third, 'huge')).toMatchObject({ status: 'failed', retryInMinutes: 0.4 });
    expect(store.text('Sanctions on Illegal Gold Smuggling Network in the Sahel')).toMatch(/gold smuggling network/);
    expect(store.byKey.size).toBe(4);
  });

  it('does not remember the validators of a poll whose import failed, so the items come again in full', async () => {
    server.routes.set('/feed/', { kind: 'document', body: fixture('feed-v1.rss'), etag: '"v1"' });
    const store = new RecordingStore();
    store.failNext = true;
    const { poller, logs } = makePoller(store, { press: '/feed/' });
    expect(await poller.pollOnce()).toEqual([expect.objectContaining({ status: 'failed', error: expect.stringMatching(/disk full/) })]);
    expect(logs[0]).toBe('feed press: unexpected error: disk full; retrying in 6 s');
    expect(await poller.pollOnce()).toEqual([expect.objectContaining({ status: 'ok', added: 2 })]);
    expect(server.requestsTo('/feed/').map((r) => r.ifNoneMatch)).toEqual([undefined, undefined]);
  });

  it('keeps ETag and Last-Modified in SQLite across restarts', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'statebot-feeds-'));
    tempDirs.push(dataDir);
    server.routes.set('/feed/', { kind: 'document', body: fixture('feed-v1.rss'), etag: '"v1"', lastModified: LAST_MODIFIED });
    const store = new RecordingStore();

    const firstDb = openDb(dataDir);
    const first = makePoller(store, { press: '/feed/' }, { state: sqliteFeedState(firstDb) }).poller;
    await first.pollOnce();
    await first.stop();
    firstDb.close();

    const secondDb = openDb(dataDir);
    const second = makePoller(store, { press: '/feed/' }, { state: sqliteFeedState(secondDb) }).poller;
    expect(await second.pollOnce()).toEqual([{ feed: 'press', status: 'not-modified' }]);
    expect(server.requestsTo('/feed/')[1]).toMatchObject({ ifNoneMatch: '"v1"', ifModifiedSince: LAST_MODIFIED, responseStatus: 304 });
    secondDb.close();
  });

  it('polls on its own once started, picks up new items while running, and stops cleanly', async () => {
    server.routes.set('/feed/', { kind: 'document', body: fixture('feed-v1.rss'), etag: '"v1"' });
    const store = new RecordingStore();
    const { poller } = makePoller(store, { press: '/feed/' }, { intervalMinutes: 0.002 });
    poller.start();
    await vi.waitFor(() => expect(store.byKey.size).toBe(2), { timeout: 5000 });
    server.routes.set('/feed/', { kind: 'document', body: fixture('feed-v2.rss'), etag: '"v2"' });
    await vi.waitFor(() => expect(store.text('Sanctions on Illegal Gold Smuggling Network in the Sahel')).toBeDefined(), {
      timeout: 5000,
    });
    await poller.stop();
    const requests = server.requestsTo('/feed/').length;
    expect(server.requestsTo('/feed/').slice(1).every((r) => r.ifNoneMatch !== undefined)).toBe(true);
    expect(requests).toBeGreaterThanOrEqual(2);
  });

  it('cancels a hanging request when stopped, without counting it as a failure', async () => {
    server.routes.set('/hang/', { kind: 'hang' });
    const store = new RecordingStore();
    const { poller, logs } = makePoller(store, { press: '/hang/' }, { timeoutMs: 60_000 });
    poller.start();
    await vi.waitFor(() => expect(server.requestsTo('/hang/')).toHaveLength(1));
    await poller.stop();
    expect(logs).toEqual([]);
    expect(store.deliveries).toEqual([]);
  });
});

describe('loadSource (cli import of a feed or a release page)', () => {
  it('reads a feed URL', async () => {
    server.routes.set('/rss-feed/press-releases/feed/', { kind: 'document', body: fixture('feed-missing-date.rss') });
    const { releases, errors } = await loadSource(server.url('/rss-feed/press-releases/feed/'));
    expect(releases.map((r) => r.title)).toEqual(['Humanitarian Assistance for Flood Victims in the Zambezi Valley']);
    expect(errors).toEqual(['press-releases: item 1 "Undated Notice on Consular Hours": no pubDate']);
  });

  it('reads a release page URL, keyed by its URL', async () => {
    server.routes.set('/coral-reef/', { kind: 'document', body: fixture('release-page.html'), contentType: 'text/html; charset=UTF-8' });
    const { releases } = await loadSource(server.url('/coral-reef/'));
    expect(releases).toHaveLength(1);
    expect(releases[0]).toMatchObject({
      title: 'Launch of the Coral Reef Monitoring Partnership with Palau',
      date: '2021-12-03',
      kind: 'Media Note',
      format: 'html',
      url: server.url('/coral-reef/'),
      key: server.url('/coral-reef/'),
    });
  });

  it('reads saved feed and page files', async () => {
    expect((await loadSource(path.join(fixtures, 'feed-v2.rss'))).releases).toHaveLength(3);
    const page = await loadSource(path.join(fixtures, 'release-page.html'));
    expect(page.releases[0]?.url).toBe('https://www.state.gov/fixture-coral-reef-monitoring-partnership-palau/');
  });

  it('throws UserError naming the source for anything unusable', async () => {
    server.routes.set('/forbidden/', { kind: 'status', status: 403 });
    server.routes.set('/difficulties/', { kind: 'document', body: fixture('technical-difficulties.html'), contentType: 'text/html' });
    const cases: [string, RegExp][] = [
      [server.url('/forbidden/'), /\/forbidden\/: HTTP 403 Forbidden$/],
      [server.url('/difficulties/'), /\/difficulties\/: no publication date on the page "Technical Difficulties"$/],
      [path.join(fixtures, 'malformed.rss'), /^malformed\.rss: malformed XML \(line 8/],
      [path.join(fixtures, 'technical-difficulties.html'), /^technical-difficulties\.html: no publication date/],
      [path.join(fixtures, 'missing.rss'), /^missing\.rss: file not found$/],
      [path.join(fixtures, 'notes.pdf'), /notes\.pdf: not a feed or page/],
    ];
    for (const [source, message] of cases) {
      const error = await loadSource(source).catch((e: unknown) => e);
      expect(error, source).toBeInstanceOf(UserError);
      expect((error as UserError).message, source).toMatch(message);
    }
  });
});
