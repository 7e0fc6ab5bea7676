/**
 * Reads a typed console line as a slash command: `search kenya cyber country:Kenya from:2021-06-01`. The first
 * string option takes the free text, `name:value` pairs set the others, and a line that starts with no command
 * name is a question for `ask`. Values are checked the way Discord checks them before a bot sees them
 * (required options, integer ranges, choices, booleans).
 */
import {
  ApplicationCommandOptionType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
} from 'discord.js';
import { UserError } from '../errors.js';
import type { CommandModule } from '../discord/context.js';

export type OptionValue = string | number | boolean;

export interface ParsedCommand {
  type: 'command';
  command: CommandModule;
  subcommand: string | null;
  options: Map<string, OptionValue>;
}

export type ConsoleInput =
  | ParsedCommand
  | { type: 'empty' }
  | { type: 'help' }
  | { type: 'quit' }
  | { type: 'page'; direction: 'next' | 'previous' };

const ASK = 'ask';
const KEYWORDS: Record<string, ConsoleInput> = {
  help: { type: 'help' },
  '?': { type: 'help' },
  quit: { type: 'quit' },
  exit: { type: 'quit' },
  next: { type: 'page', direction: 'next' },
  prev: { type: 'page', direction: 'previous' },
  previous: { type: 'page', direction: 'previous' },
};

function basicOptions(options: readonly APIApplicationCommandOption[] | undefined): APIApplicationCommandBasicOption[] {
  return (options ?? []).filter(
    (option): option is APIApplicationCommandBasicOption =>
      option.type !== ApplicationCommandOptionType.Subcommand && option.type !== ApplicationCommandOptionType.SubcommandGroup,
  );
}

function unquote(value: string): string {
  const trimmed = value.trim();
  return /^(["'“]).*(["'”])$/s.test(trimmed) && trimmed.length >= 2 ? trimmed.slice(1, -1).trim() : trimmed;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

function convert(option: APIApplicationCommandBasicOption, raw: string, command: string): OptionValue {
  const where = `${command} ${option.name}`;
  const value = unquote(raw);
  if ('choices' in option && option.choices?.length) {
    const choice = option.choices.find((c) => String(c.value).toLowerCase() === value.toLowerCase() || c.name.toLowerCase() === value.toLowerCase());
    if (!choice) throw new UserError(`${where}: choose one of ${option.choices.map((c) => c.name).join(', ')}.`, 'BAD_ARGUMENT');
    return choice.value;
  }
  switch (option.type) {
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number: {
      const number = Number(value);
      const integer = option.type === ApplicationCommandOptionType.Integer;
      if (!value || !Number.isFinite(number) || (integer && !Number.isInteger(number))) {
        throw new UserError(`${where}: "${value.slice(0, 40)}" is not a ${integer ? 'whole ' : ''}number.`, 'BAD_ARGUMENT');
      }
      const { min_value: min, max_value: max } = option;
      if ((min !== undefined && number < min) || (max !== undefined && number > max)) {
        throw new UserError(`${where}: must be from ${min ?? '…'} to ${max ?? '…'}.`, 'BAD_ARGUMENT');
      }
      return number;
    }
    case ApplicationCommandOptionType.Boolean:
      if (/^(true|yes|y|on|1)$/i.test(value)) return true;
      if (/^(false|no|n|off|0)$/i.test(value)) return false;
      throw new UserError(`${where}: answer true or false.`, 'BAD_ARGUMENT');
    case ApplicationCommandOptionType.String:
      if (option.max_length !== undefined && value.length > option.max_length) {
        throw new UserError(`${where}: at most ${option.max_length} characters.`, 'BAD_ARGUMENT');
      }
      return value;
    default:
      throw new UserError(`${where}: this kind of option cannot be given in the console.`, 'BAD_ARGUMENT');
  }
}

/** Splits `text` at `name:` markers of the known option names; what comes before the first marker is free text. */
function splitOptions(text: string, names: string[]): { free: string; pairs: [string, string][] } {
  if (names.length === 0) return { free: text.trim(), pairs: [] };
  const escaped = names.map((name) => name.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'));
  const marker = new RegExp(`(?:^|\\s)(${escaped.join('|')}):`, 'gi');
  const matches = [...text.matchAll(marker)];
  const free = text.slice(0, matches[0]?.index ?? text.length).trim();
  const pairs = matches.map((match, i): [string, string] => {
    const start = (match.index ?? 0) + match[0].length;
    const end = matches[i + 1]?.index ?? text.length;
    return [(match[1] as string).toLowerCase(), text.slice(start, end)];
  });
  return { free, pairs };
}

export function parseCommandText(command: CommandModule, text: string): ParsedCommand {
  const json = command.data.toJSON();
  const name = json.name;
  let subcommand: string | null = null;
  let options = basicOptions(json.options);
  const subcommands = (json.options ?? []).filter((option) => option.type === ApplicationCommandOptionType.Subcommand);
  let rest = text;
  if (subcommands.length) {
    const [first = '', ...others] = text.trim().split(/\s+/);
    const chosen = subcommands.find((option) => option.name === first.toLowerCase());
    if (!chosen) throw new UserError(`${name}: choose one of ${subcommands.map((option) => option.name).join(', ')}.`, 'BAD_ARGUMENT');
    subcommand = chosen.name;
    options = basicOptions('options' in chosen ? chosen.options : undefined);
    rest = others.join(' ');
  }

  const { free, pairs } = splitOptions(rest, options.map((option) => option.name));
  const values = new Map<string, OptionValue>();
  for (const [key, raw] of pairs) {
    const option = options.find((candidate) => candidate.name === key) as APIApplicationCommandBasicOption;
    values.set(option.name, convert(option, raw, name));
  }
  if (free) {
    const target = options.find((option) => option.type === ApplicationCommandOptionType.String && !values.has(option.name));
    if (!target) throw new UserError(`${name} takes no free text; use name:value for ${options.map((o) => o.name).join(', ') || 'nothing'}.`, 'BAD_ARGUMENT');
    values.set(target.name, convert(target, free, name));
  }
  const missing = options.filter((option) => option.required && !values.has(option.name));
  if (missing.length) throw new UserError(`${name} needs ${missing.map((option) => option.name).join(', ')}.`, 'BAD_ARGUMENT');
  return { type: 'command', command, subcommand, options: values };
}

/** Reads one line. Throws UserError for an unknown command or a bad option. */
export function parseConsoleLine(line: string, commands: ReadonlyMap<string, CommandModule>): ConsoleInput {
  const text = line.trim();
  if (!text) return { type: 'empty' };
  const keyword = KEYWORDS[text.toLowerCase()];
  if (keyword) return keyword;
  const slashed = text.startsWith('/');
  const [word = '', ...others] = text.replace(/^\//, '').split(/\s+/);
  const command = commands.get(word.toLowerCase());
  if (command) return parseCommandText(command, others.join(' '));

  const names = [...commands.keys()];
  const close = names.filter((name) => editDistance(word.toLowerCase(), name) <= Math.min(2, Math.floor(name.length / 3)));
  // "/foo" or a lone word that looks like a mistyped command is not a question.
  if (slashed || (others.length === 0 && close.length > 0)) {
    const hint = close.length ? ` Did you mean ${close.join(', ')}?` : '';
    throw new UserError(`Unknown command "${word.slice(0, 40)}".${hint} Type help for the list.`, 'BAD_ARGUMENT', close);
  }
  const ask = commands.get(ASK);
  if (!ask) throw new UserError(`Unknown command "${word.slice(0, 40)}". Type help for the list.`, 'BAD_ARGUMENT');
  return parseCommandText(ask, text);
}
