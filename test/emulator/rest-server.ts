import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { EmulatorClock } from './clock.js';
import { DiscordHttpError, HttpErrors } from './discord-errors.js';
import type { FaultInjector } from './faults.js';
import type { RecordedCall, RecordedFile } from './types.js';

export interface RouteRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
  files: RecordedFile[];
}

export interface RouteResult {
  status: number;
  body?: unknown;
}

export interface Route {
  method: string;
  /** e.g. `/channels/:channelId/messages` */
  pattern: string;
  /** Requires `Authorization: Bot <token>`; interaction and webhook routes do not. */
  auth: boolean;
  handle: (request: RouteRequest) => RouteResult | Promise<RouteResult>;
}

interface CompiledRoute extends Route {
  regex: RegExp;
  names: string[];
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.pattern
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { ...route, regex: new RegExp(`^${source}$`), names };
}

export interface RestServerDeps {
  routes: Route[];
  token: string;
  clock: EmulatorClock;
  faults: FaultInjector;
  record: (call: Omit<RecordedCall, 'seq'>) => void;
  /** Ties a call to an interaction from its route params (interaction id or webhook token). */
  interactionIdFor: (params: Record<string, string>) => string | undefined;
  onUpgrade: (request: IncomingMessage, socket: Duplex, head: Buffer) => void;
}

const SUPPORTED_VERSIONS = new Set(['10', '9']);

/** One HTTP server for the REST API (`/api/v10/...`) and the gateway upgrade (`/gateway`). */
export class RestServer {
  private readonly server: Server;
  private readonly routes: CompiledRoute[];

  constructor(private readonly deps: RestServerDeps) {
    this.routes = deps.routes.map(compile);
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        // A bug in the emulator itself: answer 500 so the client sees it, and keep serving.
        console.error('Discord emulator internal error:', error);
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ message: '500: Internal Server Error', code: 0 }));
      });
    });
    this.server.on('upgrade', deps.onUpgrade);
  }

  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => {
        const address = this.server.address();
        if (address === null || typeof address === 'string') reject(new Error('Emulator: no TCP address'));
        else resolve(address.port);
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([name, value]) => [name.toLowerCase(), Array.isArray(value) ? value.join(', ') : (value ?? '')]),
    );
    const versioned = /^\/api(?:\/v(\d+))?(\/.*)?$/.exec(url.pathname);
    const path = safeDecode(versioned?.[2] ?? url.pathname);
    const call: Omit<RecordedCall, 'seq'> = {
      at: 0,
      method,
      path,
      route: null,
      params: {},
      query: Object.fromEntries(url.searchParams),
      headers,
      body: undefined,
      files: [],
      status: 0,
      response: undefined,
      responseHeaders: {},
    };

    let result: RouteResult;
    let extraHeaders: Record<string, string> = {};
    try {
      if (!versioned) throw HttpErrors.notFound();
      if (versioned[1] !== undefined && !SUPPORTED_VERSIONS.has(versioned[1])) throw HttpErrors.invalidApiVersion();
      const matches = this.routes
        .map((route) => ({ route, match: route.regex.exec(path) }))
        .filter((m): m is { route: CompiledRoute; match: RegExpExecArray } => m.match !== null);
      if (matches.length === 0) throw HttpErrors.notFound();
      const hit = matches.find((m) => m.route.method === method);
      if (!hit) throw HttpErrors.methodNotAllowed();
      const params = Object.fromEntries(hit.route.names.map((name, i) => [name, hit.match[i + 1] ?? '']));
      call.route = `${method} ${hit.route.pattern}`;
      call.params = params;
      call.interactionId = this.deps.interactionIdFor(params);

      const parsed = await parseBody(raw, headers['content-type'] ?? '');
      call.body = parsed.body;
      call.files = parsed.files;

      const fault = this.deps.faults.check({ method, path, route: call.route, params });
      if (fault) throw fault;
      if (hit.route.auth && headers.authorization !== `Bot ${this.deps.token}`) throw HttpErrors.unauthorized();
      if (parsed.invalid) throw HttpErrors.invalidJson();

      result = await hit.route.handle({
        method,
        path,
        params,
        query: url.searchParams,
        headers,
        body: parsed.body,
        files: parsed.files,
      });
    } catch (error) {
      if (!(error instanceof DiscordHttpError)) throw error;
      result = { status: error.status, body: error.body };
      extraHeaders = error.headers;
    }

    call.at = this.deps.clock.now();
    call.status = result.status;
    call.response = result.body === undefined ? undefined : structuredClone(result.body);
    call.responseHeaders = { ...extraHeaders };
    // Record before answering, so a test awaiting the client's promise already sees the call.
    this.deps.record(call);

    if (result.body === undefined) {
      res.writeHead(result.status, extraHeaders);
      res.end();
    } else {
      res.writeHead(result.status, { 'Content-Type': 'application/json', ...extraHeaders });
      res.end(JSON.stringify(result.body));
    }
  }
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function parseBody(
  raw: Buffer,
  contentType: string,
): Promise<{ body: unknown; files: RecordedFile[]; invalid: boolean }> {
  if (raw.length === 0) return { body: undefined, files: [], invalid: false };
  try {
    if (contentType.startsWith('multipart/form-data')) {
      const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
      let body: unknown;
      const files: RecordedFile[] = [];
      for (const [field, value] of form.entries()) {
        if (typeof value === 'string') {
          if (field === 'payload_json') body = JSON.parse(value);
        } else {
          files.push({ field, filename: value.name, contentType: value.type, size: value.size });
        }
      }
      return { body, files, invalid: false };
    }
    return { body: JSON.parse(raw.toString('utf8')), files: [], invalid: false };
  } catch {
    return { body: raw.toString('utf8'), files: [], invalid: true };
  }
}
