/** What the embedded server is to a test: its options, its handle, and the record of each response. */
import type { OperationId } from '../../generated/operations.js';
import type { LogEvent, UserStatus } from '../types.js';
import type { CorsOptions } from './cors.js';
import type { Fault, FaultOptions } from './faults.js';
import type { SessionClear } from './handlers.js';
import type { ServiceAppOptions } from './oauth.js';
import type { ServerBucketMap } from './okta-limits.js';
import type { ServerRateLimitOptions } from './rate-limiter.js';

/** How the embedded Okta behaves: its org's engine, rate limits, lifetimes, CORS, the log's lag. Every option has Okta's default. */
export interface OktaSessionsServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** A loopback address; default 127.0.0.1. */
  host?: string;
  /** Per-bucket windows; `false` turns rate limiting off. Default 100 requests per 60 s. */
  rateLimit?: ServerRateLimitOptions | false;
  /** Simultaneous requests allowed before Okta's concurrency 429 (Limit and Remaining both 0). Off by default. */
  concurrencyLimit?: number;
  /** Which operations share a rate-limit counter. Default: the admin operations share one, /me has its own. */
  buckets?: ServerBucketMap;
  /** Default 2 hours, as Okta's default policy. */
  sessionLifetimeMs?: number;
  /** Default 5 minutes, as Okta's. */
  sessionTokenLifetimeMs?: number;
  /** Called with every response the server sends: for logging, or to validate responses in tests. */
  onResponse?: (record: ResponseRecord) => void;
  /** The API token the server accepts; a random one by default. */
  apiToken?: string;
  /** Browsers: Trusted Origins for the `/me` operations and `/login/sessionCookieRedirect`. Off by default (no CORS headers). */
  cors?: CorsOptions;
  /**
   * How far the server's clock runs ahead of this machine's (negative: behind), in every time it checks or
   * sends: `Date`, rate-limit resets, token and proof lifetimes. For tests of a client whose clock is off.
   */
  clockOffsetMs?: number;
  /**
   * Which engine the org runs. On `'classic'` (default) a session's System Log `externalSessionId` is its id; on
   * `'identity-engine'` it is an `idx…` id, which no session operation takes (clear the user instead), as on Okta.
   */
  engine?: 'classic' | 'identity-engine';
  /** How long after it is written a System Log event can be read (Okta's log lags). Default 0. */
  logDelayMs?: number;
  /**
   * The org's address in links (`_links`, the System Log's `Link` header). By default the host each request came to,
   * as Okta builds links on the domain the caller used (a custom domain included).
   */
  publicUrl?: string;
}

/** A sign-in as a test stages it: the user, and where they signed in from. */
export interface SignIn {
  login: string;
  /** The client's address the System Log records. Default 127.0.0.1. */
  ipAddress?: string;
  userAgent?: string;
}

/** One answer the server gave, for a test's `onResponse`. */
export interface ResponseRecord {
  /** The operation the request was routed to, or undefined for a path Okta does not route. */
  operationId: OperationId | undefined;
  /** The request's HTTP method. */
  method: string;
  /** The request's path, as received. */
  path: string;
  /** The request's query parameters, as received. */
  query: Record<string, string>;
  /** The status answered. */
  status: number;
  /** The headers answered. */
  headers: Record<string, string | string[]>;
  /** The parsed JSON body, when there was one. */
  body: unknown;
}

/** A running embedded Okta: its address and API token, ways to stage an org, and what it recorded. */
export interface OktaSessionsServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** A valid API token (`Authorization: SSWS <apiToken>`). */
  readonly apiToken: string;
  /** A user, as an admin creates one; returns its Okta-shaped id (`00u…`, 20 characters). Status `ACTIVE` unless given. */
  createUser(user: { login: string; status?: UserStatus }): string;
  /** A single-use session token for `create`, valid for `sessionTokenLifetimeMs`; the user is created when absent. */
  issueSessionToken(user: { login: string }): Promise<string>;
  /** A session of the user, created directly (no HTTP, no rate limit): for seeding many sessions quickly. Returns its id. */
  issueSession(user: { login: string }): string;
  /**
   * A sign-in: a session of the user (created when absent) and its `user.session.start` in the System Log, from the
   * address and user agent given. Returns the session's id and its `externalSessionId` (`idx…` on Identity Engine).
   */
  signIn(user: SignIn): {
    /** The session's id, as `create` returns it. */
    sessionId: string;
    /** The System Log's id for the session: the same id on Classic, `idx…` on Identity Engine. */
    externalSessionId: string;
    /** The user's id (`00u…`). */
    userId: string;
  };
  /** A sign-in to an app from a session (`user.authentication.sso`), from the address and user agent given. */
  appSignIn(signIn: { externalSessionId: string; app?: string; ipAddress?: string; userAgent?: string }): void;
  /** Every System Log event written so far, visible or not. */
  readonly logEvents: readonly LogEvent[];
  /** Every clear of a user's sessions so far (`DELETE /api/v1/users/{userId}/sessions`), with the query values Okta received. */
  readonly sessionClears: readonly SessionClear[];
  /** An OAuth access token (`Authorization: Bearer …`) holding these scopes, e.g. `okta.sessions.read`. */
  issueAccessToken(scopes: readonly string[]): string;
  /** An OAuth 2.0 service app for `oauth` clients: its public key, granted scopes, DPoP required (default) or not. */
  registerServiceApp(options: ServiceAppOptions): {
    /** The app's client id (`0oa…`), for `oauth.clientId`. */
    clientId: string;
  };
  /** Ends every access token issued so far (an admin revoking them): the next API call with one gets a 401. */
  revokeAccessTokens(): void;
  /** Requests to `/oauth2/v1/token` so far. */
  readonly tokenRequests: number;
  /** Queues a fault for the next `times` (default 1) matching requests, each with `probability` (default 1). */
  inject(fault: Fault, options?: FaultOptions): void;
  /** Drops every queued fault. */
  clearFaults(): void;
  /** Requests received so far, per operation. */
  readonly requestCounts: Readonly<Partial<Record<OperationId, number>>>;
  /** Requests that got an injected fault so far, whether or not it produced a response. */
  readonly faultsInjected: number;
  /** Stops the server: open connections are closed, and the promise resolves when the port is free. */
  close(): Promise<void>;
}
