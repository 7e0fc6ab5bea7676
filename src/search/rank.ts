import type { Release } from '../corpus/release.js';
import { inRange, widenRange } from '../corpus/dates.js';
import { searchTerms } from '../nlp/terms.js';
import { synonymsOf } from '../nlp/synonyms.js';
import { QuestionCoverage, TermOccurrences } from './coverage.js';
import type { ReleaseIndex } from './index.js';
import { LARGE_CORPUS } from './search-index.js';
import type { ParsedQuestion, QuestionType } from './question.js';
import { isBoilerplate, isPreamble, releaseTerms, sentenceSpeakers, startsDangling } from './sentences.js';
import { isCounterpartLabel, isQuestionerLabel } from '../corpus/turns.js';
import { countriesNamed, namesPerson, traitsOf, type SentenceTraits } from './sentence-traits.js';
import type { DateRange } from './types.js';

export interface RankedRelease {
  release: Release;
  score: number;
  /** Share of the question's weight found anywhere in the release (0–1). */
  coverage: number;
  /** The best share found in the title plus a few consecutive sentences (0–1). */
  passage: number;
  /** Index of the sentence that best answers the question. */
  bestSentence: number;
  bestSentenceScore: number;
}

export interface RankOptions {
  /** Only releases that pass. */
  filter?: (release: Release) => boolean;
  /** Only releases dated within (also checked by `filter`; lets the index skip the rest). */
  range?: DateRange;
  /** How many of the index's best are re-scored. */
  candidates?: number;
}

/**
 * How many of the index's best are re-scored. In a large corpus, near-copies of a release (a statement and the
 * briefing that quotes it) crowd the top, and more are needed to find the one that answers (measured: Hit@1 at
 * 100,000 releases 0.23 with 20, 0.32 with 40; no difference at 600).
 */
const CANDIDATES = 20;
const LARGE_CORPUS_CANDIDATES = 40;
const TRANSCRIPTS = new Set(['Department Press Briefing', 'Special Briefing', 'Remarks']);
/** Briefings and interviews touch on everything; measured on 220 questions (development and four held-out sets), 0.16 beats 0.04–0.12 and 0.20. */
const TRANSCRIPT_PENALTY = 0.16;
const OWN_WORDS_TRANSCRIPT_PENALTY = 0.04;
/** What a transcript gains where the counterpart asked about speaks. Measured on 420 questions: two answers more with anything from 0.05 to 0.15, none lost. */
const COUNTERPART_WORDS_BONUS = 0.05;

/**
 * Ranks releases for a question in two stages: the index (bm25) picks candidates, then each candidate is scored
 * again on how much of the question it covers and how well its best sentence answers it.
 */
export function rankReleases(
  index: ReleaseIndex,
  lookup: (id: string) => Release | undefined,
  question: ParsedQuestion,
  { filter, range, candidates = index.size < LARGE_CORPUS ? CANDIDATES : LARGE_CORPUS_CANDIDATES }: RankOptions = {},
): RankedRelease[] {
  const weights = termWeights(index, question);
  const questionCoverage = new QuestionCoverage(question, weights);
  const allTerms = [...question.terms, ...question.expansions];
  const passes = filter ? (id: string) => { const r = lookup(id); return r !== undefined && filter(r); } : undefined;
  const top = index.search(allTerms, { filter: passes, range, limit: candidates });
  const maxScore = top[0]?.score ?? 1;
  const askedDay = question.time ? dayPattern(question.time.range) : null;
  // An event is often reported days after it happens ("the June 21 election", statement on June 25); written without
  // its year ("march 31"), the date may be of any year of the corpus.
  const eventWindows =
    question.time && !question.time.explicit
      ? [question.time.range, ...(question.time.earlierYears ?? []).map((earlier) => earlier.range)].map((range) => widenRange(range, 1, 7))
      : [];
  const ranked: RankedRelease[] = [];
  for (const hit of top) {
    const release = lookup(hit.id);
    if (!release) continue;
    const { sentences, sentencesWith } = releaseTerms(release);
    const titleTerms = titleTermsOf(release);
    const occurrences = new TermOccurrences(sentences, sentencesWith);
    const coverage = questionCoverage.of(release, titleTerms, occurrences);
    const best = bestSentence(release, sentences, titleTerms, question, weights, occurrences);
    let score = 0.3 * (hit.score / maxScore) + 0.15 * coverage.whole + 0.3 * coverage.passage + 0.25 * best.score + 0.15 * coverage.title;
    if (TRANSCRIPTS.has(release.kind)) score += transcriptAdjustment(release, question);
    // "What time …" is answered only by a release that gives a clock time (a schedule, an announcement).
    if (question.type === 'time' && !release.sentences.some((sentence) => traitsOf(sentence.text).clock)) score -= NO_CLOCK_PENALTY;
    // "What time is the conversation", "when was he due in Riyadh": the announcement ("… will …") gives the planned
    // time; the event's own transcript or the return note seldom does.
    if (question.planned && (question.type === 'when' || question.type === 'time') && best.index >= 0 && WILL.test(release.sentences[best.index]!.text)) score += PLANNED_BONUS;
    if (question.countryCodes.some((code) => release.countries.includes(code))) score += 0.12;
    else if (question.countryCodes.some((code) => release.mentioned.includes(code))) score += 0.04;
    if (question.time) {
      // A release that names the asked day ("the June 17 meeting") is about that day's event, whenever it is dated:
      // a notice a week before, a statement days after.
      if (askedDay && mentions(release, askedDay)) score += 0.1;
      if (eventWindows.some((window) => inRange(release.date, window))) score += 0.1;
    }
    ranked.push({ release, score, coverage: coverage.whole, passage: coverage.passage, bestSentence: best.index, bestSentenceScore: best.score });
  }
  ranked.sort((a, b) => b.score - a.score || b.release.date.localeCompare(a.release.date));
  if (question.asked.length > 0) {
    // The whole question picks the release; within the best few, the sentence that answers is the one with the asked words.
    for (const entry of ranked.slice(0, ASKED_REFINED)) {
      const [first] = answerSentences(index, question, entry.release, weights, 1);
      if (first) entry.bestSentence = first.index;
    }
  }
  return ranked;
}

const WILL = /\bwill\b/i;
/** Measured on 500 questions: two releases more with 0.05 or 0.1, none lost. */
const PLANNED_BONUS = 0.05;

/** A release without a clock time cannot answer "what time": measured on six such questions, 0.3 ranks the schedule first in all. */
const NO_CLOCK_PENALTY = 0.3;

/** How many of the best releases have their answer sentence chosen again with the asked clause favoured. */
const ASKED_REFINED = 5;

/**
 * The answer from a ranked release: its best sentence (by the asked clause when the question sets a scene) and a
 * second one when it answers about as well, completes it, or carries it on. Chosen for the one release answered
 * from, so it costs one more pass.
 */
export function answerFrom(index: ReleaseIndex, question: ParsedQuestion, entry: RankedRelease): { best: number; second?: number } {
  const sentences = entry.release.sentences;
  // Every sentence scored, not just the best two: the neighbours' scores decide whether one joins the answer.
  const scored = answerSentences(index, question, entry.release, termWeights(index, question), sentences.length);
  const [first, second] = scored;
  if (!first) return { best: entry.bestSentence };
  // "Biden will host two summits." answers "when is the first summit" only with the next sentence, which has the date.
  const next = sentences[first.index + 1];
  const completes = next !== undefined && next.paragraph === sentences[first.index]!.paragraph && lacksAskedKind(question, sentences[first.index]!.text) && !lacksAskedKind(question, next.text);
  if (second && second.score >= SECOND_SENTENCE_SHARE * first.score && !(completes && lacksAskedKind(question, sentences[second.index]!.text))) {
    return { best: first.index, second: second.index };
  }
  if (completes) return { best: first.index, second: first.index + 1 };
  const neighbour = answeringNeighbour(entry.release, first, scored);
  return neighbour === undefined ? { best: first.index } : { best: first.index, second: neighbour };
}

/**
 * The sentence before or after the best one, in its paragraph and said by the same speaker, that carries on its
 * answer: it scores at least NEIGHBOUR_SHARE of the best ("… reaffirmed the Alliance." "Sherman highlighted the
 * commitment to the defense of Japan."). The higher-scoring of the two; none when neither does.
 */
function answeringNeighbour(release: Release, best: { index: number; score: number }, scored: { index: number; score: number }[]): number | undefined {
  const sentences = release.sentences;
  // A best sentence that leans on the one before ("This …") is quoted with it (answerText).
  if (startsDangling(sentences[best.index]!.text)) return undefined;
  const speakers = sentenceSpeakers(release);
  const paragraph = sentences[best.index]!.paragraph;
  let found: { index: number; score: number } | undefined;
  for (const other of scored) {
    if (Math.abs(other.index - best.index) !== 1 || other.score < NEIGHBOUR_SHARE * best.score) continue;
    if (sentences[other.index]!.paragraph !== paragraph || speakers[other.index] !== speakers[best.index] || !isProse(sentences[other.index]!.text)) continue;
    if (!found || other.score > found.score) found = other;
  }
  return found?.index;
}

/** Measured on 536 questions: answers holding the asked detail 0.793 → 0.800 (0.5: 0.797; 0.2–0.3 no more, longer answers), none lost; answers 2% longer on average. */
const NEIGHBOUR_SHARE = 0.4;

/** A "when", "what time" or "how many" question's answer sentence without a date, a clock time or a number. */
function lacksAskedKind(question: ParsedQuestion, text: string): boolean {
  return COMPLETED_TYPES.has(question.type) && typeBonus(question, text, traitsOf(text), NONE) < TYPE_BONUS[question.type];
}

const COMPLETED_TYPES: ReadonlySet<QuestionType> = new Set(['when', 'time', 'number']);

/**
 * A second sentence joins the answer when it scores at least this share of the best one's score: "the one or two
 * sentences that answer it". Measured on 220 questions: answers hold the asked detail 0.727 → 0.759 (0.9: 0.736,
 * 0.5: 0.764); about one answer in five gets a second sentence, 50 characters longer on average. Measured again
 * with 192 questions on releases never seen before: 0.6 → 0.5 gained two answers there and three net of 764 read
 * ones (four gained, one lost), for answers 3% longer on average (0.45: two more, 6% longer).
 */
const SECOND_SENTENCE_SHARE = 0.5;

function termWeights(index: ReleaseIndex, question: ParsedQuestion): Map<string, number> {
  const weights = new Map<string, number>();
  for (const term of question.terms) weights.set(term, index.idf(term));
  for (const term of question.expansions) weights.set(term, 0.6 * index.idf(term));
  return weights;
}

/**
 * The sentence that answers best. Terms are weighed by how rare they are in the corpus and within the release:
 * words of the title or repeated throughout (the counterpart's name) pick the release, not the sentence.
 * `occurrences` may be shared with the rest of the release's scoring.
 */
export function bestSentence(
  release: Release,
  sentences: Set<string>[],
  titleTerms: Set<string>,
  question: ParsedQuestion,
  weights: Map<string, number>,
  occurrences = new TermOccurrences(sentences),
  { favourAsked = false }: { favourAsked?: boolean } = {},
): { index: number; score: number } {
  return topSentences(release, sentences, titleTerms, question, weights, occurrences, favourAsked, 1)[0] ?? { index: -1, score: 0 };
}

/** The title's terms and their synonyms: a readout titled "Meeting with …" says "met" in its lead, to the same end. */
export function titleTermsOf(release: Release): Set<string> {
  const terms = new Set(searchTerms(release.title));
  for (const term of [...terms]) for (const synonym of synonymsOf(term)) terms.add(synonym);
  return terms;
}

/** The `count` sentences of a release that answer best, best first, the asked clause favoured when there is one. */
function answerSentences(index: ReleaseIndex, question: ParsedQuestion, release: Release, weights: Map<string, number>, count: number): { index: number; score: number }[] {
  const { sentences, sentencesWith } = releaseTerms(release);
  const titleTerms = titleTermsOf(release);
  const occurrences = new TermOccurrences(sentences, sentencesWith);
  return topSentences(release, sentences, titleTerms, question, weights, occurrences, question.asked.length > 0, count, true);
}

function topSentences(
  release: Release,
  sentences: Set<string>[],
  titleTerms: Set<string>,
  question: ParsedQuestion,
  weights: Map<string, number>,
  occurrences: TermOccurrences,
  favourAsked: boolean,
  count: number,
  /** Choosing the answer itself, not scoring the release. */
  answering = false,
): { index: number; score: number }[] {
  const local = new Map<string, number>();
  const all = [...question.terms, ...question.expansions];
  for (const term of all) {
    const spread = 1 / Math.sqrt(Math.max(1, occurrences.of(term).length));
    const expansion = question.terms.includes(term) ? 1 : 0.8;
    const topic = question.topic.includes(term) ? TOPIC_WEIGHT : 1;
    local.set(term, (weights.get(term) ?? 0) * spread * (titleTerms.has(term) || namesSubject(release, question, term) ? 0.4 : 1) * expansion * topic);
  }
  if (favourAsked) weighAskedClause(question, local);
  // "besides the ceasefire, what did they …": what the asker already knows does not pick the sentence that answers.
  // It is not held against a sentence either: "in Mozambique and Tanzania" answers "besides Mozambique, where".
  if (answering) for (const term of question.setAside) local.set(term, 0);
  const total = question.terms.reduce((sum, term) => sum + (local.get(term) ?? 0), 0) || 1;
  const known = question.type === 'general' ? new Set([...all, ...titleTerms]) : null;
  const speakers = sentenceSpeakers(release);
  // The speaker's country and the question's own are no answer to "which country".
  const given = question.type === 'country' || question.type === 'countries' ? new Set(['US', ...question.countryCodes]) : NONE;
  const askedSpeaks = speakerMatcher(question, speakers);
  // Best first; of equal scores the earlier sentence first, as when reading in order. Only positive scores count.
  const top: { index: number; score: number }[] = [];
  for (const { index, share, ceiling } of answerCandidates(all, local, total, occurrences, question)) {
    const floor = top.length === count ? top[count - 1]!.score : 0;
    if (ceiling + ROUNDING_SLACK < floor) continue; // not even with every bonus could it make the top
    const text = release.sentences[index]!.text;
    if (isBoilerplate(text)) continue;
    // A preamble says who issued the text: an answer to "who" and "which countries", a restatement otherwise.
    if (isPreamble(text) && question.type !== 'who' && question.type !== 'countries' && question.type !== 'country') continue;
    let score = answerScore(share, text, sentences[index]!, question, known, given);
    // A reporter's question restates what is asked about; the answer is in what the speakers say.
    const speaker = speakers[index];
    if (speaker && isQuestionerLabel(speaker)) {
      // A reporter asking what the user asks ("what is the biggest difference …?"): the reply that follows answers,
      // and the question itself is not quoted as what was said.
      if (answering && question.type === 'general') {
        const reply = replyTo(speakers, index);
        if (reply >= 0 && !isBoilerplate(release.sentences[reply]!.text)) insert(top, reply, REPLY_SHARE * score, count);
        continue;
      }
      score -= QUESTIONER_PENALTY;
    } else if (speaker && askedSpeaks && !askedSpeaks(speaker)) score -= OTHER_SPEAKER_PENALTY;
    if (score <= 0) continue;
    insert(top, index, score, count);
  }
  return top;
}

/** Puts a scored sentence in its place among the best `count` (best first, earlier first on ties), once. */
function insert(top: { index: number; score: number }[], index: number, score: number, count: number): void {
  const existing = top.findIndex((other) => other.index === index);
  if (existing >= 0) {
    if (top[existing]!.score >= score) return;
    top.splice(existing, 1);
  }
  const at = top.findIndex((other) => score > other.score || (score === other.score && index < other.index));
  top.splice(at < 0 ? top.length : at, 0, { index, score });
  if (top.length > count) top.pop();
}

/** The first sentence of the turn that answers a reporter's: the next turn of a speaker who is not a questioner; -1 when none. */
function replyTo(speakers: (string | null)[], index: number): number {
  for (let i = index + 1; i < speakers.length; i++) {
    const speaker = speakers[i];
    if (speaker && !isQuestionerLabel(speaker)) return i;
  }
  return -1;
}

/**
 * When the question sets a scene before it asks ("kerry's saudi visit: which programs …", "… when he met the
 * AFL-CIO"), the scene's words pick the release and often its opening sentence, but the answer holds the asked
 * words: they get ASKED_SHARE of the question's weight, the scene the rest.
 */
function weighAskedClause(question: ParsedQuestion, local: Map<string, number>): void {
  if (question.asked.length === 0) return;
  const asked = new Set(question.asked);
  let askedWeight = 0;
  let sceneWeight = 0;
  for (const term of question.terms) {
    if (asked.has(term)) askedWeight += local.get(term) ?? 0;
    else sceneWeight += local.get(term) ?? 0;
  }
  const whole = askedWeight + sceneWeight;
  if (askedWeight === 0 || askedWeight >= ASKED_SHARE * whole) return;
  for (const [term, weight] of local) {
    local.set(term, weight * (asked.has(term) ? (ASKED_SHARE * whole) / askedWeight : ((1 - ASKED_SHARE) * whole) / sceneWeight));
  }
}

const ASKED_SHARE = 0.8;

// A ceiling is summed in another order than the score it bounds, so the two may differ in the last bits.
const ROUNDING_SLACK = 1e-9;

interface AnswerCandidate {
  index: number;
  /** The sentence's share of the question's weight (0–1). */
  share: number;
  /** The most the sentence can score: its share plus every bonus it could earn (all other adjustments lower it). */
  ceiling: number;
}

/**
 * The sentences holding some of the question's weight (only those can answer), highest ceiling first: the best is
 * found early and most of the others need no closer look.
 */
function answerCandidates(
  all: string[],
  local: Map<string, number>,
  total: number,
  occurrences: TermOccurrences,
  question: ParsedQuestion,
): AnswerCandidate[] {
  // Each sentence's weights are added in the order of the question's terms, which fixes how the sum rounds.
  const matched = new Map<number, number>();
  for (const term of all) {
    const weight = local.get(term) ?? 0;
    for (const index of occurrences.of(term)) matched.set(index, (matched.get(index) ?? 0) + weight);
  }
  const candidates: AnswerCandidate[] = [];
  for (const [index, weight] of matched) {
    if (weight === 0) continue;
    const share = Math.min(1, weight / total);
    const terms = occurrences.sentences[index]!;
    const wordingBonus = (namesFocus(question, terms) ? FOCUS_BONUS : 0) + (saysVerb(question, terms) ? VERB_BONUS : 0);
    candidates.push({ index, share, ceiling: share + TYPE_BONUS[question.type] + wordingBonus });
  }
  return candidates.sort((a, b) => b.ceiling - a.ceiling || a.index - b.index);
}

/** A sentence's score as an answer: its share of the question's weight, plus or minus what its wording tells. */
function answerScore(
  share: number,
  text: string,
  terms: Set<string>,
  question: ParsedQuestion,
  known: Set<string> | null,
  given: ReadonlySet<string>,
): number {
  const traits = traitsOf(text);
  const bonus = typeBonus(question, text, traits, given);
  // A "when" answered without a date, a "how many" without a number: its words alone carry less.
  let score = bonus === 0 && question.type !== 'general' ? MISSING_KIND_SHARE * share : share;
  score += bonus;
  if (traits.count && namesFocus(question, terms)) score += FOCUS_BONUS;
  if (saysVerb(question, terms)) score += VERB_BONUS;
  if (traits.dangling) score -= 0.03;
  if (traits.meeting && question.type === 'general') score -= MEETING_SCENE_PENALTY;
  // A sentence that only restates the question ("X met Y") does not answer it.
  if (known) {
    let fresh = 0;
    for (const term of terms) if (!known.has(term)) fresh++;
    if (terms.size > 0 && fresh / terms.size < 0.5) score -= 0.15;
  }
  if (traits.words < 6) score -= 0.1;
  if (traits.words > 60) score -= 0.05;
  return score;
}

/** The term names a country the release is about: like a word of its title, it picks the release, not the sentence. */
function namesSubject(release: Release, question: ParsedQuestion, term: string): boolean {
  return question.countryTerms.get(term)?.some((code) => release.countries.includes(code)) ?? false;
}

function namesFocus(question: ParsedQuestion, terms: Set<string>): boolean {
  return question.focus.some((thing) => terms.has(thing));
}

function saysVerb(question: ParsedQuestion, terms: Set<string>): boolean {
  return question.verb.some((verb) => terms.has(verb));
}

/**
 * Whether a transcript's speaker is the one a "what did X say" question asks about; null when no speaker of the
 * release is (a statement, or X is "the US").
 */
function speakerMatcher(question: ParsedQuestion, speakers: (string | null)[]): ((speaker: string) => boolean) | null {
  if (question.speaker.length === 0) return null;
  const matches = (speaker: string) => speaker.toLowerCase().split(/\s+/).some((word) => question.speaker.includes(word));
  return speakers.some((speaker) => speaker !== null && matches(speaker)) ? matches : null;
}

/**
 * What a transcript's score gains or loses. Briefings and remarks touch on everything in passing, so a statement
 * about the subject is the better source, unless the question asks what a speaker of the transcript said ("how
 * did Blinken describe …"). A counterpart's words ("what did FM Kuleba say …") are only in transcripts: a readout
 * tells what the Secretary said. A question that names a spoken source as where something was said ("at the joint
 * presser", "ned price briefing: …") asks for the transcript: on 32 questions about releases never seen, two twins
 * (a statement and the briefing that repeats it, a joint statement and the presser) went the transcript's way, and
 * on 764 read questions one more release was found, none lost.
 */
function transcriptAdjustment(release: Release, question: ParsedQuestion): number {
  const speakers = sentenceSpeakers(release);
  const asked = speakerMatcher(question, speakers);
  if (!asked) return question.spokenSource ? 0 : -TRANSCRIPT_PENALTY;
  return speakers.some((speaker) => speaker !== null && asked(speaker) && isCounterpartLabel(speaker)) ? COUNTERPART_WORDS_BONUS : -OWN_WORDS_TRANSCRIPT_PENALTY;
}

/** What a sentence loses in a transcript when another speaker than the one asked about says it. */
const OTHER_SPEAKER_PENALTY = 0.3;
/** What a sentence saying who met whom loses when the question asks what was said or done there. */
const MEETING_SCENE_PENALTY = 0.2;
const NONE: ReadonlySet<string> = new Set();
/**
 * The share of a reporter's matching question that the first sentence of the reply gets, when the answer is chosen.
 * Measured on 420 questions: phrase +2 with 0.6 or 0.8, no loss; in release ranking too, or for "who" (a moderator
 * introduces people), it cost answers.
 */
const REPLY_SHARE = 0.6;
/** What a sentence in a reporter's or moderator's turn loses: it asks, it does not answer. */
const QUESTIONER_PENALTY = 0.3;
/** How much more the words of what the question is about ("about the protests") weigh in choosing the sentence. */
const TOPIC_WEIGHT = 2;
/** What is left of the share of a sentence that lacks what the question's type asks for (a date, a number, a name). */
const MISSING_KIND_SHARE = 0.6;
/** What a sentence earns for the verb a "what did X urge" question asks about. */
const VERB_BONUS = 0.1;
/** What a "how many" answer earns for naming the counted thing with a number. */
const FOCUS_BONUS = 0.3;
/** What a sentence of the kind the question asks for earns (at most, for countries: it grows with each one named). */
const TYPE_BONUS: Record<QuestionType, number> = { number: 0.25, time: 0.25, when: 0.15, who: 0.15, countries: 0.3, country: 0.15, where: 0.08, general: 0 };
/** "today", "on Monday": a date, but a weaker answer to "when" than one a reader can place on a calendar. */
const RELATIVE_DATE_BONUS = 0.05;

/**
 * How many countries a sentence names besides the `given` ones (the United States, the question's own): asked
 * "which country besides Japan came up", "Japanese" is no answer.
 */
function newCountries(text: string, given: ReadonlySet<string>): number {
  let count = 0;
  for (const code of countriesNamed(text)) if (!given.has(code)) count++;
  return count;
}

function typeBonus(question: ParsedQuestion, text: string, traits: SentenceTraits, given: ReadonlySet<string>): number {
  switch (question.type) {
    case 'number':
      return traits.count ? TYPE_BONUS.number : 0;
    case 'time':
      return traits.clock ? TYPE_BONUS.time : traits.date ? RELATIVE_DATE_BONUS : 0;
    case 'when':
      return traits.calendarDate ? TYPE_BONUS.when : traits.date ? RELATIVE_DATE_BONUS : 0;
    case 'who':
      return namesPerson(text, question.terms) ? TYPE_BONUS.who : 0;
    case 'countries':
      return Math.min(TYPE_BONUS.countries, 0.06 * newCountries(text, given));
    case 'country':
      // One country is asked for: a sentence naming one is as good as a list.
      return newCountries(text, given) > 0 ? TYPE_BONUS.country : 0;
    case 'where':
      return traits.place ? TYPE_BONUS.where : 0;
    default:
      return 0;
  }
}

/** The day a question asks about as a release would write it ("June 21", "Jun. 21", "21 June"); null for a longer period. */
function dayPattern(range: DateRange): RegExp | null {
  if (!range.from || range.from !== range.to) return null;
  const date = new Date(`${range.from}T12:00:00Z`);
  const month = date.toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
  const day = date.getUTCDate();
  return new RegExp(`\\b(${month}|${month.slice(0, 3)}\\.?)\\s+${day}\\b|\\b${day}\\s+${month}\\b`, 'i');
}

function mentions(release: Release, pattern: RegExp): boolean {
  return pattern.test(release.title) || release.paragraphs.some((p) => pattern.test(p));
}

/** A question's time reference widened by a little: events are often announced a day or a few after they happen. */
export function withSlack(range: DateRange): DateRange {
  return widenRange(range, 1, 3);
}

/**
 * The answer: the best sentence, with the one before it when it leans on it, or the next when it is short or only
 * opens the release; or, when another sentence answers about as well (`second`), both in the order of the release.
 */
export function answerText(release: Release, sentenceIndex: number, second?: number): string {
  const sentences = release.sentences;
  if (second !== undefined && second !== sentenceIndex) {
    // Sentences apart in the release are joined with an ellipsis, so the quote does not read as continuous.
    const gap = Math.abs(second - sentenceIndex) > 1 ? ' … ' : ' ';
    return [sentenceIndex, second].sort((a, b) => a - b).map((index) => sentences[index]!.text).join(gap);
  }
  const best = sentences[sentenceIndex]!;
  const parts = [best.text];
  const previous = sentences[sentenceIndex - 1];
  if (startsDangling(best.text) && previous && previous.paragraph === best.paragraph && isProse(previous.text)) {
    parts.unshift(previous.text);
  } else if (traitsOf(best.text).words < 12 || isOpening(release, sentenceIndex)) {
    const next = sentences[sentenceIndex + 1];
    if (next && next.paragraph === best.paragraph && isProse(next.text)) parts.push(next.text);
  }
  return parts.join(' ');
}

/** The release's first sentence of prose: usually who met whom, with what they said in the next one. */
function isOpening(release: Release, sentenceIndex: number): boolean {
  return release.sentences.findIndex((sentence) => isProse(sentence.text)) === sentenceIndex;
}

function isProse(sentence: string): boolean {
  return !isBoilerplate(sentence) && !isPreamble(sentence);
}
