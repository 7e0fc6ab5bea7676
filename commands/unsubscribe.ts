import {
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import type { BotContext } from '../src/discord/context.js';
import {
  hidePrivateOption,
  replyPrivately,
  requireGuild,
  requireManageChannels,
  requireSubscriptions,
  respondWithSubscriptionIds,
  subscriptionId,
} from '../src/delivery/interactions.js';
import { removedView } from '../src/delivery/views.js';

export const data = new SlashCommandBuilder()
  .setName('unsubscribe')
  .setDescription('Remove one of this server\'s digest or alert subscriptions')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels)
  .setContexts(InteractionContextType.Guild)
  .addIntegerOption((o) =>
    o.setName('id').setDescription('The subscription to remove (see /subscriptions)').setRequired(true).setAutocomplete(true).setMinValue(1),
  )
  .addBooleanOption(hidePrivateOption);

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const service = requireSubscriptions(ctx);
  const guildId = requireGuild(interaction);
  requireManageChannels(interaction);
  await replyPrivately(interaction, removedView(service.unsubscribe(guildId, subscriptionId(interaction))));
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  await respondWithSubscriptionIds(interaction, ctx);
}
