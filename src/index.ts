export type { AccessTokenProvider, Credentials } from './auth.js';
export { type CallOptions, type CurrentSessionOptions, OktaSessions, type OktaSessionsOptions } from './client.js';
export {
  OktaApiError,
  OktaAuthenticationError,
  OktaBadRequestError,
  OktaConnectionError,
  OktaError,
  OktaForbiddenError,
  OktaNotFoundError,
  OktaRateLimitError,
  OktaServerError,
  OktaTimeoutError,
} from './errors.js';
export type { RateLimit } from './rate-limit.js';
export type { AttemptFailure, RetryEvent, RetryOptions } from './retry.js';
export type { RateLimitEvent, RateLimitOptions } from './scheduler.js';
export type * from './types.js';
