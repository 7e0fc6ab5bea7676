/**
 * Speaker turns of a transcript: "SECRETARY BLINKEN: …", "QUESTION: …", "MR PRICE: …". A label opens a turn that
 * runs over the paragraphs after it until the next label.
 */

// A line like "SECRETARY BLINKEN:" or "MR PRICE:" (up to four capitalized words) opens a turn.
export const SPEAKER_LABEL = /^((?:[A-Z][A-Z.'’-]+ ){0,3}[A-Z][A-Z.'’-]+):/;

/** Who speaks in each paragraph ("SECRETARY BLINKEN", "QUESTION"); null before the first label and in releases without. */
export function paragraphSpeakers(paragraphs: string[]): (string | null)[] {
  let speaker: string | null = null;
  return paragraphs.map((paragraph) => {
    const label = SPEAKER_LABEL.exec(paragraph.trim());
    if (label) speaker = label[1]!.replace(/\./g, '');
    return speaker;
  });
}

/** Reporters and moderators ask and introduce; their words are not the department's. */
export function isQuestionerLabel(speaker: string): boolean {
  return /^(QUESTION|Q|MODERATOR|OPERATOR|PARTICIPANT|AUDIENCE MEMBER|REPORTER|JOURNALIST)$/.test(speaker);
}

/** A foreign leader's or an organization head's turn ("FOREIGN MINISTER KULEBA", "PRESIDENT ALVARADO"): a counterpart, not the department. */
export function isCounterpartLabel(speaker: string): boolean {
  return /\b(MINISTER|PRESIDENT|KING|QUEEN|EMIR|CHANCELLOR|PRINCE|SECRETARY-GENERAL|SECRETARY GENERAL)\b/.test(speaker);
}
