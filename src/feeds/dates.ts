import { DateTime } from 'luxon';
import { STATE_DEPARTMENT_ZONE as STATE_ZONE } from '../corpus/dates.js';

/**
 * An RSS timestamp (RFC 822/2822 `pubDate`, or ISO 8601 as some feeds use) as the State Department's own
 * yyyy-mm-dd date; null when unreadable.
 */
export function stateDateOfTimestamp(timestamp: string): string | null {
  const text = timestamp.trim();
  if (text === '') return null;
  const candidates = [
    DateTime.fromRFC2822(text, { zone: STATE_ZONE, setZone: true }),
    DateTime.fromHTTP(text, { zone: STATE_ZONE, setZone: true }),
    // A bare ISO date or time without offset is read as Washington time.
    DateTime.fromISO(text, { zone: STATE_ZONE, setZone: true }),
  ];
  const parsed = candidates.find((dt) => dt.isValid);
  return parsed ? parsed.setZone(STATE_ZONE).toISODate() : null;
}

/**
 * A date as a page shows it ("June 13, 2021", "Jun 13, 2021", "2021-06-13"); it is already the Department's
 * own date, so no zone conversion. Null when unreadable.
 */
export function stateDateOfDisplay(display: string): string | null {
  const text = display.replace(/\s+/g, ' ').trim();
  for (const format of ['MMMM d, yyyy', 'MMM d, yyyy', 'MMM. d, yyyy', 'd MMMM yyyy', 'yyyy-MM-dd']) {
    const parsed = DateTime.fromFormat(text, format, { zone: STATE_ZONE, locale: 'en-US' });
    if (parsed.isValid) return parsed.toISODate();
  }
  return null;
}
