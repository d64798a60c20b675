/**
 * The one attempt loop: every request the client sends, API calls and OAuth
 * token requests alike, goes through it. Per attempt: a permit from pacing (API
 * calls), a signal of its own inside the call's budget, a request the plan builds
 * anew (fresh credentials each time), the engine, the answer's rate-limit headers
 * read once (the clock and the permit learn from them), and the answer classified
 * by the plan: each kind of answer has its own classifier (an OAuth error body is
 * not an Okta error object). A failure is retried as `decideRetry` says, after a
 * wait the caller can cancel; all attempt state is local to the loop.
 */
import { OktaError, OktaRateLimitError, type OperationRef, type RateLimit } from '../errors/classes.js';
import { connectionFailureOf } from '../errors/connection.js';
import { redact, type Secret } from '../errors/redact.js';
import { callHook } from '../helpers/hooks.js';
import type { Log } from '../helpers/log.js';
import { sleep } from '../helpers/sleep.js';
import type { OperationId } from '../operations.js';
import type { Permit } from '../pacing/permit.js';
import { type RateLimitReading, readRateLimit, serverRequestedWaitMs } from '../pacing/rate-limit-reading.js';
import type { RateLimitScheduler } from '../pacing/scheduler.js';
import type { ServerClock } from '../pacing/server-clock.js';
import type { CallBudget } from './budget.js';
import { type Engine, EngineClosedError, type EngineResponse } from './engine.js';
import { type AttemptFailure, decideRetry, NOT_RESENT_NOTE, type RetryEvent, type RetryPolicy } from './retry.js';

/** What an answer means, as a plan's classifier reads it. */
export type Verdict<T> =
  /** Done: the call's value. */
  | { value: T }
  /** A failure a retry may cure (429, 503); `error` builds what to throw when it is not retried, with the `note` saying why. */
  | { failure: 'rate-limited' | 'unavailable'; error: (note: string | undefined) => Error | Promise<Error> }
  /** A challenge answered at once with a new request (a DPoP nonce): not a failure, and no wait. */
  | { again: true }
  /** Final: no retry can change it. */
  | { error: Error };

/** Where the call stands when the plan builds an attempt's request: retries carry Okta's retry headers. */
export interface AttemptNumber {
  /** 0 for the first attempt, 1 for the first retry, … */
  retryCount: number;
  /** `X-Okta-Request-Id` of the first 429 the call met. */
  retryFor: string | undefined;
}

export interface AttemptRequest {
  url: string;
  init: RequestInit;
}

/** Everything one call's attempts share. */
export interface AttemptPlan<T> {
  /** What errors name; `safeToRepeat` decides which failures are retried. */
  operation: OperationRef & { safeToRepeat: boolean };
  engine: Engine;
  budget: CallBudget;
  policy: RetryPolicy;
  /** The client's estimate of Okta's clock: every answer's `Date` refines it. */
  clock: ServerClock;
  /** Pacing by the operation's bucket; undefined for the token endpoint, and with pacing off. */
  pacing: { scheduler: RateLimitScheduler; operationId: OperationId } | undefined;
  onRetry: ((event: RetryEvent) => void) | undefined;
  /** Debug: a line per attempt and per wait; info: retries, and waits over a second. */
  log: Log;
  /** What the call must not show, in its hook events and logs either. */
  secrets: readonly Secret[];
  /** The request of one attempt, built anew each time. */
  request(attempt: AttemptNumber): AttemptRequest | Promise<AttemptRequest>;
  /** What an answer means; `count` includes this attempt. Reading the body here is part of the attempt. */
  classify(response: EngineResponse, reading: RateLimitReading, count: AttemptCount): Promise<Verdict<T>>;
  /** The error for an attempt that got no answer and is not retried; `ending` says why, or after how many attempts. */
  unanswered(failure: AttemptFailure, cause: unknown, ending: string, attempts: number): Error;
}

/** A call's attempts so far, and how many of them Okta answered 429. */
export interface AttemptCount {
  attempts: number;
  rateLimited: number;
}

/** The count once one more attempt, answered with `response` (or not answered), is in it. */
function withAttempt(earlier: AttemptCount, response: EngineResponse | undefined): AttemptCount {
  return { attempts: earlier.attempts + 1, rateLimited: earlier.rateLimited + (response?.status === 429 ? 1 : 0) };
}

/** How a message ends after retries: how many attempts, and how many of them met a 429. */
export function afterAttempts({ attempts, rateLimited }: AttemptCount): string {
  if (attempts <= 1) return '';
  return ` (after ${attempts} attempts${rateLimited > 0 ? `, ${rateLimited} of them answered 429` : ''})`;
}

/** How the loop ended well: the value, the answer it came with, and what it took. */
export interface Outcome<T> {
  value: T;
  response: EngineResponse;
  reading: RateLimitReading;
  attempts: number;
}

type AttemptResult<T> =
  | { value: T; response: EngineResponse; reading: RateLimitReading }
  | { again: true; response?: undefined }
  | { error: Error; response?: undefined }
  | (Extract<Verdict<T>, { failure: unknown }> & { response: EngineResponse; reading: RateLimitReading })
  | { failure: AttemptFailure; cause: unknown; response?: undefined };

/** A request pacing would hold past the call's deadline: not sent, so it carries no answer, only the bucket state that held it. */
function notSentError(operation: OperationRef, rateLimit: RateLimit, attempts: number): OktaRateLimitError {
  const message = `Okta rate limit for ${operation.operationId} is used up until ${rateLimit.resetAt.toISOString()}, beyond the call's timeout; not sent`;
  return new OktaRateLimitError(
    message,
    { status: 429, errorCauses: [], headers: new Headers(), attempts, rateLimitedAttempts: 0, rateLimit },
    operation,
  );
}

/** Waits for a permit; throws when the wait would outlast the call. */
async function waitForPermit(
  plan: AttemptPlan<unknown>,
  pacing: NonNullable<AttemptPlan<unknown>['pacing']>,
  earlier: AttemptCount,
): Promise<Permit> {
  const answer = await pacing.scheduler.acquire(pacing.operationId, plan.budget.forWaiting(plan.operation));
  if ('notWithinBudget' in answer) throw notSentError(plan.operation, answer.notWithinBudget, earlier.attempts);
  return answer;
}

async function attempt<T>(plan: AttemptPlan<T>, request: AttemptRequest, earlier: AttemptCount): Promise<AttemptResult<T>> {
  const { budget, pacing } = plan;
  // The common case takes its permit without a promise.
  const permit = pacing && (pacing.scheduler.tryAcquire(pacing.operationId) ?? (await waitForPermit(plan, pacing, earlier)));
  const abort = budget.attemptAbort(plan.policy.attemptTimeoutMs);
  let response: EngineResponse | undefined;
  try {
    response = await plan.engine.send(request.url, { ...request.init, signal: abort.signal });
    const now = Date.now();
    const reading = readRateLimit(response.headers, now);
    if (reading.serverDateMs !== undefined) plan.clock.observe(reading.serverDateMs, now);
    permit?.release(reading);
    const verdict = await plan.classify(response, reading, withAttempt(earlier, response));
    return 'value' in verdict || 'failure' in verdict ? { ...verdict, response, reading } : verdict;
  } catch (error) {
    if (!response) permit?.release(undefined);
    if (abort.timedOut()) return { failure: 'attempt-timeout', cause: error };
    if (budget.isOver()) throw budget.abortError(plan.operation, error);
    if (error instanceof EngineClosedError || error instanceof OktaError) throw error;
    // With an answer, its body could not be read: the request may have been processed.
    return { failure: response ? 'connection' : connectionFailureOf(error), cause: error };
  } finally {
    abort.dispose();
  }
}

/** Debug: one line per attempt, by its operation and path template (never a concrete id). */
function logAttempt<T>(plan: AttemptPlan<T>, result: AttemptResult<T>, attempt: number, durationMs: number): void {
  const { operation } = plan;
  const response = 'response' in result ? result.response : undefined;
  const requestId = response?.headers.get('x-okta-request-id');
  const outcome = 'value' in result ? 'value' : 'again' in result ? 'again' : 'failure' in result ? result.failure : 'error';
  plan.log.write('debug', 'okta-sessions: attempt', {
    operationId: operation.operationId,
    method: operation.method,
    path: operation.path,
    status: response?.status,
    requestId: requestId ? redact(requestId, plan.secrets) : undefined,
    attempt,
    durationMs: Math.round(durationMs * 10) / 10,
    outcome,
  });
}

/** Sends until the plan's classifier has a value, or an error that is not retried (any more). */
export async function runAttempts<T>(plan: AttemptPlan<T>): Promise<Outcome<T>> {
  const { budget, operation, policy, log } = plan;
  let count: AttemptCount = { attempts: 0, rateLimited: 0 };
  const retries = { failures: 0, rateLimited: 0 };
  let retryFor: string | undefined;
  for (;;) {
    const request = await plan.request({ retryCount: retries.failures + retries.rateLimited, retryFor });
    const startedAt = log.enabled.debug ? performance.now() : 0;
    const result = await attempt(plan, request, count);
    count = withAttempt(count, result.response);
    if (log.enabled.debug) logAttempt(plan, result, count.attempts, performance.now() - startedAt);
    if ('value' in result) return { value: result.value, response: result.response, reading: result.reading, attempts: count.attempts };
    if ('again' in result) continue;
    if (!('failure' in result)) throw result.error;

    const { failure, response } = result;
    const now = Date.now();
    const wait =
      failure !== 'rate-limited' || !result.response
        ? undefined
        : plan.pacing
          ? plan.pacing.scheduler.retryWaitMs(plan.pacing.operationId, result.reading, now)
          : serverRequestedWaitMs(result.reading, plan.clock, now);
    const decision = decideRetry(failure, operation, wait, retries, policy, budget.remainingMs());
    if (!decision.retry) {
      const note = decision.reason === 'unsafe-to-repeat' ? NOT_RESENT_NOTE : undefined;
      if (result.response) throw await result.error(note);
      throw plan.unanswered(failure, result.cause, note ? `; ${note}` : afterAttempts(count), count.attempts);
    }
    // A 429 retried at its reset was not processed by Okta: it does not use up the retries of failures that may have been.
    if (failure === 'rate-limited' && wait !== undefined) retries.rateLimited++;
    else retries.failures++;
    const requestId = response?.headers.get('x-okta-request-id') ?? undefined;
    if (failure === 'rate-limited') retryFor ??= requestId;
    if (response && !response.bodyUsed) await response.body?.cancel();
    const shownRequestId = requestId === undefined ? undefined : redact(requestId, plan.secrets);
    const event = {
      operationId: operation.operationId,
      retryCount: retries.failures + retries.rateLimited,
      delayMs: decision.delayMs,
      reason: failure,
      status: response?.status,
      requestId: shownRequestId,
    };
    callHook(plan.onRetry, event);
    log.write('info', 'okta-sessions: retry', {
      ...event,
      path: operation.path,
      wait: wait === undefined ? 'backoff' : 'rate-limit-reset',
    });
    try {
      await sleep(decision.delayMs, budget.signal);
    } catch (error) {
      throw budget.abortError(operation, error);
    }
  }
}
