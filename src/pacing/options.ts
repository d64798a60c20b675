/** What a client's `rateLimit` option says, checked once; and what pacing reports through `onRateLimit`. */
import type { Log } from '../helpers/log.js';
import { type BucketMap, DEFAULT_BUCKETS } from '../operations.js';
import type { HoldReason } from './bucket-model.js';
import type { RateLimitStore, RateLimitStoreEvent } from './store.js';

/** Pacing by Okta's `X-Rate-Limit-*` headers (the client's `rateLimit` option; `false` turns it off): requests wait for their bucket rather than draw a 429. */
export interface RateLimitOptions {
  /**
   * Requests in flight at once, across all operations. Left out, it adapts to Okta's concurrency limit:
   * it starts at 20, grows while the client is held back by it and no concurrency 429 comes (up to 75,
   * Okta's highest), and halves on one. A number fixes it.
   */
  maxConcurrent?: number;
  /** Hold a bucket's requests once its remaining count is at or below this. Default 0. */
  reserve?: number;
  /**
   * The most of each bucket's limit this client uses, 0 < share ≤ 1 (default 1), leaving the rest to the org's
   * other apps: terraform-provider-okta's `max_api_capacity`. The limit is what the headers report (Okta may
   * already cap a token or app at half a bucket).
   */
  maxShare?: number;
  /** Which operations share a rate-limit counter; merged over the default (admin operations share one, /me has its own). */
  buckets?: Partial<BucketMap>;
  /**
   * Pacing shared with other processes (e.g. `new RedisRateLimitStore(…)` from `okta-sessions/redis`): each request
   * also takes a lease from the store, which learns every response. Without it, each client paces alone, in memory.
   */
  store?: RateLimitStore;
}

/** Reported through `onRateLimit` when a request is held back for its bucket. */
export interface RateLimitEvent {
  /** The operation held back. */
  operationId: string;
  /** Its rate-limit bucket, as the client names it (`/api/v1/sessions`, `/api/v1/logs`). */
  bucket: string;
  /** The bucket's limit per window, as Okta reported it. */
  limit: number;
  /** Requests left in the window, as Okta reported it. */
  remaining: number;
  /** When the window resets, on Okta's clock. */
  resetAt: Date;
  /** How long the request is expected to wait, in ms. */
  waitMs: number;
  /**
   * Why: the window is used up; this client's `maxShare` of it is; or what remains is kept for the bucket's
   * other consumers (other processes, the org's other apps), and this client's part spread among theirs.
   */
  reason: Exclude<HoldReason, 'learning' | 'window-start'>;
  /** The client's estimate of how much of the window others used, 0 to 1. */
  othersShare: number;
}

/** What pacing needs to know about its client. */
export interface PacingContext {
  /** The org's origin: two orgs on one store never share a bucket. */
  org: string;
  onRateLimit: ((event: RateLimitEvent) => void) | undefined;
  onRateLimitStore: ((event: RateLimitStoreEvent) => void) | undefined;
  /** Debug: every wait and its reason; info: waits over a second; warn: a store's fallback. */
  log: Log;
}

/** The options, checked, with their defaults. */
export function checkRateLimitOptions(options: RateLimitOptions) {
  const reserve = options.reserve ?? 0;
  if (!Number.isInteger(reserve) || reserve < 0)
    throw new TypeError(`rateLimit.reserve must be a whole number >= 0; got ${options.reserve}`);
  const maxShare = options.maxShare ?? 1;
  if (typeof maxShare !== 'number' || !(maxShare > 0 && maxShare <= 1)) {
    throw new TypeError(
      `rateLimit.maxShare must be a number > 0 and <= 1 (the share of each bucket this client uses); got ${String(options.maxShare)}`,
    );
  }
  const { store } = options;
  if (store !== undefined && (typeof store?.acquire !== 'function' || typeof store.release !== 'function')) {
    throw new TypeError('rateLimit.store must be a rate-limit store, e.g. new RedisRateLimitStore(…) from okta-sessions/redis');
  }
  return { maxConcurrent: options.maxConcurrent, reserve, maxShare, bucketOf: { ...DEFAULT_BUCKETS, ...options.buckets }, store };
}

export type PacingSettings = ReturnType<typeof checkRateLimitOptions>;
