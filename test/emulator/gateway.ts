import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { constants as zlibConstants, createDeflate, type Deflate } from 'node:zlib';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { isRecord } from './discord-errors.js';
import type { IdentifyInfo } from './types.js';
import type { World } from './world.js';

export const Intent = {
  Guilds: 1 << 0,
  GuildMembers: 1 << 1,
  GuildPresences: 1 << 8,
  GuildMessages: 1 << 9,
  DirectMessages: 1 << 12,
  MessageContent: 1 << 15,
} as const;

const PRIVILEGED = [
  ['GuildMembers', Intent.GuildMembers],
  ['GuildPresences', Intent.GuildPresences],
  ['MessageContent', Intent.MessageContent],
] as const;

const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  PresenceUpdate: 3,
  VoiceStateUpdate: 4,
  Resume: 6,
  Reconnect: 7,
  RequestGuildMembers: 8,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

const Close = {
  UnknownOpcode: 4001,
  DecodeError: 4002,
  NotAuthenticated: 4003,
  AuthenticationFailed: 4004,
  AlreadyAuthenticated: 4005,
  InvalidApiVersion: 4012,
  InvalidIntents: 4013,
  DisallowedIntents: 4014,
} as const;

const MAX_BUFFERED_EVENTS = 1000;

interface DispatchedEvent {
  op: 0;
  t: string;
  s: number;
  d: unknown;
}

interface Session {
  id: string;
  identify: IdentifyInfo;
  seq: number;
  events: DispatchedEvent[];
  connection: Connection | null;
}

/** One WebSocket, optionally zlib-stream compressed (a single deflate context per connection). */
class Connection {
  session: Session | null = null;
  private sendChain: Promise<void> = Promise.resolve();

  constructor(
    readonly socket: WebSocket,
    private readonly deflate: Deflate | null,
  ) {}

  send(payload: unknown): void {
    const json = JSON.stringify(payload);
    const deflate = this.deflate;
    if (!deflate) {
      if (this.socket.readyState === this.socket.OPEN) this.socket.send(json);
      return;
    }
    this.sendChain = this.sendChain.then(
      () =>
        new Promise<void>((resolve) => {
          const chunks: Buffer[] = [];
          const collect = (chunk: Buffer) => chunks.push(chunk);
          deflate.on('data', collect);
          deflate.write(json);
          deflate.flush(zlibConstants.Z_SYNC_FLUSH, () => {
            deflate.off('data', collect);
            if (this.socket.readyState === this.socket.OPEN) this.socket.send(Buffer.concat(chunks));
            resolve();
          });
        }),
    );
  }

  close(code: number, reason: string): void {
    this.socket.close(code, reason);
  }

  dispose(): void {
    this.deflate?.close();
  }
}

export interface GatewayDeps {
  world: World;
  token: string;
  heartbeatIntervalMs: number;
  gatewayUrl: () => string;
  onChange: () => void;
}

export interface DispatchTarget {
  /** Intent bits the session must have requested to receive the event. */
  requiredIntents?: number;
  /** Per-session payload adjustment (e.g. hiding message content); `null` skips the session. */
  shape?: (data: Record<string, unknown>, intents: number) => Record<string, unknown> | null;
}

/** The gateway: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME and injected dispatches. */
export class Gateway {
  readonly identifies: IdentifyInfo[] = [];
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly connections = new Set<Connection>();
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly deps: GatewayDeps) {}

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/gateway') {
      socket.destroy();
      return;
    }
    this.server.handleUpgrade(request, socket, head, (ws) => this.accept(ws, url.searchParams));
  }

  /** Sessions that receive dispatches now or will get them replayed on RESUME. */
  get liveSessionCount(): number {
    return this.sessions.size;
  }

  /** Sends an event to every session that qualifies; returns how many sessions it went to. */
  dispatch(event: string, data: Record<string, unknown>, target: DispatchTarget = {}): number {
    let delivered = 0;
    for (const session of this.sessions.values()) {
      const intents = session.identify.intents;
      const required = target.requiredIntents ?? 0;
      if ((intents & required) !== required) continue;
      const shaped = target.shape ? target.shape(structuredClone(data), intents) : structuredClone(data);
      if (shaped === null) continue;
      this.sendDispatch(session, event, shaped);
      delivered++;
    }
    return delivered;
  }

  /** Asks every connected client to reconnect (op 7); discord.js then resumes. */
  requestReconnect(): void {
    for (const connection of this.connections) connection.send({ op: Op.Reconnect, d: null });
  }

  close(): Promise<void> {
    for (const connection of this.connections) {
      connection.socket.terminate();
      connection.dispose();
    }
    this.connections.clear();
    this.sessions.clear();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private accept(ws: WebSocket, query: URLSearchParams): void {
    const compress = query.get('compress');
    const connection = new Connection(ws, compress === 'zlib-stream' ? createDeflate() : null);
    this.connections.add(connection);
    ws.on('message', (raw, isBinary) => this.onMessage(connection, raw, isBinary));
    ws.on('close', (code) => this.onClose(connection, code));
    ws.on('error', () => ws.terminate());

    if (query.get('v') !== '10') {
      connection.close(Close.InvalidApiVersion, 'Invalid API version');
      return;
    }
    if ((query.get('encoding') ?? 'json') !== 'json') {
      connection.close(Close.DecodeError, 'Only encoding=json is emulated');
      return;
    }
    connection.send({ op: Op.Hello, d: { heartbeat_interval: this.deps.heartbeatIntervalMs, _trace: ['["emulator",{}]'] } });
  }

  private onClose(connection: Connection, code: number): void {
    this.connections.delete(connection);
    connection.dispose();
    const session = connection.session;
    if (!session) return;
    session.connection = null;
    // A normal close ends the session on Discord; any other code leaves it resumable.
    if (code === 1000 || code === 1001) this.sessions.delete(session.id);
  }

  private onMessage(connection: Connection, raw: RawData, isBinary: boolean): void {
    let payload: unknown;
    try {
      if (isBinary) throw new Error('binary frames are not accepted from clients');
      payload = JSON.parse(raw.toString());
    } catch {
      connection.close(Close.DecodeError, 'Decode error');
      return;
    }
    if (!isRecord(payload) || typeof payload.op !== 'number') {
      connection.close(Close.DecodeError, 'Decode error');
      return;
    }
    const data = isRecord(payload.d) ? payload.d : {};
    switch (payload.op) {
      case Op.Heartbeat:
        connection.send({ op: Op.HeartbeatAck });
        return;
      case Op.Identify:
        this.identify(connection, data);
        return;
      case Op.Resume:
        this.resume(connection, data);
        return;
      case Op.PresenceUpdate:
      case Op.VoiceStateUpdate:
        if (!connection.session) connection.close(Close.NotAuthenticated, 'Not authenticated');
        return;
      case Op.RequestGuildMembers:
        if (!connection.session) connection.close(Close.NotAuthenticated, 'Not authenticated');
        else this.sendMemberChunk(connection.session, data);
        return;
      default:
        connection.close(Close.UnknownOpcode, 'Unknown opcode');
    }
  }

  private identify(connection: Connection, data: Record<string, unknown>): void {
    if (connection.session) {
      connection.close(Close.AlreadyAuthenticated, 'Already authenticated');
      return;
    }
    if (data.token !== this.deps.token) {
      connection.close(Close.AuthenticationFailed, 'Authentication failed');
      return;
    }
    const intents = data.intents;
    if (typeof intents !== 'number' || !Number.isInteger(intents) || intents < 0) {
      connection.close(Close.InvalidIntents, 'Invalid intent(s)');
      return;
    }
    const { world } = this.deps;
    for (const [name, bit] of PRIVILEGED) {
      if (intents & bit && !world.privilegedIntents.has(name)) {
        connection.close(Close.DisallowedIntents, 'Disallowed intent(s)');
        return;
      }
    }
    const shard = Array.isArray(data.shard) && data.shard.length === 2 ? (data.shard as [number, number]) : null;
    const session: Session = {
      id: randomBytes(16).toString('hex'),
      identify: {
        token: String(data.token),
        intents,
        shard,
        properties: isRecord(data.properties) ? data.properties : {},
        sessionId: '',
      },
      seq: 0,
      events: [],
      connection,
    };
    session.identify.sessionId = session.id;
    connection.session = session;
    this.sessions.set(session.id, session);

    this.sendDispatch(session, 'READY', {
      v: 10,
      user: { ...world.apiUser(world.bot), verified: true, mfa_enabled: false, email: null },
      guilds: [...world.guilds.keys()].map((id) => ({ id, unavailable: true })),
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: this.deps.gatewayUrl(),
      shard: shard ?? [0, 1],
      application: { id: world.applicationId, flags: world.applicationFlags },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: ['us-east'],
      user_settings: {},
      auth: {},
      _trace: ['["emulator",{}]'],
    });
    // Without the GUILDS intent Discord sends no GUILD_CREATE; discord.js then stops waiting at once.
    if (intents & Intent.Guilds) {
      for (const guild of world.guilds.values()) {
        this.sendDispatch(session, 'GUILD_CREATE', world.guildCreate(guild, (intents & Intent.GuildMembers) !== 0));
      }
    }
    this.identifies.push(session.identify);
    this.deps.onChange();
  }

  private resume(connection: Connection, data: Record<string, unknown>): void {
    if (connection.session) {
      connection.close(Close.AlreadyAuthenticated, 'Already authenticated');
      return;
    }
    if (data.token !== this.deps.token) {
      connection.close(Close.AuthenticationFailed, 'Authentication failed');
      return;
    }
    const session = typeof data.session_id === 'string' ? this.sessions.get(data.session_id) : undefined;
    if (!session) {
      connection.send({ op: Op.InvalidSession, d: false });
      return;
    }
    session.connection?.close(4009, 'Session resumed elsewhere');
    session.connection = connection;
    connection.session = session;
    const after = typeof data.seq === 'number' ? data.seq : 0;
    for (const event of session.events) {
      if (event.s > after) connection.send(event);
    }
    this.sendDispatch(session, 'RESUMED', { _trace: ['["emulator",{}]'] });
    this.deps.onChange();
  }

  private sendMemberChunk(session: Session, data: Record<string, unknown>): void {
    const { world } = this.deps;
    const guild = typeof data.guild_id === 'string' ? world.guilds.get(data.guild_id) : undefined;
    if (!guild) return;
    const wanted = Array.isArray(data.user_ids) ? new Set(data.user_ids.map(String)) : null;
    const prefix = typeof data.query === 'string' ? data.query.toLowerCase() : '';
    const members = [...guild.members.keys()]
      .filter((id) => (wanted ? wanted.has(id) : world.requireUser(id).username.toLowerCase().startsWith(prefix)))
      .map((id) => world.apiMember(guild, id, true));
    this.sendDispatch(session, 'GUILD_MEMBERS_CHUNK', {
      guild_id: guild.id,
      members,
      chunk_index: 0,
      chunk_count: 1,
      not_found: [],
      ...(data.nonce !== undefined ? { nonce: data.nonce } : {}),
    });
  }

  private sendDispatch(session: Session, event: string, data: unknown): void {
    session.seq += 1;
    const payload: DispatchedEvent = { op: Op.Dispatch, t: event, s: session.seq, d: data };
    session.events.push(payload);
    if (session.events.length > MAX_BUFFERED_EVENTS) session.events.shift();
    session.connection?.send(payload);
  }
}
