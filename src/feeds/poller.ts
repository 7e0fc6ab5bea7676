import type { RawRelease } from '../corpus/release.js';
import type { ImportReport } from '../search/types.js';
import type { FeedSource } from './config.js';
import { FeedError } from './feed-error.js';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, fetchFeed } from './fetch.js';
import { parseFeed } from './rss.js';
import type { FeedStateStore, FeedValidators } from './state.js';

export type FeedSink = (raws: RawRelease[], feedName: string) => ImportReport | Promise<ImportReport>;

export interface FeedPollerOptions {
  feeds: FeedSource[];
  /** Minutes between polls of a feed that works; fractions allowed. */
  intervalMinutes: number;
  /** Stores, indexes and announces what a feed brought (the engine's importReleases). */
  sink: FeedSink;
  log?: (line: string) => void;
  timeoutMs?: number;
  maxBytes?: number;
  /** Keeps ETag / Last-Modified across restarts; in memory only when absent. */
  state?: FeedStateStore;
  /** Longest wait after repeated failures; never shorter than the interval. Default 4 hours. */
  maxBackoffMinutes?: number;
}

export type FeedPollOutcome =
  | { feed: string; status: 'not-modified' }
  | { feed: string; status: 'ok'; added: number; updated: number; unchanged: number; errors: string[] }
  | { feed: string; status: 'failed'; error: string; retryInMinutes: number };

interface FeedRuntime {
  source: FeedSource;
  validators: FeedValidators;
  failures: number;
  timer?: NodeJS.Timeout;
  inFlight?: Promise<FeedPollOutcome>;
}

/**
 * Polls RSS feeds on an interval with conditional requests, hands new and changed items to the sink, and backs
 * off exponentially on a feed that keeps failing. A failing feed is logged as `feed <name>: <reason>` and
 * skipped: nothing already stored is touched, and the other feeds carry on.
 */
export class FeedPoller {
  private readonly feeds: FeedRuntime[];
  private readonly log: (line: string) => void;
  private readonly intervalMs: number;
  private readonly maxBackoffMs: number;
  private readonly stopping = new AbortController();
  private running = false;

  constructor(private readonly options: FeedPollerOptions) {
    if (!(options.intervalMinutes > 0)) throw new RangeError('intervalMinutes must be positive');
    this.log = options.log ?? ((line) => console.log(line));
    this.intervalMs = options.intervalMinutes * 60_000;
    this.maxBackoffMs = Math.max(this.intervalMs, (options.maxBackoffMinutes ?? 240) * 60_000);
    this.feeds = options.feeds.map((source) => ({
      source,
      validators: options.state?.load(source.url) ?? {},
      failures: 0,
    }));
  }

  /** Polls every feed now, then each on its own schedule. */
  start(): void {
    if (this.running || this.stopping.signal.aborted) return;
    this.running = true;
    for (const feed of this.feeds) this.schedule(feed, 0);
  }

  /** Clears the timers, cancels requests under way and waits for polls in progress to settle. Final: no restart. */
  async stop(): Promise<void> {
    this.running = false;
    this.stopping.abort();
    for (const feed of this.feeds) clearTimeout(feed.timer);
    await Promise.allSettled(this.feeds.map((feed) => feed.inFlight));
  }

  /** Polls every feed once, now (a poll already under way for a feed is awaited, not repeated). */
  async pollOnce(): Promise<FeedPollOutcome[]> {
    return Promise.all(this.feeds.map((feed) => this.poll(feed)));
  }

  private schedule(feed: FeedRuntime, delayMs: number): void {
    clearTimeout(feed.timer);
    feed.timer = setTimeout(() => {
      void this.poll(feed).then((outcome) => {
        if (this.running) this.schedule(feed, outcome.status === 'failed' ? outcome.retryInMinutes * 60_000 : this.intervalMs);
      });
    }, delayMs);
    feed.timer.unref?.();
  }

  private poll(feed: FeedRuntime): Promise<FeedPollOutcome> {
    feed.inFlight ??= this.pollFeed(feed).finally(() => {
      feed.inFlight = undefined;
    });
    return feed.inFlight;
  }

  private async pollFeed(feed: FeedRuntime): Promise<FeedPollOutcome> {
    const { name, url } = feed.source;
    try {
      const response = await fetchFeed(url, {
        ...feed.validators,
        timeoutMs: this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        maxBytes: this.options.maxBytes ?? DEFAULT_MAX_BYTES,
        signal: this.stopping.signal,
      });
      if (response.status === 'not-modified') {
        feed.failures = 0;
        return { feed: name, status: 'not-modified' };
      }
      const parsed = parseFeed(response.body, name);
      for (const error of parsed.errors) this.log(`feed ${error}`);
      const report = parsed.releases.length > 0 ? await this.options.sink(parsed.releases, name) : emptyReport();
      for (const error of report.errors) this.log(`feed ${name}: ${error}`);
      if (report.added.length > 0 || report.updated.length > 0) {
        this.log(`feed ${name}: ${report.added.length} new, ${report.updated.length} updated`);
      }
      // Remembered only once the items are stored, so a failed import is fetched again in full.
      feed.validators = { etag: response.etag, lastModified: response.lastModified };
      this.options.state?.save(url, feed.validators);
      feed.failures = 0;
      return {
        feed: name,
        status: 'ok',
        added: report.added.length,
        updated: report.updated.length,
        unchanged: report.unchanged,
        errors: [...parsed.errors, ...report.errors],
      };
    } catch (error) {
      if (error instanceof FeedError && error.reason === 'aborted') {
        return { feed: name, status: 'failed', error: 'stopped', retryInMinutes: 0 };
      }
      feed.failures += 1;
      const retryMs = Math.min(this.intervalMs * 2 ** feed.failures, this.maxBackoffMs);
      const reason = error instanceof FeedError ? error.message : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
      const retryInMinutes = retryMs / 60_000;
      this.log(`feed ${name}: ${reason}; retrying in ${formatMinutes(retryInMinutes)}`);
      return { feed: name, status: 'failed', error: reason, retryInMinutes };
    }
  }
}

function emptyReport(): ImportReport {
  return { added: [], updated: [], unchanged: 0, errors: [] };
}

function formatMinutes(minutes: number): string {
  return minutes >= 1 ? `${+minutes.toFixed(1)} min` : `${Math.round(minutes * 60)} s`;
}
