import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../src/discord/context.js';
import { askView } from '../src/discord/render.js';
import { hideOption, respond } from '../src/discord/respond.js';

export const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask a question; the answer is quoted from a State Department release, with its source')
  .addStringOption((option) =>
    option.setName('question').setDescription('e.g. What did the U.S. say about Kenya?').setRequired(true),
  )
  .addBooleanOption(hideOption);

/** Ranking a question is the heaviest work the bot does: acknowledge first. */
export const defer = true;

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const question = interaction.options.getString('question', true);
  await respond(interaction, askView(ctx.engine.ask(question)));
}
