import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { RELEASE_KINDS } from '../src/corpus/release.js';
import type { SearchFilters } from '../src/search/types.js';
import { cleanField, decodeState, encodeState, fitState, pagerRow, stateBudget } from '../src/discord/buttons.js';
import { answerChoices, countryChoices, speakerChoices } from '../src/discord/choices.js';
import type { BotContext } from '../src/discord/context.js';
import type { MessageView } from '../src/discord/limits.js';
import { SEARCH_PAGE_SIZE, formatDate, searchView } from '../src/discord/render.js';
import { hideOption, respond } from '../src/discord/respond.js';

const NAME = 'search';

export const data = new SlashCommandBuilder()
  .setName(NAME)
  .setDescription('Search the releases, with optional filters')
  .addStringOption((option) => option.setName('query').setDescription('Words to look for, e.g. cyber dialogue').setRequired(true))
  .addStringOption((option) => option.setName('country').setDescription('Only releases about this country').setAutocomplete(true))
  .addStringOption((option) => option.setName('from').setDescription('From this date (yyyy-mm-dd)'))
  .addStringOption((option) => option.setName('to').setDescription('Up to this date (yyyy-mm-dd)'))
  .addStringOption((option) => option.setName('speaker').setDescription('Speaker or office in the byline').setAutocomplete(true))
  .addStringOption((option) =>
    option
      .setName('kind')
      .setDescription('Kind of release')
      .addChoices(RELEASE_KINDS.map((kind) => ({ name: kind, value: kind }))),
  )
  .addBooleanOption(hideOption);

interface SearchRequest extends SearchFilters {
  query: string;
}

// State in a button: query|country|from|to|speaker|kind, dates as yyyymmdd and the kind as its index,
// so that a usable query still fits in the 100-character custom id.
const QUERY = 0;
const COUNTRY = 1;
const SPEAKER = 4;

function compactDate(date: string | undefined): string {
  return date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date.replaceAll('-', '') : (date ?? '');
}

function expandDate(value: string): string | undefined {
  if (!value) return undefined;
  return /^\d{8}$/.test(value) ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6)}` : value;
}

function toFields(request: SearchRequest): string[] {
  const kindIndex = RELEASE_KINDS.findIndex((kind) => kind === request.kind);
  return [
    request.query,
    request.country ?? '',
    compactDate(request.from),
    compactDate(request.to),
    request.speaker ?? '',
    kindIndex >= 0 ? String(kindIndex) : (request.kind ?? ''),
  ];
}

function fromFields(fields: string[]): SearchRequest {
  const [query = '', country, from, to, speaker, kind = ''] = fields;
  const kindName = /^\d+$/.test(kind) ? RELEASE_KINDS[Number(kind)] : kind;
  return {
    query,
    ...(country ? { country } : {}),
    ...(expandDate(from ?? '') ? { from: expandDate(from ?? '') } : {}),
    ...(expandDate(to ?? '') ? { to: expandDate(to ?? '') } : {}),
    ...(speaker ? { speaker } : {}),
    ...(kindName ? { kind: kindName } : {}),
  };
}

function filterText(request: SearchRequest, shortened: boolean): string {
  const parts = [
    request.country ? `country ${request.country}` : '',
    request.from ? `from ${formatDate(request.from)}` : '',
    request.to ? `to ${formatDate(request.to)}` : '',
    request.speaker ? `speaker ${request.speaker}` : '',
    request.kind ? `kind ${request.kind}` : '',
  ].filter(Boolean);
  const lines = parts.length ? [`Filters: ${parts.join(' · ')}`] : [];
  if (shortened) lines.push('(The query was long; it was shortened to fit the page buttons.)');
  return lines.join('\n');
}

function page(state: string, wanted: number, ctx: BotContext, shortened = false): MessageView {
  const request = fromFields(decodeState(state, 6));
  const { query, ...filters } = request;
  let result = ctx.engine.search(query, filters, { limit: SEARCH_PAGE_SIZE, offset: (wanted - 1) * SEARCH_PAGE_SIZE });
  const pageCount = Math.max(1, Math.ceil(result.total / SEARCH_PAGE_SIZE));
  let current = wanted;
  if (wanted > pageCount) {
    // The corpus changed since the button was made: show the last page there is.
    current = pageCount;
    result = ctx.engine.search(query, filters, { limit: SEARCH_PAGE_SIZE, offset: (current - 1) * SEARCH_PAGE_SIZE });
  }
  const paging = { page: current, pageCount, pager: pagerRow(NAME, current, pageCount, state) };
  return searchView(result, filterText(request, shortened), paging, (current - 1) * SEARCH_PAGE_SIZE);
}

export function showPage(state: string, wanted: number, ctx: BotContext): MessageView {
  return page(state, wanted, ctx);
}

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const request: SearchRequest = {
    query: interaction.options.getString('query', true),
    country: interaction.options.getString('country') ?? undefined,
    from: interaction.options.getString('from') ?? undefined,
    to: interaction.options.getString('to') ?? undefined,
    speaker: interaction.options.getString('speaker') ?? undefined,
    kind: interaction.options.getString('kind') ?? undefined,
  };
  const fields = toFields(request);
  const fitted = fitState(fields, stateBudget(NAME), [QUERY, SPEAKER, COUNTRY]);
  const shortened = fitted[QUERY] !== cleanField(request.query);
  await respond(interaction, page(encodeState(fitted), 1, ctx, shortened));
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  await answerChoices(interaction, {
    country: (typed) => countryChoices(ctx.engine, typed),
    speaker: (typed) => speakerChoices(ctx.engine, typed),
  });
}
