/**
 * Dispatches interactions to command modules. Every failure ends as an ephemeral message: a UserError's own
 * text, anything else a generic apology (and a log line), never a silent failed interaction.
 */
import {
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
} from 'discord.js';
import { UserError, isUserError } from '../errors.js';
import { parsePageId } from './buttons.js';
import type { BotContext, CommandModule } from './context.js';
import { fitMessage } from './limits.js';
import type { Logger } from './log.js';
import { errorView } from './render.js';
import { isHidden, replyFlags } from './respond.js';

export type CommandMap = ReadonlyMap<string, CommandModule>;

export const GENERIC_ERROR = 'Something went wrong while answering. It has been logged; please try again.';

export async function handleInteraction(interaction: Interaction, commands: CommandMap, ctx: BotContext, log: Logger): Promise<void> {
  if (interaction.isChatInputCommand()) await runCommand(interaction, commands, ctx, log);
  else if (interaction.isAutocomplete()) await runAutocomplete(interaction, commands, ctx, log);
  else if (interaction.isButton()) await runButton(interaction, commands, ctx, log);
}

export async function runCommand(interaction: ChatInputCommandInteraction, commands: CommandMap, ctx: BotContext, log: Logger): Promise<void> {
  try {
    const command = commands.get(interaction.commandName);
    if (!command) throw new UserError(`I do not know the command /${interaction.commandName}.`, 'BAD_ARGUMENT');
    if (command.defer) await interaction.deferReply({ flags: replyFlags(isHidden(interaction)) });
    await command.execute(interaction, ctx);
    if (!interaction.deferred && !interaction.replied) throw new Error(`/${interaction.commandName} returned without replying`);
  } catch (error) {
    await reportError(interaction, error, `/${interaction.commandName}`, log);
  }
}

export async function runAutocomplete(interaction: AutocompleteInteraction, commands: CommandMap, ctx: BotContext, log: Logger): Promise<void> {
  try {
    const command = commands.get(interaction.commandName);
    if (command?.autocomplete) await command.autocomplete(interaction, ctx);
  } catch (error) {
    if (!isUserError(error)) log.error(`autocomplete for /${interaction.commandName} failed`, error);
  }
  try {
    if (!interaction.responded) await interaction.respond([]);
  } catch (error) {
    log.warn(`could not answer autocomplete for /${interaction.commandName}`, error);
  }
}

/** Previous/Next: the page is rebuilt from the custom id alone and replaces the message's content. */
export async function runButton(interaction: ButtonInteraction, commands: CommandMap, ctx: BotContext, log: Logger): Promise<void> {
  try {
    const request = parsePageId(interaction.customId);
    const command = request ? commands.get(request.command) : undefined;
    if (!request || !command?.showPage) throw new UserError('This button no longer works; please run the command again.', 'BAD_ARGUMENT');
    await interaction.update(fitMessage(command.showPage(request.state, request.page, ctx)));
  } catch (error) {
    await reportError(interaction, error, `button ${interaction.customId.slice(0, 40)}`, log);
  }
}

type Repliable = ChatInputCommandInteraction | ButtonInteraction;

async function reportError(interaction: Repliable, error: unknown, what: string, log: Logger): Promise<void> {
  if (!isUserError(error)) log.error(`${what} failed`, error);
  const view = isUserError(error) ? errorView(error.message, error.suggestions) : errorView(GENERIC_ERROR);
  const fitted = fitMessage(view);
  const message = { ...fitted, flags: MessageFlags.Ephemeral as const };
  try {
    if (interaction.deferred && !interaction.replied) {
      if (interaction.ephemeral) {
        await interaction.editReply(fitted);
      } else {
        // A public "thinking…" placeholder cannot become ephemeral: remove it and say it privately.
        await interaction.deleteReply();
        await interaction.followUp(message);
      }
    } else if (interaction.replied) {
      await interaction.followUp(message);
    } else {
      await interaction.reply(message);
    }
  } catch (reportFailure) {
    log.error(`could not report the failure of ${what}`, reportFailure);
  }
}
