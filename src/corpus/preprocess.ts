import { tagCountries } from '../countries/index.js';
import { splitSentences } from '../nlp/sentences.js';
import { inferKind } from './kind.js';
import type { RawRelease, Release, Sentence } from './release.js';
import { foldForMatch, normalizeSpace, slugify } from './text.js';

// Joint statements wrap the agreed text in these markers; they are layout, not content.
const TEXT_MARKER = /^(?:begin text|end text)\s*[:.]?$/i;

/** The raw form of a release, as preprocess() would take it: its stored text and what the source stated. */
export function rawFromRelease(release: Release): RawRelease {
  return {
    title: release.title,
    date: release.date,
    office: release.office,
    url: release.url,
    paragraphs: release.paragraphs,
    kind: release.kind,
    format: release.source.format,
    key: release.source.key,
  };
}

/** Turns a raw release from any source into the structured record the whole bot uses. */
export function preprocess(raw: RawRelease): Release {
  const title = normalizeSpace(raw.title);
  const office = raw.office ? normalizeSpace(raw.office) : null;
  const paragraphs = raw.paragraphs
    .map(normalizeSpace)
    .filter((p) => p.length > 0 && !TEXT_MARKER.test(p))
    .filter((p, index) => !(index === 0 && office !== null && foldForMatch(p) === foldForMatch(office)));
  const sentences: Sentence[] = [];
  paragraphs.forEach((paragraph, index) => {
    for (const text of splitSentences(paragraph)) sentences.push({ text, paragraph: index });
  });
  const { countries, mentioned } = tagCountries(title, paragraphs, office);
  return {
    id: releaseId(raw.date, title),
    title,
    date: raw.date,
    office,
    kind: inferKind(title, paragraphs, raw.kind, raw.kindGuess),
    url: raw.url,
    paragraphs,
    sentences,
    countries,
    mentioned,
    source: { format: raw.format, key: sourceKey(raw) },
  };
}

export function releaseId(date: string, title: string): string {
  return `${date}-${slugify(title) || 'release'}`;
}

/** What makes two imports the same release: the feed's guid or the url, else date and title. */
export function sourceKey(raw: RawRelease): string {
  return raw.key ?? raw.url ?? `${raw.date}|${foldForMatch(raw.title)}`;
}
