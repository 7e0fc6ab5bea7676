/**
 * Message payload validation with Discord's limits and error shapes. Deliberately independent of
 * src/discord/limits.ts: the emulator plays Discord, so it must not share the bot's assumptions.
 */
import {
  checkArrayMax,
  checkLengthBetween,
  checkMaxLength,
  isRecord,
  textLength,
  type FieldPath,
  type FormErrors,
} from './discord-errors.js';

export const MessageFlag = {
  SuppressEmbeds: 1 << 2,
  Ephemeral: 1 << 6,
  Loading: 1 << 7,
  SuppressNotifications: 1 << 12,
  IsComponentsV2: 1 << 15,
} as const;

const ComponentType = { ActionRow: 1, Button: 2, StringSelect: 3, TextInput: 4 } as const;
const AUTO_SELECT_TYPES = new Set([5, 6, 7, 8]);
const BUTTON_STYLE_LINK = 5;
const BUTTON_STYLE_PREMIUM = 6;

const EMBED_TOTAL_MAX = 6000;

function checkUrl(errors: FormErrors, path: FieldPath, value: unknown, allowAttachment: boolean): void {
  if (value === undefined || value === null) return;
  const ok =
    typeof value === 'string' &&
    ((allowAttachment && value.startsWith('attachment://')) || /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value));
  if (!ok) errors.add(path, 'URL_TYPE_INVALID_URL', 'Not a well formed URL.');
  else checkMaxLength(errors, path, value, 2048);
}

function checkRequiredText(errors: FormErrors, path: FieldPath, value: unknown, max: number): void {
  if (typeof value !== 'string' || value.length === 0) {
    errors.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
    return;
  }
  checkMaxLength(errors, path, value, max);
}

function stringLength(value: unknown): number {
  return typeof value === 'string' ? textLength(value) : 0;
}

/** Validates one embed; returns its character count towards the 6,000 total. */
function validateEmbed(errors: FormErrors, path: FieldPath, embed: unknown): number {
  if (!isRecord(embed)) {
    errors.add(path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    return 0;
  }
  checkMaxLength(errors, [...path, 'title'], embed.title, 256);
  checkMaxLength(errors, [...path, 'description'], embed.description, 4096);
  checkUrl(errors, [...path, 'url'], embed.url, false);
  if (embed.color !== undefined && embed.color !== null) {
    if (!Number.isInteger(embed.color) || (embed.color as number) < 0 || (embed.color as number) > 0xffffff) {
      errors.add([...path, 'color'], 'NUMBER_TYPE_MAX', 'Int value should be less than or equal to 16777215.');
    }
  }
  if (embed.timestamp !== undefined && embed.timestamp !== null) {
    if (typeof embed.timestamp !== 'string' || Number.isNaN(Date.parse(embed.timestamp))) {
      errors.add([...path, 'timestamp'], 'DATE_TYPE_PARSE', `Could not parse ${String(embed.timestamp)}. Should be ISO8601.`);
    }
  }
  let total = stringLength(embed.title) + stringLength(embed.description);

  if (embed.footer !== undefined && embed.footer !== null) {
    if (!isRecord(embed.footer)) errors.add([...path, 'footer'], 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    else {
      checkRequiredText(errors, [...path, 'footer', 'text'], embed.footer.text, 2048);
      checkUrl(errors, [...path, 'footer', 'icon_url'], embed.footer.icon_url, true);
      total += stringLength(embed.footer.text);
    }
  }
  if (embed.author !== undefined && embed.author !== null) {
    if (!isRecord(embed.author)) errors.add([...path, 'author'], 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    else {
      checkRequiredText(errors, [...path, 'author', 'name'], embed.author.name, 256);
      checkUrl(errors, [...path, 'author', 'url'], embed.author.url, false);
      checkUrl(errors, [...path, 'author', 'icon_url'], embed.author.icon_url, true);
      total += stringLength(embed.author.name);
    }
  }
  for (const media of ['image', 'thumbnail'] as const) {
    const value = embed[media];
    if (value === undefined || value === null) continue;
    if (!isRecord(value)) errors.add([...path, media], 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    else if (value.url === undefined) errors.add([...path, media, 'url'], 'BASE_TYPE_REQUIRED', 'This field is required');
    else checkUrl(errors, [...path, media, 'url'], value.url, true);
  }
  if (embed.fields !== undefined && embed.fields !== null) {
    if (!Array.isArray(embed.fields)) {
      errors.add([...path, 'fields'], 'BASE_TYPE_LIST', 'Must be a list.');
    } else {
      checkArrayMax(errors, [...path, 'fields'], embed.fields, 25);
      embed.fields.forEach((field: unknown, index) => {
        const fieldPath = [...path, 'fields', index];
        if (!isRecord(field)) {
          errors.add(fieldPath, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
          return;
        }
        checkRequiredText(errors, [...fieldPath, 'name'], field.name, 256);
        checkRequiredText(errors, [...fieldPath, 'value'], field.value, 1024);
        total += stringLength(field.name) + stringLength(field.value);
      });
    }
  }
  return total;
}

function validateButton(errors: FormErrors, path: FieldPath, button: Record<string, unknown>, customIds: Set<string>): void {
  const style = button.style;
  if (!Number.isInteger(style) || (style as number) < 1 || (style as number) > 6) {
    errors.add([...path, 'style'], 'BASE_TYPE_CHOICES', 'Value must be one of {1, 2, 3, 4, 5, 6}.');
    return;
  }
  checkMaxLength(errors, [...path, 'label'], button.label, 80);
  if (style === BUTTON_STYLE_LINK) {
    if (button.custom_id !== undefined) errors.add([...path, 'custom_id'], 'BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED', 'A custom id cannot be set for link buttons');
    if (button.url === undefined) errors.add([...path, 'url'], 'BUTTON_COMPONENT_URL_REQUIRED', 'A url is required for link buttons');
    else checkUrl(errors, [...path, 'url'], button.url, false);
  } else if (style !== BUTTON_STYLE_PREMIUM) {
    if (button.url !== undefined) errors.add([...path, 'url'], 'BUTTON_COMPONENT_URL_NOT_ALLOWED', 'A url cannot be set for non-link buttons');
    validateCustomId(errors, [...path, 'custom_id'], button.custom_id, customIds);
  }
  if (style !== BUTTON_STYLE_PREMIUM && button.label === undefined && button.emoji === undefined) {
    errors.add([...path, 'label'], 'BUTTON_COMPONENT_LABEL_REQUIRED', 'A label or emoji is required for buttons');
  }
}

function validateCustomId(errors: FormErrors, path: FieldPath, customId: unknown, customIds: Set<string>): void {
  if (typeof customId !== 'string' || customId.length === 0) {
    errors.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
    return;
  }
  checkMaxLength(errors, path, customId, 100);
  if (customIds.has(customId)) errors.add(path, 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated');
  customIds.add(customId);
}

function validateSelect(errors: FormErrors, path: FieldPath, select: Record<string, unknown>, customIds: Set<string>): void {
  validateCustomId(errors, [...path, 'custom_id'], select.custom_id, customIds);
  checkMaxLength(errors, [...path, 'placeholder'], select.placeholder, 150);
  if (select.min_values !== undefined && (!Number.isInteger(select.min_values) || (select.min_values as number) < 0 || (select.min_values as number) > 25)) {
    errors.add([...path, 'min_values'], 'NUMBER_TYPE_MAX', 'Int value should be less than or equal to 25.');
  }
  if (select.max_values !== undefined && (!Number.isInteger(select.max_values) || (select.max_values as number) < 1 || (select.max_values as number) > 25)) {
    errors.add([...path, 'max_values'], 'NUMBER_TYPE_MAX', 'Int value should be less than or equal to 25.');
  }
  if (select.type !== ComponentType.StringSelect) return;
  if (!Array.isArray(select.options) || select.options.length < 1 || select.options.length > 25) {
    errors.add([...path, 'options'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 25 in length.');
    return;
  }
  select.options.forEach((option: unknown, index) => {
    const optionPath = [...path, 'options', index];
    if (!isRecord(option)) {
      errors.add(optionPath, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
      return;
    }
    checkLengthBetween(errors, [...optionPath, 'label'], option.label, 1, 100);
    checkLengthBetween(errors, [...optionPath, 'value'], option.value, 1, 100);
    checkMaxLength(errors, [...optionPath, 'description'], option.description, 100);
  });
}

function validateComponents(errors: FormErrors, path: FieldPath, rows: unknown): void {
  if (!Array.isArray(rows)) {
    errors.add(path, 'BASE_TYPE_LIST', 'Must be a list.');
    return;
  }
  checkArrayMax(errors, path, rows, 5);
  const customIds = new Set<string>();
  rows.forEach((row: unknown, rowIndex) => {
    const rowPath = [...path, rowIndex];
    if (!isRecord(row) || row.type !== ComponentType.ActionRow) {
      errors.add([...rowPath, 'type'], 'UNION_TYPE_CHOICES', 'Value of field "type" must be one of (1,).');
      return;
    }
    const children = row.components;
    if (!Array.isArray(children) || children.length < 1 || children.length > 5) {
      errors.add([...rowPath, 'components'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 5 in length.');
      if (!Array.isArray(children)) return;
    }
    const hasSelect = children.some((c: unknown) => isRecord(c) && c.type !== ComponentType.Button);
    if (hasSelect && children.length > 1) {
      errors.add([...rowPath, 'components'], 'COMPONENT_LAYOUT_WIDTH_EXCEEDED', 'The specified component exceeds the maximum width');
    }
    children.forEach((child: unknown, childIndex) => {
      const childPath = [...rowPath, 'components', childIndex];
      if (!isRecord(child)) {
        errors.add(childPath, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
      } else if (child.type === ComponentType.Button) {
        validateButton(errors, childPath, child, customIds);
      } else if (child.type === ComponentType.StringSelect || AUTO_SELECT_TYPES.has(child.type as number)) {
        validateSelect(errors, childPath, child, customIds);
      } else {
        errors.add([...childPath, 'type'], 'UNION_TYPE_CHOICES', 'Value of field "type" must be one of (2, 3, 5, 6, 7, 8).');
      }
    });
  });
}

function validateAllowedMentions(errors: FormErrors, path: FieldPath, value: unknown): void {
  if (value === undefined || value === null) return;
  if (!isRecord(value)) {
    errors.add(path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    return;
  }
  const parse = value.parse;
  if (parse !== undefined) {
    if (!Array.isArray(parse)) errors.add([...path, 'parse'], 'BASE_TYPE_LIST', 'Must be a list.');
    else
      parse.forEach((entry: unknown, index) => {
        if (entry !== 'roles' && entry !== 'users' && entry !== 'everyone') {
          errors.add([...path, 'parse', index], 'BASE_TYPE_CHOICES', "Value must be one of ('roles', 'users', 'everyone').");
        }
      });
  }
  for (const kind of ['users', 'roles'] as const) {
    const list = value[kind];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      errors.add([...path, kind], 'BASE_TYPE_LIST', 'Must be a list.');
      continue;
    }
    checkArrayMax(errors, [...path, kind], list, 100);
    if (Array.isArray(parse) && parse.includes(kind) && list.length > 0) {
      errors.add(path, 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE', `parse:["${kind}"] and ${kind}: [ids...] are mutually exclusive.`);
    }
  }
}

export interface MessageValidationOptions {
  /** Interaction responses may carry the ephemeral flag; channel messages may not. */
  allowEphemeral: boolean;
}

/**
 * Validates the fields of a message create/edit payload that are present. Emptiness is checked
 * separately (`isEmptyMessage`) because an edit is judged on the merged result.
 */
export function validateMessagePayload(
  errors: FormErrors,
  path: FieldPath,
  payload: unknown,
  options: MessageValidationOptions,
): void {
  if (!isRecord(payload)) {
    errors.add(path, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
    return;
  }
  if (payload.content !== undefined && payload.content !== null) {
    if (typeof payload.content !== 'string') errors.add([...path, 'content'], 'STRING_TYPE_CONVERT', 'Could not interpret value as string.');
    else checkMaxLength(errors, [...path, 'content'], payload.content, 2000);
  }
  if (payload.embeds !== undefined && payload.embeds !== null) {
    if (!Array.isArray(payload.embeds)) {
      errors.add([...path, 'embeds'], 'BASE_TYPE_LIST', 'Must be a list.');
    } else {
      checkArrayMax(errors, [...path, 'embeds'], payload.embeds, 10);
      const total = payload.embeds.reduce<number>(
        (sum, embed: unknown, index) => sum + validateEmbed(errors, [...path, 'embeds', index], embed),
        0,
      );
      if (total > EMBED_TOTAL_MAX) {
        errors.add([...path, 'embeds'], 'MAX_EMBED_SIZE_EXCEEDED', `Embed size exceeds maximum size of ${EMBED_TOTAL_MAX}`);
      }
    }
  }
  if (payload.components !== undefined && payload.components !== null) {
    const flags = typeof payload.flags === 'number' ? payload.flags : 0;
    // Components V2 layouts follow other rules; the emulator only checks legacy action rows.
    if (!(flags & MessageFlag.IsComponentsV2)) validateComponents(errors, [...path, 'components'], payload.components);
  }
  validateAllowedMentions(errors, [...path, 'allowed_mentions'], payload.allowed_mentions);
  if (payload.flags !== undefined && payload.flags !== null) {
    const allowed =
      MessageFlag.SuppressEmbeds |
      MessageFlag.SuppressNotifications |
      MessageFlag.IsComponentsV2 |
      (options.allowEphemeral ? MessageFlag.Ephemeral : 0);
    if (!Number.isInteger(payload.flags) || ((payload.flags as number) & ~allowed) !== 0) {
      errors.add([...path, 'flags'], 'MESSAGE_FLAGS_INVALID', 'Invalid message flags');
    }
  }
  if (payload.message_reference !== undefined && payload.message_reference !== null) {
    const ref = payload.message_reference;
    if (!isRecord(ref) || typeof ref.message_id !== 'string') {
      errors.add([...path, 'message_reference', 'message_id'], 'BASE_TYPE_REQUIRED', 'This field is required');
    }
  }
}

/** Discord refuses a message with nothing to show ("Cannot send an empty message", 50006). */
export function isEmptyMessage(message: {
  content?: unknown;
  embeds?: unknown;
  components?: unknown;
  attachments?: unknown;
  sticker_ids?: unknown;
  poll?: unknown;
}): boolean {
  const hasContent = typeof message.content === 'string' && message.content.trim().length > 0;
  const nonEmpty = (value: unknown) => Array.isArray(value) && value.length > 0;
  return (
    !hasContent &&
    !nonEmpty(message.embeds) &&
    !nonEmpty(message.components) &&
    !nonEmpty(message.attachments) &&
    !nonEmpty(message.sticker_ids) &&
    !message.poll
  );
}

/** Autocomplete result (callback type 8): at most 25 choices, name 1–100, string value ≤ 100. */
export function validateAutocompleteChoices(errors: FormErrors, path: FieldPath, data: unknown): void {
  if (!isRecord(data) || !Array.isArray(data.choices)) {
    errors.add([...path, 'choices'], 'BASE_TYPE_REQUIRED', 'This field is required');
    return;
  }
  checkArrayMax(errors, [...path, 'choices'], data.choices, 25);
  data.choices.forEach((choice: unknown, index) => {
    const choicePath = [...path, 'choices', index];
    if (!isRecord(choice)) {
      errors.add(choicePath, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
      return;
    }
    checkLengthBetween(errors, [...choicePath, 'name'], choice.name, 1, 100);
    if (typeof choice.value === 'string') checkMaxLength(errors, [...choicePath, 'value'], choice.value, 100);
    else if (typeof choice.value !== 'number') errors.add([...choicePath, 'value'], 'BASE_TYPE_REQUIRED', 'This field is required');
  });
}

/** Modal (callback type 9): custom_id ≤ 100, title ≤ 45, 1–5 rows. */
export function validateModal(errors: FormErrors, path: FieldPath, data: unknown): void {
  if (!isRecord(data)) {
    errors.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
    return;
  }
  checkLengthBetween(errors, [...path, 'custom_id'], data.custom_id, 1, 100);
  checkLengthBetween(errors, [...path, 'title'], data.title, 1, 45);
  if (!Array.isArray(data.components) || data.components.length < 1 || data.components.length > 5) {
    errors.add([...path, 'components'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 5 in length.');
  }
}
