import {
  type ApiErrorDetails,
  OktaApiError,
  OktaAuthenticationError,
  OktaBadRequestError,
  OktaForbiddenError,
  OktaNotFoundError,
  OktaRateLimitError,
  OktaServerError,
  type OperationRef,
} from './classes.js';
import type { RateLimit } from '../pacing/rate-limit-signal.js';
import type { EngineResponse } from '../http/engine.js';
import { redact, safeHeaders } from './redact.js';
import type { ErrorCause } from '../types.js';

export { browserFetchFailureHint, connectionFailureOf, describeConnectionError } from './connection.js';

const CLASS_BY_STATUS: Record<number, typeof OktaApiError> = {
  400: OktaBadRequestError,
  401: OktaAuthenticationError,
  403: OktaForbiddenError,
  404: OktaNotFoundError,
};

function stringField(body: Record<string, unknown>, key: string, secrets: readonly string[]): string | undefined {
  const value = body[key];
  return typeof value === 'string' ? redact(value, secrets) : undefined;
}

function errorCauses(body: Record<string, unknown>, secrets: readonly string[]): ErrorCause[] {
  if (!Array.isArray(body.errorCauses)) return [];
  return body.errorCauses.flatMap((cause: unknown) =>
    typeof cause === 'object' && cause !== null && typeof (cause as ErrorCause).errorSummary === 'string'
      ? [{ errorSummary: redact((cause as { errorSummary: string }).errorSummary, secrets) }]
      : [],
  );
}

function describeBody(body: unknown): string {
  if (body === undefined || body === '') return '(no body)';
  return typeof body === 'string' ? '(non-JSON body)' : '(no Okta error object)';
}

/** Where a redirect points, as an origin only (a URL could carry a token). */
function redirectTarget(response: EngineResponse): string {
  try {
    return new URL(response.headers.get('location') ?? '', response.url || undefined).origin;
  } catch {
    return 'an unknown location';
  }
}

/** One message format for every status: `Okta 404 E0000007: Not found: … (GET /api/v1/sessions/{sessionId})`. */
function message(details: ApiErrorDetails, response: EngineResponse, body: unknown, secrets: readonly string[], note: string | undefined): string {
  const head = details.errorCode ? `Okta ${details.status} ${details.errorCode}` : `Okta ${details.status}`;
  const statusText = redact(response.statusText, secrets);
  let text: string;
  if (details.status >= 300 && details.status < 400) {
    text = `${head}: redirect to ${redirectTarget(response)} not followed, so no credential leaves the org`;
  } else if (details.errorSummary) text = `${head}: ${details.errorSummary}`;
  else text = `${head}${statusText ? ` ${statusText}` : ''} ${describeBody(body)}`;
  if (note) return `${text}; ${note}`;
  // After a retry, an earlier attempt may have done the work (a 404 for a revoke, say).
  return details.attempts > 1 ? `${text} (after ${details.attempts} attempts)` : text;
}

/**
 * The single place a non-2xx response becomes an error. `body` is the parsed JSON
 * object, or the raw text when it was not JSON (an HTML page from a proxy);
 * `rateLimit` is what the response's headers reported, read once by the transport;
 * `note` says why the call gave up (e.g. why createSession was not resent).
 */
export function createApiError(
  response: EngineResponse,
  body: unknown,
  operation: OperationRef,
  secrets: readonly string[],
  attempts: number,
  rateLimit: RateLimit | undefined,
  note?: string,
): OktaApiError {
  const fields = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const details: ApiErrorDetails = {
    status: response.status,
    errorCode: stringField(fields, 'errorCode', secrets),
    errorSummary: stringField(fields, 'errorSummary', secrets),
    errorId: stringField(fields, 'errorId', secrets),
    errorLink: stringField(fields, 'errorLink', secrets),
    errorCauses: errorCauses(fields, secrets),
    requestId: response.headers.get('x-okta-request-id') ?? undefined,
    headers: safeHeaders(response.headers),
    attempts,
  };
  const text = message(details, response, body, secrets, note);
  if (response.status === 429) {
    return new OktaRateLimitError(text, { ...details, rateLimit }, operation);
  }
  const ErrorClass = CLASS_BY_STATUS[response.status] ?? (response.status >= 500 ? OktaServerError : OktaApiError);
  return new ErrorClass(text, details, operation);
}

/**
 * A request the rate-limit scheduler would have to hold past the call's deadline:
 * not sent, so it carries no Okta response, only the bucket state that held it.
 */
export function notSentError(operation: OperationRef, rateLimit: RateLimit, attempts: number): OktaRateLimitError {
  const message = `Okta rate limit for ${operation.operationId} is used up until ${rateLimit.resetAt.toISOString()}, beyond the call's timeout; not sent`;
  return new OktaRateLimitError(message, { status: 429, errorCauses: [], headers: new Headers(), attempts, rateLimit }, operation);
}
