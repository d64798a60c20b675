import type { CallBudget } from './budget.js';
import { sleep } from './budget.js';
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

/**
 * The custom `fetch` handed to openapi-fetch for one call: retries live here,
 * beneath the middleware, with a fresh Request per attempt and all attempt
 * state local to the loop. It returns a fully read response, so a connection
 * that drops mid-body fails here as a typed error, not later in parsing.
 */
export function createTransport(context: TransportContext): (request: Request) => Promise<Response> {
  const { budget, operation } = context;

  async function attempt(request: Request): Promise<Response> {
    const permit = await context.scheduler?.acquire(operation, budget);
    try {
      const response = await context.fetch(request);
      permit?.release(response.headers);
      return response;
    } catch (error) {
      permit?.release(undefined);
      if (budget.signal.aborted) throw budget.abortError(operation, error);
      throw new OktaConnectionError(`Could not reach Okta: ${describeCause(error)}`, operation, { cause: error });
    }
  }

  async function readFully(response: Response): Promise<Response> {
    if (NULL_BODY_STATUSES.has(response.status)) return response;
    let body: ArrayBuffer;
    try {
      body = await response.arrayBuffer();
    } catch (error) {
      if (budget.signal.aborted) throw budget.abortError(operation, error);
      throw new OktaConnectionError(`Connection to Okta failed while reading the response: ${describeCause(error)}`, operation, {
        cause: error,
      });
    }
    const buffered = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    if (response.ok && body.byteLength > 0) assertJson(buffered, body);
    return buffered;
  }

  function assertJson(response: Response, body: ArrayBuffer): void {
    const text = new TextDecoder().decode(body);
    try {
      JSON.parse(text);
    } catch {
      throw createApiError(response, text, operation, context.secrets);
    }
  }

  return async (request: Request) => {
    let firstRateLimitedRequestId: string | null = null;
    for (let retryNumber = 0; ; retryNumber++) {
      const attemptRequest = new Request(request.clone(), { signal: budget.signal });
      if (retryNumber > 0) {
        // As Okta's own SDKs do, so Okta support can tie the retries to the first 429.
        if (firstRateLimitedRequestId) attemptRequest.headers.set('X-Okta-Retry-For', firstRateLimitedRequestId);
        attemptRequest.headers.set('X-Okta-Retry-Count', String(retryNumber));
      }
      const response = await attempt(attemptRequest);
      if (response.status !== 429) return readFully(response);

      const decision = decideRateLimitRetry(response.headers, retryNumber + 1, context.policy, budget.remainingMs(), Date.now());
      if (!decision.retry) return readFully(response);
      const requestId = response.headers.get('x-okta-request-id');
      firstRateLimitedRequestId ??= requestId;
      await response.body?.cancel();
      notify(context.onRetry, {
        operationId: operation.operationId,
        retryCount: retryNumber + 1,
        delayMs: decision.delayMs,
        status: response.status,
        requestId: requestId ?? undefined,
      });
      try {
        await sleep(decision.delayMs, budget.signal);
      } catch (error) {
        throw budget.abortError(operation, error);
      }
    }
  };
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
