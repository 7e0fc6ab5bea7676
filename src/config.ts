/**
 * The bot's settings, from the environment (and a .env file in the working directory), validated at start.
 * Every problem is reported at once, by variable name, without a stack trace.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { SEARCH_INDEX_MODES, type SearchIndexMode } from './search/search-index.js';

export const DEFAULT_API_BASE = 'https://discord.com/api';
export const DEFAULT_DATA_DIR = './data';

export interface Config {
  /** Null: no token, so `npm start` opens the local console. */
  token: string | null;
  clientId: string | null;
  /** Set: commands are registered for this guild only (development). */
  guildId: string | null;
  /** Absolute path. */
  dataDir: string;
  /** discord.js's `rest.api`, without a trailing slash, e.g. https://discord.com/api. */
  apiBase: string;
  searchIndex: SearchIndexMode;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}\nSee .env.example for every setting.`);
    this.name = 'ConfigError';
  }
}

const SNOWFLAKE = /^\d{1,20}$/;

function setting(env: NodeJS.ProcessEnv, name: string): string | null {
  const value = env[name]?.trim();
  return value ? value : null;
}

/** Validates settings from `env` (process.env by default, after loading .env). Throws ConfigError. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const token = setting(env, 'DISCORD_TOKEN');
  if (token && /\s/.test(token)) problems.push('DISCORD_TOKEN contains spaces; paste the bot token alone (no "Bot " prefix, no quotes).');

  const clientId = setting(env, 'DISCORD_CLIENT_ID');
  if (clientId && !SNOWFLAKE.test(clientId)) problems.push(`DISCORD_CLIENT_ID must be the application's numeric id, got "${clientId.slice(0, 40)}".`);
  const guildId = setting(env, 'DISCORD_GUILD_ID');
  if (guildId && !SNOWFLAKE.test(guildId)) problems.push(`DISCORD_GUILD_ID must be a numeric server id, got "${guildId.slice(0, 40)}".`);

  const apiBase = (setting(env, 'DISCORD_API_BASE') ?? DEFAULT_API_BASE).replace(/\/+$/, '');
  let url: URL | null = null;
  try {
    url = new URL(apiBase);
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    problems.push(`DISCORD_API_BASE must be an http(s) URL such as ${DEFAULT_API_BASE}, got "${apiBase.slice(0, 80)}".`);
  }

  const searchIndex = readSearchIndexMode(env, problems);

  if (problems.length) throw new ConfigError(problems);
  return { token, clientId, guildId, dataDir: resolve(setting(env, 'DATA_DIR') ?? DEFAULT_DATA_DIR), apiBase, searchIndex };
}

/** SEARCH_INDEX: auto (default), memory or disk. */
export function readSearchIndexMode(env: NodeJS.ProcessEnv, problems: string[]): SearchIndexMode {
  const value = setting(env, 'SEARCH_INDEX')?.toLowerCase() ?? 'auto';
  if ((SEARCH_INDEX_MODES as readonly string[]).includes(value)) return value as SearchIndexMode;
  problems.push(`SEARCH_INDEX must be one of ${SEARCH_INDEX_MODES.join(', ')}, got "${value.slice(0, 40)}".`);
  return 'auto';
}

/** Loads .env (quietly; variables already set win) and validates. */
export function loadConfig(): Config {
  loadDotenv({ quiet: true });
  return readConfig(process.env);
}

/** For entry points: the config, or a clear message and exit code 1 (no stack trace). */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}
