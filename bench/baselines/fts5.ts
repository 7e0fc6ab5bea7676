/** Baseline: SQLite FTS5 ranked by bm25 (better-sqlite3), persisted in a database file. */
import Database from 'better-sqlite3';
import path from 'node:path';
import { readRawJsonl } from '../corpus.js';
import type { BenchSystem, TopHit } from '../systems/types.js';
import { words } from '../text.js';

const dbFile = (dataDir: string): string => path.join(dataDir, 'fts5.db');

/** The question's words, each quoted (so punctuation cannot break MATCH syntax), OR-joined; null when none. */
export function fts5Query(question: string): string | null {
  const unique = [...new Set(words(question).map((word) => word.toLowerCase()))];
  return unique.length === 0 ? null : unique.map((word) => `"${word.replaceAll('"', '""')}"`).join(' OR ');
}

export const fts5Baseline: BenchSystem = {
  async build(corpusFile, dataDir) {
    const raws = await readRawJsonl(corpusFile);
    const db = new Database(dbFile(dataDir));
    try {
      db.exec('CREATE VIRTUAL TABLE docs USING fts5(title, body, date UNINDEXED)');
      const insert = db.prepare('INSERT INTO docs (title, body, date) VALUES (?, ?, ?)');
      const start = performance.now();
      db.transaction(() => {
        for (const raw of raws) insert.run(raw.title, raw.paragraphs.join('\n\n'), raw.date);
      })();
      return { build_s: (performance.now() - start) / 1000 };
    } finally {
      db.close();
    }
  },

  async open(_corpusFile, dataDir) {
    const db = new Database(dbFile(dataDir), { readonly: true, fileMustExist: true });
    const top = db.prepare<[string], TopHit>(
      'SELECT title, date FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT 10',
    );
    return {
      system: {
        ask(question) {
          const query = fts5Query(question);
          return query === null ? null : (top.all(query)[0] ?? null);
        },
        close() {
          db.close();
        },
      },
    };
  },
};
