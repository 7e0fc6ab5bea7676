import { UserError } from '../errors.js';
import type { CountryRef } from '../search/types.js';
import { AMBIGUOUS_INPUTS } from './extra.js';
import { getGazetteer, type EntryKind } from './gazetteer.js';
import { findMentions } from './matcher.js';
import { normalizeForMatch, tokenize } from './tokens.js';

/**
 * Turning what a user types into a country: names, official names, codes, demonyms, aliases, capitals and
 * cities, in any case and spacing. "Korea" and "Congo" are ambiguous (two states each) and say so rather than
 * guess; "Guinea" is Guinea (the others are "Guinea-Bissau", "Equatorial Guinea", "Papua New Guinea").
 */
interface ResolverIndex {
  /** normalized form → code */
  forms: Map<string, string>;
  /** every form of each code, for prefix search and suggestions */
  formsByCode: Map<string, string[]>;
  /** forms worth suggesting (no codes or short acronyms) */
  suggestible: Array<{ form: string; code: string }>;
  all: CountryRef[];
}

const SEARCHABLE_KINDS: ReadonlySet<EntryKind> = new Set(['name', 'alias', 'acronym', 'region', 'demonym', 'capital', 'city']);

let index: ResolverIndex | null = null;

/** Lower case, no accents, straight apostrophes, single spaces, no possessive, no leading "the". */
export function normalizeInput(input: string): string {
  return normalizeForMatch(input)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '')
    .replace(/(?:'s|')$/, '')
    .replace(/[?!,;:]+$/, '')
    .trim();
}

function getIndex(): ResolverIndex {
  if (index) return index;
  const { countries, entries } = getGazetteer();
  const forms = new Map<string, string>();
  const formsByCode = new Map<string, string[]>();
  const suggestible: Array<{ form: string; code: string }> = [];
  const addForm = (form: string, code: string, suggest: boolean) => {
    const key = normalizeInput(form);
    if (key === '') return;
    if (!forms.has(key)) forms.set(key, code);
    const list = formsByCode.get(code) ?? [];
    if (!list.includes(key)) list.push(key);
    formsByCode.set(code, list);
    if (suggest && key.length > 3) suggestible.push({ form: key, code });
  };
  // Display names first so they win over anything else spelled the same.
  for (const info of countries.values()) addForm(info.name, info.code, true);
  for (const entry of entries) {
    if (entry.code && SEARCHABLE_KINDS.has(entry.kind)) addForm(entry.phrase, entry.code, entry.kind !== 'acronym');
  }
  for (const info of countries.values()) {
    addForm(info.code, info.code, false);
    if (info.alpha3) addForm(info.alpha3, info.code, false);
    for (const term of info.searchTerms) addForm(term, info.code, true);
  }
  addForm('Washington D.C.', 'US', false);
  addForm('Washington DC', 'US', false);
  // Bare "Washington" is a state as well as the capital: not resolved, but suggested.
  suggestible.push({ form: 'washington', code: 'US' });
  const all = [...countries.values()]
    .map((info) => ({ code: info.code, name: info.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  index = { forms, formsByCode, suggestible, all };
  return index;
}

function ref(code: string): CountryRef {
  return { code, name: countryName(code) };
}

/** The display name of a code ("KR" → "South Korea"); the code itself when unknown. */
export function countryName(code: string): string {
  const upper = code.trim().toUpperCase();
  return getGazetteer().countries.get(upper)?.name ?? upper;
}

export function allCountries(): CountryRef[] {
  return getIndex().all.map((c) => ({ ...c }));
}

/**
 * Resolves any form a user types to one country. Throws `UserError`: EMPTY_QUERY for blank input,
 * AMBIGUOUS_COUNTRY when it names several states equally ("Korea"), UNKNOWN_COUNTRY otherwise, with close
 * matches in `suggestions`.
 */
export function resolveCountry(input: string): CountryRef {
  const key = normalizeInput(input ?? '');
  if (key === '') {
    throw new UserError('Which country? Type a name, code, demonym or city, e.g. "Kenya", "KE", "Kenyan" or "Nairobi".', 'EMPTY_QUERY');
  }
  const ambiguous = AMBIGUOUS_INPUTS[key];
  if (ambiguous) {
    const names = ambiguous.map(countryName);
    throw new UserError(
      `"${input.trim()}" could mean ${joinOr(names)}. Which one?`,
      'AMBIGUOUS_COUNTRY',
      names,
    );
  }
  const { forms } = getIndex();
  const exact = forms.get(key);
  if (exact) return ref(exact);

  // A longer phrase that contains one country reference ("kenyan government", "Republic of Korea (ROK)").
  const codes = [...new Set(findMentions(tokenize(input), { relaxed: true }).map((m) => m.code))];
  if (codes.length === 1) return ref(codes[0]!);
  if (codes.length > 1) {
    const names = codes.map(countryName);
    throw new UserError(`"${input.trim()}" names several countries: ${names.join(', ')}. Pick one.`, 'AMBIGUOUS_COUNTRY', names);
  }

  const suggestions = suggest(key);
  const hint = suggestions.length > 0 ? ` Did you mean ${joinOr(suggestions)}?` : '';
  throw new UserError(`Unknown country "${input.trim()}".${hint}`, 'UNKNOWN_COUNTRY', suggestions);
}

function joinOr(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** Close matches by prefix and edit distance, as display names, best first. */
function suggest(key: string, limit = 5): string[] {
  const scored = new Map<string, number>();
  const maxDistance = key.length <= 5 ? 1 : key.length <= 9 ? 2 : 3;
  for (const { form, code } of getIndex().suggestible) {
    let score: number | null = null;
    if (key.length >= 2 && form.startsWith(key)) score = 0.5;
    else {
      const distance = editDistance(key, form, maxDistance);
      if (distance <= maxDistance) score = distance;
      else if (key.length >= 4 && form.length > key.length) {
        // "kenia" vs "kenyan": compare with the form's prefix of the same length.
        const prefixDistance = editDistance(key, form.slice(0, key.length), maxDistance);
        if (prefixDistance <= Math.min(1, maxDistance)) score = prefixDistance + 0.75;
      }
    }
    if (score === null) continue;
    const previous = scored.get(code);
    if (previous === undefined || score < previous) scored.set(code, score);
  }
  return [...scored.entries()]
    .sort((a, b) => a[1] - b[1] || countryName(a[0]).localeCompare(countryName(b[0]), 'en'))
    .slice(0, limit)
    .map(([code]) => countryName(code));
}

/** Damerau-free Levenshtein distance, giving up (returning max + 1) once it exceeds `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Autocomplete: countries whose name starts with the prefix first, then those with a word starting with it,
 * then those matched through another form (demonym, alias, capital, code).
 */
export function searchCountries(prefix: string, limit: number): CountryRef[] {
  const max = Math.max(0, Math.floor(Number.isFinite(limit) ? limit : 0));
  const { all, formsByCode } = getIndex();
  const key = normalizeInput(prefix ?? '');
  if (key === '') return all.slice(0, max).map((c) => ({ ...c }));
  const ranked: Array<{ country: CountryRef; score: number }> = [];
  for (const country of all) {
    const name = normalizeInput(country.name);
    let score: number | null = null;
    if (name.startsWith(key)) score = 0;
    else if (name.split(/[\s-]+/).some((word) => word.startsWith(key))) score = 1;
    else if (key.length === 2 && country.code.toLowerCase() === key) score = 0.5;
    else if ((formsByCode.get(country.code) ?? []).some((form) => form.length > 2 && form.startsWith(key))) score = 2;
    if (score !== null) ranked.push({ country, score });
  }
  return ranked
    .sort((a, b) => a.score - b.score || a.country.name.localeCompare(b.country.name, 'en'))
    .slice(0, max)
    .map(({ country }) => ({ ...country }));
}
