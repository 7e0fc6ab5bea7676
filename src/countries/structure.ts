import { isWord, tokenize, type Token } from './tokens.js';

/**
 * The parts of a release that matter for judging what it is about: boilerplate lines that name no topic
 * ("The below is attributable to…"), the preamble naming a joint statement's authors, datelines ("Berlin, Germany"),
 * headings and bullet heads, public-schedule sections, and sentence boundaries.
 */
export type ParagraphRole =
  | 'content'
  | 'attribution'
  | 'preamble'
  | 'marker'
  | 'dateline'
  | 'heading'
  | 'scheduleHeader';

export interface Sentence {
  /** Token range [start, end) within its paragraph. */
  start: number;
  end: number;
}

export interface Paragraph {
  index: number;
  text: string;
  tokens: Token[];
  role: ParagraphRole;
  sentences: Sentence[];
  /** For a bullet "- Responding to X: …", the token index of the colon that ends its head; -1 otherwise. */
  bulletHeadEnd: number;
  /** In a public schedule, the paragraph lies in the Secretary's own section. */
  secretarySection: boolean;
}

const ATTRIBUTION = /^(?:the )?(?:below|following|above) (?:is|are) attributable to\b/i;
const PREAMBLE =
  /^(?:the )?(?:text of the )?following\b.*\b(?:statement|release|declaration|communiqu[eé]|text)\b|\bstatement was (?:released|issued)\b/i;
const MARKER = /^(?:begin|end) text\b[.:]?\s*$|^#+$|^\*+.*\*+$/i;
const BULLET_TOKENS = new Set(['-', '•', '*', '–', '—', '·', '▪']);
const SENTENCE_END = new Set(['.', '!', '?']);
const CLOSERS = new Set(['"', '”', "'", '’', ')']);

export function isPublicSchedule(title: string, paragraphs: string[]): boolean {
  return /^public schedule\b/i.test(title.trim()) || /daily public schedule/i.test(paragraphs[0] ?? '');
}

function wordCount(tokens: Token[]): number {
  let count = 0;
  for (const token of tokens) if (isWord(token)) count++;
  return count;
}

function isAllCaps(tokens: Token[]): boolean {
  let letters = 0;
  for (const token of tokens) {
    if (!isWord(token) || /^\d/.test(token.text)) continue;
    if (!token.upper) return false;
    letters++;
  }
  return letters > 0;
}

function endsLikeSentence(tokens: Token[]): boolean {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const text = tokens[i]!.text;
    if (CLOSERS.has(text)) continue;
    return SENTENCE_END.has(text) || text === ':' || text.endsWith('.');
  }
  return false;
}

/** Sentence boundaries: . ! ? followed by a capitalized word or an opening quote, not after an initial ("J."). */
export function splitSentences(tokens: Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!SENTENCE_END.has(token.text)) continue;
    const previous = tokens[i - 1];
    if (token.text === '.' && previous && /^\p{Lu}$/u.test(previous.text)) continue;
    let next = i + 1;
    while (next < tokens.length && CLOSERS.has(tokens[next]!.text)) next++;
    const following = tokens[next];
    if (following && !(following.cap || /^[“"‘(]$/.test(following.text) || BULLET_TOKENS.has(following.text))) continue;
    sentences.push({ start, end: next });
    start = next;
  }
  if (start < tokens.length) sentences.push({ start, end: tokens.length });
  return sentences;
}

function bulletHeadEnd(tokens: Token[]): number {
  if (!BULLET_TOKENS.has(tokens[0]?.text ?? '')) return -1;
  for (let i = 1; i < Math.min(tokens.length, 16); i++) if (tokens[i]!.text === ':') return i;
  return -1;
}

function isDatelineShape(tokens: Token[]): boolean {
  if (tokens.length === 0 || wordCount(tokens) > 6 || endsLikeSentence(tokens)) return false;
  return tokens.every((t) => t.cap || t.text === ',' || t.text === '-' || !isWord(t) || t.norm === 'of' || t.norm === 'the');
}

/**
 * The all-capitals words a schedule paragraph starts with ("SECRETARY ANTONY J. BLINKEN"), or null. The
 * Secretary's own section is the one headed "SECRETARY …", not "DEPUTY SECRETARY …" or "UNDER SECRETARY …".
 */
function leadingCapsHeader(tokens: Token[]): string | null {
  const first = tokens[0];
  if (!first || !isWord(first) || !first.upper || /^\d/.test(first.text)) return null;
  let words = 0;
  for (const token of tokens) {
    if (!isWord(token)) continue;
    if (!token.upper || /^\d/.test(token.text)) break;
    words++;
  }
  return words >= 2 ? first.norm : null;
}

export function analyseParagraphs(title: string, paragraphs: string[]): Paragraph[] {
  const schedule = isPublicSchedule(title, paragraphs);
  let inSecretarySection = false;
  let seenContent = false;
  return paragraphs.map((text, index) => {
    const tokens = tokenize(text);
    let role: ParagraphRole = 'content';
    const trimmed = text.trim();
    if (ATTRIBUTION.test(trimmed)) role = 'attribution';
    else if (MARKER.test(trimmed)) role = 'marker';
    else if (!seenContent && index < 3 && PREAMBLE.test(trimmed)) role = 'preamble';
    else if (schedule && isAllCaps(tokens)) role = 'scheduleHeader';
    // Public schedules: a section header may share its paragraph with the first line ("DEPUTY SECRETARY … 2:30 p.m.").
    const header = schedule ? leadingCapsHeader(tokens) : null;
    if (header !== null) inSecretarySection = header === 'secretary';
    else if (!seenContent && index < 3 && isDatelineShape(tokens)) role = 'dateline';
    else if (wordCount(tokens) <= 12 && !endsLikeSentence(tokens) && !isAllCaps(tokens)) role = 'heading';
    if (role === 'content') seenContent = true;
    return {
      index,
      text,
      tokens,
      role,
      sentences: splitSentences(tokens),
      bulletHeadEnd: role === 'content' ? bulletHeadEnd(tokens) : -1,
      secretarySection: schedule && inSecretarySection && role !== 'scheduleHeader',
    };
  });
}
