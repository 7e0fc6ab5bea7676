import { DateTime } from 'luxon';

export const STATE_DEPARTMENT_ZONE = 'America/New_York';

const WITH_YEAR = ['d MMM yyyy', 'd MMMM yyyy', 'MMM d, yyyy', 'MMMM d, yyyy', 'MMM d yyyy', 'MMMM d yyyy', 'yyyy-MM-dd'];
const WITHOUT_YEAR = ['d MMM', 'd MMMM', 'MMM d', 'MMMM d'];

/**
 * Parses a release's date line ("3 Dec", "December 3, 2021", "2021-12-03") into an ISO date.
 * A line without a year takes `year`, which the caller must know (it is never guessed here).
 */
export function parseDateLine(line: string, year?: number): string | null {
  const text = line.trim().replace(/\.(?=\s|$)/g, '').replace(/\s+/g, ' ');
  for (const format of WITH_YEAR) {
    const date = DateTime.fromFormat(text, format, { locale: 'en-US' });
    if (date.isValid) return date.toISODate();
  }
  if (year === undefined) return null;
  for (const format of WITHOUT_YEAR) {
    const date = DateTime.fromFormat(`${text} ${year}`, `${format} yyyy`, { locale: 'en-US' });
    if (date.isValid) return date.toISODate();
  }
  return null;
}

/** True for a real calendar date written yyyy-mm-dd. */
export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && DateTime.fromISO(text).isValid;
}

export function addDays(isoDate: string, days: number): string {
  return DateTime.fromISO(isoDate).plus({ days }).toISODate()!;
}

export function todayInNewYork(now: Date = new Date()): string {
  return DateTime.fromJSDate(now).setZone(STATE_DEPARTMENT_ZONE).toISODate()!;
}

/** True when an ISO date lies in the inclusive range; an open end admits everything on that side. */
export function inRange(date: string, range: { from?: string; to?: string }): boolean {
  return (!range.from || date >= range.from) && (!range.to || date <= range.to);
}

/** The range widened by some days before its start and after its end (open ends stay open). */
export function widenRange(range: { from?: string; to?: string }, daysBefore: number, daysAfter: number): { from?: string; to?: string } {
  return { from: range.from ? addDays(range.from, -daysBefore) : undefined, to: range.to ? addDays(range.to, daysAfter) : undefined };
}
