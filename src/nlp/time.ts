import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import type { DateRange } from '../search/types.js';

export interface TimeReference {
  range: DateRange;
  /** How the range reads to a person, e.g. "December 2, 2021" or "since March 1, 2021". */
  label: string;
  /** The words of the question that said it, to be left out of the text search. */
  text: string;
  /**
   * Said as a time to filter by ("in July 2021", "on December 2", "since March", "last week"), not as part of what
   * is asked about ("the june 21 election", "the April deal"): only explicit references filter.
   */
  explicit: boolean;
  /**
   * A date written without its year ("on March 31") is its latest occurrence in the corpus; these are the same dates
   * in the corpus' earlier years, latest first: the hint for an event's date counts in each of them, and an answer
   * found in one of them is labelled with its year.
   */
  earlierYears?: { range: DateRange; label: string }[];
}

export interface TimeContext {
  /** "Now", for relative references ("last week"). */
  today: string;
  /** The corpus' span: a date without a year means its latest occurrence within it. */
  corpusFirst: string | null;
  corpusLast: string | null;
}

const RELATIVE_PERIOD = /\b(?:(this|last|past|previous)\s+(week|month|year)|(today|yesterday)|(?:the\s+)?(?:past|last)\s+(\d{1,3})\s+(days|weeks|months))\b/i;

/** Finds the first time reference in a question and turns it into a date range, or null. */
export function findTimeReference(question: string, context: TimeContext): TimeReference | null {
  return relativePeriod(question, context) ?? calendarReference(question, context);
}

function relativePeriod(question: string, { today, corpusLast }: TimeContext): TimeReference | null {
  const match = RELATIVE_PERIOD.exec(question);
  // "ABC's This Week" is a title, not a period.
  if (!match || (match.index > 0 && /^[A-Z]/.test(match[0]) && /[A-Z]/.test(match[0].slice(1)))) return null;
  // An archive's "last week" is its own last week: relative to its newest release when that is older than today.
  const now = DateTime.fromISO(corpusLast && corpusLast < today ? corpusLast : today);
  const [text, which, unit, day, count, countUnit] = match;
  let from: DateTime;
  let to: DateTime = now;
  if (day) {
    from = day.toLowerCase() === 'today' ? now : now.minus({ days: 1 });
    to = from;
  } else if (count && countUnit) {
    from = now.minus({ [countUnit.toLowerCase()]: Number(count) });
  } else {
    const period = unit!.toLowerCase() as 'week' | 'month' | 'year';
    const w = which!.toLowerCase();
    if (w === 'this') from = now.startOf(period);
    else if (w === 'past') from = now.minus({ [period + 's']: 1 });
    else {
      from = now.minus({ [period + 's']: 1 }).startOf(period);
      to = from.endOf(period);
    }
  }
  const range = { from: from.toISODate()!, to: to.toISODate()! };
  return { range, label: rangeLabel(range), text, explicit: true };
}

// Only references that name a month or a year are kept, and chrono needs one of these words or a digit to find one;
// most questions have none, and parsing them is a good part of answering them.
const MAY_NAME_A_DATE =
  /\d|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b(tomorrow|tonight|ago|next|last|this|past|previous|week|month|year|quarter|weekend|now|today|yesterday|later|earlier)\b/i;

function calendarReference(question: string, context: TimeContext): TimeReference | null {
  if (!MAY_NAME_A_DATE.test(question)) return null;
  const reference = DateTime.fromISO(context.corpusLast ?? context.today).toJSDate();
  const results = dateParser.parse(question, reference);
  // "how many visas in May, per the July 14 briefing": the date of a release ("the July 14 briefing") says which one
  // is meant, and comes before the time of what it tells.
  const dated = results.findIndex((result) => datesRelease(question, result));
  if (dated > 0) results.unshift(...results.splice(dated, 1));
  for (const result of results) {
    const start = result.start;
    // A weekday or a clock time alone says nothing about which releases are meant.
    if (!start.isCertain('month') && !start.isCertain('year')) continue;
    const yearKnown = start.isCertain('year');
    // chrono reads "end of May" as May 31; it is the last part of the month, like "late May".
    const endOf = /^end of\s/i.test(result.text) && !result.end;
    const dayKnown = start.isCertain('day') && !endOf;
    const month = start.get('month')!;
    const year = yearKnown ? start.get('year')! : latestYearFor(month, dayKnown ? start.get('day')! : 1, context);
    let from: DateTime = DateTime.fromObject({ year, month, day: dayKnown ? start.get('day')! : 1 });
    let to: DateTime = dayKnown ? from : from.endOf('month');
    if (!start.isCertain('month')) {
      from = from.startOf('year');
      to = from.endOf('year');
    }
    if (result.end) {
      const end = result.end;
      to = DateTime.fromObject({ year: end.isCertain('year') ? end.get('year')! : year, month: end.get('month')!, day: end.get('day')! });
    }
    if (!from.isValid || !to.isValid) continue;
    let before = question.slice(0, result.index).toLowerCase();
    let text = result.text;
    // "late July", "early 2021", "mid-June": a part of the month or year.
    const written = endOf || dayKnown || result.end ? null : PART_OF_PERIOD.exec(before);
    const part = endOf ? 'end of' : (written?.[1] ?? null);
    if (part) [from, to] = partOf(from, to, part);
    if (written) {
      before = before.slice(0, written.index);
      text = written[0] + text;
    }
    const range: DateRange = { from: from.toISODate()!, to: to.toISODate()! };
    const explicit =
      datesRelease(question, result) ||
      /\b(in|on|during|since|after|from|before|until|by|between|of)\s+(the\s+)?(month\s+of\s+)?$/.test(before) ||
      /^\s*$/.test(before) ||
      (part !== null && /\bat\s+(the\s+)?$/.test(before));
    if (/\b(since|after|from)\s+(the\s+)?$/.test(before)) {
      range.to = undefined;
      text = before.match(/(since|after|from)\s+(the\s+)?$/)![0] + text;
    } else if (/\b(before|until|by)\s+(the\s+)?$/.test(before)) {
      range.from = undefined;
      text = before.match(/(before|until|by)\s+(the\s+)?$/)![0] + text;
    }
    const labelOf = (of: DateRange) => {
      const label = rangeLabel(of, dayKnown || Boolean(result.end));
      return part && of.from && of.to ? `${part} ${label}` : label;
    };
    const earlier = yearKnown || !start.isCertain('month') ? [] : earlierYearsOf(range, context).map((of) => ({ range: of, label: labelOf(of) }));
    return { range, label: labelOf(range), text, explicit, ...(earlier.length ? { earlierYears: earlier } : {}) };
  }
  return null;
}

/**
 * chrono's English parser, except that "may" is read as the month after any word that introduces a time ("late may",
 * "since may", "mid-may"), not only after "in": chrono drops it elsewhere because "may" is mostly the verb.
 */
const dateParser = (() => {
  const parser = chrono.en.casual.clone();
  const at = parser.refiners.findIndex((refiner) => refiner.constructor.name === 'ENUnlikelyFormatFilter');
  if (at < 0) return parser;
  const chronoFilter = parser.refiners[at]!;
  parser.refiners[at] = {
    refine(context, results) {
      const kept = chronoFilter.refine(context, results);
      const month = results.filter((result) => !kept.includes(result) && /^may$/i.test(result.text.trim()) && MONTH_MAY_BEFORE.test(context.text.slice(0, result.index)));
      return [...kept, ...month].sort((a, b) => a.index - b.index);
    },
  };
  return parser;
})();

/** The date is a release's own: "the July 14 briefing", "in the Aug 1 statement", "June 7's testimony". */
function datesRelease(question: string, result: chrono.ParsedResult): boolean {
  return RELEASE_AFTER_DATE.test(question.slice(result.index + result.text.length));
}

const RELEASE_AFTER_DATE = /^(?:,?\s*\d{4})?(?:['’]s)?\s+(?:press\s+|department\s+)?(?:briefing|statement|readout|remarks|interview|press conference|press availability|testimony|media note|speech|message)\b/i;
const MONTH_MAY_BEFORE = /\b(in|late|early|mid|since|until|till|before|during|after|from|of|through|throughout)[\s-]*$/i;

const PART_OF_PERIOD = /\b(early|mid|late|beginning of|start of|middle of|end of)(?:\s+|-)$/;

/** The first, middle or last third of a month or a year. */
function partOf(from: DateTime, to: DateTime, part: string): [DateTime, DateTime] {
  const days = to.diff(from, 'days').days + 1;
  const third = Math.floor(days / 3);
  if (part === 'early' || part === 'beginning of' || part === 'start of') return [from, from.plus({ days: third - 1 })];
  if (part === 'late' || part === 'end of') return [to.minus({ days: days - 2 * third - 1 }), to];
  return [from.plus({ days: third }), from.plus({ days: 2 * third - 1 })];
}

/** The most recent year in which month/day falls inside the corpus' span (else the corpus' last year). */
function latestYearFor(month: number, day: number, { corpusFirst, corpusLast, today }: TimeContext): number {
  const last = corpusLast ?? today;
  const lastYear = Number(last.slice(0, 4));
  const firstYear = corpusFirst ? Number(corpusFirst.slice(0, 4)) : lastYear;
  for (let year = lastYear; year >= firstYear; year--) {
    const date = DateTime.fromObject({ year, month, day }).toISODate();
    if (date && date <= last) return year;
  }
  return lastYear;
}

/**
 * The range moved back a year at a time while it still ends within the corpus' span, latest first (luxon makes
 * February 29 the 28th in a common year). Once per question, not per candidate, so luxon's cost does not matter.
 */
function earlierYearsOf(range: DateRange, { corpusFirst }: TimeContext): DateRange[] {
  if (!range.from || !range.to || !corpusFirst) return [];
  const ranges: DateRange[] = [];
  for (let back = 1; back <= MAX_YEARS_BACK; back++) {
    const moved = { from: DateTime.fromISO(range.from).minus({ years: back }).toISODate()!, to: DateTime.fromISO(range.to).minus({ years: back }).toISODate()! };
    if (moved.to < corpusFirst) break;
    ranges.push(moved);
  }
  return ranges;
}

const MAX_YEARS_BACK = 30;

function rangeLabel(range: DateRange, exactDays = true): string {
  const show = (iso: string) => DateTime.fromISO(iso).toFormat(exactDays ? 'MMMM d, yyyy' : 'MMMM yyyy');
  if (range.from && range.to) {
    if (range.from === range.to) return show(range.from);
    const from = DateTime.fromISO(range.from);
    const to = DateTime.fromISO(range.to);
    if (!exactDays && from.hasSame(to, 'month')) return show(range.from);
    return `${show(range.from)} – ${show(range.to)}`;
  }
  if (range.from) return `since ${show(range.from)}`;
  return `until ${show(range.to!)}`;
}
