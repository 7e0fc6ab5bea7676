/**
 * Previous/Next buttons that carry all their state in the custom id (`<command>:p:<page>:<state>`), so a
 * message keeps paging after the bot restarts. The state is the command's own compact text (see `encodeState`).
 */
import { ButtonStyle, ComponentType } from 'discord.js';
import { LIMITS, type ButtonRow } from './limits.js';

const SEPARATOR = '|';
const PAGE_MARK = 'p';
/** Room for pages up to 9999 in every id, so the state budget does not depend on the page. */
const PAGE_DIGITS = 4;

export interface PageRequest {
  command: string;
  /** 1-based. */
  page: number;
  state: string;
}

/** How many characters a command's state may use in a custom id. */
export function stateBudget(command: string): number {
  return LIMITS.customId - `${command}:${PAGE_MARK}:${'9'.repeat(PAGE_DIGITS)}:`.length;
}

/** Joins fields with "|" (removed from the values), dropping empty trailing fields. */
export function encodeState(fields: readonly (string | null | undefined)[]): string {
  const values = fields.map((field) => cleanField(field ?? ''));
  while (values.length > 0 && values[values.length - 1] === '') values.pop();
  return values.join(SEPARATOR);
}

/** A field as states carry it: no separator, single spaces. */
export function cleanField(value: string): string {
  return value.replaceAll(SEPARATOR, ' ').replace(/\s+/g, ' ').trim();
}

/** The fields of an encoded state; missing ones are ''. */
export function decodeState(state: string, count: number): string[] {
  const values = state.split(SEPARATOR);
  return Array.from({ length: count }, (_, i) => values[i] ?? '');
}

/**
 * Shortens fields (in the order given by `shrinkOrder`, at word boundaries, without an ellipsis) until the
 * encoded state fits `budget`. The caller then works with the shortened fields, so the first page and every
 * later page answer the same request.
 */
export function fitState(fields: readonly string[], budget: number, shrinkOrder: readonly number[]): string[] {
  const values = fields.map(cleanField);
  for (const index of shrinkOrder) {
    let over = encodeState(values).length - budget;
    if (over <= 0) break;
    const value = values[index] ?? '';
    let shortened = value.slice(0, Math.max(0, value.length - over));
    const lastSpace = shortened.lastIndexOf(' ');
    if (lastSpace > 0 && /\S/.test(value.charAt(shortened.length))) shortened = shortened.slice(0, lastSpace);
    values[index] = shortened.trim();
  }
  return values;
}

export function pageId(command: string, page: number, state: string): string {
  return `${command}:${PAGE_MARK}:${page}:${state}`;
}

export function parsePageId(customId: string): PageRequest | null {
  const match = /^([\w-]+):p:(\d{1,4}):(.*)$/s.exec(customId);
  if (!match) return null;
  const page = Number(match[2]);
  if (page < 1) return null;
  return { command: match[1] as string, page, state: match[3] as string };
}

/**
 * Previous/Next for page `page` (already within 1..pageCount) of `pageCount`; no row for a single page.
 * The two ids always differ, as Discord requires, because pageCount >= 2.
 */
export function pagerRow(command: string, page: number, pageCount: number, state: string): ButtonRow[] {
  if (pageCount <= 1) return [];
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.Button,
          style: ButtonStyle.Secondary,
          label: '◀ Previous',
          custom_id: pageId(command, Math.max(1, page - 1), state),
          disabled: page <= 1,
        },
        {
          type: ComponentType.Button,
          style: ButtonStyle.Secondary,
          label: 'Next ▶',
          custom_id: pageId(command, Math.min(pageCount, page + 1), state),
          disabled: page >= pageCount,
        },
      ],
    },
  ];
}
