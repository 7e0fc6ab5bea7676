import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { answerChoices, releaseChoices, resolveRelease } from '../src/discord/choices.js';
import type { BotContext } from '../src/discord/context.js';
import { summaryView } from '../src/discord/render.js';
import { hideOption, respond } from '../src/discord/respond.js';

export const data = new SlashCommandBuilder()
  .setName('summarize')
  .setDescription('Summarize a release in a few of its own sentences')
  .addStringOption((option) =>
    option.setName('id').setDescription('Start typing a title, then pick the release').setRequired(true).setAutocomplete(true),
  )
  .addIntegerOption((option) => option.setName('sentences').setDescription('How many sentences (1–10, default 3)').setMinValue(1).setMaxValue(10))
  .addBooleanOption(hideOption);

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const release = resolveRelease(ctx.engine, interaction.options.getString('id', true));
  const sentences = interaction.options.getInteger('sentences') ?? undefined;
  await respond(interaction, summaryView(ctx.engine.summarize(release.id, sentences)));
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  await answerChoices(interaction, { id: (typed) => releaseChoices(ctx.engine, typed) });
}
