import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startLiveFeeds } from '../src/feeds/live.js';
import { FeedPoller } from '../src/feeds/poller.js';
import { sqliteFeedState } from '../src/feeds/state.js';
import { Engine } from '../src/search/engine.js';
import { openDb, type Db } from '../src/store/db.js';
import { FeedServer } from './fixtures/feeds/feed-server.js';

/** Live ingestion end to end: feed server on 127.0.0.1 → FeedPoller → Engine.importReleases → /ask and alerts. */

const fixtures = path.join(import.meta.dirname, 'fixtures/feeds');
const fixture = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');
const sharedFeeds = path.join(import.meta.dirname, '../../shared/feeds');

const LIGHTHOUSE = 'Secretary Blinken’s Call with Chilean Foreign Minister on the Valparaiso Lighthouse Restoration';
const SAHEL = 'Sanctions on Illegal Gold Smuggling Network in the Sahel';

const server = new FeedServer();
const cleanups: (() => Promise<void> | void)[] = [];

function tempDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'statebot-feeds-engine-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function running(engine: Engine, db: Db, route: string, intervalMinutes = 0.002) {
  const logs: string[] = [];
  const poller = new FeedPoller({
    feeds: [{ name: 'press-releases', url: server.url(route) }],
    intervalMinutes,
    sink: (raws) => engine.importReleases(raws),
    log: (line) => logs.push(line),
    timeoutMs: 2000,
    state: sqliteFeedState(db),
  });
  cleanups.unshift(() => poller.stop());
  return { poller, logs };
}

beforeAll(async () => {
  await server.start();
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  server.routes.clear();
  server.requests.length = 0;
});

afterAll(async () => {
  await server.close();
});

describe('feeds into the engine', () => {
  it('new items appear in /ask while the bot runs, changed items are updated, alerts fire for new ones only', async () => {
    const dataDir = tempDataDir();
    const engine = await Engine.open({ dataDir, builtin: false });
    const db = openDb(dataDir);
    cleanups.push(() => void db.close());
    const alerted: string[] = [];
    engine.onNewRelease((release) => alerted.push(release.title));
    expect(engine.ask('What will happen to the Valparaiso lighthouse?').answer).toBeNull();

    server.routes.set('/feed/', { kind: 'document', body: fixture('feed-v1.rss'), etag: '"v1"' });
    const { poller, logs } = await running(engine, db, '/feed/');
    poller.start();

    await vi.waitFor(() => expect(engine.all()).toHaveLength(2), { timeout: 5000 });
    const first = engine.ask('What will happen to the Valparaiso lighthouse?');
    expect(first.answer?.release.title).toBe(LIGHTHOUSE);
    expect(first.answer?.text).toContain('complete together by 2023');
    expect(first.answer?.release).toMatchObject({ date: '2021-12-02', office: 'Office of the Spokesperson', kind: 'Readout' });
    expect(alerted.sort()).toEqual(['Delegation to the Fictional Regional Fisheries Conference in Suva', LIGHTHOUSE]);

    // The feed changes while the bot runs: one new release, one corrected (same guid, new text).
    server.routes.set('/feed/', { kind: 'document', body: fixture('feed-v2.rss'), etag: '"v2"' });
    await vi.waitFor(() => expect(engine.all()).toHaveLength(3), { timeout: 5000 });
    expect(engine.ask('gold smuggling in the Sahel').answer?.release.title).toBe(SAHEL);
    expect(engine.ask('When will the Valparaiso lighthouse be complete?').answer?.text).toContain('by 2024 after a seismic survey');
    expect(engine.all().filter((r) => r.title === LIGHTHOUSE)).toHaveLength(1);
    expect(alerted).toHaveLength(3);
    expect(alerted[2]).toBe(SAHEL);
    expect(logs).toContain('feed press-releases: 1 new, 1 updated');
    // While the feed stays the same, the poller gets 304s and changes nothing.
    await vi.waitFor(() => expect(server.requestsTo('/feed/').at(-1)).toMatchObject({ ifNoneMatch: '"v2"', responseStatus: 304 }), {
      timeout: 5000,
    });
    expect(engine.all()).toHaveLength(3);

    await poller.stop();
    engine.close();

    // Stored durably: a restarted engine has the corrected text without polling again.
    const reopened = await Engine.open({ dataDir, builtin: false });
    cleanups.push(() => reopened.close());
    expect(reopened.all().map((r) => r.title).sort()).toEqual([
      'Delegation to the Fictional Regional Fisheries Conference in Suva',
      SAHEL,
      LIGHTHOUSE,
    ]);
    expect(reopened.all().find((r) => r.title === LIGHTHOUSE)?.paragraphs.join(' ')).toContain('by 2024');
  });

  it('a failing feed leaves the stored releases untouched', async () => {
    const dataDir = tempDataDir();
    const engine = await Engine.open({ dataDir, builtin: false });
    cleanups.push(() => engine.close());
    const db = openDb(dataDir);
    cleanups.push(() => void db.close());
    server.routes.set('/feed/', { kind: 'document', body: fixture('feed-v1.rss'), etag: '"v1"' });
    const { poller, logs } = await running(engine, db, '/feed/', 1);
    await poller.pollOnce();
    const before = JSON.stringify(engine.all());

    for (const route of [
      { kind: 'status', status: 403 },
      { kind: 'document', body: fixture('technical-difficulties.html'), contentType: 'text/html' },
      { kind: 'document', body: fixture('malformed.rss'), etag: '"bad"' },
      { kind: 'stream', bytes: 20 * 1024 * 1024 },
    ] as const) {
      server.routes.set('/feed/', route);
      expect((await poller.pollOnce())[0]?.status).toBe('failed');
    }
    expect(JSON.stringify(engine.all())).toBe(before);
    expect(logs.filter((line) => line.startsWith('feed press-releases: ') && line.includes('retrying'))).toHaveLength(4);
    expect(engine.ask('What will happen to the Valparaiso lighthouse?').answer?.release.title).toBe(LIGHTHOUSE);
  });
});

describe('startLiveFeeds (what main.ts starts)', () => {
  it('follows the feeds configured in FEEDS / FEED_POLL_MINUTES into the engine, or nothing when FEEDS is none', async () => {
    const dataDir = tempDataDir();
    const engine = await Engine.open({ dataDir, builtin: false });
    cleanups.push(() => engine.close());
    expect(startLiveFeeds(engine, { dataDir, env: { FEEDS: 'none' } })).toBeNull();
    expect(() => startLiveFeeds(engine, { dataDir, env: { FEED_POLL_MINUTES: '0' } })).toThrow(/FEED_POLL_MINUTES/);

    server.routes.set('/feed/', { kind: 'document', body: fixture('feed-missing-date.rss'), etag: '"m1"' });
    const logs: string[] = [];
    const live = startLiveFeeds(engine, {
      dataDir,
      env: { FEEDS: `local=${server.url('/feed/')}`, FEED_POLL_MINUTES: '0.002' },
      log: (line) => logs.push(line),
    });
    expect(live).not.toBeNull();
    cleanups.unshift(() => live!.stop());
    await vi.waitFor(() => expect(engine.all().map((r) => r.title)).toEqual(['Humanitarian Assistance for Flood Victims in the Zambezi Valley']), {
      timeout: 5000,
    });
    await vi.waitFor(() => expect(server.requestsTo('/feed/').at(-1)).toMatchObject({ ifNoneMatch: '"m1"', responseStatus: 304 }), {
      timeout: 5000,
    });
    expect(logs).toContain('feed local: item 1 "Undated Notice on Consular Hours": no pubDate');
  });
});

describe.skipIf(!existsSync(sharedFeeds))('the real state.gov snapshots served one after another', () => {
  if (!existsSync(sharedFeeds)) console.warn(`skipping real-snapshot ingestion: ${sharedFeeds} is absent`);

  it('every item becomes searchable as its snapshot is served', async () => {
    const engine = Engine.fromReleases([]);
    const poller = new FeedPoller({
      feeds: [{ name: 'press-releases', url: server.url('/rss-feed/press-releases/feed/') }],
      intervalMinutes: 1,
      sink: (raws) => engine.importReleases(raws),
      log: () => {},
    });
    cleanups.push(() => poller.stop());
    const snapshots = readdirSync(sharedFeeds).filter((f) => f.endsWith('.rss')).sort();
    for (const [i, file] of snapshots.entries()) {
      server.routes.set('/rss-feed/press-releases/feed/', {
        kind: 'document',
        body: readFileSync(path.join(sharedFeeds, file), 'utf8'),
        etag: `"${i}"`,
      });
      expect((await poller.pollOnce())[0]).toMatchObject({ status: 'ok', added: 10, updated: 0 });
    }
    expect(engine.all()).toHaveLength(30);
    expect(engine.ask('What did the Secretary say on Pakistan Independence Day?').answer?.release.title).toBe('Pakistan Independence Day');
    expect(engine.search('Kazakhstan foreign minister call').hits[0]?.release.title).toBe(
      'Secretary Blinken’s Call with Kazakhstani Foreign Minister Tileuberdi',
    );
  });
});
