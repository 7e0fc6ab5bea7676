import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { countryName } from '../countries/index.js';
import type { Release } from '../corpus/release.js';
import { searchTerms } from '../nlp/terms.js';
import { ReleaseIndex, type IndexSnapshot } from './index.js';

/**
 * The search index kept beside the database, so a restart restores it instead of re-indexing every release.
 * The file's first line names what it was built from; a file that does not match is ignored and rebuilt.
 */
export const INDEX_FILE = 'search-index.json';
const FORMAT = 1;

// Index terms change when tokenizing, stemming, stop words or country names change: a stored index built with
// other rules must not be used. The rules are the source of the term and index modules, and their output on a probe.
const RULE_SOURCES = ['../nlp/terms.ts', './index.ts'];
const PROBE = `The U.S. Secretary's remarks on COVID-19: 3.9 million vaccines for Côte d'Ivoire, sanctions
  against Belarusian officials, Ukrainians' elections and the people-to-people ties of ${['CI', 'US', 'XK', 'EU', 'KP'].map(countryName).join(', ')}.`;

/** What the index is built from: the releases held (id, version, shape of the text) and the indexing rules. */
export function indexFingerprint(releases: Iterable<Release>): string {
  let count = 0;
  let sum = 0;
  let xor = 0;
  for (const release of releases) {
    let chars = 0;
    for (const paragraph of release.paragraphs) chars += paragraph.length;
    const line = `${release.id}\t${release.source.key}\t${release.source.importedAt ?? ''}\t${release.date}\t${release.title}\t${release.office ?? ''}\t${release.kind}\t${release.paragraphs.length}\t${chars}\t${release.countries.join(',')}\t${release.mentioned.join(',')}`;
    const h = stringHash(line);
    sum = (sum + h) >>> 0;
    xor = (xor ^ Math.imul(h, 0x9e3779b1)) >>> 0;
    count++;
  }
  const rules = rulesHash();
  return `${FORMAT}:${rules}:${count}:${sum.toString(16)}:${xor.toString(16)}`;
}

/** The stored index when it was built from exactly `fingerprint`; null when absent, stale or unreadable. */
export function loadIndexFile(dataDir: string, fingerprint: string): ReleaseIndex | null {
  let text: string;
  try {
    text = readFileSync(path.join(dataDir, INDEX_FILE), 'utf8');
  } catch {
    return null;
  }
  try {
    const newline = text.indexOf('\n');
    if (newline < 0) return null;
    const header = JSON.parse(text.slice(0, newline)) as { fingerprint?: unknown };
    if (header.fingerprint !== fingerprint) return null;
    const snapshot = JSON.parse(text.slice(newline + 1)) as IndexSnapshot;
    return new ReleaseIndex(snapshot);
  } catch (error) {
    console.error(`search index file unreadable, rebuilding: ${(error as Error).message}`);
    return null;
  }
}

/** Stores the index atomically (temp file, then rename); failing to store it only costs the next start time. */
export function saveIndexFile(dataDir: string, fingerprint: string, index: ReleaseIndex): void {
  const target = path.join(dataDir, INDEX_FILE);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, `${JSON.stringify({ fingerprint })}\n${JSON.stringify(index.snapshot())}`);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    console.error(`could not store the search index (it will be rebuilt at next start): ${(error as Error).message}`);
  }
}

let rulesHashCache: string | null = null;

function rulesHash(): string {
  if (rulesHashCache) return rulesHashCache;
  const hash = createHash('sha1').update(searchTerms(PROBE).join(' '));
  for (const source of RULE_SOURCES) {
    try {
      hash.update(readFileSync(new URL(source, import.meta.url)));
    } catch {
      hash.update(`${source} unreadable`);
    }
  }
  rulesHashCache = hash.digest('hex').slice(0, 12);
  return rulesHashCache;
}

/** FNV-1a, 32 bits. */
function stringHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
