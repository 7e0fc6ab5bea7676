import type { RawRelease } from '../corpus/release.js';
import type { ImportReport } from '../search/types.js';
import { openDb } from '../store/db.js';
import { loadFeedConfig } from './config.js';
import { FeedPoller } from './poller.js';
import { sqliteFeedState } from './state.js';

export interface LiveFeeds {
  poller: FeedPoller;
  /** Stops polling (awaiting a poll in progress) and closes the feed-state connection. */
  stop(): Promise<void>;
}

/**
 * Starts following the configured feeds (FEEDS, FEED_POLL_MINUTES) into the engine: new and changed releases go
 * through `engine.importReleases` (stored, indexed live, announced to onNewRelease listeners). Conditional-request
 * state is kept in the database in `dataDir`. Returns null when FEEDS disables polling. Throws UserError on bad
 * configuration.
 */
export function startLiveFeeds(
  engine: { importReleases(raws: RawRelease[]): ImportReport },
  options: { dataDir: string; env?: NodeJS.ProcessEnv; log?: (line: string) => void },
): LiveFeeds | null {
  const config = loadFeedConfig(options.env);
  if (config.feeds.length === 0) return null;
  const db = openDb(options.dataDir);
  const poller = new FeedPoller({
    feeds: config.feeds,
    intervalMinutes: config.intervalMinutes,
    sink: (raws) => engine.importReleases(raws),
    log: options.log,
    state: sqliteFeedState(db),
  });
  poller.start();
  return {
    poller,
    async stop() {
      await poller.stop();
      db.close();
    },
  };
}
