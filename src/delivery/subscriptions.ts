import type { CountryRef } from '../search/types.js';
import { UserError } from '../errors.js';
import { openDb, type Db } from '../store/db.js';
import { systemClock, type Clock } from './clock.js';
import { resolveCountry as defaultResolveCountry } from './countries.js';
import { parseCountries, parseKeywords, type ReleaseFilter } from './filters.js';
import type { Poster } from './poster.js';
import { DeliveryRunner, type DeliveryEngine, type RunnerOptions } from './runner.js';
import { DEFAULT_TIMEZONE, parseDigestTime, parseTimezone } from './schedule.js';
import { SubscriptionStore, type Delivery, type Subscription } from './store.js';

export type { Subscription, Delivery } from './store.js';
export type { DeliveryEngine } from './runner.js';

export const MAX_SUBSCRIPTIONS_PER_GUILD = 25;

export interface SubscriptionServiceOptions extends RunnerOptions {
  engine: DeliveryEngine;
  poster: Poster;
  /** Where statebot.db lives (DATA_DIR). Either this or `db`. */
  dataDir?: string;
  /** An already opened database (openDb); the service then leaves closing it to the caller. */
  db?: Db;
  clock?: Clock;
  /** Resolves a typed country to its code; throws UserError when unknown. */
  resolveCountry?: (input: string) => CountryRef;
}

interface Common {
  guildId: string;
  channelId: string;
  /** Comma-separated names or codes: "Kenya, ET". */
  countries?: string | null;
  /** Comma-separated words or phrases. */
  keywords?: string | null;
  /** The user who asked (kept for the record). */
  createdBy?: string | null;
}

export interface DigestRequest extends Common {
  /** HH:MM, 24-hour. */
  time: string;
  /** IANA zone; default America/New_York. */
  timezone?: string | null;
  /** Post one short line on a day without releases. Default false. */
  announceEmpty?: boolean;
}

export type AlertsRequest = Common;

/**
 * Channel subscriptions to daily digests and new-release alerts: the commands' entry point (create, list, remove,
 * resume) and, with start()/stop(), the delivery that runs them.
 */
export class SubscriptionService {
  private constructor(
    private readonly store: SubscriptionStore,
    private readonly runner: DeliveryRunner,
    private readonly clock: Clock,
    private readonly resolveCountry: (input: string) => CountryRef,
    private readonly ownedDb: Db | null,
  ) {}

  static open(options: SubscriptionServiceOptions): SubscriptionService {
    const { engine, poster, dataDir, db, clock = systemClock(), resolveCountry, ...runnerOptions } = options;
    if (!db && !dataDir) throw new Error('SubscriptionService.open needs dataDir or db');
    const database = db ?? openDb(dataDir!);
    const store = new SubscriptionStore(database);
    const runner = new DeliveryRunner(store, engine, poster, clock, runnerOptions);
    return new SubscriptionService(store, runner, clock, resolveCountry ?? defaultResolveCountry, db ? null : database);
  }

  /** Starts delivering: catches up missed digests and pending posts, then follows the schedules and new releases. */
  start(): void {
    this.runner.start();
  }

  /** Stops delivering (waiting for a post in flight to be recorded) and closes the database if it opened it. */
  async stop(): Promise<void> {
    await this.runner.stop();
    if (this.ownedDb?.open) this.ownedDb.close();
  }

  /** Resolves when no delivery work is running (tests drive a ManualClock with it). */
  whenIdle(): Promise<void> {
    return this.runner.whenIdle();
  }

  subscribeDigest(request: DigestRequest): Subscription {
    const time = parseDigestTime(request.time);
    const timezone = parseTimezone(request.timezone?.trim() || DEFAULT_TIMEZONE);
    const filter = this.filterOf(request);
    return this.create(request, {
      kind: 'digest',
      time,
      timezone,
      filter,
      announceEmpty: request.announceEmpty ?? false,
    });
  }

  subscribeAlerts(request: AlertsRequest): Subscription {
    return this.create(request, { kind: 'alerts', filter: this.filterOf(request) });
  }

  /** The guild's subscriptions, oldest first. */
  list(guildId: string): Subscription[] {
    return this.store.list(guildId);
  }

  /** One of the guild's subscriptions; UserError UNKNOWN_ID when the guild has no such id. */
  get(guildId: string, id: number): Subscription {
    const subscription = this.store.get(id);
    if (!subscription || subscription.guildId !== guildId) throw this.unknown(guildId, id);
    return subscription;
  }

  unsubscribe(guildId: string, id: number): Subscription {
    const removed = this.store.remove(guildId, id);
    if (!removed) throw this.unknown(guildId, id);
    this.runner.kick();
    return removed;
  }

  /** Resumes a paused subscription (after its channel was fixed); what it missed meanwhile is delivered. */
  resume(guildId: string, id: number): Subscription {
    const subscription = this.get(guildId, id);
    if (subscription.status !== 'paused') {
      throw new UserError(`Subscription #${id} is not paused.`, 'BAD_ARGUMENT');
    }
    const resumed = this.store.resume(id)!;
    this.runner.kick();
    return resumed;
  }

  /** The next scheduled run of a digest subscription (null for alerts). */
  nextRun(subscription: Subscription): Date | null {
    return this.runner.nextRun(subscription);
  }

  /** The subscription's delivery record, oldest first. */
  deliveries(subscriptionId: number): Delivery[] {
    return this.store.deliveries(subscriptionId);
  }

  /** The last delivered (or empty) digest or alert, for display. */
  lastDelivered(subscriptionId: number): Delivery | undefined {
    return this.store.lastDelivered(subscriptionId);
  }

  private filterOf(request: Common): ReleaseFilter {
    return {
      countries: parseCountries(request.countries, this.resolveCountry).map((country) => country.code),
      keywords: parseKeywords(request.keywords),
    };
  }

  private create(
    request: Common,
    spec: Pick<Subscription, 'kind' | 'filter'> & Partial<Pick<Subscription, 'time' | 'timezone' | 'announceEmpty'>>,
  ): Subscription {
    const existing = this.store.list(request.guildId);
    if (existing.length >= MAX_SUBSCRIPTIONS_PER_GUILD) {
      throw new UserError(
        `This server already has ${existing.length} subscriptions, the most allowed. Remove one with /unsubscribe first.`,
        'BAD_ARGUMENT',
      );
    }
    const same = existing.find(
      (s) =>
        s.channelId === request.channelId &&
        s.kind === spec.kind &&
        s.time === (spec.time ?? null) &&
        s.timezone === (spec.timezone ?? null) &&
        sameList(s.filter.countries, spec.filter.countries) &&
        sameList(s.filter.keywords, spec.filter.keywords),
    );
    if (same) {
      throw new UserError(`That channel already has this subscription (#${same.id}).`, 'BAD_ARGUMENT', [`#${same.id}`]);
    }
    const created = this.store.create(
      {
        guildId: request.guildId,
        channelId: request.channelId,
        kind: spec.kind,
        time: spec.time ?? null,
        timezone: spec.timezone ?? null,
        filter: spec.filter,
        announceEmpty: spec.announceEmpty ?? false,
        createdBy: request.createdBy ?? null,
      },
      new Date(this.clock.now()).toISOString(),
    );
    this.runner.kick();
    return created;
  }

  private unknown(guildId: string, id: number): UserError {
    const ids = this.store.list(guildId).map((s) => `#${s.id}`);
    return new UserError(
      ids.length ? `This server has no subscription #${id}.` : 'This server has no subscriptions.',
      'UNKNOWN_ID',
      ids.slice(0, 5),
    );
  }
}

function sameList(a: string[], b: string[]): boolean {
  const norm = (list: string[]) => JSON.stringify(list.map((x) => x.toLowerCase()).sort());
  return norm(a) === norm(b);
}
