/**
 * The one attempt loop: every request the client sends, API calls and OAuth token requests alike,
 * goes through it. Per attempt, in order: a permit from pacing (API calls), a signal of its own
 * inside the call's budget, the request the plan builds anew (fresh credentials each time), the
 * engine, the answer's rate-limit headers read once (the clock and the permit learn from them), and
 * the answer read by the plan's reader: each kind of answer has its own (an OAuth error body is not
 * an Okta error object). A failure is retried as `decideRetry` says, after a wait the caller can
 * cancel; all attempt state is local to the loop.
 */
import { type OperationRef } from '../errors/classes.js';
import { connectionFailureOf } from '../errors/connection.js';
import { type AttemptCount, clientClosedError, type NoAnswer, noAnswerError, rateLimitWaitError } from '../errors/make.js';
import { redact, type Secret } from '../errors/redact.js';
import { sleep } from '../helpers/abort.js';
import { callHook } from '../helpers/hooks.js';
import type { Log } from '../helpers/log.js';
import type { OperationId } from '../operations.js';
import type { Permit } from '../pacing/permit.js';
import { type RateLimitReading, readRateLimit, serverRequestedWaitMs } from '../pacing/rate-limit-reading.js';
import type { RateLimitScheduler } from '../pacing/scheduler.js';
import type { ServerClock } from '../helpers/server-clock.js';
import type { CallBudget } from './budget.js';
import type { ApiRequest, Engine, EngineResponse } from './engine.js';
import { type AttemptFailure, decideRetry, NOT_RESENT_NOTE, type RetryEvent, type RetryPolicy } from './retry.js';

/** What one answer means, as a plan's reader says. */
export type Verdict<T> =
  /** Done: the call's value. */
  | { value: T }
  /** A failure a retry may cure (429, 503); `error` makes what to throw when it is not retried, with the `note` saying why. */
  | { failure: 'rate-limited' | 'unavailable'; error: (note: string | undefined) => Error | Promise<Error> }
  /** A challenge answered at once with a new request (a DPoP nonce): not a failure, and no wait. */
  | { again: true }
  /** Final: no retry can change it. */
  | { error: Error };

/** The call's value and the answer it came with: what the loop hands back up. */
export interface Answered<T> {
  value: T;
  response: EngineResponse;
  reading: RateLimitReading;
  /** Attempts the call made (1 unless it was retried). */
  attempts: number;
  /** What must not show in anything reported of the answer. */
  secrets: readonly Secret[];
}

/** Where the call stands when the plan builds an attempt's request: retries carry Okta's retry headers. */
export interface AttemptNumber {
  /** 0 for the first attempt, 1 for the first retry, … */
  retryCount: number;
  /** `X-Okta-Request-Id` of the first 429 the call met. */
  retryFor: string | undefined;
}

/** Everything one call's attempts share. */
export interface AttemptPlan<T> {
  /** What errors name; `safeToRepeat` decides which failures are retried. */
  operation: OperationRef & { safeToRepeat: boolean };
  /** What the call is for, as errors without an answer say it. */
  purpose: 'api' | 'token';
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
  /** What the call must not show; attempts add theirs (a DPoP proof). */
  secrets: Secret[];
  /** The request of one attempt, built anew each time. */
  request(attempt: AttemptNumber): ApiRequest | Promise<ApiRequest>;
  /** What an answer means; `count` includes this attempt. Reading the body here is part of the attempt. */
  read(response: EngineResponse, reading: RateLimitReading, count: AttemptCount): Promise<Verdict<T>>;
}

/** Why an attempt got no answer. */
type NoAnswerFailure = Exclude<AttemptFailure, 'rate-limited' | 'unavailable'>;

/** One attempt: its answer with the reader's verdict on it, or why it got none. */
type Tried<T> =
  | { verdict: Verdict<T>; response: EngineResponse; reading: RateLimitReading }
  | { noAnswer: NoAnswerFailure; cause: unknown; response?: undefined };

/** A failure a retry may cure: an answer (429, 503) or no answer. */
type Failed<T> =
  | { verdict: Extract<Verdict<T>, { failure: unknown }>; response: EngineResponse; reading: RateLimitReading }
  | Extract<Tried<T>, { noAnswer: unknown }>;

/** The count once one more attempt, answered with `response` (or not answered), is in it. */
function withAttempt(earlier: AttemptCount, response: EngineResponse | undefined): AttemptCount {
  return { attempts: earlier.attempts + 1, rateLimited: earlier.rateLimited + (response?.status === 429 ? 1 : 0) };
}

/** A permit once pacing's wait is over, or the error that it would not be within the call's budget. */
async function waitForPermit(
  plan: AttemptPlan<unknown>,
  pacing: NonNullable<AttemptPlan<unknown>['pacing']>,
  count: AttemptCount,
): Promise<Permit> {
  const { budget, operation } = plan;
  const answer = await pacing.scheduler.acquire(pacing.operationId, budget.forWaiting());
  if ('notWithinBudget' in answer) throw rateLimitWaitError(operation, budget.timeoutMs, answer.notWithinBudget, count.attempts);
  return answer;
}

async function attempt<T>(plan: AttemptPlan<T>, request: ApiRequest, count: AttemptCount): Promise<Tried<T>> {
  const { budget, pacing } = plan;
  // The common case takes its permit at once, without a promise.
  const permit = pacing && (pacing.scheduler.acquireNow(pacing.operationId) ?? (await waitForPermit(plan, pacing, count)));
  const abort = budget.attemptAbort(plan.policy.attemptTimeoutMs);
  let response: EngineResponse | undefined;
  try {
    response = await plan.engine.send(request, abort.signal);
    const now = Date.now();
    const reading = readRateLimit(response.headers, now);
    if (reading.serverDateMs !== undefined) plan.clock.observe(reading.serverDateMs, now);
    permit?.release(reading);
    return { verdict: await plan.read(response, reading, withAttempt(count, response)), response, reading };
  } catch (error) {
    if (!response) permit?.release(undefined);
    if (abort.timedOut()) return { noAnswer: 'attempt-timeout', cause: error };
    if (budget.isOver()) throw budget.abortError(error);
    if (plan.engine.closed) throw clientClosedError(plan.operation);
    // With an answer, its body could not be read: the request may have been processed.
    return { noAnswer: response ? 'connection' : connectionFailureOf(error), cause: error };
  } finally {
    abort.dispose();
  }
}

/** What a verdict is called in the debug log. */
function outcomeOf<T>(verdict: Verdict<T>): string {
  if ('value' in verdict) return 'value';
  if ('again' in verdict) return 'again';
  return 'failure' in verdict ? verdict.failure : 'error';
}

/** Debug: one line per attempt, by its operation and path template (never a concrete id). */
function logAttempt<T>(plan: AttemptPlan<T>, tried: Tried<T>, attempts: number, durationMs: number): void {
  const { operation, secrets } = plan;
  const requestId = tried.response?.headers.get('x-okta-request-id');
  const outcome = 'noAnswer' in tried ? tried.noAnswer : outcomeOf(tried.verdict);
  plan.log.write('debug', 'okta-sessions: attempt', {
    operationId: operation.operationId,
    method: operation.method,
    path: operation.path,
    status: tried.response?.status,
    requestId: requestId ? redact(requestId, secrets) : undefined,
    attempt: attempts,
    durationMs: Math.round(durationMs * 10) / 10,
    outcome,
  });
}

const NO_ANSWER: Record<NoAnswerFailure, NoAnswer> = {
  'attempt-timeout': 'attempt-timeout',
  refused: 'unreachable',
  'untrusted-certificate': 'unreachable',
  connection: 'connection',
};

/** The error a failure ends the call with when it is not retried: the answer's own, or the one for no answer. */
async function finalError<T>(plan: AttemptPlan<T>, tried: Failed<T>, note: string | undefined, count: AttemptCount) {
  if ('verdict' in tried) return tried.verdict.error(note);
  const { operation, secrets, policy, purpose } = plan;
  return noAnswerError(NO_ANSWER[tried.noAnswer], tried.cause, {
    operation,
    secrets,
    count,
    attemptTimeoutMs: policy.attemptTimeoutMs,
    purpose,
    note,
  });
}

/** How long a 429 asked to wait: pacing's answer (it knows a concurrency-limit backoff), else the server's headers. */
function requestedWaitMs<T>(plan: AttemptPlan<T>, tried: Failed<T>): number | undefined {
  if (!('verdict' in tried) || tried.verdict.failure !== 'rate-limited') return undefined;
  const now = Date.now();
  return plan.pacing
    ? plan.pacing.scheduler.retryWaitMs(plan.pacing.operationId, tried.reading, now)
    : serverRequestedWaitMs(tried.reading, plan.clock, now);
}

/** Sends until the plan's reader has a value, or an error that is not retried (any more). */
export async function sendAttempts<T>(plan: AttemptPlan<T>): Promise<Answered<T>> {
  const { budget, operation, policy, log } = plan;
  let count: AttemptCount = { attempts: 0, rateLimited: 0 };
  const retries = { failures: 0, rateLimited: 0 };
  let retryFor: string | undefined;
  for (;;) {
    // Nothing more is sent for a call that is over (a client closed while its last answer came back).
    if (budget.isOver()) throw budget.abortError();
    const built = plan.request({ retryCount: retries.failures + retries.rateLimited, retryFor });
    const request = built instanceof Promise ? await built : built;
    const startedAt = log.enabled.debug ? performance.now() : 0;
    const tried = await attempt(plan, request, count);
    count = withAttempt(count, tried.response);
    if (log.enabled.debug) logAttempt(plan, tried, count.attempts, performance.now() - startedAt);
    let failed: Failed<T>;
    if ('verdict' in tried) {
      const { verdict, response, reading } = tried;
      if ('value' in verdict) return { value: verdict.value, response, reading, attempts: count.attempts, secrets: plan.secrets };
      if ('again' in verdict) continue;
      if (!('failure' in verdict)) throw verdict.error;
      failed = { verdict, response, reading };
    } else failed = tried;
    const failure = 'verdict' in failed ? failed.verdict.failure : failed.noAnswer;
    const wait = requestedWaitMs(plan, failed);
    const decision = decideRetry(failure, operation, wait, retries, policy, budget.remainingMs());
    if (!decision.retry) throw await finalError(plan, failed, decision.reason === 'unsafe-to-repeat' ? NOT_RESENT_NOTE : undefined, count);
    // A 429 retried at its reset was not processed by Okta: it does not use up the retries of failures that may have been.
    if (wait !== undefined) retries.rateLimited++;
    else retries.failures++;
    const { response } = failed;
    const requestId = response?.headers.get('x-okta-request-id') ?? undefined;
    if (failure === 'rate-limited') retryFor ??= requestId;
    if (response && !response.bodyUsed) await response.body?.cancel();
    const event: RetryEvent = {
      operationId: operation.operationId,
      retryCount: retries.failures + retries.rateLimited,
      delayMs: decision.delayMs,
      reason: failure,
      status: response?.status,
      requestId: requestId === undefined ? undefined : redact(requestId, plan.secrets),
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
      throw budget.abortError(error);
    }
  }
}
