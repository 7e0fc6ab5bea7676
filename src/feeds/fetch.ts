import { FeedError } from './feed-error.js';
import { htmlPageTitle } from './rss.js';

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const USER_AGENT = 'statebot/0.1 (RSS reader for U.S. Department of State press releases)';

export interface FetchOptions {
  /** Validators from the previous response, sent as If-None-Match / If-Modified-Since. */
  etag?: string;
  lastModified?: string;
  timeoutMs?: number;
  /** The response is abandoned as soon as it grows past this. */
  maxBytes?: number;
  /** Cancels the request early (the poller stopping). */
  signal?: AbortSignal;
  accept?: string;
}

export type FetchResult =
  | { status: 'not-modified' }
  | { status: 'ok'; body: string; contentType: string | null; etag?: string; lastModified?: string; url: string };

const FEED_ACCEPT = 'application/rss+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

/**
 * GETs a feed with a conditional request. Throws FeedError on a timeout, a network failure, a non-2xx status,
 * a response larger than `maxBytes`, or an HTML page where the feed should be.
 */
export async function fetchFeed(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  const result = await fetchText(url, { accept: FEED_ACCEPT, ...options });
  if (result.status === 'ok') {
    const page = htmlPageTitle(result.body);
    if (page !== null) throw new FeedError(`got an HTML page${page ? ` ("${page}")` : ''} instead of a feed`, 'html-page');
  }
  return result;
}

/** GETs any text document (a feed or a release page) with the same timeout, size cap and conditional headers. */
export async function fetchText(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  const headers: Record<string, string> = {
    'User-Agent': USER_AGENT,
    Accept: options.accept ?? 'text/html, application/xhtml+xml, application/xml;q=0.9, */*;q=0.5',
  };
  if (options.etag) headers['If-None-Match'] = options.etag;
  if (options.lastModified) headers['If-Modified-Since'] = options.lastModified;

  try {
    const response = await fetch(url, { headers, signal, redirect: 'follow' });
    if (response.status === 304) {
      await response.body?.cancel();
      return { status: 'not-modified' };
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new FeedError(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`, 'http-status');
    }
    const body = await readCapped(response, maxBytes);
    return {
      status: 'ok',
      body,
      contentType: response.headers.get('content-type'),
      etag: response.headers.get('etag') ?? undefined,
      lastModified: response.headers.get('last-modified') ?? undefined,
      url: response.url || url,
    };
  } catch (error) {
    throw asFeedError(error, timeout, timeoutMs);
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const tooLarge = () => new FeedError(`response larger than ${formatBytes(maxBytes)}`, 'too-large');
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder(charsetOf(response.headers.get('content-type'))).decode(Buffer.concat(chunks));
}

function charsetOf(contentType: string | null): string {
  const charset = /charset="?([\w-]+)/i.exec(contentType ?? '')?.[1];
  if (!charset) return 'utf-8';
  try {
    new TextDecoder(charset);
    return charset;
  } catch {
    return 'utf-8';
  }
}

function asFeedError(error: unknown, timeout: AbortSignal, timeoutMs: number): FeedError {
  if (error instanceof FeedError) return error;
  if (timeout.aborted) return new FeedError(`timed out after ${timeoutMs / 1000} s`, 'timeout');
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'AbortError') return new FeedError('request cancelled', 'aborted');
  const cause = e.cause?.code ?? e.cause?.message;
  return new FeedError(`network error: ${cause ?? e.message ?? String(error)}`, 'network');
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}
