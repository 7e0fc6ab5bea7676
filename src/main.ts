/**
 * `npm start`: with DISCORD_TOKEN, the Discord bot; without, the local console. Both run the command modules
 * in commands/. SIGINT/SIGTERM shut down gracefully.
 */
import { loadConfigOrExit, packageVersion } from './config.js';
import { startBot, type Bot } from './discord/bot.js';
import { commandMap, loadCommands } from './discord/commands.js';
import type { BotContext } from './discord/context.js';
import { createLogger } from './discord/log.js';
import { runConsole } from './cli/console.js';
import { Engine } from './search/engine.js';
import { REST } from 'discord.js';
import { restPoster } from './delivery/poster.js';
import { SubscriptionService } from './delivery/subscriptions.js';
import { isUserError } from './errors.js';
import { loadFeedConfig } from './feeds/config.js';
import { startLiveFeeds } from './feeds/live.js';

const config = loadConfigOrExit();
const log = createLogger([config.token]);

const engine = await Engine.open({ dataDir: config.dataDir, searchIndex: config.searchIndex });
const commands = await loadCommands();
const ctx: BotContext = { engine, version: packageVersion(), startedAt: new Date(), commands };

/** Stops what is running, in reverse order of starting; safe to call twice. */
const stops: (() => Promise<void> | void)[] = [() => engine.close()];
let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info(`${signal}: shutting down`);
  for (const stop of stops.reverse()) {
    try {
      await stop();
    } catch (error) {
      log.error('error while shutting down', error);
    }
  }
  log.info('stopped');
  process.exit(0);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));

if (config.token) {
  try {
    loadFeedConfig(process.env);
  } catch (error) {
    if (!isUserError(error)) throw error;
    console.error(error.message);
    engine.close();
    process.exit(1);
  }
  // Delivery must be on ctx before the bot starts (commands read it) and subscribed to new releases before feeds run.
  const subscriptions = SubscriptionService.open({
    dataDir: config.dataDir,
    engine,
    poster: restPoster(new REST({ api: config.apiBase }).setToken(config.token)),
    log: (message, error) => log.error(message, error),
  });
  ctx.subscriptions = subscriptions;
  log.info(`statebot ${ctx.version}: ${engine.stats().count} releases; connecting to Discord at ${config.apiBase}`);
  let bot: Bot;
  try {
    bot = await startBot({ token: config.token, apiBase: config.apiBase }, commandMap(commands), ctx, log);
  } catch (error) {
    log.error('could not log in to Discord (is DISCORD_TOKEN right?)', error);
    engine.close();
    process.exit(1);
  }
  stops.push(() => bot.stop());
  subscriptions.start();
  stops.push(() => subscriptions.stop());
  const feeds = startLiveFeeds(engine, { dataDir: config.dataDir, log: (line) => log.info(line) });
  if (feeds) stops.push(() => feeds.stop());
  log.info(`ready: logged in as ${bot.client.user.tag} (${bot.client.user.id}) with ${commands.length} commands`);
} else {
  await runConsole({
    commands,
    ctx,
    input: process.stdin,
    output: process.stdout,
    log,
    interactive: Boolean(process.stdin.isTTY),
    reason: 'DISCORD_TOKEN is not set.',
  });
  engine.close();
}
