import type { APIMessage } from 'discord.js';
import { dispatchMessageDelete, dispatchMessageEvent, type EmulatorCore } from './core.js';
import { FormErrors, HttpErrors, isRecord } from './discord-errors.js';
import { Permission } from './permissions.js';
import type { Route, RouteRequest } from './rest-server.js';
import { isEmptyMessage, validateMessagePayload } from './validate-message.js';
import type { ChannelRecord } from './world.js';

/** Channels as the bot sees them: fetch, send (incl. replies), edit, delete, typing, open DMs. */
export function channelRoutes(core: EmulatorCore): Route[] {
  const { world, messages } = core;
  const botId = world.bot.id;
  const has = (channel: ChannelRecord, permission: bigint) => (world.permissionsIn(channel, botId) & permission) === permission;

  /** A channel the bot can see; Discord answers 10003 for unknown ids and 50001 for hidden ones. */
  const visibleChannel = (request: RouteRequest): ChannelRecord => {
    const channel = world.channels.get(request.params.channelId ?? '');
    if (!channel) throw HttpErrors.unknownChannel();
    if (!has(channel, Permission.ViewChannel)) throw HttpErrors.missingAccess();
    return channel;
  };

  const messageIn = (channel: ChannelRecord, messageId: string | undefined): APIMessage => {
    const message = messages.get(messageId ?? '');
    if (!message || message.channel_id !== channel.id) throw HttpErrors.unknownMessage();
    return message;
  };

  const sendableChannel = (request: RouteRequest): ChannelRecord => {
    const channel = visibleChannel(request);
    if (!world.isTextBased(channel)) throw HttpErrors.nonTextChannel();
    if (!has(channel, Permission.SendMessages)) throw HttpErrors.missingPermissions();
    return channel;
  };

  return [
    {
      method: 'GET',
      pattern: '/channels/:channelId',
      auth: true,
      handle: (request) => ({ status: 200, body: world.apiChannel(visibleChannel(request)) }),
    },
    {
      method: 'GET',
      pattern: '/channels/:channelId/messages',
      auth: true,
      handle: (request) => {
        const channel = visibleChannel(request);
        if (!has(channel, Permission.ReadMessageHistory)) return { status: 200, body: [] };
        const limit = Math.min(100, Math.max(1, Number(request.query.get('limit') ?? 50) || 50));
        return { status: 200, body: messages.inChannel(channel.id).reverse().slice(0, limit) };
      },
    },
    {
      method: 'GET',
      pattern: '/channels/:channelId/messages/:messageId',
      auth: true,
      handle: (request) => {
        const channel = visibleChannel(request);
        if (!has(channel, Permission.ReadMessageHistory)) throw HttpErrors.missingAccess();
        return { status: 200, body: messageIn(channel, request.params.messageId) };
      },
    },
    {
      method: 'POST',
      pattern: '/channels/:channelId/messages',
      auth: true,
      handle: (request) => {
        const channel = sendableChannel(request);
        const errors = new FormErrors();
        validateMessagePayload(errors, [], request.body, { allowEphemeral: false });
        errors.throwIfAny();
        const payload = { ...(request.body as Record<string, unknown>) };

        let referenced: APIMessage | undefined;
        if (isRecord(payload.message_reference)) {
          const ref = payload.message_reference;
          const refChannelId = typeof ref.channel_id === 'string' ? ref.channel_id : channel.id;
          const target = messages.get(String(ref.message_id));
          if (target && target.channel_id === refChannelId) referenced = target;
          else if (ref.fail_if_not_exists !== false) {
            errors.add(['message_reference'], 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', 'Unknown message');
            errors.throwIfAny();
          }
        }
        if (request.files.length > 0 && !has(channel, Permission.AttachFiles)) throw HttpErrors.missingPermissions();
        // Without EMBED_LINKS Discord accepts the message but drops its embeds.
        if (!has(channel, Permission.EmbedLinks)) delete payload.embeds;
        if (isEmptyMessage({ ...payload, attachments: request.files })) throw HttpErrors.emptyMessage();

        const message = messages.create({
          channel,
          author: world.bot,
          payload,
          files: request.files,
          canMentionEveryone: has(channel, Permission.MentionEveryone),
          ...(referenced ? { referenced } : {}),
        });
        dispatchMessageEvent(core, 'MESSAGE_CREATE', message);
        return { status: 200, body: message };
      },
    },
    {
      method: 'PATCH',
      pattern: '/channels/:channelId/messages/:messageId',
      auth: true,
      handle: (request) => {
        const channel = visibleChannel(request);
        const existing = messageIn(channel, request.params.messageId);
        if (existing.author.id !== botId) throw HttpErrors.cannotEditOthersMessage();
        const errors = new FormErrors();
        validateMessagePayload(errors, [], request.body, { allowEphemeral: false });
        errors.throwIfAny();
        const payload = request.body as Record<string, unknown>;
        if (isEmptyMessage({ ...existing, ...payload, attachments: [...existing.attachments, ...request.files] })) {
          throw HttpErrors.emptyMessage();
        }
        const message = messages.edit(existing.id, payload, request.files);
        dispatchMessageEvent(core, 'MESSAGE_UPDATE', message);
        return { status: 200, body: message };
      },
    },
    {
      method: 'DELETE',
      pattern: '/channels/:channelId/messages/:messageId',
      auth: true,
      handle: (request) => {
        const channel = visibleChannel(request);
        const existing = messageIn(channel, request.params.messageId);
        if (existing.author.id !== botId && !has(channel, Permission.ManageMessages)) throw HttpErrors.missingPermissions();
        messages.delete(existing.id);
        dispatchMessageDelete(core, existing);
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      pattern: '/channels/:channelId/typing',
      auth: true,
      handle: (request) => {
        sendableChannel(request);
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      pattern: '/users/@me/channels',
      auth: true,
      handle: ({ body }) => {
        const recipientId = isRecord(body) ? body.recipient_id : undefined;
        const user = typeof recipientId === 'string' ? world.users.get(recipientId) : undefined;
        if (!user || user.bot) throw HttpErrors.invalidRecipients();
        return { status: 200, body: world.apiChannel(world.dmChannelFor(user.id)) };
      },
    },
  ];
}
