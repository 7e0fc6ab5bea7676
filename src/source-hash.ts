import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * A short hash of some source files (and a seed): what derived data was made with, so data made with other rules is
 * not taken for current. A file that cannot be read counts as its name.
 */
export function sourcesHash(sources: URL[], seed = ''): string {
  const digest = createHash('sha1').update(seed);
  for (const source of sources) {
    try {
      digest.update(readFileSync(source));
    } catch {
      digest.update(`${source} unreadable`);
    }
  }
  return digest.digest('hex').slice(0, 12);
}
