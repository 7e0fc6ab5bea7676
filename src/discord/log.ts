/** A small logger that never prints a secret (the bot token), whatever it is given. */
export interface Logger {
  info(message: string): void;
  warn(message: string, error?: unknown): void;
  error(message: string, error?: unknown): void;
}

export interface LogSink {
  log(line: string): void;
  error(line: string): void;
}

const consoleSink: LogSink = { log: (line) => console.log(line), error: (line) => console.error(line) };

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

export function createLogger(secrets: readonly (string | null | undefined)[] = [], sink: LogSink = consoleSink): Logger {
  const hidden = secrets.filter((secret): secret is string => typeof secret === 'string' && secret.length > 0);
  const redact = (text: string) => hidden.reduce((out, secret) => out.split(secret).join('[redacted]'), text);
  const line = (message: string, error?: unknown) => redact(error === undefined ? message : `${message}: ${describe(error)}`);
  return {
    info: (message) => sink.log(line(message)),
    warn: (message, error) => sink.error(line(`warning: ${message}`, error)),
    error: (message, error) => sink.error(line(`error: ${message}`, error)),
  };
}
