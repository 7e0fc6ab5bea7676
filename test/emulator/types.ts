import type { APIApplicationCommandOptionChoice, APIMessage } from 'discord.js';

/** Channel kinds the emulator can create, mapped to Discord channel types. */
export type ChannelKind = 'text' | 'announcement' | 'voice' | 'category' | 'forum';

export interface ChannelSpec {
  id?: string;
  name?: string;
  /** Default 'text'. */
  kind?: ChannelKind;
  topic?: string;
  /** Permission bits denied to the bot's role in this channel (a role overwrite). */
  botDeny?: bigint;
  /** Permission bits denied to @everyone in this channel. */
  everyoneDeny?: bigint;
}

export interface GuildSpec {
  id?: string;
  name?: string;
  /** Default: one text channel named 'general'. */
  channels?: ChannelSpec[];
  /** Permissions of the bot's managed role. Default DEFAULT_BOT_PERMISSIONS. */
  botPermissions?: bigint;
  /** Permissions of @everyone. Default DEFAULT_EVERYONE_PERMISSIONS. */
  everyonePermissions?: bigint;
}

export interface UserSpec {
  id?: string;
  username?: string;
  globalName?: string;
}

export type PrivilegedIntent = 'GuildMembers' | 'GuildPresences' | 'MessageContent';

export interface EmulatorOptions {
  /** Default: one guild 'Emulated Guild' with a 'general' text channel. */
  guilds?: GuildSpec[];
  /** Human users; each is a member of every guild. Default: one user 'tester'. */
  users?: UserSpec[];
  token?: string;
  applicationId?: string;
  botUsername?: string;
  /** Privileged intents enabled in the (emulated) developer portal. Default: all three. */
  privilegedIntents?: PrivilegedIntent[];
  /** HELLO heartbeat_interval. Default 41_250 (Discord's). */
  heartbeatIntervalMs?: number;
  /** Deadline for the first interaction callback. Default 3_000. */
  ackDeadlineMs?: number;
  /** Lifetime of an interaction token for webhook calls. Default 15 minutes. */
  tokenLifetimeMs?: number;
}

export interface RecordedFile {
  field: string;
  filename: string;
  contentType: string;
  size: number;
}

/** One REST request as the emulator saw it, with the response it gave. */
export interface RecordedCall {
  /** 1-based order of arrival. */
  seq: number;
  /** Emulator clock (ms since epoch) when the call was answered. */
  at: number;
  method: string;
  /** Path below the API version, e.g. `/channels/123/messages` (no query string). */
  path: string;
  /** The matched route, e.g. `POST /channels/:channelId/messages`; `null` for unknown routes. */
  route: string | null;
  params: Record<string, string>;
  query: Record<string, string>;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Parsed JSON body, or the parsed `payload_json` of a multipart body; `undefined` when there was none. */
  body: unknown;
  files: RecordedFile[];
  status: number;
  /** The JSON the emulator answered with (`undefined` for 204). */
  response: unknown;
  /** Headers the emulator added (e.g. Retry-After and X-RateLimit-* on a 429). */
  responseHeaders: Record<string, string>;
  /** Set for interaction callbacks and webhook calls that use an interaction token. */
  interactionId?: string;
}

export interface IdentifyInfo {
  token: string;
  intents: number;
  shard: [number, number] | null;
  properties: Record<string, unknown>;
  sessionId: string;
}

export type OptionValue = string | number | boolean;

interface InteractionSource {
  /** A configured user id. Default: the first user. */
  user?: string;
  /** Default: the emulator's first text channel (or the DM channel when guildId is null). */
  channelId?: string;
  /** Default: the first guild. `null` sends the interaction from a DM with the bot. */
  guildId?: string | null;
  /** Overrides the member's computed permissions (e.g. `Permission.ManageGuild`). */
  memberPermissions?: bigint;
  locale?: string;
}

export interface CommandInteractionInput extends InteractionSource {
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  /** Option name → value. Types come from the registered command, else from the JS value. */
  options?: Record<string, OptionValue>;
  /** Application command type: 1 chat input (default), 2 user, 3 message. */
  type?: 1 | 2 | 3;
  /** For user/message commands. */
  targetId?: string;
}

export interface AutocompleteInput extends InteractionSource {
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  /** Name of the option being typed. */
  focused: string;
  /** What the user has typed so far. */
  value: string;
  /** Other options already filled in. */
  options?: Record<string, OptionValue>;
}

export interface ComponentInput extends InteractionSource {
  customId: string;
  messageId: string;
}

export interface SelectInput extends ComponentInput {
  values: string[];
}

export interface MessageInput {
  user?: string;
  channelId?: string;
  /** Message id this message replies to. */
  replyTo?: string;
}

export type InteractionKind = 'command' | 'autocomplete' | 'component';

export interface SentInteraction {
  id: string;
  token: string;
  kind: InteractionKind;
  /** Emulator clock when it was dispatched. */
  dispatchedAt: number;
}

/** Everything the bot did in answer to one interaction. */
export interface InteractionTranscript {
  interaction: SentInteraction;
  /** Every REST call tied to the interaction (callbacks, webhook edits, follow-ups), in order, rejected ones included. */
  calls: RecordedCall[];
  /** Type of the accepted callback (4 reply, 5 defer, 6 deferred update, 7 update, 8 autocomplete, 9 modal). */
  callbackType: number | null;
  acknowledged: boolean;
  /** The response message as a user sees it now (after edits); null if none, still loading, or deleted. */
  original: APIMessage | null;
  /** True while a deferred reply has not been filled in. */
  loading: boolean;
  /** Current state of follow-up messages (deleted ones excluded). */
  followUps: APIMessage[];
  /** The last visible message: last follow-up, else the original. */
  final: APIMessage | null;
  /** Autocomplete choices sent with callback type 8. */
  choices: APIApplicationCommandOptionChoice[] | null;
  /** Modal data sent with callback type 9. */
  modal: Record<string, unknown> | null;
}
