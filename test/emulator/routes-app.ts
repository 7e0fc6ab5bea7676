import { HttpErrors } from './discord-errors.js';
import type { EmulatorCore } from './core.js';
import type { Route } from './rest-server.js';

/** Gateway discovery, the bot's identity, its application, and read-only guild data. */
export function appRoutes(core: EmulatorCore): Route[] {
  const { world } = core;
  const requireGuild = (guildId: string | undefined) => {
    const guild = world.guilds.get(guildId ?? '');
    if (!guild) throw HttpErrors.unknownGuild();
    return guild;
  };
  return [
    {
      method: 'GET',
      pattern: '/gateway',
      auth: false,
      handle: () => ({ status: 200, body: { url: core.gatewayUrl() } }),
    },
    {
      method: 'GET',
      pattern: '/gateway/bot',
      auth: true,
      handle: () => ({
        status: 200,
        body: {
          url: core.gatewayUrl(),
          shards: 1,
          session_start_limit: {
            total: 1000,
            remaining: Math.max(0, 1000 - core.gateway.identifies.length),
            reset_after: 86_400_000,
            max_concurrency: 1,
          },
        },
      }),
    },
    {
      method: 'GET',
      pattern: '/users/@me',
      auth: true,
      handle: () => ({
        status: 200,
        body: { ...world.apiUser(world.bot), verified: true, mfa_enabled: false, email: null, locale: 'en-US' },
      }),
    },
    {
      method: 'GET',
      pattern: '/users/:userId',
      auth: true,
      handle: ({ params }) => {
        const user = world.users.get(params.userId ?? '');
        if (!user) throw HttpErrors.unknownUser();
        return { status: 200, body: world.apiUser(user) };
      },
    },
    ...['/applications/@me', '/oauth2/applications/@me'].map(
      (pattern): Route => ({
        method: 'GET',
        pattern,
        auth: true,
        handle: () => ({ status: 200, body: world.apiApplication() }),
      }),
    ),
    {
      method: 'GET',
      pattern: '/guilds/:guildId',
      auth: true,
      handle: ({ params, query }) => {
        const guild = requireGuild(params.guildId);
        const counts =
          query.get('with_counts') === 'true'
            ? { approximate_member_count: guild.members.size, approximate_presence_count: 0 }
            : {};
        return { status: 200, body: { ...world.apiGuild(guild), ...counts } };
      },
    },
    {
      method: 'GET',
      pattern: '/guilds/:guildId/channels',
      auth: true,
      handle: ({ params }) => {
        const guild = requireGuild(params.guildId);
        return { status: 200, body: guild.channelIds.map((id) => world.apiChannel(world.requireChannel(id))) };
      },
    },
    {
      method: 'GET',
      pattern: '/guilds/:guildId/roles',
      auth: true,
      handle: ({ params }) => ({ status: 200, body: requireGuild(params.guildId).roles.map((r) => world.apiRole(r)) }),
    },
    {
      method: 'GET',
      pattern: '/guilds/:guildId/members/:userId',
      auth: true,
      handle: ({ params }) => {
        const guild = requireGuild(params.guildId);
        if (!guild.members.has(params.userId ?? '')) throw HttpErrors.unknownMember();
        return { status: 200, body: world.apiMember(guild, params.userId ?? '', true) };
      },
    },
  ];
}
