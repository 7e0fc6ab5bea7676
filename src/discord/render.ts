/**
 * Views of the engine's results as Discord embeds. Views only shape text; `fitMessage` (limits.ts) has the
 * last word on sizes and mentions, and every quoted string passes through `escapeText`/`link`.
 */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import { DateTime } from 'luxon';
import type { Release } from '../corpus/release.js';
import type { AskResult, CorpusStats, CountryResult, DateRange, Digest, SearchHit, SearchResult, Summary } from '../search/types.js';
import { LIMITS, escapeText, link, neutralizeMentions, packLines, truncate, type ButtonRow, type MessageView } from './limits.js';

export const EMBED_COLOR = 0x1c3f6e;
export const SEARCH_PAGE_SIZE = 5;
export const COUNTRY_PAGE_SIZE = 10;
/** Body text per release page: leaves room for the title, summary and details within the 6,000 total. */
export const RELEASE_PAGE_CHARS = 3500;

/** "Jun 14, 2021" for an ISO date; anything else as given. */
export function formatDate(iso: string): string {
  const date = DateTime.fromISO(iso, { zone: 'utc' });
  return date.isValid && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? date.toFormat('LLL d, yyyy') : iso;
}

function quoteBlock(text: string): string {
  return escapeText(text)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

function releaseDetails(release: Release): APIEmbedField[] {
  const fields: APIEmbedField[] = [{ name: 'Date', value: formatDate(release.date), inline: true }];
  if (release.office) fields.push({ name: 'Speaker', value: escapeText(release.office), inline: true });
  fields.push({ name: 'Kind', value: release.kind, inline: true });
  return fields;
}

/** One line about a release: date, linked title, kind. */
function releaseLine(release: Release): string {
  return `\`${release.date}\` ${link(release.title, release.url)} · ${release.kind}`;
}

function rangeText(range: DateRange | undefined): string {
  if (!range || (!range.from && !range.to)) return '';
  if (range.from && range.to) return range.from === range.to ? `on ${formatDate(range.from)}` : `${formatDate(range.from)} – ${formatDate(range.to)}`;
  return range.from ? `from ${formatDate(range.from)}` : `until ${formatDate(range.to as string)}`;
}

export function askView(result: AskResult): MessageView {
  // Author names show text as is (no markdown, no mentions rendered); neutralising is enough.
  const question = { name: `“${truncate(neutralizeMentions(result.question), LIMITS.authorName - 2)}”` };
  const understood = result.dateRange ? `Time reference understood: ${result.dateRange.label}` : undefined;
  if (!result.answer) {
    const related = result.results.slice(0, 3).map((hit) => `• ${releaseLine(hit.release)}`);
    const description = related.length
      ? `I found no sentence in the releases that answers this. Possibly related:\n${related.join('\n')}`
      : 'I found nothing in the releases that answers this. Try other words, or `/search`.';
    return { embeds: [{ color: EMBED_COLOR, author: question, title: 'No answer found', description, ...(understood ? { footer: { text: understood } } : {}) }] };
  }
  const { release } = result.answer;
  const more = result.results.filter((hit) => hit.release.id !== release.id).slice(0, 2);
  const fields = releaseDetails(release);
  if (more.length) fields.push({ name: 'Also relevant', value: packLines(more.map((hit) => `• ${releaseLine(hit.release)}`), LIMITS.fieldValue) });
  return {
    embeds: [
      {
        color: EMBED_COLOR,
        author: question,
        title: escapeText(release.title),
        ...(release.url ? { url: release.url } : {}),
        description: quoteBlock(result.answer.text),
        fields,
        footer: { text: [`id: ${release.id}`, understood].filter(Boolean).join(' · ') },
      },
    ],
  };
}

function hitField(hit: SearchHit, rank: number): APIEmbedField {
  const { release } = hit;
  const meta = [formatDate(release.date), release.kind, release.office ? escapeText(release.office) : null].filter(Boolean).join(' · ');
  const tail = `${release.url ? `${link('Read on state.gov', release.url)} · ` : ''}\`${release.id}\``;
  const room = LIMITS.fieldValue - meta.length - tail.length - 8;
  return {
    name: `${rank}. ${escapeText(release.title)}`,
    value: `${meta}\n${quoteBlock(truncate(hit.snippet, Math.max(0, Math.floor(room * 0.8))))}\n${tail}`,
  };
}

export interface PageInfo {
  page: number;
  pageCount: number;
  pager: ButtonRow[];
}

export function searchView(result: SearchResult, filterText: string, paging: PageInfo, offset: number): MessageView {
  const notes = [filterText, result.dateRange ? `Time reference understood: ${result.dateRange.label}` : ''].filter(Boolean);
  if (result.total === 0) notes.push('No releases match. Try fewer words or filters.');
  return {
    embeds: [
      {
        color: EMBED_COLOR,
        title: `Search: ${escapeText(result.query)}`,
        ...(notes.length ? { description: notes.join('\n') } : {}),
        fields: result.hits.map((hit, i) => hitField(hit, offset + i + 1)),
        footer: { text: `Page ${paging.page} of ${Math.max(1, paging.pageCount)} · ${result.total} release${result.total === 1 ? '' : 's'}` },
      },
    ],
    components: paging.pager,
  };
}

/** Splits text at whitespace into pieces of at most `max` characters. */
function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf(' ', max);
    if (cut < max * 0.5) cut = max;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/** A release's body, escaped and grouped into pages of whole paragraphs (long paragraphs split at words). */
export function releasePages(release: Release, max = RELEASE_PAGE_CHARS): string[] {
  const pages: string[] = [];
  let current = '';
  for (const paragraph of release.paragraphs.flatMap((p) => splitText(escapeText(p), max))) {
    if (current && current.length + 2 + paragraph.length > max) {
      pages.push(current);
      current = '';
    }
    current = current ? `${current}\n\n${paragraph}` : paragraph;
  }
  if (current || pages.length === 0) pages.push(current || '(This release has no text.)');
  return pages;
}

export function releaseView(release: Release, summary: string[], paging: PageInfo, body: string): MessageView {
  const fields = paging.page === 1 ? [...releaseDetails(release)] : [];
  if (paging.page === 1 && summary.length) {
    fields.unshift({ name: 'Summary', value: packLines(summary.map((s) => `• ${escapeText(s)}`), LIMITS.fieldValue) });
  }
  return {
    embeds: [
      {
        color: EMBED_COLOR,
        title: escapeText(release.title),
        ...(release.url ? { url: release.url } : {}),
        description: body,
        ...(fields.length ? { fields } : {}),
        footer: { text: `Page ${paging.page} of ${paging.pageCount} · ${formatDate(release.date)} · id: ${release.id}` },
      },
    ],
    components: paging.pager,
  };
}

export function summaryView(summary: Summary): MessageView {
  const { release } = summary;
  return {
    embeds: [
      {
        color: EMBED_COLOR,
        title: escapeText(release.title),
        ...(release.url ? { url: release.url } : {}),
        description: packLines(summary.sentences.map((s) => `• ${escapeText(s)}`), LIMITS.embedDescription),
        fields: releaseDetails(release),
        footer: { text: `Summary in ${summary.sentences.length} sentence${summary.sentences.length === 1 ? '' : 's'} · id: ${release.id}` },
      },
    ],
  };
}

/** Room for a digest's entries: the whole message budget less its title, description and footer. */
const DIGEST_TEXT_BUDGET = 5200;

function digestLine(release: Release, summary: string, cap: number): string {
  const linked = link(release.title, release.url);
  const head = linked.length <= cap * 0.7 ? linked : escapeText(truncate(release.title, Math.floor(cap * 0.5)));
  const room = cap - head.length - 5;
  return room >= 40 && summary ? `• ${head} — ${escapeText(truncate(summary, room))}` : `• ${head}`;
}

export function digestView(digest: Digest): MessageView {
  const cap = Math.max(90, Math.min(400, Math.floor(DIGEST_TEXT_BUDGET / Math.max(1, digest.count))));
  const fields: APIEmbedField[] = [];
  let budget = DIGEST_TEXT_BUDGET;
  let omitted = 0;
  for (const group of digest.groups) {
    let chunk: string[] = [];
    let chunkLength = 0;
    const flush = () => {
      if (!chunk.length) return;
      const name = fields.some((field) => field.name.startsWith(`${group.label} (`)) ? `${group.label} (cont.)` : `${group.label} (${group.entries.length})`;
      fields.push({ name, value: chunk.join('\n') });
      budget -= name.length + chunkLength;
      chunk = [];
      chunkLength = 0;
    };
    for (const entry of group.entries) {
      const line = digestLine(entry.release, entry.summary, cap);
      // Once one entry does not fit, the rest are counted rather than shown, so the order stays intact.
      if (omitted || line.length + chunkLength + 40 > budget) {
        omitted++;
        continue;
      }
      if (chunkLength + line.length + 1 > LIMITS.fieldValue) flush();
      chunkLength += (chunk.length ? 1 : 0) + line.length;
      chunk.push(line);
    }
    flush();
  }
  if (omitted) {
    const day = /^\d{4}-\d{2}-\d{2}$/.test(digest.date) ? ` from:${digest.date} to:${digest.date}` : '';
    fields.push({ name: `… and ${omitted} more`, value: `See them with \`/search\`${day}.` });
  }
  return {
    embeds: [
      {
        color: EMBED_COLOR,
        title: `Digest: ${formatDate(digest.date)}`,
        description: digest.count === 0 ? 'No releases on this day.' : `${digest.count} release${digest.count === 1 ? '' : 's'}`,
        fields,
      },
    ],
  };
}

export function countryView(result: CountryResult, range: DateRange, paging: PageInfo, offset: number, pageSize = COUNTRY_PAGE_SIZE): MessageView {
  const total = result.releases.length;
  const lines = result.releases.slice(offset, offset + pageSize).map(releaseLine);
  const when = rangeText(range);
  return {
    embeds: [
      {
        color: EMBED_COLOR,
        title: `${result.country.name}: ${total} release${total === 1 ? '' : 's'}${when ? ` ${when}` : ''}`,
        description: total === 0 ? 'No releases about this country in that period.' : packLines(lines, LIMITS.embedDescription),
        footer: { text: `Page ${paging.page} of ${Math.max(1, paging.pageCount)} · newest first` },
      },
    ],
    components: paging.pager,
  };
}

export interface Usage {
  name: string;
  description: string;
}

export function aboutView(stats: CorpusStats, version: string, usage: Usage[]): MessageView {
  const coverage = stats.count
    ? `${stats.count} releases, ${formatDate(stats.firstDate ?? '')} – ${formatDate(stats.lastDate ?? '')}`
    : 'No releases yet.';
  const howTo = [
    ...usage.map((command) => `\`/${command.name}\` ${escapeText(command.description)}`),
    'Or mention me with a question: `@statebot what did the U.S. say about Kenya?`',
    'Every command takes `hide:true` to show the reply to you only.',
  ];
  const embed: APIEmbed = {
    color: EMBED_COLOR,
    title: 'About statebot',
    description:
      'I answer questions about U.S. Department of State press releases by quoting them: every answer is a sentence from a release, with its source.',
    fields: [
      { name: 'Corpus', value: coverage, inline: true },
      { name: 'Last import', value: stats.lastImport ? DateTime.fromISO(stats.lastImport).toUTC().toFormat("LLL d, yyyy HH:mm 'UTC'") : 'none (built-in corpus only)', inline: true },
      { name: 'Version', value: version, inline: true },
      { name: 'How to use', value: packLines(howTo, LIMITS.fieldValue) },
    ],
  };
  return { embeds: [embed] };
}

/**
 * The message shown for a failed request. A UserError's text is written to be shown as is (it may use inline
 * code); suggestions are added when the text does not already offer them.
 */
export function errorView(message: string, suggestions: readonly string[] = []): MessageView {
  const offered = suggestions.filter((s) => !message.includes(s)).slice(0, 5);
  const hint = offered.length ? `\nDid you mean: ${offered.map((s) => escapeText(s)).join(', ')}?` : '';
  return { content: `${neutralizeMentions(message)}${hint}` };
}
