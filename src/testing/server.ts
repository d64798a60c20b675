import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { type OperationId, operations } from '../../generated/operations.js';
import { type BucketMap, DEFAULT_BUCKETS } from '../buckets.js';
import { type Fault, type FaultOptions, FaultQueue } from './faults.js';
import { type RateLimitOptions, RateLimiter } from './rate-limiter.js';
import { oktaId, renderSession, SessionStore } from './session-store.js';

export interface OktaSessionsServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** A loopback address; default 127.0.0.1. */
  host?: string;
  /** Per-bucket windows; `false` turns rate limiting off. Default 100 requests per 60 s. */
  rateLimit?: RateLimitOptions | false;
  /** Simultaneous requests allowed before Okta's concurrency 429 (Limit and Remaining both 0). Off by default. */
  concurrencyLimit?: number;
  /** Which operations share a rate-limit counter. Default: the admin operations share one, /me has its own. */
  buckets?: BucketMap;
  /** Default 2 hours, as Okta's default policy. */
  sessionLifetimeMs?: number;
  /** Default 5 minutes, as Okta's. */
  sessionTokenLifetimeMs?: number;
  /** Called with every response the server sends: for logging, or to validate responses in tests. */
  onResponse?: (record: ResponseRecord) => void;
  /** The API token the server accepts; a random one by default. */
  apiToken?: string;
}

export interface ResponseRecord {
  operationId: OperationId | undefined;
  method: string;
  path: string;
  status: number;
  headers: Record<string, string | string[]>;
  /** The parsed JSON body, when there was one. */
  body: unknown;
}

export interface OktaSessionsServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** A valid API token (`Authorization: SSWS <apiToken>`). */
  readonly apiToken: string;
  /** A single-use session token for `create`, valid for `sessionTokenLifetimeMs`. */
  issueSessionToken(user: { login: string }): Promise<string>;
  /** An OAuth access token (`Authorization: Bearer …`) holding these scopes, e.g. `okta.sessions.read`. */
  issueAccessToken(scopes: readonly string[]): string;
  /** Queues a fault for the next `times` (default 1) matching requests, each with `probability` (default 1). */
  inject(fault: Fault, options?: FaultOptions): void;
  clearFaults(): void;
  /** Requests received so far, per operation. */
  readonly requestCounts: Readonly<Partial<Record<OperationId, number>>>;
  close(): Promise<void>;
}

const OAUTH_SCOPES: Partial<Record<OperationId, string>> = {
  getSession: 'okta.sessions.read',
  refreshSession: 'okta.sessions.manage',
  revokeSession: 'okta.sessions.manage',
};

const ERROR_SUMMARIES: Record<string, string> = {
  E0000001: 'Api validation failed: {0}',
  E0000003: 'The request body was not well-formed.',
  E0000004: 'Authentication failed',
  E0000005: 'Invalid session',
  E0000006: 'You do not have permission to perform the requested action',
  E0000007: 'Not found: {0}',
  E0000009: 'Internal Server Error',
  E0000011: 'Invalid token provided',
  E0000022: 'The endpoint does not support the provided HTTP method',
  E0000047: 'API call exceeded rate limit due to too many requests.',
};
const CODE_BY_STATUS: Record<number, string> = {
  400: 'E0000003',
  401: 'E0000011',
  403: 'E0000006',
  404: 'E0000007',
  405: 'E0000022',
  429: 'E0000047',
};

const MAX_BODY_BYTES = 1 << 20;
const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|localhost)$/;

function errorBody(code: string, detail?: string, causes: string[] = []) {
  const template = ERROR_SUMMARIES[code] ?? 'Internal Server Error';
  return {
    errorCode: code,
    errorSummary: detail === undefined ? template.replace(': {0}', '') : template.replace('{0}', detail),
    errorLink: code,
    errorId: oktaId('oae', 22),
    errorCauses: causes.map((errorSummary) => ({ errorSummary })),
  };
}

/** Method + path template -> operation, literal paths first so `/me` wins over `{sessionId}`. */
function compileRoutes() {
  return Object.entries(operations)
    .map(([operationId, spec]) => {
      const pattern = `^${spec.path.replace(/\{[^}]+\}/g, '([^/]+)')}$`;
      return { operationId: operationId as OperationId, method: spec.method as string, pattern: new RegExp(pattern), template: spec.path };
    })
    .sort((a, b) => Number(a.template.includes('{')) - Number(b.template.includes('{')));
}

function sessionIdFromCookie(cookie: string | undefined): string | undefined {
  return /(?:^|;\s*)(?:sid|idx)=([^;\s]+)/.exec(cookie ?? '')?.[1];
}

/**
 * Starts an in-memory server that answers the seven Session operations as Okta
 * does: status codes, error objects, rate-limit headers and windows, single-use
 * session tokens. Loopback only.
 */
export async function startOktaSessionsServer(options: OktaSessionsServerOptions = {}): Promise<OktaSessionsServer> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.test(host)) throw new TypeError(`host must be a loopback address (127.0.0.0/8, ::1 or localhost); got ${host}`);
  const limiter = options.rateLimit === false ? undefined : new RateLimiter(options.rateLimit);
  const buckets = options.buckets ?? DEFAULT_BUCKETS;
  const sessionTokenLifetimeMs = options.sessionTokenLifetimeMs ?? 5 * 60_000;
  const store = new SessionStore({ sessionLifetimeMs: options.sessionLifetimeMs ?? 2 * 60 * 60_000, sessionTokenLifetimeMs });
  const faults = new FaultQueue();
  const apiToken = options.apiToken ?? oktaId('00', 42);
  const accessTokens = new Map<string, ReadonlySet<string>>();
  const routes = compileRoutes();
  const requestCounts: Partial<Record<OperationId, number>> = {};
  const sockets = new Set<Socket>();
  let inFlight = 0;
  let baseUrl = '';

  function send(
    res: ServerResponse,
    record: Omit<ResponseRecord, 'headers' | 'body' | 'status'>,
    status: number,
    body: unknown,
    headers: Record<string, string | string[]>,
  ): void {
    const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    const allHeaders: Record<string, string | string[]> = { ...headers };
    if (text && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) allHeaders['content-type'] = 'application/json';
    allHeaders['content-length'] = String(Buffer.byteLength(text));
    res.writeHead(status, allHeaders);
    res.end(text);
    options.onResponse?.({ ...record, status, headers: allHeaders, body: typeof body === 'string' ? undefined : body });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    const route = routes.find((candidate) => candidate.pattern.test(url.pathname) && candidate.method === method);
    const record = { operationId: route?.operationId, method, path: url.pathname };
    const fault = faults.take(route?.operationId);

    let clockSkewMs = 0;
    let bareHeaders = false;
    let duplicateReset = false;
    switch (fault?.type) {
      case 'latency':
        await new Promise((resolve) => setTimeout(resolve, fault.ms));
        break;
      case 'skew-clock':
        clockSkewMs = fault.ms;
        break;
      case 'bare-headers':
        bareHeaders = true;
        break;
      case 'duplicate-reset-header':
        duplicateReset = true;
        break;
      case 'hang':
        return;
      case 'reset':
        if (fault.when === 'before-body') {
          req.socket.destroy();
          return;
        }
        break;
    }

    const serverNow = Date.now() + clockSkewMs;
    const headers: Record<string, string | string[]> = { date: new Date(serverNow).toUTCString() };
    if (!bareHeaders) headers['x-okta-request-id'] = randomBytes(16).toString('hex');

    const setRateLimitHeaders = (limit: number, remaining: number, resetAtMs: number) => {
      if (bareHeaders) return;
      const reset = String(Math.ceil((resetAtMs + clockSkewMs) / 1000));
      headers['x-rate-limit-limit'] = String(limit);
      headers['x-rate-limit-remaining'] = String(remaining);
      headers['x-rate-limit-reset'] = duplicateReset ? [String(Number(reset) + 30), reset] : reset;
    };

    if (url.pathname === '/api/v1/authn' && method === 'POST') return primaryAuthentication(req, res, record, headers);
    if (!route) {
      const knownPath = routes.some((candidate) => candidate.pattern.test(url.pathname));
      // Okta's 405 carries neither a request id nor rate-limit headers.
      if (knownPath) return send(res, record, 405, errorBody('E0000022'), { date: headers.date as string });
      return send(res, record, 404, errorBody('E0000007', `Resource not found: ${url.pathname} (AppSession)`), headers);
    }
    requestCounts[route.operationId] = (requestCounts[route.operationId] ?? 0) + 1;

    let rawBody: string;
    try {
      rawBody = await readBody(req);
    } catch {
      return send(res, record, 400, errorBody('E0000003'), headers);
    }
    if (fault?.type === 'reset' && fault.when === 'after-body') {
      // The request is processed, then the connection drops before the answer.
      answer(route.operationId, route.pattern.exec(url.pathname)?.[1], rawBody, req);
      req.socket.destroy();
      return;
    }
    if (fault?.type === 'redirect') {
      return send(res, record, fault.status ?? 302, '', { ...headers, location: fault.location });
    }

    const now = Date.now();
    if (limiter) {
      const bucket = buckets[route.operationId];
      if (options.concurrencyLimit !== undefined && inFlight > options.concurrencyLimit) {
        setRateLimitHeaders(0, 0, now + 60_000);
        return send(res, record, 429, errorBody('E0000047'), headers);
      }
      const state = limiter.take(bucket, now);
      setRateLimitHeaders(state.limit, state.remaining, state.resetAtMs);
      if (!state.allowed) return send(res, record, 429, errorBody('E0000047'), headers);
    }

    if (fault?.type === 'status') {
      if (fault.bare) {
        for (const name of Object.keys(headers)) if (name !== 'date') delete headers[name];
      } else if (fault.status === 429) {
        headers['x-rate-limit-remaining'] = '0';
      }
      const body = fault.body ?? errorBody(CODE_BY_STATUS[fault.status] ?? 'E0000009');
      const contentType: Record<string, string> = fault.contentType ? { 'content-type': fault.contentType } : {};
      return send(res, record, fault.status, body, { ...headers, ...contentType, ...fault.headers });
    }

    const result = answer(route.operationId, route.pattern.exec(url.pathname)?.[1], rawBody, req);
    const responseHeaders = { ...headers, ...result.headers };
    if (fault?.type === 'truncated-json' || (fault?.type === 'reset' && fault.when === 'mid-response')) {
      const text = JSON.stringify(result.body ?? {});
      const cut = text.slice(0, Math.floor(text.length / 2));
      if (fault.type === 'truncated-json') return send(res, record, result.status, cut, responseHeaders);
      res.writeHead(result.status, { ...responseHeaders, 'content-type': 'application/json', 'content-length': String(text.length) });
      res.write(cut, () => req.socket.destroy());
      return;
    }
    send(res, record, result.status, result.body, responseHeaders);
  }

  /**
   * Okta's Classic primary authentication, reduced to what tests need: any
   * username with a non-empty password gets a session token.
   */
  async function primaryAuthentication(req: IncomingMessage, res: ServerResponse, record: Omit<ResponseRecord, 'headers' | 'body' | 'status'>, headers: Record<string, string | string[]>) {
    let credentials: { username?: unknown; password?: unknown } = {};
    try {
      credentials = JSON.parse(await readBody(req)) ?? {};
    } catch {
      return send(res, record, 400, errorBody('E0000003'), headers);
    }
    if (typeof credentials.username !== 'string' || !credentials.username || typeof credentials.password !== 'string' || !credentials.password) {
      return send(res, record, 401, errorBody('E0000004'), headers);
    }
    const now = Date.now();
    const sessionToken = store.issueSessionToken(credentials.username, now);
    return send(res, record, 200, { status: 'SUCCESS', sessionToken, expiresAt: new Date(now + sessionTokenLifetimeMs).toISOString() }, headers);
  }

  interface Answer {
    status: number;
    body?: unknown;
    headers?: Record<string, string>;
  }

  /** The operation's behaviour, with auth and validation as Okta applies them. */
  function answer(operationId: OperationId, encodedId: string | undefined, rawBody: string, req: IncomingMessage): Answer {
    const now = Date.now();
    const notFound = (what: string): Answer => ({ status: 404, body: errorBody('E0000007', `Resource not found: ${what} (AppSession)`) });

    if (operations[operationId].security.length === 0) {
      // The /me operations use the session cookie and ignore Authorization.
      const sessionId = sessionIdFromCookie(req.headers.cookie);
      const session = sessionId ? store.find(sessionId, now) : undefined;
      if (!session) return notFound('me');
      if (operationId === 'getCurrentSession') return { status: 200, body: renderSession(session, baseUrl, '/api/v1/sessions/me') };
      if (operationId === 'refreshCurrentSession') {
        const refreshed = store.refresh(session.id, now);
        if (!refreshed) return notFound('me');
        return {
          status: 200,
          body: renderSession(refreshed, baseUrl, '/api/v1/sessions/me'),
          headers: { 'set-cookie': `sid=${refreshed.id}; Path=/; HttpOnly; Secure` },
        };
      }
      store.remove(session.id, now);
      return { status: 204, headers: { 'set-cookie': 'sid=""; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/' } };
    }

    const denied = authorize(operationId, req.headers.authorization);
    if (denied) return denied;

    if (operationId === 'createSession') {
      let parsed: unknown;
      try {
        parsed = rawBody ? JSON.parse(rawBody) : undefined;
      } catch {
        parsed = undefined;
      }
      if (typeof parsed !== 'object' || parsed === null) return { status: 400, body: errorBody('E0000003') };
      const token = (parsed as { sessionToken?: unknown }).sessionToken;
      if (typeof token !== 'string' || token === '') {
        return { status: 400, body: errorBody('E0000001', 'sessionToken', ['sessionToken: The field cannot be left blank.']) };
      }
      const session = store.redeem(token, now);
      if (!session) return { status: 401, body: errorBody('E0000004') };
      return { status: 200, body: renderSession(session, baseUrl, '/api/v1/sessions/me') };
    }

    const sessionId = decodeURIComponent(encodedId ?? '');
    if (operationId === 'getSession') {
      const session = store.find(sessionId, now);
      return session ? { status: 200, body: renderSession(session, baseUrl, `/api/v1/sessions/${session.id}`) } : notFound(sessionId);
    }
    if (operationId === 'refreshSession') {
      const session = store.refresh(sessionId, now);
      return session ? { status: 200, body: renderSession(session, baseUrl, `/api/v1/sessions/${session.id}`) } : notFound(sessionId);
    }
    return store.remove(sessionId, now) ? { status: 204 } : notFound(sessionId);
  }

  function authorize(operationId: OperationId, authorization: string | undefined): Answer | undefined {
    const [scheme, token] = (authorization ?? '').split(' ', 2);
    if (scheme === 'SSWS') return token === apiToken ? undefined : { status: 401, body: errorBody('E0000011') };
    if (scheme === 'Bearer' && token) {
      const scopes = accessTokens.get(token);
      if (!scopes) return { status: 401, body: errorBody('E0000011') };
      const needed = OAUTH_SCOPES[operationId];
      // The spec offers createSession to API tokens only.
      return needed && scopes.has(needed) ? undefined : { status: 403, body: errorBody('E0000006') };
    }
    return { status: 403, body: errorBody('E0000005') };
  }

  const server = createServer((req, res) => {
    inFlight++;
    res.once('close', () => inFlight--);
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify(errorBody('E0000009', String(error))));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  baseUrl = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;

  return {
    url: baseUrl,
    apiToken,
    async issueSessionToken(user) {
      if (typeof user?.login !== 'string' || user.login === '') throw new TypeError('issueSessionToken needs { login: string }');
      return store.issueSessionToken(user.login, Date.now());
    },
    issueAccessToken(scopes) {
      const token = oktaId('eyJ', 64);
      accessTokens.set(token, new Set(scopes));
      return token;
    },
    inject: (fault, injectOptions) => faults.add(fault, injectOptions),
    clearFaults: () => faults.clear(),
    requestCounts,
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
