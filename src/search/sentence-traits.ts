import { expandCountryTerms } from '../countries/index.js';
import { searchTerm } from '../nlp/terms.js';
import { startsDangling } from './sentences.js';

/**
 * What a sentence's wording offers an answer, whatever the question: a date, a clock time, a count, a place, how many
 * countries it names, its length. Answering weighs the same sentences question after question, so each sentence's
 * traits are worked out once and remembered by its text (a bounded cache).
 */
export interface SentenceTraits {
  words: number;
  /** Starts with a word pointing back ("This", "He", "They"). */
  dangling: boolean;
  /** A number other than a date: "224 men, women, and children", "forty-four individuals". */
  count: boolean;
  clock: boolean;
  /** A date a reader can place on a calendar ("June 29", "2019"). */
  calendarDate: boolean;
  /** Any date, relative ones ("today", "on Monday") included. */
  date: boolean;
  /** "in Geneva", "at Brussels", "to Kyiv". */
  place: boolean;
  /** Says who met or spoke with whom ("Secretary Blinken spoke today with …"): a readout's scene. */
  meeting: boolean;
}

const TRAITS_CACHE_LIMIT = 200_000;
const traitsCache = new Map<string, SentenceTraits>();

export function traitsOf(text: string): SentenceTraits {
  let traits = traitsCache.get(text);
  if (!traits) {
    traits = {
      words: text.split(/\s+/).length,
      dangling: startsDangling(text),
      count: NUMBER_PATTERN.test(text.replace(DATES, ' ')),
      clock: CLOCK_PATTERN.test(text),
      calendarDate: CALENDAR_DATE_PATTERN.test(text),
      date: DATE_PATTERN.test(text) || VAGUE_TIME.test(text),
      place: PLACE_PATTERN.test(text),
      meeting: MEETING_PATTERN.test(text),
    };
    if (traitsCache.size >= TRAITS_CACHE_LIMIT) traitsCache.clear();
    traitsCache.set(text, traits);
  }
  return traits;
}

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
// A date a reader can place on a calendar: "June 21", "the 9th of December", "1791".
const CALENDAR_DATE = `${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}|(?:1[6-9]|20)\\d{2}`;
const DATE_PATTERN = new RegExp(`\\b(${CALENDAR_DATE}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|yesterday|\\d{1,2}:\\d{2}|[ap]\\.m\\.)`, 'i');
// "a second Leaders' Summit this fall", "in the coming weeks": when something is to happen, said without a date.
const VAGUE_TIME = /\b(?:(?:this|next|later this|early next|late next|by next)\s+(?:spring|summer|fall|autumn|winter|year|month|week)|(?:in|over) the (?:coming|next) (?:days|weeks|months|year)|later this (?:year|month)|(?:early|late|mid)-?(?:spring|summer|fall|autumn|winter))\b/i;
const CALENDAR_DATE_PATTERN = new RegExp(`\\b(${CALENDAR_DATE})\\b`, 'i');
const CLOCK_PATTERN = /\b\d{1,2}(:\d{2})?\s*[ap]\.?m\b|\b\d{1,2}:\d{2}\b|\bnoon\b/i;
const NUMBER_PATTERN = /\b\d[\d,.]*(?:st|nd|rd|th)?\b|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen)s?\b/i;
const DATES = new RegExp(DATE_PATTERN.source, 'gi');
// Initials and name particles may stand between the capitalized words: "Antony J. Blinken", "Marjolijn van Deelen".
const CAPITALIZED_RUN = /\b\p{Lu}[\p{Ll}’'-]+(?:\s+(?:\p{Lu}\.\s+|(?:van|von|de|da|del|der|den|al|el|bin|ibn|la|le|di|du|dos)\s+)?\p{Lu}[\p{Ll}’'-]+)+/gu;
/** Capitalized words that make up titles, offices, institutions and dates rather than a person's name. */
const NOT_NAME_WORDS = new Set(
  (
    'secretary deputy assistant under special representative envoy ambassador minister ministers prime foreign affairs president vice ' +
    'director general chief chairman chair chairwoman spokesperson acting senior principal coordinator counselor administrator governor ' +
    'senator congressman congresswoman king queen crown prince princess sheikh emir sultan his her their majesty excellency highness mr ms mrs dr ' +
    'state states united nations republic kingdom union european peninsula department ministry council security embassy embassies office ' +
    'bureau house white government administration coalition national international day agreement initiative program programme act court ' +
    'assembly party force forces army navy base commission committee organization dialogue summit conference forum fund bank treaty ' +
    'partnership strategy plan report center centre agency institute university the and of for on in to a an with by at from this ' +
    'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday ' +
    'defense defence trade finance economic political public health energy climate development human rights democratic people’s peoples ' +
    'north south east west northern southern eastern western central middle arab islamic federal'
  ).split(' '),
);
const MEETING_PATTERN = /\b(spoke|speaks|met|meets|held a (phone )?call|had a (phone )?call|talked)\b[^.;]{0,40}\bwith\b/i;
const PLACE_PATTERN = /\b(in|at|to)\s+[A-Z][a-z]+/;

/**
 * Some capitalized run that reads as the name of a person the question does not name ("Funakoshi Takehiro"), not an
 * office or an institution.
 */
export function namesPerson(text: string, questionTerms: string[]): boolean {
  for (const match of text.matchAll(CAPITALIZED_RUN)) {
    const words = match[0].split(/\s+/).filter((word) => /^\p{Lu}[\p{Ll}’'-]/u.test(word));
    const nameWords = words.filter((word) => {
      const bare = word.toLowerCase().replace(/[’']s$/, '');
      return !NOT_NAME_WORDS.has(bare) && !searchTerm(bare).some((term) => questionTerms.includes(term));
    });
    if (nameWords.length >= 2 || (nameWords.length === 1 && words.length >= 2 && nameWords[0] === words[words.length - 1])) {
      if (expandCountryTerms(match[0]).codes.length === 0) return true;
    }
  }
  return false;
}


// "Which countries" questions weigh many sentences by the countries they name, and the same sentences come up
// question after question: the codes are remembered by sentence text.
const countriesNamedCache = new Map<string, string[]>();
const COUNTRIES_NAMED_CACHE_LIMIT = 100_000;

/** The countries a text names, as codes. */
export function countriesNamed(text: string): string[] {
  let codes = countriesNamedCache.get(text);
  if (codes === undefined) {
    codes = expandCountryTerms(text).codes;
    if (countriesNamedCache.size >= COUNTRIES_NAMED_CACHE_LIMIT) countriesNamedCache.clear();
    countriesNamedCache.set(text, codes);
  }
  return codes;
}
