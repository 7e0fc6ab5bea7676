import type { APIApplicationCommand, APIApplicationCommandOption } from 'discord.js';
import type { SnowflakeFactory } from './clock.js';
import {
  checkArrayMax,
  checkLengthBetween,
  isRecord,
  type FormErrors,
  type FieldPath,
} from './discord-errors.js';

export const OptionType = {
  Subcommand: 1,
  SubcommandGroup: 2,
  String: 3,
  Integer: 4,
  Boolean: 5,
  User: 6,
  Channel: 7,
  Role: 8,
  Mentionable: 9,
  Number: 10,
  Attachment: 11,
} as const;

const CHAT_INPUT = 1;
const NAME_PATTERN = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function validateName(errors: FormErrors, path: FieldPath, name: unknown, chatInput: boolean): void {
  checkLengthBetween(errors, path, name, 1, 32);
  if (typeof name !== 'string' || !chatInput) return;
  if (!NAME_PATTERN.test(name) || name !== name.toLowerCase()) {
    errors.add(path, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
  }
}

function validateOptions(errors: FormErrors, path: FieldPath, options: unknown, depth: number): void {
  if (options === undefined || options === null) return;
  if (!Array.isArray(options)) {
    errors.add(path, 'BASE_TYPE_LIST', 'Must be a list.');
    return;
  }
  checkArrayMax(errors, path, options, 25);
  const names = new Set<string>();
  let sawOptional = false;
  options.forEach((option: unknown, index) => {
    const optionPath = [...path, index];
    if (!isRecord(option)) {
      errors.add(optionPath, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
      return;
    }
    validateName(errors, [...optionPath, 'name'], option.name, true);
    checkLengthBetween(errors, [...optionPath, 'description'], option.description, 1, 100);
    if (typeof option.name === 'string') {
      if (names.has(option.name)) errors.add([...optionPath, 'name'], 'APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS', 'Option name already exists');
      names.add(option.name);
    }
    const type = option.type;
    if (!Number.isInteger(type) || (type as number) < 1 || (type as number) > 11) {
      errors.add([...optionPath, 'type'], 'BASE_TYPE_CHOICES', 'Value must be one of {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}.');
      return;
    }
    if (type === OptionType.Subcommand || type === OptionType.SubcommandGroup) {
      if (depth >= (type === OptionType.SubcommandGroup ? 1 : 2)) {
        errors.add([...optionPath, 'type'], 'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID', 'Sub-command and sub-command group option types are mutually exclusive to all other types');
      }
      validateOptions(errors, [...optionPath, 'options'], option.options, depth + 1);
      return;
    }
    if (option.required === true && sawOptional) {
      errors.add(path, 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', 'Required options must be placed before non-required options');
    }
    if (option.required !== true) sawOptional = true;
    if (option.choices !== undefined) {
      if (option.autocomplete === true && Array.isArray(option.choices) && option.choices.length > 0) {
        errors.add([...optionPath, 'autocomplete'], 'APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_WITH_CHOICES', 'Autocomplete cannot be enabled on options with choices');
      }
      checkArrayMax(errors, [...optionPath, 'choices'], option.choices, 25);
      if (Array.isArray(option.choices)) {
        option.choices.forEach((choice: unknown, choiceIndex) => {
          const choicePath = [...optionPath, 'choices', choiceIndex];
          if (!isRecord(choice)) return;
          checkLengthBetween(errors, [...choicePath, 'name'], choice.name, 1, 100);
          if (typeof choice.value === 'string') checkLengthBetween(errors, [...choicePath, 'value'], choice.value, 1, 100);
        });
      }
    }
  });
}

/** Checks an application command body like Discord's command endpoints do. Throws 50035 on failure. */
export function validateCommandBody(errors: FormErrors, path: FieldPath, body: unknown): void {
  if (!isRecord(body)) {
    errors.add(path, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
    return;
  }
  const type = body.type ?? CHAT_INPUT;
  const chatInput = type === CHAT_INPUT;
  validateName(errors, [...path, 'name'], body.name, chatInput);
  if (chatInput) {
    checkLengthBetween(errors, [...path, 'description'], body.description, 1, 100);
    validateOptions(errors, [...path, 'options'], body.options, 0);
  }
}

/** Registered application commands, global and per guild. */
export class CommandRegistry {
  private readonly scopes = new Map<string, Map<string, APIApplicationCommand>>();

  constructor(
    private readonly applicationId: string,
    private readonly ids: SnowflakeFactory,
  ) {}

  private scope(guildId: string | null): Map<string, APIApplicationCommand> {
    const key = guildId ?? 'global';
    let scope = this.scopes.get(key);
    if (!scope) {
      scope = new Map();
      this.scopes.set(key, scope);
    }
    return scope;
  }

  list(guildId: string | null): APIApplicationCommand[] {
    return [...this.scope(guildId).values()].map((c) => structuredClone(c));
  }

  get(guildId: string | null, id: string): APIApplicationCommand | undefined {
    const command = this.scope(guildId).get(id);
    return command && structuredClone(command);
  }

  /** Bulk overwrite (PUT): commands with the same name and type keep their ids. */
  overwrite(guildId: string | null, bodies: Record<string, unknown>[]): APIApplicationCommand[] {
    const scope = this.scope(guildId);
    const previous = [...scope.values()];
    scope.clear();
    for (const body of bodies) {
      const kept = previous.find((c) => c.name === body.name && c.type === (body.type ?? CHAT_INPUT));
      const command = this.build(guildId, body, kept?.id);
      scope.set(command.id, command);
    }
    return this.list(guildId);
  }

  /** Create (POST) upserts by name and type, as Discord does. */
  upsert(guildId: string | null, body: Record<string, unknown>): { command: APIApplicationCommand; created: boolean } {
    const scope = this.scope(guildId);
    const existing = [...scope.values()].find((c) => c.name === body.name && c.type === (body.type ?? CHAT_INPUT));
    const command = this.build(guildId, body, existing?.id);
    scope.set(command.id, command);
    return { command: structuredClone(command), created: !existing };
  }

  edit(guildId: string | null, id: string, patch: Record<string, unknown>): APIApplicationCommand | undefined {
    const scope = this.scope(guildId);
    const existing = scope.get(id);
    if (!existing) return undefined;
    const command = this.build(guildId, { ...existing, ...patch }, id);
    scope.set(id, command);
    return structuredClone(command);
  }

  delete(guildId: string | null, id: string): boolean {
    return this.scope(guildId).delete(id);
  }

  /** The command a user would invoke by this name in a guild: guild commands shadow global ones. */
  find(name: string, guildId: string | null, type = CHAT_INPUT): APIApplicationCommand | undefined {
    const match = (c: APIApplicationCommand) => c.name === name && c.type === type;
    const guildCommand = guildId ? [...this.scope(guildId).values()].find(match) : undefined;
    return guildCommand ?? [...this.scope(null).values()].find(match);
  }

  private build(guildId: string | null, body: Record<string, unknown>, id?: string): APIApplicationCommand {
    const type = (body.type as number | undefined) ?? CHAT_INPUT;
    return {
      id: id ?? this.ids.next(),
      application_id: this.applicationId,
      version: this.ids.next(),
      type,
      name: body.name,
      name_localizations: body.name_localizations ?? null,
      description: type === CHAT_INPUT ? body.description : '',
      description_localizations: body.description_localizations ?? null,
      options: (body.options as APIApplicationCommandOption[] | undefined) ?? [],
      default_member_permissions: body.default_member_permissions ?? null,
      dm_permission: body.dm_permission ?? true,
      contexts: body.contexts ?? null,
      integration_types: body.integration_types ?? [0],
      nsfw: body.nsfw ?? false,
      ...(guildId ? { guild_id: guildId } : {}),
    } as APIApplicationCommand;
  }
}

