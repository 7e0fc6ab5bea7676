import { createRequire } from 'node:module';
import type { CountryRef } from '../search/types.js';
import { UserError } from '../errors.js';

// Interim resolver until src/countries/ provides resolveCountry: ISO alpha-2/alpha-3 codes and common/official names.
interface WorldCountry {
  cca2: string;
  cca3: string;
  name: { common: string; official: string };
}

const countries = createRequire(import.meta.url)('world-countries') as WorldCountry[];
const EXTRA: CountryRef[] = [
  { code: 'EU', name: 'European Union' },
  { code: 'XK', name: 'Kosovo' },
];

let index: Map<string, CountryRef> | undefined;

function lookup(): Map<string, CountryRef> {
  if (index) return index;
  index = new Map();
  for (const country of countries) {
    const ref = { code: country.cca2, name: country.name.common };
    for (const key of [country.cca2, country.cca3, country.name.common, country.name.official]) {
      index.set(key.toLowerCase(), ref);
    }
  }
  for (const ref of EXTRA) {
    index.set(ref.code.toLowerCase(), ref);
    index.set(ref.name.toLowerCase(), ref);
  }
  return index;
}

export function resolveCountry(input: string): CountryRef {
  const key = input.trim().toLowerCase();
  const found = lookup().get(key);
  if (found) return found;
  const suggestions = [...new Set([...lookup().values()].filter((c) => c.name.toLowerCase().includes(key)).map((c) => c.name))];
  throw new UserError(`Unknown country "${input.trim()}".`, 'UNKNOWN_COUNTRY', suggestions.slice(0, 5));
}

export function countryName(code: string): string {
  return lookup().get(code.toLowerCase())?.name ?? code;
}
