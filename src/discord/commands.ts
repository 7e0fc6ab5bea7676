/** Finds the command modules: every file in commands/ that exports `data` and `execute`. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CommandModule } from './context.js';

export const COMMANDS_DIR = fileURLToPath(new URL('../../commands/', import.meta.url));

function isCommandModule(value: Record<string, unknown>): value is Record<string, unknown> & CommandModule {
  const data = value.data as { name?: unknown; toJSON?: unknown } | undefined;
  return typeof data?.name === 'string' && typeof data.toJSON === 'function' && typeof value.execute === 'function';
}

/** Loads commands/ in file-name order. Files without `data` are helpers and skipped; a half command is an error. */
export async function loadCommands(dir: string = COMMANDS_DIR): Promise<CommandModule[]> {
  const files = readdirSync(dir)
    .filter((file) => /\.(ts|js|mjs)$/.test(file) && !/\.(d|test)\.ts$/.test(file))
    .sort();
  const commands: CommandModule[] = [];
  const names = new Map<string, string>();
  for (const file of files) {
    const module = (await import(pathToFileURL(join(dir, file)).href)) as Record<string, unknown>;
    if (module.data === undefined) continue;
    if (!isCommandModule(module)) throw new Error(`commands/${file} exports data but not a SlashCommandBuilder and an execute function`);
    const name = module.data.name;
    const clash = names.get(name);
    if (clash) throw new Error(`commands/${file} and commands/${clash} both define /${name}`);
    names.set(name, file);
    commands.push(module);
  }
  return commands;
}

export function commandMap(commands: readonly CommandModule[]): Map<string, CommandModule> {
  return new Map(commands.map((command) => [command.data.name, command]));
}
