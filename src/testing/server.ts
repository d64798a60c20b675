import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { OperationId } from '../../generated/operations.js';
import { errorBody, errorBodyForStatus } from './error-catalogue.js';
import { FaultQueue, faultStages } from './faults.js';
import { checkCorsOptions } from './cors.js';
import type { Answer } from './answer.js';
import {
  answerOperation,
  answerPrimaryAuthentication,
  answerSessionCookieRedirect,
  type IssuedAccessToken,
  type OktaState,
} from './handlers.js';
import { OAuthServer } from './oauth.js';
import { OKTA_BUCKETS } from './okta-limits.js';
import { RateLimiter } from './rate-limiter.js';
import { routeOf } from './router.js';
import type { OktaSessionsServer, OktaSessionsServerOptions, ResponseRecord } from './server-api.js';
import { oktaId } from './ids.js';
import { serverControls } from './server-controls.js';
import { SessionStore } from './session-store.js';
import { SystemLog } from './system-log.js';
import { userActor } from './log-events.js';
import { UserStore } from './user-store.js';
import { headerOf, readBody, writeResponse } from './wire.js';

/** What a response record says of the request. */
type RequestRecord = Omit<ResponseRecord, 'headers' | 'body' | 'status'>;

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|localhost)$/;

export type { OktaSessionsServer, OktaSessionsServerOptions, ResponseRecord } from './server-api.js';

/**
 * Starts an in-memory server that answers the Session operations, the two user operations (getUser,
 * revokeUserSessions) and the System Log (listLogEvents) as Okta does: status codes, error objects,
 * rate-limit headers and windows, single-use session tokens, the events of what it does. Loopback only.
 */
export async function startOktaSessionsServer(options: OktaSessionsServerOptions = {}): Promise<OktaSessionsServer> {
  const host = options.host ?? '127.0.0.1';
  const clockOffsetMs = options.clockOffsetMs ?? 0;
  if (!Number.isFinite(clockOffsetMs)) throw new TypeError(`clockOffsetMs must be a number of ms; got ${String(options.clockOffsetMs)}`);
  /** The server's clock. */
  const now = () => Date.now() + clockOffsetMs;
  if (!LOOPBACK.test(host)) throw new TypeError(`host must be a loopback address (127.0.0.0/8, ::1 or localhost); got ${host}`);
  const limiter = options.rateLimit === false ? undefined : new RateLimiter(options.rateLimit);
  const buckets = options.buckets ?? OKTA_BUCKETS;
  const sessionTokenLifetimeMs = options.sessionTokenLifetimeMs ?? 5 * 60_000;
  const accessTokens = new Map<string, IssuedAccessToken>();
  const oauth = new OAuthServer(accessTokens);
  const users = new UserStore();
  const engine = options.engine ?? 'classic';
  if (engine !== 'classic' && engine !== 'identity-engine')
    throw new TypeError(`engine must be 'classic' or 'identity-engine'; got ${JSON.stringify(engine)}`);
  const logDelayMs = options.logDelayMs ?? 0;
  if (!(logDelayMs >= 0)) throw new TypeError(`logDelayMs must be a number of ms >= 0; got ${String(options.logDelayMs)}`);
  const state: OktaState = {
    users,
    clears: [],
    store: new SessionStore(users, { sessionLifetimeMs: options.sessionLifetimeMs ?? 2 * 60 * 60_000, sessionTokenLifetimeMs, engine }),
    apiToken: options.apiToken ?? oktaId('00', 42),
    accessTokens,
    sessionTokenLifetimeMs,
    log: new SystemLog(logDelayMs),
    admin: { id: oktaId('00u', 20), login: 'admin@okta-sessions.test' },
  };
  /** The org's address, once listening; a request's own is the host it came to (links are built on it, as Okta builds them on the org's domain). */
  let boundUrl = '';
  const baseUrlOf = (req: IncomingMessage) =>
    options.publicUrl ?? (typeof req.headers.host === 'string' ? `http://${req.headers.host}` : boundUrl);
  const clientOf = (req: IncomingMessage) => ({
    ipAddress: req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1',
    userAgent: headerOf(req, 'user-agent') ?? 'unknown',
  });
  const cors = options.cors === undefined ? undefined : checkCorsOptions(options.cors);
  const faults = new FaultQueue();
  const requestCounts: Partial<Record<OperationId, number>> = {};
  const sockets = new Set<Socket>();
  let inFlight = 0;

  function send(
    res: ServerResponse,
    record: RequestRecord,
    status: number,
    body: unknown,
    headers: Record<string, string | string[]>,
  ): void {
    const sent = writeResponse(res, status, body, headers);
    options.onResponse?.({ ...record, status, headers: sent, body: typeof body === 'string' ? undefined : body });
  }

  /** The request pipeline: route, fault stages 1-5 in order, rate limits, the operation. */
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    const route = routeOf(method, url.pathname);
    const record = { operationId: route.operationId, method, path: url.pathname, query: Object.fromEntries(url.searchParams) };
    const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
    const reply = (status: number, body: unknown, headers: Record<string, string | string[]>) =>
      send(res, record, status, body, { ...headers, ...cors?.forResponse(origin, route.operationId, status) });

    if (cors && origin !== undefined && method === 'OPTIONS') {
      const allowed = cors.preflight(
        origin,
        url.pathname,
        headerOf(req, 'access-control-request-method'),
        headerOf(req, 'access-control-request-headers'),
        routeOf,
      );
      return send(res, record, 204, undefined, allowed);
    }
    if (url.pathname === '/login/sessionCookieRedirect' && method === 'GET') {
      const context = { actor: userActor(state.admin), client: clientOf(req), requestId: randomBytes(16).toString('hex'), nowMs: now() };
      const answer = answerSessionCookieRedirect(url.searchParams, state, (candidate) => cors?.isTrusted(candidate) ?? false, context);
      return send(res, record, answer.status, answer.body, answer.headers ?? {});
    }
    const isTokenRequest = url.pathname === '/oauth2/v1/token';
    const stages = faultStages(faults.take(isTokenRequest ? 'oauthToken' : route.operationId));

    if (stages.arrival.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, stages.arrival.delayMs));
    if (stages.arrival.then === 'hang') return;
    if (stages.arrival.then === 'drop') {
      req.socket.destroy();
      return;
    }

    const { clockSkewMs, bare, duplicateReset } = stages.headers;
    const headers: Record<string, string | string[]> = { date: new Date(now() + clockSkewMs).toUTCString() };
    if (!bare) headers['x-okta-request-id'] = randomBytes(16).toString('hex');
    const setRateLimitHeaders = (limit: number, remaining: number, resetAtMs: number) => {
      if (bare) return;
      const reset = String(Math.ceil((resetAtMs + clockSkewMs) / 1000));
      headers['x-rate-limit-limit'] = String(limit);
      headers['x-rate-limit-remaining'] = String(remaining);
      headers['x-rate-limit-reset'] = duplicateReset ? [String(Number(reset) + 30), reset] : reset;
    };

    if (isTokenRequest) {
      if (method !== 'POST') return reply(405, errorBody('E0000022'), headers);
      const body = await readBody(req).catch(() => undefined);
      if (body === undefined)
        return reply(400, { error: 'invalid_request', error_description: 'The request body could not be read.' }, headers);
      if (stages.status) {
        // The token endpoint's own rate limit, when a test asks for a 429 there: the next second.
        if (stages.status.status === 429) setRateLimitHeaders(50, 0, now() + 1000);
        return reply(stages.status.status, stages.status.body ?? errorBodyForStatus(stages.status.status), {
          ...headers,
          ...stages.status.headers,
        });
      }
      const answer = await oauth.answerToken(body, headerOf(req, 'dpop'), baseUrlOf(req), now());
      return reply(answer.status, answer.body, { ...headers, ...answer.headers });
    }
    if (url.pathname === '/api/v1/authn' && method === 'POST') {
      const answer = await readBody(req).then(
        (body) => answerPrimaryAuthentication(body, state, now()),
        (): Answer => ({ status: 400, body: errorBody('E0000003') }),
      );
      return reply(answer.status, answer.body, headers);
    }
    if (route.operationId === undefined) {
      // Okta's 405 carries neither a request id nor rate-limit headers.
      if (route.knownPath) return reply(405, errorBody('E0000022'), { date: headers.date as string });
      return reply(404, errorBody('E0000007', `Resource not found: ${url.pathname} (AppSession)`), headers);
    }
    const operationId = route.operationId;
    requestCounts[operationId] = (requestCounts[operationId] ?? 0) + 1;

    let body: string;
    try {
      body = await readBody(req);
    } catch {
      return reply(400, errorBody('E0000003'), headers);
    }
    const authorization = req.headers.authorization;
    let proofVerified = false;
    if (authorization?.startsWith('DPoP ')) {
      const refused = await oauth.checkResourceProof(
        authorization.slice(5),
        headerOf(req, 'dpop'),
        method,
        `${baseUrlOf(req)}${req.url ?? '/'}`,
        now(),
      );
      if (refused) return reply(refused.status, refused.body, { ...headers, ...refused.headers });
      proofVerified = true;
    }
    const perform = () =>
      answerOperation(
        operationId,
        {
          pathParam: route.pathParam,
          query: url.searchParams,
          body,
          cookie: req.headers.cookie,
          authorization,
          proofVerified,
          baseUrl: baseUrlOf(req),
          requestId: typeof headers['x-okta-request-id'] === 'string' ? headers['x-okta-request-id'] : randomBytes(16).toString('hex'),
          client: clientOf(req),
        },
        state,
        now(),
      );
    if (stages.afterBody === 'process-then-drop') {
      // The request is processed, then the connection drops before the answer.
      perform();
      req.socket.destroy();
      return;
    }
    if (stages.afterBody !== 'proceed') {
      const { status, location } = stages.afterBody.redirect;
      return reply(status, '', { ...headers, location });
    }

    if (limiter) {
      const nowMs = now();
      if (options.concurrencyLimit !== undefined && inFlight > options.concurrencyLimit) {
        setRateLimitHeaders(0, 0, nowMs + 60_000);
        return reply(429, errorBody('E0000047'), headers);
      }
      const window = limiter.take(buckets[operationId], nowMs);
      setRateLimitHeaders(window.limit, window.remaining, window.resetAtMs);
      if (!window.allowed) return reply(429, errorBody('E0000047'), headers);
    }

    const statusFault = stages.status;
    if (statusFault) {
      if (statusFault.bare) {
        for (const name of Object.keys(headers)) if (name !== 'date') delete headers[name];
      } else if (statusFault.status === 429) {
        headers['x-rate-limit-remaining'] = '0';
      }
      const contentType: Record<string, string> = statusFault.contentType ? { 'content-type': statusFault.contentType } : {};
      return reply(statusFault.status, statusFault.body ?? errorBodyForStatus(statusFault.status), {
        ...headers,
        ...contentType,
        ...statusFault.headers,
      });
    }

    const answer = perform();
    const responseHeaders = { ...headers, ...answer.headers };
    if (stages.body === 'whole') return reply(answer.status, answer.body, responseHeaders);
    const text = JSON.stringify(answer.body ?? {});
    const cut = text.slice(0, Math.floor(text.length / 2));
    if (stages.body === 'truncated') return reply(answer.status, cut, responseHeaders);
    res.writeHead(answer.status, { ...responseHeaders, 'content-type': 'application/json', 'content-length': String(text.length) });
    res.write(cut, () => req.socket.destroy());
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
  boundUrl = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;

  return serverControls({
    url: boundUrl,
    state,
    oauth,
    accessTokens,
    faults,
    requestCounts,
    now,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  });
}
