/** A State Department release as the whole bot sees it: preprocessed, immutable once built. */
export interface Release {
  /** Stable, readable id: `yyyy-mm-dd-title-slug` (a numeric suffix only when two releases collide). */
  id: string;
  title: string;
  /** ISO date (yyyy-mm-dd), the State Department's own (America/New_York) date. */
  date: string;
  /** The speaker/office byline, e.g. "Antony J. Blinken, Secretary of State"; null when none is given. */
  office: string | null;
  kind: ReleaseKind;
  url: string | null;
  paragraphs: string[];
  /** Sentences in document order; `paragraph` indexes `paragraphs`. */
  sentences: Sentence[];
  /** ISO 3166-1 alpha-2 codes (plus EU, XK) of the countries the release is about. */
  countries: string[];
  /** Countries only named in passing (lists, venues, clauses). */
  mentioned: string[];
  /** Where it came from; `key` identifies the same release across re-imports (feed guid, url or title+date). */
  source: ReleaseSource;
}

export interface Sentence {
  text: string;
  paragraph: number;
}

export interface ReleaseSource {
  format: 'text' | 'jsonl' | 'rss' | 'html' | 'json';
  key: string;
  /** ISO timestamp of the import that stored this version. */
  importedAt?: string;
  /** The preprocessing rules (src/corpus/rules.ts) its sentences and country tags were derived with, when stored. */
  rules?: string;
}

export const RELEASE_KINDS = [
  'Press Statement',
  'Readout',
  'Joint Statement',
  'Media Note',
  'Remarks',
  'Department Press Briefing',
  'Special Briefing',
  'Public Schedule',
  'Fact Sheet',
  'Travel Announcement',
] as const;
export type ReleaseKind = (typeof RELEASE_KINDS)[number];

/** What an importer hands to preprocessing: text already cleaned into paragraphs. */
export interface RawRelease {
  title: string;
  date: string;
  office: string | null;
  url: string | null;
  paragraphs: string[];
  /** A kind stated by the source (e.g. a page's label); inferred from the text when absent. */
  kind?: string | null;
  /** A kind the source only guessed (the shared corpus' `kind_guess`): used when the text shows none. */
  kindGuess?: string | null;
  format: ReleaseSource['format'];
  /** Identity across re-imports: feed guid or url; defaults to url, else title + date. */
  key?: string;
}
