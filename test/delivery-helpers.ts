/** Shared by the delivery tests: a recording Poster, release factories, and a service on a manual clock. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RawRelease } from '../src/corpus/release.js';
import { ManualClock } from '../src/delivery/clock.js';
import type { OutgoingMessage, Poster, PostResult } from '../src/delivery/poster.js';
import type { RunnerOptions } from '../src/delivery/runner.js';
import { SubscriptionService, type DeliveryEngine } from '../src/delivery/subscriptions.js';

export interface RecordedPost extends OutgoingMessage {
  channelId: string;
  /** Clock time of the post, ISO. */
  at: string;
}

/** A Poster that records every attempt and can be told to fail a channel, rate-limit, or throw. */
export class RecordingPoster implements Poster {
  readonly attempts: RecordedPost[] = [];
  readonly posts: RecordedPost[] = [];
  readonly failing = new Map<string, PostResult>();
  rateLimits = 0;
  throws = 0;

  constructor(private readonly clock: ManualClock) {}

  async post(channelId: string, message: OutgoingMessage): Promise<PostResult> {
    const record = { channelId, ...message, at: new Date(this.clock.now()).toISOString() };
    this.attempts.push(record);
    if (this.throws > 0) {
      this.throws--;
      throw new Error('socket hang up');
    }
    if (this.rateLimits > 0) {
      this.rateLimits--;
      return { ok: false, error: 'rate-limited', retryAfterMs: 5_000 };
    }
    const failure = this.failing.get(channelId);
    if (failure) return failure;
    this.posts.push(record);
    return { ok: true };
  }

  to(channelId: string): RecordedPost[] {
    return this.posts.filter((post) => post.channelId === channelId);
  }
}

let counter = 0;

/** A release as an importer would hand it over; `date` is the State Department's day. */
export function raw(title: string, date: string, paragraphs: string[] = [`${title}. The Department of State announces it today.`]): RawRelease {
  counter++;
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return {
    title,
    date,
    office: 'Office of the Spokesperson',
    url: `https://www.state.gov/${slug}-${counter}/`,
    paragraphs,
    kind: 'Press Statement',
    format: 'json',
  };
}

export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'statebot-delivery-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Harness {
  service: SubscriptionService;
  clock: ManualClock;
  poster: RecordingPoster;
  advanceTo(time: string | number): Promise<void>;
  advanceBy(ms: number): Promise<void>;
}

export function startService(
  engine: DeliveryEngine,
  dataDir: string,
  start: string,
  options: RunnerOptions & { poster?: RecordingPoster; clock?: ManualClock } = {},
): Harness {
  const { poster: givenPoster, clock: givenClock, ...runnerOptions } = options;
  const clock = givenClock ?? new ManualClock(start);
  const poster = givenPoster ?? new RecordingPoster(clock);
  const service = SubscriptionService.open({ dataDir, engine, poster, clock, log: () => {}, ...runnerOptions });
  service.start();
  const settle = () => service.whenIdle();
  return {
    service,
    clock,
    poster,
    advanceTo: (time) => clock.advanceTo(time, settle),
    advanceBy: (ms) => clock.advanceBy(ms, settle),
  };
}

/** Which of `titles` a message mentions. */
export function titlesIn(content: string, titles: string[]): string[] {
  return titles.filter((title) => content.includes(title));
}
