import { countryReferences, countryTermsFor, expandCountryTerms, type CountryTerms } from '../countries/index.js';
import { writtenOutAbbreviations } from '../nlp/abbreviations.js';
import { organizationTerms } from '../nlp/organizations.js';
import { synonymTerms } from '../nlp/synonyms.js';
import { searchTerm, searchTerms } from '../nlp/terms.js';
import { taggedWords } from '../nlp/wink.js';
import { findTimeReference, type TimeContext, type TimeReference } from '../nlp/time.js';

/** What the answer names: a number, a clock time, a date, a person, a place, one country or several, or anything. */
export type QuestionType = 'number' | 'time' | 'when' | 'who' | 'where' | 'country' | 'countries' | 'general';

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
  /** What a "how many …" question counts ("agencies", or "people and entities"): the answer names it with a number. */
  focus: string[];
  /** Terms of what the question is about ("what did Blinken say about the protests in Colombia" → protest, colombia). */
  topic: string[];
  /**
   * Terms (expansions included) of the clause that asks, when the question also sets a scene: "kerry's saudi visit:
   * which programs will the US engage on?", "what post did Blinken announce when he met the AFL-CIO?". Empty when
   * the whole question asks.
   */
  asked: string[];
  /** The verb a "what did X …" question asks about, with its synonyms ("urge", "agree", "discuss"): the answer says it. */
  verb: string[];
  /** Lowercase words naming who a "what did X say/tell …" question asks about ("blinken", "kuleba"): in a transcript, their turns answer. */
  speaker: string[];
  /** The question asks about something planned ("when is …", "what time is …", "was due in …", "will …"). */
  planned: boolean;
  /** Terms of what the question sets aside ("besides ISIS and COVID, what did …"): known to the asker, not the answer. */
  setAside: string[];
  /** The question names a spoken source ("at the briefing", "the joint presser", "in his speech"): a transcript may answer. */
  spokenSource: boolean;
}

export function parseQuestion(question: string, timeContext: TimeContext): ParsedQuestion {
  const found = findTimeReference(question, timeContext);
  // "who will run the embassy from August": the time of an event announced before it, not of the release.
  const time = found?.explicit && FUTURE.test(question) ? { ...found, explicit: false } : found;
  // "what did the State Department say": the speaker of nearly every release, not what is asked about. Chat's
  // abbreviations ("state dept") and amounts ("$266m") are read in the words of releases.
  const rest = writtenOutAmounts(writtenOutAbbreviations(time ? question.replace(time.text, ' ') : question).replace(DEPARTMENT_AS_SPEAKER, '$1 '));
  // "according to Blinken" names a source, not an accord.
  const searched = rest.replace(ACCORDING_TO_WORDS, ' ');
  const terms = searchTerms(searched);
  const countries = expandCountryTerms(rest);
  const own = new Set(terms);
  const expansions = expansionsOf(searched, terms, countries).filter((term) => !own.has(term));
  // "when blinken talked to maas, what did he say …": the clause that asks has the type, not the scene.
  const type = questionType(askedClause(question) ?? question);
  return {
    terms,
    expansions,
    countryCodes: countries.codes,
    countryTerms: countryTermsOf(rest, countries),
    time,
    type,
    focus: countedThings(question),
    // "which programs did …": the thing asked for weighs like a topic; for a person or a country the type says it.
    topic: type === 'general' ? [...new Set([...topicTerms(rest), ...askedThing(rest)])] : topicTerms(rest),
    asked: askedTerms(rest),
    verb: askedVerb(rest),
    speaker: askedSpeaker(rest),
    planned: FUTURE.test(question) || PLANNED.test(question),
    setAside: setAsideTerms(rest),
    spokenSource: SPOKEN_SOURCE.test(question),
  };
}

/** "what did Blinken tell Merkel" → blinken; "how did FM Kuleba describe Ukraine" → fm, kuleba. */
function askedSpeaker(question: string): string[] {
  const match = SPEAKER_ASKED.exec(question) ?? ACCORDING_TO.exec(question);
  if (!match) return [];
  return match[1]!.toLowerCase().split(/[\s’']+/).filter((word) => word.length > 1 && !SPEAKER_FILLER.has(word));
}

const SPEAKER_ASKED =
  /\b(?:what|how)\s+(?:did|does|do|has|have|will|would)\s+((?:[\w.’'-]+\s+){0,4}?[\w.’'-]+)\s+(say|said|tell|told|describe|call|think|want|urge|stress|mean|reply|respond|answer|add|mention|promise|explain|express|emphasi[sz]e)\b/i;
const ACCORDING_TO = /\baccording to\s+((?:[\w.’'-]+\s+){0,2}?[\w.’'-]+)(?=\s+(?:when|in|on|at|during|after|before|about)\b|[,?.!]|$)/i;
// Titles name no one in particular: "minister" is in every minister's speaker label.
const SPEAKER_FILLER = new Set(['the', 'a', 'an', 's', 'of', 'and', 'us', 'u.s.', 'he', 'she', 'they', 'it', 'we', 'you', 'i', 'minister', 'foreign', 'defense', 'defence', 'prime', 'president', 'vice', 'deputy', 'assistant', 'under', 'acting', 'fm', 'pm', 'ambassador', 'special', 'envoy', 'spokesperson']);

// The source as where something was said ("at the joint presser", "per the briefing", "ned price briefing: …"), not
// as the thing asked about ("who's giving the briefing", "where can i watch the speech"): an announcement answers those.
const SPOKEN_SOURCE_NOUN = String.raw`(?:briefings?|pressers?|press (?:conference|availability|avail)|interviews?|speech|remarks|testimony|town ?hall)`;
const SPOKEN_SOURCE = new RegExp(
  String.raw`\b(?:at|in|during|from|per|according to)\b[^,.?:;]{0,60}?\b${SPOKEN_SOURCE_NOUN}\b|^[^,.?:;]{0,60}\b${SPOKEN_SOURCE_NOUN}\s*[:–—-]\s|\btold reporters\b`,
  'i',
);
const FUTURE = /\b(will|going to|upcoming|plans? to|is to|are to|(?:is|are) \w+ing)\b/i;
const PLANNED = /\b(?:due|scheduled|supposed to|set to|planned)\b|\b(?:when|what time|what day)(?: and time)? (?:is|are)\b|\bwhen['’]s\b/i;
const ACCORDING_TO_WORDS = /\baccording to\b/gi;
const DEPARTMENT_AS_SPEAKER = /\b(did|does|do|has|have|will|would|is|was|according to)\s+(?:the\s+)?(?:state department|state dept\.?|department of state|state)\b/gi;

/** "$266m", "1.5bn", "10k" as chat writes them, in the words of releases: "266 million", "1.5 billion", "10 thousand". */
function writtenOutAmounts(text: string): string {
  return text.replace(AMOUNT, (_, number: string, spaced: string | undefined, attached: string | undefined) => `${number} ${AMOUNT_UNITS[(spaced ?? attached)!.toLowerCase()]}`);
}

// A lone letter only when attached ("25m"): "section 3 b" is no amount.
const AMOUNT = /(\d+(?:\.\d+)?)(?:\s?(mn|mln|bn)|(m|b|k))\b/gi;
const AMOUNT_UNITS: Record<string, string> = { m: 'million', mn: 'million', mln: 'million', bn: 'billion', b: 'billion', k: 'thousand' };

/** Auxiliary verbs, as a regular-expression alternation: "which programs DID …", "IS there …". */
const AUXILIARY = 'did|does|do|is|are|was|were|will|would|has|have|had|can|could|should';

/** "besides ISIS and COVID, what …", "… apart from migration?" → isis, covid; migrat. */
function setAsideTerms(question: string): string[] {
  const match = SET_ASIDE.exec(question);
  return match ? searchTerms(match[1]!) : [];
}

// Up to the end of the phrase: a comma, or the question word or verb that goes on ("besides oman where are …").
const SET_ASIDE = new RegExp(`\\b(?:besides|apart from|aside from|other than|in addition to)\\s+(.+?)(?=[,?;:]|\\s+\\b(?:what|which|who|whom|where|when|how|${AUXILIARY})\\b|$)`, 'i');

// The subject asked for, then its verb; not "what did …".
const SUBJECT_VERB = new RegExp(`\\b(?:who|(?:which|what)\\s+(?!(?:${AUXILIARY})\\b)\\w+)\\s+(\\w+)`, 'i');

/** "what did Blinken urge …" → urge; "what has the US pledged …" → pledge. */
function askedVerb(question: string): string[] {
  // "who chaired the board", "which contractor built the embassy": the verb right after the subject asked for.
  const subject = SUBJECT_VERB.exec(question);
  if (subject) {
    const { tags } = taggedWords(subject[0]);
    const word = subject[1]!;
    if (tags[tags.length - 1] === 'VERB' && !/^(do|be|have|get|make)$/i.test(word)) {
      const terms = searchTerm(word);
      return [...terms, ...synonymTerms(terms)];
    }
  }
  // "what did ned price say": the tagger may take a name for the verb; the speaker's verb is known.
  const spoken = SPEAKER_ASKED.exec(question);
  if (spoken) {
    const terms = searchTerm(spoken[2]!);
    return [...terms, ...synonymTerms(terms)];
  }
  const match = /\b(?:what|which|who|whom)\b[^?,;:]*?\s(?:did|does|do|will|would|has|have|had)\s+(.+)$/i.exec(question);
  if (!match) return [];
  const { words, tags } = taggedWords(match[1]!);
  for (let i = 0; i < words.length; i++) {
    if (tags[i] !== 'VERB') continue;
    // "what did state say": a noun read as a verb, then the verb.
    const word = tags[i + 1] === 'VERB' ? words[i + 1]! : words[i]!;
    if (/^(do|be|have|get|make)$/i.test(word)) return [];
    const terms = searchTerm(word);
    return [...terms, ...synonymTerms(terms)];
  }
  return [];
}

/**
 * The clause that asks, without the scene set before a colon or dash, in a leading "after …," or in a trailing
 * "when they met …"; null when nothing sets a scene.
 */
export function askedClause(question: string): string | null {
  let asked = question.trim();
  const segments = asked.split(/\s+[—–-]{1,2}\s+|:\s+/).filter((segment) => searchTerms(segment).length > 0);
  // "… — is there any formal process?", not "cuba chicken imports — ned price figure": the clause after asks.
  if (segments.length > 1 && ASKS.test(segments[segments.length - 1]!)) asked = segments[segments.length - 1]!;
  // "when blinken talked to maas, what did he say …" sets a scene; "when will they meet, and where?" asks.
  const leading = LEADING_SCENE.exec(asked);
  if (leading && searchTerms(leading[1]!).length > 0) asked = leading[1]!;
  // "when" that joins a clause ("… when he met …"), not the question word ("… when is the next round?").
  // "going after", "looking after": a verb's particle, not a clause.
  const trailing = TRAILING_SCENE.exec(asked);
  if (trailing && searchTerms(trailing[1]!).length > 0) asked = trailing[1]!;
  return asked === question.trim() ? null : asked;
}

// The scene-setting clauses askedClause() takes away.
const LEADING_SCENE = new RegExp(
  `^(?:after|before|during|following|(?:when|while)(?!\\s+(?:${AUXILIARY})\\b)|at|on|in|with|as for|regarding|besides|apart from|aside from|other than)\\b[^,?]*,\\s*(.+)$`,
  'i',
);
const TRAILING_SCENE = new RegExp(
  `^(.+?)(?<!\\b(?:go|goes|going|went|gone|look|looks|looking|looked|come|comes|coming|came|run|running|ran|chase|chasing|chased|take|takes|taking|took))\\s+\\b(?:when|while|during|after|before)\\s+(?!(?:${AUXILIARY})\\b).+$`,
  'i',
);
const ASKS = new RegExp(`\\b(?:what|which|who|whom|whose|when|where|why|how)\\b|^\\W*(?:${AUXILIARY})\\b|\\?\\s*$`, 'i');

function askedTerms(question: string): string[] {
  const clause = askedClause(question);
  if (clause === null) return [];
  const terms = searchTerms(clause);
  return [...new Set([...terms, ...expansionsOf(clause, terms, expandCountryTerms(clause))])];
}

/** The terms releases may use for a text's: its countries' names, synonyms, organizations' names and acronyms. */
function expansionsOf(text: string, terms: string[], countries: CountryTerms): string[] {
  return [...new Set([...searchTerms(countries.terms.join(' ')), ...synonymTerms(terms), ...organizationTerms(text)])];
}

// "about X", up to where the sentence goes on to something else ("… when he met …", "… at the State Department").
const TOPIC = /\b(?:about|regarding|concerning)\s+(.+?)(?=\s+\b(?:when|while|during|after|before|since|as|at the|with|to|from)\b|[?.!,;]|$)/i;

/** "which US programs did …", "what post did …": the thing asked for, named by the answer. */
function askedThing(question: string): string[] {
  const match = ASKED_THING.exec(question);
  return match ? searchTerm(match[1]!) : [];
}

const ASKED_THING = new RegExp(`\\b(?:which|what)\\s+(?:(?:kind|sort|type)\\s+of\\s+)?(?:[\\w’'-]+\\s+){0,3}?(?!(?:${AUXILIARY})\\b)([\\w’'-]+)\\s+(?:${AUXILIARY})\\b`, 'i');

function topicTerms(question: string): string[] {
  const match = TOPIC.exec(question);
  // "what did they talk about in Stockholm": the topic is what is asked, not the place.
  if (!match || /^(in|at|on|during|with|to|for|from)\b/i.test(match[1]!)) return [];
  return searchTerms(match[1]!);
}

/** "which former US president", "what UN envoy": a person is asked for. */
const WHICH_PERSON =
  /\b(which|what) (?!(?:did|does|do|has|have|had|will|would|is|was|are|were)\b)(\w+ ){0,2}(presidents?|ministers?|officials?|envoys?|ambassadors?|secretary|leaders?|spokesperson|diplomats?|journalists?|activists?|judges?|commanders?|representatives?|coordinators?|chairman|chairwoman|chair|person|people|individuals?|contractors?|compan(?:y|ies)|firms?)\b(?! (general|council|office|day|report|commission)\b)/;

function questionType(question: string): QuestionType {
  const q = question.toLowerCase();
  if (/\bhow (many|much|large|big)\b|\b(what|which) (number|percentage|percent|share|proportion|fraction|portion|amount|sum|figure)\b/.test(q)) return 'number';
  if (/\b(what|which) ((day|date) and )?time\b(?! (period|frame|span))|\bat what hour\b/.test(q)) return 'time';
  if (/^\W*when\b|\b(since|until|by) when\b|\bwhen (is|are|was|were|will|would|did|does|do|can|could|should|has|have|had)\b|\b(what|which) (dates?|days?|years?|months?|time (period|frame|span))\b|\b(what|which) (were|was|are|is) the (dates?|days?)\b|\bhow (long|far back|old)\b/.test(q)) return 'when';
  if (/\b(which|what) (countries|nations|governments|states)\b|\bwhich .*\b(countries|governments)\b/.test(q)) return 'countries';
  // "which african country", not "what did state say".
  if (/\b(which|what) (?!(?:did|does|do|has|have|had|will|would|is|was|are|were|can|could|should)\b)(\w+ )?(country|nation|government|state)\b(?!s)/.test(q)) return 'country';
  // "the WHO plan": the World Health Organization, in capitals.
  if (/\b(?!WHO\b)[Ww][Hh][Oo](m|se)?\b/.test(question) || WHICH_PERSON.test(q)) return 'who';
  // "where does the UAE rank", "where do talks stand": a standing, not a place.
  if (/\bwhere\b/.test(q) && !/\bwhere (does|do|did|is|are) .*\b(rank|ranks|stand|stands)\b/.test(q)) return 'where';
  return 'general';
}

/** The noun phrase after "how many"/"how much"/"number of", up to the verb: "belarusian journalists and media workers". */
function countedThings(question: string): string[] {
  const match = /\b(?:how (?:many|much)|number of|amount of)\s+(.*)$/i.exec(question);
  if (!match) return [];
  const { words, tags } = taggedWords(match[1]!);
  const things: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!NOUN_PHRASE_TAGS.has(tags[i]!)) break;
    for (const term of searchTerm(words[i]!)) things.push(term);
  }
  return things;
}

const NOUN_PHRASE_TAGS = new Set(['NOUN', 'PROPN', 'ADJ', 'CCONJ']);

function countryTermsOf(text: string, expanded: CountryTerms): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const add = (term: string, code: string) => found.set(term, [...new Set([...(found.get(term) ?? []), code])]);
  for (const { code, words } of countryReferences(text)) for (const word of words) for (const term of searchTerm(word)) add(term, code);
  // The names the question's countries go by in releases ("madagascar", "malagasy" for "antananarivo").
  for (const code of expanded.codes) for (const term of searchTerms(countryTermsFor(code).join(' '))) add(term, code);
  return found;
}
