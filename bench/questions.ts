/**
 * The fixed question list: the evaluation questions (when ../shared is there) plus questions generated
 * deterministically from real release sentences, about 12 words each, worded the way people type in chat.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import type { RawRelease } from '../src/corpus/release.js';
import type { DateRange } from '../src/search/types.js';
import { SHARED_DIR } from './corpus.js';
import { seededRandom, type Random } from './random.js';
import { contentWords, normalizeTitle, roughSentences } from './text.js';

export const EVAL_QUESTIONS_PATH = path.join(SHARED_DIR, 'eval/questions.jsonl');
export const DEFAULT_QUESTION_COUNT = 240;

export interface BenchQuestion {
  id: string;
  text: string;
  /** The release that answers it (evaluation questions only). */
  gold?: { title: string; date: string };
}

export interface CountryQuery {
  name: string;
  range?: DateRange;
}

interface EvalLine {
  id: string;
  corpus: string;
  question: string;
  gold_title: string;
  gold_date: string;
}

export function loadEvalQuestions(file = EVAL_QUESTIONS_PATH): BenchQuestion[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => {
      const item = JSON.parse(line) as EvalLine;
      return { id: item.id, text: item.question, gold: { title: normalizeTitle(item.gold_title), date: item.gold_date } };
    });
}

/** Contact lines, links and addresses: nobody asks about those. */
const BOILERPLATE = /https?:|www\.|@|\.gov\b|\bcontact\b|\bemail\b/i;

type Template = (topic: string, release: RawRelease, random: Random) => string;

const monthYear = (release: RawRelease): string => DateTime.fromISO(release.date).toFormat('LLLL yyyy');
const monthDay = (release: RawRelease): string => DateTime.fromISO(release.date).toFormat('LLLL d');

/** Each wraps 5–9 content words into a question of roughly 12 words. */
const TEMPLATES: { contentWords: [number, number]; build: Template }[] = [
  { contentWords: [6, 8], build: (topic) => `what did the US say about ${topic}` },
  { contentWords: [6, 8], build: (topic, release) => `who met ${topic} in ${monthYear(release)}` },
  { contentWords: [5, 7], build: (topic) => `what did Blinken say about ${topic}?` },
  { contentWords: [8, 11], build: (topic) => topic },
  { contentWords: [6, 8], build: (topic) => `when did the State Department announce ${topic}` },
  { contentWords: [6, 8], build: (topic) => `what is the US position on ${topic}` },
  { contentWords: [5, 7], build: (topic, release) => `statement on ${monthDay(release)} about ${topic}` },
  { contentWords: [6, 8], build: (topic) => `did the Secretary discuss ${topic}?` },
  { contentWords: [6, 8], build: (topic) => `any news on ${topic} from state dept` },
];

/** `count` questions drawn from sentences of `releases`, the same every run for the same input. */
export function generateQuestions(releases: readonly RawRelease[], count: number, seed = 1203): BenchQuestion[] {
  const random = seededRandom(seed);
  const usable = releases.filter((release) => release.paragraphs.length > 0);
  const questions: BenchQuestion[] = [];
  for (let attempt = 0; questions.length < count && attempt < count * 50; attempt++) {
    const release = random.pick(usable);
    const sentence = random.pick(roughSentences(random.pick(release.paragraphs)));
    if (BOILERPLATE.test(sentence)) continue;
    const template = random.pick(TEMPLATES);
    const content = contentWords(sentence);
    const wanted = random.between(...template.contentWords);
    if (content.length < wanted) continue;
    const start = random.int(content.length - wanted + 1);
    const question = template.build(content.slice(start, start + wanted).join(' '), release, random);
    questions.push({ id: `g${String(questions.length + 1).padStart(3, '0')}`, text: random.next() < 0.5 ? question.toLowerCase() : question });
  }
  return questions;
}

/** The timed list: evaluation questions first (at most half), then generated ones, `count` in all. */
export function benchQuestions(evalQuestions: BenchQuestion[], releases: readonly RawRelease[], count: number): BenchQuestion[] {
  const fromEval = evalQuestions.slice(0, Math.ceil(count / 2));
  return [...fromEval, ...generateQuestions(releases, count - fromEval.length)];
}

const COUNTRY_INPUTS = [
  'Kenya', 'Thai', 'PRC', 'Burma', 'Georgia', 'Ethiopia', 'Israel', 'Qatar', 'Belarus', 'Afghanistan', 'Syria',
  'Iran', 'Ukraine', 'Russia', 'South Korea', 'North Korea', 'Japan', 'India', 'Pakistan', 'Mexico', 'Guatemala',
  'Honduras', 'El Salvador', 'Venezuela', 'Cuba', 'Nicaragua', 'Haiti', 'Brazil', 'Colombia', 'Nigeria', 'Sudan',
  'South Sudan', 'Somalia', 'Libya', 'Lebanon', 'Iraq', 'Saudi Arabia', 'Turkey', 'Greece', 'Cyprus', 'Germany',
  'France', 'United Kingdom', 'EU', 'Vatican', 'Kosovo', 'Serbia', 'Bosnia and Herzegovina', 'Taiwan', 'Hong Kong',
  'Vietnam', 'Philippines', 'Indonesia', 'Australia', 'Canada', 'Denmark', 'Sweden', 'Norway', 'Poland', 'Moldova',
  'Armenia', 'Azerbaijan', 'Kazakhstan', 'Nepal', 'Sri Lanka', 'Bangladesh', 'Egypt', 'Jordan', 'Tunisia', 'Morocco',
  'Mali', 'Niger', 'Chad', 'Cameroon', 'Mozambique', 'Zimbabwe', 'South Africa', 'Tanzania', 'Uganda', 'Rwanda',
  'Eritrea', 'Yemen', 'Oman', 'UAE', 'Bahrain', 'Kuwait', 'Kenyan', 'Swedish', 'Chinese', 'Israeli',
];

/** `count` country look-ups: names, demonyms and aliases, every other one limited to a month of 2021. */
export function countryQueries(count: number): CountryQuery[] {
  return Array.from({ length: count }, (_, index) => {
    const name = COUNTRY_INPUTS[index % COUNTRY_INPUTS.length]!;
    if (index % 2 === 0) return { name };
    const month = DateTime.fromObject({ year: 2021, month: 5 + (index % 4), day: 1 });
    return { name, range: { from: month.toISODate()!, to: month.endOf('month').toISODate()! } };
  });
}
