import type { APIMessage, APIUser } from 'discord.js';
import type { EmulatorClock, SnowflakeFactory } from './clock.js';
import { isRecord } from './discord-errors.js';
import type { RecordedFile } from './types.js';
import { MessageFlag } from './validate-message.js';
import type { ChannelRecord, UserRecord, World } from './world.js';

export const MessageType = {
  Default: 0,
  Reply: 19,
  ChatInputCommand: 20,
  ContextMenuCommand: 23,
} as const;

export interface NewMessage {
  channel: ChannelRecord;
  author: UserRecord;
  payload: Record<string, unknown>;
  files: RecordedFile[];
  type?: number;
  /** Interaction responses and follow-ups are sent through the application's webhook. */
  webhookId?: string;
  interactionMetadata?: Record<string, unknown>;
  extraFlags?: number;
  /** Whether the author may ping @everyone/@here (bots need MENTION_EVERYONE; webhooks may). */
  canMentionEveryone: boolean;
  referenced?: APIMessage;
}

interface StoredMessage {
  message: APIMessage;
  deleted: boolean;
  canMentionEveryone: boolean;
}

const USER_MENTION = /<@!?(\d{15,25})>/g;
const ROLE_MENTION = /<@&(\d{15,25})>/g;

/** All messages in the emulated channels, including those the bot sent and edited. */
export class MessageStore {
  private readonly messages = new Map<string, StoredMessage>();

  constructor(
    private readonly world: World,
    private readonly ids: SnowflakeFactory,
    private readonly clock: EmulatorClock,
  ) {}

  create(input: NewMessage): APIMessage {
    const id = this.ids.next();
    const payload = input.payload;
    const flags = ((payload.flags as number | undefined) ?? 0) | (input.extraFlags ?? 0);
    const reference = isRecord(payload.message_reference) ? payload.message_reference : undefined;
    const message = {
      id,
      channel_id: input.channel.id,
      author: this.world.apiUser(input.author),
      content: typeof payload.content === 'string' ? payload.content : '',
      timestamp: new Date(this.clock.now()).toISOString(),
      edited_timestamp: null,
      tts: payload.tts === true,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: this.attachmentsFor(input.channel.id, [], input.files),
      embeds: normalizeEmbeds(payload.embeds),
      pinned: false,
      type: input.type ?? (input.referenced ? MessageType.Reply : MessageType.Default),
      flags,
      components: Array.isArray(payload.components) ? structuredClone(payload.components) : [],
      ...(typeof payload.nonce === 'string' || typeof payload.nonce === 'number' ? { nonce: payload.nonce } : {}),
      ...(input.webhookId ? { webhook_id: input.webhookId, application_id: input.webhookId } : {}),
      ...(input.interactionMetadata ? { interaction_metadata: input.interactionMetadata } : {}),
      ...(input.referenced && reference
        ? {
            message_reference: {
              type: 0,
              message_id: input.referenced.id,
              channel_id: input.referenced.channel_id,
              ...(input.channel.guildId ? { guild_id: input.channel.guildId } : {}),
            },
            referenced_message: input.referenced,
          }
        : {}),
    } as unknown as APIMessage;
    Object.assign(message, this.resolveMentions(input.channel, message.content, payload.allowed_mentions, input.canMentionEveryone, input.referenced));
    this.messages.set(id, { message, deleted: false, canMentionEveryone: input.canMentionEveryone });
    return structuredClone(message);
  }

  /** Applies an edit payload (already validated) and returns the new state. */
  edit(id: string, payload: Record<string, unknown>, files: RecordedFile[]): APIMessage {
    const stored = this.messages.get(id);
    if (!stored || stored.deleted) throw new Error(`Emulator: editing unknown message ${id}`);
    const message = stored.message as unknown as Record<string, unknown>;
    const wasLoading = ((message.flags as number) & MessageFlag.Loading) !== 0;
    if ('content' in payload) message.content = typeof payload.content === 'string' ? payload.content : '';
    if ('embeds' in payload) message.embeds = normalizeEmbeds(payload.embeds);
    if ('components' in payload) message.components = Array.isArray(payload.components) ? structuredClone(payload.components) : [];
    if ('attachments' in payload || files.length > 0) {
      const keep = Array.isArray(payload.attachments)
        ? new Set(payload.attachments.filter(isRecord).map((a) => String(a.id)))
        : null;
      const existing = (message.attachments as Array<{ id: string }>).filter((a) => keep === null || keep.has(a.id));
      message.attachments = this.attachmentsFor(String(message.channel_id), existing, files);
    }
    let flags = (message.flags as number) & ~MessageFlag.Loading;
    if (typeof payload.flags === 'number') {
      flags = (flags & ~MessageFlag.SuppressEmbeds) | (payload.flags & MessageFlag.SuppressEmbeds);
    }
    message.flags = flags;
    if (!wasLoading) message.edited_timestamp = new Date(this.clock.now()).toISOString();
    const channel = this.world.requireChannel(String(message.channel_id));
    Object.assign(
      message,
      this.resolveMentions(channel, String(message.content), payload.allowed_mentions, stored.canMentionEveryone,
        message.referenced_message as APIMessage | undefined),
    );
    return structuredClone(stored.message);
  }

  delete(id: string): void {
    const stored = this.messages.get(id);
    if (stored) stored.deleted = true;
  }

  /** A visible (not deleted) message. */
  get(id: string): APIMessage | undefined {
    const stored = this.messages.get(id);
    return stored && !stored.deleted ? structuredClone(stored.message) : undefined;
  }

  isLoading(id: string): boolean {
    const message = this.get(id);
    return message !== undefined && ((message.flags ?? 0) & MessageFlag.Loading) !== 0;
  }

  /** Visible messages in a channel, oldest first. */
  inChannel(channelId: string): APIMessage[] {
    return [...this.messages.values()]
      .filter((m) => !m.deleted && m.message.channel_id === channelId)
      .map((m) => structuredClone(m.message));
  }

  /** Stores a message a user sent (MESSAGE_CREATE) so the bot can reply to or fetch it. */
  storeIncoming(message: APIMessage): void {
    this.messages.set(message.id, { message: structuredClone(message), deleted: false, canMentionEveryone: false });
  }

  private attachmentsFor(channelId: string, existing: unknown[], files: RecordedFile[]): unknown[] {
    const added = files.map((file) => {
      const id = this.ids.next();
      const url = `https://cdn.discordapp.com/attachments/${channelId}/${id}/${encodeURIComponent(file.filename)}`;
      return { id, filename: file.filename, size: file.size, url, proxy_url: url, content_type: file.contentType };
    });
    return [...existing, ...added];
  }

  /**
   * Who actually gets pinged. Without `allowed_mentions` every parsed mention counts (and a reply
   * pings the replied-to author); with it, only what `parse`, `users`, `roles` and `replied_user` allow.
   */
  private resolveMentions(
    channel: ChannelRecord,
    content: string,
    allowedMentions: unknown,
    canMentionEveryone: boolean,
    referenced: APIMessage | undefined,
  ): { mentions: APIUser[]; mention_roles: string[]; mention_everyone: boolean } {
    const allowed = isRecord(allowedMentions) ? allowedMentions : null;
    const parse = allowed && Array.isArray(allowed.parse) ? (allowed.parse as string[]) : [];
    const allowUser = (id: string) =>
      !allowed || parse.includes('users') || (Array.isArray(allowed.users) && allowed.users.includes(id));
    const allowRole = (id: string) =>
      !allowed || parse.includes('roles') || (Array.isArray(allowed.roles) && allowed.roles.includes(id));

    const guild = channel.guildId ? this.world.guilds.get(channel.guildId) : undefined;
    const userIds = new Set<string>();
    for (const [, id] of content.matchAll(USER_MENTION)) {
      if (id && this.world.users.has(id) && allowUser(id)) userIds.add(id);
    }
    if (referenced && (allowed ? allowed.replied_user === true : true)) userIds.add(referenced.author.id);

    const roleIds = new Set<string>();
    for (const [, id] of content.matchAll(ROLE_MENTION)) {
      if (id && guild?.roles.some((r) => r.id === id) && allowRole(id)) roleIds.add(id);
    }
    const everyoneAllowed = !allowed || parse.includes('everyone');
    const mentionEveryone = canMentionEveryone && everyoneAllowed && /@(everyone|here)\b/.test(content);

    const mentions = [...userIds].map((id) => {
      const user = this.world.apiUser(this.world.requireUser(id));
      if (guild?.members.has(id)) Object.assign(user, { member: this.world.apiMember(guild, id, false) });
      return user;
    });
    return { mentions, mention_roles: [...roleIds], mention_everyone: mentionEveryone };
  }
}

function normalizeEmbeds(embeds: unknown): unknown[] {
  if (!Array.isArray(embeds)) return [];
  return embeds.filter(isRecord).map((embed) => ({ type: 'rich', ...structuredClone(embed) }));
}

/** Everything a reader sees in a message as plain text: content, embed text, button/select labels. */
export function messageText(message: APIMessage | null | undefined): string {
  if (!message) return '';
  const parts: string[] = [message.content];
  for (const embed of message.embeds ?? []) {
    parts.push(embed.author?.name ?? '', embed.title ?? '', embed.description ?? '');
    for (const field of embed.fields ?? []) parts.push(field.name, field.value);
    parts.push(embed.footer?.text ?? '');
  }
  for (const row of (message.components ?? []) as unknown[]) {
    if (!isRecord(row) || !Array.isArray(row.components)) continue;
    for (const component of row.components) {
      if (!isRecord(component)) continue;
      if (typeof component.label === 'string') parts.push(component.label);
      if (typeof component.placeholder === 'string') parts.push(component.placeholder);
    }
  }
  return parts.filter((part) => part.length > 0).join('\n');
}
