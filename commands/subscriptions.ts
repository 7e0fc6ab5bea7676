import { InteractionContextType, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../src/discord/context.js';
import { hidePrivateOption, replyPrivately, requireGuild, requireSubscriptions } from '../src/delivery/interactions.js';
import { subscriptionListView } from '../src/delivery/views.js';

export const data = new SlashCommandBuilder()
  .setName('subscriptions')
  .setDescription("List this server's digest and alert subscriptions, with their ids and state")
  .setContexts(InteractionContextType.Guild)
  .addBooleanOption(hidePrivateOption);

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const service = requireSubscriptions(ctx);
  const guildId = requireGuild(interaction);
  const entries = service.list(guildId).map((subscription) => ({
    subscription,
    facts: {
      nextRun: subscription.status === 'active' ? service.nextRun(subscription) : null,
      lastDeliveredAt: service.lastDelivered(subscription.id)?.sentAt ?? null,
    },
  }));
  await replyPrivately(interaction, subscriptionListView(entries));
}
