import type { Release } from '../corpus/release.js';
import type { CountryRef } from '../search/types.js';
import { UserError } from '../errors.js';

/** What a subscription wants: releases about any of `countries` (ISO codes) and containing any of `keywords`. */
export interface ReleaseFilter {
  countries: string[];
  keywords: string[];
}

export const MAX_KEYWORDS = 10;
export const MAX_KEYWORD_LENGTH = 60;
export const MAX_COUNTRIES = 20;

/** Splits a comma-separated option ("Kenya, Ethiopia"); semicolons work too. */
function splitList(input: string | null | undefined): string[] {
  return (input ?? '')
    .split(/[,;]/)
    .map((item) => item.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
}

export function parseKeywords(input: string | null | undefined): string[] {
  const byLowerCase = new Map<string, string>();
  for (const keyword of splitList(input)) if (!byLowerCase.has(keyword.toLowerCase())) byLowerCase.set(keyword.toLowerCase(), keyword);
  const keywords = [...byLowerCase.values()];
  if (keywords.length > MAX_KEYWORDS) {
    throw new UserError(`At most ${MAX_KEYWORDS} keywords, separated by commas.`, 'BAD_ARGUMENT');
  }
  const long = keywords.find((k) => k.length > MAX_KEYWORD_LENGTH);
  if (long) throw new UserError(`Keyword "${long.slice(0, 30)}…" is too long (${MAX_KEYWORD_LENGTH} characters at most).`, 'BAD_ARGUMENT');
  return keywords;
}

/** Resolves each listed country with `resolve` (which throws UserError for unknown input); duplicates removed. */
export function parseCountries(
  input: string | null | undefined,
  resolve: (input: string) => CountryRef,
): CountryRef[] {
  const byCode = new Map<string, CountryRef>();
  for (const item of splitList(input)) {
    const country = resolve(item);
    byCode.set(country.code, country);
  }
  if (byCode.size > MAX_COUNTRIES) {
    throw new UserError(`At most ${MAX_COUNTRIES} countries, separated by commas.`, 'BAD_ARGUMENT');
  }
  return [...byCode.values()];
}

const keywordPatterns = new Map<string, RegExp>();

/** A keyword matches as a whole word or phrase, any case, any spacing: "human rights" ≠ "humane". */
function keywordPattern(keyword: string): RegExp {
  let pattern = keywordPatterns.get(keyword);
  if (!pattern) {
    const body = keyword
      .split(/\s+/)
      .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\s+');
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'iu');
    keywordPatterns.set(keyword, pattern);
  }
  return pattern;
}

/** True when the release is about one of the countries (if any are set) and contains one of the keywords (if any). */
export function matchesFilter(release: Release, filter: ReleaseFilter): boolean {
  if (filter.countries.length > 0 && !filter.countries.some((code) => release.countries.includes(code))) {
    return false;
  }
  if (filter.keywords.length > 0) {
    const text = [release.title, ...release.paragraphs].join('\n');
    return filter.keywords.some((keyword) => keywordPattern(keyword).test(text));
  }
  return true;
}
