/**
 * `npm run deploy-commands`: registers every command in commands/ with Discord, for one guild when
 * DISCORD_GUILD_ID is set (instant, for development), else globally. Uses DISCORD_API_BASE like the bot.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { REST, Routes, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import { loadConfigOrExit, type Config } from '../config.js';
import { loadCommands } from './commands.js';
import type { CommandModule } from './context.js';
import { createLogger } from './log.js';

export interface DeployResult {
  scope: 'guild' | 'global';
  applicationId: string;
  names: string[];
}

export async function deployCommands(config: Config, commands: readonly CommandModule[]): Promise<DeployResult> {
  if (!config.token) throw new Error('DISCORD_TOKEN is not set: deploying commands needs the bot token (see .env.example).');
  const rest = new REST({ api: config.apiBase }).setToken(config.token);
  // Without DISCORD_CLIENT_ID, the application is the token's own.
  const applicationId = config.clientId ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
  const body = commands.map((command) => command.data.toJSON());
  const route = config.guildId ? Routes.applicationGuildCommands(applicationId, config.guildId) : Routes.applicationCommands(applicationId);
  const saved = (await rest.put(route, { body })) as RESTPutAPIApplicationCommandsResult;
  return { scope: config.guildId ? 'guild' : 'global', applicationId, names: saved.map((command) => command.name) };
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = createLogger([config.token]);
  if (!config.token) {
    console.error('DISCORD_TOKEN is not set: deploying commands needs the bot token (see .env.example).');
    process.exit(1);
  }
  try {
    const result = await deployCommands(config, await loadCommands());
    const where = result.scope === 'guild' ? `guild ${config.guildId}` : 'all guilds (global; may take up to an hour to appear)';
    log.info(`Registered ${result.names.length} commands for ${where}: ${result.names.map((name) => `/${name}`).join(' ')}`);
  } catch (error) {
    log.error('deploying commands failed', error);
    process.exitCode = 1;
  }
}

function invokedDirectly(): boolean {
  try {
    return Boolean(process.argv[1]) && realpathSync(process.argv[1] as string) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (invokedDirectly()) await main();
