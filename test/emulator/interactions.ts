import { randomBytes } from 'node:crypto';
import type { APIApplicationCommandOption, APIMessage } from 'discord.js';
import type { EmulatorClock, SnowflakeFactory } from './clock.js';
import { OptionType, type CommandRegistry } from './commands.js';
import { isRecord } from './discord-errors.js';
import type { MessageStore } from './messages.js';
import type {
  AutocompleteInput,
  CommandInteractionInput,
  InteractionKind,
  OptionValue,
  SelectInput,
  SentInteraction,
  ComponentInput,
} from './types.js';
import { ChannelType, type ChannelRecord, type GuildRecord, type UserRecord, type World } from './world.js';

export const InteractionType = { ApplicationCommand: 2, MessageComponent: 3, Autocomplete: 4, ModalSubmit: 5 } as const;

export const CallbackType = {
  ChannelMessageWithSource: 4,
  DeferredChannelMessageWithSource: 5,
  DeferredMessageUpdate: 6,
  UpdateMessage: 7,
  AutocompleteResult: 8,
  Modal: 9,
} as const;

export const ComponentType = { Button: 2, StringSelect: 3 } as const;

/** What the emulator remembers about one dispatched interaction and the bot's answers to it. */
export interface InteractionRecord {
  sent: SentInteraction;
  type: number;
  payload: Record<string, unknown>;
  channel: ChannelRecord;
  user: UserRecord;
  commandName: string | null;
  commandType: number | null;
  /** For component interactions: the message whose component was used. */
  sourceMessageId: string | null;
  callbackType: number | null;
  /** Id of the @original message once it exists. */
  originalMessageId: string | null;
  followUpIds: string[];
  choices: Record<string, unknown>[] | null;
  modal: Record<string, unknown> | null;
}

interface ResolvedData {
  users?: Record<string, unknown>;
  members?: Record<string, unknown>;
  channels?: Record<string, unknown>;
  roles?: Record<string, unknown>;
}

interface Context {
  user: UserRecord;
  guild: GuildRecord | null;
  channel: ChannelRecord;
  memberPermissions: bigint;
}

/** Builds interaction payloads the way Discord's client and gateway produce them. */
export class InteractionFactory {
  private readonly byId = new Map<string, InteractionRecord>();
  private readonly byToken = new Map<string, InteractionRecord>();

  constructor(
    private readonly world: World,
    private readonly commands: CommandRegistry,
    private readonly messages: MessageStore,
    private readonly ids: SnowflakeFactory,
    private readonly clock: EmulatorClock,
  ) {}

  get(id: string): InteractionRecord | undefined {
    return this.byId.get(id);
  }

  getByToken(token: string): InteractionRecord | undefined {
    return this.byToken.get(token);
  }

  command(input: CommandInteractionInput): InteractionRecord {
    const context = this.context(input);
    const commandType = input.type ?? 1;
    const registered = this.commands.find(input.name, context.guild?.id ?? null, commandType);
    const data: Record<string, unknown> = {
      id: registered?.id ?? this.ids.next(),
      name: input.name,
      type: commandType,
      ...(registered?.guild_id ? { guild_id: registered.guild_id } : {}),
    };
    const resolved: ResolvedData = {};
    if (commandType === 1) {
      data.options = this.buildOptions(input, registered?.options, context, resolved, null, true);
    } else {
      if (!input.targetId) throw new Error(`Emulator: user/message command "${input.name}" needs targetId`);
      data.target_id = input.targetId;
      if (commandType === 2) this.resolveUser(input.targetId, context, resolved);
      else {
        const target = this.messages.get(input.targetId);
        if (!target) throw new Error(`Emulator: unknown target message ${input.targetId}`);
        Object.assign(resolved, { messages: { [target.id]: target } });
      }
    }
    if (Object.keys(resolved).length > 0) data.resolved = resolved;
    return this.register('command', InteractionType.ApplicationCommand, context, data, {
      commandName: input.name,
      commandType,
    });
  }

  autocomplete(input: AutocompleteInput): InteractionRecord {
    const context = this.context(input);
    const registered = this.commands.find(input.name, context.guild?.id ?? null);
    const data: Record<string, unknown> = {
      id: registered?.id ?? this.ids.next(),
      name: input.name,
      type: 1,
      ...(registered?.guild_id ? { guild_id: registered.guild_id } : {}),
    };
    data.options = this.buildOptions(input, registered?.options, context, {}, { name: input.focused, value: input.value }, false);
    return this.register('autocomplete', InteractionType.Autocomplete, context, data, { commandName: input.name, commandType: 1 });
  }

  component(input: ComponentInput | SelectInput, componentType: number): InteractionRecord {
    const message = this.messages.get(input.messageId);
    if (!message) throw new Error(`Emulator: unknown message ${input.messageId}`);
    const component = findComponent(message, input.customId);
    if (!component) throw new Error(`Emulator: message ${input.messageId} has no component with custom_id "${input.customId}"`);
    if (component.type !== componentType) {
      throw new Error(`Emulator: component "${input.customId}" has type ${String(component.type)}, not ${componentType}`);
    }
    if (component.disabled === true) throw new Error(`Emulator: component "${input.customId}" is disabled`);
    const channel = this.world.requireChannel(message.channel_id);
    const context = this.context({ ...input, channelId: channel.id, guildId: channel.guildId });
    const data: Record<string, unknown> = { custom_id: input.customId, component_type: componentType };
    if ('values' in input) data.values = [...input.values];
    const record = this.register('component', InteractionType.MessageComponent, context, data, {
      commandName: null,
      commandType: null,
      sourceMessageId: message.id,
    });
    record.payload.message = message;
    return record;
  }

  private register(
    kind: InteractionKind,
    type: number,
    context: Context,
    data: Record<string, unknown>,
    extra: { commandName: string | null; commandType: number | null; sourceMessageId?: string },
  ): InteractionRecord {
    const id = this.ids.next();
    // Shaped like Discord's: base64 of "interaction:<id>:<secret>".
    const token = Buffer.from(`interaction:${id}:${randomBytes(48).toString('base64url')}`).toString('base64url');
    const payload = this.basePayload(id, token, type, context);
    payload.data = data;
    const record: InteractionRecord = {
      sent: { id, token, kind, dispatchedAt: this.clock.now() },
      type,
      payload,
      channel: context.channel,
      user: context.user,
      commandName: extra.commandName,
      commandType: extra.commandType,
      sourceMessageId: extra.sourceMessageId ?? null,
      callbackType: null,
      originalMessageId: null,
      followUpIds: [],
      choices: null,
      modal: null,
    };
    this.byId.set(id, record);
    this.byToken.set(token, record);
    return record;
  }

  private context(input: { user?: string; channelId?: string; guildId?: string | null; memberPermissions?: bigint }): Context {
    const firstHuman = this.world.humans[0];
    const user = this.world.requireUser(input.user ?? firstHuman?.id ?? '');
    if (input.guildId === null) {
      const channel = input.channelId ? this.world.requireChannel(input.channelId) : this.world.dmChannelFor(user.id);
      if (channel.type !== ChannelType.DM) throw new Error(`Emulator: channel ${channel.id} is not a DM channel`);
      return { user, guild: null, channel, memberPermissions: input.memberPermissions ?? this.world.permissionsIn(channel, user.id) };
    }
    const guildId = input.guildId ?? [...this.world.guilds.keys()][0];
    const guild = this.world.requireGuild(guildId ?? '');
    const channel = input.channelId ? this.world.requireChannel(input.channelId) : this.world.firstTextChannel(guild);
    if (!channel || channel.guildId !== guild.id) {
      throw new Error(`Emulator: channel ${input.channelId ?? '(none)'} is not a text channel of guild ${guild.id}`);
    }
    if (!guild.members.has(user.id)) throw new Error(`Emulator: user ${user.id} is not in guild ${guild.id}`);
    return { user, guild, channel, memberPermissions: input.memberPermissions ?? this.world.permissionsIn(channel, user.id) };
  }

  private basePayload(id: string, token: string, type: number, context: Context): Record<string, unknown> {
    const { user, guild, channel } = context;
    const payload: Record<string, unknown> = {
      id,
      application_id: this.world.applicationId,
      type,
      token,
      version: 1,
      locale: 'en-US',
      app_permissions: this.world.permissionsIn(channel, this.world.bot.id).toString(),
      entitlements: [],
      attachment_size_limit: 10_485_760,
      channel_id: channel.id,
      channel: { ...this.world.apiChannel(channel), permissions: context.memberPermissions.toString() },
      context: guild ? 0 : 1,
      authorizing_integration_owners: { '0': guild ? guild.id : '0' },
    };
    if (guild) {
      payload.guild_id = guild.id;
      payload.guild = { id: guild.id, locale: 'en-US', features: [] };
      payload.guild_locale = 'en-US';
      payload.member = { ...this.world.apiMember(guild, user.id, true), permissions: context.memberPermissions.toString() };
    } else {
      payload.user = this.world.apiUser(user);
    }
    return payload;
  }

  /**
   * Turns `{ name: value }` into Discord's option tree. With a registered definition, names, types,
   * choices, ranges and required options are checked as Discord's client would before sending.
   */
  private buildOptions(
    input: { name: string; subcommandGroup?: string; subcommand?: string; options?: Record<string, OptionValue> },
    definitions: APIApplicationCommandOption[] | undefined,
    context: Context,
    resolved: ResolvedData,
    focused: { name: string; value: string } | null,
    enforceRequired: boolean,
  ): unknown[] {
    let leafDefinitions: APIApplicationCommandOption[] | undefined = definitions;
    const wrap: Array<(inner: unknown[]) => unknown[]> = [];
    for (const [kind, name] of [
      [OptionType.SubcommandGroup, input.subcommandGroup],
      [OptionType.Subcommand, input.subcommand],
    ] as const) {
      if (!name) continue;
      const definition = leafDefinitions?.find((d) => d.name === name && d.type === kind);
      if (leafDefinitions && !definition) throw new Error(`Emulator: /${input.name} has no ${kind === 1 ? 'subcommand' : 'group'} "${name}"`);
      leafDefinitions = definition && 'options' in definition ? (definition.options as APIApplicationCommandOption[] | undefined) ?? [] : undefined;
      wrap.push((inner) => [{ name, type: kind, options: inner }]);
    }

    const leaves: unknown[] = [];
    const values = { ...(input.options ?? {}) };
    if (focused) values[focused.name] = focused.value;
    for (const [name, value] of Object.entries(values)) {
      const definition = leafDefinitions?.find((d) => d.name === name);
      if (leafDefinitions && !definition) throw new Error(`Emulator: /${input.name} has no option "${name}"`);
      const isFocused = focused?.name === name;
      const type = definition?.type ?? inferOptionType(value);
      if (!isFocused && definition) checkOptionValue(input.name, definition, value);
      if (!isFocused) this.resolveOption(type, value, context, resolved);
      leaves.push({ name, type, value: isFocused ? String(value) : value, ...(isFocused ? { focused: true } : {}) });
    }
    if (enforceRequired && leafDefinitions) {
      for (const definition of leafDefinitions) {
        if ('required' in definition && definition.required && !(definition.name in values)) {
          throw new Error(`Emulator: /${input.name} requires option "${definition.name}"`);
        }
      }
    }
    return wrap.reduceRight((inner, fn) => fn(inner), leaves);
  }

  private resolveOption(type: number, value: OptionValue, context: Context, resolved: ResolvedData): void {
    if (typeof value !== 'string') return;
    if (type === OptionType.User || (type === OptionType.Mentionable && this.world.users.has(value))) {
      this.resolveUser(value, context, resolved);
    } else if (type === OptionType.Channel) {
      const channel = this.world.requireChannel(value);
      resolved.channels = {
        ...resolved.channels,
        [value]: { ...this.world.apiChannel(channel), permissions: this.world.permissionsIn(channel, context.user.id).toString() },
      };
    } else if (type === OptionType.Role || type === OptionType.Mentionable) {
      const role = context.guild?.roles.find((r) => r.id === value);
      if (!role) throw new Error(`Emulator: unknown role ${value}`);
      resolved.roles = { ...resolved.roles, [value]: this.world.apiRole(role) };
    }
  }

  private resolveUser(userId: string, context: Context, resolved: ResolvedData): void {
    const user = this.world.requireUser(userId);
    resolved.users = { ...resolved.users, [userId]: this.world.apiUser(user) };
    if (context.guild?.members.has(userId)) {
      resolved.members = {
        ...resolved.members,
        [userId]: {
          ...this.world.apiMember(context.guild, userId, false),
          permissions: this.world.permissionsIn(context.channel, userId).toString(),
        },
      };
    }
  }
}

function inferOptionType(value: OptionValue): number {
  if (typeof value === 'boolean') return OptionType.Boolean;
  if (typeof value === 'number') return Number.isInteger(value) ? OptionType.Integer : OptionType.Number;
  return OptionType.String;
}

function checkOptionValue(command: string, definition: APIApplicationCommandOption, value: OptionValue): void {
  const fail = (why: string) => {
    throw new Error(`Emulator: /${command} option "${definition.name}": ${why} (Discord's client would not send this)`);
  };
  const def = definition as unknown as Record<string, unknown>;
  switch (definition.type) {
    case OptionType.String:
      if (typeof value !== 'string') fail('expects a string');
      if (typeof def.min_length === 'number' && String(value).length < def.min_length) fail(`shorter than ${def.min_length}`);
      if (typeof def.max_length === 'number' && String(value).length > def.max_length) fail(`longer than ${def.max_length}`);
      break;
    case OptionType.Integer:
    case OptionType.Number:
      if (typeof value !== 'number' || (definition.type === OptionType.Integer && !Number.isInteger(value))) {
        fail(definition.type === OptionType.Integer ? 'expects an integer' : 'expects a number');
      }
      if (typeof def.min_value === 'number' && (value as number) < def.min_value) fail(`below ${def.min_value}`);
      if (typeof def.max_value === 'number' && (value as number) > def.max_value) fail(`above ${def.max_value}`);
      break;
    case OptionType.Boolean:
      if (typeof value !== 'boolean') fail('expects a boolean');
      break;
    default:
      if (typeof value !== 'string') fail('expects an id');
  }
  if (Array.isArray(def.choices) && def.choices.length > 0 && !def.choices.some((c) => isRecord(c) && c.value === value)) {
    fail(`${JSON.stringify(value)} is not one of its choices`);
  }
}

function findComponent(message: APIMessage, customId: string): Record<string, unknown> | undefined {
  for (const row of (message.components ?? []) as unknown[]) {
    if (!isRecord(row) || !Array.isArray(row.components)) continue;
    for (const component of row.components) {
      if (isRecord(component) && component.custom_id === customId) return component;
    }
  }
  return undefined;
}
