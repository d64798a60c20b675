import type { Credentials } from '../auth/credentials.js';
import type { Logger, LogLevel } from '../helpers/log.js';
import type { RetryEvent, RetryOptions } from '../http/retry.js';
import type { RateLimitEvent, RateLimitOptions } from '../pacing/options.js';
import type { RateLimitStoreEvent } from '../pacing/store.js';

export interface OktaSessionsOptions extends Credentials {
  /** The org's origin, e.g. `https://acme.okta.com`. Plain http only for loopback hosts. */
  orgUrl: string | URL;
  /** When a call is tried again (`RetryOptions`: 2 retries of failures that may have reached Okta, 429s at their reset); `false`: never. */
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
  /** Where the client's log lines go: anything with debug, info, warn and error (`console`, pino, winston). Default `console`. */
  logger?: Logger;
  /** How much it logs; default from `OKTA_SESSIONS_LOG` on Node, else `warn`. */
  logLevel?: LogLevel;
  /**
   * In a browser (a page or a worker), `apiToken` and `oauth` are refused: the token or the service app's key
   * would ship to every visitor of the page. Set this only for a page no one else can load (an internal tool).
   */
  dangerouslyAllowBrowser?: boolean;
}

/** What every method takes, per call. */
export interface CallOptions {
  /** Ends the call (and its waits) when it aborts; the call rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number;
  /** Overrides the client's `retry` for this call, option by option; `false`: no retries (a caller with a queue of its own). */
  retry?: RetryOptions | false;
}

/** The `/me` methods' options: the user's cookie, never an API token. */
export interface CurrentSessionOptions extends CallOptions {
  /**
   * The user's session cookie as a Cookie header value: `sid=…` (Classic) or `idx=…` (Identity Engine).
   * In a browser, leave it out: the browser sends its own cookie (`credentials: 'include'`).
   */
  cookie?: string;
}

/** `clearUserSessions` options, sent as Okta's query parameters only when given. */
export interface ClearUserSessionsOptions extends CallOptions {
  /** Also revoke the OpenID Connect and OAuth refresh and access tokens issued to the user. Okta's default: false. */
  oauthTokens?: boolean;
  /** Clear the user's remembered factors on all devices. Okta's default: true on Identity Engine, false on Classic. */
  forgetDevices?: boolean;
}
