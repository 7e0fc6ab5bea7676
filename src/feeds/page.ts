import * as cheerio from 'cheerio';
import { normalizeKind } from '../corpus/kind.js';
import type { RawRelease } from '../corpus/release.js';
import { stateDateOfDisplay, stateDateOfTimestamp } from './dates.js';
import { FeedError } from './feed-error.js';
import { dropLeadingByline, normalizeSpaces, paragraphsOf, sameByline } from './html.js';

/** Page furniture that can sit inside the article body container on state.gov. */
const NOT_BODY = '.featured-content, .article-meta, .doctype-meta, .related-tags, .related-content, h1';

const SITE_SUFFIX = /\s*[-|–—]\s*(the )?United States Department of State\s*$/i;
const GENERIC_BYLINE = /^(the )?(u\.?\s?s\.?|united states) department of state$/i;

/**
 * Reads one state.gov release page (fetched or saved HTML): the title, the kind label ("Press Statement"),
 * byline, date and body from the article markup, falling back on JSON-LD and og:/article: meta tags.
 * Throws FeedError when the page has no release title, date or text (a search page, an error page).
 */
export function parseReleasePage(html: string, url?: string): RawRelease {
  const $ = cheerio.load(html);
  const ld = jsonLdFacts($);
  const meta = (property: string) => normalizeSpaces($(`meta[property="${property}"], meta[name="${property}"]`).first().attr('content') ?? '');

  const title =
    text($, '.featured-content__headline') ||
    meta('og:title').replace(SITE_SUFFIX, '') ||
    ld.headline.replace(SITE_SUFFIX, '') ||
    normalizeSpaces($('title').first().text()).replace(SITE_SUFFIX, '') ||
    text($, 'h1');
  if (!title) throw new FeedError('no release title on the page', 'not-a-release');

  const displayedDate = text($, '.article-meta__publish-date');
  const date =
    (displayedDate && stateDateOfDisplay(displayedDate)) ||
    stateDateOfTimestamp(ld.datePublished) ||
    stateDateOfTimestamp(meta('article:published_time')) ||
    stateDateOfTimestamp($('article time[datetime], time[datetime]').first().attr('datetime') ?? '');
  if (!date) throw new FeedError(`no publication date on the page "${title}"`, 'not-a-release');

  const bylines = $('.article-meta__author-bureau')
    .toArray()
    .map((el) => normalizeSpaces($(el).text()))
    .filter((line) => line !== '');
  const byline = bylines.join('; ') || null;

  // Remarks show their venue in the article meta; the feed's text opens with it, so the page's does too.
  const venue = ['.article-meta__audience', '.article-meta__location'].map((selector) => text($, selector)).filter(Boolean);
  const body = bodyContainer($);
  body.find(NOT_BODY).remove();
  const content = dropLeadingByline(paragraphsOf($, body.toArray()), byline);
  const opening = content.slice(0, venue.length);
  const paragraphs = [...venue.filter((line) => !opening.some((p) => sameByline(p, line))), ...content];
  if (paragraphs.length === 0) throw new FeedError(`no text on the page "${title}"`, 'not-a-release');

  const pageUrl = url ?? ($('link[rel="canonical"]').attr('href') || meta('og:url') || ld.url || null);
  return {
    title,
    date,
    office: byline && !GENERIC_BYLINE.test(byline) ? byline : null,
    url: pageUrl,
    paragraphs,
    kind: normalizeKind(text($, '.doctype-meta') || text($, '.featured-content__type')),
    format: 'html',
    key: pageUrl ?? undefined,
  };
}

function text($: cheerio.CheerioAPI, selector: string): string {
  return normalizeSpaces($(selector).first().text());
}

/** The article body: WordPress's `.entry-content`, else the article, else the main element. */
function bodyContainer($: cheerio.CheerioAPI) {
  for (const selector of ['article .entry-content', 'main .entry-content', '.entry-content', 'article', 'main', '[role="main"]']) {
    const found = $(selector).first();
    if (found.length > 0) return found;
  }
  return $('body').first();
}

interface LdFacts {
  headline: string;
  datePublished: string;
  url: string;
}

/** Headline, publication time and URL from the page's JSON-LD (Yoast's `@graph` or a bare Article). */
function jsonLdFacts($: cheerio.CheerioAPI): LdFacts {
  const facts: LdFacts = { headline: '', datePublished: '', url: '' };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    const type = ([] as unknown[]).concat(record['@type']).map(String);
    if (type.some((t) => /Article|WebPage|NewsArticle|Report/.test(t))) {
      if (!facts.headline && typeof record.headline === 'string') facts.headline = normalizeSpaces(record.headline);
      if (!facts.headline && typeof record.name === 'string') facts.headline = normalizeSpaces(record.name);
      if (!facts.datePublished && typeof record.datePublished === 'string') facts.datePublished = record.datePublished;
      if (!facts.url && typeof record.url === 'string') facts.url = record.url;
    }
    if (record['@graph']) visit(record['@graph']);
  };
  $('script[type="application/ld+json"]').each((_, el) => {
    try {
      visit(JSON.parse($(el).text()));
    } catch {
      // A broken JSON-LD block is ignored; the article markup is the primary source.
    }
  });
  return facts;
}
