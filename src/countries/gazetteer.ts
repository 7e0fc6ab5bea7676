import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import {
  ALT_SPELLINGS_KEPT,
  BLOCKED_PHRASES,
  CAPITALS_OF_NON_STATES,
  CAPITALS_SKIPPED,
  DEMONYM_OWNERS,
  DISPLAY_NAMES,
  EUROPEAN_UNION,
  EXTRA_NAMES,
  KOREAN_PENINSULA,
  OFFICIAL_NAMES_SKIPPED,
  SEARCH_TERMS,
} from './extra.js';

/**
 * Every surface form that names a country, built once from world-countries plus extra.ts.
 * `kind` drives the tagger's judgement (a city is often a venue, an acronym must be written in capitals) and the
 * resolver's preference when one form names several countries.
 */
export type EntryKind =
  | 'name'
  | 'alias'
  | 'acronym'
  | 'region'
  | 'demonym'
  | 'capital'
  | 'city'
  | 'blocked'
  | 'peninsula';

export interface GazetteerEntry {
  phrase: string;
  /** Null for blocked phrases ("South China Sea"): they are matched only to be skipped. */
  code: string | null;
  kind: EntryKind;
}

export interface CountryInfo {
  code: string;
  /** Display name, as a newsroom writes it. */
  name: string;
  commonName: string;
  officialName: string;
  /** ISO 3166-1 alpha-3 ("DEU"); null for the EU. */
  alpha3: string | null;
  demonym: string | null;
  /** A sovereign state (or the EU/Kosovo), as opposed to a territory. */
  independent: boolean;
  searchTerms: string[];
}

export interface Gazetteer {
  countries: Map<string, CountryInfo>;
  entries: GazetteerEntry[];
}

/** Lower priority number wins when one phrase names several countries. */
const KIND_PRIORITY: Record<EntryKind, number> = {
  blocked: 0,
  peninsula: 0,
  name: 1,
  alias: 2,
  acronym: 2,
  region: 3,
  demonym: 4,
  capital: 5,
  city: 6,
};

const GOVERNMENT_FORM =
  /^(the )?(republic|kingdom|state|commonwealth|federation|federal|democratic|islamic|people's|united|union|principality|grand duchy|sultanate|independent|plurinational|bolivarian|socialist|hashemite|oriental|co-operative|territory|collectivity|bailiwick|department|nation|swiss|argentine|hellenic|lebanese|tunisian|syrian|arab|gabonese|togolese|kyrgyz|slovak|czech|russian|italian|portuguese|french|lao|most serene)\b/i;

function loadWorldCountries(): Country[] {
  // world-countries' ESM entry imports JSON without an import attribute, which Node rejects; require the data file.
  const require = createRequire(import.meta.url);
  return require('world-countries/countries.json') as Country[];
}

function foldKey(phrase: string): string {
  return phrase.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘]/g, "'").toLowerCase();
}

function splitDemonym(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(/,\s*|\s+or\s+/)
    .map((d) => d.trim())
    .filter((d) => d.length > 1);
}

function pluralDemonym(demonym: string): string | null {
  if (/(s|sh|ch|ese|z|x)$/i.test(demonym)) return null;
  return `${demonym}s`;
}

function isEnglishAltSpelling(alt: string): boolean {
  if (ALT_SPELLINGS_KEPT.has(alt)) return true;
  const folded = alt.normalize('NFD').replace(/\p{M}/gu, '');
  return /^[A-Za-z .'()-]+$/.test(folded) && !alt.includes(',') && GOVERNMENT_FORM.test(folded);
}

function buildGazetteer(): Gazetteer {
  const world = loadWorldCountries();
  const countries = new Map<string, CountryInfo>();
  // phrase key → candidate entries (later reduced to one per phrase)
  const candidates = new Map<string, GazetteerEntry[]>();
  const independentCodes = new Set<string>();

  const addOne = (phrase: string, code: string | null, kind: EntryKind) => {
    const key = foldKey(phrase);
    const list = candidates.get(key) ?? [];
    if (!list.some((e) => e.code === code && e.kind === kind)) list.push({ phrase, code, kind });
    candidates.set(key, list);
  };
  // "Saint Kitts and Nevis" is usually written "St. Kitts and Nevis".
  const add = (phrase: string, code: string | null, kind: EntryKind) => {
    addOne(phrase, code, kind);
    if (/\bSaint\b/.test(phrase)) addOne(phrase.replace(/\bSaint\b/g, 'St.'), code, kind);
  };

  for (const country of world) {
    const code = country.cca2;
    const independent = country.independent === true || code === 'XK';
    if (independent) independentCodes.add(code);
    const demonyms = [...splitDemonym(country.demonyms?.eng?.m), ...splitDemonym(country.demonyms?.eng?.f)];
    countries.set(code, {
      code,
      name: DISPLAY_NAMES[code] ?? country.name.common,
      commonName: country.name.common,
      officialName: country.name.official,
      alpha3: country.cca3 || null,
      demonym: demonyms[0] ?? null,
      independent,
      searchTerms: [],
    });
    add(country.name.common, code, 'name');
    if (!OFFICIAL_NAMES_SKIPPED.has(country.name.official)) add(country.name.official, code, 'name');
    for (const alt of country.altSpellings) {
      if (alt === code) continue;
      if (/^[A-Z.]{2,5}$/.test(alt)) {
        if (ALT_SPELLINGS_KEPT.has(alt)) add(alt, code, 'acronym');
        continue;
      }
      if (isEnglishAltSpelling(alt)) add(alt, code, 'alias');
    }
    for (const demonym of new Set(demonyms)) {
      const owner = DEMONYM_OWNERS[demonym];
      if (owner === null || (owner !== undefined && owner !== code)) continue;
      add(demonym, code, 'demonym');
      const plural = pluralDemonym(demonym);
      if (plural) add(plural, code, 'demonym');
    }
    if (independent || CAPITALS_OF_NON_STATES.has(code)) {
      for (const capital of country.capital) if (!CAPITALS_SKIPPED.has(capital)) add(capital, code, 'capital');
    }
  }

  countries.set(EUROPEAN_UNION.code, {
    code: EUROPEAN_UNION.code,
    name: EUROPEAN_UNION.name,
    commonName: EUROPEAN_UNION.name,
    officialName: EUROPEAN_UNION.name,
    alpha3: null,
    demonym: null,
    independent: true,
    searchTerms: [],
  });

  for (const [phrase, code, kind] of EXTRA_NAMES) {
    add(phrase, code, kind);
    if (kind === 'demonym') {
      const plural = pluralDemonym(phrase);
      if (plural) add(plural, code, 'demonym');
    }
  }
  for (const phrase of BLOCKED_PHRASES) {
    add(phrase, null, 'blocked');
    if (/ American/.test(phrase)) add(phrase.replace(' American', '-American'), null, 'blocked');
  }
  add(KOREAN_PENINSULA, 'KP', 'peninsula');

  const entries: GazetteerEntry[] = [];
  for (const list of candidates.values()) {
    const chosen = chooseEntry(list, independentCodes);
    if (chosen) entries.push(chosen);
  }

  for (const info of countries.values()) {
    info.searchTerms = SEARCH_TERMS[info.code] ?? defaultSearchTerms(info);
  }
  return { countries, entries };
}

/** One phrase, several countries: the strongest kind wins, then a sovereign state over a territory. */
function chooseEntry(list: GazetteerEntry[], independentCodes: Set<string>): GazetteerEntry | null {
  const sorted = [...list].sort((a, b) => {
    const byKind = KIND_PRIORITY[a.kind] - KIND_PRIORITY[b.kind];
    if (byKind !== 0) return byKind;
    const aIndependent = a.code !== null && independentCodes.has(a.code) ? 0 : 1;
    const bIndependent = b.code !== null && independentCodes.has(b.code) ? 0 : 1;
    return aIndependent - bIndependent;
  });
  return sorted[0] ?? null;
}

function defaultSearchTerms(info: CountryInfo): string[] {
  const terms = [info.name];
  if (info.commonName !== info.name) terms.push(info.commonName);
  if (info.demonym && !terms.includes(info.demonym)) terms.push(info.demonym);
  return terms;
}

let cached: Gazetteer | null = null;

/** The gazetteer, built on first use (a few milliseconds) and shared. */
export function getGazetteer(): Gazetteer {
  cached ??= buildGazetteer();
  return cached;
}
