import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../src/discord/context.js';
import { aboutView } from '../src/discord/render.js';
import { hideOption, respond } from '../src/discord/respond.js';

export const data = new SlashCommandBuilder()
  .setName('about')
  .setDescription('What the bot knows (corpus coverage, last import), its version, and how to use it')
  .addBooleanOption(hideOption);

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const usage = (ctx.commands ?? []).map((command) => ({ name: command.data.name, description: command.data.description }));
  await respond(interaction, aboutView(ctx.engine.stats(), ctx.version, usage));
}
