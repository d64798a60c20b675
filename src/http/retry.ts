import { backoffDelayMs } from '../helpers/backoff.js';
import type { Operation } from '../operations.js';

/** When a call is tried again: the client's `retry` option, and each call's. Every retry stays within the call's `timeoutMs`. */
export interface RetryOptions {
  /**
   * Retries of failures that may have reached Okta (a 503, a reset, an attempt timeout; a 429 without a usable
   * reset). Default 2. 0 turns every retry off, 429s included, unless `maxRateLimitRetries` is given.
   */
  maxRetries?: number;
  /**
   * Retries of 429s that say when to come back: Okta did not process them, so they are retried at their reset
   * for as long as the call's `timeoutMs` and signal allow, without counting against `maxRetries`; this only
   * stops a runaway. Default 10.
   */
  maxRateLimitRetries?: number;
  /** Longest single wait the client accepts; a longer one fails at once with the error. Default 60 000. */
  maxDelayMs?: number;
  /** Budget of one attempt (until the whole response is read); a timed-out attempt may be retried. Default 10 000. */
  attemptTimeoutMs?: number;
}

export type RetryPolicy = Required<RetryOptions>;

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 2, maxRateLimitRetries: 10, maxDelayMs: 60_000, attemptTimeoutMs: 10_000 };

/** The policy of `option` over `base` (a client's over the defaults, a call's over its client's); `false` means no retries. */
export function normalizeRetry(option: RetryOptions | false | undefined, base: RetryPolicy = DEFAULT_RETRY_POLICY): RetryPolicy {
  if (option !== undefined && option !== false && (typeof option !== 'object' || option === null))
    throw new TypeError('retry must be an object of retry options, or false');
  // No retries means none: `false`, and `maxRetries: 0` without a 429 cap of its own.
  const off = option === false || (option?.maxRetries === 0 && option.maxRateLimitRetries === undefined);
  const policy = { ...base, ...(option === false ? {} : option), ...(off ? { maxRetries: 0, maxRateLimitRetries: 0 } : {}) };
  if (!Number.isInteger(policy.maxRetries) || policy.maxRetries < 0) {
    throw new TypeError(`retry.maxRetries must be a whole number >= 0 (0 disables retries); got ${policy.maxRetries}`);
  }
  if (!Number.isInteger(policy.maxRateLimitRetries) || policy.maxRateLimitRetries < 0) {
    throw new TypeError(`retry.maxRateLimitRetries must be a whole number >= 0; got ${policy.maxRateLimitRetries}`);
  }
  if (!(policy.maxDelayMs >= 0)) throw new TypeError(`retry.maxDelayMs must be a number >= 0; got ${policy.maxDelayMs}`);
  if (!(policy.attemptTimeoutMs > 0))
    throw new TypeError(`retry.attemptTimeoutMs must be a number > 0 (or Infinity); got ${policy.attemptTimeoutMs}`);
  return policy;
}

/** What went wrong with one attempt, as far as retrying is concerned. */
export type AttemptFailure =
  /** Okta answered 429: the request was not processed. */
  | 'rate-limited'
  /** 502, 503 or 504 from Okta or a proxy in front of it. */
  | 'unavailable'
  /** The connection was refused: nothing was sent. */
  | 'refused'
  /** The org's TLS certificate was not trusted: nothing was sent, and another attempt would meet the same certificate. */
  | 'untrusted-certificate'
  /** The connection failed after the request may have been sent (reset, dropped mid-response). */
  | 'connection'
  /** One attempt ran out of `attemptTimeoutMs`. */
  | 'attempt-timeout';

/**
 * Which failures are retried, for which operations. 429 and a refused connection
 * are safe for everything (nothing was processed); the others only for operations
 * safe to repeat. createSession is not: its session token is single-use, so once
 * its body may have reached Okta it is never sent again. An untrusted certificate
 * is not transient: it is reported at once.
 */
export const RETRIED_FOR: Record<AttemptFailure, 'every operation' | 'operations safe to repeat' | 'no operation'> = {
  'rate-limited': 'every operation',
  refused: 'every operation',
  'untrusted-certificate': 'no operation',
  unavailable: 'operations safe to repeat',
  connection: 'operations safe to repeat',
  'attempt-timeout': 'operations safe to repeat',
};

const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

/** What an answer's status means for retrying, whoever answered (the API or the token endpoint); undefined for any other status. */
export function failureOfStatus(status: number): 'rate-limited' | 'unavailable' | undefined {
  if (status === 429) return 'rate-limited';
  return UNAVAILABLE_STATUSES.has(status) ? 'unavailable' : undefined;
}

function isRetriedFor(failure: AttemptFailure, operation: Pick<Operation, 'safeToRepeat'>): boolean {
  return RETRIED_FOR[failure] === 'every operation' || operation.safeToRepeat;
}

/** Reported through the `onRetry` hook before each wait. */
export interface RetryEvent {
  /** The operation retried, by its name in Okta's spec. */
  operationId: string;
  /** 1 for the first retry. */
  retryCount: number;
  /** How long the client waits before the retry, in ms. */
  delayMs: number;
  /** Why the attempt is retried. */
  reason: AttemptFailure;
  /** The status that caused the retry, when there was a response. */
  status: number | undefined;
  /** `X-Okta-Request-Id` of the response that caused the retry. */
  requestId: string | undefined;
}

/** Why a failure is not retried; `unsafe-to-repeat` is said in the error, since the caller may wonder. */
export type NoRetryReason = 'out-of-retries' | 'unsafe-to-repeat' | 'not-transient' | 'wait-too-long';

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason: NoRetryReason };

/** How an error says a failure of createSession was not retried, and why. */
export const NOT_RESENT_NOTE = 'not resent, because its single-use session token may already have reached Okta';

/** A call's retries so far: of failures that may have reached Okta, and of 429s retried at their reset. */
export interface RetriesSoFar {
  failures: number;
  rateLimited: number;
}

/**
 * Whether to retry, and after how long. `requestedWaitMs` is the wait the answer's
 * rate-limit headers asked for (pacing works it out); it wins and is never jittered, and
 * such a 429 is counted apart (`maxRateLimitRetries`): Okta did not process it. Without
 * one (no usable hint, or a failure that is not a 429) the delay is jittered
 * backoff, counted against `maxRetries`. A wait the policy or the remaining budget
 * cannot cover gives up at once rather than sleeping into a failure.
 */
export function decideRetry(
  failure: AttemptFailure,
  operation: Pick<Operation, 'safeToRepeat'>,
  requestedWaitMs: number | undefined,
  retries: RetriesSoFar,
  policy: RetryPolicy,
  remainingBudgetMs: number,
): RetryDecision {
  if (RETRIED_FOR[failure] === 'no operation') return { retry: false, reason: 'not-transient' };
  if (!isRetriedFor(failure, operation)) return { retry: false, reason: 'unsafe-to-repeat' };
  const atReset = failure === 'rate-limited' && requestedWaitMs !== undefined;
  if (atReset ? retries.rateLimited >= policy.maxRateLimitRetries : retries.failures >= policy.maxRetries)
    return { retry: false, reason: 'out-of-retries' };
  const delayMs = requestedWaitMs ?? backoffDelayMs(retries.failures + 1, policy.maxDelayMs);
  if (delayMs > policy.maxDelayMs || delayMs >= remainingBudgetMs) return { retry: false, reason: 'wait-too-long' };
  return { retry: true, delayMs };
}
