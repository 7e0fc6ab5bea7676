import { randomBytes } from 'node:crypto';
import type { APIApplicationCommand, APIMessage } from 'discord.js';
import { EmulatorClock, SnowflakeFactory } from './clock.js';
import { CommandRegistry } from './commands.js';
import { dispatchMessageEvent, type EmulatorCore } from './core.js';
import { FaultInjector, type RequestSummary } from './faults.js';
import { Gateway, Intent } from './gateway.js';
import { CallbackType, ComponentType, InteractionFactory, type InteractionRecord } from './interactions.js';
import { MessageStore } from './messages.js';
import { Permission } from './permissions.js';
import { RestServer } from './rest-server.js';
import { appRoutes } from './routes-app.js';
import { channelRoutes } from './routes-channels.js';
import { commandRoutes } from './routes-commands.js';
import { interactionRoutes } from './routes-interactions.js';
import type {
  AutocompleteInput,
  CommandInteractionInput,
  ComponentInput,
  EmulatorOptions,
  IdentifyInfo,
  InteractionTranscript,
  MessageInput,
  RecordedCall,
  SelectInput,
  SentInteraction,
} from './types.js';
import { MessageFlag } from './validate-message.js';
import { Waiters } from './waiters.js';
import { World } from './world.js';

const DEFAULT_WAIT_MS = 5_000;

/** A running Discord emulator. Create it with `startEmulator()`; always `await emu.stop()`. */
export class DiscordEmulator {
  /** Pass as discord.js `rest.api` (or DISCORD_API_BASE), e.g. `http://127.0.0.1:40123/api`. */
  readonly apiBase: string;
  readonly gatewayUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly botUserId: string;
  /** First configured guild and its first text channel. */
  readonly guildId: string;
  readonly channelId: string;
  /** First configured human user (the default author of interactions and messages). */
  readonly userId: string;
  readonly userIds: readonly string[];

  private readonly recorded: RecordedCall[] = [];
  private stopped = false;

  private constructor(
    private readonly core: EmulatorCore,
    private readonly server: RestServer,
    private readonly waiters: Waiters,
    private readonly faults: FaultInjector,
    port: number,
    token: string,
  ) {
    this.apiBase = `http://127.0.0.1:${port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${port}/gateway`;
    this.token = token;
    const { world } = core;
    this.applicationId = world.applicationId;
    this.botUserId = world.bot.id;
    const firstGuild = [...world.guilds.values()][0];
    if (!firstGuild) throw new Error('Emulator: configure at least one guild');
    this.guildId = firstGuild.id;
    const firstChannel = world.firstTextChannel(firstGuild);
    if (!firstChannel) throw new Error('Emulator: the first guild needs a text channel');
    this.channelId = firstChannel.id;
    this.userIds = world.humans.map((u) => u.id);
    const firstUser = this.userIds[0];
    if (!firstUser) throw new Error('Emulator: configure at least one user');
    this.userId = firstUser;
  }

  static async start(options: EmulatorOptions = {}): Promise<DiscordEmulator> {
    const clock = new EmulatorClock();
    const ids = new SnowflakeFactory(clock);
    const world = new World(options, ids, clock);
    const token =
      options.token ??
      `${Buffer.from(world.bot.id).toString('base64url')}.${randomBytes(4).toString('base64url')}.${randomBytes(20).toString('base64url')}`;
    const messages = new MessageStore(world, ids, clock);
    const commands = new CommandRegistry(world.applicationId, ids);
    const interactions = new InteractionFactory(world, commands, messages, ids, clock);
    const waiters = new Waiters();
    const faults = new FaultInjector();
    let gatewayUrl = '';
    const gateway = new Gateway({
      world,
      token,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      gatewayUrl: () => gatewayUrl,
      onChange: () => waiters.notify(),
    });
    const core: EmulatorCore = {
      world,
      clock,
      ids,
      messages,
      commands,
      interactions,
      gateway,
      ackDeadlineMs: options.ackDeadlineMs ?? 3_000,
      tokenLifetimeMs: options.tokenLifetimeMs ?? 15 * 60_000,
      gatewayUrl: () => gatewayUrl,
    };
    let emulator: DiscordEmulator | undefined;
    const server = new RestServer({
      routes: [...appRoutes(core), ...commandRoutes(core), ...channelRoutes(core), ...interactionRoutes(core)],
      token,
      clock,
      faults,
      record: (call) => emulator?.record(call),
      interactionIdFor: (params) =>
        params.interactionId ?? (params.token ? interactions.getByToken(params.token)?.sent.id : undefined),
      onUpgrade: (request, socket, head) => gateway.handleUpgrade(request, socket, head),
    });
    const port = await server.listen();
    gatewayUrl = `ws://127.0.0.1:${port}/gateway`;
    emulator = new DiscordEmulator(core, server, waiters, faults, port, token);
    return emulator;
  }

  // ---- recorded REST traffic ----

  /** Every REST call so far, in arrival order (live array; do not mutate). */
  get calls(): readonly RecordedCall[] {
    return this.recorded;
  }

  /** Resolves with the first call (past or future) matching `predicate`. */
  waitForCall(predicate: (call: RecordedCall) => boolean, timeoutMs = DEFAULT_WAIT_MS): Promise<RecordedCall> {
    return this.waiters.waitFor(
      () => this.recorded.find(predicate),
      timeoutMs,
      () => `a matching REST call; calls so far: ${this.describeCalls(this.recorded)}`,
    );
  }

  // ---- gateway ----

  /** Resolves once a bot has identified (READY and GUILD_CREATEs sent); returns its IDENTIFY data. */
  waitForIdentify(timeoutMs = DEFAULT_WAIT_MS): Promise<IdentifyInfo> {
    return this.waiters.waitFor(
      () => this.core.gateway.identifies.at(-1),
      timeoutMs,
      () => 'a gateway IDENTIFY',
    );
  }

  /** Sends op 7 RECONNECT; discord.js reconnects and RESUMEs (missed events are replayed). */
  requestReconnect(): void {
    this.core.gateway.requestReconnect();
  }

  // ---- injected user actions ----

  /** A user runs a command (chat input by default). Returns the interaction's id and token. */
  sendInteraction(input: CommandInteractionInput): SentInteraction {
    this.requireSession();
    return this.dispatchInteraction(this.core.interactions.command(input));
  }

  /** A user types into an autocomplete option. The bot's choices appear in `interactionResponses(id).choices`. */
  sendAutocomplete(input: AutocompleteInput): SentInteraction {
    this.requireSession();
    return this.dispatchInteraction(this.core.interactions.autocomplete(input));
  }

  /** A user clicks a button on a message the emulator knows (the bot sent it). */
  clickButton(input: ComponentInput): SentInteraction {
    this.requireSession();
    return this.dispatchInteraction(this.core.interactions.component(input, ComponentType.Button));
  }

  /** A user picks values in a string select menu. */
  selectOption(input: SelectInput): SentInteraction {
    this.requireSession();
    return this.dispatchInteraction(this.core.interactions.component(input, ComponentType.StringSelect));
  }

  /** A user posts a message mentioning the bot (`<@bot> ` is prepended unless present). Returns its id. */
  sendMention(content: string, options: MessageInput = {}): string {
    const mention = `<@${this.botUserId}>`;
    const text = content.includes(mention) || content.includes(`<@!${this.botUserId}>`) ? content : `${mention} ${content}`;
    return this.sendMessage(text, options);
  }

  /**
   * A user posts a message. Throws if no connected bot receives it (e.g. it did not request
   * GUILD_MESSAGES / DIRECT_MESSAGES), since a test waiting for a reply would otherwise just time out.
   */
  sendMessage(content: string, options: MessageInput = {}): string {
    this.requireSession();
    const { world, messages } = this.core;
    const user = world.requireUser(options.user ?? this.userId);
    const channel = world.requireChannel(options.channelId ?? this.channelId);
    const permissions = world.permissionsIn(channel, user.id);
    const needed = Permission.ViewChannel | Permission.SendMessages;
    if (!world.isTextBased(channel) || (permissions & needed) !== needed) {
      throw new Error(`Emulator: user ${user.username} cannot post in channel ${channel.id}`);
    }
    let referenced: APIMessage | undefined;
    if (options.replyTo) {
      referenced = messages.get(options.replyTo);
      if (!referenced) throw new Error(`Emulator: unknown message ${options.replyTo}`);
    }
    const message = messages.create({
      channel,
      author: user,
      payload: { content, ...(referenced ? { message_reference: { message_id: referenced.id } } : {}) },
      files: [],
      canMentionEveryone: (permissions & Permission.MentionEveryone) !== 0n,
      ...(referenced ? { referenced } : {}),
    });
    const delivered = dispatchMessageEvent(this.core, 'MESSAGE_CREATE', message);
    if (delivered === 0) {
      const intents = this.core.gateway.identifies.at(-1)?.intents ?? 0;
      const needed = channel.guildId ? 'GuildMessages' : 'DirectMessages';
      throw new Error(`Emulator: MESSAGE_CREATE not delivered: the bot did not request the ${needed} intent (intents=${intents})`);
    }
    return message.id;
  }

  // ---- what the bot did ----

  /** Everything tied to one interaction: its calls, callback type, @original, follow-ups, choices. */
  interactionResponses(interactionId: string): InteractionTranscript {
    const record = this.core.interactions.get(interactionId);
    if (!record) throw new Error(`Emulator: unknown interaction ${interactionId}`);
    return this.transcript(record);
  }

  /**
   * Resolves once the bot has answered visibly: a reply/update/autocomplete/modal, or a deferral
   * followed by its edit or first follow-up.
   */
  waitForReply(interactionId: string, timeoutMs = DEFAULT_WAIT_MS): Promise<InteractionTranscript> {
    const record = this.core.interactions.get(interactionId);
    if (!record) return Promise.reject(new Error(`Emulator: unknown interaction ${interactionId}`));
    return this.waiters.waitFor(
      () => {
        const transcript = this.transcript(record);
        return isSettled(transcript) ? transcript : undefined;
      },
      timeoutMs,
      () => `a reply to interaction ${interactionId}; its calls: ${this.describeCalls(this.transcript(record).calls)}`,
    );
  }

  /** Visible messages in a channel, oldest first (default: the first text channel). */
  channelMessages(channelId: string = this.channelId): APIMessage[] {
    return this.core.messages.inChannel(channelId);
  }

  /** A message's current state, or undefined if unknown or deleted. */
  message(messageId: string): APIMessage | undefined {
    return this.core.messages.get(messageId);
  }

  /** Registered commands: global when `guildId` is omitted. */
  registeredCommands(guildId?: string): APIApplicationCommand[] {
    return this.core.commands.list(guildId ?? null);
  }

  /** Id of a configured channel by name (first match across guilds). */
  channelByName(name: string): string {
    for (const channel of this.core.world.channels.values()) if (channel.name === name) return channel.id;
    throw new Error(`Emulator: no channel named "${name}"`);
  }

  /** The DM channel between the bot and a user (created on first use). */
  dmChannelId(userId: string = this.userId): string {
    return this.core.world.dmChannelFor(userId).id;
  }

  // ---- failure injection and time ----

  /** POST /channels/:id/messages answers 403 (50013 Missing Permissions) or 404 (10003 Unknown Channel); null heals. */
  failChannel(channelId: string, status: 403 | 404 | null): void {
    this.faults.failChannel(channelId, status);
  }

  /** The next `count` matching REST calls (default: any) answer 429 with Retry-After `retryAfterS` seconds. */
  rateLimitNext(count: number, retryAfterS: number, match?: (request: RequestSummary) => boolean): void {
    this.faults.rateLimitNext(count, retryAfterS, match);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** Moves the emulator's clock forward (ack deadline, token lifetime) without sleeping. */
  advanceClock(ms: number): void {
    this.core.clock.advance(ms);
  }

  /** Closes sockets and the server; rejects pending waits. Safe to call twice. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.waiters.close();
    await this.core.gateway.close();
    await this.server.close();
  }

  // ---- internals ----

  private record(call: Omit<RecordedCall, 'seq'>): void {
    this.recorded.push({ ...call, seq: this.recorded.length + 1 });
    this.waiters.notify();
  }

  private requireSession(): void {
    if (this.stopped) throw new Error('Emulator is stopped');
    if (this.core.gateway.liveSessionCount === 0) {
      throw new Error('Emulator: no bot session on the gateway (await emu.waitForIdentify() first)');
    }
  }

  private dispatchInteraction(record: InteractionRecord): SentInteraction {
    this.core.gateway.dispatch('INTERACTION_CREATE', record.payload);
    return { ...record.sent };
  }

  private transcript(record: InteractionRecord): InteractionTranscript {
    const { messages } = this.core;
    const current = record.originalMessageId ? messages.get(record.originalMessageId) : undefined;
    const loading = current !== undefined && ((current.flags ?? 0) & MessageFlag.Loading) !== 0;
    const original = current && !loading ? current : null;
    const followUps = record.followUpIds.map((id) => messages.get(id)).filter((m): m is APIMessage => m !== undefined);
    return {
      interaction: { ...record.sent },
      calls: this.recorded.filter((c) => c.interactionId === record.sent.id),
      callbackType: record.callbackType,
      acknowledged: record.callbackType !== null,
      original,
      loading,
      followUps,
      final: followUps.at(-1) ?? original,
      choices: record.choices ? (structuredClone(record.choices) as unknown as InteractionTranscript['choices']) : null,
      modal: record.modal ? structuredClone(record.modal) : null,
    };
  }

  private describeCalls(calls: readonly RecordedCall[]): string {
    if (calls.length === 0) return '(none)';
    return calls
      .slice(-8)
      .map((c) => `#${c.seq} ${c.method} ${c.path} → ${c.status}`)
      .join('; ');
  }
}

function isSettled(transcript: InteractionTranscript): boolean {
  switch (transcript.callbackType) {
    case CallbackType.ChannelMessageWithSource:
    case CallbackType.UpdateMessage:
    case CallbackType.AutocompleteResult:
    case CallbackType.Modal:
      return true;
    case CallbackType.DeferredChannelMessageWithSource:
      return !transcript.loading || transcript.followUps.length > 0;
    case CallbackType.DeferredMessageUpdate:
      return transcript.calls.some((c) => c.route?.includes('/webhooks/') === true && c.method !== 'GET' && c.status < 300);
    default:
      return false;
  }
}

/** Starts an emulator on 127.0.0.1 (random free port). */
export function startEmulator(options: EmulatorOptions = {}): Promise<DiscordEmulator> {
  return DiscordEmulator.start(options);
}

export { Intent };
