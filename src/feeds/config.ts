import { UserError } from '../errors.js';

export interface FeedSource {
  /** Short name used in logs: "press-releases". */
  name: string;
  url: string;
}

export interface FeedConfig {
  feeds: FeedSource[];
  intervalMinutes: number;
}

export const DEFAULT_FEED_URL = 'https://www.state.gov/rss-feed/press-releases/feed/';
export const DEFAULT_POLL_MINUTES = 15;
const MAX_POLL_MINUTES = 7 * 24 * 60;

/**
 * Reads FEEDS (URLs separated by commas or spaces, each optionally `name=url`; unset means state.gov's press
 * releases, empty or "none" means no polling) and FEED_POLL_MINUTES (a positive number, fractions allowed).
 * Throws UserError with the variable's name on a bad value.
 */
export function loadFeedConfig(env: NodeJS.ProcessEnv = process.env): FeedConfig {
  return { feeds: parseFeedList(env.FEEDS), intervalMinutes: parsePollMinutes(env.FEED_POLL_MINUTES) };
}

export function parseFeedList(value: string | undefined): FeedSource[] {
  if (value === undefined) return [{ name: feedNameOf(DEFAULT_FEED_URL), url: DEFAULT_FEED_URL }];
  const entries = value.split(/[\s,]+/).filter((entry) => entry !== '');
  if (entries.length === 0 || (entries.length === 1 && /^(none|off)$/i.test(entries[0]!))) return [];
  const feeds = entries.map(parseFeedEntry);
  const names = new Set<string>();
  for (const feed of feeds) {
    if (names.has(feed.name)) {
      throw new UserError(`FEEDS: two feeds are named "${feed.name}"; name them with name=url`, 'BAD_ARGUMENT');
    }
    names.add(feed.name);
  }
  return feeds;
}

function parseFeedEntry(entry: string): FeedSource {
  const named = /^([\w.-]+)=(.+)$/.exec(entry);
  const url = named ? named[2]! : entry;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UserError(`FEEDS: "${url}" is not a URL`, 'BAD_ARGUMENT', [DEFAULT_FEED_URL]);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new UserError(`FEEDS: "${url}" must be an http(s) URL`, 'BAD_ARGUMENT', [DEFAULT_FEED_URL]);
  }
  return { name: named ? named[1]! : feedNameOf(parsed.href), url: parsed.href };
}

/** A readable name for a feed URL: state.gov's `/rss-feed/<name>/feed/`, else host and path. */
export function feedNameOf(url: string): string {
  const parsed = new URL(url);
  const stateGov = /\/rss-feed\/([^/]+)/.exec(parsed.pathname);
  if (stateGov) return stateGov[1]!;
  const path = parsed.pathname.replace(/\/(feed|rss)(\.xml)?\/?$/i, '').replace(/^\/+|\/+$/g, '');
  return [parsed.hostname.replace(/^www\./, ''), ...path.split('/').filter(Boolean)].join('/') || parsed.host;
}

export function parsePollMinutes(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_POLL_MINUTES;
  const minutes = Number(value.trim());
  if (!Number.isFinite(minutes) || minutes <= 0 || minutes > MAX_POLL_MINUTES) {
    throw new UserError(
      `FEED_POLL_MINUTES must be a positive number of minutes up to ${MAX_POLL_MINUTES} (fractions allowed), got "${value}"`,
      'BAD_ARGUMENT',
    );
  }
  return minutes;
}
