import { Cron } from 'croner';
import { DateTime, IANAZone } from 'luxon';
import { UserError } from '../errors.js';

export const DEFAULT_TIMEZONE = 'America/New_York';

/** Validates a digest time typed as H:MM or HH:MM (24-hour) and returns it as HH:MM. */
export function parseDigestTime(input: string): string {
  const match = /^\s*(\d{1,2})[:.h](\d{2})\s*$/i.exec(input);
  const hour = match ? Number(match[1]) : NaN;
  const minute = match ? Number(match[2]) : NaN;
  if (!match || hour > 23 || minute > 59) {
    throw new UserError(
      `"${input.trim()}" is not a time of day. Use 24-hour HH:MM, e.g. 08:00 or 17:30.`,
      'BAD_ARGUMENT',
      ['08:00', '12:00', '17:30'],
    );
  }
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** Validates an IANA time zone name (any case, links such as US/Eastern included) and returns its canonical name. */
export function parseTimezone(input: string): string {
  const name = input.trim();
  if (name && IANAZone.isValidZone(name)) {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  }
  throw new UserError(
    `"${name}" is not an IANA time zone. Use a name such as America/New_York or Europe/Paris.`,
    'BAD_ARGUMENT',
    timezoneSuggestions(name, 5),
  );
}

let zones: string[] | undefined;

function allZones(): string[] {
  zones ??= [...Intl.supportedValuesOf('timeZone'), 'UTC'].sort();
  return zones;
}

/** Time zones for autocomplete: names containing every word typed, the default first when nothing is typed. */
export function timezoneSuggestions(query: string, limit = 25): string[] {
  const words = query.toLowerCase().split(/[\s/_,]+/).filter(Boolean);
  if (words.length === 0) {
    return [DEFAULT_TIMEZONE, ...allZones().filter((zone) => zone !== DEFAULT_TIMEZONE)].slice(0, limit);
  }
  const matches = allZones().filter((zone) => {
    const name = zone.toLowerCase().replace(/_/g, ' ');
    return words.every((word) => name.includes(word));
  });
  // Zones whose city starts with what was typed come first ("par" → Europe/Paris before America/Paramaribo).
  const city = (zone: string) => zone.slice(zone.lastIndexOf('/') + 1).toLowerCase();
  const first = words[words.length - 1]!;
  return [...matches]
    .sort((a, b) => Number(!city(a).startsWith(first)) - Number(!city(b).startsWith(first)) || a.localeCompare(b))
    .slice(0, limit);
}

/**
 * When a daily digest at `time` in `zone` runs, via croner. Checked behaviour across DST (America/New_York):
 * on the spring-forward day a 02:30 digest runs at 03:00 EDT (the first instant after the gap) — not skipped, not
 * doubled; on the fall-back day a 01:30 digest runs once, at the first (EDT) 01:30.
 */
export class DailySchedule {
  private readonly cron: Cron;

  constructor(
    readonly time: string,
    readonly zone: string,
  ) {
    const [hour, minute] = parseDigestTime(time).split(':').map(Number);
    this.cron = new Cron(`${minute} ${hour} * * *`, { timezone: zone, paused: true });
  }

  /** The first run strictly after `after`. */
  next(after: Date): Date {
    const run = this.cron.nextRun(after);
    if (!run) throw new Error(`No next run for ${this.time} ${this.zone}`);
    return run;
  }

  /** The runs in (after, now]: how many, the first and the latest; null when none is due yet. */
  due(after: Date, now: Date): { count: number; first: Date; latest: Date } | null {
    const first = this.next(after);
    if (first.getTime() > now.getTime()) return null;
    let count = 0;
    let latest: Date | null = null;
    let cursor = after;
    // After a very long outage, jump close to now instead of walking every missed day.
    const dayMs = 86_400_000;
    if (now.getTime() - after.getTime() > 400 * dayMs) {
      count = Math.floor((now.getTime() - after.getTime()) / dayMs) - 2;
      cursor = new Date(now.getTime() - 2 * dayMs);
    }
    for (let run = this.next(cursor); run.getTime() <= now.getTime(); run = this.next(run)) {
      count++;
      latest = run;
    }
    return latest ? { count, first, latest } : null;
  }

  /** The local calendar day of a run, e.g. "2024-03-10". */
  localDate(run: Date): string {
    return DateTime.fromJSDate(run, { zone: this.zone }).toISODate() ?? run.toISOString().slice(0, 10);
  }
}
