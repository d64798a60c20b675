/** What every call of one client shares, made once from the client's options: every option is checked here. */
import { type ClientCredentials, createCredentials } from '../auth/credentials.js';
import { createLog, type Log } from '../helpers/log.js';
import { isBrowser } from '../helpers/runtime.js';
import type { CallBudget } from '../http/budget.js';
import { type Engine, type EngineFactory, fetchEngines } from '../http/engine.js';
import { normalizeRetry, type RetryEvent, type RetryPolicy } from '../http/retry.js';
import { normalizeOrgUrl } from '../input/org-url.js';
import { checkTimeout } from '../input/timeout.js';
import { OKTA_MAX_CONCURRENCY } from '../pacing/concurrency-limit.js';
import { RateLimitScheduler } from '../pacing/scheduler.js';
import { ServerClock } from '../helpers/server-clock.js';
import { entryRuntime, type TraceCall } from './entry-runtime.js';
import type { OktaSessionsOptions } from './options.js';

const DEFAULT_TIMEOUT_MS = 30_000;

export interface ClientCore {
  /** The org's origin, e.g. `https://acme.okta.com`. */
  readonly orgUrl: string;
  readonly credentials: ClientCredentials | undefined;
  readonly retry: RetryPolicy;
  readonly log: Log;
  readonly trace: TraceCall | undefined;
  readonly timeoutMs: number;
  readonly engine: Engine;
  /** The client's one estimate of Okta's clock, refined by every answer. */
  readonly clock: ServerClock;
  readonly scheduler: RateLimitScheduler | undefined;
  readonly onRetry: ((event: RetryEvent) => void) | undefined;
  /** The budgets of the calls under way, for `close()` to end them. */
  readonly calls: Set<CallBudget>;
  readonly closed: () => boolean;
}

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

/** The core of a client: `engines` send when `options.fetch` is not given; `closed` says whether the client was closed. */
export function createCore(options: OktaSessionsOptions, engines: EngineFactory, closed: () => boolean): ClientCore {
  if (typeof options !== 'object' || options === null) throw new TypeError('new OktaSessions(options) needs an options object with orgUrl');
  const orgUrl = normalizeOrgUrl(options.orgUrl);
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
      : new RateLimitScheduler(options.rateLimit ?? {}, clock, {
          org: orgUrl,
          onRateLimit: options.onRateLimit,
          onRateLimitStore: options.onRateLimitStore,
          log,
        });
  const engineOptions = { origin: orgUrl, maxSockets: scheduler?.maxConcurrency ?? OKTA_MAX_CONCURRENCY, proxy: options.proxy };
  const engine = (options.fetch === undefined ? engines : fetchEngines(options.fetch))(engineOptions);
  const credentials = createCredentials(options, { orgUrl, engine, policy: retry, clock, timeoutMs, log });
  return {
    orgUrl,
    credentials,
    retry,
    log,
    trace: runtime.trace,
    timeoutMs,
    engine,
    clock,
    scheduler,
    onRetry: options.onRetry,
    calls: new Set(),
    closed,
  };
}
