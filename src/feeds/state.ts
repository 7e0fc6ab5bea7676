import type { Db } from '../store/db.js';

/** What a conditional request needs from the previous response. */
export interface FeedValidators {
  etag?: string;
  lastModified?: string;
}

export interface FeedStateStore {
  load(url: string): FeedValidators | undefined;
  save(url: string, validators: FeedValidators): void;
}

/** Feed validators kept in the bot's database (table `feed_state`, migration 3), beside the releases they vouch for. */
export function sqliteFeedState(db: Db): FeedStateStore {
  const select = db.prepare<[string], { etag: string | null; last_modified: string | null }>(
    'SELECT etag, last_modified FROM feed_state WHERE url = ?',
  );
  const upsert = db.prepare<[string, string | null, string | null, string]>(
    `INSERT INTO feed_state (url, etag, last_modified, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
       updated_at = excluded.updated_at`,
  );
  return {
    load(url) {
      const row = select.get(url);
      if (!row) return undefined;
      return { etag: row.etag ?? undefined, lastModified: row.last_modified ?? undefined };
    },
    save(url, validators) {
      upsert.run(url, validators.etag ?? null, validators.lastModified ?? null, new Date().toISOString());
    },
  };
}
