/**
 * The client. A method reads top to bottom in call order: its arguments checked, its request built
 * from the spec's types (`http/request.ts`), then `runCall` (budget and credentials, `client/call.ts`)
 * → the attempts (`http/attempts.ts`) → the engine → the answer read into a value or a typed error
 * (`http/answer.ts`, `errors/make.ts`).
 */
import type { RateLimit } from '../errors/classes.js';
import { type Secret, sessionIdSecret } from '../errors/redact.js';
import { isBrowser } from '../helpers/runtime.js';
import type { EngineFactory } from '../http/engine.js';
import { buildRequest, type RequestParts, type SuccessBody } from '../http/request.js';
import { checkCookie, cookieSecrets } from '../input/cookie.js';
import { checkSessionId, checkUserId } from '../input/ids.js';
import { OPERATIONS, type OperationId } from '../operations.js';
import type { Session, UserGetSingleton } from '../types.js';
import { runCall } from './call.js';
import type { LogQuery } from './log-events.js';
import type { ClearRef, ClearSeen, FindSessionsQuery, LoggedSession, SessionsEndedByOptions } from './log-sessions.js';
import { findSessions, type LogEventStream, logEventStream, sessionsEndedBy } from './system-log.js';
import { callPromise, type OktaPromise } from './call-promise.js';
import { type ClientCore, createCore } from './core.js';
import { entryRuntime } from './entry-runtime.js';
import type { CallOptions, ClearUserSessionsOptions, CurrentSessionOptions, OktaSessionsOptions } from './options.js';

/** What a method hands its call: the request's typed parts, the values to redact, and for a browser's own cookie `'include'`. */
interface CallParts<K extends OperationId> {
  parts: RequestParts<K>;
  secrets: readonly Secret[];
  credentials?: RequestCredentials;
}

/**
 * Client for Okta's sessions: each method is one operation of Okta's spec (named in its doc), paced by Okta's
 * rate-limit headers and retried when that is safe. Every method's promise rejects with an `OktaError`
 * subclass: `OktaNotFoundError` (404), `OktaRateLimitError` (429 after its retries), `OktaAuthenticationError`
 * and `OktaForbiddenError` (the credentials), `OktaConnectionError`, `OktaTimeoutError`; an argument that
 * cannot be sent rejects with a `TypeError` before anything is sent.
 */
export class OktaSessions {
  readonly #core: ClientCore;
  #closed = false;

  /** Checks every option at once: an invalid one throws a `TypeError` that says what to fix. */
  constructor(options: OktaSessionsOptions);
  /** @internal Tests and benchmarks choose the engine that sends; the package entry supplies its runtime's. */
  constructor(options: OktaSessionsOptions, engines: EngineFactory);
  constructor(options: OktaSessionsOptions, engines: EngineFactory = entryRuntime().engines) {
    this.#core = createCore(options, engines, () => this.#closed);
  }

  /**
   * Ends the client: calls waiting (for a rate-limit permit, a token, a retry) end with `OktaClientClosedError`,
   * its connections close, and later calls are refused. Requests on the wire are aborted too, unless
   * `inFlight: 'finish'`: then they finish and their calls resolve as usual (the way to stop a bulk run
   * without losing what was sent); the promise resolves once they have.
   */
  async close(options?: { inFlight?: 'abort' | 'finish' }): Promise<void> {
    const finish = options?.inFlight === 'finish';
    if (options?.inFlight !== undefined && !finish && options.inFlight !== 'abort') {
      throw new TypeError(`close: inFlight must be 'abort' or 'finish'; got ${JSON.stringify(options.inFlight)}`);
    }
    this.#closed = true;
    const calls = [...this.#core.calls];
    for (const budget of calls) budget.close(finish);
    if (finish) await Promise.all(calls.map((budget) => budget.ended()));
    await this.#core.engine.close();
  }

  /** The rate-limit state learned from Okta's headers, per bucket (empty when `rateLimit: false`). */
  rateLimits(): Record<string, RateLimit> {
    return this.#core.scheduler?.snapshot() ?? {};
  }

  /**
   * Exchanges a single-use session token (from the Authentication API) for a session. `POST /api/v1/sessions`
   * (createSession); scope `okta.sessions.manage`. Never retried once it may have reached Okta: the token is
   * single-use. A used or expired token: `OktaAuthenticationError` (E0000004).
   */
  create(sessionToken: string, options?: CallOptions): OktaPromise<Session> {
    return this.#call('createSession', options, () => {
      if (typeof sessionToken !== 'string' || sessionToken.trim() === '') throw new TypeError('sessionToken must be a non-empty string');
      return { parts: { body: { sessionToken } }, secrets: [sessionToken] };
    });
  }

  /** A session by id. `GET /api/v1/sessions/{sessionId}` (getSession); scope `okta.sessions.read`. Ended or unknown: `OktaNotFoundError`. */
  get(sessionId: string, options?: CallOptions): OktaPromise<Session> {
    return this.#call('getSession', options, () => ({
      parts: { params: { path: { sessionId: checkSessionId(sessionId) } } },
      secrets: [sessionIdSecret(sessionId)],
    }));
  }

  /** Moves a session's `expiresAt` forward. `POST /api/v1/sessions/{sessionId}/lifecycle/refresh` (refreshSession); scope `okta.sessions.manage`. */
  refresh(sessionId: string, options?: CallOptions): OktaPromise<Session> {
    return this.#call('refreshSession', options, () => ({
      parts: { params: { path: { sessionId: checkSessionId(sessionId) } } },
      secrets: [sessionIdSecret(sessionId)],
    }));
  }

  /**
   * Ends a session by id (EndSession, Stop-OktaSession in other SDKs). `DELETE /api/v1/sessions/{sessionId}` (revokeSession);
   * scope `okta.sessions.manage`. Only Classic `sid` sessions: on Identity Engine, end a user's sessions with `clearUserSessions`.
   */
  revoke(sessionId: string, options?: CallOptions): OktaPromise<void> {
    return this.#call('revokeSession', options, () => ({
      parts: { params: { path: { sessionId: checkSessionId(sessionId) } } },
      secrets: [sessionIdSecret(sessionId)],
    }));
  }

  /** The session of the cookie's owner. `GET /api/v1/sessions/me` (getCurrentSession): the cookie only, never a token. */
  getCurrent(options?: CurrentSessionOptions): OktaPromise<Session> {
    return this.#call('getCurrentSession', options, () => withCookie('getCurrentSession', options));
  }

  /** Moves the cookie's session's `expiresAt` forward. `POST /api/v1/sessions/me/lifecycle/refresh` (refreshCurrentSession): the cookie only. */
  refreshCurrent(options?: CurrentSessionOptions): OktaPromise<Session> {
    return this.#call('refreshCurrentSession', options, () => withCookie('refreshCurrentSession', options));
  }

  /** Signs the cookie's owner out. `DELETE /api/v1/sessions/me` (closeCurrentSession): the cookie only. */
  closeCurrent(options?: CurrentSessionOptions): OktaPromise<void> {
    return this.#call('closeCurrentSession', options, () => withCookie('closeCurrentSession', options));
  }

  /**
   * A user by id, login or login shortname (`ada` for `ada@example.com`, when unambiguous). `GET /api/v1/users/{id}`
   * (getUser); scope `okta.users.read`. No such user: `OktaNotFoundError`.
   */
  getUser(idOrLogin: string, options?: CallOptions): OktaPromise<UserGetSingleton> {
    return this.#call('getUser', options, () => ({
      parts: { params: { path: { id: checkUserId(idOrLogin, 'idOrLogin') } } },
      secrets: [],
    }));
  }

  /**
   * Ends every Okta session of the user, the way to log a user out on Identity Engine. `DELETE /api/v1/users/{userId}/sessions`
   * (revokeUserSessions); scope `okta.users.manage`. The request id (`.withResponse()`) proves it later: `sessionsEndedBy`.
   * `oauthTokens: true` also revokes the OAuth/OIDC tokens issued to the user (Okta's default: kept);
   * `forgetDevices` clears remembered factors (Okta's default: true on Identity Engine, false on Classic).
   * Left out, a parameter is not sent and Okta's default applies.
   */
  clearUserSessions(userId: string, options?: ClearUserSessionsOptions): OktaPromise<void> {
    return this.#call('revokeUserSessions', options, () => ({
      parts: { params: { path: { userId: checkUserId(userId, 'userId') }, query: clearQuery(options) } },
      secrets: [],
    }));
  }

  /**
   * The System Log (`GET /api/v1/logs`, listLogEvents), as an async iterable of events (`for await`), or page by page with `.pages()`
   * (each page's request id and rate limit). Pages follow Okta's `next` links; a bounded query (`since` and `until`)
   * ends with its last page, a polling one at its first empty page unless `follow`. Paced in the logs bucket.
   * Scope `okta.logs.read`. A query Okta would refuse fails the first read with a TypeError, before anything is sent.
   */
  logEvents(query?: LogQuery): LogEventStream {
    return logEventStream(this.#core, query);
  }

  /**
   * The sessions the System Log shows for a user (id or login), a client address, or one `externalSessionId`:
   * one record per session (user, first and last seen, addresses, user agents, and how it ended when the log
   * shows it). Okta has no list of sessions; this is the nearest thing. Reads `GET /api/v1/logs`; scope `okta.logs.read`.
   * Not exactly one selector: a `TypeError`.
   */
  findSessions(query: FindSessionsQuery): Promise<LoggedSession[]> {
    return findSessions(this.#core, query);
  }

  /**
   * For clears this client made (`clearUserSessions`' request ids, from `.withResponse()`), what the System Log
   * shows each one ended: its `user.session.clear` and a `user.session.end` per session, waiting for the log's
   * lag up to `waitMs`. A clear without its `clear` event in the result is one the log did not show in time.
   */
  sessionsEndedBy(clears: readonly ClearRef[], options?: SessionsEndedByOptions): Promise<Map<string, ClearSeen>> {
    return sessionsEndedBy(this.#core, clears, options);
  }

  /** One operation: `prepare` checks the arguments (a bad one rejects the promise, never throws) and gives the request's parts. */
  #call<K extends OperationId>(operationId: K, options: CallOptions | undefined, prepare: () => CallParts<K>): OktaPromise<SuccessBody<K>> {
    return callPromise(() => {
      const { parts, secrets, credentials } = prepare();
      const operation = OPERATIONS[operationId];
      return runCall<SuccessBody<K>>(
        this.#core,
        operation,
        buildRequest<K>(this.#core.orgUrl, operation, parts, credentials),
        options,
        secrets,
      );
    });
  }
}

/** A /me operation's parts: the cookie given, or in a browser the browser's own (`credentials: 'include'`). */
function withCookie(operationId: OperationId, options: CurrentSessionOptions | undefined): CallParts<'getCurrentSession'> {
  if (options?.cookie === undefined) {
    if (!isBrowser()) throw new TypeError(`${operationId} needs the user's session cookie outside a browser: pass { cookie: "sid=…" }`);
    return { parts: {}, secrets: [], credentials: 'include' };
  }
  const cookie = checkCookie(options.cookie);
  return { parts: { params: { header: { Cookie: cookie } } }, secrets: cookieSecrets(cookie) };
}

/** The query of a clear: each parameter only when given, and a boolean when it is. */
function clearQuery(options: ClearUserSessionsOptions | undefined): { oauthTokens?: boolean; forgetDevices?: boolean } {
  const query: { oauthTokens?: boolean; forgetDevices?: boolean } = {};
  for (const name of ['oauthTokens', 'forgetDevices'] as const) {
    const value = options?.[name];
    if (value === undefined) continue;
    if (typeof value !== 'boolean')
      throw new TypeError(
        `clearUserSessions: ${name} must be true or false (leave it out for Okta's default); got ${JSON.stringify(value)}`,
      );
    query[name] = value;
  }
  return query;
}
