/**
 * The words of pacing. A **permit** is the right to send one request now: an
 * attempt holds it while in flight and releases it with what the answer said.
 * The local scheduler grants permits; with a store, each permit also holds a
 * **lease**, the store's permit, which expires on its own.
 */
import type { RateLimit } from '../errors/classes.js';
import type { RateLimitReading } from './rate-limit-reading.js';

/** Held by one attempt while it is in flight; `release` hands back what its answer said (undefined: no answer came). */
export interface Permit {
  release(reading: RateLimitReading | undefined): void;
}

/** The answer when a request cannot be sent before its call's deadline: the bucket stays used up until `rateLimit.resetAt`. */
export interface NotWithinBudget {
  notWithinBudget: RateLimit;
}

/** What a waiting request needs from its call: when it must give up, and how it is cancelled. */
export interface WaitBudget {
  readonly deadline: number;
  readonly signal: AbortSignal;
  abortReason(): unknown;
}
