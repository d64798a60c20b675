/** Everything the package exports but the client class, which each entry picks for its runtime. */
export type { AccessTokenProvider, Credentials } from './auth/credentials.js';
export type { OAuthOptions, PrivateJwk } from './auth/oauth/options.js';
export type { CallOptions, CurrentSessionOptions, OktaSessionsOptions } from './client.js';
export {
  OktaApiError,
  OktaAuthenticationError,
  OktaBadRequestError,
  OktaConnectionError,
  OktaError,
  OktaForbiddenError,
  OktaNotFoundError,
  OktaOAuthError,
  OktaRateLimitError,
  OktaServerError,
  OktaTimeoutError,
} from './errors/classes.js';
export type { AttemptFailure, RetryEvent, RetryOptions } from './http/retry.js';
export type { RateLimit } from './pacing/rate-limit-signal.js';
export type { RateLimitEvent, RateLimitOptions } from './pacing/scheduler.js';
export type { LearnedWindow, RateLimitStore, RateLimitStoreEvent, StoreTake } from './pacing/shared-gate.js';
export type * from './types.js';
