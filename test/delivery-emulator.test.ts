/**
 * Subscriptions end to end against the Discord emulator: the commands through the real bot (gateway + router),
 * delivery through discord.js REST, and what reached each channel read back from the emulator.
 */
import { REST, Routes } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as subscribeCommand from '../commands/subscribe.js';
import * as subscriptionsCommand from '../commands/subscriptions.js';
import * as unsubscribeCommand from '../commands/unsubscribe.js';
import { ManualClock } from '../src/delivery/clock.js';
import { restPoster } from '../src/delivery/poster.js';
import { SubscriptionService } from '../src/delivery/subscriptions.js';
import { startBot, type Bot } from '../src/discord/bot.js';
import { commandMap } from '../src/discord/commands.js';
import type { CommandModule } from '../src/discord/context.js';
import { createLogger } from '../src/discord/log.js';
import { Engine } from '../src/search/engine.js';
import { Permission, startEmulator, type DiscordEmulator, type InteractionTranscript, type RecordedCall } from './emulator/index.js';
import { raw, tempDir } from './delivery-helpers.js';

const EPHEMERAL = 1 << 6;
const SUPPRESS_EMBEDS = 1 << 2;
const SEND_ROUTE = 'POST /channels/:channelId/messages';
const COMMANDS = [subscribeCommand, subscriptionsCommand, unsubscribeCommand] as CommandModule[];

describe('subscriptions against the Discord emulator', () => {
  let emu: DiscordEmulator;
  let bot: Bot;
  let service: SubscriptionService;
  let engine: Engine;
  let clock: ManualClock;
  let temp: ReturnType<typeof tempDir>;
  const logged: string[] = [];
  const channel: Record<string, string> = {};

  const advanceTo = (time: string) => clock.advanceTo(time, () => service.whenIdle());
  const manager = Permission.ViewChannel | Permission.SendMessages | Permission.ManageChannels | Permission.UseApplicationCommands;
  const member = Permission.ViewChannel | Permission.SendMessages | Permission.UseApplicationCommands;

  async function command(
    name: string,
    subcommand: string | undefined,
    options: Record<string, string | number | boolean>,
    permissions = manager,
  ): Promise<InteractionTranscript> {
    const sent = emu.sendInteraction({ name, ...(subcommand ? { subcommand } : {}), options, memberPermissions: permissions });
    return emu.waitForReply(sent.id, 10_000);
  }

  async function choices(name: string, subcommand: string | undefined, focused: string, value: string) {
    const sent = emu.sendAutocomplete({ name, ...(subcommand ? { subcommand } : {}), focused, value, memberPermissions: manager });
    return (await emu.waitForReply(sent.id, 10_000)).choices ?? [];
  }

  const sends = (channelId: string): RecordedCall[] =>
    emu.calls.filter((call) => call.route === SEND_ROUTE && call.params.channelId === channelId);
  const delivered = (channelId: string) => sends(channelId).filter((call) => call.status === 200);

  beforeAll(async () => {
    emu = await startEmulator({
      guilds: [{ name: 'Watchers', channels: [{ name: 'general' }, { name: 'digests' }, { name: 'alerts' }, { name: 'doomed' }, { name: 'locked', botDeny: Permission.SendMessages }] }],
    });
    for (const name of ['digests', 'alerts', 'doomed', 'locked']) channel[name] = emu.channelByName(name);
    temp = tempDir();
    engine = Engine.fromReleases([]);
    clock = new ManualClock('2024-05-01T00:00:00Z');
    const rest = new REST({ api: emu.apiBase }).setToken(emu.token);
    await rest.put(Routes.applicationGuildCommands(emu.applicationId, emu.guildId), { body: COMMANDS.map((c) => c.data.toJSON()) });
    service = SubscriptionService.open({ dataDir: temp.dir, engine, poster: restPoster(rest), clock, log: (m) => logged.push(m) });
    const log = createLogger([emu.token], { log: () => {}, error: (line) => logged.push(line) });
    bot = await startBot({ token: emu.token, apiBase: emu.apiBase }, commandMap(COMMANDS), { engine, subscriptions: service, version: 'test', startedAt: new Date() }, log);
    service.start();
  }, 60_000);

  afterAll(async () => {
    await service?.stop();
    await bot?.stop();
    await emu?.stop();
    temp?.remove();
  });

  it('registers the commands with Manage Channels as the default permission for changes', () => {
    const registered = new Map(emu.registeredCommands(emu.guildId).map((c) => [c.name, c]));
    expect(registered.get('subscribe')?.default_member_permissions).toBe(String(Permission.ManageChannels));
    expect(registered.get('unsubscribe')?.default_member_permissions).toBe(String(Permission.ManageChannels));
    expect(registered.get('subscriptions')?.default_member_permissions ?? null).toBeNull();
  });

  it('refuses changes from a member without Manage Channels, and bad input, with clear messages', async () => {
    const denied = await command('subscribe', 'alerts', { channel: channel.alerts! }, member);
    expect(denied.final?.content).toContain('needs the Manage Channels permission');
    expect(denied.final?.flags ?? 0).toBe(EPHEMERAL);
    const badTime = await command('subscribe', 'digest', { channel: channel.digests!, time: '25:00' });
    expect(badTime.final?.embeds?.[0]?.description ?? badTime.final?.content).toContain('"25:00" is not a time of day');
    const badZone = await command('subscribe', 'digest', { channel: channel.digests!, time: '08:00', timezone: 'Mars/Olympus' });
    expect(JSON.stringify(badZone.final)).toContain('is not an IANA time zone');
    const locked = await command('subscribe', 'alerts', { channel: channel.locked! });
    expect(locked.final?.content).toContain('I cannot post in #locked: give me View Channel and Send Messages there first.');
    expect(service.list(emu.guildId)).toEqual([]);
  });

  it('suggests time zones as they are typed', async () => {
    const zones = await choices('subscribe', 'digest', 'timezone', 'paris');
    expect(zones[0]).toEqual({ name: 'Europe/Paris', value: 'Europe/Paris' });
    const initial = await choices('subscribe', 'digest', 'timezone', '');
    expect(initial[0]?.value).toBe('America/New_York');
    expect(initial.length).toBe(25);
  });

  it('creates subscriptions and lists them with their ids', async () => {
    const digest = await command('subscribe', 'digest', { channel: channel.digests!, time: '08:00', timezone: 'Europe/Paris' });
    expect(digest.final?.content).toMatch(/^✅ Subscription `#1`: daily digest at 08:00 Europe\/Paris in <#\d+> \(all releases\)\./);
    expect(digest.final?.flags ?? 0).toBe(EPHEMERAL);
    const alerts = await command('subscribe', 'alerts', { channel: channel.alerts!, countries: 'Kenya' });
    expect(alerts.final?.content).toContain('`#2`: alerts for new releases');
    expect(alerts.final?.content).toContain('(countries: Kenya)');
    const doomed = await command('subscribe', 'alerts', { channel: channel.doomed! });
    expect(doomed.final?.content).toContain('`#3`');

    const list = await command('subscriptions', undefined, {}, member);
    const embed = list.final?.embeds?.[0];
    expect(embed?.title).toBe('Subscriptions in this server (3)');
    expect(embed?.description).toContain(`\`#1\` 📰 daily digest at 08:00 Europe/Paris → <#${channel.digests}>`);
    expect(embed?.description).toContain(`\`#2\` 🔔 alerts for new releases → <#${channel.alerts}>`);
    expect(embed?.description).toMatch(/next <t:\d+:R>/);
  });

  it('posts alerts and the digest through REST: nonce, no pings, no previews, only what matches', async () => {
    engine.importReleases([
      raw('Kenya election statement', '2024-05-01', ['The United States congratulates Kenya on its peaceful election. @everyone']),
      raw('Pacific fisheries note', '2024-05-01', ['Partners met in Fiji to discuss fisheries.']),
    ]);
    await service.whenIdle();
    const alerts = delivered(channel.alerts!);
    expect(alerts).toHaveLength(1);
    expect((alerts[0]!.body as { content: string }).content.split('\n')[1]).toMatch(
      /^\*\*\[Kenya election statement\]\(https:\/\/www\.state\.gov\/kenya-election-statement-\d+\/\)\*\*$/,
    );
    const body = alerts[0]!.body as Record<string, unknown>;
    expect(body).toMatchObject({ enforce_nonce: true, allowed_mentions: { parse: [] }, flags: SUPPRESS_EMBEDS });
    expect(typeof body.nonce).toBe('string');
    expect(emu.channelMessages(channel.alerts).map((m) => m.mentions.length + (m.mention_everyone ? 1 : 0))).toEqual([0]);
    expect(delivered(channel.doomed!)).toHaveLength(2);

    // 08:00 in Paris on May 1 is 06:00Z.
    await advanceTo('2024-05-01T06:00:00Z');
    const digests = emu.channelMessages(channel.digests);
    expect(digests).toHaveLength(1);
    expect(digests[0]!.content).toContain('📰 **State Department digest — Wed, May 1, 2024** · 2 new releases');
    expect(digests[0]!.content).toContain('Kenya election statement');
    expect(digests[0]!.content).toContain('Pacific fisheries note');
  });

  it('waits out a 429 and sends once', async () => {
    emu.rateLimitNext(1, 0.05, (request) => request.route === SEND_ROUTE);
    engine.importReleases([raw('Kenya health partnership', '2024-05-01', ['Kenya and the United States renewed a health partnership.'])]);
    await service.whenIdle();
    const messages = emu.channelMessages(channel.alerts).filter((m) => m.content.includes('Kenya health partnership'));
    expect(messages).toHaveLength(1);
    expect(service.get(emu.guildId, 2)).toMatchObject({ status: 'active', failureCount: 0 });
  });

  it('pauses a subscription whose channel is gone and says why in /subscriptions', async () => {
    emu.failChannel(channel.doomed!, 404);
    engine.importReleases([raw('Into the void', '2024-05-01')]);
    await service.whenIdle();
    await advanceTo('2024-05-01T06:01:00Z');
    await advanceTo('2024-05-01T06:11:00Z');
    expect(sends(channel.doomed!).filter((call) => call.status === 404)).toHaveLength(3);
    await advanceTo('2024-05-01T12:00:00Z');
    expect(sends(channel.doomed!).filter((call) => call.status === 404)).toHaveLength(3);

    const list = await command('subscriptions', undefined, {}, member);
    const description = list.final?.embeds?.[0]?.description ?? '';
    expect(list.final?.embeds?.[0]?.title).toBe('Subscriptions in this server (3, 1 paused)');
    expect(description).toContain('⏸️ **Paused**');
    expect(description).toContain('3 posts in a row failed: the channel no longer exists or the bot cannot see it');

    const paused = await choices('subscribe', 'resume', 'id', '');
    expect(paused.map((c) => c.value)).toEqual([3]);
  });

  it('removes a subscription chosen by autocomplete', async () => {
    const options = await choices('unsubscribe', undefined, 'id', 'doomed');
    expect(options).toEqual([{ name: '#3 alerts for new releases in #doomed [paused]', value: 3 }]);
    const denied = await command('unsubscribe', undefined, { id: 3 }, member);
    expect(denied.final?.content).toContain('needs the Manage Channels permission');
    const removed = await command('unsubscribe', undefined, { id: 3 });
    expect(removed.final?.content).toContain('Removed subscription `#3`');
    const unknown = await command('unsubscribe', undefined, { id: 3 });
    expect(JSON.stringify(unknown.final)).toContain('This server has no subscription #3.');
    expect(service.list(emu.guildId).map((s) => s.id)).toEqual([1, 2]);
  });
});
