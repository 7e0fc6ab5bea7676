/**
 * The local console (`npm start` without a token): the same command modules as the bot, typed as lines
 * (`ask …`, `digest`, a bare question for ask) and rendered as text. On a terminal it prompts; otherwise it
 * reads one command per line and returns at the end of input.
 */
import { createInterface } from 'node:readline';
import { ApplicationCommandOptionType } from 'discord.js';
import type { Readable, Writable } from 'node:stream';
import { isUserError } from '../errors.js';
import type { BotContext, CommandModule } from '../discord/context.js';
import type { MessageView } from '../discord/limits.js';
import type { Logger } from '../discord/log.js';
import { errorView } from '../discord/render.js';
import { commandMap } from '../discord/commands.js';
import { runButton, runCommand, type CommandMap } from '../discord/router.js';
import { parseConsoleLine, type ConsoleInput } from './console-input.js';
import { ConsoleButtonInteraction, ConsoleCommandInteraction } from './console-interaction.js';
import { renderView } from './console-render.js';

export interface ConsoleOptions {
  commands: readonly CommandModule[];
  ctx: BotContext;
  input: Readable;
  output: Writable;
  log: Logger;
  /** Prompt and do not echo input (a terminal); otherwise echo each line before its answer. */
  interactive: boolean;
  /** Why the console runs instead of the bot, shown first. */
  reason: string;
}

export function introText(reason: string, commands: readonly CommandModule[], ctx: BotContext): string {
  const stats = ctx.engine.stats();
  const corpus = stats.count ? `${stats.count} releases from ${stats.firstDate} to ${stats.lastDate}` : 'no releases yet';
  return [
    `statebot ${ctx.version}: local console. Not connecting to Discord: ${reason}`,
    'To run the bot on Discord: copy .env.example to .env, set DISCORD_TOKEN (and DISCORD_CLIENT_ID),',
    'run `npm run deploy-commands` once, then `npm start`.',
    `Corpus: ${corpus}.`,
    `Type a question, or a command: ${commands.map((command) => command.data.name).join(', ')}.`,
    'Options go as name:value (e.g. `search kenya country:Kenya from:2021-06-01`); `help` lists them, `quit` leaves.',
  ].join('\n');
}

export function helpText(commands: readonly CommandModule[]): string {
  const lines = commands.map((command) => {
    const json = command.data.toJSON();
    const all = json.options ?? [];
    const subcommands = all.filter((option) => option.type === ApplicationCommandOptionType.Subcommand).map((option) => option.name);
    const options = subcommands.length
      ? [subcommands.join('|'), '…']
      : all.map((option) => ('required' in option && option.required ? `${option.name}:…` : `[${option.name}:…]`));
    return `  ${[json.name, ...options].join(' ')}\n      ${json.description}`;
  });
  return [
    'Commands (the first text option may be typed without its name):',
    ...lines,
    '  next / prev       page through the last paged answer',
    '  anything else     is asked as a question',
  ].join('\n');
}

/** Runs one parsed line through the router, like an interaction from Discord. */
async function execute(input: ConsoleInput, commands: CommandMap, options: ConsoleOptions, session: ConsoleSession): Promise<void> {
  const { ctx, log } = options;
  switch (input.type) {
    case 'empty':
    case 'quit':
      return;
    case 'help':
      session.print(helpText(options.commands));
      return;
    case 'page': {
      const customId = session.buttonFor(input.direction);
      if (!customId) {
        session.print(`There is no ${input.direction} page to show.`);
        return;
      }
      await runButton(new ConsoleButtonInteraction(customId, session.show).asInteraction(), commands, ctx, log);
      return;
    }
    case 'command':
      await runCommand(new ConsoleCommandInteraction(input, session.show).asInteraction(), commands, ctx, log);
  }
}

class ConsoleSession {
  private lastButtons: Map<'next' | 'previous', string> = new Map();

  constructor(private readonly output: Writable) {}

  print(text: string): void {
    this.output.write(`${text}\n\n`);
  }

  readonly show = (view: MessageView): void => {
    if (view.components?.length) {
      this.lastButtons = new Map();
      for (const button of view.components.flatMap((row) => row.components)) {
        if (button.disabled || !('custom_id' in button) || !('label' in button)) continue;
        if (/next/i.test(button.label ?? '')) this.lastButtons.set('next', button.custom_id);
        else if (/prev/i.test(button.label ?? '')) this.lastButtons.set('previous', button.custom_id);
      }
    }
    this.print(renderView(view));
  };

  buttonFor(direction: 'next' | 'previous'): string | undefined {
    return this.lastButtons.get(direction);
  }
}

export async function runConsole(options: ConsoleOptions): Promise<void> {
  const session = new ConsoleSession(options.output);
  session.print(introText(options.reason, options.commands, options.ctx));
  const commands = commandMap(options.commands);
  const lines = createInterface({ input: options.input, output: options.interactive ? options.output : undefined, terminal: options.interactive });
  if (options.interactive) {
    lines.setPrompt('> ');
    lines.on('SIGINT', () => lines.close());
    lines.prompt();
  }
  for await (const line of lines) {
    if (!options.interactive && line.trim()) options.output.write(`> ${line.trim()}\n`);
    let input: ConsoleInput;
    try {
      input = parseConsoleLine(line, commands);
    } catch (error) {
      if (!isUserError(error)) throw error;
      session.show(errorView(error.message, error.suggestions));
      if (options.interactive) lines.prompt();
      continue;
    }
    if (input.type === 'quit') break;
    await execute(input, commands, options, session);
    if (options.interactive) lines.prompt();
  }
  lines.close();
}
