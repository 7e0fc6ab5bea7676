import type { APIMessage } from 'discord.js';
import type { EmulatorClock, SnowflakeFactory } from './clock.js';
import type { CommandRegistry } from './commands.js';
import { Intent, type Gateway } from './gateway.js';
import type { InteractionFactory } from './interactions.js';
import type { MessageStore } from './messages.js';
import { MessageFlag } from './validate-message.js';
import type { World } from './world.js';

/** The shared state every route handler works on. */
export interface EmulatorCore {
  world: World;
  clock: EmulatorClock;
  ids: SnowflakeFactory;
  messages: MessageStore;
  commands: CommandRegistry;
  interactions: InteractionFactory;
  gateway: Gateway;
  ackDeadlineMs: number;
  tokenLifetimeMs: number;
  gatewayUrl: () => string;
}

/**
 * Tells connected bots about a message like Discord does: guild messages need GUILD_MESSAGES, DMs
 * DIRECT_MESSAGES, and without MESSAGE_CONTENT the content is blank unless the bot is mentioned,
 * wrote the message itself, or it is a DM. Ephemeral messages are never dispatched.
 */
export function dispatchMessageEvent(core: EmulatorCore, event: 'MESSAGE_CREATE' | 'MESSAGE_UPDATE', message: APIMessage): number {
  if ((message.flags ?? 0) & MessageFlag.Ephemeral) return 0;
  const { world } = core;
  const channel = world.channels.get(message.channel_id);
  const guildId = channel?.guildId ?? null;
  const data: Record<string, unknown> = { ...message };
  if (guildId) {
    data.guild_id = guildId;
    const guild = world.guilds.get(guildId);
    if (guild?.members.has(message.author.id) && !message.webhook_id) data.member = world.apiMember(guild, message.author.id, false);
  }
  const botId = world.bot.id;
  return core.gateway.dispatch(event, data, {
    requiredIntents: guildId ? Intent.GuildMessages : Intent.DirectMessages,
    shape: (payload, intents) => {
      const readable =
        (intents & Intent.MessageContent) !== 0 ||
        guildId === null ||
        message.author.id === botId ||
        message.mentions.some((user) => user.id === botId);
      return readable ? payload : { ...payload, content: '', embeds: [], attachments: [], components: [] };
    },
  });
}

export function dispatchMessageDelete(core: EmulatorCore, message: APIMessage): number {
  if ((message.flags ?? 0) & MessageFlag.Ephemeral) return 0;
  const guildId = core.world.channels.get(message.channel_id)?.guildId ?? null;
  return core.gateway.dispatch(
    'MESSAGE_DELETE',
    { id: message.id, channel_id: message.channel_id, ...(guildId ? { guild_id: guildId } : {}) },
    { requiredIntents: guildId ? Intent.GuildMessages : Intent.DirectMessages },
  );
}
