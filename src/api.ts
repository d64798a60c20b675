/** Everything the package exports but the client class, which each entry picks for its runtime. */
export type { AccessTokenProvider, Credentials } from './auth/credentials.js';
export type { OAuthOptions, PrivateJwk } from './auth/oauth/options.js';
export type { OktaPromise, OktaResponse } from './client/call-promise.js';
export type { LogPage, LogQuery } from './client/log-events.js';
export type { LogEventStream } from './client/system-log.js';
export { scimString } from './input/scim.js';
export type { ClearRef, ClearSeen, FindSessionsQuery, LoggedSession, SessionsEndedByOptions } from './client/log-sessions.js';
export type { CallOptions, ClearUserSessionsOptions, CurrentSessionOptions, OktaSessionsOptions } from './client/options.js';
export {
  OktaApiError,
  OktaAuthenticationError,
  OktaBadRequestError,
  OktaClientClosedError,
  OktaConnectionError,
  OktaError,
  OktaForbiddenError,
  OktaNotFoundError,
  OktaOAuthError,
  OktaRateLimitError,
  OktaRateLimitWaitError,
  OktaResponseError,
  OktaServerError,
  OktaTimeoutError,
  type RateLimit,
} from './errors/classes.js';
export type { CallTrace } from './client/tracing.js';
export type { Logger, LogLevel } from './helpers/log.js';
export type { AttemptFailure, RetryEvent, RetryOptions } from './http/retry.js';
export type { RateLimitEvent, RateLimitOptions } from './pacing/options.js';
export type { LearnedWindow, RateLimitStore, RateLimitStoreEvent, StoreLease } from './pacing/store.js';
export type * from './types.js';
