import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Release } from '../src/corpus/release.js';
import { expandCountryTerms } from '../src/countries/index.js';
import { synonymsOf } from '../src/nlp/synonyms.js';
import { searchTerms } from '../src/nlp/terms.js';
import { QuestionCoverage, TermOccurrences } from '../src/search/coverage.js';
import type { ParsedQuestion, QuestionType } from '../src/search/question.js';
import { bestSentence } from '../src/search/rank.js';
import { paragraphSpeakers } from '../src/corpus/turns.js';
import { isBoilerplate, isPreamble, releaseTerms, sentenceTerms, startsDangling } from '../src/search/sentences.js';

/**
 * The ranker skips work that cannot change a result (passages without a question term, sentences that cannot beat
 * the best so far). These tests hold it to the plain definitions it replaced, on random questions.
 */
const builtin = JSON.parse(readFileSync(new URL('../corpus/releases.json', import.meta.url), 'utf8')) as Release[];
// One long release, so that passages slide over many sentences.
const long: Release = {
  ...builtin[0]!,
  id: 'all-of-them',
  paragraphs: builtin.flatMap((r) => r.paragraphs),
  sentences: builtin.flatMap((r, n) => r.sentences.map((s) => ({ ...s, paragraph: s.paragraph + 100 * n }))),
};
// A transcript: turns of a reporter, the Secretary and a minister (one paragraph unlabelled, so a turn runs on),
// so that the speaker rules are held to their definition too.
const LABELS = ['QUESTION: ', 'SECRETARY BLINKEN: ', '', 'FOREIGN MINISTER ODINGA: '];
const offsets = builtin.map((_, n) => builtin.slice(0, n).reduce((sum, r) => sum + r.paragraphs.length, 0));
const transcript: Release = {
  ...builtin[0]!,
  id: 'transcript',
  paragraphs: builtin.flatMap((r) => r.paragraphs).map((p, i) => LABELS[i % LABELS.length] + p),
  sentences: builtin.flatMap((r, n) =>
    r.sentences.map((s, i) => {
      const paragraph = s.paragraph + offsets[n]!;
      const opens = i === 0 || r.sentences[i - 1]!.paragraph !== s.paragraph;
      return { ...s, paragraph, text: (opens ? LABELS[paragraph % LABELS.length] : '') + s.text };
    }),
  ),
};
const releases = [...builtin, long, transcript];

function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

const TYPES: QuestionType[] = ['number', 'time', 'when', 'who', 'where', 'country', 'countries', 'general'];
const SYNONYMS = ['talk', 'discuss', 'meet', 'thank', 'agreement', 'visit', 'lead', 'prime', 'foreign'];

/** A random question made of terms of some release sentence, with random weights (some zero or negative). */
function randomCase(random: () => number): { question: ParsedQuestion; weights: Map<string, number> } {
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)]!;
  const release = pick(releases);
  const words = searchTerms(pick(release.sentences).text);
  const terms = [...new Set(Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(words.length ? words : ['kenya'])))];
  if (random() < 0.4) terms.push(...searchTerms(pick(SYNONYMS)).filter((t) => !terms.includes(t)));
  const expansions = [...new Set(terms.flatMap((t) => synonymsOf(t)))].filter((t) => !terms.includes(t));
  const signs = pick(['positive', 'positive', 'zero', 'negative']);
  const weights = new Map<string, number>();
  for (const term of [...terms, ...expansions]) {
    const roll = random();
    const weight = signs === 'zero' && roll < 0.3 ? 0 : signs === 'negative' && roll < 0.3 ? -roll : 0.5 + 4 * roll;
    weights.set(term, expansions.includes(term) ? 0.6 * weight : weight);
  }
  const countryTerms = new Map<string, string[]>();
  if (random() < 0.3) countryTerms.set(pick(terms), [pick(release.countries.length ? release.countries : ['KE'])]);
  const question: ParsedQuestion = {
    terms,
    expansions,
    countryCodes: random() < 0.3 && release.countries.length ? [pick(release.countries)] : [],
    time: null,
    type: pick(TYPES),
    countryTerms,
    focus: random() < 0.3 ? [pick(terms)] : [],
    topic: random() < 0.4 ? [pick(terms)] : [],
    asked: [],
    verb: [],
    speaker: random() < 0.3 ? [pick(['blinken', 'odinga', 'price'])] : [],
    planned: random() < 0.2,
    setAside: [],
    spokenSource: false,
  };
  return { question, weights };
}

// ---- the plain definitions ---------------------------------------------------------------------------------------

function plainCoverage(release: Release, question: ParsedQuestion, weights: Map<string, number>) {
  const sentences = sentenceTerms(release);
  const titleTerms = new Set(searchTerms(release.title));
  const totalWeight = question.terms.reduce((sum, term) => sum + (weights.get(term) ?? 0), 0) || 1;
  const weightOf = (has: (term: string) => boolean) =>
    question.terms.reduce((sum, term) => sum + (weights.get(term) ?? 0) * (has(term) ? 1 : synonymsOf(term).some(has) ? 0.5 : 0), 0) / totalWeight;
  const about = (term: string) => question.countryTerms.get(term)?.some((code) => release.countries.includes(code)) ?? false;
  const inTitle = (term: string) => about(term) || titleTerms.has(term);
  let passage = weightOf(inTitle);
  for (let start = 0; start < sentences.length; start++) {
    const window = sentences.slice(start, start + 3);
    passage = Math.max(passage, weightOf((term) => inTitle(term) || window.some((terms) => terms.has(term))));
  }
  return { whole: weightOf((term) => inTitle(term) || sentences.some((terms) => terms.has(term))), passage, title: weightOf(inTitle) };
}

function plainBestSentence(release: Release, question: ParsedQuestion, weights: Map<string, number>): { index: number; score: number } {
  const sentences = sentenceTerms(release);
  const titleTerms = new Set(searchTerms(release.title));
  const all = [...question.terms, ...question.expansions];
  const local = new Map<string, number>();
  for (const term of all) {
    const inSentences = sentences.filter((terms) => terms.has(term)).length;
    const topic = question.topic.includes(term) ? 2 : 1;
    // A word of the title, or a name of a country the release is about, picks the release rather than the sentence.
    const picksRelease = titleTerms.has(term) || (question.countryTerms.get(term) ?? []).some((code) => release.countries.includes(code));
    local.set(term, (weights.get(term) ?? 0) * (1 / Math.sqrt(Math.max(1, inSentences))) * (picksRelease ? 0.4 : 1) * (question.terms.includes(term) ? 1 : 0.8) * topic);
  }
  const total = question.terms.reduce((sum, term) => sum + (local.get(term) ?? 0), 0) || 1;
  const known = new Set([...all, ...titleTerms]);
  const speakers = paragraphSpeakers(release.paragraphs);
  const speaksAsked = (speaker: string) => speaker.toLowerCase().split(' ').some((word) => question.speaker.includes(word));
  const askedSpeaks = speakers.some((speaker) => speaker && speaksAsked(speaker));
  let best = { index: -1, score: 0 };
  release.sentences.forEach((sentence, i) => {
    if (isBoilerplate(sentence.text)) return;
    if (isPreamble(sentence.text) && question.type !== 'who' && question.type !== 'countries' && question.type !== 'country') return;
    const terms = sentences[i]!;
    let matched = 0;
    for (const term of all) if (terms.has(term)) matched += local.get(term) ?? 0;
    if (matched === 0) return;
    const bonus = plainTypeBonus(question.type, sentence.text, question.countryCodes);
    // Without what its type asks for (a place, a country), a sentence keeps 0.6 of its share.
    let score = Math.min(1, matched / total) * (bonus === 0 && question.type !== 'general' ? 0.6 : 1) + bonus;
    if (startsDangling(sentence.text)) score -= 0.03;
    // Who spoke with whom is the scene, not what was said there.
    if (question.type === 'general' && /\b(spoke|speaks|met|meets|held a (phone )?call|had a (phone )?call|talked)\b[^.;]{0,40}\bwith\b/i.test(sentence.text)) score -= 0.2;
    if (question.type === 'general') {
      let fresh = 0;
      for (const term of terms) if (!known.has(term)) fresh++;
      if (terms.size > 0 && fresh / terms.size < 0.5) score -= 0.15;
    }
    // A reporter's turn asks; another speaker than the one asked about answers less.
    const speaker = speakers[sentence.paragraph];
    if (speaker === 'QUESTION') score -= 0.3;
    else if (speaker && askedSpeaks && !speaksAsked(speaker)) score -= 0.3;
    const words = sentence.text.split(/\s+/).length;
    if (words < 6) score -= 0.1;
    if (words > 60) score -= 0.05;
    if (score > best.score) best = { index: i, score };
  });
  return best;
}

/** The ranker's bonuses for the question types whose patterns are short enough to repeat here. */
const PLAIN_TYPES: QuestionType[] = ['general', 'where', 'country', 'countries'];
function plainTypeBonus(type: QuestionType, text: string, questionCountries: string[]): number {
  if (type === 'where') return /\b(in|at|to)\s+[A-Z][a-z]+/.test(text) ? 0.08 : 0;
  // The speaker's country and the question's own do not answer "which country".
  const named = expandCountryTerms(text).codes.filter((code) => code !== 'US' && !questionCountries.includes(code)).length;
  if (type === 'countries') return Math.min(0.3, 0.06 * named);
  if (type === 'country') return named > 0 ? 0.15 : 0;
  return 0;
}

describe('the re-ranking measures what its plain definition measures', () => {
  it('whole-release, passage and title coverage', () => {
    const random = seeded(2021);
    for (let n = 0; n < 400; n++) {
      const { question, weights } = randomCase(random);
      const coverage = new QuestionCoverage(question, weights);
      for (const release of releases) {
        const titleTerms = new Set(searchTerms(release.title));
        const fast = coverage.of(release, titleTerms, new TermOccurrences(sentenceTerms(release)));
        expect(fast).toEqual(plainCoverage(release, question, weights));
        const { sentences, sentencesWith } = releaseTerms(release);
        expect(coverage.of(release, titleTerms, new TermOccurrences(sentences, sentencesWith))).toEqual(fast);
      }
    }
  });

  it('the best sentence', () => {
    const random = seeded(1203);
    for (let n = 0; n < 400; n++) {
      const { question, weights } = randomCase(random);
      // Number, date and name bonuses are left to the ranker's own patterns: no "how many" focus, no number, when or who type.
      question.type = PLAIN_TYPES[n % PLAIN_TYPES.length]!;
      question.focus = [];
      for (const release of releases) {
        const titleTerms = new Set(searchTerms(release.title));
        const plain = plainBestSentence(release, question, weights);
        expect(bestSentence(release, sentenceTerms(release), titleTerms, question, weights)).toEqual(plain);
        const { sentences, sentencesWith } = releaseTerms(release);
        expect(bestSentence(release, sentences, titleTerms, question, weights, new TermOccurrences(sentences, sentencesWith))).toEqual(plain);
      }
    }
  });

  it('of equal scores the earlier sentence wins, even when a later one could have scored more', () => {
    const texts = ['Kenya signed the accord on maritime security with its partners.', 'Kenya and its minister signed the accord on maritime security.'];
    const release: Release = { ...builtin[0]!, title: 'A Statement', sentences: texts.map((text) => ({ text, paragraph: 0 })), paragraphs: [texts.join(' ')] };
    // The second sentence names what a "how many" question counts (a bonus it could earn) but gives no number.
    const question: ParsedQuestion = { terms: ['kenya'], expansions: [], countryCodes: [], time: null, type: 'general', countryTerms: new Map(), focus: ['minist'], topic: [], asked: [], verb: [], speaker: [], planned: false, setAside: [], spokenSource: false };
    const best = bestSentence(release, sentenceTerms(release), new Set(searchTerms(release.title)), question, new Map([['kenya', 2]]));
    expect(best).toEqual({ index: 0, score: 1 });
  });
});
