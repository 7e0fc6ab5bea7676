import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../src/discord/context.js';
import { fitChoices } from '../src/discord/limits.js';
import { digestView, formatDate } from '../src/discord/render.js';
import { hideOption, respond } from '../src/discord/respond.js';

export const data = new SlashCommandBuilder()
  .setName('digest')
  .setDescription("A day's releases, grouped, each in one sentence")
  .addStringOption((option) => option.setName('date').setDescription('yyyy-mm-dd (default: the latest day)').setAutocomplete(true))
  .addBooleanOption(hideOption);

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const date = interaction.options.getString('date') ?? undefined;
  await respond(interaction, digestView(ctx.engine.digest(date)));
}

/** Days that have releases, newest first, matching what was typed. */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const typed = interaction.options.getFocused().trim();
  const counts = new Map<string, number>();
  for (const release of ctx.engine.all()) counts.set(release.date, (counts.get(release.date) ?? 0) + 1);
  const days = [...counts].filter(([date]) => date.startsWith(typed) || formatDate(date).toLowerCase().includes(typed.toLowerCase()));
  await interaction.respond(fitChoices(days.map(([date, count]) => ({ name: `${formatDate(date)} (${count} release${count === 1 ? '' : 's'})`, value: date }))));
}
