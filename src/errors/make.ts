/**
 * The one place errors are made: every `Okta*Error` a call can end with is constructed here, with its
 * message in one format (`Okta 404 E0000007: Not found: … (GET /api/v1/sessions/{sessionId})`), every
 * part of it redacted of the call's secrets. The answer's reader decides *which* error; this says it.
 */
import type { ErrorCause } from '../types.js';
import {
  type ApiErrorDetails,
  OktaApiError,
  OktaAuthenticationError,
  OktaBadRequestError,
  OktaClientClosedError,
  OktaConnectionError,
  OktaForbiddenError,
  OktaNotFoundError,
  OktaOAuthError,
  OktaRateLimitError,
  OktaRateLimitWaitError,
  OktaServerError,
  OktaTimeoutError,
  type OperationRef,
  type RateLimit,
  type ResponseDetails,
} from './classes.js';
import { browserFetchFailureHint, describeConnectionError } from './connection.js';
import { redact, safeHeaders, type Secret } from './redact.js';

/** What an error reads of an answer: a fetch `Response` is one, and so is the Node engine's. */
export interface AnswerLike {
  readonly status: number;
  readonly statusText: string;
  /** The URL answered, for a relative `Location`; may be empty. */
  readonly url: string;
  readonly headers: Iterable<[string, string]> & { get(name: string): string | null };
}

/** A call's attempts so far, and how many of them Okta answered 429. */
export interface AttemptCount {
  attempts: number;
  rateLimited: number;
}

/** What every error of one call is made with. */
export interface ErrorContext {
  operation: OperationRef;
  /** The call's values never to show (tokens, cookies, session ids). */
  secrets: readonly Secret[];
  count: AttemptCount;
}

/** How a message ends after retries: how many attempts, and how many of them met a 429. */
function afterAttempts({ attempts, rateLimited }: AttemptCount): string {
  if (attempts <= 1) return '';
  return ` (after ${attempts} attempts${rateLimited > 0 ? `, ${rateLimited} of them answered 429` : ''})`;
}

/** `note` says why the call gave up; without one, how many attempts it made. */
function ending(count: AttemptCount, note: string | undefined): string {
  return note ? `; ${note}` : afterAttempts(count);
}

/** `X-Okta-Request-Id`, redacted like everything else the server sends back. */
export function redactedRequestId(answer: Pick<AnswerLike, 'headers'>, secrets: readonly Secret[]): string | undefined {
  const requestId = answer.headers.get('x-okta-request-id');
  return requestId === null ? undefined : redact(requestId, secrets);
}

function responseDetails(answer: AnswerLike, { secrets, count }: ErrorContext): ResponseDetails {
  return {
    status: answer.status,
    requestId: redactedRequestId(answer, secrets),
    headers: safeHeaders(answer.headers, secrets),
    attempts: count.attempts,
    rateLimitedAttempts: count.rateLimited,
  };
}

const CLASS_BY_STATUS: Readonly<Record<number, typeof OktaApiError>> = {
  400: OktaBadRequestError,
  401: OktaAuthenticationError,
  403: OktaForbiddenError,
  404: OktaNotFoundError,
};

function stringField(body: Record<string, unknown>, key: string, secrets: readonly Secret[]): string | undefined {
  const value = body[key];
  return typeof value === 'string' ? redact(value, secrets) : undefined;
}

function errorCauses(body: Record<string, unknown>, secrets: readonly Secret[]): ErrorCause[] {
  if (!Array.isArray(body.errorCauses)) return [];
  return body.errorCauses.flatMap((cause: unknown) => {
    const summary = typeof cause === 'object' && cause !== null ? (cause as Record<string, unknown>).errorSummary : undefined;
    return typeof summary === 'string' ? [{ errorSummary: redact(summary, secrets) }] : [];
  });
}

function describeBody(body: unknown): string {
  if (body === undefined || body === '') return '(no body)';
  return typeof body === 'string' ? '(non-JSON body)' : '(no Okta error object)';
}

/** Where a redirect points, as an origin only (a URL could carry a token). */
function redirectTarget(answer: AnswerLike): string {
  try {
    return new URL(answer.headers.get('location') ?? '', answer.url || undefined).origin;
  } catch {
    return 'an unknown location';
  }
}

function apiMessage(details: ApiErrorDetails, answer: AnswerLike, body: unknown, secrets: readonly Secret[]): string {
  const head = details.errorCode ? `Okta ${details.status} ${details.errorCode}` : `Okta ${details.status}`;
  if (details.status >= 300 && details.status < 400)
    return `${head}: redirect to ${redirectTarget(answer)} not followed, so no credential leaves the org`;
  if (details.errorSummary) return `${head}: ${details.errorSummary}`;
  const statusText = redact(answer.statusText, secrets);
  return `${head}${statusText ? ` ${statusText}` : ''} ${describeBody(body)}`;
}

/**
 * An API answer the call cannot succeed with, as one `OktaApiError` subclass by status. `body` is the
 * parsed JSON, or the raw text when it was not JSON; `rateLimit` what the answer's headers reported;
 * `note` why the call gave up (e.g. why createSession was not resent).
 */
export function apiError(
  answer: AnswerLike,
  body: unknown,
  context: ErrorContext,
  rateLimit: RateLimit | undefined,
  note?: string,
): OktaApiError {
  const { secrets, operation } = context;
  const fields = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const details: ApiErrorDetails = {
    ...responseDetails(answer, context),
    errorCode: stringField(fields, 'errorCode', secrets),
    errorSummary: stringField(fields, 'errorSummary', secrets),
    errorId: stringField(fields, 'errorId', secrets),
    errorLink: stringField(fields, 'errorLink', secrets),
    errorCauses: errorCauses(fields, secrets),
  };
  // Every part is redacted already; the whole once more, for what a redirect target or a status text may carry.
  const message = redact(`${apiMessage(details, answer, body, secrets)}${ending(context.count, note)}`, secrets);
  if (answer.status === 429) return new OktaRateLimitError(message, { ...details, rateLimit }, operation);
  const ErrorClass = CLASS_BY_STATUS[answer.status] ?? (answer.status >= 500 ? OktaServerError : OktaApiError);
  return new ErrorClass(message, details, operation);
}

/** The token endpoint's OAuth error (`error`, `error_description`), with what to check (`hint`). */
export function oauthError(
  answer: AnswerLike & { ok: boolean },
  body: Record<string, unknown>,
  context: ErrorContext,
  hint: string | undefined,
): OktaOAuthError {
  const error = typeof body.error === 'string' ? body.error : undefined;
  const errorDescription = typeof body.error_description === 'string' ? redact(body.error_description, context.secrets) : undefined;
  const what = error
    ? `${error}${errorDescription ? `: ${errorDescription}` : ''}`
    : `no OAuth error in the answer${answer.ok ? ' (no usable access_token)' : ''}`;
  const message = `Okta token endpoint ${answer.status} ${what}${hint ? `; ${hint}` : ''}${afterAttempts(context.count)}`;
  return new OktaOAuthError(
    redact(message, context.secrets),
    { ...responseDetails(answer, context), error, errorDescription },
    context.operation,
  );
}

/** Why the last attempt got no answer: its own timeout, a connection never made, or one that failed midway. */
export type NoAnswer = 'attempt-timeout' | 'unreachable' | 'connection';

/**
 * The error for a call whose last attempt got no answer. `purpose` says what the call was for:
 * an API call, or the access token it needed.
 */
export function noAnswerError(
  noAnswer: NoAnswer,
  cause: unknown,
  context: ErrorContext & { attemptTimeoutMs: number; purpose: 'api' | 'token'; note?: string | undefined },
): OktaTimeoutError | OktaConnectionError {
  const { operation, secrets, count, attemptTimeoutMs } = context;
  const options = { cause, attempts: count.attempts };
  const end = ending(count, context.note);
  if (noAnswer === 'attempt-timeout')
    return new OktaTimeoutError(`Okta sent no complete answer within ${attemptTimeoutMs} ms${end}`, attemptTimeoutMs, operation, options);
  const described = redact(describeConnectionError(cause), secrets);
  if (context.purpose === 'token')
    return new OktaConnectionError(`Could not get an access token from Okta: ${described}${end}`, operation, options);
  const what = noAnswer === 'unreachable' ? 'Could not reach Okta' : 'Connection to Okta failed';
  const hint = browserFetchFailureHint(cause);
  return new OktaConnectionError(`${what}: ${described}${hint ? `: ${hint}` : ''}${end}`, operation, options);
}

/** The call's whole budget ran out, waits and retries included. */
export function budgetTimeoutError(operation: OperationRef, timeoutMs: number, cause?: unknown): OktaTimeoutError {
  return new OktaTimeoutError(`Okta call exceeded its ${timeoutMs} ms budget`, timeoutMs, operation, { cause });
}

/** Pacing would hold the request past the call's deadline: not sent, so it carries no answer, only the bucket state that held it. */
export function rateLimitWaitError(
  operation: OperationRef,
  timeoutMs: number,
  rateLimit: RateLimit,
  attempts: number,
): OktaRateLimitWaitError {
  const message = `Okta rate limit for ${operation.operationId} is used up until ${rateLimit.resetAt.toISOString()}, beyond the call's timeout; not sent`;
  return new OktaRateLimitWaitError(message, timeoutMs, rateLimit, operation, { attempts });
}

/** Whatever stage a call is in when the client closes, and for every call after: this; `attempts` it had started (0: nothing sent). */
export function clientClosedError(operation: OperationRef, attempts = 0): OktaClientClosedError {
  const message = `${operation.operationId} on a closed client: okta.close() was called; create a new OktaSessions`;
  return new OktaClientClosedError(message, operation, { attempts });
}

/** A part of the package that loads on first use (the OAuth flow) could not load: a page gone offline, say. */
export function loadError(operation: OperationRef, part: string, cause: unknown): OktaConnectionError {
  return new OktaConnectionError(`Could not load ${part}: ${cause instanceof Error ? cause.message : String(cause)}`, operation, { cause });
}
