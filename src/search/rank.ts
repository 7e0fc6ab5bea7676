import type { Release } from '../corpus/release.js';
import { inRange, widenRange } from '../corpus/dates.js';
import { expandCountryTerms } from '../countries/index.js';
import { synonymsOf } from '../nlp/synonyms.js';
import { searchTerms } from '../nlp/terms.js';
import type { ReleaseIndex } from './index.js';
import type { ParsedQuestion, QuestionType } from './question.js';
import { isBoilerplate, sentenceTerms, startsDangling } from './sentences.js';
import type { DateRange } from './types.js';

export interface RankedRelease {
  release: Release;
  score: number;
  /** Share of the question's weight found anywhere in the release (0–1). */
  coverage: number;
  /** Index of the sentence that best answers the question. */
  bestSentence: number;
  bestSentenceScore: number;
}

const CANDIDATES = 40;
const TRANSCRIPTS = new Set(['Department Press Briefing', 'Special Briefing', 'Remarks']);

/**
 * Ranks releases for a question in two stages: MiniSearch (BM25) picks candidates, then each candidate is scored
 * again on how much of the question it covers and how well its best sentence answers it.
 */
export function rankReleases(
  index: ReleaseIndex,
  lookup: (id: string) => Release | undefined,
  question: ParsedQuestion,
  filter?: (release: Release) => boolean,
  candidates = CANDIDATES,
): RankedRelease[] {
  const weights = termWeights(index, question);
  const totalWeight = question.terms.reduce((sum, term) => sum + (weights.get(term) ?? 0), 0) || 1;
  const allTerms = [...question.terms, ...question.expansions];
  const hits = index.search(allTerms, filter ? (id) => { const r = lookup(id); return r !== undefined && filter(r); } : undefined, weights);
  const top = hits.slice(0, candidates);
  const maxScore = top[0]?.score ?? 1;
  const ranked: RankedRelease[] = [];
  for (const hit of top) {
    const release = lookup(hit.id as string);
    if (!release) continue;
    const sentences = sentenceTerms(release);
    const titleTerms = new Set(searchTerms(release.title));
    // A term found only through its synonym counts half: the release may use the word in another sense.
    const weightOf = (has: (term: string) => boolean) =>
      question.terms.reduce((sum, term) => sum + (weights.get(term) ?? 0) * (has(term) ? 1 : synonymsOf(term).some(has) ? 0.5 : 0), 0) / totalWeight;
    // A demonym or capital in the question ("thai", "canberra") is answered by a release about that country.
    const about = (term: string) => question.countryTerms.get(term)?.some((code) => release.countries.includes(code)) ?? false;
    const inBody = (term: string) => titleTerms.has(term) || sentences.some((terms) => terms.has(term));
    const coverage = weightOf((term) => about(term) || inBody(term));
    const passage = passageCoverage(sentences, titleTerms, (has) => weightOf((term) => about(term) || has(term)));
    const titleCoverage = weightOf((term) => about(term) || titleTerms.has(term));
    const best = bestSentence(release, sentences, titleTerms, question, weights);
    let score = 0.3 * (hit.score / maxScore) + 0.15 * coverage + 0.3 * passage + 0.25 * best.score + 0.15 * titleCoverage;
    // Briefings and remarks touch on everything in passing; a statement about the subject is the better source.
    if (TRANSCRIPTS.has(release.kind)) score -= 0.04;
    if (question.countryCodes.some((code) => release.countries.includes(code))) score += 0.12;
    else if (question.countryCodes.some((code) => release.mentioned.includes(code))) score += 0.04;
    if (question.time) {
      if (mentionsDate(release, question.time.range)) score += 0.05;
      // An event is often announced days after it happens ("the June 21 election", statement on June 25).
      if (!question.time.explicit && inRange(release.date, widenRange(question.time.range, 1, 7))) score += 0.1;
    }
    ranked.push({ release, score, coverage, bestSentence: best.index, bestSentenceScore: best.score });
  }
  return ranked.sort((a, b) => b.score - a.score || b.release.date.localeCompare(a.release.date));
}

const PASSAGE_SENTENCES = 3;

/** The best share of the question found in the title plus a few consecutive sentences: long transcripts that
 * mention every word somewhere do not beat a release that answers in one place. */
function passageCoverage(sentences: Set<string>[], titleTerms: Set<string>, weightOf: (has: (term: string) => boolean) => number): number {
  let best = weightOf((term) => titleTerms.has(term));
  for (let start = 0; start < sentences.length; start++) {
    const window = sentences.slice(start, start + PASSAGE_SENTENCES);
    best = Math.max(best, weightOf((term) => titleTerms.has(term) || window.some((terms) => terms.has(term))));
  }
  return best;
}

function termWeights(index: ReleaseIndex, question: ParsedQuestion): Map<string, number> {
  const weights = new Map<string, number>();
  for (const term of question.terms) weights.set(term, index.idf(term));
  for (const term of question.expansions) weights.set(term, 0.6 * index.idf(term));
  return weights;
}

/**
 * The sentence that answers best. Terms are weighed by how rare they are in the corpus and within the release:
 * words of the title or repeated throughout (the counterpart's name) pick the release, not the sentence.
 */
export function bestSentence(
  release: Release,
  sentences: Set<string>[],
  titleTerms: Set<string>,
  question: ParsedQuestion,
  weights: Map<string, number>,
): { index: number; score: number } {
  const local = new Map<string, number>();
  const all = [...question.terms, ...question.expansions];
  for (const term of all) {
    let inSentences = 0;
    for (const terms of sentences) if (terms.has(term)) inSentences++;
    const spread = 1 / Math.sqrt(Math.max(1, inSentences));
    const expansion = question.terms.includes(term) ? 1 : 0.8;
    local.set(term, (weights.get(term) ?? 0) * spread * (titleTerms.has(term) ? 0.4 : 1) * expansion);
  }
  const total = question.terms.reduce((sum, term) => sum + (local.get(term) ?? 0), 0) || 1;
  const noveltyMatters = question.type === 'general';
  const known = noveltyMatters ? new Set([...all, ...titleTerms]) : null;
  let best = { index: -1, score: 0 };
  release.sentences.forEach((sentence, i) => {
    if (isBoilerplate(sentence.text)) return;
    const terms = sentences[i]!;
    let matched = 0;
    for (const term of all) if (terms.has(term)) matched += local.get(term) ?? 0;
    if (matched === 0) return;
    let score = Math.min(1, matched / total);
    score += typeBonus(question.type, sentence.text);
    if (question.focus && terms.has(question.focus) && NUMBER_PATTERN.test(sentence.text.replace(DATE_PATTERN, ''))) score += 0.3;
    if (startsDangling(sentence.text)) score -= 0.03;
    // A sentence that only restates the question ("X met Y") does not answer it.
    if (noveltyMatters && known) {
      let fresh = 0;
      for (const term of terms) if (!known.has(term)) fresh++;
      if (terms.size > 0 && fresh / terms.size < 0.5) score -= 0.15;
    }
    if (/^(QUESTION|Q|MODERATOR|OPERATOR)\s*:/.test(sentence.text)) score -= 0.3;
    const words = sentence.text.split(/\s+/).length;
    if (words < 6) score -= 0.1;
    if (words > 60) score -= 0.05;
    if (score > best.score) best = { index: i, score };
  });
  return best;
}

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DATE_PATTERN = new RegExp(`\\b(${MONTH}\\s+\\d{1,2}|\\d{1,2}\\s+${MONTH}|(?:19|20)\\d{2}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|yesterday|\\d{1,2}:\\d{2}|[ap]\\.m\\.)`, 'i');
const NUMBER_PATTERN = /\b\d[\d,.]*\b|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen)s?\b/i;
const NAME_PATTERN = /\b[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z]+/;
const PLACE_PATTERN = /\b(in|at|to)\s+[A-Z][a-z]+/;

function typeBonus(type: QuestionType, text: string): number {
  switch (type) {
    case 'number':
      return NUMBER_PATTERN.test(text.replace(DATE_PATTERN, '')) ? 0.25 : 0;
    case 'when':
      return DATE_PATTERN.test(text) ? 0.15 : 0;
    case 'who':
      return NAME_PATTERN.test(text) ? 0.08 : 0;
    case 'countries':
      return Math.min(0.3, 0.06 * expandCountryTerms(text).codes.length);
    case 'where':
      return PLACE_PATTERN.test(text) ? 0.08 : 0;
    default:
      return 0;
  }
}

function mentionsDate(release: Release, range: DateRange): boolean {
  if (!range.from || range.from !== range.to) return false;
  const date = new Date(`${range.from}T12:00:00Z`);
  const month = date.toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
  const day = date.getUTCDate();
  const pattern = new RegExp(`\\b(${month}|${month.slice(0, 3)}\\.?)\\s+${day}\\b|\\b${day}\\s+${month}\\b`, 'i');
  return pattern.test(release.title) || release.paragraphs.some((p) => pattern.test(p));
}

/** A question's time reference widened by a little: events are often announced a day or a few after they happen. */
export function withSlack(range: DateRange): DateRange {
  return widenRange(range, 1, 3);
}

/** The answer: the best sentence, with the one before it when it leans on it, or the next when it is short or only opens the release. */
export function answerText(release: Release, sentenceIndex: number): string {
  const sentences = release.sentences;
  const best = sentences[sentenceIndex]!;
  const parts = [best.text];
  const previous = sentences[sentenceIndex - 1];
  if (startsDangling(best.text) && previous && previous.paragraph === best.paragraph && !isBoilerplate(previous.text)) {
    parts.unshift(previous.text);
  } else if (best.text.split(/\s+/).length < 12 || isOpening(release, sentenceIndex)) {
    const next = sentences[sentenceIndex + 1];
    if (next && next.paragraph === best.paragraph && !isBoilerplate(next.text)) parts.push(next.text);
  }
  return parts.join(' ');
}

/** The release's first sentence of prose: usually who met whom, with what they said in the next one. */
function isOpening(release: Release, sentenceIndex: number): boolean {
  return release.sentences.findIndex((sentence) => !isBoilerplate(sentence.text)) === sentenceIndex;
}
