import type { Release, Sentence } from '../corpus/release.js';

/** A release without its text: what is held in memory for every stored release. */
export type ReleaseMeta = Omit<Release, 'paragraphs' | 'sentences'>;

export interface ReleaseText {
  paragraphs: string[];
  sentences: Sentence[];
}

/**
 * A stored release whose text is read from the database when first used (and kept while used lately), so a large
 * corpus holds only its metadata in memory. It reads like any other release.
 */
export class StoredRelease implements Release {
  id: string;
  title: string;
  date: string;
  office: string | null;
  kind: Release['kind'];
  url: string | null;
  countries: string[];
  mentioned: string[];
  source: Release['source'];
  readonly #text: (release: StoredRelease) => ReleaseText;

  constructor(meta: ReleaseMeta, text: (release: StoredRelease) => ReleaseText) {
    this.id = meta.id;
    this.title = meta.title;
    this.date = meta.date;
    this.office = meta.office;
    this.kind = meta.kind;
    this.url = meta.url;
    this.countries = meta.countries;
    this.mentioned = meta.mentioned;
    this.source = meta.source;
    this.#text = text;
  }

  get paragraphs(): string[] {
    return this.#text(this).paragraphs;
  }

  get sentences(): Sentence[] {
    return this.#text(this).sentences;
  }

  toJSON(): Release {
    return { ...metaOf(this), paragraphs: this.paragraphs, sentences: this.sentences };
  }
}

export function metaOf(release: Release): ReleaseMeta {
  const { id, title, date, office, kind, url, countries, mentioned, source } = release;
  return { id, title, date, office, kind, url, countries, mentioned, source };
}
