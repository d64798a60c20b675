import { serverRequestedDelayMs } from './rate-limit.js';

export interface RetryOptions {
  /** Retries after the first attempt; 0 means no retries. Default 2. */
  maxRetries?: number;
  /** Longest single wait the client accepts; a longer one fails at once with the error. Default 60 000. */
  maxDelayMs?: number;
}

export interface RetryPolicy {
  maxRetries: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 2, maxDelayMs: 60_000 };
const BACKOFF_BASE_MS = 500;

export function normalizeRetry(option: RetryOptions | false | undefined): RetryPolicy {
  if (option === false) return { ...DEFAULT_RETRY_POLICY, maxRetries: 0 };
  const policy = { ...DEFAULT_RETRY_POLICY, ...option };
  if (!Number.isInteger(policy.maxRetries) || policy.maxRetries < 0) {
    throw new TypeError(`retry.maxRetries must be a whole number >= 0 (0 disables retries); got ${policy.maxRetries}`);
  }
  if (!(policy.maxDelayMs >= 0)) throw new TypeError(`retry.maxDelayMs must be a number >= 0; got ${policy.maxDelayMs}`);
  return policy;
}

/** Full-jitter exponential backoff, for failures where the server gave no usable hint. */
export function backoffDelayMs(retryNumber: number, maxDelayMs: number): number {
  return Math.random() * Math.min(maxDelayMs, BACKOFF_BASE_MS * 2 ** (retryNumber - 1));
}

/** Reported through the `onRetry` hook before each wait. */
export interface RetryEvent {
  operationId: string;
  /** 1 for the first retry. */
  retryCount: number;
  delayMs: number;
  /** The status that caused the retry. */
  status: number;
  /** `X-Okta-Request-Id` of the response that caused the retry. */
  requestId: string | undefined;
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false };

/**
 * Whether to retry a 429, and after how long. The server's timing wins and is
 * never jittered; without a usable hint (missing, malformed, or a concurrency
 * limit) the delay is jittered backoff. A wait the policy or the remaining
 * budget cannot cover gives up at once rather than sleeping into a failure.
 */
export function decideRateLimitRetry(
  headers: Headers,
  retryNumber: number,
  policy: RetryPolicy,
  remainingBudgetMs: number,
  nowMs: number,
): RetryDecision {
  if (retryNumber > policy.maxRetries) return { retry: false };
  const delayMs = serverRequestedDelayMs(headers, nowMs) ?? backoffDelayMs(retryNumber, policy.maxDelayMs);
  if (delayMs > policy.maxDelayMs || delayMs >= remainingBudgetMs) return { retry: false };
  return { retry: true, delayMs };
}
