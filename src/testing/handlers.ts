import { type OperationId, operations } from '../../generated/operations.js';
import type { Answer } from './answer.js';
import { errorBody } from './error-catalogue.js';
import { OAUTH_SCOPES } from './okta-limits.js';
import {
  type LogClientInfo,
  type LogContext,
  type LogUser,
  sessionEnded,
  sessionsCleared,
  sessionStarted,
  userActor,
} from './log-events.js';
import { renderSession, type SessionStore, type StoredSession } from './session-store.js';
import type { SystemLog } from './system-log.js';
import { renderUser, type UserStore } from './user-store.js';

/** What the server answers, before what the wire adds (headers it stamps on every response, faults). */
/** The parts of a request Okta's behaviour depends on. */
export interface OperationRequest {
  /** The path's `{…}` segment (a session id, a user id or login), still encoded. */
  pathParam: string | undefined;
  query: URLSearchParams;
  body: string;
  cookie: string | undefined;
  authorization: string | undefined;
  /** A `DPoP` proof came with the request and the server verified it against the token (see oauth.ts). */
  proofVerified?: boolean;
  /** The org's address as the caller reached it: links are built on it, as Okta builds them on the org's domain. */
  baseUrl: string;
  /** The request's `X-Okta-Request-Id`: the `transaction.id` of the System Log events it causes. */
  requestId: string;
  /** The caller's address and user agent, as the System Log records them. */
  client: LogClientInfo;
}

/** An access token the server issued. */
export interface IssuedAccessToken {
  scopes: ReadonlySet<string>;
  expiresAtMs: number;
  /** The thumbprint of the DPoP key it is bound to (`cnf.jkt`); undefined for a Bearer token. */
  boundTo: string | undefined;
}

/** What a clear of a user's sessions received, as Okta got it: the query values as sent (absent: Okta's default). */
export interface SessionClear {
  /** The user whose sessions were cleared. */
  userId: string;
  /** The `oauthTokens` query parameter as sent (`'true'`, `'false'`), or undefined when left out. */
  oauthTokens: string | undefined;
  /** The `forgetDevices` query parameter as sent, or undefined when left out. */
  forgetDevices: string | undefined;
  /** Sessions it ended. */
  ended: number;
  /** Its `X-Okta-Request-Id`, the `transaction.id` of its System Log events. */
  requestId: string;
}

/** The server's state the handlers read and change. */
export interface OktaState {
  store: SessionStore;
  users: UserStore;
  clears: SessionClear[];
  apiToken: string;
  /** Issued OAuth access tokens and their scopes. */
  accessTokens: ReadonlyMap<string, IssuedAccessToken>;
  sessionTokenLifetimeMs: number;
  log: SystemLog;
  /** Who the API token is: the actor of what an admin call does. */
  admin: LogUser;
}

/** What every System Log event of a request shares; `actor` is the API token's admin unless the request is the user's own. */
function logContext(request: OperationRequest, state: OktaState, nowMs: number, actor: LogUser = state.admin): LogContext {
  return { actor: userActor(actor), client: request.client, requestId: request.requestId, nowMs };
}

/** Okta issued a session: `user.session.start`, from the client it was issued to. */
export function logSessionStart(session: StoredSession, context: LogContext, state: OktaState): void {
  state.log.write(
    sessionStarted({ ...context, actor: userActor({ id: session.userId, login: session.login }) }, session.externalSessionId),
    context.nowMs,
  );
}

function logSessionEnd(session: StoredSession, context: LogContext, state: OktaState): void {
  state.log.write(sessionEnded(context, { id: session.userId, login: session.login }, session.externalSessionId), context.nowMs);
}

const notFound = (what: string, kind = 'AppSession'): Answer => ({
  status: 404,
  body: errorBody('E0000007', `Resource not found: ${what} (${kind})`),
});

/**
 * The session cookie. Okta also sets `Secure`; the embedded server speaks plain http on loopback.
 * `SameSite=Lax` is sent on a page's credentialed fetch to a same-site origin (Okta on a custom domain of the app's site).
 */
const sessionCookie = (sessionId: string) => `sid=${sessionId}; Path=/; HttpOnly; SameSite=Lax`;
const clearedSessionCookie = 'sid=""; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; HttpOnly; SameSite=Lax';

function sessionIdFromCookie(cookie: string | undefined): string | undefined {
  return /(?:^|;\s*)(?:sid|idx)=([^;\s]+)/.exec(cookie ?? '')?.[1];
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Okta's check of `Authorization` for the admin operations: an API token, or an access token with the operation's scope. */
function authorize(operationId: OperationId, request: OperationRequest, state: OktaState, nowMs: number): Answer | undefined {
  const [scheme, token] = (request.authorization ?? '').split(' ', 2);
  if (scheme === 'SSWS') return token === state.apiToken ? undefined : { status: 401, body: errorBody('E0000011') };
  if ((scheme === 'Bearer' || scheme === 'DPoP') && token) {
    const issued = state.accessTokens.get(token);
    const invalid = { status: 401, body: errorBody('E0000011'), headers: { 'www-authenticate': `${scheme} error="invalid_token"` } };
    if (!issued || nowMs >= issued.expiresAtMs) return invalid;
    // A DPoP-bound token is good only as `DPoP` with a verified proof; a Bearer token only as `Bearer`.
    if ((issued.boundTo !== undefined) !== (scheme === 'DPoP') || (scheme === 'DPoP' && request.proofVerified !== true)) return invalid;
    const needed = OAUTH_SCOPES[operationId];
    return needed && issued.scopes.has(needed) ? undefined : { status: 403, body: errorBody('E0000006') };
  }
  return { status: 403, body: errorBody('E0000005') };
}

/** The /me operations: the session cookie decides, and Authorization is ignored. */
function answerCurrentSession(operationId: OperationId, request: OperationRequest, state: OktaState, nowMs: number): Answer {
  const { store } = state;
  const { baseUrl } = request;
  const sessionId = sessionIdFromCookie(request.cookie);
  const session = sessionId ? store.find(sessionId, nowMs) : undefined;
  if (!session) return notFound('me');
  if (operationId === 'getCurrentSession') return { status: 200, body: renderSession(session, baseUrl, '/api/v1/sessions/me') };
  if (operationId === 'refreshCurrentSession') {
    const refreshed = store.refresh(session.id, nowMs);
    if (!refreshed) return notFound('me');
    return {
      status: 200,
      body: renderSession(refreshed, baseUrl, '/api/v1/sessions/me'),
      headers: { 'set-cookie': sessionCookie(refreshed.id) },
    };
  }
  store.remove(session.id, nowMs);
  // The user signed themselves out: they are the actor.
  logSessionEnd(session, logContext(request, state, nowMs, { id: session.userId, login: session.login }), state);
  return { status: 204, headers: { 'set-cookie': clearedSessionCookie } };
}

function answerCreate(request: OperationRequest, state: OktaState, nowMs: number): Answer {
  const parsed = parseJsonObject(request.body);
  if (!parsed) return { status: 400, body: errorBody('E0000003') };
  const token = parsed.sessionToken;
  if (typeof token !== 'string' || token === '') {
    return { status: 400, body: errorBody('E0000001', 'sessionToken', ['sessionToken: The field cannot be left blank.']) };
  }
  const session = state.store.redeem(token, nowMs);
  if (!session) return { status: 401, body: errorBody('E0000004') };
  logSessionStart(session, logContext(request, state, nowMs), state);
  return { status: 200, body: renderSession(session, request.baseUrl, '/api/v1/sessions/me') };
}

/**
 * One Session operation as Okta performs it, with its auth and validation: pure
 * but for the state it is given, so it can be tested without sockets.
 */
export function answerOperation(operationId: OperationId, request: OperationRequest, state: OktaState, nowMs: number): Answer {
  if (operations[operationId].security.length === 0) return answerCurrentSession(operationId, request, state, nowMs);
  // A browser with an active session reads its own user without a token (the spec's getUser; okta-auth-js's user() link).
  if (operationId === 'getUser' && request.pathParam === 'me' && request.authorization === undefined)
    return answerCurrentUser(request, state, nowMs);
  const denied = authorize(operationId, request, state, nowMs);
  if (denied) return denied;
  if (operationId === 'createSession') return answerCreate(request, state, nowMs);
  if (operationId === 'getUser' || operationId === 'revokeUserSessions') return answerUser(operationId, request, state, nowMs);
  if (operationId === 'listLogEvents') return answerLogs(request, state, nowMs);

  const { store } = state;
  const { baseUrl } = request;
  const sessionId = decodeURIComponent(request.pathParam ?? '');
  if (operationId === 'getSession') {
    const session = store.find(sessionId, nowMs);
    return session ? { status: 200, body: renderSession(session, baseUrl, `/api/v1/sessions/${session.id}`) } : notFound(sessionId);
  }
  if (operationId === 'refreshSession') {
    const session = store.refresh(sessionId, nowMs);
    return session ? { status: 200, body: renderSession(session, baseUrl, `/api/v1/sessions/${session.id}`) } : notFound(sessionId);
  }
  const ended = store.remove(sessionId, nowMs);
  if (!ended) return notFound(sessionId);
  logSessionEnd(ended, logContext(request, state, nowMs), state);
  return { status: 204 };
}

/** getUser (by id, login or unambiguous shortname) and revokeUserSessions (by id: every session of that user, and only that user's). */
function answerUser(operationId: 'getUser' | 'revokeUserSessions', request: OperationRequest, state: OktaState, nowMs: number): Answer {
  const key = decodeURIComponent(request.pathParam ?? '');
  if (operationId === 'getUser') {
    const user = state.users.find(key);
    return user ? { status: 200, body: renderUser(user, request.baseUrl) } : notFound(key, 'User');
  }
  const user = state.users.byId(key);
  if (!user) return notFound(key, 'User');
  const ended = state.store.removeAllOf(user.id, nowMs);
  const context = logContext(request, state, nowMs);
  // One user.session.clear, then one user.session.end per session it ended, all in the clear's transaction.
  state.log.write(sessionsCleared(context, user), nowMs);
  for (const session of ended) logSessionEnd(session, context, state);
  state.clears.push({
    userId: user.id,
    oauthTokens: request.query.get('oauthTokens') ?? undefined,
    forgetDevices: request.query.get('forgetDevices') ?? undefined,
    ended: ended.length,
    requestId: request.requestId,
  });
  return { status: 204 };
}

/**
 * Okta's Classic primary authentication (`POST /api/v1/authn`), reduced to what
 * tests need: any username with a non-empty password gets a session token.
 */
export function answerPrimaryAuthentication(body: string, state: OktaState, nowMs: number): Answer {
  let credentials: { username?: unknown; password?: unknown };
  try {
    credentials = JSON.parse(body) ?? {};
  } catch {
    return { status: 400, body: errorBody('E0000003') };
  }
  const { username, password } = credentials;
  if (typeof username !== 'string' || !username || typeof password !== 'string' || !password) {
    return { status: 401, body: errorBody('E0000004') };
  }
  const sessionToken = state.store.issueSessionToken(username, nowMs);
  return {
    status: 200,
    body: { status: 'SUCCESS', sessionToken, expiresAt: new Date(nowMs + state.sessionTokenLifetimeMs).toISOString() },
  };
}

/**
 * `GET /login/sessionCookieRedirect?token=…&redirectUrl=…`: redeems a session token for a session,
 * sets its cookie and redirects, only to a trusted origin.
 */
export function answerSessionCookieRedirect(
  query: URLSearchParams,
  state: OktaState,
  isTrustedOrigin: (origin: string) => boolean,
  context: LogContext,
): Answer {
  const { nowMs } = context;
  let target: URL | undefined;
  try {
    target = new URL(query.get('redirectUrl') ?? '');
  } catch {
    target = undefined;
  }
  if (!target || !isTrustedOrigin(target.origin)) {
    return { status: 400, body: errorBody('E0000001', 'redirectUrl', ['redirectUrl: The redirect URL is not a Trusted Origin.']) };
  }
  const session = state.store.redeem(query.get('token') ?? '', nowMs);
  if (!session) return { status: 403, body: errorBody('E0000004') };
  logSessionStart(session, context, state);
  return { status: 302, headers: { location: target.href, 'set-cookie': sessionCookie(session.id) } };
}

/** `GET /api/v1/logs`: a page of the System Log, with Okta's `self` and `next` links on the org's address as the caller reached it. */
function answerLogs(request: OperationRequest, state: OktaState, nowMs: number): Answer {
  const page = state.log.query(request.query, nowMs);
  if ('status' in page) return page;
  const link = (query: URLSearchParams, rel: string) => `<${request.baseUrl}/api/v1/logs?${query}>; rel="${rel}"`;
  const links = [link(request.query, 'self'), ...(page.next ? [link(page.next, 'next')] : [])];
  return { status: 200, body: page.events, headers: { link: links.join(', ') } };
}

/** `GET /api/v1/users/me` with the session cookie and no Authorization: the session's own user, or 403 E0000005 without one. */
function answerCurrentUser(request: OperationRequest, state: OktaState, nowMs: number): Answer {
  const sessionId = sessionIdFromCookie(request.cookie);
  const session = sessionId ? state.store.find(sessionId, nowMs) : undefined;
  const user = session ? state.users.byId(session.userId) : undefined;
  return user ? { status: 200, body: renderUser(user, request.baseUrl) } : { status: 403, body: errorBody('E0000005') };
}
