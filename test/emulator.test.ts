import { once } from 'node:events';
import { inflateSync, constants as zlibConstants, createInflate } from 'node:zlib';
import {
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Routes,
  SlashCommandBuilder,
  type Interaction,
  type Message,
  type TextChannel,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { messageText, Permission, startEmulator, type DiscordEmulator } from './emulator/index.js';

const CALLBACK_ROUTE = 'POST /interactions/:interactionId/:interactionToken/callback';
const SEND_ROUTE = 'POST /channels/:channelId/messages';

function nextInteraction(client: Client): Promise<Interaction> {
  return once(client, Events.InteractionCreate).then(([interaction]) => interaction as Interaction);
}

/** The DiscordAPIError a promise rejects with (fails the test if it resolves or throws something else). */
async function apiError(promise: Promise<unknown>): Promise<DiscordAPIError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DiscordAPIError);
  return error as DiscordAPIError;
}

describe('Discord emulator driven by a real discord.js Client', () => {
  let emu: DiscordEmulator;
  let client: Client;
  let general: TextChannel;
  let askCommandId: string;

  beforeAll(async () => {
    emu = await startEmulator({
      guilds: [
        {
          name: 'State Watchers',
          channels: [{ name: 'general' }, { name: 'locked', botDeny: Permission.SendMessages }],
        },
        { name: 'Second Guild' },
      ],
      users: [{ username: 'alice' }, { username: 'bob' }],
    });
    client = new Client({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
      rest: { api: emu.apiBase },
    });
    const ready = once(client, Events.ClientReady);
    await client.login(emu.token);
    await ready;
    general = (await client.channels.fetch(emu.channelId)) as TextChannel;

    const ask = new SlashCommandBuilder()
      .setName('ask')
      .setDescription('Ask about press releases')
      .addStringOption((o) => o.setName('question').setDescription('Your question').setRequired(true))
      .addIntegerOption((o) => o.setName('limit').setDescription('How many').setMinValue(1).setMaxValue(10))
      .addStringOption((o) => o.setName('country').setDescription('Country').setAutocomplete(true));
    const registered = await client.application!.commands.set([ask.toJSON()]);
    askCommandId = registered.first()!.id;
  });

  afterAll(async () => {
    await client?.destroy();
    await emu?.stop();
  });

  it('identifies, then fills the cache from READY and GUILD_CREATE', async () => {
    const identify = await emu.waitForIdentify();
    expect(identify.intents & GatewayIntentBits.GuildMessages).not.toBe(0);
    expect(client.user?.id).toBe(emu.botUserId);
    expect(client.application?.id).toBe(emu.applicationId);
    expect(client.guilds.cache.map((g) => g.name).sort()).toEqual(['Second Guild', 'State Watchers']);

    const guild = client.guilds.cache.get(emu.guildId)!;
    expect(guild.members.me?.id).toBe(emu.botUserId);
    const me = guild.members.me!;
    expect(general.permissionsFor(me).has('SendMessages')).toBe(true);
    const locked = guild.channels.cache.get(emu.channelByName('locked'))!;
    expect(locked.permissionsFor(me).has('SendMessages')).toBe(false);

    const gatewayCall = emu.calls.find((c) => c.route === 'GET /gateway/bot');
    expect(gatewayCall?.headers.authorization).toBe(`Bot ${emu.token}`);
  });

  it('registers commands through REST and records the PUT', () => {
    expect(emu.registeredCommands().map((c) => c.name)).toEqual(['ask']);
    const put = emu.calls.find((c) => c.route === 'PUT /applications/:applicationId/commands');
    expect(put?.status).toBe(200);
    expect(put?.body).toEqual([expect.objectContaining({ name: 'ask', options: expect.any(Array) })]);
  });

  it('delivers a slash command with typed options and records reply, edit, follow-up and delete', async () => {
    const received = nextInteraction(client);
    const sent = emu.sendInteraction({ name: 'ask', options: { question: 'visa policy', limit: 3 }, user: emu.userIds[1] });
    const interaction = await received;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    expect(interaction.id).toBe(sent.id);
    expect(interaction.commandId).toBe(askCommandId);
    expect(interaction.options.getString('question')).toBe('visa policy');
    expect(interaction.options.getInteger('limit')).toBe(3);
    expect(interaction.user.username).toBe('bob');
    expect(interaction.memberPermissions?.has('ManageGuild')).toBe(false);
    expect(interaction.appPermissions.has('EmbedLinks')).toBe(true);

    await interaction.reply({ content: 'Visa answer', embeds: [{ title: 'Visa policy', description: 'From the 2021 release.' }] });
    let transcript = emu.interactionResponses(sent.id);
    expect(transcript.callbackType).toBe(4);
    expect(transcript.calls[0]?.route).toBe(CALLBACK_ROUTE);
    expect(transcript.calls[0]?.body).toMatchObject({ type: 4, data: { content: 'Visa answer' } });
    expect(messageText(transcript.final)).toContain('From the 2021 release.');

    await interaction.editReply('Edited answer');
    await interaction.followUp({ content: 'Only for you', flags: MessageFlags.Ephemeral });
    transcript = emu.interactionResponses(sent.id);
    expect(transcript.original?.content).toBe('Edited answer');
    expect(transcript.original?.edited_timestamp).not.toBeNull();
    expect(transcript.followUps.map((m) => m.content)).toEqual(['Only for you']);
    expect(transcript.final?.flags).toBe(MessageFlags.Ephemeral);
    expect(transcript.calls.map((c) => `${c.method} ${c.status}`)).toEqual(['POST 204', 'PATCH 200', 'POST 200']);

    const followUpId = transcript.followUps[0]!.id;
    await interaction.editReply({ message: followUpId, content: 'Edited follow-up' });
    expect(emu.message(followUpId)?.content).toBe('Edited follow-up');
    await interaction.deleteReply(followUpId);
    await interaction.deleteReply();
    transcript = emu.interactionResponses(sent.id);
    expect(transcript.original).toBeNull();
    expect(transcript.followUps).toEqual([]);
    expect(transcript.calls.map((c) => c.route)).toEqual([
      CALLBACK_ROUTE,
      'PATCH /webhooks/:applicationId/:token/messages/:messageId',
      'POST /webhooks/:applicationId/:token',
      'PATCH /webhooks/:applicationId/:token/messages/:messageId',
      'DELETE /webhooks/:applicationId/:token/messages/:messageId',
      'DELETE /webhooks/:applicationId/:token/messages/:messageId',
    ]);
  });

  it('handles a command used in a DM and returns the callback resource when asked', async () => {
    const received = nextInteraction(client);
    const sent = emu.sendInteraction({ name: 'ask', guildId: null, options: { question: 'in private' } });
    const interaction = await received;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    expect(interaction.guildId).toBeNull();
    expect(interaction.channelId).toBe(emu.dmChannelId());
    const response = await interaction.reply({ content: 'Private answer', withResponse: true });
    expect(response.resource?.message?.content).toBe('Private answer');
    const callback = emu.interactionResponses(sent.id).calls[0]!;
    expect(callback.query).toEqual({ with_response: 'true' });
    expect(callback.status).toBe(200);
  });

  it('parses multipart bodies: payload_json plus recorded files', async () => {
    const message = await general.send({ content: 'see attached', files: [{ attachment: Buffer.from('hello'), name: 'note.txt' }] });
    expect(message.attachments.first()?.name).toBe('note.txt');
    const call = emu.calls.filter((c) => c.route === SEND_ROUTE).at(-1)!;
    expect(call.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(call.body).toMatchObject({ content: 'see attached' });
    expect(call.files).toEqual([expect.objectContaining({ filename: 'note.txt', size: 5 })]);
  });

  it('lets a deferred reply be filled by the first follow-up, as Discord does', async () => {
    const received = nextInteraction(client);
    const sent = emu.sendInteraction({ name: 'ask', options: { question: 'sanctions' } });
    const interaction = await received;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    await interaction.deferReply();
    expect(emu.interactionResponses(sent.id).loading).toBe(true);
    const followUp = await interaction.followUp('Sanctions answer');
    const transcript = await emu.waitForReply(sent.id);
    expect(transcript.loading).toBe(false);
    expect(transcript.original?.id).toBe(followUp.id);
    expect(transcript.original?.content).toBe('Sanctions answer');
    expect(transcript.followUps).toEqual([]);
  });

  it('refuses to invent input the Discord client would not send', () => {
    expect(() => emu.sendInteraction({ name: 'ask', options: {} })).toThrow(/requires option "question"/);
    expect(() => emu.sendInteraction({ name: 'ask', options: { question: 'x', limit: 11 } })).toThrow(/above 10/);
    expect(() => emu.sendInteraction({ name: 'ask', options: { question: 'x', nope: 1 } })).toThrow(/no option "nope"/);
  });

  it('rejects content over 2,000 code points with 50035, and accepts exactly 2,000 emoji', async () => {
    const error = await apiError(general.send('x'.repeat(2001)));
    expect(error.status).toBe(400);
    expect(error.code).toBe(50035);
    expect(error.rawError).toMatchObject({
      message: 'Invalid Form Body',
      errors: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }] } },
    });
    const sent = await general.send('🌍'.repeat(2000));
    expect(sent.content).toHaveLength(4000);
  });

  it('rejects each oversize embed part at its Discord error path', async () => {
    const cases: Array<{ embeds: object[]; path: (errors: any) => unknown; code: string }> = [
      { embeds: [{ title: 't'.repeat(257) }], path: (e) => e.embeds[0].title, code: 'BASE_TYPE_MAX_LENGTH' },
      { embeds: [{ description: 'd'.repeat(4097) }], path: (e) => e.embeds[0].description, code: 'BASE_TYPE_MAX_LENGTH' },
      {
        embeds: [{ fields: Array.from({ length: 26 }, (_, i) => ({ name: `n${i}`, value: 'v' })) }],
        path: (e) => e.embeds[0].fields,
        code: 'BASE_TYPE_MAX_LENGTH',
      },
      { embeds: [{ fields: [{ name: 'n'.repeat(257), value: 'v' }] }], path: (e) => e.embeds[0].fields[0].name, code: 'BASE_TYPE_MAX_LENGTH' },
      { embeds: [{ fields: [{ name: 'n', value: 'v'.repeat(1025) }] }], path: (e) => e.embeds[0].fields[0].value, code: 'BASE_TYPE_MAX_LENGTH' },
      { embeds: [{ footer: { text: 'f'.repeat(2049) } }], path: (e) => e.embeds[0].footer.text, code: 'BASE_TYPE_MAX_LENGTH' },
      { embeds: [{ author: { name: 'a'.repeat(257) } }], path: (e) => e.embeds[0].author.name, code: 'BASE_TYPE_MAX_LENGTH' },
      { embeds: Array.from({ length: 11 }, () => ({ title: 'x' })), path: (e) => e.embeds, code: 'BASE_TYPE_MAX_LENGTH' },
      {
        embeds: [{ description: 'a'.repeat(4000) }, { description: 'b'.repeat(2001) }],
        path: (e) => e.embeds,
        code: 'MAX_EMBED_SIZE_EXCEEDED',
      },
      { embeds: [{ title: 'bad link', url: 'not a url' }], path: (e) => e.embeds[0].url, code: 'URL_TYPE_INVALID_URL' },
    ];
    for (const { embeds, path, code } of cases) {
      const error = await apiError(general.send({ embeds }));
      expect(error.code).toBe(50035);
      const errors = (error.rawError as { errors: unknown }).errors;
      expect(path(errors)).toMatchObject({ _errors: [expect.objectContaining({ code })] });
    }
    const accepted = await general.send({ embeds: [{ description: 'a'.repeat(4000) }, { description: 'b'.repeat(2000) }] });
    expect(accepted.embeds).toHaveLength(2);
  });

  it('rejects oversize components and an empty message', async () => {
    const button = (id: string, label = 'Go') => ({ type: 2, style: 1, custom_id: id, label });
    const row = (...components: object[]) => ({ type: 1, components });
    const tooManyRows = Array.from({ length: 6 }, (_, i) => row(button(`r${i}`)));
    const rejected = [
      { components: tooManyRows, path: (e: any) => e.components },
      { components: [row(...Array.from({ length: 6 }, (_, i) => button(`b${i}`)))], path: (e: any) => e.components[0].components },
      { components: [row(button('c'.repeat(101)))], path: (e: any) => e.components[0].components[0].custom_id },
      { components: [row(button('ok', 'l'.repeat(81)))], path: (e: any) => e.components[0].components[0].label },
    ];
    for (const { components, path } of rejected) {
      const error = await apiError(general.send({ content: 'pick', components: components as never }));
      expect(error.code).toBe(50035);
      expect(path((error.rawError as { errors: unknown }).errors)).toHaveProperty('_errors');
    }
    const empty = await apiError(general.send({ content: '   ' }));
    expect(empty.code).toBe(50006);
  });

  it('rejects a second acknowledgement with 40060 and still accepts the edit', async () => {
    const received = nextInteraction(client);
    const sent = emu.sendInteraction({ name: 'ask', options: { question: 'double' } });
    const interaction = await received;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    await interaction.deferReply();
    // discord.js refuses a second reply locally, so send the raw callback a buggy bot would send.
    const error = await apiError(
      client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
        body: { type: 4, data: { content: 'again' } },
        auth: false,
      }),
    );
    expect(error.status).toBe(400);
    expect(error.code).toBe(40060);
    await interaction.editReply('done');
    const transcript = emu.interactionResponses(sent.id);
    expect(transcript.callbackType).toBe(5);
    expect(transcript.calls.map((c) => c.status)).toEqual([204, 400, 200]);
    expect(transcript.original?.content).toBe('done');
  });

  it('answers a callback later than 3 seconds with 10062 Unknown interaction', async () => {
    const received = nextInteraction(client);
    const sent = emu.sendInteraction({ name: 'ask', options: { question: 'slow' } });
    const interaction = await received;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    emu.advanceClock(3_001);
    const error = await apiError(interaction.reply('too late'));
    expect(error.status).toBe(404);
    expect(error.code).toBe(10062);
    expect(emu.interactionResponses(sent.id).acknowledged).toBe(false);
  });

  it('keeps the interaction token for 15 minutes only', async () => {
    const received = nextInteraction(client);
    const sent = emu.sendInteraction({ name: 'ask', options: { question: 'long' } });
    const interaction = await received;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    await interaction.deferReply();
    emu.advanceClock(14 * 60_000);
    await interaction.editReply('still fine');
    emu.advanceClock(2 * 60_000);
    const error = await apiError(interaction.followUp('too late'));
    expect(error.status).toBe(401);
    expect(error.code).toBe(50027);
    expect(emu.interactionResponses(sent.id).original?.content).toBe('still fine');
  });

  it('records autocomplete choices and rejects more than 25 or over-long names', async () => {
    let received = nextInteraction(client);
    const first = emu.sendAutocomplete({ name: 'ask', focused: 'country', value: 'fra', options: { question: 'x' } });
    let interaction = await received;
    if (!interaction.isAutocomplete()) throw new Error('expected autocomplete');
    expect(interaction.options.getFocused(true)).toMatchObject({ name: 'country', value: 'fra' });
    await interaction.respond([{ name: 'France', value: 'FR' }]);
    expect(emu.interactionResponses(first.id).choices).toEqual([expect.objectContaining({ name: 'France', value: 'FR' })]);

    received = nextInteraction(client);
    const second = emu.sendAutocomplete({ name: 'ask', focused: 'country', value: '' });
    interaction = await received;
    if (!interaction.isAutocomplete()) throw new Error('expected autocomplete');
    const many = Array.from({ length: 26 }, (_, i) => ({ name: `Country ${i}`, value: `C${i}` }));
    const error = await apiError(interaction.respond(many));
    expect(error.code).toBe(50035);
    expect((error.rawError as any).errors.data.choices._errors[0].code).toBe('BASE_TYPE_MAX_LENGTH');
    expect(emu.interactionResponses(second.id).choices).toBeNull();

    received = nextInteraction(client);
    emu.sendAutocomplete({ name: 'ask', focused: 'country', value: 'x' });
    interaction = await received;
    if (!interaction.isAutocomplete()) throw new Error('expected autocomplete');
    const longName = await apiError(interaction.respond([{ name: 'n'.repeat(101), value: 'v' }]));
    expect((longName.rawError as any).errors.data.choices[0].name._errors[0].code).toBe('BASE_TYPE_BAD_LENGTH');
  });

  it('delivers a button click on a bot message and records the update', async () => {
    const message = await general.send({
      content: 'Page 1',
      components: [{ type: 1, components: [{ type: 2, style: 1, custom_id: 'page:2', label: 'Next' }] }],
    });
    const received = nextInteraction(client);
    const click = emu.clickButton({ customId: 'page:2', messageId: message.id });
    const interaction = await received;
    if (!interaction.isButton()) throw new Error('expected a button');
    expect(interaction.customId).toBe('page:2');
    expect(interaction.message.id).toBe(message.id);
    await interaction.update({ content: 'Page 2', components: [] });
    const transcript = await emu.waitForReply(click.id);
    expect(transcript.callbackType).toBe(7);
    expect(emu.message(message.id)?.content).toBe('Page 2');
    expect(() => emu.clickButton({ customId: 'page:3', messageId: message.id })).toThrow(/no component/);
  });

  it('dispatches a mention as MESSAGE_CREATE and records the reply with message_reference', async () => {
    const received = new Promise<Message>((resolve) => {
      const listener = (message: Message) => {
        if (message.author.bot) return;
        client.off(Events.MessageCreate, listener);
        resolve(message);
      };
      client.on(Events.MessageCreate, listener);
    });
    const messageId = emu.sendMention('what about Ukraine?');
    const message = await received;
    expect(message.id).toBe(messageId);
    expect(message.mentions.users.has(emu.botUserId)).toBe(true);
    expect(message.content).toContain('what about Ukraine?');

    await message.reply('Here is what I found.');
    const call = await emu.waitForCall((c) => c.route === SEND_ROUTE && (c.body as any)?.message_reference?.message_id === messageId);
    expect(call.status).toBe(200);
    expect(call.response).toMatchObject({ type: 19, referenced_message: { id: messageId } });
    // Without allowed_mentions a reply pings the author, as on Discord.
    expect((call.response as any).mentions.map((u: { id: string }) => u.id)).toContain(emu.userId);
  });

  it('hides content of messages that do not mention a bot without the MESSAGE_CONTENT intent', async () => {
    const received = once(client, Events.MessageCreate).then(([message]) => message as Message);
    const messageId = emu.sendMessage('just chatting', { user: emu.userIds[1] });
    const message = await received;
    expect(message.id).toBe(messageId);
    expect(message.content).toBe('');
    expect(emu.message(messageId)?.content).toBe('just chatting');
  });

  it('injects channel failures and rate limits', async () => {
    const lockedError = await apiError(
      client.rest.post(Routes.channelMessages(emu.channelByName('locked')), { body: { content: 'hi' } }),
    );
    expect(lockedError.code).toBe(50013);

    emu.failChannel(emu.channelId, 404);
    expect((await apiError(general.send('gone'))).code).toBe(10003);
    emu.failChannel(emu.channelId, 403);
    expect((await apiError(general.send('forbidden'))).code).toBe(50013);
    emu.failChannel(emu.channelId, null);

    const before = emu.calls.length;
    emu.rateLimitNext(1, 0.05, (r) => r.route === SEND_ROUTE);
    const sent = await general.send('after a 429');
    expect(sent.content).toBe('after a 429');
    const attempts = emu.calls.slice(before).filter((c) => c.route === SEND_ROUTE);
    expect(attempts.map((c) => c.status)).toEqual([429, 200]);
    expect(attempts[0]?.response).toEqual({ message: 'You are being rate limited.', retry_after: 0.05, global: false });
    expect(attempts[0]?.responseHeaders).toMatchObject({ 'Retry-After': '0.05', 'X-RateLimit-Remaining': '0' });
  });

  it('answers unknown routes and bad auth with Discord-shaped errors', async () => {
    const unknown = await fetch(`${emu.apiBase}/v10/does/not/exist`, { headers: { Authorization: `Bot ${emu.token}` } });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ message: '404: Not Found', code: 0 });
    const noAuth = await fetch(`${emu.apiBase}/v10/users/@me`);
    expect(noAuth.status).toBe(401);
    expect(await noAuth.json()).toEqual({ message: '401: Unauthorized', code: 0 });
    const unknownChannel = await apiError(client.rest.get(Routes.channel('123456789012345678')));
    expect(unknownChannel.code).toBe(10003);
  });

  it('resumes after an op 7 reconnect and keeps delivering interactions', async () => {
    const resumed = once(client, Events.ShardResume);
    emu.requestReconnect();
    await resumed;
    const received = nextInteraction(client);
    const sent = emu.sendInteraction({ name: 'ask', options: { question: 'after resume' } });
    const interaction = await received;
    expect(interaction.id).toBe(sent.id);
  });
});

describe('Discord emulator gateway protocol (raw WebSocket)', () => {
  let emu: DiscordEmulator;

  beforeAll(async () => {
    emu = await startEmulator({ heartbeatIntervalMs: 1_000, privilegedIntents: [] });
  });
  afterAll(async () => {
    await emu?.stop();
  });

  function connect(query = '?v=10&encoding=json'): { ws: WebSocket; next: () => Promise<any>; closed: Promise<number> } {
    const ws = new WebSocket(`${emu.gatewayUrl}${query}`);
    const queue: unknown[] = [];
    const waiting: Array<(value: unknown) => void> = [];
    ws.on('message', (data) => {
      const payload = JSON.parse(data.toString());
      const waiter = waiting.shift();
      if (waiter) waiter(payload);
      else queue.push(payload);
    });
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    const next = () => (queue.length > 0 ? Promise.resolve(queue.shift()) : new Promise((resolve) => waiting.push(resolve)));
    return { ws, next, closed };
  }

  it('says HELLO, acknowledges heartbeats, and sends READY then GUILD_CREATE on IDENTIFY', async () => {
    const { ws, next } = connect();
    const hello = await next();
    expect(hello).toEqual({ op: 10, d: expect.objectContaining({ heartbeat_interval: 1_000 }) });
    ws.send(JSON.stringify({ op: 1, d: null }));
    expect(await next()).toEqual({ op: 11 });
    ws.send(JSON.stringify({ op: 2, d: { token: emu.token, intents: 1, properties: { os: 'linux' } } }));
    const ready = await next();
    expect(ready).toMatchObject({ op: 0, t: 'READY', s: 1, d: { user: { id: emu.botUserId }, guilds: [{ id: emu.guildId, unavailable: true }] } });
    expect(ready.d.resume_gateway_url).toBe(emu.gatewayUrl);
    const guildCreate = await next();
    expect(guildCreate).toMatchObject({ t: 'GUILD_CREATE', s: 2, d: { id: emu.guildId, unavailable: false } });
    // Without GUILD_MEMBERS only the bot's own member is included.
    expect(guildCreate.d.members.map((m: { user: { id: string } }) => m.user.id)).toEqual([emu.botUserId]);
    // This session did not ask for GUILD_MESSAGES, so a mention cannot reach it.
    expect(() => emu.sendMention('hello?')).toThrow(/GuildMessages intent/);
    ws.close(1000);
  });

  it('closes with 4004 on a wrong token and 4014 on a disallowed privileged intent', async () => {
    const wrong = connect();
    await wrong.next();
    wrong.ws.send(JSON.stringify({ op: 2, d: { token: 'nope', intents: 1, properties: {} } }));
    expect(await wrong.closed).toBe(4004);

    const privileged = connect();
    await privileged.next();
    privileged.ws.send(JSON.stringify({ op: 2, d: { token: emu.token, intents: GatewayIntentBits.MessageContent, properties: {} } }));
    expect(await privileged.closed).toBe(4014);
  });

  it('speaks zlib-stream when asked', async () => {
    const ws = new WebSocket(`${emu.gatewayUrl}?v=10&encoding=json&compress=zlib-stream`);
    const inflate = createInflate({ finishFlush: zlibConstants.Z_SYNC_FLUSH });
    const frames: Buffer[] = [];
    const hello = await new Promise<any>((resolve) => {
      ws.once('message', (data: Buffer) => {
        frames.push(data);
        inflate.write(data, () => resolve(JSON.parse(inflate.read()?.toString() ?? 'null')));
      });
    });
    expect(hello).toMatchObject({ op: 10 });
    expect(frames[0]?.subarray(-4)).toEqual(Buffer.from([0x00, 0x00, 0xff, 0xff]));
    expect(() => inflateSync(frames[0]!)).toThrow(); // a stream chunk, not a complete zlib document
    inflate.close();
    ws.close(1000);
  });
});
