import { readContexts, sentenceOf, ROLE_HEADS, type MentionContext } from './context.js';
import { findMentions, type Mention } from './matcher.js';
import { analyseParagraphs, isPublicSchedule, splitSentences, type Paragraph, type Sentence } from './structure.js';
import { tokenize, type Token } from './tokens.js';

export interface CountryTags {
  /** What the release is about, most important first. */
  countries: string[];
  /** Named only in passing, in order of first mention. */
  mentioned: string[];
}

/** A release this short is about every state that gets a sentence of its own. */
const SHORT_RELEASE_SENTENCES = 12;
/** A state discussed in this many sentences is a topic whatever the release's length. */
const TOPIC_SENTENCES = 3;

const US = 'US';
const EU = 'EU';

interface Occurrence {
  code: string;
  /** Global sentence number; -1 for the title and the byline. */
  sentence: number;
  /** Document order (title first). */
  position: number;
  context: MentionContext;
  paragraph: Paragraph | null;
}

type Reason = 'title' | 'party' | 'lead' | 'heading' | 'topic';

/**
 * Which states a release is about and which it only names. Title and lead weigh most; counterparts of a meeting
 * or call and the few co-authors of a joint statement are about; members of long lists, venues, postings,
 * names of programmes and examples after "including" are in passing; in a short release a state with a sentence
 * of its own is a topic. The U.S. is the speaker, not a topic, unless the release is about home affairs.
 */
export function tagCountries(title: string, paragraphs: string[], office: string | null = null): CountryTags {
  const about = new Map<string, { reason: Reason; position: number }>();
  const firstSeen = new Map<string, number>();
  const promote = (code: string, reason: Reason, position: number) => {
    if (code === US) return;
    const existing = about.get(code);
    if (!existing || (reason === 'title' && existing.reason !== 'title')) about.set(code, { reason, position });
  };
  const see = (code: string, position: number) => {
    if (!firstSeen.has(code) || firstSeen.get(code)! > position) firstSeen.set(code, position);
  };

  // Title: every state it names is a subject, except the many authors of a joint statement.
  const titleTokens = tokenize(title);
  const titleMentions = findMentions(titleTokens, { titleCase: true });
  const titleAuthors = manyAuthorsInTitle(title, titleTokens, titleMentions);
  titleMentions.forEach((m, i) => {
    see(m.code, i - 1_000);
    if (m.kind !== 'peninsula' && !titleAuthors.has(i)) promote(m.code, 'title', i - 1_000);
  });

  // Byline of remarks: a foreign minister speaking alongside the Secretary is a counterpart.
  if (office) {
    const officeTokens = tokenize(office);
    for (const m of findMentions(officeTokens, { titleCase: true })) {
      if (isOfficialOf(officeTokens, m)) promote(m.code, 'party', -500 + m.start);
    }
  }

  const structure = analyseParagraphs(title, paragraphs);
  const schedule = isPublicSchedule(title, paragraphs);
  const occurrences: Occurrence[] = [];
  let sentenceOffset = 0;
  let contentSentences = 0;
  let leadSentence = -1;

  for (const paragraph of structure) {
    if (paragraph.role === 'attribution' || paragraph.role === 'marker') {
      sentenceOffset += paragraph.sentences.length;
      continue;
    }
    const mentions = keepPeninsulaOnlyWhenNuclear(findMentions(paragraph.tokens), paragraph.tokens, paragraph.sentences);

    const titleCase = paragraph.role === 'heading';
    const contexts = readContexts(paragraph.tokens, paragraph.sentences, mentions, {
      dateline: paragraph.role === 'dateline',
      titleCase,
    });
    if (paragraph.role === 'content') {
      if (leadSentence < 0 && paragraph.sentences.length > 0) leadSentence = sentenceOffset;
      contentSentences += paragraph.sentences.length;
    }
    mentions.forEach((m, i) => {
      const position = paragraph.index * 100_000 + m.start;
      see(m.code, position);
      const context = contexts[i]!;
      const sentence = sentenceOffset + sentenceOf(paragraph.sentences, m.start);
      occurrences.push({ code: m.code, sentence, position, context, paragraph });

      if (paragraph.role === 'preamble') return;
      if (schedule) {
        if (paragraph.secretarySection && !context.listed && !context.weak) promote(m.code, 'party', position);
        return;
      }
      if (context.counterpart && !context.weak) promote(m.code, 'party', position);
      const headed = paragraph.role === 'heading' || paragraph.bulletHeadEnd > m.start;
      if (headed && !context.weak && !context.listed) promote(m.code, 'heading', position);
    });
    if (paragraph.role === 'preamble') promoteCoauthors(paragraph, mentions, promote);
    sentenceOffset += paragraph.sentences.length;
  }

  if (!schedule) {
    promoteWeAuthors(occurrences, leadSentence, promote);
    promoteLead(occurrences, leadSentence, promote);
    promoteFromSentences(occurrences, about, contentSentences, promote);
  }

  const countries = [...about.entries()]
    .sort((a, b) => rank(a[1]) - rank(b[1]))
    .map(([code]) => code);
  if (countries.length === 0 && isAboutHomeAffairs(firstSeen, paragraphs)) countries.push(US);
  const mentioned = [...firstSeen.entries()]
    .filter(([code]) => code !== US && !about.has(code))
    .sort((a, b) => a[1] - b[1])
    .map(([code]) => code);
  return { countries, mentioned };
}

function rank(entry: { reason: Reason; position: number }): number {
  return (entry.reason === 'title' ? 0 : 1) * 1e12 + entry.position;
}

const JOINT_STATEMENT_TITLE = /\b(?:joint statement|statement (?:by|of)|communiqu[eé]|declaration)\b/i;

/** Mentions (by index) that list more than three co-authors in a joint statement's title: they are in passing. */
function manyAuthorsInTitle(title: string, tokens: Token[], mentions: Mention[]): Set<number> {
  const authors = new Set<number>();
  if (!JOINT_STATEMENT_TITLE.test(title)) return authors;
  const contexts = readContexts(tokens, splitSentences(tokens), mentions, { titleCase: true });
  const listed = mentions.map((m, i) => ({ m, i })).filter(({ i }) => contexts[i]!.listed);
  const foreign = new Set(listed.filter(({ m }) => m.code !== US).map(({ m }) => m.code));
  if (foreign.size > 3) for (const { i } of listed) authors.add(i);
  return authors;
}

/** "Israeli Prime Minister", "Indian Minister of External Affairs", "President of Palau". */
function isOfficialOf(tokens: Token[], m: Mention): boolean {
  for (let i = m.end; i < Math.min(tokens.length, m.end + 4); i++) {
    if (tokens[i]!.text === ',' || tokens[i]!.text === ';') break;
    if (ROLE_HEADS.has(tokens[i]!.norm)) return true;
  }
  return tokens[m.start - 1]?.norm === 'of' && ROLE_HEADS.has(tokens[m.start - 2]?.norm ?? '');
}

/** "Korean Peninsula" stands for the DPRK only where denuclearization is the subject. */
function keepPeninsulaOnlyWhenNuclear(mentions: Mention[], tokens: Token[], sentences: Sentence[]): Mention[] {
  return mentions.filter((m) => {
    if (m.kind !== 'peninsula') return true;
    const sentence = sentences[sentenceOf(sentences, m.start)]!;
    for (let i = sentence.start; i < sentence.end; i++) {
      if (/^(?:de)?nuclear/.test(tokens[i]!.norm)) return true;
    }
    return false;
  });
}

/** "The following statement was released by the Governments of X, Y and the United States": ≤3 authors are parties. */
function promoteCoauthors(
  paragraph: Paragraph,
  mentions: Mention[],
  promote: (code: string, reason: Reason, position: number) => void,
) {
  if (!/\b(?:released|issued|made|signed)\b[^.]*\bby\b/i.test(paragraph.text)) return;
  const authors = [...new Set(mentions.map((m) => m.code))].filter((code) => code !== US);
  if (authors.length === 0 || authors.length > 3) return;
  for (const m of mentions) promote(m.code, 'party', paragraph.index * 100_000 + m.start);
}

/**
 * "Today, we, the Foreign Ministers of Australia, India, Japan, and the United States, met …": a joint statement's
 * lead that names its authors. Up to three besides the U.S. are parties, like a preamble's.
 */
function promoteWeAuthors(
  occurrences: Occurrence[],
  leadSentence: number,
  promote: (code: string, reason: Reason, position: number) => void,
) {
  const lead = occurrences.filter((o) => o.sentence === leadSentence && o.paragraph?.role === 'content');
  if (lead.length === 0 || !WE_THE_AUTHORS.test(lead[0]!.paragraph!.text)) return;
  const authors = [...new Set(lead.filter((o) => o.context.listed).map((o) => o.code))].filter((code) => code !== US);
  if (authors.length === 0 || authors.length > 3) return;
  for (const o of lead) if (authors.includes(o.code)) promote(o.code, 'party', o.position);
}

const WE_THE_AUTHORS = /\bwe,? the (?:leaders|heads of (?:state|government)|foreign ministers|ministers|governments|representatives|secretaries|foreign secretaries|defense ministers)\b[^.]{0,40}\bof\b/i;

function isPromotable(o: Occurrence): boolean {
  return o.code !== US && o.code !== EU && !o.context.weak && !o.context.listed && !o.context.example && !isProgrammePartner(o);
}

/** The first sentence of the body names the subject. */
function promoteLead(
  occurrences: Occurrence[],
  leadSentence: number,
  promote: (code: string, reason: Reason, position: number) => void,
) {
  for (const o of occurrences) {
    if (o.sentence === leadSentence && o.paragraph?.role === 'content' && isPromotable(o)) {
      promote(o.code, 'lead', o.position);
    }
  }
}

/**
 * Sentence-level evidence, after the title, parties and lead are known ("primary"):
 * - paired with a primary state ("Israel and the Palestinian Authority should …");
 * - named twice in one sentence;
 * - discussed in several sentences;
 * - in a short release, the only kind of state in a sentence of its own.
 */
function promoteFromSentences(
  occurrences: Occurrence[],
  about: Map<string, { reason: Reason; position: number }>,
  contentSentences: number,
  promote: (code: string, reason: Reason, position: number) => void,
) {
  const primary = new Set(about.keys());
  const bySentence = new Map<number, Occurrence[]>();
  for (const o of occurrences) {
    if (o.paragraph?.role !== 'content') continue;
    const list = bySentence.get(o.sentence) ?? [];
    list.push(o);
    bySentence.set(o.sentence, list);
  }
  const sentencesPerCode = new Map<string, Set<number>>();
  const short = contentSentences <= SHORT_RELEASE_SENTENCES;

  for (const [sentence, list] of bySentence) {
    const hasPrimary = list.some((o) => primary.has(o.code));
    const countInSentence = new Map<string, number>();
    for (const o of list) {
      if (!isPromotable(o)) continue;
      countInSentence.set(o.code, (countInSentence.get(o.code) ?? 0) + 1);
      const sentences = sentencesPerCode.get(o.code) ?? new Set<number>();
      sentences.add(sentence);
      sentencesPerCode.set(o.code, sentences);
      if (o.context.pairedWith.some((code) => primary.has(code))) promote(o.code, 'topic', o.position);
      // With a subject already known, a state inside a list of topics ("discussed A, the coup in Burma, and B")
      // is in passing; without one, the topics are what the release is about.
      if (short && !hasPrimary && (primary.size === 0 || !o.context.topicList)) promote(o.code, 'topic', o.position);
      if (!o.context.topicList && isConcernObject(o)) promote(o.code, 'topic', o.position);
    }
    for (const [code, count] of countInSentence) {
      if (count >= 2) promote(code, 'topic', list.find((o) => o.code === code)!.position);
    }
  }
  for (const [code, sentences] of sentencesPerCode) {
    if (sentences.size >= TOPIC_SENTENCES) {
      promote(code, 'topic', occurrences.find((o) => o.code === code)!.position);
    }
  }
}

const SUPPORT_VERBS = new Set(['supported', 'funded', 'sponsored', 'financed', 'cofunded', 'co-funded', 'backed']);

/** "an initiative supported by the United States and the United Kingdom": a partner in a programme, named in passing. */
function isProgrammePartner(o: Occurrence): boolean {
  return someWordBefore(o, ['.', ';'], (word, before) =>
    (word === 'by' && before !== undefined && SUPPORT_VERBS.has(before)) || (word === 'with' && before === 'partnership'),
  );
}

const CONCERN_WORDS = new Set(['concern', 'concerns', 'concerned', 'against', 'condemned', 'condemns', 'pressed', 'urged', 'appreciation', 'appreciate', 'appreciates', 'thank', 'thanks', 'thanked', 'commend', 'commends', 'commended']);

/** "concern over … in Hong Kong", "pressure campaign against Taiwan", "appreciation to Qatar": what the sentence is about. */
function isConcernObject(o: Occurrence): boolean {
  return someWordBefore(o, [',', '.', ';'], (word) => CONCERN_WORDS.has(word));
}

/** Some of the (up to 8) words before an occurrence, back to a clause mark in `stops`, passes `test` (given the word before it too). */
function someWordBefore(o: Occurrence, stops: string[], test: (word: string, before: string | undefined) => boolean): boolean {
  const tokens = o.paragraph!.tokens;
  const start = o.position - o.paragraph!.index * 100_000;
  for (let i = start - 1; i >= Math.max(0, start - 8); i--) {
    const token = tokens[i]!;
    if (stops.includes(token.text)) return false;
    if (test(token.norm, tokens[i - 1]?.norm)) return true;
  }
  return false;
}

// Case-sensitive on purpose: "federal agencies" is home affairs, "Federal Register" and "Federal Republic" are not.
const HOME_AFFAIRS =
  /\bwithin (?:our|U\.S\.|the United States[’']?) borders\b|\b(?:inside|within|across|throughout) the United States\b|\bfederal\b|\b(?:[Ss]tate|[Ll]ocal|[Tt]ribal),? (?:and local )?(?:law enforcement|governments?|authorities)\b|\b[Dd]omestic(?:ally)?\b|\bhere at home\b|\bU\.S\. (?:soil|communities)\b|\bAmerican communities\b/g;

/** A release that names no foreign state and speaks of federal agencies, U.S. borders, domestic work. */
function isAboutHomeAffairs(firstSeen: Map<string, number>, paragraphs: string[]): boolean {
  for (const code of firstSeen.keys()) if (code !== US) return false;
  let signals = 0;
  for (const paragraph of paragraphs) signals += paragraph.match(HOME_AFFAIRS)?.length ?? 0;
  return signals >= 2;
}
