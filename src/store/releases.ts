import type { Release } from '../corpus/release.js';
import type { Db } from './db.js';

/** Imported releases, durably: one row per release, replaced whole when the release changes. */
export class ReleaseStore {
  constructor(private readonly db: Db) {}

  all(): Release[] {
    const rows = this.db.prepare('SELECT json FROM releases ORDER BY date, imported_at, id').all() as { json: string }[];
    return rows.map((row) => shareSentenceText(JSON.parse(row.json) as Release));
  }

  /** Writes all in one transaction: either every release is stored or none is. */
  saveAll(releases: Release[], replacedIds: string[] = []): void {
    const remove = this.db.prepare('DELETE FROM releases WHERE id = ?');
    const upsert = this.db.prepare(
      `INSERT INTO releases (id, source_key, date, json, imported_at) VALUES (@id, @key, @date, @json, @importedAt)
       ON CONFLICT(id) DO UPDATE SET source_key = excluded.source_key, date = excluded.date, json = excluded.json,
         imported_at = excluded.imported_at`,
    );
    this.db.transaction(() => {
      for (const id of replacedIds) remove.run(id);
      for (const release of releases) {
        upsert.run({
          id: release.id,
          key: release.source.key,
          date: release.date,
          json: JSON.stringify(release),
          importedAt: release.source.importedAt ?? new Date().toISOString(),
        });
      }
    })();
  }

  lastImport(): string | null {
    const row = this.db.prepare('SELECT MAX(imported_at) AS last FROM releases').get() as { last: string | null };
    return row.last;
  }
}

/**
 * Points each sentence's text into its paragraph instead of a second copy of the same characters: V8 keeps a slice
 * of a string as a reference into it, which about halves the memory a large corpus's text takes.
 */
function shareSentenceText(release: Release): Release {
  let paragraphIndex = -1;
  let from = 0;
  for (const sentence of release.sentences ?? []) {
    const paragraph = release.paragraphs[sentence.paragraph];
    if (paragraph === undefined) continue;
    if (sentence.paragraph !== paragraphIndex) {
      paragraphIndex = sentence.paragraph;
      from = 0;
    }
    const at = paragraph.indexOf(sentence.text, from);
    if (at < 0) continue;
    sentence.text = paragraph.slice(at, at + sentence.text.length);
    from = at + sentence.text.length;
  }
  return release;
}
