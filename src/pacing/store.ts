/**
 * The store seam: where pacing shared by many processes keeps one org's buckets
 * (Redis: `okta-sessions/redis`). A store's permits are **leases**: acquired, released
 * with what the answer taught, and expired on their own if a process dies holding one.
 */
import type { RateLimit } from '../errors/classes.js';
import type { PermitOutcome } from './permit.js';

/** What a response taught about its bucket, on the server's clock. */
export interface LearnedWindow {
  /** `X-Rate-Limit-Limit` of the answer. */
  limit: number;
  /** `X-Rate-Limit-Remaining` of the answer. */
  remaining: number;
  /** `X-Rate-Limit-Reset`, in epoch ms on Okta's clock. */
  resetAtMs: number;
  /**
   * The window's length, when this response opened it: the store places its end from when it hears of it
   * (the reset header is rounded up to a second; the real end can be most of a second earlier).
   */
  windowMs: number | undefined;
}

/** The store's answer to a request for a lease: one, or when to ask again (server clock). */
export type StoreLease =
  | {
      /** The lease's id: released when the response comes. */
      leaseId: string;
    }
  | {
      /** When to ask again, in epoch ms on Okta's clock. */
      retryAtMs: number;
      /** The bucket as the store knows it. */
      rateLimit: RateLimit | undefined;
    };

/** When a store holds a bucket for its in-flight cap, which only a release can lift, a waiting process asks again after this long. */
export const STORE_POLL_MS = 25;

/**
 * Where the shared bucket state lives. Every method is one atomic step; any
 * failure (unreachable, slow, a script error) rejects, and the client falls back.
 */
export interface RateLimitStore {
  /** A lease if the bucket has room (remaining above `reserve`, fewer than the store's cap in flight). */
  acquire(key: string, reserve: number, nowMs: number): Promise<StoreLease>;
  /** Ends a lease, learning from its response's headers (newer information wins); `learned` is undefined when nothing was. */
  release(key: string, leaseId: string, learned: LearnedWindow | undefined, nowMs: number): Promise<void>;
}

/** Reported through `onRateLimitStore` when a bucket leaves the store for local pacing, and when it comes back. */
export interface RateLimitStoreEvent {
  /** The bucket whose pacing changed. */
  bucket: string;
  /** `fallback`: the store failed and the client paces on its own; `restored`: it answers again. */
  state: 'fallback' | 'restored';
  /** Why it fell back: the store's error message. */
  reason?: string;
}

/** The window a reading describes, for the store; undefined for concurrency-limit answers, whose reset is a guess. */
export function learnedWindow(reading: PermitOutcome): LearnedWindow | undefined {
  if (
    !reading ||
    reading === 'not-sent' ||
    reading.concurrencyLimited ||
    reading.limit === undefined ||
    reading.remaining === undefined ||
    reading.resetAtMs === undefined
  )
    return undefined;
  const { limit, remaining, resetAtMs, serverDateMs } = reading;
  // As the local model infers it: the request that opened the window came back with limit - 1, and the
  // window started within the second `Date` names, with its reset rounded up.
  const length = serverDateMs === undefined ? undefined : resetAtMs - serverDateMs - 1000;
  const windowMs = remaining === limit - 1 && length !== undefined && length >= 1000 ? length : undefined;
  return { limit, remaining, resetAtMs, windowMs };
}
