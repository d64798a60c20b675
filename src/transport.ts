import type { CallBudget } from './budget.js';
import { sleep } from './budget.js';
import type { CallRequest } from './call-request.js';
import { createApiError } from './error-factory.js';
import { OktaApiError, OktaConnectionError, OktaTimeoutError, type OperationRef } from './errors.js';
import { redact } from './redact.js';
import { type AttemptFailure, decideRetry, type RetryEvent, type RetryPolicy, UNSAFE_TO_REPEAT } from './retry.js';
import type { RateLimitScheduler } from './scheduler.js';

export interface TransportContext {
  fetch: typeof globalThis.fetch;
  policy: RetryPolicy;
  operation: OperationRef;
  budget: CallBudget;
  /** Credentials of this call, redacted from anything reported. */
  secrets: readonly string[];
  onRetry: ((event: RetryEvent) => void) | undefined;
  /** Paces attempts by rate-limit headers; undefined when scheduling is off. */
  scheduler: RateLimitScheduler | undefined;
}

export interface Transport {
  /** The custom fetch for openapi-fetch. */
  fetch: (request: CallRequest) => Promise<Response>;
  /** The parsed JSON body of the final success response (undefined when it had none). */
  body: () => unknown;
  /** How many attempts the call took. */
  attempts: () => number;
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);
/** Connection errors that mean nothing was sent. */
const REFUSED_CODES = new Set(['ECONNREFUSED', 'UND_ERR_CONNECT_TIMEOUT']);

/** One attempt's result: a response to hand on, or a failure that may be retried. */
type Outcome = { response: Response; failure?: AttemptFailure } | { response?: undefined; failure: AttemptFailure; error: unknown };

function failureOf(response: Response): AttemptFailure | undefined {
  if (response.status === 429) return 'rate-limited';
  return UNAVAILABLE_STATUSES.has(response.status) ? 'unavailable' : undefined;
}

function errorCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

/**
 * The custom `fetch` handed to openapi-fetch for one call: retries live here,
 * beneath the middleware, with a fresh fetch per attempt and all attempt state
 * local to the loop. Each attempt has its own timeout inside the call's budget.
 */
export function createTransport(context: TransportContext): Transport {
  const { budget, operation, policy } = context;
  let body: unknown;
  let attempts = 0;

  /** Sends once and, for a success, reads the body: a drop mid-body is a failure of this attempt. */
  async function attempt(url: string, init: RequestInit): Promise<Outcome> {
    const scheduler = context.scheduler;
    const permit = scheduler && (scheduler.tryAcquire(operation) ?? (await scheduler.acquire(operation, budget)));
    attempts++;
    const abort = budget.attemptAbort(policy.attemptTimeoutMs);
    let response: Response | undefined;
    try {
      response = await context.fetch(url, { ...init, signal: abort.signal });
      permit?.release(response.headers);
      const failure = failureOf(response);
      if (failure || !response.ok || NULL_BODY_STATUSES.has(response.status)) return { response, failure };
      await readSuccessBody(response);
      return { response };
    } catch (error) {
      if (!response) permit?.release(undefined);
      if (abort.timedOut()) return { failure: 'attempt-timeout', error };
      if (budget.isOver()) throw budget.abortError(operation, error);
      if (response) {
        // Okta answered, but the body could not be read or parsed.
        if (error instanceof OktaApiError) throw error;
        return { failure: 'connection', error };
      }
      return { failure: REFUSED_CODES.has(errorCode(error) ?? '') ? 'refused' : 'connection', error };
    } finally {
      abort.dispose();
    }
  }

  /**
   * Reads and parses a success body, once: no second Response has to be built for
   * openapi-fetch (called with parseAs 'stream', it leaves the body alone). Error
   * bodies are left for openapi-fetch, which reads them as JSON or text.
   */
  async function readSuccessBody(response: Response): Promise<void> {
    const text = await response.text();
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      throw createApiError(response, text, operation, context.secrets, attempts);
    }
  }

  /** The error for a failure that is not retried (any more). */
  function finalError(failure: AttemptFailure, error: unknown): Error {
    const suffix =
      UNSAFE_TO_REPEAT.has(operation.operationId) && failure !== 'refused'
        ? '; not resent, because its single-use session token may already have reached Okta'
        : attempts > 1
          ? ` (after ${attempts} attempts)`
          : '';
    if (failure === 'attempt-timeout') {
      const message = `Okta sent no complete answer within ${policy.attemptTimeoutMs} ms${suffix}`;
      return new OktaTimeoutError(message, policy.attemptTimeoutMs, operation, { cause: error });
    }
    const what = failure === 'refused' ? 'Could not reach Okta' : 'Connection to Okta failed';
    return new OktaConnectionError(`${what}: ${redact(describeCause(error), context.secrets)}${suffix}`, operation, { cause: error });
  }

  const send = async (request: CallRequest): Promise<Response> => {
    let attemptInit = request.init;
    let firstRateLimitedRequestId: string | null = null;
    for (let retryNumber = 1; ; retryNumber++) {
      const outcome = await attempt(request.url, attemptInit);
      if (!outcome.failure) return outcome.response;

      const headers = outcome.response?.headers;
      const decision = decideRetry(outcome.failure, operation.operationId, headers, retryNumber, policy, budget.remainingMs(), Date.now());
      if (!decision.retry) {
        if (outcome.response) return outcome.response;
        throw finalError(outcome.failure, outcome.error);
      }
      const requestId = headers?.get('x-okta-request-id') ?? null;
      if (outcome.failure === 'rate-limited') firstRateLimitedRequestId ??= requestId;
      await outcome.response?.body?.cancel();
      notify(context.onRetry, {
        operationId: operation.operationId,
        retryCount: retryNumber,
        delayMs: decision.delayMs,
        reason: outcome.failure,
        status: outcome.response?.status,
        requestId: requestId ?? undefined,
      });
      try {
        await sleep(decision.delayMs, budget.signal);
      } catch (error) {
        throw budget.abortError(operation, error);
      }
      // As Okta's own SDKs do, so Okta support can tie the retries to the first 429.
      const retryHeaders = new Headers(request.init.headers);
      if (firstRateLimitedRequestId) retryHeaders.set('X-Okta-Retry-For', firstRateLimitedRequestId);
      retryHeaders.set('X-Okta-Retry-Count', String(retryNumber));
      attemptInit = { ...request.init, headers: retryHeaders };
    }
  };

  return { fetch: send, body: () => body, attempts: () => attempts };
}

/** A hook is for logging and metrics: its failure must not fail the call. */
function notify<T>(hook: ((event: T) => void) | undefined, event: T): void {
  try {
    hook?.(event);
  } catch {
    // ignored on purpose
  }
}

function describeCause(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const detail = cause?.code ?? cause?.message;
  const message = error instanceof Error ? error.message : String(error);
  return detail ? `${message} (${detail})` : message;
}
