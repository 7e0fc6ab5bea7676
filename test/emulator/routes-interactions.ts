import type { APIMessage } from 'discord.js';
import { dispatchMessageDelete, dispatchMessageEvent, type EmulatorCore } from './core.js';
import { FormErrors, HttpErrors, isRecord } from './discord-errors.js';
import { CallbackType, InteractionType, type InteractionRecord } from './interactions.js';
import { MessageType } from './messages.js';
import type { Route, RouteRequest } from './rest-server.js';
import {
  isEmptyMessage,
  MessageFlag,
  validateAutocompleteChoices,
  validateMessagePayload,
  validateModal,
} from './validate-message.js';

const ALLOWED_CALLBACKS: Record<number, number[]> = {
  [InteractionType.ApplicationCommand]: [4, 5, 9],
  [InteractionType.MessageComponent]: [4, 5, 6, 7, 9],
  [InteractionType.Autocomplete]: [8],
  [InteractionType.ModalSubmit]: [4, 5, 6, 7],
};

/** Interaction callbacks and the interaction webhook (@original, follow-ups). */
export function interactionRoutes(core: EmulatorCore): Route[] {
  const { world, messages, interactions, clock } = core;

  const interactionMetadata = (record: InteractionRecord): Record<string, unknown> => ({
    id: record.sent.id,
    type: record.type,
    user: world.apiUser(record.user),
    authorizing_integration_owners: record.payload.authorizing_integration_owners,
    ...(record.commandName ? { name: record.commandName, command_type: record.commandType } : {}),
    ...(record.sourceMessageId ? { interacted_message_id: record.sourceMessageId } : {}),
  });

  const createResponseMessage = (record: InteractionRecord, payload: Record<string, unknown>, request: RouteRequest, extraFlags = 0): APIMessage => {
    const type =
      record.type === InteractionType.ApplicationCommand
        ? record.commandType === 1
          ? MessageType.ChatInputCommand
          : MessageType.ContextMenuCommand
        : MessageType.Default;
    const message = messages.create({
      channel: record.channel,
      author: world.bot,
      payload,
      files: request.files,
      type,
      webhookId: world.applicationId,
      interactionMetadata: interactionMetadata(record),
      extraFlags,
      canMentionEveryone: true,
    });
    dispatchMessageEvent(core, 'MESSAGE_CREATE', message);
    return message;
  };

  const editMessage = (id: string, payload: Record<string, unknown>, request: RouteRequest): APIMessage => {
    const existing = messages.get(id);
    if (!existing) throw HttpErrors.unknownMessage();
    const merged = { ...existing, ...payload, attachments: [...existing.attachments, ...request.files] };
    if (isRecord(payload) && Array.isArray(payload.attachments)) merged.attachments = [...payload.attachments, ...request.files];
    if (isEmptyMessage(merged)) throw HttpErrors.emptyMessage();
    const message = messages.edit(id, payload, request.files);
    dispatchMessageEvent(core, 'MESSAGE_UPDATE', message);
    return message;
  };

  const validated = (path: string[], body: unknown, allowEphemeral: boolean): Record<string, unknown> => {
    const errors = new FormErrors();
    validateMessagePayload(errors, path, body, { allowEphemeral });
    errors.throwIfAny();
    return body as Record<string, unknown>;
  };

  const callback = (request: RouteRequest) => {
    const record = interactions.get(request.params.interactionId ?? '');
    if (!record || record.sent.token !== request.params.interactionToken) throw HttpErrors.unknownInteraction();
    if (record.callbackType !== null) throw HttpErrors.alreadyAcknowledged();
    if (clock.now() - record.sent.dispatchedAt > core.ackDeadlineMs) throw HttpErrors.unknownInteraction();

    const body = request.body;
    const errors = new FormErrors();
    if (!isRecord(body) || !Number.isInteger(body.type)) {
      errors.add(['type'], 'BASE_TYPE_REQUIRED', 'This field is required');
      errors.throwIfAny();
    }
    const { type, data } = body as { type: number; data?: unknown };
    const allowed = ALLOWED_CALLBACKS[record.type] ?? [];
    if (!allowed.includes(type)) {
      errors.add(['type'], 'INTERACTION_CALLBACK_TYPE_INVALID', `Value must be one of {${allowed.join(', ')}} for this interaction.`);
      errors.throwIfAny();
    }

    let responseMessage: APIMessage | undefined;
    switch (type) {
      case CallbackType.ChannelMessageWithSource: {
        const payload = validated(['data'], data ?? {}, true);
        if (isEmptyMessage({ ...payload, attachments: request.files })) throw HttpErrors.emptyMessage();
        responseMessage = createResponseMessage(record, payload, request);
        record.originalMessageId = responseMessage.id;
        break;
      }
      case CallbackType.DeferredChannelMessageWithSource: {
        const flags = isRecord(data) && typeof data.flags === 'number' ? data.flags & MessageFlag.Ephemeral : 0;
        responseMessage = createResponseMessage(record, { content: '', flags }, request, MessageFlag.Loading);
        record.originalMessageId = responseMessage.id;
        break;
      }
      case CallbackType.DeferredMessageUpdate:
        record.originalMessageId = record.sourceMessageId;
        break;
      case CallbackType.UpdateMessage: {
        const payload = validated(['data'], data ?? {}, false);
        record.originalMessageId = record.sourceMessageId;
        responseMessage = editMessage(record.sourceMessageId ?? '', payload, request);
        break;
      }
      case CallbackType.AutocompleteResult: {
        validateAutocompleteChoices(errors, ['data'], data);
        errors.throwIfAny();
        record.choices = structuredClone((data as { choices: Record<string, unknown>[] }).choices);
        break;
      }
      case CallbackType.Modal: {
        validateModal(errors, ['data'], data);
        errors.throwIfAny();
        record.modal = structuredClone(data as Record<string, unknown>);
        break;
      }
    }
    record.callbackType = type;

    if (request.query.get('with_response') !== 'true') return { status: 204 };
    return {
      status: 200,
      body: {
        interaction: {
          id: record.sent.id,
          type: record.type,
          ...(responseMessage
            ? {
                response_message_id: responseMessage.id,
                response_message_loading: ((responseMessage.flags ?? 0) & MessageFlag.Loading) !== 0,
                response_message_ephemeral: ((responseMessage.flags ?? 0) & MessageFlag.Ephemeral) !== 0,
              }
            : {}),
        },
        resource: { type, ...(responseMessage ? { message: responseMessage } : {}) },
      },
    };
  };

  /** The interaction behind a webhook token, if the token is still usable. */
  const tokenRecord = (request: RouteRequest): InteractionRecord => {
    if (request.params.applicationId !== world.applicationId) throw HttpErrors.unknownWebhook();
    const record = interactions.getByToken(request.params.token ?? '');
    if (!record) throw HttpErrors.invalidWebhookToken();
    if (clock.now() - record.sent.dispatchedAt > core.tokenLifetimeMs) throw HttpErrors.invalidWebhookToken();
    // Autocomplete has no webhook, and before the first callback the webhook does not exist yet.
    if (record.type === InteractionType.Autocomplete || record.callbackType === null) throw HttpErrors.unknownWebhook();
    return record;
  };

  const targetMessageId = (record: InteractionRecord, messageId: string | undefined): string => {
    if (messageId === '@original') {
      if (!record.originalMessageId || !messages.get(record.originalMessageId)) throw HttpErrors.unknownMessage();
      return record.originalMessageId;
    }
    if (!messageId || (messageId !== record.originalMessageId && !record.followUpIds.includes(messageId)) || !messages.get(messageId)) {
      throw HttpErrors.unknownMessage();
    }
    return messageId;
  };

  const webhookMessage = '/webhooks/:applicationId/:token/messages/:messageId';
  return [
    { method: 'POST', pattern: '/interactions/:interactionId/:interactionToken/callback', auth: false, handle: callback },
    {
      method: 'GET',
      pattern: webhookMessage,
      auth: false,
      handle: (request) => {
        const record = tokenRecord(request);
        return { status: 200, body: messages.get(targetMessageId(record, request.params.messageId)) };
      },
    },
    {
      method: 'PATCH',
      pattern: webhookMessage,
      auth: false,
      handle: (request) => {
        const record = tokenRecord(request);
        const id = targetMessageId(record, request.params.messageId);
        const payload = validated([], request.body ?? {}, true);
        return { status: 200, body: editMessage(id, payload, request) };
      },
    },
    {
      method: 'DELETE',
      pattern: webhookMessage,
      auth: false,
      handle: (request) => {
        const record = tokenRecord(request);
        const id = targetMessageId(record, request.params.messageId);
        const existing = messages.get(id);
        messages.delete(id);
        if (existing) dispatchMessageDelete(core, existing);
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      pattern: '/webhooks/:applicationId/:token',
      auth: false,
      handle: (request) => {
        const record = tokenRecord(request);
        const payload = validated([], request.body ?? {}, true);
        if (isEmptyMessage({ ...payload, attachments: request.files })) throw HttpErrors.emptyMessage();
        let message: APIMessage;
        // Discord fills a deferred reply's "thinking…" message with the first follow-up.
        if (record.originalMessageId && messages.isLoading(record.originalMessageId)) {
          message = editMessage(record.originalMessageId, payload, request);
        } else {
          message = createResponseMessage(record, payload, request);
          record.followUpIds.push(message.id);
        }
        if (request.query.get('wait') !== 'true') return { status: 204 };
        return { status: 200, body: message };
      },
    },
  ];
}
