import { type ClientCredentials, createCredentials } from '../auth/credentials.js';
import { createLog } from '../helpers/log.js';
import { isBrowser } from '../helpers/runtime.js';
import type { CallBudget } from '../http/budget.js';
import { type Engine, type EngineFactory, fetchEngines } from '../http/engine.js';
import { type CallInit, createSpecClient, type FinishedCall } from '../http/openapi-fetch-seam.js';
import { normalizeRetry } from '../http/retry.js';
import { checkCookie, cookieSecrets } from '../input/cookie.js';
import { normalizeOrgUrl } from '../input/org-url.js';
import { checkSessionId } from '../input/session-id.js';
import { checkTimeout } from '../input/timeout.js';
import { checkUserId } from '../input/user-id.js';
import type { OperationId } from '../operations.js';
import type { RateLimit } from '../errors/classes.js';
import { type Secret, sessionIdSecret } from '../errors/redact.js';
import { OKTA_MAX_CONCURRENCY } from '../pacing/concurrency-limit.js';
import { RateLimitScheduler } from '../pacing/scheduler.js';
import { ServerClock } from '../pacing/server-clock.js';
import type { Session, UserGetSingleton } from '../types.js';
import { type ClientCore, runCall, type SendCall } from './call.js';
import { callPromise, type OktaPromise } from './call-promise.js';
import { entryRuntime } from './entry-runtime.js';
import type { CallOptions, ClearUserSessionsOptions, CurrentSessionOptions, OktaSessionsOptions } from './options.js';

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * In a browser (a page or a worker), a long-lived secret would ship to every visitor, with the power of
 * whoever made it: an API token (an admin's), or a service app's private key. A static `accessToken` is
 * allowed: in a page it is the signed-in user's own short-lived token (okta-auth-js, PKCE).
 */
function refuseLongLivedSecretsInBrowser(options: OktaSessionsOptions): void {
  if (options.dangerouslyAllowBrowser === true || !isBrowser()) return;
  const what =
    options.apiToken !== undefined
      ? 'apiToken in a browser would ship the token'
      : options.oauth !== undefined
        ? "oauth in a browser would ship the service app's private key"
        : undefined;
  if (what) {
    throw new TypeError(
      `${what} to every visitor of this page: call the admin methods from your server (the /me methods need no token). ` +
        'For a page no one else can load, pass dangerouslyAllowBrowser: true',
    );
  }
}

/**
 * Client for the Okta Sessions API. Each method is one operation of the spec;
 * failures throw `OktaError` subclasses.
 */
export class OktaSessions {
  readonly #api;
  readonly #core: ClientCore;
  #closed = false;

  /**
   * `engines` is internal: what sends the requests when `fetch` is not given. The package entry
   * the class was imported from supplies it (node:http(s) on Node, fetch elsewhere); tests inject one.
   */
  constructor(options: OktaSessionsOptions);
  /** @internal */
  constructor(options: OktaSessionsOptions, engines: EngineFactory);
  constructor(options: OktaSessionsOptions, engines: EngineFactory = entryRuntime().engines) {
    if (typeof options !== 'object' || options === null)
      throw new TypeError('new OktaSessions(options) needs an options object with orgUrl');
    const orgUrl = normalizeOrgUrl(options.orgUrl);
    this.#api = createSpecClient(orgUrl);
    refuseLongLivedSecretsInBrowser(options);
    const retry = normalizeRetry(options.retry);
    const timeoutMs = options.timeoutMs === undefined ? DEFAULT_TIMEOUT_MS : checkTimeout(options.timeoutMs, 'timeoutMs');
    if (options.fetch !== undefined && typeof options.fetch !== 'function') throw new TypeError('fetch must be a function');
    const runtime = entryRuntime();
    const log = createLog(options.logger, options.logLevel, runtime.environmentLogLevel());
    // Okta's clock ahead (offsetMs > 0) or behind this machine's, by its Date headers: waits and signed times follow Okta's.
    const clock = new ServerClock((offsetMs) => log.write('warn', "okta-sessions: this machine's clock is off Okta's", { offsetMs }));
    const scheduler =
      options.rateLimit === false
        ? undefined
        : new RateLimitScheduler(options.rateLimit ?? {}, options.onRateLimit, clock, {
            org: orgUrl,
            onRateLimitStore: options.onRateLimitStore,
            log,
          });
    const engineOptions = { origin: orgUrl, maxSockets: scheduler?.maxConcurrency ?? OKTA_MAX_CONCURRENCY, proxy: options.proxy };
    const engine: Engine = (options.fetch === undefined ? engines : fetchEngines(options.fetch))(engineOptions);
    const credentials: ClientCredentials | undefined = createCredentials(options, { orgUrl, engine, policy: retry, clock, timeoutMs, log });
    this.#core = {
      credentials,
      retry,
      log,
      trace: runtime.trace,
      timeoutMs,
      engine,
      clock,
      scheduler,
      onRetry: options.onRetry,
      calls: new Set<CallBudget>(),
      closed: () => this.#closed,
    };
  }

  /** Ends the client: calls in flight or waiting are aborted, its connections closed, and later calls refused. */
  async close(): Promise<void> {
    this.#closed = true;
    const reason = new DOMException('The client was closed (okta.close()) during this call', 'AbortError');
    for (const budget of this.#core.calls) budget.close(reason);
    await this.#core.engine.close();
  }

  /** The rate-limit state learned from Okta's headers, per bucket (empty when `rateLimit: false`). */
  rateLimits(): Record<string, RateLimit> {
    return this.#core.scheduler?.snapshot() ?? {};
  }

  /** createSession: exchanges a single-use session token for a session. */
  create(sessionToken: string, options?: CallOptions): OktaPromise<Session> {
    return callPromise(() => {
      if (typeof sessionToken !== 'string' || sessionToken.trim() === '') throw new TypeError('sessionToken must be a non-empty string');
      return this.#run('createSession', options, [sessionToken], (init) =>
        this.#api.POST('/api/v1/sessions', { ...init, body: { sessionToken } }),
      );
    });
  }

  /** getSession */
  get(sessionId: string, options?: CallOptions): OktaPromise<Session> {
    return callPromise(() => {
      const path = { sessionId: checkSessionId(sessionId) };
      return this.#run('getSession', options, [sessionIdSecret(sessionId)], (init) =>
        this.#api.GET('/api/v1/sessions/{sessionId}', { ...init, params: { path } }),
      );
    });
  }

  /** refreshSession: moves `expiresAt` forward. */
  refresh(sessionId: string, options?: CallOptions): OktaPromise<Session> {
    return callPromise(() => {
      const path = { sessionId: checkSessionId(sessionId) };
      return this.#run('refreshSession', options, [sessionIdSecret(sessionId)], (init) =>
        this.#api.POST('/api/v1/sessions/{sessionId}/lifecycle/refresh', { ...init, params: { path } }),
      );
    });
  }

  /** revokeSession (EndSession, Stop-OktaSession in other SDKs). */
  revoke(sessionId: string, options?: CallOptions): OktaPromise<void> {
    return callPromise(() => {
      const path = { sessionId: checkSessionId(sessionId) };
      return this.#run('revokeSession', options, [sessionIdSecret(sessionId)], (init) =>
        this.#api.DELETE('/api/v1/sessions/{sessionId}', { ...init, params: { path } }),
      );
    });
  }

  /** getCurrentSession: the session of the cookie's owner. Never sends the API token. */
  getCurrent(options?: CurrentSessionOptions): OktaPromise<Session> {
    return this.#callWithCookie('getCurrentSession', options, (init) => this.#api.GET('/api/v1/sessions/me', init));
  }

  /** refreshCurrentSession */
  refreshCurrent(options?: CurrentSessionOptions): OktaPromise<Session> {
    return this.#callWithCookie('refreshCurrentSession', options, (init) => this.#api.POST('/api/v1/sessions/me/lifecycle/refresh', init));
  }

  /** closeCurrentSession: signs the cookie's owner out. */
  closeCurrent(options?: CurrentSessionOptions): OktaPromise<void> {
    return this.#callWithCookie('closeCurrentSession', options, (init) => this.#api.DELETE('/api/v1/sessions/me', init));
  }

  /** getUser: a user by id, login or login shortname (`ada` for `ada@example.com`, when unambiguous). */
  getUser(idOrLogin: string, options?: CallOptions): OktaPromise<UserGetSingleton> {
    return callPromise(() => {
      const path = { id: checkUserId(idOrLogin, 'idOrLogin') };
      return this.#run('getUser', options, [], (init) => this.#api.GET('/api/v1/users/{id}', { ...init, params: { path } }));
    });
  }

  /**
   * revokeUserSessions: ends every Okta session of the user, the way to log a user out on Identity Engine.
   * `oauthTokens: true` also revokes the OAuth/OIDC tokens issued to the user (Okta's default: kept);
   * `forgetDevices` clears remembered factors (Okta's default: true on Identity Engine, false on Classic).
   * Left out, a parameter is not sent and Okta's default applies.
   */
  clearUserSessions(userId: string, options?: ClearUserSessionsOptions): OktaPromise<void> {
    return callPromise(() => {
      const path = { userId: checkUserId(userId, 'userId') };
      const query = clearQuery(options);
      return this.#run('revokeUserSessions', options, [], (init) =>
        this.#api.DELETE('/api/v1/users/{userId}/sessions', { ...init, params: { path, query } }),
      );
    });
  }

  #callWithCookie<T>(
    operationId: OperationId,
    options: CurrentSessionOptions | undefined,
    send: (init: CallInit & { params: { header?: { Cookie: string } } }) => ReturnType<SendCall>,
  ): OktaPromise<T> {
    return callPromise(() => {
      if (options?.cookie === undefined) {
        if (!isBrowser()) throw new TypeError(`${operationId} needs the user's session cookie outside a browser: pass { cookie: "sid=…" }`);
        return this.#run(operationId, options, [], (init) => send({ ...init, credentials: 'include', params: {} }));
      }
      const cookie = checkCookie(options.cookie);
      return this.#run(operationId, options, cookieSecrets(cookie), (init) => send({ ...init, params: { header: { Cookie: cookie } } }));
    });
  }

  /** One call of the spec: the value is its success body, typed by each method as the generated type (or void). */
  #run(operationId: OperationId, options: CallOptions | undefined, secrets: readonly Secret[], send: SendCall): Promise<FinishedCall> {
    return runCall(this.#core, operationId, options, secrets, send);
  }
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
