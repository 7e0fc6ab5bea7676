/**
 * The router's contract, in process: every failure ends as an ephemeral message (a UserError's text, or a
 * generic apology that is logged without the token). Interactions are the console's stand-ins, which follow
 * discord.js's reply-state rules.
 */
import { SlashCommandBuilder, type AutocompleteInteraction } from 'discord.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConsoleButtonInteraction, ConsoleCommandInteraction, type Delivery } from '../src/cli/console-interaction.js';
import { preprocess } from '../src/corpus/preprocess.js';
import { commandMap, loadCommands } from '../src/discord/commands.js';
import type { BotContext, CommandModule } from '../src/discord/context.js';
import type { MessageView } from '../src/discord/limits.js';
import { createLogger } from '../src/discord/log.js';
import { MENTION_HELP, mentionView, questionFromMention } from '../src/discord/mentions.js';
import { GENERIC_ERROR, runAutocomplete, runButton, runCommand } from '../src/discord/router.js';
import { UserError } from '../src/errors.js';
import { Engine } from '../src/search/engine.js';
import { ZANZIBAR_ANSWER, fixtureReleases } from './discord-fixtures.js';

const TOKEN = 'MTIz.secret-token.value';

interface Shown {
  view: MessageView;
  delivery: Delivery;
}

function capture() {
  const shown: Shown[] = [];
  const logged: string[] = [];
  const log = createLogger([TOKEN], { log: (line) => logged.push(line), error: (line) => logged.push(line) });
  return { shown, logged, log, show: (view: MessageView, delivery: Delivery) => shown.push({ view, delivery }) };
}

function fake(name: string, execute: CommandModule['execute'], extra: Partial<CommandModule> = {}): CommandModule {
  return { data: new SlashCommandBuilder().setName(name).setDescription('test command'), execute, ...extra };
}

describe('router', () => {
  let ctx: BotContext;
  let commands: Map<string, CommandModule>;

  beforeAll(async () => {
    ctx = { engine: Engine.fromReleases(fixtureReleases().map(preprocess)), version: 'test', startedAt: new Date() };
    commands = commandMap(await loadCommands());
  });

  const commandInteraction = (name: string, options: Record<string, string | number | boolean>, show: (view: MessageView, delivery: Delivery) => void) =>
    new ConsoleCommandInteraction({ type: 'command', command: commands.get(name)!, subcommand: null, options: new Map(Object.entries(options)) }, show);

  it('shows a UserError privately when the reply was not deferred', async () => {
    const { shown, log, show } = capture();
    await runCommand(commandInteraction('release', { id: 'no-such-id' }, show).asInteraction(), commands, ctx, log);
    expect(shown).toHaveLength(1);
    expect(shown[0]!.delivery).toEqual({ method: 'reply', ephemeral: true });
    expect(shown[0]!.view.content).toMatch(/No release has the id "no-such-id"/);
  });

  it('replaces a public "thinking…" placeholder with a private error', async () => {
    const { shown, log, show } = capture();
    const interaction = commandInteraction('ask', { question: '   ' }, show);
    await runCommand(interaction.asInteraction(), commands, ctx, log);
    expect(interaction.deleted).toBe(true);
    expect(shown).toHaveLength(1);
    expect(shown[0]!.delivery).toEqual({ method: 'followUp', ephemeral: true });
  });

  it('honours hide:true on deferred commands too', async () => {
    const { shown, log, show } = capture();
    await runCommand(commandInteraction('ask', { question: 'who signed the fisheries accord in Zanzibar?', hide: true }, show).asInteraction(), commands, ctx, log);
    expect(shown[0]!.delivery).toEqual({ method: 'editReply', ephemeral: true });
    expect(shown[0]!.view.embeds?.[0]?.description).toContain(ZANZIBAR_ANSWER);
  });

  it('logs an unexpected error without the token and apologises privately', async () => {
    const { shown, logged, log, show } = capture();
    const boom = fake('boom', async () => {
      throw new Error(`database exploded near ${TOKEN}`);
    });
    const all = new Map([...commands, ['boom', boom]]);
    const interaction = new ConsoleCommandInteraction({ type: 'command', command: boom, subcommand: null, options: new Map() }, show);
    await runCommand(interaction.asInteraction(), all, ctx, log);
    expect(shown[0]).toEqual({ view: expect.objectContaining({ content: GENERIC_ERROR }), delivery: { method: 'reply', ephemeral: true } });
    expect(logged.join('\n')).toMatch(/\/boom failed: Error: database exploded/);
    expect(logged.join('\n')).not.toContain(TOKEN);
  });

  it('treats a command that never replies as a failure the user hears about', async () => {
    const { shown, log, show } = capture();
    const silent = fake('silent', async () => undefined);
    const interaction = new ConsoleCommandInteraction({ type: 'command', command: silent, subcommand: null, options: new Map() }, show);
    await runCommand(interaction.asInteraction(), new Map([['silent', silent]]), ctx, log);
    expect(shown.map((s) => s.view.content)).toEqual([GENERIC_ERROR]);
  });

  it('pages from the button id alone, and explains buttons that no longer work', async () => {
    const { shown, log, show } = capture();
    await runButton(new ConsoleButtonInteraction('country:p:2:KE', show).asInteraction(), commands, ctx, log);
    expect(shown[0]!.delivery.method).toBe('update');
    expect(shown[0]!.view.embeds?.[0]?.footer?.text).toMatch(/^Page 2 of 2/);

    await runButton(new ConsoleButtonInteraction('release:p:2:no-such-release', show).asInteraction(), commands, ctx, log);
    expect(shown[1]!.delivery).toEqual({ method: 'reply', ephemeral: true });
    expect(shown[1]!.view.content).toMatch(/No release has the id/);

    await runButton(new ConsoleButtonInteraction('mystery:p:1:x', show).asInteraction(), commands, ctx, log);
    expect(shown[2]!.view.content).toMatch(/no longer works/);
  });

  it('answers autocomplete with no choices when the handler fails', async () => {
    const { logged, log } = capture();
    let answered: unknown = null;
    const interaction = {
      commandName: 'broken',
      get responded() {
        return answered !== null;
      },
      async respond(choices: unknown) {
        answered = choices;
      },
    } as unknown as AutocompleteInteraction;
    const broken = fake('broken', async () => undefined, {
      autocomplete: async () => {
        throw new UserError('nothing to suggest', 'BAD_ARGUMENT');
      },
    });
    await runAutocomplete(interaction, new Map([['broken', broken]]), ctx, log);
    expect(answered).toEqual([]);
    expect(logged).toEqual([]);
  });
});

describe('mentions', () => {
  it('strips only the bot mention from the question', () => {
    expect(questionFromMention('<@42> what about <@7> and Kenya? <@!42>', '42')).toBe('what about <@7> and Kenya?');
  });

  it('answers like /ask, and with help when there is no question', () => {
    const ctx: BotContext = { engine: Engine.fromReleases(fixtureReleases().map(preprocess)), version: 't', startedAt: new Date() };
    const log = createLogger([], { log: () => undefined, error: () => undefined });
    expect(mentionView('', ctx, log).content).toBe(MENTION_HELP);
    expect(mentionView('who signed the fisheries accord in Zanzibar?', ctx, log).embeds?.[0]?.description).toContain(ZANZIBAR_ANSWER);
  });
});
