/**
 * An error caused by the user's input (unknown id, empty question, unknown country...).
 * Its message is safe to show as is; anything else is a bug and is logged, not shown.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly code: UserErrorCode,
    /** Close matches worth offering ("did you mean"). */
    readonly suggestions: string[] = [],
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export type UserErrorCode =
  | 'EMPTY_QUERY'
  | 'UNKNOWN_ID'
  | 'UNKNOWN_COUNTRY'
  | 'AMBIGUOUS_COUNTRY'
  | 'BAD_DATE'
  | 'BAD_ARGUMENT'
  | 'NO_RELEASES'
  | 'FORBIDDEN';

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
