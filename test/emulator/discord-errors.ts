/**
 * Discord-shaped HTTP errors. Bodies follow what discord.com returns, so `DiscordAPIError` in
 * discord.js carries the same `code`, `status` and message as in production.
 */

export class DiscordHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${String(body.message)}`);
    this.name = 'DiscordHttpError';
  }
}

function apiError(status: number, code: number, message: string): DiscordHttpError {
  return new DiscordHttpError(status, { message, code });
}

export const HttpErrors = {
  badRequest: () => apiError(400, 0, '400: Bad Request'),
  unauthorized: () => apiError(401, 0, '401: Unauthorized'),
  notFound: () => apiError(404, 0, '404: Not Found'),
  methodNotAllowed: () => apiError(405, 0, '405: Method Not Allowed'),
  unknownApplication: () => apiError(404, 10002, 'Unknown Application'),
  unknownChannel: () => apiError(404, 10003, 'Unknown Channel'),
  unknownGuild: () => apiError(404, 10004, 'Unknown Guild'),
  unknownMember: () => apiError(404, 10007, 'Unknown Member'),
  unknownMessage: () => apiError(404, 10008, 'Unknown Message'),
  unknownUser: () => apiError(404, 10013, 'Unknown User'),
  unknownWebhook: () => apiError(404, 10015, 'Unknown Webhook'),
  unknownInteraction: () => apiError(404, 10062, 'Unknown interaction'),
  unknownCommand: () => apiError(404, 10063, 'Unknown application command'),
  alreadyAcknowledged: () => apiError(400, 40060, 'Interaction has already been acknowledged.'),
  missingAccess: () => apiError(403, 50001, 'Missing Access'),
  cannotEditOthersMessage: () => apiError(403, 50005, 'Cannot edit a message authored by another user'),
  emptyMessage: () => apiError(400, 50006, 'Cannot send an empty message'),
  nonTextChannel: () => apiError(400, 50008, 'Cannot send messages in a non-text channel'),
  missingPermissions: () => apiError(403, 50013, 'Missing Permissions'),
  invalidWebhookToken: () => apiError(401, 50027, 'Invalid Webhook Token'),
  invalidRecipients: () => apiError(400, 50033, 'Invalid Recipient(s)'),
  invalidApiVersion: () => apiError(400, 50041, 'Invalid API version provided'),
  invalidJson: () => apiError(400, 50109, 'The request body contains invalid JSON.'),
  rateLimited(retryAfterS: number, bucket: string): DiscordHttpError {
    const resetAtS = (Date.now() / 1000 + retryAfterS).toFixed(3);
    return new DiscordHttpError(
      429,
      { message: 'You are being rate limited.', retry_after: retryAfterS, global: false },
      {
        'Retry-After': String(retryAfterS),
        'X-RateLimit-Limit': '5',
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset': resetAtS,
        'X-RateLimit-Reset-After': String(retryAfterS),
        'X-RateLimit-Bucket': bucket,
        'X-RateLimit-Scope': 'user',
      },
    );
  },
} as const;

export type FieldPath = ReadonlyArray<string | number>;

interface FieldError {
  path: FieldPath;
  code: string;
  message: string;
}

/**
 * Collects field errors and renders them as Discord's nested `errors` object, e.g.
 * `{ embeds: { 0: { title: { _errors: [{ code, message }] } } } }` under code 50035.
 */
export class FormErrors {
  private readonly entries: FieldError[] = [];

  add(path: FieldPath, code: string, message: string): void {
    this.entries.push({ path, code, message });
  }

  get isEmpty(): boolean {
    return this.entries.length === 0;
  }

  toJSON(): Record<string, unknown> {
    const root: Record<string, unknown> = {};
    for (const { path, code, message } of this.entries) {
      let node = root;
      for (const key of path) {
        const name = String(key);
        node[name] ??= {};
        node = node[name] as Record<string, unknown>;
      }
      const list = (node._errors ??= []) as Array<{ code: string; message: string }>;
      list.push({ code, message });
    }
    return root;
  }

  throwIfAny(): void {
    if (this.isEmpty) return;
    throw new DiscordHttpError(400, { message: 'Invalid Form Body', code: 50035, errors: this.toJSON() });
  }
}

/** Discord measures string limits in Unicode code points, not UTF-16 units. */
export function textLength(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}

export function checkMaxLength(errors: FormErrors, path: FieldPath, value: unknown, max: number): void {
  if (typeof value === 'string' && textLength(value) > max) {
    errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
  }
}

export function checkLengthBetween(
  errors: FormErrors,
  path: FieldPath,
  value: unknown,
  min: number,
  max: number,
): void {
  if (typeof value !== 'string') {
    errors.add(path, value === undefined || value === null ? 'BASE_TYPE_REQUIRED' : 'STRING_TYPE_CONVERT',
      value === undefined || value === null ? 'This field is required' : `Could not interpret "${String(value)}" as string.`);
    return;
  }
  const length = textLength(value);
  if (length < min || length > max) {
    errors.add(path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${max} in length.`);
  }
}

export function checkArrayMax(errors: FormErrors, path: FieldPath, value: unknown, max: number): void {
  if (Array.isArray(value) && value.length > max) {
    errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
