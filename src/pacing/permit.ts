/**
 * The words of pacing. A **permit** is the right to send one request now: an attempt acquires it
 * before it sends and releases it with what became of the request. The local scheduler gives
 * permits; with a store shared by many processes, each permit also holds a **lease**, the store's
 * permit, which expires on its own. Those two verbs, acquire and release, are the only ones.
 */
import type { RateLimit } from '../errors/classes.js';
import type { RateLimitReading } from './rate-limit-reading.js';

/** What became of a permitted request: its answer's rate-limit reading, `undefined` when no answer came, or never sent. */
export type PermitOutcome = RateLimitReading | undefined | 'not-sent';

/** Held by one attempt while it is in flight. */
export interface Permit {
  release(outcome: PermitOutcome): void;
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
