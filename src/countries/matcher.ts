import { getGazetteer, type EntryKind, type GazetteerEntry } from './gazetteer.js';
import { FIRST_NAME_LIKE, US_STATES } from './extra.js';
import { tokenize, type Token } from './tokens.js';

/**
 * One compiled matcher for every surface form: a trie over normalized tokens, walked once per token position with
 * longest match first. Blocked phrases ("South China Sea") are in the same trie, so they win over the shorter
 * country name inside them.
 */
interface TrieNode {
  next: Map<string, TrieNode>;
  entry?: GazetteerEntry;
}

export interface Mention {
  code: string;
  kind: EntryKind;
  /** Token range [start, end). */
  start: number;
  end: number;
}

export interface MatchOptions {
  /**
   * Case-insensitive matching for user input ("thai", "prc"). In text, names must be capitalized and acronyms
   * written in capitals, which is what keeps "turkey" the bird and "us" the pronoun out.
   */
  relaxed?: boolean;
  /** The text is title-cased (a release title): skip the guards that read capitalization as a person's name. */
  titleCase?: boolean;
}

/** Acronyms that are ordinary words when written in lower case, so even relaxed matching wants capitals. */
const WORD_LIKE_ACRONYMS = new Set(['us', 'u.s.']);

/** Capitalized words that may follow a country name in a compound without it being a first name ("Jordan Valley"). */
const NAME_CONTINUATIONS = new Set(
  (
    'government embassy consulate ministry national day independence river valley basin lake strait sea defense ' +
    'defence armed forces army navy air police foreign minister prime president king queen crown prince parliament ' +
    'supreme court constitutional central election elections electoral commission dream program programme ' +
    'partnership initiative dialogue agreement compact fund summit conference forum council cooperation strategic ' +
    'joint mission office team coast guard peace process accord declaration statement roadmap support development ' +
    'investment business trade economic energy security task force working group covid vaccine relief humanitarian ' +
    'affairs chief deputy vice ambassador authority authorities state states republic regime interim transitional ' +
    'federal region regional province port airport university and of the'
  ).split(' '),
);

let trie: TrieNode | null = null;

function getTrie(): TrieNode {
  if (trie) return trie;
  const root: TrieNode = { next: new Map() };
  for (const entry of getGazetteer().entries) {
    const keys = tokenize(entry.phrase).map((t) => t.norm);
    if (keys.length === 0) continue;
    let node = root;
    for (const key of keys) {
      let child = node.next.get(key);
      if (!child) {
        child = { next: new Map() };
        node.next.set(key, child);
      }
      node = child;
    }
    node.entry = entry;
  }
  trie = root;
  return root;
}

function caseAllows(entry: GazetteerEntry, tokens: Token[], start: number, end: number, relaxed: boolean): boolean {
  const first = tokens[start]!;
  if (entry.kind === 'acronym') {
    if (!relaxed || WORD_LIKE_ACRONYMS.has(first.norm)) {
      for (let i = start; i < end; i++) if (!tokens[i]!.upper) return false;
    }
    return true;
  }
  return relaxed || first.cap;
}

/** "Jordan Smith", "Chad Wolf": a first-name-like country followed by a capitalized word that is not a compound. */
function looksLikePersonName(tokens: Token[], index: number): boolean {
  const next = tokens[index + 1];
  if (!next || !next.cap || next.upper) return false;
  if (NAME_CONTINUATIONS.has(next.norm)) return false;
  const previous = tokens[index - 1];
  // "Lake Chad", "Kingdom of Jordan" are places; a first name is not preceded by "of".
  return !(previous && (previous.norm === 'of' || previous.norm === 'lake'));
}

function followedByUsState(tokens: Token[], end: number): boolean {
  const state = tokens[end + 1];
  return tokens[end]?.text === ',' && state !== undefined && state.cap && US_STATES.has(state.norm);
}

/** "Atlanta, Georgia": a capitalized word that is not a country, a comma, then Georgia. */
function isUsPlace(tokens: Token[], start: number, end: number): boolean {
  if (tokens[start]!.norm === 'georgia' && end - start === 1) {
    const before = tokens[start - 1];
    const word = tokens[start - 2];
    // "Atlanta, Georgia": a capitalized word that is not itself a country, then a comma.
    if (before?.text === ',' && word && word.cap && !word.upper && !startsEntry(tokens, start - 2)) return true;
  }
  return false;
}

function startsEntry(tokens: Token[], index: number): boolean {
  const node = getTrie().next.get(tokens[index]?.norm ?? '');
  return node?.entry !== undefined && node.entry.code !== null;
}

/** All country mentions in tokenized text, in order, without overlaps. */
export function findMentions(tokens: Token[], options: MatchOptions = {}): Mention[] {
  const root = getTrie();
  const relaxed = options.relaxed ?? false;
  const mentions: Mention[] = [];
  let i = 0;
  while (i < tokens.length) {
    let node: TrieNode | undefined = root;
    let best: { entry: GazetteerEntry; end: number } | null = null;
    for (let j = i; j < tokens.length; j++) {
      node = node.next.get(tokens[j]!.norm);
      if (!node) break;
      if (node.entry && caseAllows(node.entry, tokens, i, j + 1, relaxed)) best = { entry: node.entry, end: j + 1 };
    }
    if (!best) {
      i++;
      continue;
    }
    const { entry, end } = best;
    const isTown = entry.kind === 'capital' || entry.kind === 'city';
    if (entry.code !== null && isTown && !options.relaxed && followedByUsState(tokens, end)) {
      // "Athens, Georgia", "Moscow, Idaho": neither the town nor the state is abroad.
      i = end + 2;
      continue;
    }
    if (entry.code !== null && accept(tokens, i, end, options)) {
      mentions.push({ code: entry.code, kind: entry.kind, start: i, end });
    }
    i = end;
  }
  return mentions;
}

/** Arabic name particles: "Adnan Abu Walid al-Sahrawi" is a person, not Western Sahara. */
const NAME_PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'abu', 'bint']);

function followsNameParticle(tokens: Token[], start: number): boolean {
  let previous = tokens[start - 1];
  if (previous?.text === '-') previous = tokens[start - 2];
  return previous !== undefined && NAME_PARTICLES.has(previous.norm);
}

/** Context guards that reject a match in running text (user input is matched without them). */
function accept(tokens: Token[], start: number, end: number, options: MatchOptions): boolean {
  if (options.relaxed) return true;
  if (isUsPlace(tokens, start, end)) return false;
  if (followsNameParticle(tokens, start)) return false;
  if (!options.titleCase && end - start === 1 && FIRST_NAME_LIKE.has(tokens[start]!.norm)) {
    return !looksLikePersonName(tokens, start);
  }
  return true;
}
