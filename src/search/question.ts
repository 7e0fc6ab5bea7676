import { expandCountryTerms } from '../countries/index.js';
import { organizationTerms } from '../nlp/organizations.js';
import { synonymTerms } from '../nlp/synonyms.js';
import { searchTerm, searchTerms, tokenize } from '../nlp/terms.js';
import { findTimeReference, type TimeContext, type TimeReference } from '../nlp/time.js';

export type QuestionType = 'number' | 'time' | 'when' | 'who' | 'where' | 'countries' | 'general';

/** What the engine understands of a typed question. */
export interface ParsedQuestion {
  /** Processed terms of the question itself (stop and question words dropped). */
  terms: string[];
  /** Extra terms from country aliases and demonyms ("thai" → Thailand), synonyms and organizations ("WHO"). */
  expansions: string[];
  countryCodes: string[];
  time: TimeReference | null;
  type: QuestionType;
  /** Question terms that name a country ("thai", "canberra"), with the country they name. */
  countryTerms: Map<string, string[]>;
  /** What a "how many …" question counts ("agencies"): the answer sentence names it with a number. */
  focus: string | null;
  /** Terms of what the question is about ("what did Blinken say about the protests in Colombia" → protest, colombia). */
  topic: string[];
}

export function parseQuestion(question: string, timeContext: TimeContext): ParsedQuestion {
  const time = findTimeReference(question, timeContext);
  const rest = time ? question.replace(time.text, ' ') : question;
  const terms = searchTerms(rest);
  const countries = expandCountryTerms(rest);
  const own = new Set(terms);
  const expansions = [...new Set([...searchTerms(countries.terms.join(' ')), ...synonymTerms(terms), ...organizationTerms(rest)])].filter(
    (term) => !own.has(term),
  );
  return {
    terms,
    expansions,
    countryCodes: countries.codes,
    countryTerms: countryTermsOf(rest),
    time,
    type: questionType(question),
    focus: countedThing(question),
    topic: topicTerms(rest),
  };
}

// "about X", up to where the sentence goes on to something else ("… when he met …", "… at the State Department").
const TOPIC = /\b(?:about|regarding|concerning)\s+(.+?)(?=\s+\b(?:when|while|during|after|before|since|as|at the|with|to|from)\b|[?.!,;]|$)/i;

function topicTerms(question: string): string[] {
  const match = TOPIC.exec(question);
  // "what did they talk about in Stockholm": the topic is what is asked, not the place.
  if (!match || /^(in|at|on|during|with|to|for|from)\b/i.test(match[1]!)) return [];
  return searchTerms(match[1]!);
}

function questionType(question: string): QuestionType {
  const q = question.toLowerCase();
  if (/\bhow (many|much)\b|\bwhat (number|percentage|amount)\b|\bhow large\b/.test(q)) return 'number';
  if (/\b(what|which) time\b|\bat what hour\b/.test(q)) return 'time';
  if (/\bwhen\b|\b(what|which) (dates?|days?)\b|\b(what|which) (were|was|are|is) the (dates?|days?)\b|\bhow long\b/.test(q)) return 'when';
  if (/\b(which|what) (countries|country|nations|governments|states)\b|\bwhich .*\b(countries|governments)\b/.test(q)) return 'countries';
  if (/\bwho(m|se)?\b/.test(q)) return 'who';
  if (/\bwhere\b/.test(q)) return 'where';
  return 'general';
}

/** The first content word after "how many"/"how much"/"number of". */
function countedThing(question: string): string | null {
  const match = /\b(?:how (?:many|much)|number of|amount of)\s+(.*)$/i.exec(question);
  if (!match) return null;
  for (const token of tokenize(match[1]!)) {
    const [term] = searchTerm(token);
    if (term) return term;
  }
  return null;
}

function countryTermsOf(text: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const token of tokenize(text)) {
    const { codes } = expandCountryTerms(token);
    if (codes.length === 0) continue;
    for (const term of searchTerm(token)) found.set(term, codes);
  }
  return found;
}
