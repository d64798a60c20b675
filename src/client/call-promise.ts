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
  return {
    data: value as T,
    requestId: redactedRequestId(response, secrets),
    status: response.status,
    headers: safeHeaders(response.headers, secrets),
    attempts,
    rateLimit: rateLimitOf(reading),
  };
}

function ignore(): void {}

function valueOfCall<T>(call: FinishedCall): T {
  return call.outcome.value as T;
}

/**
 * A call under way: its value when awaited, derived only when asked for, so a caller who takes
 * `.withResponse()` never leaves the value to reject unhandled. A class, not closures: every call
 * makes one.
 */
class CallPromise<T> implements OktaPromise<T> {
  readonly #finished: Promise<FinishedCall>;
  #value: Promise<T> | undefined;

  constructor(finished: Promise<FinishedCall>) {
    this.#finished = finished;
    // The source is handled here; its rejection reaches the caller through whichever they took.
    finished.catch(ignore);
  }

  get [Symbol.toStringTag](): string {
    return 'OktaPromise';
  }

  #valueOf(): Promise<T> {
    return (this.#value ??= this.#finished.then(valueOfCall<T>));
  }

  then<R1 = T, R2 = never>(
    onValue?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onError?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#valueOf().then(onValue, onError);
  }

  catch<R = never>(onError?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.#valueOf().catch(onError);
  }

  finally(onFinally?: (() => void) | null): Promise<T> {
    return this.#valueOf().finally(onFinally);
  }

  withResponse(): Promise<OktaResponse<T>> {
    return this.#finished.then(responseOf<T>);
  }
}

/** Starts a call: `start` checks the arguments and sends; a bad argument rejects the promise as a send would, never throws. */
export function callPromise<T>(start: () => Promise<FinishedCall>): OktaPromise<T> {
  let finished: Promise<FinishedCall>;
  try {
    finished = start();
  } catch (error) {
    finished = Promise.reject(error);
  }
  return new CallPromise<T>(finished);
}
