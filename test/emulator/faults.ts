import { DiscordHttpError, HttpErrors } from './discord-errors.js';

export interface RequestSummary {
  method: string;
  path: string;
  route: string | null;
  params: Record<string, string>;
}

interface RateLimitPlan {
  remaining: number;
  retryAfterS: number;
  match: (request: RequestSummary) => boolean;
}

const SEND_MESSAGE_ROUTE = 'POST /channels/:channelId/messages';

/** Failures a test asked for: broken channels and 429s, applied before normal handling. */
export class FaultInjector {
  private readonly failedChannels = new Map<string, 403 | 404>();
  private readonly rateLimits: RateLimitPlan[] = [];

  /** POST /channels/:id/messages answers 403 (50013) or 404 (10003); `null` heals the channel. */
  failChannel(channelId: string, status: 403 | 404 | null): void {
    if (status === null) this.failedChannels.delete(channelId);
    else this.failedChannels.set(channelId, status);
  }

  /** The next `count` matching calls (default: any call) answer 429 with Retry-After = `retryAfterS`. */
  rateLimitNext(count: number, retryAfterS: number, match: (request: RequestSummary) => boolean = () => true): void {
    if (!Number.isInteger(count) || count < 1) throw new RangeError(`rateLimitNext needs a positive count, got ${count}`);
    if (!(retryAfterS >= 0)) throw new RangeError(`rateLimitNext needs retryAfterS >= 0, got ${retryAfterS}`);
    this.rateLimits.push({ remaining: count, retryAfterS, match });
  }

  clear(): void {
    this.failedChannels.clear();
    this.rateLimits.length = 0;
  }

  check(request: RequestSummary): DiscordHttpError | undefined {
    const plan = this.rateLimits.find((p) => p.remaining > 0 && p.match(request));
    if (plan) {
      plan.remaining--;
      return HttpErrors.rateLimited(plan.retryAfterS, `emulated-${request.route ?? request.path}`);
    }
    if (request.route === SEND_MESSAGE_ROUTE) {
      const status = this.failedChannels.get(request.params.channelId ?? '');
      if (status === 403) return HttpErrors.missingPermissions();
      if (status === 404) return HttpErrors.unknownChannel();
    }
    return undefined;
  }
}
