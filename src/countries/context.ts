import type { Mention } from './matcher.js';
import type { Sentence } from './structure.js';
import { isWord, type Token } from './tokens.js';

/**
 * Reading a mention's surroundings within its sentence: is it one item of a long list, an example after
 * "including", a venue ("in Brussels"), a posting ("Ambassador to Guatemala"), part of a programme's or
 * document's name ("Japan-U.S.-Mekong Power Partnership"), a person's nationality, or the counterpart of a
 * meeting or call ("met with Foreign Ministers from Costa Rica, …")?
 */
export interface MentionContext {
  /** Member of a coordinated list of three or more named items, at least two of them countries. */
  listed: boolean;
  /** Size of the coordination the mention is part of (1 when alone). */
  chainSize: number;
  /** Codes of the other items when the mention is one of exactly two coordinated items ("Israel and the PA"). */
  pairedWith: string[];
  /**
   * One of several states in a list of topics: "discussed regional developments, the coup in Burma, and support
   * for Afghanistan". Unlike `listed`, the items need not be bare names.
   */
  topicList: boolean;
  /** After "including", "such as", "particularly" in the same clause. */
  example: boolean;
  /** Venue, posting, name of another thing, or nationality of a person: says nothing about the release's topic. */
  weak: boolean;
  /** The other party of a meeting or call. */
  counterpart: boolean;
}

const VENUE_WORDS = new Set(['in', 'at', 'to', 'from', 'via', 'near', 'outside', 'embassy', 'consulate']);
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'to', 'from', 'near', 'outside', 'via']);
const EVENT_WORDS = new Set([
  'summit', 'conference', 'forum', 'ministerial', 'meeting', 'meetings', 'games', 'olympics', 'congress', 'expo',
  'session', 'consultations', 'negotiations', 'talks', 'ceremony', 'event', 'workshop', 'symposium', 'cop',
]);
const VENUE_VERBS = new Set([
  'signed', 'held', 'hosted', 'convened', 'place', 'located', 'headquartered', 'based', 'gathered', 'convene',
  'stationed', 'opened',
]);
const POSTING_WORDS = new Set([
  'ambassador', 'ambassadors', 'designate', "d'affaires", 'affaires', 'envoy', 'representative', 'consul',
  'mission', 'delegation',
]);
/** Nouns that make a capitalized phrase the name of something else: a treaty, programme, event or document. */
const NAMED_THING_NOUNS = new Set([
  'agreement', 'agreements', 'accord', 'accords', 'partnership', 'conference', 'summit', 'forum', 'dialogue',
  'initiative', 'program', 'programme', 'statement', 'declaration', 'memorandum', 'convention', 'treaty',
  'charter', 'protocol', 'act', 'plan', 'strategy', 'framework', 'network', 'fund', 'process', 'fellowship',
  'exchange', 'scholarship', 'award', 'prize', 'index', 'series', 'compact', 'ministerial', 'policy', 'group',
  'format', 'roadmap', 'talks',
]);
const OPEN_LIST_WORDS = new Set(['other', 'others', 'several', 'many', 'all']);
const PLACE_NOUNS = new Set(['region', 'province', 'state', 'city', 'area', 'district', 'governorate']);
const NAME_CONNECTORS_LEFT = new Set(['of', 'on', 'for', 'the', 'and', 'to', '-', "'s"]);
const NAME_CONNECTORS_RIGHT = new Set(['-', "'s", 'of']);
const ITEM_CONNECTORS = new Set(['of', 'the', 'de', 'du', 'da', 'del', 'al', 'bin', 'la', "'s", '-', 'and']);
const EXAMPLE_WORDS = new Set(['including', 'particularly', 'especially', 'notably', 'like']);
const CLAUSE_BOUNDARIES = new Set([',', ';', ':', '(', '—', '–']);
// Singular only: "an Algerian citizen" is a person's nationality, "Cuban citizens' rights" are Cuba's affairs.
const NATIONALITY_WORDS = new Set(['national', 'citizen', 'nationality', 'descent', 'origin']);
export const MEETING_VERBS = new Set([
  'met', 'meet', 'meets', 'meeting', 'meetings', 'spoke', 'speak', 'speaks', 'speaking', 'call', 'calls', 'called',
  'talked', 'hosted', 'hosts', 'host', 'hosting', 'welcomed', 'welcomes', 'received', 'receives', 'conferred',
]);
/** Verbs whose "with" introduces the other party: "met yesterday with", "spoke by phone with". */
const WITH_VERBS = new Set([
  'met', 'meet', 'meets', 'meeting', 'meetings', 'spoke', 'speak', 'speaks', 'speaking', 'call', 'calls', 'called',
  'talked', 'talks', 'conferred', 'consultations', 'dialogue',
]);
/** What may stand between such a verb and its "with". */
const WITH_ADVERBS = new Set([
  'today', 'yesterday', 'virtually', 'separately', 'also', 'again', 'jointly', 'by', 'phone', 'telephone', 'video',
  'teleconference', 'this', 'morning', 'afternoon', 'evening', 'earlier', 'week', 'in', 'person', 'later', 'privately',
]);
/** Official titles that make a demonym the counterpart's nationality: "Swedish Prime Minister", "ROK officials". */
export const ROLE_HEADS = new Set([
  'minister', 'ministers', 'president', 'premier', 'chancellor', 'king', 'queen', 'emir', 'prince', 'sultan',
  'secretary', 'counterpart', 'counterparts', 'officials', 'delegation', 'delegations', 'ambassador', 'envoy',
  'cardinal', 'leaders', 'leader', 'monarch', 'governor', 'speaker', 'foreign',
]);
/** Words between "with" and the counterpart's country: "met with the Foreign Ministers from …". */
const COUNTERPART_FILLERS = new Set([
  'the', 'foreign', 'minister', 'ministers', 'from', 'of', 'his', 'her', 'their', 'counterpart', 'counterparts',
  'officials', 'leaders', 'delegation', 'delegations', 'representatives', 'vice', 'first', 'prime', 'deputy',
  'senior', 'a', 'an', 'interim', 'acting', 'newly', 'elected', 'incoming', 'defense', 'president', 'affairs',
]);

interface Item {
  start: number;
  end: number;
}

interface Chain {
  items: Item[];
  /** Unnamed members closing the list: "…, Romania, and other international partners". */
  openEnded: boolean;
}

function inMention(index: number, mentionAt: Int32Array): boolean {
  return mentionAt[index]! >= 0;
}

/** Coordinated capitalized items in a sentence: "Austria, Brazil, and the Republic of Korea". */
function findChains(tokens: Token[], sentence: Sentence, mentionAt: Int32Array): Chain[] {
  const isNameToken = (i: number) => {
    const token = tokens[i]!;
    return inMention(i, mentionAt) || (token.cap && isWord(token));
  };
  const readItem = (start: number): Item | null => {
    if (start >= sentence.end || !isNameToken(start)) return null;
    let end = start + 1;
    while (end < sentence.end) {
      if (isNameToken(end)) {
        end++;
        continue;
      }
      const token = tokens[end]!;
      // "Republic of Korea", "Bosnia and Herzegovina": a connector only when a name continues after it.
      if (ITEM_CONNECTORS.has(token.norm) && token.norm !== 'and' && end + 1 < sentence.end && isNameToken(end + 1)) {
        end++;
        continue;
      }
      // "the Tigray region of Ethiopia": a lower-case place noun and "of" continue the item.
      if (PLACE_NOUNS.has(token.norm) && tokens[end + 1]?.norm === 'of' && end + 2 < sentence.end && isNameToken(end + 2)) {
        end += 2;
        continue;
      }
      if (token.text === '(') {
        // An acronym in brackets belongs to the item: "the Republic of Korea (ROK)".
        let close = end + 1;
        while (close < sentence.end && close < end + 14 && tokens[close]!.text !== ')') close++;
        if (close < sentence.end && tokens[close]!.text === ')') {
          end = close + 1;
          continue;
        }
      }
      break;
    }
    return { start, end };
  };
  /** Skips ", and the" between two items; returns where the next item starts, or -1. */
  const readSeparator = (at: number): number => {
    let i = at;
    let separated = false;
    if (tokens[i]?.text === ',') {
      separated = true;
      i++;
    }
    const norm = tokens[i]?.norm;
    if (norm === 'and' || norm === 'or' || norm === '&') {
      separated = true;
      i++;
    } else if (norm === 'as' && tokens[i + 1]?.norm === 'well' && tokens[i + 2]?.norm === 'as') {
      separated = true;
      i += 3;
    }
    if (tokens[i]?.norm === 'the') i++;
    return separated && i < sentence.end ? i : -1;
  };

  const chains: Chain[] = [];
  let i = sentence.start;
  while (i < sentence.end) {
    const first = readItem(i);
    if (!first) {
      i++;
      continue;
    }
    const items = [first];
    let cursor = first.end;
    for (;;) {
      const next = readSeparator(cursor);
      if (next < 0) break;
      const item = readItem(next);
      if (!item) break;
      items.push(item);
      cursor = item.end;
    }
    const after = readSeparator(cursor);
    const openEnded = after >= 0 && OPEN_LIST_WORDS.has(tokens[after]!.norm);
    chains.push({ items, openEnded });
    i = cursor;
  }
  return chains;
}

function isWeak(
  tokens: Token[],
  mention: Mention,
  previous: Mention | undefined,
  paragraphIsDateline: boolean,
  titleCase: boolean,
): boolean {
  if (paragraphIsDateline) return true;
  // A city other than a capital is where something happens ("in Geneva", "the Glasgow summit"), not who acts.
  if (mention.kind === 'city' && !titleCase) return true;
  const before = tokens[mention.start - 1];
  if (mention.kind === 'capital' && before && VENUE_WORDS.has(before.norm)) return true;
  if (isPosting(tokens, mention.start)) return true;
  if (isEventVenue(tokens, mention.start)) return true;
  if (isPlaceQualifier(tokens, mention.start, previous)) return true;
  if (mention.kind === 'demonym') {
    const after = tokens[mention.end];
    if (after && NATIONALITY_WORDS.has(after.norm)) return true;
  }
  return !titleCase && isInsideName(tokens, mention);
}

/** "U.S. Ambassador to Guatemala", "Chargé d’Affaires to Canada". */
function isPosting(tokens: Token[], start: number): boolean {
  const before = tokens[start - 1];
  const beforeThat = tokens[start - 2];
  return before?.norm === 'to' && beforeThat !== undefined && POSTING_WORDS.has(beforeThat.norm);
}

/** "G20 in Italy", "COP 26 in Glasgow", "summit in France", "signed in Greenland", "held in Iceland". */
function isEventVenue(tokens: Token[], start: number): boolean {
  const preposition = tokens[start - 1]?.norm;
  if (preposition !== 'in' && preposition !== 'at') return false;
  for (let i = start - 2; i >= Math.max(0, start - 5); i--) {
    const norm = tokens[i]!.norm;
    if (EVENT_WORDS.has(norm) || /^(?:g\d+|cop\d*)$/.test(norm)) return true;
    if (VENUE_VERBS.has(norm)) return true;
    if (i === start - 2 && !/^\d+$/.test(norm)) break;
  }
  return false;
}

/**
 * The country that qualifies a place: "in Stuttgart, Germany", "to Geneva, Switzerland" — but not the second
 * item of "from Costa Rica, Guatemala, …", where the word before the comma is itself a country.
 */
function isPlaceQualifier(tokens: Token[], start: number, previous: Mention | undefined): boolean {
  if (tokens[start - 1]?.text !== ',') return false;
  if (previous && previous.end === start - 1 && previous.kind !== 'capital' && previous.kind !== 'city') return false;
  let i = start - 2;
  let words = 0;
  while (i >= 0 && words < 4 && tokens[i]!.cap && isWord(tokens[i]!)) {
    i--;
    words++;
  }
  if (words === 0) return false;
  const preposition = tokens[i]?.norm;
  return preposition !== undefined && PLACE_PREPOSITIONS.has(preposition);
}

/** Part of the name of a programme, treaty or event: "Second Berlin Conference", "Joint Statement of … Germany". */
function isInsideName(tokens: Token[], mention: Mention): boolean {
  for (let i = mention.end, steps = 0; i < tokens.length && steps < 8; i++, steps++) {
    const token = tokens[i]!;
    if (NAMED_THING_NOUNS.has(token.norm) && token.cap) return true;
    if (token.cap && isWord(token)) continue;
    if (NAME_CONNECTORS_RIGHT.has(token.norm)) continue;
    break;
  }
  for (let i = mention.start - 1, steps = 0; i >= 0 && steps < 12; i--, steps++) {
    const token = tokens[i]!;
    if (NAMED_THING_NOUNS.has(token.norm) && token.cap) return true;
    if (token.cap && isWord(token)) continue;
    if (NAME_CONNECTORS_LEFT.has(token.norm)) continue;
    break;
  }
  return false;
}

function isExample(tokens: Token[], from: number, sentenceStart: number): boolean {
  for (let i = from - 1; i >= sentenceStart; i--) {
    const token = tokens[i]!;
    if (CLAUSE_BOUNDARIES.has(token.text)) {
      // "including Iran, Syria, and Lebanon": the commas of the list itself do not end the clause.
      if (token.text === ',' && i > sentenceStart && isListComma(tokens, i)) continue;
      return false;
    }
    if (EXAMPLE_WORDS.has(token.norm)) return true;
    if (token.norm === 'as' && tokens[i - 1]?.norm === 'such') return true;
  }
  return false;
}

function isListComma(tokens: Token[], index: number): boolean {
  const previous = tokens[index - 1];
  return previous !== undefined && previous.cap && isWord(previous);
}

function meetingVerbIndex(tokens: Token[], sentence: Sentence): number {
  for (let i = sentence.start; i < sentence.end; i++) if (MEETING_VERBS.has(tokens[i]!.norm)) return i;
  return -1;
}

/** Where the counterpart list starts after "met with …", or -1. */
function counterpartStart(tokens: Token[], sentence: Sentence): number {
  for (let verb = sentence.start; verb < sentence.end; verb++) {
    if (!WITH_VERBS.has(tokens[verb]!.norm)) continue;
    let w = verb + 1;
    while (w < sentence.end && w < verb + 5 && WITH_ADVERBS.has(tokens[w]!.norm)) w++;
    if (tokens[w]?.norm !== 'with') continue;
    let c = w + 1;
    while (c < sentence.end && c < w + 8 && COUNTERPART_FILLERS.has(tokens[c]!.norm)) c++;
    return c;
  }
  return -1;
}

function followedByRole(tokens: Token[], mention: Mention, sentenceEnd: number): boolean {
  for (let i = mention.end; i < Math.min(sentenceEnd, mention.end + 4); i++) {
    if (ROLE_HEADS.has(tokens[i]!.norm)) return true;
  }
  return false;
}

/**
 * The context of every mention of one paragraph. `titleCase` is for title-cased text (titles, headings), where
 * capitalization says nothing about names.
 */
export function readContexts(
  tokens: Token[],
  sentences: Sentence[],
  mentions: Mention[],
  options: { dateline?: boolean; titleCase?: boolean } = {},
): MentionContext[] {
  const mentionAt = new Int32Array(tokens.length).fill(-1);
  mentions.forEach((m, index) => {
    for (let i = m.start; i < m.end; i++) mentionAt[i] = index;
  });
  const contexts: MentionContext[] = mentions.map((m, index) => ({
    listed: false,
    chainSize: 1,
    pairedWith: [],
    example: false,
    topicList: false,
    weak: isWeak(tokens, m, mentions[index - 1], options.dateline ?? false, options.titleCase ?? false),
    counterpart: false,
  }));

  for (const sentence of sentences) {
    const chains = findChains(tokens, sentence, mentionAt);
    const verb = meetingVerbIndex(tokens, sentence);
    const withStart = counterpartStart(tokens, sentence);
    for (const chain of chains) {
      const itemCodes = chain.items.map((item) => {
        const codes: string[] = [];
        for (let i = item.start; i < item.end; i++) {
          const index = mentionAt[i]!;
          if (index >= 0 && (i === item.start || mentionAt[i - 1] !== index)) codes.push(mentions[index]!.code);
        }
        return codes;
      });
      const countryItems = itemCodes.filter((codes) => codes.length > 0).length;
      const listed = chain.items.length + (chain.openEnded ? 1 : 0) >= 3 && countryItems >= 2;
      const isCounterpartChain = withStart >= 0 && chain.items[0]!.start === withStart;
      const chainStart = chain.items[0]!.start;
      const example = isExample(tokens, chainStart, sentence.start);
      // "U.S. Ambassador to Sri Lanka and Maldives": the posting covers the whole list.
      const posting = isPosting(tokens, chainStart);
      chain.items.forEach((item, itemIndex) => {
        for (let i = item.start; i < item.end; i++) {
          const index = mentionAt[i]!;
          if (index < 0 || (i > item.start && mentionAt[i - 1] === index)) continue;
          const context = contexts[index]!;
          context.listed = listed;
          context.chainSize = chain.items.length;
          context.example = example;
          if (chain.items.length === 2) context.pairedWith = itemCodes[1 - itemIndex] ?? [];
          if (isCounterpartChain) context.counterpart = true;
          if (posting) context.weak = true;
        }
      });
    }
    if (verb >= 0) {
      for (let index = 0; index < mentions.length; index++) {
        const m = mentions[index]!;
        if (m.start < sentence.start || m.start >= sentence.end) continue;
        if (m.kind === 'demonym' || tokens[m.end]?.norm === "'s") {
          if (followedByRole(tokens, m, sentence.end)) contexts[index]!.counterpart = true;
        }
      }
    }
  }
  for (const sentence of sentences) markTopicList(tokens, sentence, mentions, contexts);
  // Mentions outside any chain (lower-case context) still need the example check.
  mentions.forEach((m, index) => {
    const context = contexts[index]!;
    if (context.chainSize === 1 && !context.example) {
      const sentence = sentences.find((s) => m.start >= s.start && m.start < s.end);
      if (sentence) context.example = isExample(tokens, m.start, sentence.start);
    }
  });
  return contexts;
}

const ENUMERATION_REACH = 8;

/**
 * Finds the enumeration of a sentence ("A, B, and C" or "A and B, as well as C") and marks its mentions as a list of
 * topics when it names two or more different states.
 */
function markTopicList(tokens: Token[], sentence: Sentence, mentions: Mention[], contexts: MentionContext[]) {
  const commas: number[] = [];
  let closing = -1;
  let spanStart = -1;
  let spanEnd = -1;
  for (let i = sentence.start; i < sentence.end; i++) {
    if (tokens[i]!.text !== ',' || !isEnumerationComma(tokens, i)) continue;
    commas.push(i);
    const next = tokens[i + 1]?.norm;
    const asWellAs = next === 'as' && tokens[i + 2]?.norm === 'well' && tokens[i + 3]?.norm === 'as';
    if (asWellAs) {
      // "events in Belarus and relief efforts in Gaza, as well as …"
      spanStart = Math.max(sentence.start, i - 12);
      spanEnd = Math.min(sentence.end, i + 4 + ENUMERATION_REACH);
      closing = i;
      break;
    }
    if ((next === 'and' || next === 'or') && commas.length >= 2) {
      spanStart = commas[0]! - ENUMERATION_REACH;
      spanEnd = Math.min(sentence.end, i + 2 + ENUMERATION_REACH);
      closing = i;
      break;
    }
  }
  if (closing < 0) return;
  const inside = mentions
    .map((m, index) => ({ m, index }))
    .filter(({ m }) => m.start >= Math.max(spanStart, sentence.start) && m.start < spanEnd && m.code !== 'US');
  if (new Set(inside.map(({ m }) => m.code)).size < 2) return;
  for (const { index } of inside) contexts[index]!.topicList = true;
}

function isEnumerationComma(tokens: Token[], i: number): boolean {
  // "July 26, 2021" and "1,500" are not list commas.
  return !(/^\d/.test(tokens[i - 1]?.text ?? '') && /^\d/.test(tokens[i + 1]?.text ?? ''));
}

/** Index of the sentence holding a token. */
export function sentenceOf(sentences: Sentence[], tokenIndex: number): number {
  for (let i = 0; i < sentences.length; i++) if (tokenIndex < sentences[i]!.end) return i;
  return sentences.length - 1;
}
