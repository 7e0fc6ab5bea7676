import { validateCommandBody } from './commands.js';
import { FormErrors, HttpErrors, isRecord } from './discord-errors.js';
import type { EmulatorCore } from './core.js';
import type { Route, RouteRequest } from './rest-server.js';

const MAX_COMMANDS_PER_TYPE: Record<number, number> = { 1: 100, 2: 15, 3: 15 };

/** Application command registration, global (`/applications/:id/commands`) and per guild. */
export function commandRoutes(core: EmulatorCore): Route[] {
  const { world, commands } = core;

  /** Returns the guild id of a guild-scoped route, `null` for global ones. */
  const scopeOf = ({ params }: RouteRequest): string | null => {
    if (params.applicationId !== world.applicationId) throw HttpErrors.missingAccess();
    if (params.guildId === undefined) return null;
    if (!world.guilds.has(params.guildId)) throw HttpErrors.missingAccess();
    return params.guildId;
  };

  const validateOne = (body: unknown): Record<string, unknown> => {
    const errors = new FormErrors();
    validateCommandBody(errors, [], body);
    errors.throwIfAny();
    return body as Record<string, unknown>;
  };

  const routes: Route[] = [];
  for (const base of ['/applications/:applicationId/commands', '/applications/:applicationId/guilds/:guildId/commands']) {
    routes.push(
      {
        method: 'GET',
        pattern: base,
        auth: true,
        handle: (request) => ({ status: 200, body: commands.list(scopeOf(request)) }),
      },
      {
        method: 'PUT',
        pattern: base,
        auth: true,
        handle: (request) => {
          const scope = scopeOf(request);
          const errors = new FormErrors();
          if (!Array.isArray(request.body)) {
            errors.add([], 'BASE_TYPE_LIST', 'Must be a list.');
            errors.throwIfAny();
          }
          const bodies = request.body as unknown[];
          const seen = new Set<string>();
          const perType = new Map<number, number>();
          bodies.forEach((body, index) => {
            validateCommandBody(errors, [index], body);
            if (!isRecord(body)) return;
            const type = typeof body.type === 'number' ? body.type : 1;
            const key = `${type}:${String(body.name)}`;
            if (seen.has(key)) errors.add([index, 'name'], 'APPLICATION_COMMANDS_DUPLICATE_NAME', 'Application command names must be unique');
            seen.add(key);
            perType.set(type, (perType.get(type) ?? 0) + 1);
          });
          for (const [type, count] of perType) {
            const max = MAX_COMMANDS_PER_TYPE[type] ?? 100;
            if (count > max) errors.add([], 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
          }
          errors.throwIfAny();
          return { status: 200, body: commands.overwrite(scope, bodies as Record<string, unknown>[]) };
        },
      },
      {
        method: 'POST',
        pattern: base,
        auth: true,
        handle: (request) => {
          const scope = scopeOf(request);
          const { command, created } = commands.upsert(scope, validateOne(request.body));
          return { status: created ? 201 : 200, body: command };
        },
      },
      {
        method: 'GET',
        pattern: `${base}/:commandId`,
        auth: true,
        handle: (request) => {
          const command = commands.get(scopeOf(request), request.params.commandId ?? '');
          if (!command) throw HttpErrors.unknownCommand();
          return { status: 200, body: command };
        },
      },
      {
        method: 'PATCH',
        pattern: `${base}/:commandId`,
        auth: true,
        handle: (request) => {
          const scope = scopeOf(request);
          const existing = commands.get(scope, request.params.commandId ?? '');
          if (!existing) throw HttpErrors.unknownCommand();
          if (!isRecord(request.body)) throw HttpErrors.badRequest();
          validateOne({ ...existing, ...request.body });
          return { status: 200, body: commands.edit(scope, existing.id, request.body) };
        },
      },
      {
        method: 'DELETE',
        pattern: `${base}/:commandId`,
        auth: true,
        handle: (request) => {
          if (!commands.delete(scopeOf(request), request.params.commandId ?? '')) throw HttpErrors.unknownCommand();
          return { status: 204 };
        },
      },
    );
  }
  return routes;
}
