import { randomBytes } from 'node:crypto';
import type { APIChannel, APIGuildMember, APIRole, APIUser } from 'discord.js';
import type { EmulatorClock, SnowflakeFactory } from './clock.js';
import {
  computePermissions,
  DEFAULT_BOT_PERMISSIONS,
  DEFAULT_EVERYONE_PERMISSIONS,
  Permission,
  type Overwrite,
} from './permissions.js';
import type { ChannelKind, EmulatorOptions, PrivilegedIntent } from './types.js';

export const ChannelType = {
  GuildText: 0,
  DM: 1,
  GuildVoice: 2,
  GuildCategory: 4,
  GuildAnnouncement: 5,
  GuildForum: 15,
} as const;

const CHANNEL_TYPE_BY_KIND: Record<ChannelKind, number> = {
  text: ChannelType.GuildText,
  announcement: ChannelType.GuildAnnouncement,
  voice: ChannelType.GuildVoice,
  category: ChannelType.GuildCategory,
  forum: ChannelType.GuildForum,
};

const TEXT_BASED_TYPES = new Set<number>([
  ChannelType.GuildText,
  ChannelType.DM,
  ChannelType.GuildVoice,
  ChannelType.GuildAnnouncement,
]);

/** What a user may do in a DM with the bot. */
const DM_PERMISSIONS =
  Permission.ViewChannel |
  Permission.SendMessages |
  Permission.EmbedLinks |
  Permission.AttachFiles |
  Permission.ReadMessageHistory |
  Permission.AddReactions |
  Permission.UseExternalEmojis |
  Permission.UseApplicationCommands;

export interface UserRecord {
  id: string;
  username: string;
  globalName: string | null;
  bot: boolean;
}

export interface RoleRecord {
  id: string;
  name: string;
  permissions: bigint;
  position: number;
  botId?: string;
}

export interface ChannelRecord {
  id: string;
  guildId: string | null;
  name: string | null;
  type: number;
  topic: string | null;
  position: number;
  overwrites: Overwrite[];
  /** DM channels only. */
  recipientId?: string;
}

export interface MemberRecord {
  roleIds: string[];
  joinedAt: string;
}

export interface GuildRecord {
  id: string;
  name: string;
  ownerId: string;
  roles: RoleRecord[];
  channelIds: string[];
  members: Map<string, MemberRecord>;
}

const APPLICATION_FLAG_BY_INTENT: Record<PrivilegedIntent, number> = {
  GuildPresences: 1 << 13,
  GuildMembers: 1 << 15,
  MessageContent: 1 << 19,
};
const APPLICATION_COMMAND_BADGE = 1 << 23;

/** The emulated slice of Discord: the bot, users, guilds, roles, channels and who may do what. */
export class World {
  readonly bot: UserRecord;
  readonly owner: UserRecord;
  readonly humans: UserRecord[];
  readonly users = new Map<string, UserRecord>();
  readonly guilds = new Map<string, GuildRecord>();
  readonly channels = new Map<string, ChannelRecord>();
  readonly applicationId: string;
  readonly applicationFlags: number;
  readonly privilegedIntents: ReadonlySet<PrivilegedIntent>;
  private readonly verifyKey = randomBytes(32).toString('hex');

  constructor(
    options: EmulatorOptions,
    private readonly ids: SnowflakeFactory,
    private readonly clock: EmulatorClock,
  ) {
    // For applications created since 2020 the bot user shares the application's id.
    this.applicationId = options.applicationId ?? ids.next();
    this.bot = this.addUser({ id: this.applicationId, username: options.botUsername ?? 'statebot', bot: true });
    this.owner = this.addUser({ id: ids.next(), username: 'guild-owner', bot: false });
    this.humans = (options.users ?? [{ username: 'tester' }]).map((spec, index) =>
      this.addUser({
        id: spec.id ?? ids.next(),
        username: spec.username ?? `user${index + 1}`,
        globalName: spec.globalName ?? null,
        bot: false,
      }),
    );
    this.privilegedIntents = new Set(options.privilegedIntents ?? ['GuildMembers', 'GuildPresences', 'MessageContent']);
    this.applicationFlags = [...this.privilegedIntents].reduce(
      (flags, intent) => flags | APPLICATION_FLAG_BY_INTENT[intent],
      APPLICATION_COMMAND_BADGE,
    );
    const guildSpecs = options.guilds ?? [{}];
    guildSpecs.forEach((spec, index) => this.addGuild(spec, index));
  }

  private addUser(input: { id: string; username: string; globalName?: string | null; bot: boolean }): UserRecord {
    const user: UserRecord = { globalName: null, ...input };
    this.users.set(user.id, user);
    return user;
  }

  private addGuild(spec: NonNullable<EmulatorOptions['guilds']>[number], index: number): void {
    const id = spec.id ?? this.ids.next();
    const botRole: RoleRecord = {
      id: this.ids.next(),
      name: this.bot.username,
      permissions: spec.botPermissions ?? DEFAULT_BOT_PERMISSIONS,
      position: 1,
      botId: this.bot.id,
    };
    const everyone: RoleRecord = {
      id,
      name: '@everyone',
      permissions: spec.everyonePermissions ?? DEFAULT_EVERYONE_PERMISSIONS,
      position: 0,
    };
    const joinedAt = new Date(this.clock.now() - 86_400_000).toISOString();
    const members = new Map<string, MemberRecord>([
      [this.owner.id, { roleIds: [], joinedAt }],
      [this.bot.id, { roleIds: [botRole.id], joinedAt }],
      ...this.humans.map((user): [string, MemberRecord] => [user.id, { roleIds: [], joinedAt }]),
    ]);
    const guild: GuildRecord = {
      id,
      name: spec.name ?? (index === 0 ? 'Emulated Guild' : `Emulated Guild ${index + 1}`),
      ownerId: this.owner.id,
      roles: [everyone, botRole],
      channelIds: [],
      members,
    };
    const channelSpecs = spec.channels ?? [{ name: 'general' }];
    channelSpecs.forEach((channelSpec, position) => {
      const overwrites: Overwrite[] = [];
      if (channelSpec.everyoneDeny) overwrites.push({ id, type: 0, allow: 0n, deny: channelSpec.everyoneDeny });
      if (channelSpec.botDeny) overwrites.push({ id: botRole.id, type: 0, allow: 0n, deny: channelSpec.botDeny });
      const channel: ChannelRecord = {
        id: channelSpec.id ?? this.ids.next(),
        guildId: id,
        name: channelSpec.name ?? `channel-${position + 1}`,
        type: CHANNEL_TYPE_BY_KIND[channelSpec.kind ?? 'text'],
        topic: channelSpec.topic ?? null,
        position,
        overwrites,
      };
      this.channels.set(channel.id, channel);
      guild.channelIds.push(channel.id);
    });
    this.guilds.set(id, guild);
  }

  // ---- lookups used by test helpers (misuse is a test bug, so they throw plain errors) ----

  requireUser(id: string): UserRecord {
    const user = this.users.get(id);
    if (!user) throw new Error(`Emulator: unknown user ${id}; configure it in startEmulator({ users })`);
    return user;
  }

  requireGuild(id: string): GuildRecord {
    const guild = this.guilds.get(id);
    if (!guild) throw new Error(`Emulator: unknown guild ${id}`);
    return guild;
  }

  requireChannel(id: string): ChannelRecord {
    const channel = this.channels.get(id);
    if (!channel) throw new Error(`Emulator: unknown channel ${id}`);
    return channel;
  }

  firstTextChannel(guild: GuildRecord): ChannelRecord | undefined {
    return guild.channelIds.map((id) => this.requireChannel(id)).find((c) => c.type === ChannelType.GuildText);
  }

  dmChannelFor(userId: string): ChannelRecord {
    for (const channel of this.channels.values()) {
      if (channel.type === ChannelType.DM && channel.recipientId === userId) return channel;
    }
    const channel: ChannelRecord = {
      id: this.ids.next(),
      guildId: null,
      name: null,
      type: ChannelType.DM,
      topic: null,
      position: 0,
      overwrites: [],
      recipientId: userId,
    };
    this.channels.set(channel.id, channel);
    return channel;
  }

  isTextBased(channel: ChannelRecord): boolean {
    return TEXT_BASED_TYPES.has(channel.type);
  }

  permissionsIn(channel: ChannelRecord, userId: string): bigint {
    if (channel.guildId === null) return DM_PERMISSIONS;
    const guild = this.requireGuild(channel.guildId);
    const member = guild.members.get(userId);
    if (!member) return 0n;
    return computePermissions({
      guildId: guild.id,
      ownerId: guild.ownerId,
      userId,
      everyonePermissions: guild.roles.find((r) => r.id === guild.id)?.permissions ?? 0n,
      rolePermissions: guild.roles.filter((r) => member.roleIds.includes(r.id)).map((r) => r.permissions),
      memberRoleIds: member.roleIds,
      overwrites: channel.overwrites,
    });
  }

  // ---- Discord API object shapes ----

  apiUser(user: UserRecord): APIUser {
    return {
      id: user.id,
      username: user.username,
      discriminator: user.bot ? '0001' : '0',
      global_name: user.globalName,
      avatar: null,
      bot: user.bot || undefined,
      public_flags: 0,
      flags: 0,
      banner: null,
      accent_color: null,
      avatar_decoration_data: null,
    } as unknown as APIUser;
  }

  apiMember(guild: GuildRecord, userId: string, withUser: boolean): APIGuildMember {
    const member = guild.members.get(userId);
    if (!member) throw new Error(`Emulator: user ${userId} is not a member of guild ${guild.id}`);
    const data = {
      nick: null,
      avatar: null,
      banner: null,
      roles: [...member.roleIds],
      joined_at: member.joinedAt,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      communication_disabled_until: null,
    } as unknown as APIGuildMember;
    if (withUser) data.user = this.apiUser(this.requireUser(userId));
    return data;
  }

  apiRole(role: RoleRecord): APIRole {
    return {
      id: role.id,
      name: role.name,
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position: role.position,
      permissions: role.permissions.toString(),
      managed: role.botId !== undefined,
      mentionable: false,
      flags: 0,
      ...(role.botId ? { tags: { bot_id: role.botId } } : {}),
    } as unknown as APIRole;
  }

  apiChannel(channel: ChannelRecord, includeGuildId = true): APIChannel {
    if (channel.type === ChannelType.DM) {
      return {
        id: channel.id,
        type: ChannelType.DM,
        last_message_id: null,
        recipients: [this.apiUser(this.requireUser(channel.recipientId ?? ''))],
        flags: 0,
      } as unknown as APIChannel;
    }
    return {
      id: channel.id,
      type: channel.type,
      ...(includeGuildId ? { guild_id: channel.guildId } : {}),
      name: channel.name,
      position: channel.position,
      permission_overwrites: channel.overwrites.map((o) => ({
        id: o.id,
        type: o.type,
        allow: o.allow.toString(),
        deny: o.deny.toString(),
      })),
      topic: channel.topic,
      nsfw: false,
      last_message_id: null,
      rate_limit_per_user: 0,
      parent_id: null,
      flags: 0,
    } as unknown as APIChannel;
  }

  apiApplication(): Record<string, unknown> {
    return {
      id: this.applicationId,
      name: this.bot.username,
      icon: null,
      description: '',
      summary: '',
      type: null,
      bot_public: true,
      bot_require_code_grant: false,
      verify_key: this.verifyKey,
      flags: this.applicationFlags,
      owner: this.apiUser(this.owner),
      team: null,
      bot: this.apiUser(this.bot),
      approximate_guild_count: this.guilds.size,
      install_params: { scopes: ['bot', 'applications.commands'], permissions: DEFAULT_BOT_PERMISSIONS.toString() },
      integration_types_config: { '0': {} },
      tags: [],
      redirect_uris: [],
      interactions_endpoint_url: null,
    };
  }

  /** Guild object as returned by GET /guilds/:id. */
  apiGuild(guild: GuildRecord): Record<string, unknown> {
    const systemChannel = this.firstTextChannel(guild);
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: guild.ownerId,
      afk_channel_id: null,
      afk_timeout: 300,
      widget_enabled: false,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: guild.roles.map((r) => this.apiRole(r)),
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: systemChannel?.id ?? null,
      system_channel_flags: 0,
      rules_channel_id: null,
      public_updates_channel_id: null,
      safety_alerts_channel_id: null,
      max_presences: null,
      max_members: 500_000,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: 'en-US',
      max_video_channel_users: 25,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
    };
  }

  /** GUILD_CREATE payload. Without GUILD_MEMBERS only the bot's own member is sent, as on Discord. */
  guildCreate(guild: GuildRecord, includeAllMembers: boolean): Record<string, unknown> {
    const memberIds = includeAllMembers ? [...guild.members.keys()] : [this.bot.id];
    return {
      ...this.apiGuild(guild),
      joined_at: guild.members.get(this.bot.id)?.joinedAt,
      large: false,
      unavailable: false,
      lazy: true,
      member_count: guild.members.size,
      members: memberIds.map((id) => this.apiMember(guild, id, true)),
      channels: guild.channelIds.map((id) => this.apiChannel(this.requireChannel(id), false)),
      threads: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      incidents_data: null,
    };
  }
}
