import { OktaConnectionError, OktaTimeoutError } from '../errors/classes.js';
import { loadErrorFactory } from '../errors/load-factory.js';
import { redact } from '../errors/redact.js';
import { callHook } from '../hooks.js';
import { type RateLimitSignal, serverRequestedWaitMs } from '../pacing/rate-limit-signal.js';
import { type AttemptContext, sendAttempt } from './attempt.js';
import { sleep } from './budget.js';
import type { EngineResponse } from './engine.js';
import type { CallRequest } from './openapi-fetch-seam.js';
import { type AttemptFailure, decideRetry, NOT_RESENT_NOTE, type RetryEvent, type RetryPolicy } from './retry.js';

export interface TransportContext extends Omit<AttemptContext, 'attemptTimeoutMs'> {
  policy: RetryPolicy;
  onRetry: ((event: RetryEvent) => void) | undefined;
  /** Headers made anew for every attempt (a DPoP proof, bound to this method and URL, with a fresh jti). */
  attemptHeaders?: ((method: string, url: string) => Promise<Record<string, string>>) | undefined;
}

function withHeaders(init: RequestInit, added: Record<string, string>): RequestInit {
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(added)) headers.set(name, value);
  return { ...init, headers };
}

/** How the call ended, for the facade to return a value or build the error. */
export interface TransportOutcome {
  /** The parsed JSON body of the final success response (undefined when it had none). */
  body: unknown;
  attempts: number;
  /** The final response's rate-limit signal. */
  signal: RateLimitSignal | undefined;
  /** Why the final failure was not retried, when the error should say so. */
  note: string | undefined;
}

export interface Transport {
  /** Sends the request openapi-fetch built, with retries: the custom fetch beneath it. */
  send: (request: CallRequest) => Promise<EngineResponse>;
  outcome: () => TransportOutcome;
}

/**
 * The custom `fetch` handed to openapi-fetch for one call: retries live here,
 * beneath the middleware, with a fresh attempt each time and all attempt state
 * local to the loop. Each attempt has its own timeout inside the call's budget.
 */
export function createTransport(context: TransportContext): Transport {
  const { budget, operation, policy } = context;
  const attemptContext: AttemptContext = { ...context, attemptTimeoutMs: policy.attemptTimeoutMs };
  const outcome: TransportOutcome = { body: undefined, attempts: 0, signal: undefined, note: undefined };

  /** How long a 429 asked us to wait: pacing works it out from the signal. */
  function requestedWaitMs(signal: RateLimitSignal): number | undefined {
    const now = Date.now();
    return context.scheduler ? context.scheduler.retryWaitMs(operation.operationId, signal, now) : serverRequestedWaitMs(signal, context.clock, now);
  }

  /** The error for a failure without a response that is not retried (any more). */
  async function finalError(failure: AttemptFailure, error: unknown): Promise<Error> {
    const suffix = outcome.note ? `; ${outcome.note}` : outcome.attempts > 1 ? ` (after ${outcome.attempts} attempts)` : '';
    if (failure === 'attempt-timeout') {
      const message = `Okta sent no complete answer within ${policy.attemptTimeoutMs} ms${suffix}`;
      return new OktaTimeoutError(message, policy.attemptTimeoutMs, operation, { cause: error });
    }
    const what = failure === 'refused' || failure === 'untrusted-certificate' ? 'Could not reach Okta' : 'Connection to Okta failed';
    const { browserFetchFailureHint, describeConnectionError } = await loadErrorFactory();
    const hint = browserFetchFailureHint(error);
    const message = `${what}: ${redact(describeConnectionError(error), context.secrets)}${hint ? `: ${hint}` : ''}${suffix}`;
    return new OktaConnectionError(message, operation, { cause: error });
  }

  const send = async (request: CallRequest): Promise<EngineResponse> => {
    let attemptInit = request.init;
    let firstRateLimitedRequestId: string | null = null;
    for (let retryNumber = 1; ; retryNumber++) {
      const init = context.attemptHeaders ? withHeaders(attemptInit, await context.attemptHeaders(request.method, request.url)) : attemptInit;
      const result = await sendAttempt(attemptContext, request.url, init, outcome.attempts);
      outcome.attempts++;
      outcome.signal = result.signal;
      if (!result.failure) {
        outcome.body = result.body;
        return result.response;
      }

      const wait = result.failure === 'rate-limited' && result.signal ? requestedWaitMs(result.signal) : undefined;
      const decision = decideRetry(result.failure, operation, wait, retryNumber, policy, budget.remainingMs());
      if (!decision.retry) {
        if (decision.reason === 'unsafe-to-repeat') outcome.note = NOT_RESENT_NOTE;
        if (result.response) return result.response;
        throw await finalError(result.failure, result.error);
      }
      const requestId = result.response?.headers.get('x-okta-request-id') ?? null;
      if (result.failure === 'rate-limited') firstRateLimitedRequestId ??= requestId;
      await result.response?.body?.cancel();
      callHook(context.onRetry, {
        operationId: operation.operationId,
        retryCount: retryNumber,
        delayMs: decision.delayMs,
        reason: result.failure,
        status: result.response?.status,
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

  return { send, outcome: () => outcome };
}
