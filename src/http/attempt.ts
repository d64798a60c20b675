import { loadErrorFactory } from '../errors/load-factory.js';
import { OktaApiError } from '../errors/classes.js';
import type { Operation } from '../operations.js';
import { type RateLimitSignal, readRateLimitSignal } from '../pacing/rate-limit-signal.js';
import type { Permit, RateLimitScheduler } from '../pacing/scheduler.js';
import type { ServerClock } from '../pacing/server-clock.js';
import type { CallBudget } from './budget.js';
import { type Engine, EngineClosedError, type EngineResponse } from './engine.js';
import type { AttemptFailure } from './retry.js';

/** What one attempt needs from its call. */
export interface AttemptContext {
  engine: Engine;
  operation: Operation;
  budget: CallBudget;
  attemptTimeoutMs: number;
  /** Credentials of this call, redacted from anything reported. */
  secrets: readonly string[];
  /** The client's estimate of Okta's clock: every response's `Date` refines it. */
  clock: ServerClock;
  /** Paces attempts by rate-limit headers; undefined when pacing is off. */
  scheduler: RateLimitScheduler | undefined;
}

/** One attempt's result: a response to hand on (maybe a retryable one), or a failure with no response. */
export type AttemptResult =
  | { response: EngineResponse; signal: RateLimitSignal; failure: AttemptFailure | undefined; body: unknown }
  | { response?: undefined; signal?: undefined; failure: AttemptFailure; error: unknown };

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

function failureOf(response: EngineResponse): AttemptFailure | undefined {
  if (response.status === 429) return 'rate-limited';
  return UNAVAILABLE_STATUSES.has(response.status) ? 'unavailable' : undefined;
}

/** Waits for a permit for the attempt; throws when the wait would outlast the call. */
async function waitForPermit(scheduler: RateLimitScheduler, context: AttemptContext, earlierAttempts: number): Promise<Permit> {
  const { operation } = context;
  const admission = await scheduler.acquire(operation.operationId, context.budget.forWaiting(operation));
  if ('notWithinBudget' in admission) throw (await loadErrorFactory()).notSentError(operation, admission.notWithinBudget, earlierAttempts);
  return admission;
}

/**
 * Sends once and, for a success, reads and parses the body: a drop mid-body is a
 * failure of this attempt. The response's rate-limit signal is read here, once,
 * and handed to the clock, the scheduler and the caller.
 */
export async function sendAttempt(context: AttemptContext, url: string, init: RequestInit, earlierAttempts: number): Promise<AttemptResult> {
  const { budget, operation } = context;
  // The common case takes its permit without a promise.
  const scheduler = context.scheduler;
  const permit = scheduler && (scheduler.tryAcquire(operation.operationId) ?? (await waitForPermit(scheduler, context, earlierAttempts)));
  const abort = budget.attemptAbort(context.attemptTimeoutMs);
  let response: EngineResponse | undefined;
  try {
    response = await context.engine.send(url, { ...init, signal: abort.signal });
    const now = Date.now();
    const signal = readRateLimitSignal(response.headers, now);
    if (signal.serverDateMs !== undefined) context.clock.observe(signal.serverDateMs, now);
    permit?.release(signal);
    const failure = failureOf(response);
    if (failure || !response.ok || NULL_BODY_STATUSES.has(response.status)) return { response, signal, failure, body: undefined };
    return { response, signal, failure: undefined, body: await readJsonBody(response, context, earlierAttempts + 1) };
  } catch (error) {
    if (!response) permit?.release(undefined);
    if (abort.timedOut()) return { failure: 'attempt-timeout', error };
    if (budget.isOver()) throw budget.abortError(operation, error);
    if (error instanceof EngineClosedError) throw error;
    if (response) {
      // Okta answered, but the body could not be read or parsed.
      if (error instanceof OktaApiError) throw error;
      return { failure: 'connection', error };
    }
    return { failure: (await loadErrorFactory()).connectionFailureOf(error), error };
  } finally {
    abort.dispose();
  }
}

/**
 * Reads and parses a success body, once: openapi-fetch is called with parseAs
 * 'stream' and leaves it alone. Error bodies are left for openapi-fetch, which
 * reads them as JSON or text.
 */
async function readJsonBody(response: EngineResponse, context: AttemptContext, attempts: number): Promise<unknown> {
  const text = await response.text();
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    throw (await loadErrorFactory()).createApiError(response, text, context.operation, context.secrets, attempts, undefined);
  }
}
