import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { decodeState, encodeState, pagerRow } from '../src/discord/buttons.js';
import { answerChoices, countryChoices } from '../src/discord/choices.js';
import type { BotContext } from '../src/discord/context.js';
import type { MessageView } from '../src/discord/limits.js';
import { COUNTRY_PAGE_SIZE, countryView } from '../src/discord/render.js';
import { hideOption, respond } from '../src/discord/respond.js';

const NAME = 'country';

export const data = new SlashCommandBuilder()
  .setName(NAME)
  .setDescription('Releases about a country, newest first')
  .addStringOption((option) =>
    option.setName('name').setDescription('A country (or demonym, code, capital)').setRequired(true).setAutocomplete(true),
  )
  .addStringOption((option) => option.setName('from').setDescription('From this date (yyyy-mm-dd)'))
  .addStringOption((option) => option.setName('to').setDescription('Up to this date (yyyy-mm-dd)'))
  .addBooleanOption(hideOption);

/** Button state: country code|from|to (the code keeps it short and unambiguous). */
export function showPage(state: string, wanted: number, ctx: BotContext): MessageView {
  const [name = '', from, to] = decodeState(state, 3);
  const range = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const result = ctx.engine.country(name, range);
  const pageCount = Math.max(1, Math.ceil(result.releases.length / COUNTRY_PAGE_SIZE));
  const page = Math.min(Math.max(1, wanted), pageCount);
  const pager = pagerRow(NAME, page, pageCount, encodeState([result.country.code, from, to]));
  return countryView(result, range, { page, pageCount, pager }, (page - 1) * COUNTRY_PAGE_SIZE);
}

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const state = encodeState([
    interaction.options.getString('name', true),
    interaction.options.getString('from'),
    interaction.options.getString('to'),
  ]);
  await respond(interaction, showPage(state, 1, ctx));
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  await answerChoices(interaction, { name: (typed) => countryChoices(ctx.engine, typed) });
}
