import { type CallAuthorization, type ClientCredentials, type Credentials, checkCredentialsFor, createCredentials } from './auth/credentials.js';
import { OktaAuthenticationError } from './errors/classes.js';
import { loadErrorFactory } from './errors/load-factory.js';
import { isBrowser } from './http/browser.js';
import { CallBudget } from './http/budget.js';
import { type Engine, fetchEngine } from './http/engine.js';
import { type CallInit, type CallResult, callInit, createSpecClient } from './http/openapi-fetch-seam.js';
import { normalizeRetry, type RetryEvent, type RetryOptions, type RetryPolicy } from './http/retry.js';
import { createTransport } from './http/transport.js';
import { checkCookie, cookieSecrets } from './input/cookie.js';
import { normalizeOrgUrl } from './input/org-url.js';
import { checkSessionId } from './input/session-id.js';
import { checkTimeout } from './input/timeout.js';
import { type Operation, OPERATIONS, type OperationId } from './operations.js';
import { OKTA_MAX_CONCURRENCY } from './pacing/concurrency-limit.js';
import { type RateLimit, rateLimitOf } from './pacing/rate-limit-signal.js';
import { type RateLimitEvent, type RateLimitOptions, RateLimitScheduler } from './pacing/scheduler.js';
import { ServerClock } from './pacing/server-clock.js';
import type { RateLimitStoreEvent } from './pacing/shared-gate.js';
import type { Session } from './types.js';

export interface OktaSessionsOptions extends Credentials {
  /** The org's origin, e.g. `https://acme.okta.com`. Plain http only for loopback hosts. */
  orgUrl: string | URL;
  /** 429 retries (on by default: 2 retries, waits up to 60 s); `false` turns them off. */
  retry?: RetryOptions | false;
  /** Budget for a whole call, retries and waits included. Default 30 000; `Infinity` for none. */
  timeoutMs?: number;
  /**
   * A custom fetch. Without one, on Node the client sends through node:http(s) with a keep-alive pool of its own
   * (`okta.close()` ends it); elsewhere through the global fetch, looked up at call time.
   */
  fetch?: typeof globalThis.fetch;
  /**
   * On Node: the proxy to reach Okta through (`http://user:pass@proxy:3128`; https targets are tunnelled with CONNECT).
   * Without it, `HTTPS_PROXY`/`HTTP_PROXY`/`ALL_PROXY` and `NO_PROXY` apply, as curl reads them; `false` ignores them.
   */
  proxy?: string | URL | false;
  /**
   * Pacing by Okta's rate-limit headers (on by default): requests for a used-up bucket wait
   * for its reset instead of drawing 429s, with at most `maxConcurrent` in flight. `false` turns it off.
   */
  rateLimit?: RateLimitOptions | false;
  /** Called before each retry wait, for logging and metrics. Errors it throws are ignored. */
  onRetry?: (event: RetryEvent) => void;
  /** Called when a request is held back for its rate-limit bucket. Errors it throws are ignored. */
  onRateLimit?: (event: RateLimitEvent) => void;
  /** With `rateLimit.store`: called when a bucket falls back to local pacing (the store failed) and when it returns. */
  onRateLimitStore?: (event: RateLimitStoreEvent) => void;
  /**
   * In a browser, `apiToken` is refused: the token would ship to every visitor of the page, with the
   * power of the admin who made it. Set this only for a page no one else can load (an internal tool).
   */
  dangerouslyAllowBrowser?: boolean;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number;
}

export interface CurrentSessionOptions extends CallOptions {
  /**
   * The user's session cookie as a Cookie header value: `sid=…` (Classic) or `idx=…` (Identity Engine).
   * In a browser, leave it out: the browser sends its own cookie (`credentials: 'include'`).
   */
  cookie?: string;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Client for the Okta Sessions API. Each method is one operation of the spec;
 * failures throw `OktaError` subclasses.
 */
export class OktaSessions {
  readonly #api;
  readonly #credentials: ClientCredentials | undefined;
  readonly #retry: RetryPolicy;
  readonly #timeoutMs: number;
  readonly #engine: Engine;
  readonly #onRetry: ((event: RetryEvent) => void) | undefined;
  /** The client's one estimate of Okta's clock, refined by every response. */
  readonly #clock = new ServerClock();
  readonly #scheduler: RateLimitScheduler | undefined;
  /** The budgets of the calls under way, for `close()` to end them. */
  readonly #calls = new Set<CallBudget>();
  #closed = false;

  constructor(options: OktaSessionsOptions) {
    if (typeof options !== 'object' || options === null)
      throw new TypeError('new OktaSessions(options) needs an options object with orgUrl');
    const orgUrl = normalizeOrgUrl(options.orgUrl);
    this.#api = createSpecClient(orgUrl);
    if (options.apiToken !== undefined && isBrowser() && options.dangerouslyAllowBrowser !== true) {
      throw new TypeError(
        'apiToken in a browser would ship the token to every visitor of this page: call the admin methods from your server (the /me methods need no token). ' +
          'For a page no one else can load, pass dangerouslyAllowBrowser: true',
      );
    }
    this.#retry = normalizeRetry(options.retry);
    this.#timeoutMs = options.timeoutMs === undefined ? DEFAULT_TIMEOUT_MS : checkTimeout(options.timeoutMs, 'timeoutMs');
    if (options.fetch !== undefined && typeof options.fetch !== 'function') throw new TypeError('fetch must be a function');
    this.#scheduler =
      options.rateLimit === false
        ? undefined
        : new RateLimitScheduler(options.rateLimit ?? {}, options.onRateLimit, this.#clock, { org: orgUrl, onRateLimitStore: options.onRateLimitStore });
    this.#engine = this.createEngine(options, orgUrl, this.#scheduler?.maxConcurrency ?? OKTA_MAX_CONCURRENCY);
    this.#credentials = createCredentials(options, { orgUrl, engine: this.#engine, policy: this.#retry, clock: this.#clock, timeoutMs: this.#timeoutMs });
    this.#onRetry = options.onRetry;
  }

  /**
   * What sends this client's requests: here, the fetch given or the global one. The Node entry's
   * client overrides it with the node:http(s) engine.
   */
  protected createEngine(options: OktaSessionsOptions, _orgUrl: string, _maxConnections: number): Engine {
    if (options.proxy !== undefined && options.proxy !== false) {
      throw new TypeError('proxy is for the Node engine: with a fetch, set the proxy in it (e.g. undici’s ProxyAgent as its dispatcher); a browser uses the system’s');
    }
    return fetchEngine(options.fetch);
  }

  /** Ends the client: calls in flight or waiting are aborted, its connections closed, and later calls refused. */
  async close(): Promise<void> {
    this.#closed = true;
    const reason = new DOMException('The client was closed (okta.close()) during this call', 'AbortError');
    for (const budget of this.#calls) budget.close(reason);
    await this.#engine.close();
  }

  /** The rate-limit state learned from Okta's headers, per bucket (empty when `rateLimit: false`). */
  rateLimits(): Record<string, RateLimit> {
    return this.#scheduler?.snapshot() ?? {};
  }

  /** createSession: exchanges a single-use session token for a session. */
  async create(sessionToken: string, options?: CallOptions): Promise<Session> {
    if (typeof sessionToken !== 'string' || sessionToken.trim() === '') throw new TypeError('sessionToken must be a non-empty string');
    return this.#call<Session>('createSession', options, [sessionToken], (init) =>
      this.#api.POST('/api/v1/sessions', { ...init, body: { sessionToken } }),
    );
  }

  /** getSession */
  async get(sessionId: string, options?: CallOptions): Promise<Session> {
    const path = { sessionId: checkSessionId(sessionId) };
    return this.#call<Session>('getSession', options, [], (init) => this.#api.GET('/api/v1/sessions/{sessionId}', { ...init, params: { path } }));
  }

  /** refreshSession: moves `expiresAt` forward. */
  async refresh(sessionId: string, options?: CallOptions): Promise<Session> {
    const path = { sessionId: checkSessionId(sessionId) };
    return this.#call<Session>('refreshSession', options, [], (init) =>
      this.#api.POST('/api/v1/sessions/{sessionId}/lifecycle/refresh', { ...init, params: { path } }),
    );
  }

  /** revokeSession (EndSession, Stop-OktaSession in other SDKs). */
  async revoke(sessionId: string, options?: CallOptions): Promise<void> {
    const path = { sessionId: checkSessionId(sessionId) };
    await this.#call<void>('revokeSession', options, [], (init) =>
      this.#api.DELETE('/api/v1/sessions/{sessionId}', { ...init, params: { path } }),
    );
  }

  /** getCurrentSession: the session of the cookie's owner. Never sends the API token. */
  async getCurrent(options?: CurrentSessionOptions): Promise<Session> {
    return this.#callWithCookie<Session>('getCurrentSession', options, (init) => this.#api.GET('/api/v1/sessions/me', init));
  }

  /** refreshCurrentSession */
  async refreshCurrent(options?: CurrentSessionOptions): Promise<Session> {
    return this.#callWithCookie<Session>('refreshCurrentSession', options, (init) => this.#api.POST('/api/v1/sessions/me/lifecycle/refresh', init));
  }

  /** closeCurrentSession: signs the cookie's owner out. */
  async closeCurrent(options?: CurrentSessionOptions): Promise<void> {
    await this.#callWithCookie<void>('closeCurrentSession', options, (init) => this.#api.DELETE('/api/v1/sessions/me', init));
  }

  #callWithCookie<T>(
    operationId: OperationId,
    options: CurrentSessionOptions | undefined,
    send: (init: CallInit & { params: { header?: { Cookie: string } } }) => Promise<CallResult>,
  ): Promise<T> {
    if (options?.cookie === undefined) {
      if (!isBrowser()) {
        throw new TypeError(`${operationId} needs the user's session cookie outside a browser: pass { cookie: "sid=…" }`);
      }
      return this.#call(operationId, options, [], (init) => send({ ...init, credentials: 'include', params: {} }));
    }
    const cookie = checkCookie(options.cookie);
    return this.#call(operationId, options, cookieSecrets(cookie), (init) => send({ ...init, params: { header: { Cookie: cookie } } }));
  }

  async #call<T>(
    operationId: OperationId,
    options: CallOptions | undefined,
    secrets: string[],
    send: (init: CallInit) => Promise<CallResult>,
  ): Promise<T> {
    const operation = OPERATIONS[operationId];
    // The spec gives the cookie operations `security: []`: they never carry a token.
    const credentials = operation.security.length > 0 ? checkCredentialsFor(this.#credentials, operation) : undefined;
    const timeoutMs = options?.timeoutMs === undefined ? this.#timeoutMs : checkTimeout(options.timeoutMs, 'timeoutMs');
    if (this.#closed) throw new Error(`${operationId} on a closed client: okta.close() was called; create a new OktaSessions`);
    const budget = new CallBudget(timeoutMs, options?.signal);
    this.#calls.add(budget);
    try {
      for (let renewed = false; ; renewed = true) {
        const pending = credentials?.authorize(budget, operation);
        const authorization = pending instanceof Promise ? await pending : pending;
        try {
          return await this.#send<T>(operation, budget, authorization, secrets, send);
        } catch (error) {
          // A token Okta refused (revoked, or expired early): one retry with a new one; a second 401 is the caller's.
          if (renewed || !authorization?.invalidate || !(error instanceof OktaAuthenticationError)) throw error;
          authorization.invalidate();
        }
      }
    } finally {
      this.#calls.delete(budget);
      budget.dispose();
    }
  }

  async #send<T>(operation: Operation, budget: CallBudget, authorization: CallAuthorization | undefined, callSecrets: readonly string[], send: (init: CallInit) => Promise<CallResult>): Promise<T> {
    const headers: Record<string, string> = {};
    const secrets = [...callSecrets, ...this.#engine.secrets];
    if (authorization) {
      headers.Authorization = authorization.header;
      secrets.push(authorization.secret);
    }
    const proofs = authorization?.attemptHeaders;
    const transport = createTransport({
      engine: this.#engine,
      policy: this.#retry,
      operation,
      budget,
      secrets,
      onRetry: this.#onRetry,
      clock: this.#clock,
      scheduler: this.#scheduler,
      attemptHeaders:
        proofs &&
        (async (method, url) => {
          const added = await proofs(method, url);
          secrets.push(...Object.values(added));
          return added;
        }),
    });
    const { error, response } = await send(callInit(transport.send, headers));
    const outcome = transport.outcome();
    if (!response.ok) {
      throw (await loadErrorFactory()).createApiError(response, error, operation, secrets, outcome.attempts, outcome.signal && rateLimitOf(outcome.signal), outcome.note);
    }
    // The success body's type is the spec's: T is the generated Session (or void) for each method.
    return outcome.body as T;
  }
}
