import type { Release } from '../corpus/release.js';
import { LruCache } from '../lru.js';
import type { Db } from './db.js';
import { metaOf, StoredRelease, type ReleaseMeta, type ReleaseText } from './stored-release.js';

/** Texts of the releases used lately, most recent last: a bound on memory in a large corpus. */
const TEXT_CACHE_RELEASES = 5000;
const NO_TEXT: ReleaseText = { paragraphs: [], sentences: [] };

/**
 * Imported releases, durably: one row per release, replaced whole when the release changes. Releases are read back
 * as metadata, with their text read from the database on first use.
 */
export class ReleaseStore {
  private readonly texts = new LruCache<string, ReleaseText>(TEXT_CACHE_RELEASES);
  private readonly readText = (release: StoredRelease): ReleaseText => this.text(release.id);

  constructor(private readonly db: Db) {}

  all(): StoredRelease[] {
    const rows = this.db.prepare('SELECT meta FROM releases ORDER BY date, imported_at, id').pluck().all() as string[];
    return rows.map((meta) => new StoredRelease(JSON.parse(meta) as ReleaseMeta, this.readText));
  }

  /** The stored form of a release just saved: its text stays cached until other releases push it out. */
  held(release: Release): StoredRelease {
    this.texts.set(release.id, { paragraphs: release.paragraphs, sentences: release.sentences });
    return new StoredRelease(metaOf(release), this.readText);
  }

  /** Writes all in one transaction: either every release is stored or none is. */
  saveAll(releases: Release[], replacedIds: string[] = []): void {
    const remove = this.db.prepare('DELETE FROM releases WHERE id = ?');
    const upsert = this.db.prepare(
      `INSERT INTO releases (id, source_key, date, json, meta, imported_at) VALUES (@id, @key, @date, @json, @meta, @importedAt)
       ON CONFLICT(id) DO UPDATE SET source_key = excluded.source_key, date = excluded.date, json = excluded.json,
         meta = excluded.meta, imported_at = excluded.imported_at`,
    );
    this.db.transaction(() => {
      for (const id of replacedIds) remove.run(id);
      for (const release of releases) {
        upsert.run({
          id: release.id,
          key: release.source.key,
          date: release.date,
          json: JSON.stringify(release),
          meta: JSON.stringify(metaOf(release)),
          importedAt: release.source.importedAt ?? new Date().toISOString(),
        });
      }
    })();
    for (const id of [...replacedIds, ...releases.map((release) => release.id)]) this.texts.delete(id);
  }

  /** The preprocessing rules the stored releases were derived with (null before any were stamped). */
  rules(): string | null {
    return (this.db.prepare(`SELECT value FROM store_state WHERE key = 'rules'`).pluck().get() as string | undefined) ?? null;
  }

  /**
   * Derives every stored release again with `derive` (new preprocessing rules) and records `rules`, in one
   * transaction: a crash leaves the old rows and the old stamp. Returns how many releases were derived.
   */
  deriveAgain(rules: string, derive: (release: Release) => Release): number {
    // In pages by id: a statement cannot run while another's rows are being read, and a large corpus is not read whole.
    const page = this.db.prepare('SELECT id, json FROM releases WHERE id > ? ORDER BY id LIMIT 500');
    const update = this.db.prepare('UPDATE releases SET json = @json, meta = @meta WHERE id = @id');
    const stamp = this.db.prepare(`INSERT INTO store_state (key, value) VALUES ('rules', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`);
    let count = 0;
    this.db.transaction(() => {
      let after = '';
      for (;;) {
        const rows = page.all(after) as { id: string; json: string }[];
        if (rows.length === 0) break;
        for (const { id, json } of rows) {
          const release = derive(JSON.parse(json) as Release);
          update.run({ id, json: JSON.stringify(release), meta: JSON.stringify(metaOf(release)) });
          count++;
        }
        after = rows[rows.length - 1]!.id;
      }
      stamp.run(rules);
    })();
    this.texts.clear();
    return count;
  }

  lastImport(): string | null {
    const row = this.db.prepare('SELECT MAX(imported_at) AS last FROM releases').get() as { last: string | null };
    return row.last;
  }

  private text(id: string): ReleaseText {
    const cached = this.texts.get(id);
    if (cached) return cached;
    const json = this.db.prepare('SELECT json FROM releases WHERE id = ?').pluck().get(id) as string | undefined;
    // A release replaced since it was read has no text under its old id.
    if (json === undefined) return NO_TEXT;
    const release = JSON.parse(json) as Release;
    const text = { paragraphs: release.paragraphs, sentences: shareSentenceText(release) };
    this.texts.set(id, text);
    return text;
  }
}

/**
 * Points each sentence's text into its paragraph instead of a second copy of the same characters: V8 keeps a slice
 * of a string as a reference into it, which about halves the memory a release's text takes.
 */
function shareSentenceText(release: Release): Release['sentences'] {
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
  return release.sentences ?? [];
}
