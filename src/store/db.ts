import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export type Db = Database.Database;

/**
 * Schema migrations, applied in order and recorded in `PRAGMA user_version`.
 * Append only: never edit a migration that has shipped.
 */
const MIGRATIONS: string[] = [
  // 1: imported releases (the built-in corpus is not stored here; it ships in corpus/).
  `CREATE TABLE releases (
     id TEXT PRIMARY KEY,
     source_key TEXT NOT NULL UNIQUE,
     date TEXT NOT NULL,
     json TEXT NOT NULL,
     imported_at TEXT NOT NULL
   );
   CREATE INDEX releases_date ON releases(date);`,
  // 2: delivery (src/delivery/): the release feed in the order the bot learned of each release, channel
  // subscriptions with their cursor into that feed, and the delivery record (the idempotency key).
  `CREATE TABLE delivery_feed (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     release_id TEXT NOT NULL UNIQUE,
     date TEXT NOT NULL,
     seen_at TEXT NOT NULL
   );
   CREATE TABLE subscriptions (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     guild_id TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('digest', 'alerts')),
     time TEXT,
     timezone TEXT,
     countries TEXT NOT NULL DEFAULT '[]',
     keywords TEXT NOT NULL DEFAULT '[]',
     announce_empty INTEGER NOT NULL DEFAULT 0,
     created_by TEXT,
     created_at TEXT NOT NULL,
     cursor_seq INTEGER NOT NULL,
     last_slot TEXT,
     status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
     failure_count INTEGER NOT NULL DEFAULT 0,
     last_error TEXT,
     paused_at TEXT,
     paused_reason TEXT
   );
   CREATE INDEX subscriptions_guild ON subscriptions(guild_id);
   CREATE TABLE deliveries (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
     key TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     from_seq INTEGER NOT NULL,
     to_seq INTEGER NOT NULL,
     release_count INTEGER NOT NULL,
     messages TEXT NOT NULL,
     parts_sent INTEGER NOT NULL DEFAULT 0,
     attempt_started_at TEXT,
     status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'empty', 'abandoned')),
     created_at TEXT NOT NULL,
     next_attempt_at TEXT,
     sent_at TEXT,
     UNIQUE (subscription_id, key)
   );
   CREATE INDEX deliveries_pending ON deliveries(subscription_id, id) WHERE status = 'pending';`,
  // 3: feeds (src/feeds/): each feed's last ETag / Last-Modified, for conditional requests across restarts.
  `CREATE TABLE feed_state (
     url TEXT PRIMARY KEY,
     etag TEXT,
     last_modified TEXT,
     updated_at TEXT NOT NULL
   );`,
  // 4: delivery: the feed also keeps each release's source key, so a release re-imported under a new id is not new.
  `ALTER TABLE delivery_feed ADD COLUMN source_key TEXT;
   CREATE INDEX delivery_feed_source_key ON delivery_feed(source_key);`,
  // 5: a large corpus is not held in memory: each release's metadata (all but paragraphs and sentences) is read at
  // start, its text when needed. The on-disk search index (src/search/disk-index.ts) lives here too: FTS5 tables of
  // the releases' search terms (titles apart, so they are weighed as a field of their own), keyed through
  // search_docs, with the version of each release it indexed.
  `ALTER TABLE releases ADD COLUMN meta TEXT;
   UPDATE releases SET meta = json_remove(json, '$.paragraphs', '$.sentences');
   CREATE TABLE search_docs (
     docid INTEGER PRIMARY KEY,
     id TEXT NOT NULL UNIQUE,
     version TEXT NOT NULL
   );
   CREATE VIRTUAL TABLE search_titles USING fts5(
     title,
     content = '', contentless_delete = 1, tokenize = "unicode61 remove_diacritics 0 tokenchars '.'"
   );
   CREATE VIRTUAL TABLE search_text USING fts5(
     body, office, countries, kind,
     content = '', contentless_delete = 1, tokenize = "unicode61 remove_diacritics 0 tokenchars '.'"
   );
   CREATE VIRTUAL TABLE search_terms USING fts5vocab(search_text, 'row');
   CREATE VIRTUAL TABLE search_title_terms USING fts5vocab(search_titles, 'row');
   CREATE TABLE search_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  // 6: the preprocessing rules the stored releases were derived with (src/corpus/rules.ts), so an upgrade that
  // changes them derives their sentences and country tags again.
  `CREATE TABLE store_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
];

export function migrationCount(): number {
  return MIGRATIONS.length;
}

/** Opens (creating if needed) the bot's database in `dataDir`, in WAL mode, migrated to the latest schema. */
export function openDb(dataDir: string, fileName = 'statebot.db'): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, fileName));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
