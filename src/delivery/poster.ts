import { DiscordAPIError, MessageFlags, RateLimitError, Routes, type REST } from 'discord.js';
import { NO_PINGS } from '../discord/limits.js';

/** One message as delivery sends it. `nonce` is stable across retries of the same message part. */
export interface OutgoingMessage {
  content: string;
  nonce: string;
}

export type PostError =
  /** The bot may not see or post in the channel (403). Counts towards pausing the subscription. */
  | 'forbidden'
  /** The channel no longer exists (404). Counts towards pausing the subscription. */
  | 'missing'
  /** Discord asked us to wait; waited out, never counted as a failure. */
  | 'rate-limited'
  /** Discord refused this payload (another 4xx): retrying the same message cannot help. */
  | 'rejected';

export type PostResult = { ok: true } | { ok: false; error: PostError; retryAfterMs?: number; detail?: string };

/**
 * Sends a message to a channel. Resolves with the outcome for the outcomes above; throws (or rejects) for transient
 * trouble such as network errors or 5xx, which delivery retries later without counting.
 */
export interface Poster {
  post(channelId: string, message: OutgoingMessage): Promise<PostResult>;
}

/**
 * A Poster on discord.js's REST client (pass `client.rest` for the bot). It asks Discord to deduplicate by nonce
 * (`enforce_nonce`), never pings anyone and suppresses link previews so a digest stays compact.
 */
export function restPoster(rest: REST): Poster {
  return {
    async post(channelId, message) {
      try {
        await rest.post(Routes.channelMessages(channelId), {
          body: {
            content: message.content,
            nonce: message.nonce,
            enforce_nonce: true,
            allowed_mentions: { parse: [...NO_PINGS.parse], replied_user: NO_PINGS.repliedUser },
            flags: MessageFlags.SuppressEmbeds,
          },
        });
        return { ok: true };
      } catch (error) {
        return classifyRestError(error);
      }
    },
  };
}

/** Maps a discord.js REST failure to a PostResult; rethrows what is transient. */
export function classifyRestError(error: unknown): PostResult {
  if (error instanceof RateLimitError) {
    return { ok: false, error: 'rate-limited', retryAfterMs: error.retryAfter };
  }
  if (error instanceof DiscordAPIError) {
    const detail = `${error.status} ${error.code}: ${error.message}`;
    if (error.status === 404) return { ok: false, error: 'missing', detail };
    if (error.status === 403) return { ok: false, error: 'forbidden', detail };
    if (error.status === 429) return { ok: false, error: 'rate-limited', detail };
    if (error.status >= 400 && error.status < 500) return { ok: false, error: 'rejected', detail };
  }
  throw error;
}
