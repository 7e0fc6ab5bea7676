import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ParseOutcome } from '../corpus/plaintext.js';
import { UserError } from '../errors.js';
import { feedNameOf } from './config.js';
import { FeedError } from './feed-error.js';
import { fetchText, type FetchOptions } from './fetch.js';
import { parseReleasePage } from './page.js';
import { htmlPageTitle, parseFeed } from './rss.js';

const FEED_EXTENSIONS = new Set(['.rss', '.xml']);
const PAGE_EXTENSIONS = new Set(['.html', '.htm']);

/** True when `loadSource` handles the argument: an http(s) URL, or a .rss/.xml feed or .html page file. */
export function isFeedOrPageSource(arg: string): boolean {
  if (/^https?:\/\//i.test(arg)) return true;
  const extension = path.extname(arg).toLowerCase();
  return FEED_EXTENSIONS.has(extension) || PAGE_EXTENSIONS.has(extension);
}

/**
 * Loads releases for `cli import`: an http(s) URL (an RSS feed or a single release page, told apart by what
 * comes back), a saved feed (.rss, .xml) or a saved release page (.html). Items a feed cannot use are listed
 * in `errors`; a source that cannot be used at all throws UserError naming it.
 */
export async function loadSource(arg: string, options: Pick<FetchOptions, 'timeoutMs' | 'maxBytes'> = {}): Promise<ParseOutcome> {
  const source = arg.trim();
  if (/^https?:\/\//i.test(source)) return loadUrl(source, options);
  const extension = path.extname(source).toLowerCase();
  if (!FEED_EXTENSIONS.has(extension) && !PAGE_EXTENSIONS.has(extension)) {
    throw new UserError(`${source}: not a feed or page; expected an http(s) URL, a .rss/.xml feed or an .html page`, 'BAD_ARGUMENT');
  }
  const name = path.basename(source);
  let text: string;
  try {
    text = await readFile(source, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`${name}: ${code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? error})`}`, 'BAD_ARGUMENT');
  }
  return guard(name, () =>
    PAGE_EXTENSIONS.has(extension) ? { releases: [parseReleasePage(text)], errors: [] } : parseFeed(text, name),
  );
}

async function loadUrl(url: string, options: Pick<FetchOptions, 'timeoutMs' | 'maxBytes'>): Promise<ParseOutcome> {
  let name: string;
  try {
    name = feedNameOf(url);
  } catch {
    throw new UserError(`${url}: not a valid URL`, 'BAD_ARGUMENT');
  }
  return guard(url, async () => {
    const response = await fetchText(url, options);
    if (response.status !== 'ok') throw new FeedError('nothing returned', 'http-status');
    if (htmlPageTitle(response.body) !== null) return { releases: [parseReleasePage(response.body, response.url)], errors: [] };
    return parseFeed(response.body, name);
  });
}

/** Turns a FeedError into a UserError that names the source; anything else is a bug and propagates. */
async function guard(source: string, load: () => ParseOutcome | Promise<ParseOutcome>): Promise<ParseOutcome> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof FeedError) throw new UserError(`${source}: ${error.message}`, 'BAD_ARGUMENT');
    throw error;
  }
}
