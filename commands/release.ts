import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { pagerRow, stateBudget } from '../src/discord/buttons.js';
import { answerChoices, releaseChoices, resolveRelease } from '../src/discord/choices.js';
import type { BotContext } from '../src/discord/context.js';
import type { MessageView } from '../src/discord/limits.js';
import { releasePages, releaseView } from '../src/discord/render.js';
import { hideOption, respond } from '../src/discord/respond.js';

const NAME = 'release';
const SUMMARY_SENTENCES = 3;

export const data = new SlashCommandBuilder()
  .setName(NAME)
  .setDescription('Show a release in full, with its summary')
  .addStringOption((option) =>
    option.setName('id').setDescription('Start typing a title, then pick the release').setRequired(true).setAutocomplete(true),
  )
  .addBooleanOption(hideOption);

/** The button state is the release id (or, were an id ever longer than a custom id allows, its prefix). */
export function showPage(state: string, wanted: number, ctx: BotContext): MessageView {
  const release = resolveRelease(ctx.engine, state);
  const pages = releasePages(release);
  const page = Math.min(Math.max(1, wanted), pages.length);
  const summary = page === 1 ? ctx.engine.summarizeRelease(release, SUMMARY_SENTENCES) : [];
  const pager = pagerRow(NAME, page, pages.length, release.id.slice(0, stateBudget(NAME)));
  return releaseView(release, summary, { page, pageCount: pages.length, pager }, pages[page - 1] as string);
}

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await respond(interaction, showPage(interaction.options.getString('id', true), 1, ctx));
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  await answerChoices(interaction, { id: (typed) => releaseChoices(ctx.engine, typed) });
}
