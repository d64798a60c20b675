/**
 * The one place an API answer becomes a value or an error: the classifier the
 * attempt loop runs for API calls, Okta's error objects read into one
 * `OktaApiError` subclass per status, and the errors of attempts that got no answer.
 */
import {
  type ApiErrorDetails,
  OktaApiError,
  OktaAuthenticationError,
  OktaBadRequestError,
  OktaConnectionError,
  OktaForbiddenError,
  OktaNotFoundError,
  OktaRateLimitError,
  OktaServerError,
  OktaTimeoutError,
  type OperationRef,
  type RateLimit,
} from '../errors/classes.js';
import { browserFetchFailureHint, describeConnectionError } from '../errors/connection.js';
import { redact, safeHeaders, type Secret } from '../errors/redact.js';
import { type RateLimitReading, rateLimitOf } from '../pacing/rate-limit-reading.js';
import type { ErrorCause } from '../types.js';
import { type AttemptCount, afterAttempts, type Verdict } from './attempts.js';
import type { EngineResponse } from './engine.js';
import { type AttemptFailure, failureOfStatus } from './retry.js';

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** `X-Okta-Request-Id`, redacted like everything else the server sends back. */
export function redactedRequestId(response: EngineResponse, secrets: readonly Secret[]): string | undefined {
  const requestId = response.headers.get('x-okta-request-id');
  return requestId === null ? undefined : redact(requestId, secrets);
}

const CLASS_BY_STATUS: Record<number, typeof OktaApiError> = {
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
function message(
  details: ApiErrorDetails,
  response: EngineResponse,
  body: unknown,
  secrets: readonly Secret[],
  note: string | undefined,
): string {
  const head = details.errorCode ? `Okta ${details.status} ${details.errorCode}` : `Okta ${details.status}`;
  const statusText = redact(response.statusText, secrets);
  let text: string;
  if (details.status >= 300 && details.status < 400) {
    text = `${head}: redirect to ${redirectTarget(response)} not followed, so no credential leaves the org`;
  } else if (details.errorSummary) text = `${head}: ${details.errorSummary}`;
  else text = `${head}${statusText ? ` ${statusText}` : ''} ${describeBody(body)}`;
  if (note) return `${text}; ${note}`;
  // After a retry, an earlier attempt may have done the work (a 404 for a revoke, say).
  return `${text}${afterAttempts({ attempts: details.attempts, rateLimited: details.rateLimitedAttempts })}`;
}

/**
 * An answer the call cannot succeed with, as one `OktaApiError` subclass. `body` is the parsed JSON
 * object, or the raw text when it was not JSON; `rateLimit` is what the answer's headers reported;
 * `note` says why the call gave up (e.g. why createSession was not resent).
 */
function createApiError(
  response: EngineResponse,
  body: unknown,
  operation: OperationRef,
  secrets: readonly Secret[],
  { attempts, rateLimited }: AttemptCount,
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
    requestId: redactedRequestId(response, secrets),
    headers: safeHeaders(response.headers, secrets),
    attempts,
    rateLimitedAttempts: rateLimited,
  };
  // Every part is redacted already; the whole once more, for what a redirect target or a status text may carry.
  const text = redact(message(details, response, body, secrets, note), secrets);
  if (response.status === 429) {
    return new OktaRateLimitError(text, { ...details, rateLimit }, operation);
  }
  const ErrorClass = CLASS_BY_STATUS[response.status] ?? (response.status >= 500 ? OktaServerError : OktaApiError);
  return new ErrorClass(text, details, operation);
}

/** An error body: Okta's JSON error object, or the raw text when it is not JSON (an HTML page from a proxy). */
async function readErrorBody(response: EngineResponse): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * What an API answer means: a 2xx with the JSON the spec promises (or no body) is
 * the value; 429 and 502-504 are failures a retry may cure; anything else,
 * including a 2xx whose body does not parse, is the error. Error bodies are read
 * only when the error is thrown.
 */
export function apiAnswerClassifier(operation: OperationRef, secrets: readonly Secret[]) {
  return async (response: EngineResponse, reading: RateLimitReading, count: AttemptCount): Promise<Verdict<unknown>> => {
    const failure = failureOfStatus(response.status);
    if (failure)
      return {
        failure,
        error: async (note) =>
          createApiError(response, await readErrorBody(response), operation, secrets, count, rateLimitOf(reading), note),
      };
    if (!response.ok)
      return { error: createApiError(response, await readErrorBody(response), operation, secrets, count, rateLimitOf(reading)) };
    if (NULL_BODY_STATUSES.has(response.status)) return { value: undefined };
    const text = await response.text();
    try {
      return { value: text === '' ? undefined : JSON.parse(text) };
    } catch {
      return { error: createApiError(response, text, operation, secrets, count, undefined) };
    }
  };
}

/** The error for an API call whose last attempt got no answer: a timeout, or a connection that failed, said with its cause. */
export function apiUnansweredError(operation: OperationRef, secrets: readonly Secret[], attemptTimeoutMs: number) {
  return (failure: AttemptFailure, cause: unknown, ending: string, attempts: number): Error => {
    if (failure === 'attempt-timeout')
      return new OktaTimeoutError(`Okta sent no complete answer within ${attemptTimeoutMs} ms${ending}`, attemptTimeoutMs, operation, {
        cause,
        attempts,
      });
    const what = failure === 'refused' || failure === 'untrusted-certificate' ? 'Could not reach Okta' : 'Connection to Okta failed';
    const hint = browserFetchFailureHint(cause);
    return new OktaConnectionError(
      `${what}: ${redact(describeConnectionError(cause), secrets)}${hint ? `: ${hint}` : ''}${ending}`,
      operation,
      { cause, attempts },
    );
  };
}
