import { afterEach, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { Engine } from '../src/search/engine.js';
import { LIMITS } from '../src/discord/limits.js';
import { raw, startService, tempDir, titlesIn, type Harness } from './delivery-helpers.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function harness(engine: Engine, start: string, dataDir?: string): Harness {
  const temp = dataDir ? null : tempDir();
  const h = startService(engine, dataDir ?? temp!.dir, start);
  cleanups.push(async () => {
    await h.service.stop();
    temp?.remove();
  });
  return h;
}

/** New York's calendar day at an instant. */
function nyDay(ms: number): string {
  return DateTime.fromMillis(ms, { zone: 'America/New_York' }).toISODate()!;
}

describe('daily digests on a controllable clock', () => {
  it('posts at the local time in two time zones, across both autumn DST changes', async () => {
    const engine = Engine.fromReleases([]);
    const h = harness(engine, '2024-10-24T03:00:00Z');
    h.service.subscribeDigest({ guildId: 'g', channelId: 'ny', time: '08:00', timezone: 'America/New_York' });
    h.service.subscribeDigest({ guildId: 'g', channelId: 'london', time: '8:00', timezone: 'europe/london' });

    // One release a day, imported at 05:00 UTC (1:00 or midnight in New York), before either digest of that day.
    const titles: string[] = [];
    for (let day = DateTime.fromISO('2024-10-25T05:00:00Z'); day < DateTime.fromISO('2024-11-06T00:00:00Z'); day = day.plus({ days: 1 })) {
      await h.advanceTo(day.toMillis());
      const title = `Statement for ${nyDay(day.toMillis())}`;
      titles.push(title);
      engine.importReleases([raw(title, nyDay(day.toMillis()))]);
      await h.service.whenIdle();
    }
    await h.advanceTo('2024-11-06T00:00:00Z');

    // London falls back on Oct 27 (08:00 BST = 07:00Z, then 08:00 GMT = 08:00Z); New York on Nov 3 (12:00Z → 13:00Z).
    expect(h.poster.to('london').map((p) => p.at)).toEqual([
      '2024-10-25T07:00:00.000Z',
      '2024-10-26T07:00:00.000Z',
      '2024-10-27T08:00:00.000Z',
      ...['28', '29', '30', '31'].map((d) => `2024-10-${d}T08:00:00.000Z`),
      ...['01', '02', '03', '04', '05'].map((d) => `2024-11-${d}T08:00:00.000Z`),
    ]);
    expect(h.poster.to('ny').map((p) => p.at)).toEqual([
      ...['25', '26', '27', '28', '29', '30', '31'].map((d) => `2024-10-${d}T12:00:00.000Z`),
      '2024-11-01T12:00:00.000Z',
      '2024-11-02T12:00:00.000Z',
      '2024-11-03T13:00:00.000Z',
      '2024-11-04T13:00:00.000Z',
      '2024-11-05T13:00:00.000Z',
    ]);
    // Each digest carries exactly the release of its day: nothing dropped, nothing repeated.
    for (const channel of ['ny', 'london']) {
      const posts = h.poster.to(channel);
      posts.forEach((post, i) => expect(titlesIn(post.content, titles), `${channel} digest ${i + 1}`).toEqual([titles[i]]));
    }
  });

  it('runs a 02:30 digest at 03:00 on the spring-forward day, and a 01:30 digest once on the fall-back day', async () => {
    const engine = Engine.fromReleases([]);
    const spring = harness(engine, '2024-03-08T20:00:00Z');
    spring.service.subscribeDigest({ guildId: 'g', channelId: 'gap', time: '02:30', timezone: 'America/New_York', announceEmpty: true });
    await spring.advanceTo('2024-03-11T12:00:00Z');
    // 02:30 EST = 07:30Z; on Mar 10, 02:30 does not exist: it runs at 03:00 EDT = 07:00Z; then 02:30 EDT = 06:30Z.
    expect(spring.poster.to('gap').map((p) => p.at)).toEqual([
      '2024-03-09T07:30:00.000Z',
      '2024-03-10T07:00:00.000Z',
      '2024-03-11T06:30:00.000Z',
    ]);

    const fall = harness(engine, '2024-11-02T12:00:00Z');
    fall.service.subscribeDigest({ guildId: 'g', channelId: 'twice', time: '01:30', timezone: 'America/New_York', announceEmpty: true });
    await fall.advanceTo('2024-11-04T12:00:00Z');
    // Nov 3 has 01:30 EDT (05:30Z) and 01:30 EST (06:30Z): one digest, at the first.
    expect(fall.poster.to('twice').map((p) => p.at)).toEqual(['2024-11-03T05:30:00.000Z', '2024-11-04T06:30:00.000Z']);
  });

  it('sends nothing on an empty day unless asked, then one short line', async () => {
    const engine = Engine.fromReleases([]);
    const h = harness(engine, '2024-05-01T00:00:00Z');
    const quiet = h.service.subscribeDigest({ guildId: 'g', channelId: 'quiet', time: '09:00', timezone: 'UTC' });
    h.service.subscribeDigest({ guildId: 'g', channelId: 'chatty', time: '09:00', timezone: 'UTC', announceEmpty: true, keywords: 'Kenya' });
    await h.advanceTo('2024-05-02T12:00:00Z');
    expect(h.poster.to('quiet')).toEqual([]);
    expect(h.poster.to('chatty').map((p) => p.content)).toEqual([
      '📰 State Department digest — Wed, May 1, 2024: no new releases matching this subscription.',
      '📰 State Department digest — Thu, May 2, 2024: no new releases matching this subscription.',
    ]);
    // The quiet days are still recorded, so they are not sent later either.
    expect(h.service.deliveries(quiet.id).map((d) => [d.key, d.status])).toEqual([
      ['digest:2024-05-01T09:00:00.000Z', 'empty'],
      ['digest:2024-05-02T09:00:00.000Z', 'empty'],
    ]);
  });

  it('filters a digest by country and keyword', async () => {
    const engine = Engine.fromReleases([]);
    const h = harness(engine, '2024-05-01T00:00:00Z');
    h.service.subscribeDigest({ guildId: 'g', channelId: 'kenya', time: '09:00', timezone: 'UTC', countries: 'Kenya' });
    h.service.subscribeDigest({ guildId: 'g', channelId: 'health', time: '09:00', timezone: 'UTC', keywords: 'public health, vaccines' });
    engine.importReleases([
      raw('Statement on Kenya', '2024-05-01', ['The United States congratulates Kenya on its peaceful election.']),
      raw('France trade talks', '2024-05-01', ['Officials from France discussed Public  Health cooperation and trade.']),
      raw('Vaccine donations', '2024-05-01', ['The United States shipped more VACCINES to partners.']),
      raw('Unrelated note', '2024-05-01', ['A note about healthy oceans and unvaccinated nothing.']),
    ]);
    await h.advanceTo('2024-05-01T10:00:00Z');
    const all = ['Statement on Kenya', 'France trade talks', 'Vaccine donations', 'Unrelated note'];
    expect(h.poster.to('kenya').flatMap((p) => titlesIn(p.content, all))).toEqual(['Statement on Kenya']);
    // Whole words, any case, any spacing: "Public  Health" and "VACCINES" match; "unvaccinated", "healthy" do not.
    expect(h.poster.to('health').flatMap((p) => titlesIn(p.content, all)).sort()).toEqual(['France trade talks', 'Vaccine donations']);
  });

  it('splits a digest that does not fit one message, every release exactly once', async () => {
    const engine = Engine.fromReleases([]);
    const h = harness(engine, '2024-05-01T00:00:00Z');
    const sub = h.service.subscribeDigest({ guildId: 'g', channelId: 'big', time: '09:00', timezone: 'UTC' });
    const titles = Array.from({ length: 40 }, (_, i) => `Bulletin ${String(i + 1).padStart(2, '0')} on regional cooperation`);
    engine.importReleases(
      titles.map((title) =>
        raw(title, '2024-05-01', [
          `${title} describes at considerable length how the United States and its partners will continue to work together on a wide range of shared priorities in the years ahead.`,
        ]),
      ),
    );
    await h.advanceTo('2024-05-01T09:00:00Z');
    const posts = h.poster.to('big');
    expect(posts.length).toBeGreaterThan(1);
    for (const post of posts) expect(post.content.length).toBeLessThanOrEqual(LIMITS.content);
    const seen = posts.flatMap((p) => titlesIn(p.content, titles));
    expect(seen.sort()).toEqual([...titles].sort());
    expect(new Set(posts.map((p) => p.nonce)).size).toBe(posts.length);
    expect(posts[0]!.content).toMatch(/^📰 \*\*State Department digest — Wed, May 1, 2024\*\* · 40 new releases/);
    expect(posts[1]!.content).toMatch(new RegExp(`^-# \\(2/${posts.length}\\)`));
    expect(h.service.deliveries(sub.id)).toMatchObject([{ status: 'sent', partsSent: posts.length, releaseCount: 40 }]);
  });
});

describe('releases corrected after they arrived', () => {
  it('puts the current version in the digest once, even when the correction changed its id', async () => {
    const temp = tempDir();
    cleanups.push(temp.remove);
    const engine = await Engine.open({ dataDir: temp.dir, builtin: false });
    cleanups.push(() => engine.close());
    const first = startService(engine, temp.dir, '2024-05-01T00:00:00Z');
    first.service.subscribeDigest({ guildId: 'g', channelId: 'c', time: '09:00', timezone: 'UTC' });
    const draft = raw('Draft title of the statement', '2024-05-01', ['The Department of State announces new support for partners.']);
    engine.importReleases([draft]);
    await first.advanceTo('2024-05-01T03:00:00Z');
    const report = engine.importReleases([{ ...draft, title: 'Corrected title of the statement' }]);
    expect(report.updated.map((r) => r.id)).toEqual(['2024-05-01-corrected-title-of-the-statement']);
    await first.service.stop();

    // A restart in between must not take the corrected release (new id, same source) for a new one.
    const second = startService(engine, temp.dir, '2024-05-01T04:00:00Z', { clock: first.clock, poster: first.poster });
    cleanups.push(() => second.service.stop());
    await second.advanceTo('2024-05-02T10:00:00Z');
    const titles = ['Draft title of the statement', 'Corrected title of the statement'];
    expect(second.poster.posts.map((p) => [p.at, titlesIn(p.content, titles)])).toEqual([
      ['2024-05-01T09:00:00.000Z', ['Corrected title of the statement']],
    ]);
    expect(second.poster.posts[0]!.content.split('Corrected title of the statement')).toHaveLength(2);
  });
});

describe('downtime', () => {
  it('sends the missed digests once, merged, after a restart in the middle of a day', async () => {
    const temp = tempDir();
    cleanups.push(temp.remove);
    const open = () => Engine.open({ dataDir: temp.dir, builtin: false });

    // Monday: up, one digest at 08:00 New York (12:00Z).
    let engine = await open();
    const first = startService(engine, temp.dir, '2024-06-03T10:00:00Z');
    const sub = first.service.subscribeDigest({ guildId: 'g', channelId: 'c', time: '08:00', timezone: 'America/New_York' });
    engine.importReleases([raw('Monday morning statement', '2024-06-03')]);
    await first.advanceTo('2024-06-03T12:30:00Z');
    engine.importReleases([raw('Monday afternoon statement', '2024-06-03')]);
    await first.advanceTo('2024-06-03T16:00:00Z');
    await first.service.stop();
    // Down: a release is imported by another process (the CLI) into the same data directory.
    engine.importReleases([raw('Tuesday statement', '2024-06-04')]);
    engine.close();

    // Wednesday 11:00 New York: Tuesday's and Wednesday's 08:00 digests were missed.
    engine = await open();
    const second = startService(engine, temp.dir, '2024-06-05T15:00:00Z');
    await second.advanceTo('2024-06-05T15:01:00Z');
    await second.service.stop();
    // Restarting again the same day sends nothing more.
    const third = startService(engine, temp.dir, '2024-06-05T16:00:00Z');
    await third.advanceTo('2024-06-06T13:00:00Z'); // Thursday's digest: nothing new, nothing sent
    engine.importReleases([raw('Thursday statement', '2024-06-06')]);
    await third.advanceTo('2024-06-07T13:00:00Z');
    await third.service.stop();
    engine.close();

    const titles = ['Monday morning statement', 'Monday afternoon statement', 'Tuesday statement', 'Thursday statement'];
    const posts = [...first.poster.posts, ...second.poster.posts, ...third.poster.posts];
    expect(posts.map((p) => [p.at, titlesIn(p.content, titles)])).toEqual([
      ['2024-06-03T12:00:00.000Z', ['Monday morning statement']],
      ['2024-06-05T15:00:00.000Z', ['Monday afternoon statement', 'Tuesday statement']],
      ['2024-06-07T12:00:00.000Z', ['Thursday statement']],
    ]);
    expect(posts[1]!.content).toContain('Tue, Jun 4, 2024 – Wed, Jun 5, 2024 (2 digests merged)');
    const reader = startService(Engine.fromReleases([]), temp.dir, '2024-06-07T13:00:00Z');
    await reader.service.stop();
    const again = startService(Engine.fromReleases([]), temp.dir, '2024-06-07T13:00:00Z');
    cleanups.push(() => again.service.stop());
    expect(again.service.deliveries(sub.id).map((d) => [d.key, d.status, d.releaseCount])).toEqual([
      ['digest:2024-06-03T12:00:00.000Z', 'sent', 1],
      ['digest:2024-06-05T12:00:00.000Z', 'sent', 2],
      ['digest:2024-06-06T12:00:00.000Z', 'empty', 0],
      ['digest:2024-06-07T12:00:00.000Z', 'sent', 1],
    ]);
    expect([...reader.poster.posts, ...again.poster.posts]).toEqual([]);
  });
});
