/**
 * The real entry point (`node --import tsx src/main.ts`, as `npm start` runs it) against the Discord emulator:
 * commands are deployed with the real deploy script, then driven through the gateway, and what the bot sent is
 * checked in the emulator's record of REST calls.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { APIEmbed, APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.js';
import { loadCommands } from '../src/discord/commands.js';
import { deployCommands } from '../src/discord/deploy.js';
import { messageText, startEmulator, type DiscordEmulator } from './emulator/index.js';
import type { InteractionTranscript, RecordedCall } from './emulator/index.js';
import { KENYA_TALKS, LONG_TITLE, ZANZIBAR_ANSWER, ZANZIBAR_TITLE, fixtureDataDir } from './discord-fixtures.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EPHEMERAL = 1 << 6;
const GUILDS = 1 << 0;
const GUILD_MESSAGES = 1 << 9;
const MESSAGE_CONTENT = 1 << 15;
const LIVE_MENTION = /@(everyone|here)\b|<@[!&]?\d+>/;

interface Running {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<number | null>;
}

function env(emu: DiscordEmulator, dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DISCORD_TOKEN: emu.token,
    DISCORD_API_BASE: emu.apiBase,
    DISCORD_CLIENT_ID: '',
    DISCORD_GUILD_ID: '',
    DATA_DIR: dataDir,
    FEEDS: 'none',
    ...extra,
  };
}

function run(args: string[], environment: NodeJS.ProcessEnv): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, env: environment, stdio: 'pipe' });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Starts the bot as `npm start` does and waits for its ready line. */
async function startBot(emu: DiscordEmulator, dataDir: string): Promise<Running> {
  const bot = run(['src/main.ts'], env(emu, dataDir));
  await new Promise<void>((resolve, reject) => {
    const check = setInterval(() => {
      if (/^ready: logged in as /m.test(bot.output())) done(resolve);
    }, 50);
    const timer = setTimeout(() => done(() => reject(new Error(`bot not ready:\n${bot.output()}`))), 45_000);
    bot.exited.then((code) => done(() => reject(new Error(`bot exited (${code}):\n${bot.output()}`))));
    function done(then: () => void) {
      clearInterval(check);
      clearTimeout(timer);
      then();
    }
  });
  return bot;
}

async function stopBot(bot: Running): Promise<number | null> {
  bot.child.kill('SIGTERM');
  return bot.exited;
}

const embedsOf = (message: APIMessage | null): APIEmbed[] => message?.embeds ?? [];
interface SentButton {
  custom_id?: string;
  label?: string;
  disabled?: boolean;
}
const buttonsOf = (message: APIMessage | null): SentButton[] =>
  (message?.components ?? []).flatMap((row) => ('components' in row ? (row.components as unknown as SentButton[]) : []));
const button = (message: APIMessage | null, label: RegExp) => buttonsOf(message).find((b) => label.test(b.label ?? ''));

/** Every message body the bot sent for an interaction or a channel: no pings possible. */
function expectNoPings(calls: readonly RecordedCall[]): void {
  const bodies = calls.filter((call) => call.method !== 'GET' && call.method !== 'DELETE' && call.body && typeof call.body === 'object');
  for (const call of bodies) {
    const body = call.body as { type?: number; data?: Record<string, unknown> } & Record<string, unknown>;
    const message = call.route?.includes('/callback') ? body.data : body;
    if (!message || !('content' in message || 'embeds' in message)) continue;
    expect(message.allowed_mentions, `${call.method} ${call.path}`).toMatchObject({ parse: [] });
  }
}

/** A reply or follow-up that only its user sees. */
function isEphemeralMessage(call: RecordedCall): boolean {
  const body = call.body as { flags?: number; data?: { flags?: number } } | undefined;
  const flags = call.route?.endsWith('/callback') ? body?.data?.flags : body?.flags;
  return call.method === 'POST' && call.status < 300 && ((flags ?? 0) & EPHEMERAL) === EPHEMERAL;
}

describe('the bot against the Discord emulator', () => {
  let emu: DiscordEmulator;
  let fixture: Awaited<ReturnType<typeof fixtureDataDir>>;
  let bot: Running;

  async function command(name: string, options: Record<string, string | number | boolean> = {}): Promise<InteractionTranscript> {
    const sent = emu.sendInteraction({ name, options });
    return emu.waitForReply(sent.id, 15_000);
  }

  /** Runs a command that must fail, and returns the ephemeral message that explains why. */
  async function failing(name: string, options: Record<string, string | number | boolean>): Promise<APIMessage> {
    const sent = emu.sendInteraction({ name, options });
    await emu.waitForCall((call) => call.interactionId === sent.id && isEphemeralMessage(call), 15_000);
    const transcript = emu.interactionResponses(sent.id);
    expect(transcript.calls.every((call) => call.status < 400)).toBe(true);
    expect(transcript.final).not.toBeNull();
    expect((transcript.final!.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    return transcript.final!;
  }

  beforeAll(async () => {
    [emu, fixture] = await Promise.all([startEmulator(), fixtureDataDir()]);
    const deploy = run(['src/discord/deploy.ts'], env(emu, fixture.dataDir, { DISCORD_GUILD_ID: emu.guildId }));
    const code = await deploy.exited;
    if (code !== 0) throw new Error(`deploy-commands failed:\n${deploy.output()}`);
    bot = await startBot(emu, fixture.dataDir);
  }, 120_000);

  afterAll(async () => {
    if (bot) await stopBot(bot);
    await emu?.stop();
    fixture?.cleanup();
  });

  it('registers every command in commands/ for the guild, each with a hide option', () => {
    const names = emu.registeredCommands(emu.guildId).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['ask', 'search', 'release', 'summarize', 'digest', 'country', 'about']));
    for (const registered of emu.registeredCommands(emu.guildId).filter((c) => !['subscribe', 'subscriptions', 'unsubscribe'].includes(c.name))) {
      expect(registered.options?.some((o) => o.name === 'hide'), registered.name).toBe(true);
    }
  });

  it('registers globally when no guild is configured', async () => {
    const config = readConfig({ DISCORD_TOKEN: emu.token, DISCORD_API_BASE: emu.apiBase, DISCORD_CLIENT_ID: emu.applicationId });
    const result = await deployCommands(config, await loadCommands());
    expect(result.scope).toBe('global');
    expect(emu.registeredCommands().map((c) => c.name).sort()).toEqual([...result.names].sort());
    expect(result.names).toContain('ask');
  });

  it('connects with the Guilds and Guild Messages intents only, and never logs the token', async () => {
    const identify = await emu.waitForIdentify();
    expect(identify.intents & (GUILDS | GUILD_MESSAGES)).toBe(GUILDS | GUILD_MESSAGES);
    expect(identify.intents & MESSAGE_CONTENT).toBe(0);
    expect(bot.output()).not.toContain(emu.token);
  });

  it('/ask quotes the answer with its source and up to two more releases', async () => {
    const reply = await command('ask', { question: 'who signed the fisheries accord in Zanzibar?' });
    const [embed] = embedsOf(reply.final);
    expect(embed?.title).toBe(ZANZIBAR_TITLE);
    expect(embed?.url).toMatch(/^https:\/\/www\.state\.gov\//);
    expect(embed?.description).toContain(ZANZIBAR_ANSWER);
    expect(embed?.fields?.map((f) => f.name)).toEqual(expect.arrayContaining(['Date', 'Speaker', 'Kind']));
    expect((reply.final?.flags ?? 0) & EPHEMERAL).toBe(0);
    expectNoPings(reply.calls);
  });

  it('hide:true makes the reply ephemeral', async () => {
    const reply = await command('about', { hide: true });
    expect((reply.final?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(messageText(reply.final)).toMatch(/Corpus/);
  });

  it('/search pages with Previous/Next, also after the bot restarts', async () => {
    const reply = await command('search', { query: 'Kenya talks' });
    const first = reply.final;
    expect(messageText(first)).toMatch(/Page 1 of 3/);
    expect(button(first, /Previous/)?.disabled).toBe(true);
    const next = button(first, /Next/)!;
    expect(next.custom_id!.length).toBeLessThanOrEqual(100);

    const clicked = await emu.waitForReply(emu.clickButton({ customId: next.custom_id!, messageId: first!.id }).id, 15_000);
    expect(clicked.callbackType).toBe(7);
    const second = emu.message(first!.id)!;
    expect(messageText(second)).toMatch(/Page 2 of 3/);
    expect(embedsOf(second)[0]?.fields?.[0]?.name).toMatch(/^6\. /);

    await stopBot(bot);
    bot = await startBot(emu, fixture.dataDir);
    const again = button(second, /Next/)!;
    await emu.waitForReply(emu.clickButton({ customId: again.custom_id!, messageId: first!.id }).id, 15_000);
    const third = emu.message(first!.id)!;
    expect(messageText(third)).toMatch(/Page 3 of 3/);
    expect(button(third, /Next/)?.disabled).toBe(true);
  });

  it('/search applies filters: country, dates, kind', async () => {
    const reply = await command('search', { query: 'talks', country: 'Kenya', from: '2031-02-20', to: '2031-02-28', kind: 'Press Statement' });
    const fields = embedsOf(reply.final)[0]?.fields ?? [];
    expect(fields.map((f) => f.name)).toEqual(['1. United States and Kenya Hold Talks on Tourism', '2. United States and Kenya Hold Talks on Culture']);
    expect(messageText(reply.final)).toMatch(/Filters: country Kenya · from Feb 20, 2031 · to Feb 28, 2031 · kind Press Statement/);
  });

  it('autocomplete answers within 25 choices of at most 100 characters', async () => {
    const releases = await emu.waitForReply(emu.sendAutocomplete({ name: 'release', focused: 'id', value: '' }).id);
    expect(releases.choices!.length).toBeGreaterThan(0);
    expect(releases.choices!.length).toBeLessThanOrEqual(25);
    for (const choice of releases.choices!) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(String(choice.value).length).toBeLessThanOrEqual(100);
    }
    const kenya = await emu.waitForReply(emu.sendAutocomplete({ name: 'country', focused: 'name', value: 'ken' }).id);
    expect(kenya.choices?.[0]).toEqual({ name: `Kenya (${KENYA_TALKS + 1})`, value: 'Kenya' });
    const titles = await emu.waitForReply(emu.sendAutocomplete({ name: 'summarize', focused: 'id', value: 'zanzibar' }).id);
    expect(titles.choices?.map((c) => c.name)).toEqual([`2031-03-12 ${ZANZIBAR_TITLE}`]);
    const speakers = await emu.waitForReply(emu.sendAutocomplete({ name: 'search', focused: 'speaker', value: 'blinken', options: { query: 'x' } }).id);
    expect(speakers.choices?.[0]?.value).toBe('Antony J. Blinken, Secretary of State');
  });

  it('/release shows a long release in pages, escaped, with its summary first', async () => {
    const id = '2031-03-11-remarks-on-maritime-security-in-the-indian-ocean';
    const reply = await command('release', { id });
    const [embed] = embedsOf(reply.final);
    expect(embed?.title).toBe(LONG_TITLE);
    expect(embed?.fields?.[0]?.name).toBe('Summary');
    expect(embed?.footer?.text).toMatch(/^Page 1 of [2-9]/);
    expect(embed?.description).toContain('\\*\\*United States\\*\\*');
    expect(embed?.description).not.toMatch(LIVE_MENTION);
    expect(reply.final?.mention_everyone).toBe(false);
    expect(reply.final?.mention_roles).toEqual([]);
    const next = button(reply.final, /Next/)!;
    await emu.waitForReply(emu.clickButton({ customId: next.custom_id!, messageId: reply.final!.id }).id);
    const page2 = embedsOf(emu.message(reply.final!.id)!)[0];
    expect(page2?.footer?.text).toMatch(/^Page 2 of /);
    expect(page2?.fields).toBeUndefined();
  });

  it('/summarize, /digest, /country and /about answer from the corpus', async () => {
    const summary = await command('summarize', { id: '2031-03-12-zanzibar-fisheries-accord-signed', sentences: 1 });
    expect(embedsOf(summary.final)[0]?.description).toBe(`• The United States and Tanzania ${ZANZIBAR_ANSWER}.`);

    const digest = await command('digest', {});
    expect(embedsOf(digest.final)[0]?.title).toBe('Digest: Mar 12, 2031');
    expect(messageText(digest.final)).toContain(ZANZIBAR_TITLE);
    const dated = await command('digest', { date: '2031-02-15' });
    expect(messageText(dated.final)).toContain('United States and Kenya Hold Talks on Water');

    const country = await command('country', { name: 'Kenya', from: '2031-01-01' });
    expect(embedsOf(country.final)[0]?.title).toBe(`Kenya: ${KENYA_TALKS} releases from Jan 1, 2031`);
    expect(messageText(country.final)).toMatch(/Page 1 of 2 · newest first/);
    expect(embedsOf(country.final)[0]?.description?.split('\n')[0]).toContain('Talks on Tourism');

    const about = await command('about');
    const aboutText = messageText(about.final);
    expect(aboutText).toMatch(/\d+ releases, .* – Mar 12, 2031/);
    expect(aboutText).toMatch(/Version/);
    expect(aboutText).toContain('/ask');
  });

  it('answers a mention as a reply to that message, pinging nobody', async () => {
    const before = emu.calls.length;
    const messageId = emu.sendMention('who signed the fisheries accord in Zanzibar? @everyone <@&123456789012345678>');
    const call = await emu.waitForCall(
      (c) => c.seq > before && c.method === 'POST' && c.route === 'POST /channels/:channelId/messages',
      15_000,
    );
    const body = call.body as { message_reference?: { message_id: string }; allowed_mentions?: unknown; embeds?: APIEmbed[] };
    expect(call.status).toBe(200);
    expect(body.message_reference?.message_id).toBe(messageId);
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(body.embeds?.[0]?.description).toContain(ZANZIBAR_ANSWER);
    expect(body.embeds?.[0]?.author?.name).not.toMatch(LIVE_MENTION);
    const sent = call.response as APIMessage;
    expect(sent.mention_everyone).toBe(false);
    expect(sent.mentions).toEqual([]);
    expect(sent.mention_roles).toEqual([]);
  });

  it('bad input ends in an ephemeral explanation or a fitted answer, never a failed interaction', async () => {
    const empty = await failing('ask', { question: '' });
    expect(empty.content).toMatch(/\S/);

    const huge = 'Kenya talks '.repeat(500).slice(0, 6000);
    for (const [name, options] of [
      ['ask', { question: huge }],
      ['search', { query: huge }],
      ['release', { id: huge }],
      ['country', { name: huge }],
      ['digest', { date: huge }],
    ] as const) {
      const reply = await command(name, options);
      expect(reply.final, name).not.toBeNull();
      expect(reply.calls.every((c) => c.status < 400), `${name}: ${reply.calls.map((c) => `${c.method} ${c.path} ${c.status}`).join(', ')}`).toBe(true);
    }
    const longSearch = await command('search', { query: huge });
    for (const b of buttonsOf(longSearch.final)) expect(b.custom_id!.length).toBeLessThanOrEqual(100);
    expect(messageText(longSearch.final)).toMatch(/shortened/);

    expect((await failing('release', { id: 'no-such-release' })).content).toMatch(/No release has the id/);
    expect((await failing('summarize', { id: 'no-such-release' })).content).toMatch(/No release has the id/);

    const pings = await command('ask', { question: '@everyone <@&123456789012345678> what about Kenya?' });
    expect(pings.final?.mention_everyone).toBe(false);
    expect(pings.final?.mention_roles).toEqual([]);
    expect(messageText(pings.final)).not.toMatch(LIVE_MENTION);
    expectNoPings(pings.calls);

    expect((await failing('search', { query: 'talks', from: 'last tuesday' })).content).toMatch(/last tuesday/);
  });

  it('a wrong token ends the start with a clear message that does not repeat the token', async () => {
    const wrong = 'd3Jvbmc.wrong-token.value';
    const attempt = run(['src/main.ts'], env(emu, fixture.dataDir, { DISCORD_TOKEN: wrong }));
    expect(await attempt.exited).toBe(1);
    expect(attempt.output()).toMatch(/could not log in to Discord/);
    expect(attempt.output()).not.toContain(wrong);
  });

  it('every REST call the bot made was accepted, and SIGTERM stops it cleanly', async () => {
    const byWrongToken = (c: RecordedCall) => c.headers.authorization?.includes('wrong-token') === true;
    expect(emu.calls.some(byWrongToken)).toBe(true);

    const rejected = emu.calls.filter((c) => c.status >= 400 && !byWrongToken(c));
    expect(rejected.map((c) => `${c.method} ${c.path} ${c.status} ${JSON.stringify(c.response)}`)).toEqual([]);
    expectNoPings(emu.calls);
    const code = await stopBot(bot);
    expect(code).toBe(0);
    expect(bot.output()).toMatch(/SIGTERM: shutting down/);
    expect(bot.output()).not.toContain(emu.token);
  });
});
