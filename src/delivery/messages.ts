import { DateTime } from 'luxon';
import type { Release } from '../corpus/release.js';
import type { Digest } from '../search/types.js';
import { LIMITS, escapeText, link, truncate } from '../discord/limits.js';
import { countryName } from './countries.js';
import type { ReleaseFilter } from './filters.js';

/** One digest entry's summary is cut to this, so an entry never dominates a message. */
const SUMMARY_MAX = 280;
/** Room left in each part for the " (2/3)" continuation marker. */
const PART_MARKER_ROOM = 16;

function formatDay(isoDate: string): string {
  const day = DateTime.fromISO(isoDate, { zone: 'UTC' });
  return day.isValid ? day.toFormat('ccc, LLL d, yyyy') : isoDate;
}

export function describeFilter(filter: ReleaseFilter): string {
  const parts: string[] = [];
  if (filter.countries.length) parts.push(`countries: ${filter.countries.map(countryName).join(', ')}`);
  if (filter.keywords.length) parts.push(`keywords: ${filter.keywords.join(', ')}`);
  return parts.join(' · ');
}

export interface DigestHeading {
  /** Local day of the (latest) scheduled run. */
  day: string;
  /** Local day of the earliest missed run when several were merged. */
  firstDay?: string;
  /** How many scheduled runs this message covers (more than one after downtime). */
  runs: number;
  filter: ReleaseFilter;
}

function headingLine(heading: DigestHeading, count: number): string {
  const span =
    heading.runs > 1 && heading.firstDay
      ? `${formatDay(heading.firstDay)} – ${formatDay(heading.day)} (${heading.runs} digests merged)`
      : formatDay(heading.day);
  const releases = count === 1 ? '1 new release' : `${count} new releases`;
  return `📰 **State Department digest — ${span}** · ${releases}`;
}

/**
 * A digest as channel messages: a heading, then each group's entries as "• title — summary" lines, packed into
 * as few messages as Discord's content limit allows. Entries are never cut across messages.
 */
export function digestMessages(digest: Digest, heading: DigestHeading): string[] {
  const lines: string[] = [headingLine(heading, digest.count)];
  const filter = describeFilter(heading.filter);
  if (filter) lines.push(`-# ${escapeText(filter)}`);
  for (const group of digest.groups) {
    lines.push('', `**${escapeText(group.label)}**`);
    for (const entry of group.entries) {
      const title = link(entry.release.title, entry.release.url);
      const summary = entry.summary ? ` — ${escapeText(truncate(entry.summary, SUMMARY_MAX))}` : '';
      lines.push(`• ${title}${summary}`);
    }
  }
  return packParts(lines);
}

/** The one short line an empty day sends, for subscriptions that asked for it. */
export function emptyDigestMessage(heading: DigestHeading): string {
  const span = heading.runs > 1 && heading.firstDay ? `${formatDay(heading.firstDay)} – ${formatDay(heading.day)}` : formatDay(heading.day);
  return `📰 State Department digest — ${span}: no new releases${heading.filter.countries.length || heading.filter.keywords.length ? ' matching this subscription' : ''}.`;
}

/** An alert for one new release: kind and date, the linked title, and its leading sentence. */
export function alertMessage(release: Release, summary: string | undefined): string {
  const lines = [
    `🔔 **New release** · ${escapeText(release.kind)} · ${formatDay(release.date)}`,
    `**${link(release.title, release.url)}**`,
  ];
  if (summary) lines.push(`> ${escapeText(truncate(summary.replace(/\s+/g, ' '), 600))}`);
  if (release.office) lines.push(`-# ${escapeText(truncate(release.office, 200))}`);
  return packParts(lines)[0]!;
}

/** Packs lines into parts of at most LIMITS.content characters; a lone over-long line is shortened. */
export function packParts(lines: string[]): string[] {
  const max = LIMITS.content - PART_MARKER_ROOM;
  const parts: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = raw.length > max ? truncate(raw, max) : raw;
    const joined = current ? `${current}\n${line}` : line;
    if (joined.length <= max) {
      current = joined;
      continue;
    }
    if (current.trim()) parts.push(current.trimEnd());
    current = line;
  }
  if (current.trim()) parts.push(current.trimEnd());
  if (parts.length <= 1) return parts;
  return parts.map((part, i) => (i === 0 ? part : `-# (${i + 1}/${parts.length})\n${part.replace(/^\n+/, '')}`));
}
