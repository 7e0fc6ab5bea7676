/** How commands answer: one helper that fits the view, honours `hide`, and replies or edits as the state requires. */
import { MessageFlags, type ChatInputCommandInteraction, type SlashCommandBooleanOption } from 'discord.js';
import { fitMessage, type MessageView } from './limits.js';

export const HIDE_OPTION = 'hide';

/** Every command adds this option last: `.addBooleanOption(hideOption)`. */
export function hideOption(option: SlashCommandBooleanOption): SlashCommandBooleanOption {
  return option.setName(HIDE_OPTION).setDescription('Show the reply to you only');
}

export function isHidden(interaction: ChatInputCommandInteraction): boolean {
  return interaction.options.getBoolean(HIDE_OPTION) === true;
}

export function replyFlags(hidden: boolean): MessageFlags.Ephemeral | undefined {
  return hidden ? MessageFlags.Ephemeral : undefined;
}

/** Sends the command's answer: a first reply (ephemeral with `hide:true`), or the edit of a deferred one. */
export async function respond(interaction: ChatInputCommandInteraction, view: MessageView): Promise<void> {
  const message = fitMessage(view);
  if (interaction.deferred || interaction.replied) await interaction.editReply(message);
  else await interaction.reply({ ...message, flags: replyFlags(isHidden(interaction)) });
}
