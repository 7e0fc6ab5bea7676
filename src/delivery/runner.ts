import { DateTime } from 'luxon';
import type { Release } from '../corpus/release.js';
import type { Digest } from '../search/types.js';
import type { Clock, Timer } from './clock.js';
import { matchesFilter } from './filters.js';
import { alertMessage, digestMessages, emptyDigestMessage, type DigestHeading } from './messages.js';
import type { Poster, PostResult } from './poster.js';
import { DailySchedule } from './schedule.js';
import type { Delivery, FeedEntry, PlannedDelivery, Subscription, SubscriptionStore } from './store.js';

/** The part of the engine delivery uses (the real Engine satisfies it). */
export interface DeliveryEngine {
  all(): Release[];
  find(id: string): Release | undefined;
  digestOf(releases: Release[], label: string): Digest;
  summarizeRelease(release: Release, sentences?: number): string[];
  onNewRelease(listener: (release: Release) => void): () => void;
}

export interface RunnerOptions {
  /** Consecutive failed posts (403/404) after which a subscription is paused. Default 3. */
  pauseAfterFailures?: number;
  /** Waits before retrying after the 1st, 2nd, ... failed post. Default 1 min, then 10 min. */
  failureBackoffMs?: number[];
  /** Wait after a transient error (network, 5xx). Default 30 s. */
  transientRetryMs?: number;
  /**
   * How long Discord deduplicates by nonce (`enforce_nonce`: "the past few minutes"). A part whose post was
   * interrupted (crash between the POST and its record) is re-posted with the same nonce within this window, and
   * skipped after it: at most once. Default 2 min.
   */
  nonceWindowMs?: number;
  /**
   * Releases dated more than this many days before the bot learned of them (an archive import) are back catalogue:
   * neither alerted nor put in digests. null disables the check. Default 7.
   */
  maxReleaseAgeDays?: number | null;
  /** Longest sleep between checks, so a wall-clock jump (suspend, NTP) is noticed. Default 5 min. */
  maxSleepMs?: number;
  log?: (message: string, error?: unknown) => void;
}

const DEFAULTS = {
  pauseAfterFailures: 3,
  failureBackoffMs: [60_000, 600_000],
  transientRetryMs: 30_000,
  nonceWindowMs: 120_000,
  maxReleaseAgeDays: 7,
  maxSleepMs: 300_000,
};

/** The nonce of one message part: unique per delivery row and part (≤ 25 characters, Discord's limit). */
export function partNonce(delivery: Delivery, part: number): string {
  return `d${delivery.id}p${part}t${Date.parse(delivery.createdAt).toString(36)}`.slice(0, 25);
}

/**
 * Plans due digests and alerts into the delivery record, then drains it in order, one post at a time.
 * All waiting (schedules, retries, rate limits) goes through one timer on the injected clock.
 */
export class DeliveryRunner {
  private readonly options: Required<Omit<RunnerOptions, 'log' | 'maxReleaseAgeDays'>> & {
    maxReleaseAgeDays: number | null;
  };
  private readonly log: (message: string, error?: unknown) => void;
  private readonly schedules = new Map<string, DailySchedule>();
  private running: Promise<void> | null = null;
  private again = false;
  private started = false;
  private timer: Timer | null = null;
  private unlisten: (() => void) | null = null;
  private arrived: Release[] = [];

  constructor(
    private readonly store: SubscriptionStore,
    private readonly engine: DeliveryEngine,
    private readonly poster: Poster,
    private readonly clock: Clock,
    options: RunnerOptions = {},
  ) {
    const { log, ...rest } = options;
    this.options = { ...DEFAULTS, ...stripUndefined(rest) };
    this.log = log ?? ((message, error) => console.error(`[delivery] ${message}`, error ?? ''));
  }

  /** Catches up the feed with the engine, listens for new releases, and delivers whatever is due or pending. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.syncFeed();
    this.unlisten = this.engine.onNewRelease((release) => {
      // The engine announces an import's releases one by one, synchronously: record them as one batch after it.
      this.arrived.push(release);
      if (this.arrived.length === 1) queueMicrotask(() => this.recordArrived());
    });
    this.kick();
  }

  private recordArrived(): void {
    const batch = this.arrived.splice(0);
    if (batch.length === 0) return;
    try {
      this.store.appendToFeed(batch, this.nowIso());
    } catch (error) {
      // Not lost: the next start() reconciles the feed with the engine.
      this.log(`could not record ${batch.length} new release(s)`, error);
    }
    this.kick();
  }

  async stop(): Promise<void> {
    this.unlisten?.();
    this.unlisten = null;
    this.recordArrived();
    this.started = false;
    if (this.timer) this.clock.clearTimer(this.timer);
    this.timer = null;
    await this.whenIdle();
  }

  /** Asks for a pass (after a subscription change, a new release, a timer). Passes never overlap. */
  kick(): void {
    if (!this.started) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.run().finally(() => {
      this.running = null;
      this.armTimer();
    });
  }

  /** Resolves when no pass is running or queued. */
  async whenIdle(): Promise<void> {
    for (;;) {
      this.recordArrived();
      if (!this.running) return;
      await this.running;
    }
  }

  scheduleOf(subscription: Subscription): DailySchedule | null {
    if (subscription.kind !== 'digest' || !subscription.time || !subscription.timezone) return null;
    const key = `${subscription.time} ${subscription.timezone}`;
    let schedule = this.schedules.get(key);
    if (!schedule) {
      schedule = new DailySchedule(subscription.time, subscription.timezone);
      this.schedules.set(key, schedule);
    }
    return schedule;
  }

  /** When a digest subscription's next scheduled run is (a missed run is due now). */
  nextRun(subscription: Subscription): Date | null {
    const schedule = this.scheduleOf(subscription);
    if (!schedule) return null;
    return schedule.next(new Date(subscription.lastSlot ?? subscription.createdAt));
  }

  /**
   * Adds releases the engine has but the feed lacks — imported while the bot was down, or lost to a crash between
   * the engine's store and ours — oldest first. On the very first start this records the whole back catalogue,
   * which no subscription ever sees (new subscriptions start at the feed's head). A release updated under a new id
   * (its source key already known) is not new.
   */
  private syncFeed(): void {
    const known = this.store.knownReleases();
    const missing = this.engine
      .all()
      .filter((release) => !known.ids.has(release.id) && !known.sourceKeys.has(release.source.key))
      .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
    if (missing.length) this.store.appendToFeed(missing, this.nowIso());
  }

  private async run(): Promise<void> {
    // Never plan inside the caller's stack (e.g. the engine's import loop).
    await Promise.resolve();
    do {
      this.again = false;
      try {
        this.planDigests();
        this.planAlerts();
        await this.drain();
      } catch (error) {
        this.log('delivery pass failed', error);
      }
    } while (this.again && this.started);
  }

  private armTimer(): void {
    if (this.timer) this.clock.clearTimer(this.timer);
    this.timer = null;
    if (!this.started) return;
    const now = this.clock.now();
    let wake = now + this.options.maxSleepMs;
    for (const subscription of this.store.active('digest')) {
      const next = this.nextRun(subscription);
      if (next) wake = Math.min(wake, next.getTime());
    }
    const retry = this.store.nextRetryAt();
    if (retry) wake = Math.min(wake, Date.parse(retry));
    this.timer = this.clock.setTimer(() => {
      this.timer = null;
      this.kick();
    }, Math.max(0, wake - now));
  }

  private nowIso(): string {
    return new Date(this.clock.now()).toISOString();
  }

  /** The feed entries after the cursor whose releases are new (not back catalogue) and match the filter. */
  private matching(subscription: Subscription, entries: FeedEntry[]): { entry: FeedEntry; release: Release }[] {
    const found: { entry: FeedEntry; release: Release }[] = [];
    let bySourceKey: Map<string, Release> | null = null;
    const seen = new Set<string>();
    for (const entry of entries) {
      let release = this.engine.find(entry.releaseId);
      if (!release && entry.sourceKey) {
        // Updated since it arrived, under a new id (e.g. a corrected title): the same release, current version.
        bySourceKey ??= new Map(this.engine.all().map((r) => [r.source.key, r]));
        release = bySourceKey.get(entry.sourceKey);
      }
      if (!release || seen.has(release.id) || this.isBackCatalogue(release, entry)) continue;
      seen.add(release.id);
      if (matchesFilter(release, subscription.filter)) found.push({ entry, release });
    }
    return found;
  }

  private isBackCatalogue(release: Release, entry: FeedEntry): boolean {
    const maxAge = this.options.maxReleaseAgeDays;
    if (maxAge === null) return false;
    const oldest = DateTime.fromISO(entry.seenAt, { zone: 'America/New_York' }).minus({ days: maxAge }).toISODate();
    return oldest !== null && release.date < oldest;
  }

  private planDigests(): void {
    for (const subscription of this.store.active('digest')) {
      try {
        this.planDigest(subscription);
      } catch (error) {
        this.log(`could not plan the digest of subscription ${subscription.id}`, error);
      }
    }
  }

  private planDigest(subscription: Subscription): void {
    const now = new Date(this.clock.now());
    const schedule = this.scheduleOf(subscription);
    if (!schedule) return;
    const due = schedule.due(new Date(subscription.lastSlot ?? subscription.createdAt), now);
    if (!due) return;
    const head = this.store.feedHead();
    const found = this.matching(subscription, this.store.feedBetween(subscription.cursorSeq, head));
    const heading: DigestHeading = {
      day: schedule.localDate(due.latest),
      firstDay: schedule.localDate(due.first),
      runs: due.count,
      filter: subscription.filter,
    };
    const releases = found.map((f) => f.release);
    let messages: string[] = [];
    if (releases.length > 0) {
      messages = digestMessages(this.engine.digestOf(releases, heading.day), heading);
    } else if (subscription.announceEmpty) {
      messages = [emptyDigestMessage(heading)];
    }
    const planned: PlannedDelivery = {
      key: `digest:${due.latest.toISOString()}`,
      fromSeq: subscription.cursorSeq,
      toSeq: head,
      releaseCount: releases.length,
      messages,
    };
    this.store.plan(subscription, [planned], head, due.latest.toISOString(), now.toISOString());
  }

  private planAlerts(): void {
    const head = this.store.feedHead();
    for (const subscription of this.store.active('alerts')) {
      if (subscription.cursorSeq >= head) continue;
      try {
        this.planAlertsOf(subscription, head);
      } catch (error) {
        this.log(`could not plan the alerts of subscription ${subscription.id}`, error);
      }
    }
  }

  private planAlertsOf(subscription: Subscription, head: number): void {
    const found = this.matching(subscription, this.store.feedBetween(subscription.cursorSeq, head));
    const planned = found.map(({ entry, release }): PlannedDelivery => ({
      key: `release:${release.id}`,
      fromSeq: entry.seq - 1,
      toSeq: entry.seq,
      releaseCount: 1,
      messages: [alertMessage(release, this.leadSentence(release))],
    }));
    this.store.plan(subscription, planned, head, null, this.nowIso());
  }

  private leadSentence(release: Release): string | undefined {
    try {
      return this.engine.summarizeRelease(release, 1)[0];
    } catch (error) {
      this.log(`could not summarize ${release.id}`, error);
      return release.sentences[0]?.text;
    }
  }

  /** Sends due pending deliveries, oldest first per subscription, until nothing is due. */
  private async drain(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      const due = this.store
        .nextPending()
        .filter((delivery) => !delivery.nextAttemptAt || Date.parse(delivery.nextAttemptAt) <= now);
      if (due.length === 0 || !this.started) return;
      for (const delivery of due) {
        if (!this.started) return;
        await this.sendNextPart(delivery);
      }
    }
  }

  private async sendNextPart(stale: Delivery): Promise<void> {
    // Re-read: the subscription may have been removed or paused while an earlier post was in flight.
    const delivery = this.store.getDelivery(stale.id);
    const subscription = delivery && this.store.get(delivery.subscriptionId);
    if (!delivery || delivery.status !== 'pending' || !subscription || subscription.status !== 'active') return;
    const part = delivery.partsSent;
    const content = delivery.messages[part];
    if (content === undefined) {
      this.store.abandon(delivery.id, this.nowIso());
      return;
    }
    if (delivery.attemptStartedAt) {
      // Interrupted mid-post (crash): Discord may or may not have the message.
      const age = this.clock.now() - Date.parse(delivery.attemptStartedAt);
      if (age > this.options.nonceWindowMs) {
        this.log(`skipping part ${part + 1} of delivery ${delivery.id}: its post was interrupted too long ago to retry safely`);
        this.store.completePart(delivery, part, this.nowIso(), false);
        return;
      }
    }
    this.store.markAttempt(delivery.id, delivery.attemptStartedAt ?? this.nowIso());
    let result: PostResult;
    try {
      result = await this.poster.post(delivery.channelId, { content, nonce: partNonce(delivery, part) });
    } catch (error) {
      this.log(`post to channel ${delivery.channelId} failed; retrying later`, error);
      this.store.defer(delivery.id, this.isoIn(this.options.transientRetryMs));
      return;
    }
    if (result.ok) {
      this.store.completePart(delivery, part, this.nowIso(), true);
      return;
    }
    switch (result.error) {
      case 'rate-limited':
        this.store.defer(delivery.id, this.isoIn(Math.max(1_000, result.retryAfterMs ?? 5_000)));
        return;
      case 'rejected':
        this.log(`Discord rejected delivery ${delivery.id} (${result.detail ?? 'no detail'}); abandoning it`);
        this.store.abandon(delivery.id, this.nowIso());
        return;
      case 'forbidden':
      case 'missing': {
        const failures = subscription.failureCount + 1;
        const backoff = this.options.failureBackoffMs;
        const wait = backoff[Math.min(failures - 1, backoff.length - 1)] ?? 60_000;
        const problem =
          result.error === 'missing'
            ? 'the channel no longer exists or the bot cannot see it'
            : 'the bot is not allowed to post there';
        const updated = this.store.recordFailure(
          delivery,
          `${problem}${result.detail ? ` (${result.detail})` : ''}`,
          this.isoIn(wait),
          this.options.pauseAfterFailures,
          (count) => `${count} posts in a row failed: ${problem}`,
          this.nowIso(),
        );
        if (updated?.status === 'paused') this.log(`subscription ${updated.id} paused: ${updated.pausedReason}`);
        return;
      }
    }
  }

  private isoIn(ms: number): string {
    return new Date(this.clock.now() + ms).toISOString();
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
