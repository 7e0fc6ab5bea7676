import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  Client,
  SlashCommandOptionsOnlyBuilder,
  SlashCommandSubcommandsOnlyBuilder,
} from 'discord.js';
import type { Engine } from '../search/engine.js';
import type { SubscriptionService } from '../delivery/subscriptions.js';
import type { MessageView } from './limits.js';

/** What every command gets besides its interaction: the engine and the services around it. */
export interface BotContext {
  engine: Engine;
  /** Absent where delivery is not running (e.g. the local console without a data directory). */
  subscriptions?: SubscriptionService;
  /** The logged-in client; absent in the local console. */
  client?: Client;
  version: string;
  startedAt: Date;
  /** Every loaded command (for /about's usage list); absent in unit tests that build a context by hand. */
  commands?: readonly CommandModule[];
}

/** The shape of every file in commands/. */
export interface CommandModule {
  data: SlashCommandOptionsOnlyBuilder | SlashCommandSubcommandsOnlyBuilder;
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
  /** The router defers the reply before `execute` (for work that may approach Discord's 3-second window). */
  defer?: boolean;
  /**
   * Page `page` of a paged reply, rebuilt from the state a Previous/Next button carries in its custom id
   * (`<command>:p:<page>:<state>`, see src/discord/buttons.ts). The router calls it for those buttons.
   */
  showPage?(state: string, page: number, ctx: BotContext): MessageView;
}
