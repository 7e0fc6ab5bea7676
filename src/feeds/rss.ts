import { XMLParser, XMLValidator } from 'fast-xml-parser';
import * as cheerio from 'cheerio';
import { normalizeKind } from '../corpus/kind.js';
import type { RawRelease } from '../corpus/release.js';
import { stateDateOfTimestamp } from './dates.js';
import { FeedError } from './feed-error.js';
import { dropLeadingByline, htmlText, htmlToParagraphs, normalizeSpaces } from './html.js';

export interface ParsedFeed {
  /** The channel's own title, e.g. "Press Releases – United States Department of State". */
  title: string | null;
  releases: RawRelease[];
  /** Items skipped, each as `<feedName>: item 3 "<title>": no pubDate`. */
  errors: string[];
}

const CDATA = '#cdata';
const TEXT = '#text';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // Entities are decoded by the HTML library, once: numeric references (&#8217;) are everywhere in WordPress feeds.
  processEntities: false,
  cdataPropName: CDATA,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => name === 'item' || name === 'category',
});

/** Bylines that name the institution rather than a speaker or office; the corpus stores them as null. */
const GENERIC_BYLINE = /^(the )?(u\.?\s?s\.?|united states) department of state$/i;

/**
 * Parses an RSS 2.0 feed (state.gov's WordPress feeds) into raw releases. Malformed XML, an HTML page served in
 * place of the feed or a document that is not RSS throws a FeedError; a bad item is reported in `errors` and
 * skipped, never guessed.
 */
export function parseFeed(xml: string, feedName: string): ParsedFeed {
  const text = xml.replace(/^\uFEFF/, '').trimStart();
  const page = htmlPageTitle(text);
  if (page !== null) throw new FeedError(`got an HTML page${page ? ` ("${page}")` : ''} instead of a feed`, 'html-page');
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    const { msg, line } = validation.err;
    throw new FeedError(`malformed XML (line ${line}: ${msg})`, 'malformed-xml');
  }
  const document = parser.parse(text) as Record<string, unknown>;
  const rss = asRecord(document.rss);
  const channel = asRecord(rss?.channel);
  if (!rss || !channel) {
    const root = Object.keys(document).find((key) => !key.startsWith('?')) ?? 'nothing';
    if (root.toLowerCase() === 'html') throw new FeedError('got an XHTML page instead of a feed', 'html-page');
    throw new FeedError(`not an RSS feed (root element <${root}>)`, 'not-a-feed');
  }
  const releases: RawRelease[] = [];
  const errors: string[] = [];
  const items = Array.isArray(channel.item) ? channel.item : [];
  items.forEach((item, index) => {
    const outcome = itemToRelease(asRecord(item) ?? {});
    if (typeof outcome === 'string') {
      const title = plainText(asRecord(item)?.title);
      errors.push(`${feedName}: item ${index + 1}${title ? ` "${title}"` : ''}: ${outcome}`);
    } else {
      releases.push(outcome);
    }
  });
  return { title: plainText(channel.title) || null, releases, errors };
}

/** A release, or why the item cannot be one. */
function itemToRelease(item: Record<string, unknown>): RawRelease | string {
  const title = plainText(item.title);
  if (!title) return 'no title';
  const pubDate = plainText(item.pubDate) || plainText(item['dc:date']);
  if (!pubDate) return 'no pubDate';
  const date = stateDateOfTimestamp(pubDate);
  if (!date) return `unreadable pubDate "${pubDate}"`;
  const byline = plainText(item['dc:creator']) || null;
  const html = htmlOf(item['content:encoded']) || htmlOf(item.description);
  const paragraphs = dropLeadingByline(htmlToParagraphs(html), byline);
  if (paragraphs.length === 0) return 'no text';
  const guid = plainText(item.guid);
  const link = plainText(item.link) || (isPermaLink(item.guid) && /^https?:\/\//.test(guid) ? guid : '');
  const categories = Array.isArray(item.category) ? item.category.map(plainText) : [];
  return {
    title,
    date,
    office: byline && !GENERIC_BYLINE.test(byline) ? byline : null,
    url: link || null,
    paragraphs,
    kind: categories.map((category) => normalizeKind(category)).find((kind) => kind !== null) ?? null,
    format: 'rss',
    key: guid || link || undefined,
  };
}

/** The text of an element parsed with `processEntities: false`: XML-escaped text, CDATA sections, or both. */
function rawParts(value: unknown): { escaped: string; cdata: string } {
  if (typeof value === 'string') return { escaped: value, cdata: '' };
  const record = asRecord(value);
  if (!record) return { escaped: '', cdata: '' };
  const join = (part: unknown) => (Array.isArray(part) ? part.join('') : typeof part === 'string' ? part : '');
  return { escaped: join(record[TEXT]), cdata: join(record[CDATA]) };
}

/** A plain-text field (title, byline, link, guid): entities decoded, stray markup dropped, spaces normalized. */
function plainText(value: unknown): string {
  const { escaped, cdata } = rawParts(value);
  return htmlText(escaped + cdata);
}

/** An HTML field (content:encoded, description): CDATA is HTML as is; escaped text is HTML once decoded. */
function htmlOf(value: unknown): string {
  const { escaped, cdata } = rawParts(value);
  const unescaped = escaped ? cheerio.load(escaped, null, false).root().text() : '';
  return (unescaped + cdata).trim();
}

function isPermaLink(guid: unknown): boolean {
  return asRecord(guid)?.['@isPermaLink'] !== 'false';
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * The title of an HTML page ("" when it has none) if `text` is one rather than XML; null for anything else.
 * state.gov serves a "Technical Difficulties" page with status 200 when it is overloaded.
 */
export function htmlPageTitle(text: string): string | null {
  const head = text.slice(0, 2048).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  const isHtml = head.startsWith('<!doctype html') || /^(<!--[\s\S]*?-->\s*)*<html[\s>]/.test(head);
  if (!isHtml) return null;
  const $ = cheerio.load(text);
  return normalizeSpaces($('title').first().text()) || normalizeSpaces($('h1').first().text());
}
