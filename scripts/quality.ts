import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Engine } from '../src/search/engine.js';
import { normalizeForMatch, releaseKey } from './shared.js';

/** A question of ../shared/eval/questions.jsonl (or a held-out file in the same format). */
export interface EvalQuestion {
  id: string;
  corpus: string;
  question: string;
  gold_title: string;
  gold_date: string;
  answer_phrases: string[];
  kind: string;
}

export interface Tally {
  n: number;
  hit1: number;
  hit3: number;
  phrase: number;
}

export interface QuestionOutcome {
  question: EvalQuestion;
  hit1: boolean;
  hit3: boolean;
  phrase: boolean;
  got: { title: string; date: string } | null;
  answer: string | null;
}

/** Hit@1, Hit@3 and the answer-phrase rate, overall ("all"), by corpus and by kind. */
export function answerQuality(engine: Engine, questions: EvalQuestion[]): { tallies: Map<string, Tally>; outcomes: QuestionOutcome[] } {
  const tallies = new Map<string, Tally>();
  const outcomes: QuestionOutcome[] = [];
  for (const q of questions) {
    const result = engine.ask(q.question, { limit: 3 });
    const gold = releaseKey(q.gold_title, q.gold_date);
    const keys = result.results.map((hit) => releaseKey(hit.release.title, hit.release.date));
    const answer = normalizeForMatch(result.answer?.text ?? '');
    const outcome: QuestionOutcome = {
      question: q,
      hit1: keys[0] === gold,
      hit3: keys.includes(gold),
      phrase: q.answer_phrases.some((p) => answer.includes(normalizeForMatch(p))),
      got: result.results[0] ? { title: result.results[0].release.title, date: result.results[0].release.date } : null,
      answer: result.answer?.text ?? null,
    };
    outcomes.push(outcome);
    for (const group of ['all', `corpus:${q.corpus}`, `kind:${q.kind}`]) {
      const t = tallies.get(group) ?? { n: 0, hit1: 0, hit3: 0, phrase: 0 };
      t.n++;
      t.hit1 += Number(outcome.hit1);
      t.hit3 += Number(outcome.hit3);
      t.phrase += Number(outcome.phrase);
      tallies.set(group, t);
    }
  }
  return { tallies, outcomes };
}

/** Questions the corpus cannot answer (cooking, sport, gadgets): the engine should say it found nothing. */
export const OFF_TOPIC_QUESTIONS = fileURLToPath(new URL('./off-topic-questions.txt', import.meta.url));

export function readLines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The off-topic questions that nonetheless got an answer. */
export function answeredOffTopic(engine: Engine, questions: string[]): { question: string; title: string }[] {
  const answered: { question: string; title: string }[] = [];
  for (const question of questions) {
    const { answer } = engine.ask(question);
    if (answer) answered.push({ question, title: answer.release.title });
  }
  return answered;
}
