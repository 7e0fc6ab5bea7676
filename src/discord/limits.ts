/**
 * The ONE module that owns Discord's size limits and mention rules. Every message the bot sends (interaction
 * replies, mention replies, channel posts) goes through `fitMessage`/`channelMessage`, so nothing can be
 * rejected for size or ping anyone.
 */
import { escapeMarkdown } from 'discord.js';
import type {
  APIActionRowComponent,
  APIApplicationCommandOptionChoice,
  APIButtonComponent,
  APIEmbed,
  APIEmbedField,
} from 'discord.js';

export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Sum of every embed's title, description, field names and values, footer and author, per message. */
  embedsTotal: 6000,
  embedsPerMessage: 10,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

export const ELLIPSIS = '…';

/** Nobody is ever pinged: not @everyone/@here, not roles, not users, not the author of a replied-to message. */
export const NO_PINGS = Object.freeze({ parse: [] as never[], repliedUser: false });

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

/** What views produce: plain JSON, usable by discord.js and by the local console alike. */
export interface MessageView {
  content?: string;
  embeds?: APIEmbed[];
  components?: ButtonRow[];
}

export interface FittedMessage {
  content?: string;
  embeds: APIEmbed[];
  components: ButtonRow[];
  allowedMentions: typeof NO_PINGS;
}

/**
 * Shortens `text` to at most `max` characters (UTF-16 units, never more than Discord counts), cutting at a
 * word boundary when one is reasonably close and ending with "…".
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (max === 1) return ELLIPSIS;
  let cut = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const endsAtWord = /\s/.test(text.charAt(cut.length));
  if (!endsAtWord) {
    const lastSpace = cut.search(/\s\S*$/);
    if (lastSpace > max * 0.6) cut = cut.slice(0, lastSpace);
  }
  // A dangling backslash would escape the ellipsis; trailing separators read badly before it.
  cut = cut.replace(/[\s\\,;:(\-–—]+$/u, '');
  return cut + ELLIPSIS;
}

/** Makes @everyone, @here, and user/role/channel mentions in quoted text inert and visibly literal. */
export function neutralizeMentions(text: string): string {
  return text
    .replace(/@(everyone|here)\b/gi, '@\u200b$1')
    .replace(/<(@[!&]?|#)(\d+)>/g, '<$1\u200b$2>');
}

/**
 * Escapes text quoted from a release or typed by a user so it reads as written: no accidental bold, code,
 * headings, block quotes, spoilers or masked links, and no mentions. Bulleted and numbered lists are kept
 * because releases use them as lists.
 */
export function escapeText(text: string): string {
  const escaped = escapeMarkdown(text, { heading: true, maskedLink: true, bulletedList: false, numberedList: false })
    .replace(/^(\s*)>/gm, '$1\\>')
    .replace(/^(\s*)-#(\s)/gm, '$1\\-#$2');
  return neutralizeMentions(escaped);
}

/** A masked link with escaped text, or the escaped text alone when there is no URL. */
export function link(text: string, url: string | null | undefined): string {
  const label = escapeText(text).replace(/[[\]]/g, '\\$&');
  if (!url || !/^https?:\/\//i.test(url)) return label;
  const target = url.replace(/[()\s]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${label}](${target})`;
}

/**
 * Joins as many whole lines as fit in `max` characters (with `separator`), then notes how many were left out
 * using `more(omitted)`. For lists (digest entries, result lines) where cutting mid-line would mislead.
 */
export function packLines(
  lines: string[],
  max: number,
  more: (omitted: number) => string = (n) => `${ELLIPSIS} and ${n} more`,
  separator = '\n',
): string {
  let packed = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const next = packed ? packed + separator + line : line;
    const remaining = lines.length - i - 1;
    // Room is kept for the note that would follow if the next line did not fit.
    const note = remaining > 0 ? separator + more(remaining) : '';
    if (next.length + note.length <= max) {
      packed = next;
      continue;
    }
    const omitted = separator + more(lines.length - i);
    if (packed) return packed + omitted;
    return truncate(line, max - note.length) + note;
  }
  return packed;
}

function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

function fitField(field: APIEmbedField): APIEmbedField {
  return {
    ...field,
    // Discord rejects empty names and values; a zero-width space is its documented stand-in.
    name: truncate(field.name, LIMITS.fieldName) || '\u200b',
    value: truncate(field.value, LIMITS.fieldValue) || '\u200b',
  };
}

/** Returns a copy of `embed` that satisfies every per-embed limit and uses at most `budget` characters. */
export function fitEmbed(embed: APIEmbed, budget: number = LIMITS.embedsTotal): APIEmbed {
  const fitted: APIEmbed = { ...embed };
  if (fitted.title !== undefined) fitted.title = truncate(fitted.title, LIMITS.embedTitle);
  if (fitted.description !== undefined) fitted.description = truncate(fitted.description, LIMITS.embedDescription);
  if (fitted.footer) fitted.footer = { ...fitted.footer, text: truncate(fitted.footer.text, LIMITS.footerText) };
  if (fitted.author) fitted.author = { ...fitted.author, name: truncate(fitted.author.name, LIMITS.authorName) };
  if (fitted.fields) fitted.fields = fitted.fields.slice(0, LIMITS.embedFields).map(fitField);

  // Over the shared budget: shorten the description first, then drop fields from the end, then the rest.
  let over = embedLength(fitted) - budget;
  if (over > 0 && fitted.description) {
    const keep = Math.max(0, fitted.description.length - over);
    fitted.description = keep > 0 ? truncate(fitted.description, keep) : undefined;
    over = embedLength(fitted) - budget;
  }
  while (over > 0 && fitted.fields?.length) {
    fitted.fields = fitted.fields.slice(0, -1);
    over = embedLength(fitted) - budget;
  }
  if (over > 0 && fitted.footer) {
    const keep = fitted.footer.text.length - over;
    fitted.footer = keep > 1 ? { ...fitted.footer, text: truncate(fitted.footer.text, keep) } : undefined;
    over = embedLength(fitted) - budget;
  }
  if (over > 0 && fitted.author) {
    fitted.author = undefined;
    over = embedLength(fitted) - budget;
  }
  if (over > 0 && fitted.title) fitted.title = truncate(fitted.title, Math.max(0, fitted.title.length - over));
  if (fitted.fields?.length === 0) delete fitted.fields;
  for (const key of ['description', 'footer', 'author', 'title'] as const) {
    if (fitted[key] === undefined || fitted[key] === '') delete fitted[key];
  }
  return fitted;
}

function fitComponents(rows: ButtonRow[]): ButtonRow[] {
  return rows
    .slice(0, LIMITS.actionRows)
    .map((row) => ({
      ...row,
      components: row.components
        .filter((button) => !('custom_id' in button) || button.custom_id.length <= LIMITS.customId)
        .slice(0, LIMITS.buttonsPerRow)
        .map((button) => ('label' in button && button.label ? { ...button, label: truncate(button.label, LIMITS.buttonLabel) } : button)),
    }))
    .filter((row) => row.components.length > 0);
}

/** Fits a whole message: content, up to 10 embeds sharing the 6,000-character budget, buttons, and no pings. */
export function fitMessage(view: MessageView): FittedMessage {
  const embeds: APIEmbed[] = [];
  let budget: number = LIMITS.embedsTotal;
  for (const embed of (view.embeds ?? []).slice(0, LIMITS.embedsPerMessage)) {
    if (budget <= 0) break;
    const fitted = fitEmbed(embed, budget);
    if (embedLength(fitted) === 0 && !fitted.url && !fitted.image && !fitted.thumbnail) continue;
    budget -= embedLength(fitted);
    embeds.push(fitted);
  }
  let content = view.content === undefined ? undefined : truncate(view.content, LIMITS.content);
  if (!content && embeds.length === 0) content = '(nothing to show)';
  return {
    ...(content ? { content } : {}),
    embeds,
    components: fitComponents(view.components ?? []),
    allowedMentions: NO_PINGS,
  };
}

/** A message for a channel post (delivery), fitted like every reply. */
export function channelMessage(view: MessageView): FittedMessage {
  return fitMessage(view);
}

export type Choice = APIApplicationCommandOptionChoice<string>;

/** Autocomplete choices within Discord's limits: 25 at most, names cut to 100, over-long values dropped. */
export function fitChoices(choices: Choice[]): Choice[] {
  return choices
    .filter((choice) => choice.value.length > 0 && choice.value.length <= LIMITS.choiceValue)
    .slice(0, LIMITS.choices)
    .map((choice) => ({ name: truncate(choice.name, LIMITS.choiceName) || choice.value, value: choice.value }));
}
