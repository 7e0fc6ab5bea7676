import { countryName } from '../countries/index.js';
import type { Release } from '../corpus/release.js';
import { searchTerms } from '../nlp/terms.js';
import { sourcesHash } from '../source-hash.js';

// Index terms change when tokenizing, stemming, stop words or country names change: a stored index built with
// other rules must not be used. The rules are the source of the term module and of the index's own module, and
// their output on a probe.
const TERM_RULES = new URL('../nlp/terms.ts', import.meta.url);
const PROBE = `The U.S. Secretary's remarks on COVID-19: 3.9 million vaccines for Côte d'Ivoire, sanctions
  against Belarusian officials, Ukrainians' elections and the people-to-people ties of ${['CI', 'US', 'XK', 'EU', 'KP'].map(countryName).join(', ')}.`;

const hashes = new Map<string, string>();

/** A short hash of the rules a stored index was built with: the term rules plus the index's own source files. */
export function indexRulesHash(sources: URL[]): string {
  const key = sources.map(String).join(' ');
  let hash = hashes.get(key);
  if (!hash) {
    hash = sourcesHash([TERM_RULES, ...sources], searchTerms(PROBE).join(' '));
    hashes.set(key, hash);
  }
  return hash;
}

/**
 * Which version of a release an index holds: a stored release changes only through an import, which stamps it, or
 * when it is derived again under new preprocessing rules; a built-in one (no stamp) is known by its text.
 */
export function releaseVersion(release: Release): string {
  if (release.source.importedAt) return release.source.rules ? `${release.source.importedAt} ${release.source.rules}` : release.source.importedAt;
  let h = stringHash(release.title);
  for (const paragraph of release.paragraphs) h = stringHash(paragraph, h);
  return `text:${h.toString(16)}`;
}

/** FNV-1a, 32 bits. */
export function stringHash(text: string, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
