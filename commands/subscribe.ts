import {
  ChannelType,
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
  requireBotCanPost,
  requireGuild,
  requireManageChannels,
  requireSubscriptions,
  respondWithSubscriptionIds,
  subscriptionId,
} from '../src/delivery/interactions.js';
import { DEFAULT_TIMEZONE, timezoneSuggestions } from '../src/delivery/schedule.js';
import { createdView, resumedView } from '../src/delivery/views.js';
import { UserError } from '../src/errors.js';

const POSTABLE = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;

export const data = new SlashCommandBuilder()
  .setName('subscribe')
  .setDescription('Send a channel a daily digest or alerts for new State Department releases')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((sub) =>
    sub
      .setName('digest')
      .setDescription('A daily digest of the releases published since the previous one')
      .addChannelOption((o) => o.setName('channel').setDescription('Where to post it').addChannelTypes(...POSTABLE).setRequired(true))
      .addStringOption((o) => o.setName('time').setDescription('Time of day, 24-hour HH:MM, e.g. 08:00').setRequired(true).setMaxLength(5))
      .addStringOption((o) =>
        o.setName('timezone').setDescription(`IANA time zone (default ${DEFAULT_TIMEZONE})`).setAutocomplete(true).setMaxLength(64),
      )
      .addStringOption((o) => o.setName('countries').setDescription('Only releases about these countries, comma-separated').setMaxLength(300))
      .addStringOption((o) => o.setName('keywords').setDescription('Only releases containing one of these words, comma-separated').setMaxLength(300))
      .addBooleanOption((o) => o.setName('empty_days').setDescription('Post one short line on days without releases (default: post nothing)'))
      .addBooleanOption(hidePrivateOption),
  )
  .addSubcommand((sub) =>
    sub
      .setName('alerts')
      .setDescription('A message for each new release that matches, as releases arrive')
      .addChannelOption((o) => o.setName('channel').setDescription('Where to post them').addChannelTypes(...POSTABLE).setRequired(true))
      .addStringOption((o) => o.setName('countries').setDescription('Only releases about these countries, comma-separated').setMaxLength(300))
      .addStringOption((o) => o.setName('keywords').setDescription('Only releases containing one of these words, comma-separated').setMaxLength(300))
      .addBooleanOption(hidePrivateOption),
  )
  .addSubcommand((sub) =>
    sub
      .setName('resume')
      .setDescription('Resume a subscription that was paused because posting failed')
      .addIntegerOption((o) => o.setName('id').setDescription('The paused subscription').setRequired(true).setAutocomplete(true).setMinValue(1))
      .addBooleanOption(hidePrivateOption),
  );

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const service = requireSubscriptions(ctx);
  const guildId = requireGuild(interaction);
  requireManageChannels(interaction);
  const subcommand = interaction.options.getSubcommand();
  if (subcommand === 'resume') {
    await replyPrivately(interaction, resumedView(service.resume(guildId, subscriptionId(interaction))));
    return;
  }
  const channelId = interaction.options.getChannel('channel', true).id;
  requireBotCanPost(interaction, channelId);
  const common = {
    guildId,
    channelId,
    countries: interaction.options.getString('countries'),
    keywords: interaction.options.getString('keywords'),
    createdBy: interaction.user.id,
  };
  if (subcommand === 'digest') {
    const subscription = service.subscribeDigest({
      ...common,
      time: interaction.options.getString('time', true),
      timezone: interaction.options.getString('timezone'),
      announceEmpty: interaction.options.getBoolean('empty_days') ?? false,
    });
    await replyPrivately(interaction, createdView(subscription, service.nextRun(subscription)));
  } else if (subcommand === 'alerts') {
    const subscription = service.subscribeAlerts(common);
    await replyPrivately(interaction, createdView(subscription, null));
  } else {
    throw new UserError(`Unknown subcommand "${subcommand}".`, 'BAD_ARGUMENT');
  }
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  if (focused.name === 'timezone') {
    await interaction.respond(timezoneSuggestions(String(focused.value)).map((zone) => ({ name: zone, value: zone })));
  } else if (focused.name === 'id') {
    await respondWithSubscriptionIds(interaction, ctx, (subscription) => subscription.status === 'paused');
  } else {
    await interaction.respond([]);
  }
}
