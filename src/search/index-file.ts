import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Release } from '../corpus/release.js';
import { MemoryIndex, type IndexSnapshot } from './index.js';
import { indexRulesHash, releaseVersion, stringHash } from './index-rules.js';

/**
 * The search index kept beside the database, so a restart restores it instead of re-indexing every release.
 * The file's first line names what it was built from; a file that does not match is ignored and rebuilt.
 */
export const INDEX_FILE = 'search-index.json';
const FORMAT = 1;

const RULE_SOURCES = [new URL('./index.ts', import.meta.url)];

/** What the index is built from: the releases held (id and version) and the indexing rules. */
export function indexFingerprint(releases: Iterable<Release>): string {
  let count = 0;
  let sum = 0;
  let xor = 0;
  for (const release of releases) {
    const line = `${release.id}\t${release.source.key}\t${releaseVersion(release)}\t${release.date}\t${release.title}\t${release.office ?? ''}\t${release.kind}\t${release.countries.join(',')}\t${release.mentioned.join(',')}`;
    const h = stringHash(line);
    sum = (sum + h) >>> 0;
    xor = (xor ^ Math.imul(h, 0x9e3779b1)) >>> 0;
    count++;
  }
  const rules = indexRulesHash(RULE_SOURCES);
  return `${FORMAT}:${rules}:${count}:${sum.toString(16)}:${xor.toString(16)}`;
}

/** The stored index when it was built from exactly `fingerprint`; null when absent, stale or unreadable. */
export function loadIndexFile(dataDir: string, fingerprint: string): MemoryIndex | null {
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
    return new MemoryIndex(snapshot);
  } catch (error) {
    console.error(`search index file unreadable, rebuilding: ${(error as Error).message}`);
    return null;
  }
}

/** Stores the index atomically (temp file, then rename); failing to store it only costs the next start time. */
export function saveIndexFile(dataDir: string, fingerprint: string, index: MemoryIndex): void {
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
