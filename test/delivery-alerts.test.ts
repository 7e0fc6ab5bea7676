import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../src/search/engine.js';
import { ManualClock } from '../src/delivery/clock.js';
import { subscriptionListView } from '../src/delivery/views.js';
import { RecordingPoster, raw, startService, tempDir, titlesIn, type Harness } from './delivery-helpers.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function harness(engine: Engine, start: string, dataDir?: string, poster?: RecordingPoster, clock?: ManualClock): Harness {
  const temp = dataDir ? null : tempDir();
  const h = startService(engine, dataDir ?? temp!.dir, start, { poster, clock });
  cleanups.push(async () => {
    await h.service.stop();
    temp?.remove();
  });
  return h;
}

const KENYA = ['The United States congratulates Kenya on its peaceful election.'];
const FRANCE = ['The Secretary met his counterpart from France to discuss trade.'];

describe('alerts for new releases', () => {
  it('alerts each matching release imported after subscribing, once, in order, never the back catalogue', async () => {
    const temp = tempDir();
    cleanups.push(temp.remove);
    const engine = Engine.fromReleases([]);
    engine.importReleases([raw('Old Kenya statement', '2024-04-01', KENYA), raw('Old France statement', '2024-04-01', FRANCE)]);
    const h = startService(engine, temp.dir, '2024-04-02T12:00:00Z');
    const kenya = h.service.subscribeAlerts({ guildId: 'g', channelId: 'kenya', countries: 'Kenya' });
    h.service.subscribeAlerts({ guildId: 'g', channelId: 'elections', keywords: 'election' });
    h.service.subscribeAlerts({ guildId: 'g', channelId: 'everything' });
    await h.service.whenIdle();
    expect(h.poster.attempts).toEqual([]);

    engine.importReleases([
      raw('Kenya trade statement', '2024-04-03', ['Kenya and the United States signed a trade framework.']),
      raw('France statement', '2024-04-02', FRANCE),
      raw('Kenya election statement', '2024-04-03', KENYA),
      raw('Election observers', '2024-04-03', ['Observers praised the ELECTION process in several countries.']),
      raw('Archive statement', '2023-01-10', ['An old release imported from an archive mentions Kenya.']),
    ]);
    await h.service.whenIdle();

    const titles = ['Kenya trade statement', 'France statement', 'Kenya election statement', 'Election observers', 'Archive statement', 'Old Kenya statement', 'Old France statement'];
    const seen = (channel: string) => h.poster.to(channel).map((p) => titlesIn(p.content, titles)[0]);
    // The engine announces a batch oldest first; alerts keep that order. The archive release (dated over a week
    // before it arrived) is back catalogue, like the releases that existed before subscribing.
    expect(seen('everything')).toEqual(['France statement', 'Kenya trade statement', 'Kenya election statement', 'Election observers']);
    expect(seen('kenya')).toEqual(['Kenya trade statement', 'Kenya election statement']);
    expect(seen('elections')).toEqual(['Kenya election statement', 'Election observers']);
    const alert = h.poster.to('kenya')[1]!.content;
    expect(alert).toContain('🔔 **New release** · Press Statement · Wed, Apr 3, 2024');
    expect(alert).toContain('> The United States congratulates Kenya on its peaceful election.');

    // Re-importing the same releases, or an updated version of one, alerts nobody again.
    const before = h.poster.posts.length;
    engine.importReleases([raw('Kenya election statement', '2024-04-03', [...KENYA, 'A correction was added.'])]);
    await h.advanceBy(3_600_000);
    expect(h.poster.posts.length).toBe(before);
    await h.service.stop();

    // A restart (same data directory, the releases loaded again) sends nothing twice.
    const again = startService(engine, temp.dir, '2024-04-03T14:00:00Z');
    cleanups.push(() => again.service.stop());
    await again.advanceBy(3_600_000);
    expect(again.poster.attempts).toEqual([]);
    expect(again.service.deliveries(kenya.id).map((d) => [d.key.replace(/-\d+$/, ''), d.status])).toEqual([
      [`release:2024-04-03-kenya-trade-statement`, 'sent'],
      [`release:2024-04-03-kenya-election-statement`, 'sent'],
    ]);
  });

  it('delivers alerts for releases imported while the bot was down, after it restarts', async () => {
    const temp = tempDir();
    cleanups.push(temp.remove);
    let engine = await Engine.open({ dataDir: temp.dir, builtin: false });
    const first = startService(engine, temp.dir, '2024-04-02T12:00:00Z');
    first.service.subscribeAlerts({ guildId: 'g', channelId: 'c' });
    await first.service.stop();
    engine.importReleases([raw('Imported while down', '2024-04-02')]);
    engine.close();

    engine = await Engine.open({ dataDir: temp.dir, builtin: false });
    cleanups.push(() => engine.close());
    const second = harness(engine, '2024-04-02T18:00:00Z', temp.dir);
    await second.service.whenIdle();
    expect(second.poster.posts.map((p) => titlesIn(p.content, ['Imported while down']))).toEqual([['Imported while down']]);
  });
});

describe('failures', () => {
  it('pauses a subscription after repeated failures to post, says why, and resumes without loss', async () => {
    const engine = Engine.fromReleases([]);
    const h = harness(engine, '2024-04-02T12:00:00Z');
    const broken = h.service.subscribeAlerts({ guildId: 'g', channelId: 'deleted' });
    h.service.subscribeAlerts({ guildId: 'g', channelId: 'fine' });
    h.poster.failing.set('deleted', { ok: false, error: 'missing', detail: '404 10003: Unknown Channel' });

    engine.importReleases([raw('First alert', '2024-04-02')]);
    await h.service.whenIdle();
    expect(h.poster.attempts.filter((a) => a.channelId === 'deleted')).toHaveLength(1);
    expect(h.poster.to('fine')).toHaveLength(1);
    expect(h.service.get('g', broken.id)).toMatchObject({ status: 'active', failureCount: 1 });

    await h.advanceBy(60_000); // retry after a minute
    await h.advanceBy(600_000); // and after ten more
    expect(h.poster.attempts.filter((a) => a.channelId === 'deleted')).toHaveLength(3);
    const paused = h.service.get('g', broken.id);
    expect(paused.status).toBe('paused');
    expect(paused.pausedReason).toBe('3 posts in a row failed: the channel no longer exists or the bot cannot see it');

    // Paused: nothing more is tried, new releases still reach the healthy subscription.
    engine.importReleases([raw('Second alert', '2024-04-02')]);
    await h.advanceBy(86_400_000);
    expect(h.poster.attempts.filter((a) => a.channelId === 'deleted')).toHaveLength(3);
    expect(h.poster.to('fine')).toHaveLength(2);

    // /subscriptions shows the pause and its reason.
    const view = subscriptionListView(h.service.list('g').map((subscription) => ({ subscription, facts: { nextRun: null, lastDeliveredAt: null } })));
    const listing = view.embeds![0]!;
    expect(listing.title).toBe('Subscriptions in this server (2, 1 paused)');
    expect(listing.description).toContain(`\`#${broken.id}\` 🔔 alerts for new releases → <#deleted>`);
    expect(listing.description).toContain('⏸️ **Paused**');
    expect(listing.description).toContain('the channel no longer exists or the bot cannot see it');
    expect(listing.description).toContain(`/subscribe resume id:${broken.id}`);

    // Fixed and resumed: what it missed arrives once, in order.
    h.poster.failing.delete('deleted');
    h.service.resume('g', broken.id);
    await h.service.whenIdle();
    expect(h.poster.to('deleted').map((p) => titlesIn(p.content, ['First alert', 'Second alert']))).toEqual([['First alert'], ['Second alert']]);
    expect(h.service.get('g', broken.id)).toMatchObject({ status: 'active', failureCount: 0 });
  });

  it('waits out rate limits and transient errors without counting them as failures', async () => {
    const engine = Engine.fromReleases([]);
    const h = harness(engine, '2024-04-02T12:00:00Z');
    const sub = h.service.subscribeAlerts({ guildId: 'g', channelId: 'busy' });
    h.poster.rateLimits = 4;
    h.poster.throws = 1;
    engine.importReleases([raw('Patient alert', '2024-04-02')]);
    await h.service.whenIdle();
    expect(h.poster.posts).toHaveLength(0);
    await h.advanceBy(30_000); // after the transient error
    await h.advanceBy(4 * 5_000); // four retry-after waits
    expect(h.poster.attempts).toHaveLength(6);
    expect(h.poster.posts).toHaveLength(1);
    // Every attempt carried the same nonce: Discord could deduplicate any that did land.
    expect(new Set(h.poster.attempts.map((a) => a.nonce)).size).toBe(1);
    expect(h.service.get('g', sub.id)).toMatchObject({ status: 'active', failureCount: 0 });
  });
});

describe('a crash between posting and recording', () => {
  async function crashMidPost(restartAfterMs: number) {
    const temp = tempDir();
    cleanups.push(temp.remove);
    const engine = Engine.fromReleases([]);
    const clock = new ManualClock('2024-04-02T12:00:00Z');
    // This poster hands the message to "Discord" and then never returns: the process dies before recording.
    const landed: string[] = [];
    const crashing = startService(engine, temp.dir, '', {
      clock,
      poster: Object.assign(new RecordingPoster(clock), {
        post: (_channel: string, message: { nonce: string }) => {
          landed.push(message.nonce);
          return new Promise<never>(() => {});
        },
      }),
    });
    crashing.service.subscribeAlerts({ guildId: 'g', channelId: 'c' });
    engine.importReleases([raw('Crash alert', '2024-04-02')]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(landed).toHaveLength(1);

    // The restarted process, on the same data directory.
    const restarted = harness(Engine.fromReleases(engine.all()), new Date(clock.now() + restartAfterMs).toISOString(), temp.dir);
    await restarted.service.whenIdle();
    await restarted.advanceBy(3_600_000);
    return { landed, restarted };
  }

  it('re-posts with the same nonce within Discord’s deduplication window', async () => {
    const { landed, restarted } = await crashMidPost(30_000);
    expect(restarted.poster.posts.map((p) => p.nonce)).toEqual([landed[0]]);
  });

  it('does not re-post after the window (at most once)', async () => {
    const { restarted } = await crashMidPost(10 * 60_000);
    expect(restarted.poster.attempts).toEqual([]);
    const [sub] = restarted.service.list('g');
    expect(restarted.service.deliveries(sub!.id)).toMatchObject([{ status: 'sent', partsSent: 1 }]);
  });
});
