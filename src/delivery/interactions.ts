/** What the subscription commands share: permission checks, private replies, subscription-id autocomplete. */
import {
  MessageFlags,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type SlashCommandBooleanOption,
} from 'discord.js';
import type { BotContext } from '../discord/context.js';
import { fitMessage, type MessageView } from '../discord/limits.js';
import { UserError } from '../errors.js';
import type { Subscription } from './store.js';
import type { SubscriptionService } from './subscriptions.js';
import { choiceLabel } from './views.js';

export function requireSubscriptions(ctx: BotContext): SubscriptionService {
  if (!ctx.subscriptions) {
    throw new UserError('Subscriptions are not available here: this bot runs without delivery.', 'BAD_ARGUMENT');
  }
  return ctx.subscriptions;
}

export function requireGuild(interaction: ChatInputCommandInteraction | AutocompleteInteraction): string {
  if (!interaction.inGuild()) throw new UserError('Subscriptions belong to a server: use this command in one.', 'BAD_ARGUMENT');
  return interaction.guildId;
}

/**
 * Changing subscriptions needs Manage Channels. The commands also set it as their default permission, but server
 * admins can override that, so it is checked again here.
 */
export function requireManageChannels(interaction: ChatInputCommandInteraction): void {
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels)) {
    throw new UserError('Changing subscriptions needs the Manage Channels permission.', 'FORBIDDEN');
  }
}

/** When the bot's permissions in the chosen channel are known (cached guild), refuses a channel it cannot post in. */
export function requireBotCanPost(interaction: ChatInputCommandInteraction, channelId: string): void {
  const channel = interaction.guild?.channels.cache.get(channelId);
  const me = interaction.guild?.members.me;
  if (!channel || !me) return;
  const permissions = channel.permissionsFor(me);
  const needed = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages;
  if (!permissions.has(needed)) {
    throw new UserError(`I cannot post in #${channel.name}: give me View Channel and Send Messages there first.`, 'FORBIDDEN');
  }
}

/**
 * Subscription commands answer privately by default: they are server configuration, not conversation.
 * `hide:false` shows the answer to the channel.
 */
export async function replyPrivately(interaction: ChatInputCommandInteraction, view: MessageView): Promise<void> {
  const message = fitMessage(view);
  const hide = interaction.options.getBoolean('hide') ?? true;
  if (interaction.deferred || interaction.replied) await interaction.editReply(message);
  else await interaction.reply(hide ? { ...message, flags: MessageFlags.Ephemeral } : message);
}

/** The `hide` option of subscription commands: private unless set to false. */
export function hidePrivateOption(option: SlashCommandBooleanOption): SlashCommandBooleanOption {
  return option.setName('hide').setDescription('Only you see the answer (default: true for subscription commands)');
}

/** Autocomplete for an `id` option: the guild's subscriptions whose label contains what was typed. */
export async function respondWithSubscriptionIds(
  interaction: AutocompleteInteraction,
  ctx: BotContext,
  include: (subscription: Subscription) => boolean = () => true,
): Promise<void> {
  if (!ctx.subscriptions || !interaction.inGuild()) {
    await interaction.respond([]);
    return;
  }
  const typed = String(interaction.options.getFocused()).trim().replace(/^#/, '').toLowerCase();
  const choices = ctx.subscriptions
    .list(interaction.guildId)
    .filter(include)
    .map((subscription) => ({
      name: choiceLabel(subscription, interaction.guild?.channels.cache.get(subscription.channelId)?.name),
      value: subscription.id,
    }))
    .filter((choice) => !typed || choice.name.toLowerCase().includes(typed))
    .slice(0, 25);
  await interaction.respond(choices);
}

/** Reads an integer `id` option (autocomplete sends what was typed; a non-number is a user error). */
export function subscriptionId(interaction: ChatInputCommandInteraction): number {
  const id = interaction.options.getInteger('id', true);
  if (!Number.isSafeInteger(id) || id <= 0) throw new UserError('Give a subscription id, e.g. 3 (see /subscriptions).', 'BAD_ARGUMENT');
  return id;
}
