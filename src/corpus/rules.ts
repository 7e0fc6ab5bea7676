import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sourcesHash } from '../source-hash.js';

// A stored release keeps what preprocessing derived from its text: sentences, country tags, kind. When the rules
// that derive them change (a new sentence rule, a country alias), stored releases are derived again. The rules are
// the source of the modules that preprocess, split sentences and tag countries.
const RULE_SOURCES = [
  new URL('./preprocess.ts', import.meta.url),
  new URL('./kind.ts', import.meta.url),
  new URL('./turns.ts', import.meta.url),
  new URL('./text.ts', import.meta.url),
  new URL('../nlp/sentences.ts', import.meta.url),
];
const COUNTRY_RULES = new URL('../countries/', import.meta.url);

let hash: string | null = null;

/** A short hash of the preprocessing rules, stamped on stored releases. */
export function preprocessRulesHash(): string {
  if (hash) return hash;
  const countryFiles = readdirSync(fileURLToPath(COUNTRY_RULES))
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .map((name) => new URL(name, COUNTRY_RULES));
  hash = sourcesHash([...RULE_SOURCES, ...countryFiles]);
  return hash;
}
