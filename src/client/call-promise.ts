import type { RateLimit } from '../errors/classes.js';
import { redactedRequestId } from '../errors/make.js';
import { safeHeaders } from '../errors/redact.js';
import type { Answered } from '../http/attempts.js';
import { rateLimitOf } from '../pacing/rate-limit-reading.js';

/** A call's value with what came with it: for an incident log (the request id ties a call to the org's System Log), metrics, a trace. */
export interface OktaResponse<T> {
  /** The call's value, as awaiting the promise gives it. */
  data: T;
  /** `X-Okta-Request-Id` of the answer. */
  requestId: string | undefined;
  /** The HTTP status of the answer. */
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
  /** The value and its answer: status, request id, headers, attempts and rate limit. Rejects as the promise does. */
  withResponse(): Promise<OktaResponse<T>>;
}

/** A call's value with its answer, as `.withResponse()` and the tracing channel show it: every part redacted of the call's secrets. */
export function responseOf<T>({ value, response, reading, attempts, secrets }: Answered<T>): OktaResponse<T> {
  return {
    data: value,
    requestId: redactedRequestId(response, secrets),
    status: response.status,
    headers: safeHeaders(response.headers, secrets),
    attempts,
    rateLimit: rateLimitOf(reading),
  };
}

function ignore(): void {}

function valueOf<T>(answered: Answered<T>): T {
  return answered.value;
}

/**
 * A call under way: its value when awaited, derived only when asked for, so a caller who takes
 * `.withResponse()` never leaves the value to reject unhandled. A class, not closures: every call
 * makes one.
 */
class CallPromise<T> implements OktaPromise<T> {
  readonly #finished: Promise<Answered<T>>;
  #value: Promise<T> | undefined;

  constructor(finished: Promise<Answered<T>>) {
    this.#finished = finished;
    // The source is handled here; its rejection reaches the caller through whichever they took.
    finished.catch(ignore);
  }

  get [Symbol.toStringTag](): string {
    return 'OktaPromise';
  }

  #valueOf(): Promise<T> {
    return (this.#value ??= this.#finished.then(valueOf<T>));
  }

  then<R1 = T, R2 = never>(
    onValue?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onError?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    // `await` lands here: the value handed on in the same step, not through a derived promise.
    if (!onValue) return this.#valueOf().then(onValue, onError);
    return this.#finished.then((answered) => onValue(answered.value), onError);
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
export function callPromise<T>(start: () => Promise<Answered<T>>): OktaPromise<T> {
  let finished: Promise<Answered<T>>;
  try {
    finished = start();
  } catch (error) {
    finished = Promise.reject(error);
  }
  return new CallPromise<T>(finished);
}
