/** The Discord client: Guilds + Guild Messages intents only, REST base from DISCORD_API_BASE, no pings by default. */
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { BotContext } from './context.js';
import { NO_PINGS } from './limits.js';
import type { Logger } from './log.js';
import { answerMention, mentionsBot } from './mentions.js';
import { handleInteraction, type CommandMap } from './router.js';

export interface BotOptions {
  token: string;
  apiBase: string;
}

export interface Bot {
  client: Client<true>;
  stop(): Promise<void>;
}

/**
 * Logs in and resolves once the gateway session is ready. Commands run with `ctx` itself (its `client` is set
 * here), so services added to it later, such as `ctx.subscriptions`, reach them.
 */
export async function startBot(options: BotOptions, commands: CommandMap, ctx: BotContext, log: Logger): Promise<Bot> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    rest: { api: options.apiBase },
    allowedMentions: { ...NO_PINGS },
  });
  ctx.client = client;

  client.on(Events.InteractionCreate, (interaction) => {
    handleInteraction(interaction, commands, ctx, log).catch((error: unknown) => log.error('interaction handler failed', error));
  });
  client.on(Events.MessageCreate, (message) => {
    const botId = client.user?.id;
    if (!botId || !mentionsBot(message, botId)) return;
    answerMention(message, botId, ctx, log).catch((error: unknown) => log.error('mention handler failed', error));
  });
  client.on(Events.Error, (error) => log.error('Discord client error', error));
  client.on(Events.Warn, (message) => log.warn(message));

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(options.token);
  const readyClient = await ready;
  return {
    client: readyClient,
    stop: async () => {
      await client.destroy();
    },
  };
}
