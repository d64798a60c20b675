import type { ErrorCause } from '../types.js';

/**
 * What Okta reported about a rate-limit bucket in its `X-Rate-Limit-*` headers: on an
 * `OktaRateLimitError`, and per bucket from `okta.rateLimits()`.
 */
export interface RateLimit {
  limit: number;
  remaining: number;
  /** When the window resets, on Okta's clock (the header is in epoch seconds). */
  resetAt: Date;
}

/** The operation an error came from, by its spec name and path template (never the concrete URL). */
export interface OperationRef {
  operationId: string;
  method: string;
  path: string;
}

/**
 * Each error carries the kinds it is (`OktaNotFoundError`, `OktaApiError`, `OktaError`)
 * under a registry symbol: the same symbol in the ESM and the CommonJS build, and in
 * two installed copies of the package. `instanceof` checks it, so an error from
 * one build is recognised by the classes of the other (the dual-package hazard).
 */
const KINDS = Symbol.for('okta-sessions.error-kinds');

type ErrorClass = abstract new (...args: never[]) => OktaError;

/** The kinds of every library class from `leaf` up to `OktaError`. */
function kindsOf(leaf: ErrorClass): readonly string[] {
  const kinds: string[] = [];
  for (let type: unknown = leaf; typeof type === 'function' && type !== Error; type = Object.getPrototypeOf(type)) {
    const kind: unknown = Object.hasOwn(type, 'kind') ? (type as { kind?: unknown }).kind : undefined;
    if (typeof kind === 'string') kinds.push(kind);
  }
  return kinds;
}

/** Root of every error this library throws for a failed call. */
export class OktaError extends Error {
  /** The name this class is recognised by across builds, and its errors' `name`; a user's own subclass has none and is checked as usual. */
  static readonly kind: string = 'OktaError';

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (!Object.hasOwn(this, 'kind')) return Function.prototype[Symbol.hasInstance].call(this, value);
    const kinds = typeof value === 'object' && value !== null ? (value as { [KINDS]?: unknown })[KINDS] : undefined;
    return Array.isArray(kinds) && kinds.includes(this.kind);
  }

  readonly operationId: string;
  readonly method: string;
  readonly path: string;

  constructor(message: string, operation: OperationRef, options?: { cause?: unknown }) {
    super(`${message} (${operation.method} ${operation.path})`, options);
    const kinds = kindsOf(new.target);
    Object.defineProperty(this, KINDS, { value: kinds });
    // The literal name of the most specific library class, e.g. OktaNotFoundError.
    this.name = kinds[0] ?? 'OktaError';
    this.operationId = operation.operationId;
    this.method = operation.method;
    this.path = operation.path;
  }
}

/** Okta could not be reached, or the connection failed before a complete response arrived. */
export class OktaConnectionError extends OktaError {
  static override readonly kind: string = 'OktaConnectionError';
  /** Attempts the call made, when the error ended them; undefined when no attempt was made (a chunk that could not load). */
  readonly attempts: number | undefined;

  constructor(message: string, operation: OperationRef, options?: { cause?: unknown; attempts?: number }) {
    super(message, operation, options);
    this.attempts = options?.attempts;
  }
}

/** The call's `timeoutMs` budget ran out (retries and waits included), or an attempt's `retry.attemptTimeoutMs` did. */
export class OktaTimeoutError extends OktaError {
  static override readonly kind: string = 'OktaTimeoutError';
  readonly timeoutMs: number;
  /** Attempts the call made, when an attempt's timeout ended it; undefined when the call's budget did. */
  readonly attempts: number | undefined;

  constructor(message: string, timeoutMs: number, operation: OperationRef, options?: { cause?: unknown; attempts?: number }) {
    super(message, operation, options);
    this.timeoutMs = timeoutMs;
    this.attempts = options?.attempts;
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
  /** The response headers a caller needs (request id, rate limits, `retry-after`, `date`, `content-type`, `www-authenticate`), redacted. */
  headers: Headers;
  /** Attempts the call made: more than 1 when earlier ones were retried (an earlier attempt may have succeeded). */
  attempts: number;
  /** How many of them Okta answered 429 (not processed). */
  rateLimitedAttempts: number;
}

/** Okta answered with a status the call cannot succeed with. Okta's own field names are kept. */
export class OktaApiError extends OktaError {
  static override readonly kind: string = 'OktaApiError';
  readonly status: number;
  readonly errorCode: string | undefined;
  readonly errorSummary: string | undefined;
  readonly errorId: string | undefined;
  readonly errorLink: string | undefined;
  readonly errorCauses: ErrorCause[];
  readonly requestId: string | undefined;
  readonly headers: Headers;
  readonly attempts: number;
  readonly rateLimitedAttempts: number;

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
    this.rateLimitedAttempts = details.rateLimitedAttempts;
  }
}

/**
 * Okta's token endpoint refused the service app (`/oauth2/v1/token`): `error` and `errorDescription` are
 * its OAuth error (`invalid_client`, `invalid_scope`, …), and the message says what to check.
 */
export class OktaOAuthError extends OktaError {
  static override readonly kind: string = 'OktaOAuthError';
  readonly status: number;
  readonly error: string | undefined;
  readonly errorDescription: string | undefined;
  readonly requestId: string | undefined;
  readonly attempts: number;

  constructor(
    message: string,
    details: {
      status: number;
      error: string | undefined;
      errorDescription: string | undefined;
      requestId: string | undefined;
      attempts: number;
    },
    operation: OperationRef,
  ) {
    super(message, operation);
    this.status = details.status;
    this.error = details.error;
    this.errorDescription = details.errorDescription;
    this.requestId = details.requestId;
    this.attempts = details.attempts;
  }
}

export class OktaBadRequestError extends OktaApiError {
  static override readonly kind: string = 'OktaBadRequestError';
}
export class OktaAuthenticationError extends OktaApiError {
  static override readonly kind: string = 'OktaAuthenticationError';
}
export class OktaForbiddenError extends OktaApiError {
  static override readonly kind: string = 'OktaForbiddenError';
}
export class OktaNotFoundError extends OktaApiError {
  static override readonly kind: string = 'OktaNotFoundError';
}
export class OktaServerError extends OktaApiError {
  static override readonly kind: string = 'OktaServerError';
}

/** 429: the call was not processed. `rateLimit` holds the bucket state Okta reported, when it did. */
export class OktaRateLimitError extends OktaApiError {
  static override readonly kind: string = 'OktaRateLimitError';
  readonly rateLimit: RateLimit | undefined;

  constructor(message: string, details: ApiErrorDetails & { rateLimit: RateLimit | undefined }, operation: OperationRef) {
    super(message, details, operation);
    this.rateLimit = details.rateLimit;
  }
}
