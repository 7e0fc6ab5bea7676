import type { Release } from '../corpus/release.js';
import type { AskResult, CountryResult, SearchHit } from '../search/types.js';

/** The CLI's JSON shapes; other tools script against them, so they change only deliberately. */

export function hitJson(hit: SearchHit) {
  const { release } = hit;
  return { id: release.id, title: release.title, date: release.date, office: release.office, url: release.url, score: hit.score, snippet: hit.snippet };
}

export function askJson(result: AskResult) {
  const answer = result.answer
    ? { text: result.answer.text, id: result.answer.release.id, title: result.answer.release.title, date: result.answer.release.date }
    : null;
  return { question: result.question, answer, results: result.results.map(hitJson) };
}

export function countryJson(result: CountryResult) {
  return { country: result.country, results: result.releases.map((r) => ({ id: r.id, title: r.title, date: r.date })) };
}

export function listJson(release: Release) {
  const { id, title, date, office, kind, url, countries } = release;
  return { id, title, date, office, kind, url, countries };
}
