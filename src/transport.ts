import type { CallBudget } from './budget.js';
import { sleep } from './budget.js';
import type { CallRequest } from './call-request.js';
import { createApiError } from './error-factory.js';
import { OktaConnectionError, type OperationRef } from './errors.js';
import { decideRateLimitRetry, type RetryEvent, type RetryPolicy } from './retry.js';
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

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

export interface Transport {
  /** The custom fetch for openapi-fetch. */
  fetch: (request: CallRequest) => Promise<Response>;
  /** The parsed JSON body of the final success response (undefined when it had none). */
  body: () => unknown;
}

/**
 * The custom `fetch` handed to openapi-fetch for one call: retries live here,
 * beneath the middleware, with a fresh fetch per attempt and all attempt state
 * local to the loop.
 */
export function createTransport(context: TransportContext): Transport {
  const { budget, operation } = context;
  let body: unknown;

  async function attempt(url: string, init: RequestInit): Promise<Response> {
    const scheduler = context.scheduler;
    const permit = scheduler && (scheduler.tryAcquire(operation) ?? (await scheduler.acquire(operation, budget)));
    try {
      const response = await context.fetch(url, init);
      permit?.release(response.headers);
      return response;
    } catch (error) {
      permit?.release(undefined);
      if (budget.signal.aborted) throw budget.abortError(operation, error);
      throw new OktaConnectionError(`Could not reach Okta: ${describeCause(error)}`, operation, { cause: error });
    }
  }

  /**
   * Reads and parses a success body here, once: a connection that drops mid-body
   * then fails as a typed error, and no second Response has to be built for
   * openapi-fetch (which is called with parseAs 'stream' and leaves it alone).
   * Error bodies are left for openapi-fetch, which reads them as JSON or text.
   */
  async function readSuccessBody(response: Response): Promise<Response> {
    if (!response.ok || NULL_BODY_STATUSES.has(response.status)) return response;
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      if (budget.signal.aborted) throw budget.abortError(operation, error);
      throw new OktaConnectionError(`Connection to Okta failed while reading the response: ${describeCause(error)}`, operation, {
        cause: error,
      });
    }
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      throw createApiError(response, text, operation, context.secrets);
    }
    return response;
  }

  const send = async (request: CallRequest): Promise<Response> => {
    const init: RequestInit = { ...request.init, signal: budget.signal };
    let attemptInit = init;
    let firstRateLimitedRequestId: string | null = null;
    for (let retryNumber = 1; ; retryNumber++) {
      const response = await attempt(request.url, attemptInit);
      if (response.status !== 429) return readSuccessBody(response);

      const decision = decideRateLimitRetry(response.headers, retryNumber, context.policy, budget.remainingMs(), Date.now());
      if (!decision.retry) return readSuccessBody(response);
      const requestId = response.headers.get('x-okta-request-id');
      firstRateLimitedRequestId ??= requestId;
      await response.body?.cancel();
      notify(context.onRetry, {
        operationId: operation.operationId,
        retryCount: retryNumber,
        delayMs: decision.delayMs,
        status: response.status,
        requestId: requestId ?? undefined,
      });
      try {
        await sleep(decision.delayMs, budget.signal);
      } catch (error) {
        throw budget.abortError(operation, error);
      }
      // As Okta's own SDKs do, so Okta support can tie the retries to the first 429.
      const headers = new Headers(init.headers);
      if (firstRateLimitedRequestId) headers.set('X-Okta-Retry-For', firstRateLimitedRequestId);
      headers.set('X-Okta-Retry-Count', String(retryNumber));
      attemptInit = { ...init, headers };
    }
  };

  return { fetch: send, body: () => body };
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
