/**
 * Stand-ins for the parts of discord.js interactions that the command modules and the router use, so the
 * console runs the very same commands. Replies are handed to `show` instead of Discord; the reply-state rules
 * (no second reply, no edit before a reply) are discord.js's own, so a command that breaks them fails here too.
 */
import type { ButtonInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { ButtonRow, MessageView } from '../discord/limits.js';
import type { OptionValue, ParsedCommand } from './console-input.js';

/** How a view was sent: the reply method used, and whether only the user would see it on Discord. */
export interface Delivery {
  method: 'reply' | 'editReply' | 'followUp' | 'update';
  ephemeral: boolean;
}

export type Show = (view: MessageView, delivery: Delivery) => void;

const CONSOLE_USER = Object.freeze({ id: '0', username: 'console', globalName: 'console', tag: 'console', bot: false });

function viewOf(payload: unknown): MessageView {
  if (typeof payload === 'string') return { content: payload };
  const { content, embeds, components } = (payload ?? {}) as { content?: string; embeds?: unknown[]; components?: unknown[] };
  const json = (item: unknown) => (item && typeof (item as { toJSON?: unknown }).toJSON === 'function' ? (item as { toJSON(): unknown }).toJSON() : item);
  return {
    ...(content !== undefined ? { content } : {}),
    embeds: (embeds ?? []).map(json) as MessageView['embeds'],
    components: (components ?? []).map(json) as ButtonRow[],
  };
}

function ephemeralFlag(payload: unknown): boolean {
  const flags = (payload as { flags?: unknown } | undefined)?.flags;
  return typeof flags === 'number' && (flags & 64) === 64;
}

class ConsoleOptions {
  constructor(
    private readonly values: ReadonlyMap<string, OptionValue>,
    private readonly subcommand: string | null,
    private readonly commandName: string,
  ) {}

  private get<T extends OptionValue>(name: string, type: string, required: boolean): T | null {
    const value = this.values.get(name);
    if (value === undefined) {
      if (required) throw new TypeError(`Required option "${name}" not found.`);
      return null;
    }
    if (typeof value !== type) throw new TypeError(`Option "${name}" is of type ${typeof value}; expected ${type}.`);
    return value as T;
  }

  getString(name: string, required = false): string | null {
    return this.get<string>(name, 'string', required);
  }
  getInteger(name: string, required = false): number | null {
    return this.get<number>(name, 'number', required);
  }
  getNumber(name: string, required = false): number | null {
    return this.get<number>(name, 'number', required);
  }
  getBoolean(name: string, required = false): boolean | null {
    return this.get<boolean>(name, 'boolean', required);
  }
  getSubcommand(required = true): string | null {
    if (!this.subcommand && required) throw new TypeError(`/${this.commandName} has no subcommand.`);
    return this.subcommand;
  }
  getSubcommandGroup(): string | null {
    return null;
  }
  /** Channels, users, roles and attachments do not exist in the console. */
  getChannel(name: string, required = false): null {
    if (required) throw new TypeError(`Option "${name}" (a channel) cannot be given in the console.`);
    return null;
  }
  getUser = this.getChannel;
  getRole = this.getChannel;
  getMember = this.getChannel;
  getMentionable = this.getChannel;
  getAttachment = this.getChannel;
}

/** Reply state shared by both stand-ins, following discord.js's rules. */
abstract class ConsoleRepliable {
  deferred = false;
  replied = false;
  ephemeral: boolean | null = null;
  /** The first reply was deleted (deleteReply). */
  deleted = false;
  readonly user = CONSOLE_USER;
  readonly member = null;
  readonly guild = null;
  readonly guildId = null;
  readonly channel = null;
  readonly channelId = 'console';
  readonly memberPermissions = null;
  readonly locale = 'en-US';
  readonly client = null;

  constructor(protected readonly show: Show) {}

  inGuild(): boolean {
    return false;
  }
  inCachedGuild(): boolean {
    return false;
  }
  isRepliable(): boolean {
    return true;
  }

  async reply(payload: unknown): Promise<void> {
    if (this.deferred || this.replied) throw new Error('The reply to this interaction has already been sent or deferred.');
    this.replied = true;
    this.ephemeral = ephemeralFlag(payload);
    this.show(viewOf(payload), { method: 'reply', ephemeral: this.ephemeral });
  }
  async deferReply(payload?: unknown): Promise<void> {
    if (this.deferred || this.replied) throw new Error('The reply to this interaction has already been sent or deferred.');
    this.deferred = true;
    this.ephemeral = ephemeralFlag(payload);
  }
  async editReply(payload: unknown): Promise<void> {
    if (!this.deferred && !this.replied) throw new Error('The reply to this interaction has not been sent or deferred.');
    if (this.deleted) throw new Error('The reply to this interaction was deleted.');
    this.replied = true;
    this.show(viewOf(payload), { method: 'editReply', ephemeral: this.ephemeral === true });
  }
  async followUp(payload: unknown): Promise<void> {
    if (!this.deferred && !this.replied) throw new Error('The reply to this interaction has not been sent or deferred.');
    this.replied = true;
    this.show(viewOf(payload), { method: 'followUp', ephemeral: ephemeralFlag(payload) });
  }
  async deleteReply(): Promise<void> {
    if (!this.deferred && !this.replied) throw new Error('The reply to this interaction has not been sent or deferred.');
    this.deleted = true;
  }
}

export class ConsoleCommandInteraction extends ConsoleRepliable {
  readonly commandName: string;
  readonly options: ConsoleOptions;

  constructor(parsed: ParsedCommand, show: Show) {
    super(show);
    this.commandName = parsed.command.data.name;
    this.options = new ConsoleOptions(parsed.options, parsed.subcommand, this.commandName);
  }

  isChatInputCommand(): boolean {
    return true;
  }
  isCommand(): boolean {
    return true;
  }
  isAutocomplete(): boolean {
    return false;
  }
  isButton(): boolean {
    return false;
  }

  /** The discord.js type the commands are written against; this class implements the subset they use. */
  asInteraction(): ChatInputCommandInteraction {
    return this as unknown as ChatInputCommandInteraction;
  }
}

export class ConsoleButtonInteraction extends ConsoleRepliable {
  constructor(
    readonly customId: string,
    show: Show,
  ) {
    super(show);
  }

  isChatInputCommand(): boolean {
    return false;
  }
  isAutocomplete(): boolean {
    return false;
  }
  isButton(): boolean {
    return true;
  }

  async update(payload: unknown): Promise<void> {
    if (this.deferred || this.replied) throw new Error('The reply to this interaction has already been sent or deferred.');
    this.replied = true;
    this.show(viewOf(payload), { method: 'update', ephemeral: false });
  }

  asInteraction(): ButtonInteraction {
    return this as unknown as ButtonInteraction;
  }
}
