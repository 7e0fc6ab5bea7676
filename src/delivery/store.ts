import type { Db } from '../store/db.js';
import type { ReleaseFilter } from './filters.js';

/*
 * Persistence for delivery (tables from migration 2 in src/store/db.ts).
 *
 * delivery_feed: every release the bot has known, numbered by `seq` in the order the bot learned of it
 * (AUTOINCREMENT: strictly increasing, never reused). This sequence — not the release's `date`, which is a day and
 * can be old for back-filled releases, nor a wall-clock import time, which can repeat or go backwards — is what
 * "published since the previous digest" means: a subscription keeps `cursor_seq`, the last feed entry it has
 * accounted for, and each digest or alert batch covers (cursor_seq, head], advancing the cursor in the same
 * transaction that records the delivery. Every entry is therefore covered by exactly one planned delivery per
 * subscription, whether the bot was up or down in between.
 *
 * deliveries: the delivery record and outbox. UNIQUE(subscription_id, key) is the idempotency key — key is
 * `digest:<ISO instant of the scheduled run>` or `release:<release id>`. A row is written 'pending' with its rendered
 * messages, then each message part is posted in order with a nonce derived from the row id; `parts_sent` advances
 * after each confirmed post; status becomes 'sent' with the last. 'empty' records a digest run with nothing to send.
 */

export type SubscriptionKind = 'digest' | 'alerts';
export type SubscriptionStatus = 'active' | 'paused';

export interface Subscription {
  id: number;
  guildId: string;
  channelId: string;
  kind: SubscriptionKind;
  /** HH:MM, digests only. */
  time: string | null;
  /** IANA zone, digests only. */
  timezone: string | null;
  filter: ReleaseFilter;
  /** Digests only: post one short line on a day without releases. */
  announceEmpty: boolean;
  createdBy: string | null;
  createdAt: string;
  /** The last delivery_feed seq this subscription has accounted for. */
  cursorSeq: number;
  /** Digests: the last scheduled run planned (initially the creation time). */
  lastSlot: string | null;
  status: SubscriptionStatus;
  failureCount: number;
  lastError: string | null;
  pausedAt: string | null;
  pausedReason: string | null;
}

export interface NewSubscription {
  guildId: string;
  channelId: string;
  kind: SubscriptionKind;
  time?: string | null;
  timezone?: string | null;
  filter: ReleaseFilter;
  announceEmpty?: boolean;
  createdBy?: string | null;
}

export type DeliveryStatus = 'pending' | 'sent' | 'empty' | 'abandoned';

export interface Delivery {
  id: number;
  subscriptionId: number;
  key: string;
  channelId: string;
  fromSeq: number;
  toSeq: number;
  releaseCount: number;
  messages: string[];
  partsSent: number;
  /** Set just before a part is posted and cleared once the outcome is recorded: non-null after a crash mid-post. */
  attemptStartedAt: string | null;
  status: DeliveryStatus;
  createdAt: string;
  nextAttemptAt: string | null;
  sentAt: string | null;
}

export interface FeedEntry {
  seq: number;
  releaseId: string;
  /** When the bot learned of the release (ISO instant). */
  seenAt: string;
  sourceKey: string | null;
}

interface SubscriptionRow {
  id: number;
  guild_id: string;
  channel_id: string;
  kind: SubscriptionKind;
  time: string | null;
  timezone: string | null;
  countries: string;
  keywords: string;
  announce_empty: number;
  created_by: string | null;
  created_at: string;
  cursor_seq: number;
  last_slot: string | null;
  status: SubscriptionStatus;
  failure_count: number;
  last_error: string | null;
  paused_at: string | null;
  paused_reason: string | null;
}

interface DeliveryRow {
  id: number;
  subscription_id: number;
  key: string;
  channel_id: string;
  from_seq: number;
  to_seq: number;
  release_count: number;
  messages: string;
  parts_sent: number;
  attempt_started_at: string | null;
  status: DeliveryStatus;
  created_at: string;
  next_attempt_at: string | null;
  sent_at: string | null;
}

function parseList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    guildId: row.guild_id,
    channelId: row.channel_id,
    kind: row.kind,
    time: row.time,
    timezone: row.timezone,
    filter: { countries: parseList(row.countries), keywords: parseList(row.keywords) },
    announceEmpty: row.announce_empty === 1,
    createdBy: row.created_by,
    createdAt: row.created_at,
    cursorSeq: row.cursor_seq,
    lastSlot: row.last_slot,
    status: row.status,
    failureCount: row.failure_count,
    lastError: row.last_error,
    pausedAt: row.paused_at,
    pausedReason: row.paused_reason,
  };
}

function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    subscriptionId: row.subscription_id,
    key: row.key,
    channelId: row.channel_id,
    fromSeq: row.from_seq,
    toSeq: row.to_seq,
    releaseCount: row.release_count,
    messages: parseList(row.messages),
    partsSent: row.parts_sent,
    attemptStartedAt: row.attempt_started_at,
    status: row.status,
    createdAt: row.created_at,
    nextAttemptAt: row.next_attempt_at,
    sentAt: row.sent_at,
  };
}

export interface PlannedDelivery {
  key: string;
  fromSeq: number;
  toSeq: number;
  releaseCount: number;
  /** Empty: nothing to send, recorded as 'empty'. */
  messages: string[];
}

export class SubscriptionStore {
  constructor(readonly db: Db) {}

  /**
   * Runs `fn` in an IMMEDIATE transaction: the write lock is taken at BEGIN (waiting out another process, e.g. the
   * CLI importing, through busy_timeout) rather than on the first write, where SQLite would fail at once.
   */
  private write<T>(fn: () => T): () => T {
    const transaction = this.db.transaction(fn);
    return () => transaction.immediate();
  }

  // ---- the release feed ----

  feedHead(): number {
    const row = this.db.prepare('SELECT MAX(seq) AS head FROM delivery_feed').get() as { head: number | null };
    return row.head ?? 0;
  }

  /** The release ids and source keys already in the feed. */
  knownReleases(): { ids: Set<string>; sourceKeys: Set<string> } {
    const rows = this.db.prepare('SELECT release_id, source_key FROM delivery_feed').raw().all() as [string, string | null][];
    return { ids: new Set(rows.map((r) => r[0])), sourceKeys: new Set(rows.flatMap((r) => (r[1] ? [r[1]] : []))) };
  }

  /** Appends releases not yet in the feed, in the given order; returns how many were new. */
  appendToFeed(releases: { id: string; date: string; source?: { key: string } }[], seenAt: string): number {
    const insert = this.db.prepare(
      'INSERT OR IGNORE INTO delivery_feed (release_id, date, seen_at, source_key) VALUES (?, ?, ?, ?)',
    );
    return this.write(() => {
      let added = 0;
      for (const release of releases) added += insert.run(release.id, release.date, seenAt, release.source?.key ?? null).changes;
      return added;
    })();
  }

  /** Feed entries in (afterSeq, upToSeq], oldest first. */
  feedBetween(afterSeq: number, upToSeq: number): FeedEntry[] {
    return this.db
      .prepare('SELECT seq, release_id AS releaseId, seen_at AS seenAt, source_key AS sourceKey FROM delivery_feed WHERE seq > ? AND seq <= ? ORDER BY seq')
      .all(afterSeq, upToSeq) as FeedEntry[];
  }

  // ---- subscriptions ----

  create(input: NewSubscription, now: string): Subscription {
    return this.write(() => {
      const info = this.db
        .prepare(
          `INSERT INTO subscriptions
             (guild_id, channel_id, kind, time, timezone, countries, keywords, announce_empty, created_by, created_at,
              cursor_seq, last_slot)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          input.guildId,
          input.channelId,
          input.kind,
          input.time ?? null,
          input.timezone ?? null,
          JSON.stringify(input.filter.countries),
          JSON.stringify(input.filter.keywords),
          input.announceEmpty ? 1 : 0,
          input.createdBy ?? null,
          now,
          // Only releases the bot learns of after this moment count: never the back catalogue.
          this.feedHead(),
          input.kind === 'digest' ? now : null,
        );
      return this.get(Number(info.lastInsertRowid))!;
    })();
  }

  get(id: number): Subscription | undefined {
    const row = this.db.prepare('SELECT * FROM subscriptions WHERE id = ?').get(id) as SubscriptionRow | undefined;
    return row && toSubscription(row);
  }

  list(guildId?: string): Subscription[] {
    const rows = (
      guildId === undefined
        ? this.db.prepare('SELECT * FROM subscriptions ORDER BY id').all()
        : this.db.prepare('SELECT * FROM subscriptions WHERE guild_id = ? ORDER BY id').all(guildId)
    ) as SubscriptionRow[];
    return rows.map(toSubscription);
  }

  active(kind: SubscriptionKind): Subscription[] {
    const rows = this.db
      .prepare("SELECT * FROM subscriptions WHERE status = 'active' AND kind = ? ORDER BY id")
      .all(kind) as SubscriptionRow[];
    return rows.map(toSubscription);
  }

  /** Removes a subscription and its delivery record; returns it, or undefined when the guild has no such id. */
  remove(guildId: string, id: number): Subscription | undefined {
    return this.write(() => {
      const existing = this.get(id);
      if (!existing || existing.guildId !== guildId) return undefined;
      this.db.prepare('DELETE FROM subscriptions WHERE id = ?').run(id);
      return existing;
    })();
  }

  resume(id: number): Subscription | undefined {
    this.db
      .prepare(
        `UPDATE subscriptions SET status = 'active', failure_count = 0, last_error = NULL, paused_at = NULL,
           paused_reason = NULL WHERE id = ?`,
      )
      .run(id);
    this.db.prepare('UPDATE deliveries SET next_attempt_at = NULL WHERE subscription_id = ? AND status = ?').run(id, 'pending');
    return this.get(id);
  }

  // ---- planning: record deliveries and move the cursor in one transaction ----

  /**
   * Records `planned` for the subscription and moves its cursor (and, for digests, its last planned run) forward —
   * only if nobody else has moved it since `expected` was read. Returns false when the subscription changed or is
   * gone (the caller re-reads and plans again).
   */
  plan(expected: Subscription, planned: PlannedDelivery[], cursorSeq: number, lastSlot: string | null, now: string): boolean {
    return this.write(() => {
      const moved = this.db
        .prepare(
          `UPDATE subscriptions SET cursor_seq = ?, last_slot = ?
           WHERE id = ? AND cursor_seq = ? AND last_slot IS ? AND status = 'active'`,
        )
        .run(cursorSeq, lastSlot, expected.id, expected.cursorSeq, expected.lastSlot);
      if (moved.changes === 0) return false;
      const insert = this.db.prepare(
        `INSERT OR IGNORE INTO deliveries
           (subscription_id, key, channel_id, from_seq, to_seq, release_count, messages, status, created_at, sent_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const delivery of planned) {
        const empty = delivery.messages.length === 0;
        insert.run(
          expected.id,
          delivery.key,
          expected.channelId,
          delivery.fromSeq,
          delivery.toSeq,
          delivery.releaseCount,
          JSON.stringify(delivery.messages),
          empty ? 'empty' : 'pending',
          now,
          empty ? now : null,
        );
      }
      return true;
    })();
  }

  // ---- the outbox ----

  /** For each active subscription, its oldest pending delivery (deliveries of one subscription go out in order). */
  nextPending(): Delivery[] {
    const rows = this.db
      .prepare(
        `SELECT d.* FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id
         WHERE s.status = 'active' AND d.status = 'pending'
           AND d.id = (SELECT MIN(id) FROM deliveries WHERE subscription_id = d.subscription_id AND status = 'pending')
         ORDER BY d.id`,
      )
      .all() as DeliveryRow[];
    return rows.map(toDelivery);
  }

  getDelivery(id: number): Delivery | undefined {
    const row = this.db.prepare('SELECT * FROM deliveries WHERE id = ?').get(id) as DeliveryRow | undefined;
    return row && toDelivery(row);
  }

  deliveries(subscriptionId: number): Delivery[] {
    const rows = this.db
      .prepare('SELECT * FROM deliveries WHERE subscription_id = ? ORDER BY id')
      .all(subscriptionId) as DeliveryRow[];
    return rows.map(toDelivery);
  }

  markAttempt(deliveryId: number, now: string): void {
    this.db.prepare('UPDATE deliveries SET attempt_started_at = ? WHERE id = ?').run(now, deliveryId);
  }

  /**
   * Records that part `part` was posted (`posted`), or deliberately skipped; the last part completes the delivery.
   * A successful post also clears the subscription's failure count.
   */
  completePart(delivery: Delivery, part: number, now: string, posted: boolean): void {
    this.write(() => {
      const done = part + 1 >= delivery.messages.length;
      this.db
        .prepare(
          `UPDATE deliveries SET parts_sent = ?, attempt_started_at = NULL, next_attempt_at = NULL,
             status = ?, sent_at = ? WHERE id = ? AND parts_sent = ?`,
        )
        .run(part + 1, done ? 'sent' : 'pending', done ? now : null, delivery.id, part);
      if (posted) {
        this.db
          .prepare('UPDATE subscriptions SET failure_count = 0, last_error = NULL WHERE id = ?')
          .run(delivery.subscriptionId);
      }
    })();
  }

  /** Postpones a delivery without counting a failure (rate limits, transient errors). */
  defer(deliveryId: number, until: string): void {
    this.db.prepare('UPDATE deliveries SET attempt_started_at = NULL, next_attempt_at = ? WHERE id = ?').run(until, deliveryId);
  }

  abandon(deliveryId: number, now: string): void {
    this.db
      .prepare("UPDATE deliveries SET status = 'abandoned', attempt_started_at = NULL, sent_at = ? WHERE id = ?")
      .run(now, deliveryId);
  }

  /**
   * Counts a failed post to the subscription's channel. Returns the subscription after the change: paused once
   * `pauseAfter` consecutive failures are reached, otherwise with the delivery postponed to `retryAt`.
   */
  recordFailure(
    delivery: Delivery,
    error: string,
    retryAt: string,
    pauseAfter: number,
    pauseReason: (failures: number) => string,
    now: string,
  ): Subscription | undefined {
    return this.write(() => {
      this.defer(delivery.id, retryAt);
      this.db
        .prepare('UPDATE subscriptions SET failure_count = failure_count + 1, last_error = ? WHERE id = ?')
        .run(error, delivery.subscriptionId);
      const subscription = this.get(delivery.subscriptionId);
      if (subscription && subscription.failureCount >= pauseAfter) {
        this.db
          .prepare("UPDATE subscriptions SET status = 'paused', paused_at = ?, paused_reason = ? WHERE id = ?")
          .run(now, pauseReason(subscription.failureCount), subscription.id);
        return this.get(subscription.id);
      }
      return subscription;
    })();
  }

  /** The earliest time a pending delivery of an active subscription is waiting for, if any. */
  nextRetryAt(): string | null {
    const row = this.db
      .prepare(
        `SELECT MIN(d.next_attempt_at) AS at FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id
         WHERE s.status = 'active' AND d.status = 'pending' AND d.next_attempt_at IS NOT NULL`,
      )
      .get() as { at: string | null };
    return row.at;
  }

  lastDelivered(subscriptionId: number): Delivery | undefined {
    const row = this.db
      .prepare(
        "SELECT * FROM deliveries WHERE subscription_id = ? AND status IN ('sent', 'empty') ORDER BY id DESC LIMIT 1",
      )
      .get(subscriptionId) as DeliveryRow | undefined;
    return row && toDelivery(row);
  }
}
