/**
 * "@bot what did the U.S. say about Kenya?" in a channel: answered like /ask, as a reply to that message,
 * pinging nobody. Discord sends the content of messages that mention the bot even without the privileged
 * Message Content intent.
 */
import type { Message } from 'discord.js';
import { isUserError } from '../errors.js';
import type { BotContext } from './context.js';
import { fitMessage, type MessageView } from './limits.js';
import type { Logger } from './log.js';
import { askView, errorView } from './render.js';
import { GENERIC_ERROR } from './router.js';

export const MENTION_HELP =
  'Ask me a question after the mention, e.g. `@statebot what did the U.S. say about Kenya?`, or use `/ask`, `/search` and the other commands (`/about` lists them).';

/** The question in a message that mentions `botId`: the text without the bot's mention(s). */
export function questionFromMention(content: string, botId: string): string {
  return content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').replace(/\s+/g, ' ').trim();
}

export function mentionsBot(message: Message, botId: string): boolean {
  return !message.author.bot && message.mentions.users.has(botId);
}

export function mentionView(question: string, ctx: BotContext, log: Logger): MessageView {
  if (!question) return { content: MENTION_HELP };
  try {
    return askView(ctx.engine.ask(question));
  } catch (error) {
    if (isUserError(error)) return errorView(error.message, error.suggestions);
    log.error('answering a mention failed', error);
    return errorView(GENERIC_ERROR);
  }
}

export async function answerMention(message: Message, botId: string, ctx: BotContext, log: Logger): Promise<void> {
  const view = mentionView(questionFromMention(message.content, botId), ctx, log);
  try {
    await message.reply({ ...fitMessage(view), failIfNotExists: false });
  } catch (error) {
    log.error('could not reply to a mention', error);
  }
}
