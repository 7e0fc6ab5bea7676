import { expandCountryTerms } from '../countries/index.js';
import { searchTerms } from '../nlp/terms.js';
import { findTimeReference, type TimeContext, type TimeReference } from '../nlp/time.js';

export type QuestionType = 'number' | 'when' | 'who' | 'where' | 'general';

/** What the engine understands of a typed question. */
export interface ParsedQuestion {
  /** Processed terms of the question itself (stop and question words dropped). */
  terms: string[];
  /** Extra terms from country aliases and demonyms ("thai" → Thailand). */
  expansions: string[];
  countryCodes: string[];
  time: TimeReference | null;
  type: QuestionType;
}

export function parseQuestion(question: string, timeContext: TimeContext): ParsedQuestion {
  const time = findTimeReference(question, timeContext);
  const rest = time ? question.replace(time.text, ' ') : question;
  const terms = searchTerms(rest);
  const countries = expandCountryTerms(rest);
  const own = new Set(terms);
  const expansions = searchTerms(countries.terms.join(' ')).filter((term) => !own.has(term));
  return { terms, expansions, countryCodes: countries.codes, time, type: questionType(question) };
}

function questionType(question: string): QuestionType {
  const q = question.toLowerCase();
  if (/\bhow (many|much)\b|\bwhat (number|percentage|amount)\b|\bhow large\b/.test(q)) return 'number';
  if (/\bwhen\b|\bwhat (time|date|day)\b|\bwhich (day|date)\b/.test(q)) return 'when';
  if (/\bwho(m|se)?\b/.test(q)) return 'who';
  if (/\bwhere\b/.test(q)) return 'where';
  return 'general';
}
