/**
 * Countries: tagging releases with the states they are about or only mention, resolving what users type to a
 * country, display names, query expansion and autocomplete. Built on world-countries plus extra.ts.
 */
export { tagCountries, type CountryTags } from './tagger.js';
export { resolveCountry, countryName, allCountries, searchCountries } from './resolve.js';
export { countryReferences, countryTermsFor, expandCountryTerms, type CountryTerms } from './expand.js';
export {
  evaluateCountryTags,
  normalizeTitle,
  releaseKey,
  type CountryLabel,
  type LabelledRelease,
  type ReleaseLookup,
  type CountryEvalReport,
  type CountryEvalItem,
  type Score,
} from './evaluate.js';
export type { CountryRef } from '../search/types.js';
