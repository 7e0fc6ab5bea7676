/** Why a feed or a release page could not be used; its message names the problem, the caller names the source. */
export class FeedError extends Error {
  constructor(
    message: string,
    readonly reason: FeedErrorReason,
  ) {
    super(message);
    this.name = 'FeedError';
  }
}

export type FeedErrorReason =
  | 'timeout'
  | 'http-status'
  | 'network'
  | 'too-large'
  | 'html-page'
  | 'malformed-xml'
  | 'not-a-feed'
  | 'aborted'
  | 'not-a-release';
