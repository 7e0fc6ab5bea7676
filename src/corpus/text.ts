/** Text clean-up shared by every source format. */

// U+00A0, U+202F, U+2007, U+2009 and friends stand where a plain space belongs in state.gov text.
const UNICODE_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t\f\v]/g;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

/** Plain spaces only, runs collapsed, trimmed. Quotes and dashes are kept as written. */
export function normalizeSpace(text: string): string {
  return text.replace(ZERO_WIDTH, '').replace(UNICODE_SPACES, ' ').replace(/ {2,}/g, ' ').trim();
}

/** Splits a body into paragraphs on blank lines, normalized, empties dropped. */
export function splitParagraphs(body: string): string[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => normalizeSpace(p.replace(/\n/g, ' ')))
    .filter((p) => p.length > 0);
}

/** Folds curly quotes to straight ones and lower-cases: for comparing, never for display. */
export function foldForMatch(text: string): string {
  return normalizeSpace(text).replace(/[’‘`´]/g, "'").replace(/[“”]/g, '"').toLowerCase();
}

/** A URL-safe slug of a title. */
export function slugify(text: string, maxLength = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastDash = cut.lastIndexOf('-');
  return lastDash > maxLength / 2 ? cut.slice(0, lastDash) : cut;
}
