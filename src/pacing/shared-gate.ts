/**
 * Pacing shared by many processes: every permit is also a lease from a store
 * (Redis: `okta-sessions/redis`) that holds one org's buckets for all of them,
 * and learns from every response. The local pacing keeps running beside it, so
 * when the store fails or is slow the client carries on with local pacing for
 * that bucket, says so through `onRateLimitStore`, and goes back to the store
 * once it answers again. Nothing is sent twice and no call fails because of it.
 */
import { callHook } from '../hooks.js';
import { sleep } from '../http/budget.js';
import type { RateLimit, RateLimitSignal } from './rate-limit-signal.js';
import type { NotWithinBudget, Permit, WaitBudget } from './scheduler.js';
import type { ServerClock } from './server-clock.js';

/** What a response taught about its bucket, on the server's clock. */
export interface LearnedWindow {
  limit: number;
  remaining: number;
  resetAtMs: number;
  /**
   * The window's length, when this response opened it: the store places its end from when it hears of it
   * (the reset header is rounded up to a second; the real end can be most of a second earlier).
   */
  windowMs: number | undefined;
}

/** The store's answer to a request for a permit: a lease, or when to ask again (server clock). */
export type StoreTake = { leaseId: string } | { retryAtMs: number; rateLimit: RateLimit | undefined };

/**
 * Where the shared bucket state lives. Every method is one atomic step; any
 * failure (unreachable, slow, a script error) rejects, and the client falls back.
 */
export interface RateLimitStore {
  /** A lease if the bucket has room (remaining above `reserve`, fewer than the store's cap in flight). */
  take(key: string, reserve: number, nowMs: number): Promise<StoreTake>;
  /** Ends a lease, learning from its response's headers (newer information wins). */
  settle(key: string, leaseId: string, learned: LearnedWindow | undefined, nowMs: number): Promise<void>;
}

/** Reported through `onRateLimitStore` when a bucket leaves the store for local pacing, and when it comes back. */
export interface RateLimitStoreEvent {
  bucket: string;
  state: 'fallback' | 'restored';
  /** Why it fell back: the store's error message. */
  reason?: string;
}

/** After a failure, the store is asked again for a bucket only after this long. */
const RETRY_STORE_AFTER_MS = 1_000;
/** When the store holds a bucket for a cap that only a release can lift, ask again after this long. */
const POLL_MS = 25;
/** A long wait asks again at least this often: another process may have learned a new window meanwhile. */
const RECHECK_MS = 1_000;

/** The window a signal describes, for the store; undefined for concurrency-limit answers, whose reset is a guess. */
export function learnedWindow(signal: RateLimitSignal | undefined): LearnedWindow | undefined {
  if (!signal || signal.concurrencyLimited || signal.limit === undefined || signal.remaining === undefined || signal.resetAtMs === undefined) return undefined;
  const { limit, remaining, resetAtMs, serverDateMs } = signal;
  // As the local model infers it: the request that opened the window came back with limit - 1, and the
  // window started within the second `Date` names, with its reset rounded up.
  const length = serverDateMs === undefined ? undefined : resetAtMs - serverDateMs - 1000;
  const windowMs = remaining === limit - 1 && length !== undefined && length >= 1000 ? length : undefined;
  return { limit, remaining, resetAtMs, windowMs };
}

export class SharedGate {
  readonly #store: RateLimitStore;
  readonly #org: string;
  readonly #reserve: number;
  readonly #clock: ServerClock;
  readonly #onEvent: ((event: RateLimitStoreEvent) => void) | undefined;
  /** Buckets on local pacing, until when. */
  readonly #localUntil = new Map<string, number>();

  constructor(store: RateLimitStore, org: string, reserve: number, clock: ServerClock, onEvent: ((event: RateLimitStoreEvent) => void) | undefined) {
    this.#store = store;
    this.#org = org;
    this.#reserve = reserve;
    this.#clock = clock;
    this.#onEvent = onEvent;
  }

  /** A lease for `bucket`; undefined when the bucket is on local pacing; NotWithinBudget when it opens too late. */
  async admit(bucket: string, budget: WaitBudget): Promise<Permit | NotWithinBudget | undefined> {
    const key = `${this.#org}|${bucket}`;
    for (;;) {
      const localUntil = this.#localUntil.get(bucket);
      if (localUntil !== undefined && Date.now() < localUntil) return undefined;
      let answer: StoreTake;
      try {
        answer = await this.#store.take(key, this.#reserve, this.#clock.toServer(Date.now()));
      } catch (error) {
        this.#fallBack(bucket, error);
        return undefined;
      }
      // Calls that were waiting when the store came back all get here: only the first reports it.
      if (localUntil !== undefined && this.#localUntil.delete(bucket)) callHook(this.#onEvent, { bucket, state: 'restored' });
      if ('leaseId' in answer) return this.#lease(bucket, key, answer.leaseId);

      const now = Date.now();
      const opensAt = this.#clock.toLocal(answer.retryAtMs);
      if (opensAt >= budget.deadline && answer.rateLimit) return { notWithinBudget: answer.rateLimit };
      try {
        await sleep(Math.max(POLL_MS, Math.min(opensAt, now + RECHECK_MS) - now), budget.signal);
      } catch {
        throw budget.abortReason();
      }
    }
  }

  #lease(bucket: string, key: string, leaseId: string): Permit {
    let released = false;
    return {
      release: (signal) => {
        if (released) return;
        released = true;
        const now = Date.now();
        this.#store.settle(key, leaseId, learnedWindow(signal), this.#clock.toServer(now)).catch((error: unknown) => this.#fallBack(bucket, error));
      },
    };
  }

  #fallBack(bucket: string, error: unknown): void {
    const wasShared = !this.#localUntil.has(bucket);
    this.#localUntil.set(bucket, Date.now() + RETRY_STORE_AFTER_MS);
    if (wasShared) callHook(this.#onEvent, { bucket, state: 'fallback', reason: error instanceof Error ? error.message : String(error) });
  }
}
