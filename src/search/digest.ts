import type { Release, ReleaseKind } from '../corpus/release.js';
import { summarizeRelease } from './summarize.js';
import type { Digest, DigestGroup } from './types.js';

const GROUPS: { label: string; kinds: ReleaseKind[] }[] = [
  { label: 'Statements', kinds: ['Press Statement'] },
  { label: 'Joint statements', kinds: ['Joint Statement'] },
  { label: 'Readouts', kinds: ['Readout'] },
  { label: 'Remarks and briefings', kinds: ['Remarks', 'Department Press Briefing', 'Special Briefing'] },
  { label: 'Media notes and announcements', kinds: ['Media Note', 'Travel Announcement', 'Public Schedule', 'Fact Sheet'] },
];

/** Groups releases by kind (statements first, then joint statements, readouts, remarks, notes), each with a one-line summary. */
export function buildDigest(releases: Release[], label: string): Digest {
  const groups: DigestGroup[] = [];
  for (const group of GROUPS) {
    const entries = releases
      .filter((release) => group.kinds.includes(release.kind))
      .sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title))
      .map((release) => ({ release, summary: summarizeRelease(release, 1)[0] ?? '' }));
    if (entries.length > 0) groups.push({ label: group.label, entries });
  }
  return { date: label, count: releases.length, groups };
}
