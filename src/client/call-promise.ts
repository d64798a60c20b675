import type { RateLimit } from '../errors/classes.js';
import { safeHeaders } from '../errors/redact.js';
import { redactedRequestId } from '../http/api-answer.js';
import type { FinishedCall } from '../http/openapi-fetch-seam.js';
import { rateLimitOf } from '../pacing/rate-limit-reading.js';

/** A call's value with what came with it: for an incident log (the request id ties a call to the org's System Log), metrics, a trace. */
export interface OktaResponse<T> {
  data: T;
  /** `X-Okta-Request-Id` of the answer. */
  requestId: string | undefined;
  status: number;
  /** The headers a caller needs, as on errors: request id, rate limits, `retry-after`, `date`, `content-type`, `www-authenticate`. */
  headers: Headers;
  /** Attempts the call made (1 unless it was retried). */
  attempts: number;
  /** The bucket state the answer reported. */
  rateLimit: RateLimit | undefined;
}

/** What every method returns: the value when awaited, or the value and its answer with `.withResponse()`. */
export interface OktaPromise<T> extends Promise<T> {
  withResponse(): Promise<OktaResponse<T>>;
}

function responseOf<T>({ outcome, secrets }: FinishedCall): OktaResponse<T> {
  const { response, reading, attempts, value } = outcome;
  return { data: value as T, requestId: redactedRequestId(response, secrets), status: response.status, headers: safeHeaders(response.headers, secrets), attempts, rateLimit: rateLimitOf(reading) };
}

/**
 * Starts a call: `start` checks the arguments and sends; a bad argument rejects the promise as a send
 * would, never throws. The value and the response are derived only when asked for, so a caller who
 * takes one of them never leaves the other to reject unhandled.
 */
export function callPromise<T>(start: () => Promise<FinishedCall>): OktaPromise<T> {
  let finished: Promise<FinishedCall>;
  try {
    finished = start();
  } catch (error) {
    finished = Promise.reject(error);
  }
  // The source is handled here; its rejection reaches the caller through whichever they took.
  finished.catch(() => {});
  let value: Promise<T> | undefined;
  const valueOf = () => (value ??= finished.then((call) => call.outcome.value as T));
  return {
    then: (onValue, onError) => valueOf().then(onValue, onError),
    catch: (onError) => valueOf().catch(onError),
    finally: (onFinally) => valueOf().finally(onFinally),
    [Symbol.toStringTag]: 'OktaPromise',
    withResponse: () => finished.then((call) => responseOf<T>(call)),
  };
}
