import { RELEASE_KINDS, type ReleaseKind } from './release.js';
import { SPEAKER_LABEL } from './turns.js';

const KIND_ALIASES: Record<string, ReleaseKind> = {
  'press statement': 'Press Statement',
  statement: 'Press Statement',
  readout: 'Readout',
  'joint statement': 'Joint Statement',
  'joint press release': 'Joint Statement',
  'media note': 'Media Note',
  remarks: 'Remarks',
  'remarks to the press': 'Remarks',
  interview: 'Remarks',
  'department press briefing': 'Department Press Briefing',
  'press briefing': 'Department Press Briefing',
  'special briefing': 'Special Briefing',
  'public schedule': 'Public Schedule',
  'fact sheet': 'Fact Sheet',
  'travel announcement': 'Travel Announcement',
};

/** Maps a kind as a source states it ("PRESS STATEMENT", "Media Note") to ours; null when unknown. */
export function normalizeKind(stated: string | null | undefined): ReleaseKind | null {
  if (!stated) return null;
  const key = stated.trim().toLowerCase().replace(/\s+/g, ' ');
  if (KIND_ALIASES[key]) return KIND_ALIASES[key];
  return RELEASE_KINDS.find((kind) => kind.toLowerCase() === key) ?? null;
}

/**
 * The kind a release states; else the one its title and text show; else the kind a source guessed (the shared
 * corpus' `kind_guess`, which calls some speeches and hearings "Press Statement"); else Press Statement. A guessed
 * briefing stays a briefing, though the text shows a transcript.
 */
export function inferKind(title: string, paragraphs: string[], stated?: string | null, guessed?: string | null): ReleaseKind {
  const known = normalizeKind(stated);
  if (known) return known;
  const shown = kindShown(title, paragraphs);
  const guess = normalizeKind(guessed);
  if (!shown) return guess ?? 'Press Statement';
  return shown === 'Remarks' && (guess === 'Special Briefing' || guess === 'Department Press Briefing') ? guess : shown;
}

/** The kind a release's title and text show, or null when they show none. */
function kindShown(title: string, paragraphs: string[]): ReleaseKind | null {
  const t = title.toLowerCase();
  const opening = (paragraphs[0] ?? '').toLowerCase();
  if (t.startsWith('public schedule')) return 'Public Schedule';
  if (t.startsWith('department press briefing')) return 'Department Press Briefing';
  if (t.includes('special briefing') || t.startsWith('background briefing')) return 'Special Briefing';
  if (/\bjoint (statement|press release|communiqu)/.test(t) || /^the (text of the )?following (joint )?statement/.test(opening))
    return 'Joint Statement';
  if (t.startsWith('fact sheet') || t.includes('fact sheet')) return 'Fact Sheet';
  // A line like "SECRETARY BLINKEN:" or "MR PRICE:" marks a transcript.
  if (paragraphs.slice(0, 6).filter((p) => SPEAKER_LABEL.test(p)).length >= 1 || /^(remarks|interview)\b/.test(t) || /\bat a (joint )?press (availability|conference)\b/.test(t))
    return 'Remarks';
  if (/^(readout|secretary blinken[’']s (call|meeting|virtual meeting)|deputy secretary [a-z]+[’']s (call|meeting))/.test(t) || /^the below is attributable to/.test(opening))
    return 'Readout';
  if (/\b(to travel|travels? to|to participate|to attend|to lead|delegation|announce[sd]?|launch(es)?)\b/.test(t)) return 'Media Note';
  return null;
}
