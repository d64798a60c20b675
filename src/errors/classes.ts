/**
 * Every error a call can end with, one class per kind of failure. They are made in one place,
 * `errors/make.ts`; here they only hold what each kind carries.
 *
 *   OktaError                          every failure of a call
 *   ├── OktaResponseError              Okta answered: status, request id, headers, attempts
 *   │   ├── OktaApiError               …with an Okta error object (errorCode, errorSummary, …)
 *   │   │   ├── OktaBadRequestError    400
 *   │   │   ├── OktaAuthenticationError 401
 *   │   │   ├── OktaForbiddenError     403
 *   │   │   ├── OktaNotFoundError      404
 *   │   │   ├── OktaRateLimitError     429: not processed
 *   │   │   └── OktaServerError        5xx
 *   │   └── OktaOAuthError             the token endpoint refused the service app
 *   ├── OktaConnectionError            no complete answer: refused, reset, untrusted certificate
 *   ├── OktaTimeoutError               the call's budget or an attempt's timeout ran out
 *   │   └── OktaRateLimitWaitError     the bucket opens after the budget ends: not sent
 *   └── OktaClientClosedError          `okta.close()` was called
 */
import type { ErrorCause } from '../types.js';

/**
 * What Okta reported about a rate-limit bucket in its `X-Rate-Limit-*` headers: on an
 * `OktaRateLimitError`, and per bucket from `okta.rateLimits()`.
 */
export interface RateLimit {
  /** `X-Rate-Limit-Limit`: requests the bucket allows per window. */
  limit: number;
  /** `X-Rate-Limit-Remaining`: requests left in the current window. */
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

/** Root of every error a call of this library ends with; `operationId`, `method` and `path` name the operation. */
export class OktaError extends Error {
  /** The name this class is recognised by across builds, and its errors' `name`; a user's own subclass has none and is checked as usual. */
  static readonly kind: string = 'OktaError';

  /** `instanceof` across the ESM and CommonJS builds and installed copies: by the kinds an error carries, not its prototype. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (!Object.hasOwn(this, 'kind')) return Function.prototype[Symbol.hasInstance].call(this, value);
    const kinds = typeof value === 'object' && value !== null ? (value as { [KINDS]?: unknown })[KINDS] : undefined;
    return Array.isArray(kinds) && kinds.includes(this.kind);
  }

  /** The operation, by its name in Okta's spec (`getSession`, `revokeUserSessions`, `listLogEvents`). */
  readonly operationId: string;
  /** Its HTTP method. */
  readonly method: string;
  /** Its path template (`/api/v1/sessions/{sessionId}`): never the concrete URL, which may hold an id. */
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

/** What every answer Okta gave carries. */
export interface ResponseDetails {
  status: number;
  requestId: string | undefined;
  /** The response headers a caller needs (request id, rate limits, `retry-after`, `date`, `content-type`, `www-authenticate`), redacted. */
  headers: Headers;
  /** Attempts the call made: more than 1 when earlier ones were retried (an earlier attempt may have succeeded). */
  attempts: number;
  /** How many of them Okta answered 429 (not processed). */
  rateLimitedAttempts: number;
}

/** Okta answered, with a status the call cannot succeed with: the base of API errors and of `OktaOAuthError`. */
export class OktaResponseError extends OktaError {
  static override readonly kind: string = 'OktaResponseError';
  /** The HTTP status of Okta's answer. */
  readonly status: number;
  /** `X-Okta-Request-Id`: the `transaction.id` of the System Log events the request caused; quote it to Okta support. */
  readonly requestId: string | undefined;
  /** The response headers a caller needs (request id, rate limits, `retry-after`, `date`, `content-type`, `www-authenticate`), redacted. */
  readonly headers: Headers;
  /** Attempts the call made: more than 1 when earlier ones were retried (an earlier attempt may have succeeded). */
  readonly attempts: number;
  /** How many of the attempts Okta answered 429 (not processed). */
  readonly rateLimitedAttempts: number;

  constructor(message: string, details: ResponseDetails, operation: OperationRef) {
    super(message, operation);
    this.status = details.status;
    this.requestId = details.requestId;
    this.headers = details.headers;
    this.attempts = details.attempts;
    this.rateLimitedAttempts = details.rateLimitedAttempts;
  }
}

/** An Okta error object, under Okta's own field names; only `errorCode` is meant for flow control. */
export interface ApiErrorDetails extends ResponseDetails {
  errorCode?: string | undefined;
  errorSummary?: string | undefined;
  errorId?: string | undefined;
  errorLink?: string | undefined;
  errorCauses: ErrorCause[];
}

/** Okta's API answered with an error (its error object, when it sent one). */
export class OktaApiError extends OktaResponseError {
  static override readonly kind: string = 'OktaApiError';
  /** Okta's error code (`E0000007`): the one field meant for flow control. */
  readonly errorCode: string | undefined;
  /** Okta's sentence for the error (`Not found: Resource not found: … (Session)`). */
  readonly errorSummary: string | undefined;
  /** Okta's id of this occurrence, for its support. */
  readonly errorId: string | undefined;
  /** Okta's link for the error code (often the code itself). */
  readonly errorLink: string | undefined;
  /** What caused it, field by field, for a validation error (`errorSummary` each); empty otherwise. */
  readonly errorCauses: ErrorCause[];

  constructor(message: string, details: ApiErrorDetails, operation: OperationRef) {
    super(message, details, operation);
    this.errorCode = details.errorCode;
    this.errorSummary = details.errorSummary;
    this.errorId = details.errorId;
    this.errorLink = details.errorLink;
    this.errorCauses = details.errorCauses;
  }
}

/** 400: Okta refused the request as sent (E0000001 validation, E0000003 body). */
export class OktaBadRequestError extends OktaApiError {
  static override readonly kind: string = 'OktaBadRequestError';
}
/** 401: the credentials were refused (E0000011 an invalid token, E0000004 a used session token). */
export class OktaAuthenticationError extends OktaApiError {
  static override readonly kind: string = 'OktaAuthenticationError';
}
/** 403: the credentials may not do this (E0000006), or the request was refused (E0000005). */
export class OktaForbiddenError extends OktaApiError {
  static override readonly kind: string = 'OktaForbiddenError';
}
/** 404 (E0000007): no such session or user, or it has ended. */
export class OktaNotFoundError extends OktaApiError {
  static override readonly kind: string = 'OktaNotFoundError';
}
/** 5xx: Okta, or a proxy in front of it, failed. */
export class OktaServerError extends OktaApiError {
  static override readonly kind: string = 'OktaServerError';
}

/** 429 (E0000047): Okta did not process the request. `rateLimit` holds the bucket state it reported, when it did. */
export class OktaRateLimitError extends OktaApiError {
  static override readonly kind: string = 'OktaRateLimitError';
  /** The bucket's state as the 429 reported it; undefined when it sent no rate-limit headers. */
  readonly rateLimit: RateLimit | undefined;

  constructor(message: string, details: ApiErrorDetails & { rateLimit: RateLimit | undefined }, operation: OperationRef) {
    super(message, details, operation);
    this.rateLimit = details.rateLimit;
  }
}

/**
 * Okta's token endpoint refused the service app (`/oauth2/v1/token`): `error` and `errorDescription` are
 * its OAuth error (`invalid_client`, `invalid_scope`, …), and the message says what to check.
 */
export class OktaOAuthError extends OktaResponseError {
  static override readonly kind: string = 'OktaOAuthError';
  /** The OAuth error code (RFC 6749 section 5.2): `invalid_client`, `invalid_scope`, `invalid_dpop_proof`, …. */
  readonly error: string | undefined;
  /** Okta's `error_description`. */
  readonly errorDescription: string | undefined;

  constructor(
    message: string,
    details: ResponseDetails & { error: string | undefined; errorDescription: string | undefined },
    operation: OperationRef,
  ) {
    super(message, details, operation);
    this.error = details.error;
    this.errorDescription = details.errorDescription;
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
  /** The budget or attempt timeout that ran out, in ms. */
  readonly timeoutMs: number;
  /** Attempts the call made, when an attempt's timeout ended it; undefined when the call's budget did. */
  readonly attempts: number | undefined;

  constructor(message: string, timeoutMs: number, operation: OperationRef, options?: { cause?: unknown; attempts?: number }) {
    super(message, operation, options);
    this.timeoutMs = timeoutMs;
    this.attempts = options?.attempts;
  }
}

/**
 * The rate-limit bucket stays used up until `rateLimit.resetAt`, after the call's budget ends: the request
 * was not sent (nothing reached Okta), and the call failed at once rather than waiting into a timeout.
 */
export class OktaRateLimitWaitError extends OktaTimeoutError {
  static override readonly kind: string = 'OktaRateLimitWaitError';
  /** The bucket as last reported: `resetAt` is when it opens again. */
  readonly rateLimit: RateLimit;

  constructor(message: string, timeoutMs: number, rateLimit: RateLimit, operation: OperationRef, options: { attempts: number }) {
    super(message, timeoutMs, operation, options);
    this.rateLimit = rateLimit;
  }
}

/** The client was closed (`okta.close()`): calls in flight or waiting end with this, and later calls are refused. */
export class OktaClientClosedError extends OktaError {
  static override readonly kind: string = 'OktaClientClosedError';
  /** Attempts the call had started when the client closed: 0 means nothing of it was sent. */
  readonly attempts: number;

  constructor(message: string, operation: OperationRef, options: { attempts: number }) {
    super(message, operation);
    this.attempts = options.attempts;
  }
}
