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
