import type { RateLimit } from '../pacing/rate-limit-signal.js';
import type { ErrorCause } from '../types.js';

/** The operation an error came from, by its spec name and path template (never the concrete URL). */
export interface OperationRef {
  operationId: string;
  method: string;
  path: string;
}

/** Root of every error this library throws for a failed call. */
export class OktaError extends Error {
  override name = 'OktaError';
  readonly operationId: string;
  readonly method: string;
  readonly path: string;

  constructor(message: string, operation: OperationRef, options?: { cause?: unknown }) {
    super(`${message} (${operation.method} ${operation.path})`, options);
    this.operationId = operation.operationId;
    this.method = operation.method;
    this.path = operation.path;
  }
}

/** Okta could not be reached, or the connection failed before a complete response arrived. */
export class OktaConnectionError extends OktaError {
  override name = 'OktaConnectionError';
}

/** The call's `timeoutMs` budget ran out (retries and waits included), or an attempt's `retry.attemptTimeoutMs` did. */
export class OktaTimeoutError extends OktaError {
  override name = 'OktaTimeoutError';
  readonly timeoutMs: number;

  constructor(message: string, timeoutMs: number, operation: OperationRef, options?: { cause?: unknown }) {
    super(message, operation, options);
    this.timeoutMs = timeoutMs;
  }
}

export interface ApiErrorDetails {
  status: number;
  errorCode?: string;
  errorSummary?: string;
  errorId?: string;
  errorLink?: string;
  errorCauses: ErrorCause[];
  requestId?: string;
  /** Response headers, without `set-cookie`. */
  headers: Headers;
  /** Attempts the call made: more than 1 when earlier ones were retried (an earlier attempt may have succeeded). */
  attempts: number;
}

/** Okta answered with a status the call cannot succeed with. Okta's own field names are kept. */
export class OktaApiError extends OktaError {
  override name = 'OktaApiError';
  readonly status: number;
  readonly errorCode: string | undefined;
  readonly errorSummary: string | undefined;
  readonly errorId: string | undefined;
  readonly errorLink: string | undefined;
  readonly errorCauses: ErrorCause[];
  readonly requestId: string | undefined;
  readonly headers: Headers;
  readonly attempts: number;

  constructor(message: string, details: ApiErrorDetails, operation: OperationRef) {
    super(message, operation);
    this.status = details.status;
    this.errorCode = details.errorCode;
    this.errorSummary = details.errorSummary;
    this.errorId = details.errorId;
    this.errorLink = details.errorLink;
    this.errorCauses = details.errorCauses;
    this.requestId = details.requestId;
    this.headers = details.headers;
    this.attempts = details.attempts;
  }
}

export class OktaBadRequestError extends OktaApiError {
  override name = 'OktaBadRequestError';
}
export class OktaAuthenticationError extends OktaApiError {
  override name = 'OktaAuthenticationError';
}
export class OktaForbiddenError extends OktaApiError {
  override name = 'OktaForbiddenError';
}
export class OktaNotFoundError extends OktaApiError {
  override name = 'OktaNotFoundError';
}
export class OktaServerError extends OktaApiError {
  override name = 'OktaServerError';
}

/** 429: the call was not processed. `rateLimit` holds the bucket state Okta reported, when it did. */
export class OktaRateLimitError extends OktaApiError {
  override name = 'OktaRateLimitError';
  readonly rateLimit: RateLimit | undefined;

  constructor(message: string, details: ApiErrorDetails & { rateLimit: RateLimit | undefined }, operation: OperationRef) {
    super(message, details, operation);
    this.rateLimit = details.rateLimit;
  }
}
