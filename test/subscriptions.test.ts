import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.js';
import { Engine } from '../src/search/engine.js';
import { preprocess } from '../src/corpus/preprocess.js';
import { matchesFilter, parseKeywords } from '../src/delivery/filters.js';
import { DailySchedule, parseDigestTime, parseTimezone, timezoneSuggestions } from '../src/delivery/schedule.js';
import { MAX_SUBSCRIPTIONS_PER_GUILD } from '../src/delivery/subscriptions.js';
import { raw, startService, tempDir, type Harness } from './delivery-helpers.js';

function userError(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('digest time and time zone input', () => {
  it('accepts 24-hour times and normalizes them to HH:MM', () => {
    expect(parseDigestTime('8:05')).toBe('08:05');
    expect(parseDigestTime(' 17:30 ')).toBe('17:30');
    expect(parseDigestTime('00:00')).toBe('00:00');
    expect(parseDigestTime('23.59')).toBe('23:59');
  });

  it('refuses anything else with a clear UserError', () => {
    for (const bad of ['24:00', '12:60', '8am', '', '7', '12:5', '-1:00', '12:00:00']) {
      const error = userError(() => parseDigestTime(bad));
      expect(error.code).toBe('BAD_ARGUMENT');
      expect(error.message).toContain('is not a time of day. Use 24-hour HH:MM');
    }
  });

  it('accepts IANA zones in any case and links, returning canonical names', () => {
    expect(parseTimezone('europe/paris')).toBe('Europe/Paris');
    expect(parseTimezone('America/New_York')).toBe('America/New_York');
    expect(parseTimezone('UTC')).toBe('UTC');
    expect(parseTimezone('US/Eastern')).toBe('America/New_York');
  });

  it('refuses unknown zones and offers close names', () => {
    const error = userError(() => parseTimezone('Paris'));
    expect(error.message).toBe('"Paris" is not an IANA time zone. Use a name such as America/New_York or Europe/Paris.');
    expect(error.suggestions).toContain('Europe/Paris');
    expect(userError(() => parseTimezone('EST5EDT; DROP')).code).toBe('BAD_ARGUMENT');
  });

  it('suggests zones matching every typed word, cities starting with the input first', () => {
    expect(timezoneSuggestions('paris')).toEqual(['Europe/Paris']);
    // Anadyr's city starts with "ana", so it comes before Havana, which only contains it.
    const ana = timezoneSuggestions('ana');
    expect(ana[0]).toBe('Asia/Anadyr');
    expect(ana).toContain('America/Havana');
    expect(timezoneSuggestions('new york')).toEqual(['America/New_York']);
    expect(timezoneSuggestions('zzzz')).toEqual([]);
    const first = timezoneSuggestions('');
    expect(first[0]).toBe('America/New_York');
    expect(first).toHaveLength(25);
  });
});

describe('DailySchedule', () => {
  it('counts the runs missed since the last one, in local time', () => {
    const schedule = new DailySchedule('08:00', 'Asia/Tokyo');
    // 08:00 JST = 23:00Z the day before.
    expect(schedule.next(new Date('2024-01-01T00:00:00Z')).toISOString()).toBe('2024-01-01T23:00:00.000Z');
    expect(schedule.due(new Date('2024-01-01T00:00:00Z'), new Date('2024-01-01T22:59:59Z'))).toBeNull();
    const due = schedule.due(new Date('2024-01-01T00:00:00Z'), new Date('2024-01-04T12:00:00Z'))!;
    expect(due.count).toBe(3);
    expect(due.first.toISOString()).toBe('2024-01-01T23:00:00.000Z');
    expect(due.latest.toISOString()).toBe('2024-01-03T23:00:00.000Z');
    expect(schedule.localDate(due.latest)).toBe('2024-01-04');
  });
});

describe('filters', () => {
  const release = preprocess({
    title: 'Secretary Blinken on Human Rights in Kenya',
    date: '2024-05-01',
    office: null,
    url: null,
    paragraphs: ['The United States supports the people of Kenya and COVID-19 relief.', 'Humane treatment matters.'],
    format: 'json',
  });

  it('matches keywords as whole words or phrases, in any case, anywhere in title or body', () => {
    const keywords = (k: string) => matchesFilter(release, { countries: [], keywords: parseKeywords(k) });
    expect(keywords('human rights')).toBe(true);
    expect(keywords('HUMAN   RIGHTS')).toBe(true);
    expect(keywords('covid-19')).toBe(true);
    expect(keywords('humane')).toBe(true);
    expect(keywords('human treatment')).toBe(false);
    expect(keywords('rights, nothing')).toBe(true);
    expect(keywords('ken')).toBe(false);
    expect(keywords('(unbalanced[')).toBe(false);
  });

  it('matches countries by code, and needs both when both are given', () => {
    expect(release.countries).toContain('KE');
    expect(matchesFilter(release, { countries: ['KE'], keywords: [] })).toBe(true);
    expect(matchesFilter(release, { countries: ['FR', 'KE'], keywords: [] })).toBe(true);
    expect(matchesFilter(release, { countries: ['FR'], keywords: [] })).toBe(false);
    expect(matchesFilter(release, { countries: ['KE'], keywords: ['nothing'] })).toBe(false);
  });

  it('limits keyword lists', () => {
    expect(parseKeywords(' a , b;; A ,c ')).toEqual(['a', 'b', 'c']);
    expect(userError(() => parseKeywords(Array.from({ length: 11 }, (_, i) => `k${i}`).join(','))).message).toContain('At most 10 keywords');
  });
});

describe('SubscriptionService', () => {
  let h: Harness;
  let cleanup: () => void;
  afterEach(async () => {
    await h?.service.stop();
    cleanup?.();
  });

  function open(): Harness {
    const temp = tempDir();
    cleanup = temp.remove;
    h = startService(Engine.fromReleases([]), temp.dir, '2024-05-01T12:00:00Z');
    return h;
  }

  it('stores what was asked, with country names resolved to codes and defaults filled in', () => {
    const { service } = open();
    const digest = service.subscribeDigest({ guildId: 'g', channelId: 'c', time: '7:30', countries: 'Kenya, fr', keywords: 'trade', createdBy: 'u1' });
    expect(digest).toMatchObject({
      kind: 'digest',
      time: '07:30',
      timezone: 'America/New_York',
      filter: { countries: ['KE', 'FR'], keywords: ['trade'] },
      announceEmpty: false,
      status: 'active',
      createdBy: 'u1',
      lastSlot: '2024-05-01T12:00:00.000Z',
    });
    expect(service.nextRun(digest)?.toISOString()).toBe('2024-05-02T11:30:00.000Z');
    const alerts = service.subscribeAlerts({ guildId: 'g', channelId: 'c' });
    expect(alerts).toMatchObject({ kind: 'alerts', time: null, timezone: null, filter: { countries: [], keywords: [] } });
    expect(service.nextRun(alerts)).toBeNull();
    expect(service.list('g').map((s) => s.id)).toEqual([digest.id, alerts.id]);
    expect(service.list('other')).toEqual([]);
  });

  it('refuses unknown countries, duplicates and too many subscriptions', () => {
    const { service } = open();
    expect(userError(() => service.subscribeAlerts({ guildId: 'g', channelId: 'c', countries: 'Narnia' })).code).toBe('UNKNOWN_COUNTRY');
    const first = service.subscribeAlerts({ guildId: 'g', channelId: 'c', keywords: 'Trade, aid' });
    const duplicate = userError(() => service.subscribeAlerts({ guildId: 'g', channelId: 'c', keywords: 'aid,trade' }));
    expect(duplicate.message).toBe(`That channel already has this subscription (#${first.id}).`);
    for (let i = 1; i < MAX_SUBSCRIPTIONS_PER_GUILD; i++) service.subscribeAlerts({ guildId: 'g', channelId: `c${i}` });
    expect(userError(() => service.subscribeAlerts({ guildId: 'g', channelId: 'one-more' })).message).toContain('the most allowed');
    expect(service.subscribeAlerts({ guildId: 'another', channelId: 'c' }).guildId).toBe('another');
  });

  it('only lets a server see and change its own subscriptions', () => {
    const { service } = open();
    const theirs = service.subscribeAlerts({ guildId: 'theirs', channelId: 'c' });
    const mine = service.subscribeAlerts({ guildId: 'mine', channelId: 'c' });
    const error = userError(() => service.unsubscribe('mine', theirs.id));
    expect(error.code).toBe('UNKNOWN_ID');
    expect(error.message).toBe(`This server has no subscription #${theirs.id}.`);
    expect(error.suggestions).toEqual([`#${mine.id}`]);
    expect(userError(() => service.get('mine', theirs.id)).code).toBe('UNKNOWN_ID');
    expect(userError(() => service.resume('mine', mine.id)).message).toBe(`Subscription #${mine.id} is not paused.`);
    expect(service.unsubscribe('theirs', theirs.id).id).toBe(theirs.id);
    expect(userError(() => service.unsubscribe('theirs', theirs.id)).message).toBe('This server has no subscriptions.');
  });

  it('starts new subscriptions at the current feed head: releases known before are never sent', async () => {
    const temp = tempDir();
    cleanup = temp.remove;
    const engine = Engine.fromReleases([]);
    engine.importReleases([raw('Known before', '2024-05-01')]);
    h = startService(engine, temp.dir, '2024-05-01T12:00:00Z');
    h.service.subscribeDigest({ guildId: 'g', channelId: 'c', time: '13:00', timezone: 'UTC', announceEmpty: true });
    await h.advanceTo('2024-05-01T13:00:00Z');
    expect(h.poster.posts.map((p) => p.content)).toEqual([
      '📰 State Department digest — Wed, May 1, 2024: no new releases.',
    ]);
  });
});
