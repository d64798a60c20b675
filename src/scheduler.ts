import type { OperationId } from '../generated/operations.js';
import type { CallBudget } from './budget.js';
import { type BucketMap, DEFAULT_BUCKETS } from './buckets.js';
import { OktaRateLimitError, type OperationRef } from './errors.js';
import { isConcurrencyLimit, parseRateLimit, RESET_MARGIN_MS, type RateLimit, retryAfterMs } from './rate-limit.js';
import { backoffDelayMs } from './retry.js';
import { ServerClock } from './server-clock.js';

export interface RateLimitOptions {
  /** Requests in flight at once, across all operations. Default 10. */
  maxConcurrent?: number;
  /** Hold a bucket's requests once its remaining count is at or below this. Default 0. */
  reserve?: number;
  /** Which operations share a rate-limit counter; merged over the default (admin operations share one, /me has its own). */
  buckets?: Partial<BucketMap>;
}

/** Reported through `onRateLimit` when a request is held back for its bucket. */
export interface RateLimitEvent {
  operationId: string;
  bucket: string;
  limit: number;
  remaining: number;
  /** When the window resets, on Okta's clock. */
  resetAt: Date;
  /** How long the request is expected to wait, in ms. */
  waitMs: number;
}

interface BucketState {
  rateLimit: RateLimit;
  /** The reset in local time, from the server clock estimate. */
  resetLocalMs: number;
  /**
   * When the window really ends, in local time, if we saw which request opened it.
   * The reset header is rounded up to a whole second, which would waste most of a
   * second per window; from this instant one probe request may test the new window.
   */
  windowEndLocalMs: number | undefined;
  probeInFlight: boolean;
}

/** After concurrency-limit answers: hold the bucket until then, whatever its reset says. */
interface Backoff {
  untilMs: number;
  strikes: number;
}

interface Waiter {
  bucket: string;
  operationId: string;
  resolve: (permit: Permit) => void;
  reject: (reason: unknown) => void;
  cleanup: () => void;
  announced: boolean;
}

/** Returned by `acquire`; `release` records what the response said about the bucket. */
export interface Permit {
  release(headers: Headers | undefined): void;
}

const DEFAULT_MAX_CONCURRENT = 10;
/** Added to an inferred window end, for clock granularity. */
const WINDOW_END_MARGIN_MS = 10;
const CONCURRENCY_BACKOFF_CAP_MS = 10_000;

/**
 * Paces requests by Okta's rate-limit headers instead of waiting for 429s: a
 * bucket whose remaining count is used up holds new requests until its reset
 * (on the server's clock), releases no more than its limit after it, in FIFO
 * order, with at most `maxConcurrent` requests in flight. One per client.
 */
export class RateLimitScheduler {
  readonly #maxConcurrent: number;
  readonly #reserve: number;
  readonly #bucketOf: BucketMap;
  readonly #onRateLimit: ((event: RateLimitEvent) => void) | undefined;
  readonly #states = new Map<string, BucketState>();
  readonly #backoffs = new Map<string, Backoff>();
  /** Buckets where a probe before the rounded reset met a 429: never probe them again. */
  readonly #probingFailed = new Set<string>();
  readonly #lastSignature = new Map<string, string>();
  /** Requests sent and not yet answered, per bucket: they will use up some of its remaining count. */
  readonly #inFlight = new Map<string, number>();
  readonly #clock = new ServerClock();
  readonly #waiters: Waiter[] = [];
  #active = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timerAt = Number.POSITIVE_INFINITY;

  constructor(options: RateLimitOptions, onRateLimit: ((event: RateLimitEvent) => void) | undefined) {
    this.#maxConcurrent = options.maxConcurrent ?? DEFAULT_MAX_CONCURRENT;
    this.#reserve = options.reserve ?? 0;
    if (!Number.isInteger(this.#maxConcurrent) || this.#maxConcurrent < 1) {
      throw new TypeError(`rateLimit.maxConcurrent must be a whole number >= 1; got ${options.maxConcurrent}`);
    }
    if (!Number.isInteger(this.#reserve) || this.#reserve < 0) throw new TypeError(`rateLimit.reserve must be a whole number >= 0; got ${options.reserve}`);
    this.#bucketOf = { ...DEFAULT_BUCKETS, ...options.buckets };
    this.#onRateLimit = onRateLimit;
  }

  /** What the client last learned about each bucket. */
  snapshot(): Record<string, RateLimit> {
    return Object.fromEntries([...this.#states].map(([bucket, state]) => [bucket, { ...state.rateLimit }]));
  }

  /** Waits for a slot to send one attempt of `operation`, within the call's budget. */
  /** A slot right now, when nothing waits and the bucket is open: the common case, without a promise. */
  tryAcquire(operation: OperationRef): Permit | undefined {
    const bucket = this.#bucketFor(operation);
    return this.#waiters.length === 0 && this.#canSend(bucket, Date.now()) ? this.#grant(bucket) : undefined;
  }

  #bucketFor(operation: OperationRef): string {
    return this.#bucketOf[operation.operationId as OperationId] ?? operation.operationId;
  }

  acquire(operation: OperationRef, budget: CallBudget): Promise<Permit> {
    const bucket = this.#bucketFor(operation);
    const immediate = this.tryAcquire(operation);
    if (immediate) return Promise.resolve(immediate);
    const tooLate = this.#beyondBudget(bucket, operation, budget);
    if (tooLate) return Promise.reject(tooLate);

    return new Promise<Permit>((resolve, reject) => {
      const onAbort = () => {
        this.#remove(waiter);
        reject(budget.abortError(operation));
      };
      const waiter: Waiter = {
        bucket,
        operationId: operation.operationId,
        resolve,
        reject,
        cleanup: () => budget.signal.removeEventListener('abort', onAbort),
        announced: false,
      };
      if (budget.signal.aborted) {
        onAbort();
        return;
      }
      budget.signal.addEventListener('abort', onAbort, { once: true });
      this.#waiters.push(waiter);
      this.#announce(waiter);
      this.#pump();
    });
  }

  #grant(bucket: string): Permit {
    const now = Date.now();
    this.#active++;
    this.#inFlight.set(bucket, (this.#inFlight.get(bucket) ?? 0) + 1);
    const state = this.#states.get(bucket);
    const probe = state !== undefined && this.#isProbing(state, now);
    if (probe) state.probeInFlight = true;
    let released = false;
    return {
      release: (headers) => {
        if (released) return;
        released = true;
        this.#active--;
        this.#inFlight.set(bucket, (this.#inFlight.get(bucket) ?? 1) - 1);
        if (probe) state.probeInFlight = false;
        if (headers) this.#learn(bucket, headers, probe);
        this.#pump();
      },
    };
  }

  /** Past the inferred window end but before the rounded reset, with the old window used up. */
  #isProbing(state: BucketState, now: number): boolean {
    return state.windowEndLocalMs !== undefined && now >= state.windowEndLocalMs && now < state.resetLocalMs && state.rateLimit.remaining <= this.#reserve;
  }

  /** Updates a bucket from a response's headers; `wasProbe` when the request tested a window's end. */
  #learn(bucket: string, headers: Headers, wasProbe: boolean): void {
    // Most responses repeat the last one's headers but for Remaining: skip the parsing when nothing changed.
    const dateHeader = headers.get('date');
    const signature = `${dateHeader}|${headers.get('x-rate-limit-remaining')}|${headers.get('x-rate-limit-reset')}|${headers.get('x-rate-limit-limit')}|${headers.get('retry-after')}`;
    if (!wasProbe && this.#lastSignature.get(bucket) === signature) return;
    this.#lastSignature.set(bucket, signature);
    const now = Date.now();
    const serverDate = Date.parse(dateHeader ?? '');
    if (Number.isFinite(serverDate)) this.#clock.observe(serverDate, now);
    const rateLimit = parseRateLimit(headers);
    if (!rateLimit) return;
    if (isConcurrencyLimit(rateLimit)) {
      // Only an estimated reset: back off instead of trusting it.
      const strikes = (this.#backoffs.get(bucket)?.strikes ?? 0) + 1;
      this.#backoffs.set(bucket, { strikes, untilMs: now + Math.max(100, backoffDelayMs(strikes, CONCURRENCY_BACKOFF_CAP_MS)) });
      return;
    }
    this.#backoffs.delete(bucket);
    const previous = this.#states.get(bucket);
    if (previous && rateLimit.resetAt < previous.rateLimit.resetAt) return; // a straggler from an older window
    const sameWindow = previous !== undefined && previous.rateLimit.resetAt.getTime() === rateLimit.resetAt.getTime();
    // Responses can arrive out of order: within a window, the smallest remaining is the latest.
    const remaining = sameWindow ? Math.min(previous.rateLimit.remaining, rateLimit.remaining) : rateLimit.remaining;
    let resetLocalMs = this.#clock.toLocal(rateLimit.resetAt.getTime());
    const retryAfter = retryAfterMs(headers, Number.isFinite(serverDate) ? serverDate : now);
    // A server-given Retry-After wins; a used-up bucket whose reset has passed here means the reset was early.
    if (retryAfter !== undefined) resetLocalMs = now + retryAfter;
    else if (remaining === 0 && resetLocalMs <= now) resetLocalMs = now + RESET_MARGIN_MS;
    this.#states.set(bucket, {
      rateLimit: { ...rateLimit, remaining },
      resetLocalMs,
      windowEndLocalMs: sameWindow ? previous.windowEndLocalMs : undefined,
      probeInFlight: sameWindow && previous.probeInFlight,
    });
    const state = this.#states.get(bucket) as BucketState;
    if (retryAfter !== undefined || this.#probingFailed.has(bucket)) state.windowEndLocalMs = undefined;
    else if (rateLimit.remaining === rateLimit.limit - 1 && Number.isFinite(serverDate)) {
      // This request opened the window. Okta's windows last whole seconds (60 s); the window started
      // within the second `Date` names and its reset is rounded up, so it lasts (reset - Date) - 1 s.
      // It reached Okta before its answer reached us: counting from now never ends the window early.
      const windowMs = rateLimit.resetAt.getTime() - serverDate - 1000;
      if (windowMs >= 1000) state.windowEndLocalMs = Math.min(resetLocalMs, now + windowMs + WINDOW_END_MARGIN_MS);
    }
    if (wasProbe && sameWindow && rateLimit.remaining === 0) {
      // The window had not ended: this server rounds its reset differently. Wait for resets from now on.
      this.#probingFailed.add(bucket);
      state.windowEndLocalMs = undefined;
    }
  }

  #canSend(bucket: string, now: number): boolean {
    return this.#active < this.#maxConcurrent && this.#heldUntil(bucket, now) <= now;
  }

  /**
   * Until when a bucket holds new requests (local ms): a time at or before `now`
   * when it is open, Infinity while only in-flight answers can open it.
   */
  #heldUntil(bucket: string, now: number): number {
    const backoff = this.#backoffs.get(bucket);
    if (backoff && now < backoff.untilMs) return backoff.untilMs;
    const state = this.#states.get(bucket);
    if (!state) return now;
    // After the reset the window is fresh: assume the full limit, minus what is already on its way.
    const fresh = now >= state.resetLocalMs;
    const remaining = fresh ? state.rateLimit.limit : state.rateLimit.remaining;
    if (remaining - (this.#inFlight.get(bucket) ?? 0) > this.#reserve) return now;
    if (fresh) return Number.POSITIVE_INFINITY;
    // The window has probably ended: one probe goes; the rest wait for its answer.
    if (state.windowEndLocalMs !== undefined) {
      if (now < state.windowEndLocalMs) return state.windowEndLocalMs;
      return state.probeInFlight ? Number.POSITIVE_INFINITY : now;
    }
    return state.resetLocalMs;
  }

  #beyondBudget(bucket: string, operation: OperationRef, budget: CallBudget): OktaRateLimitError | undefined {
    const heldUntil = this.#heldUntil(bucket, Date.now());
    const state = this.#states.get(bucket);
    if (!state || !Number.isFinite(heldUntil) || heldUntil < budget.deadline) return undefined;
    const message = `Okta rate limit for ${operation.operationId} is used up until ${state.rateLimit.resetAt.toISOString()}, beyond the call's timeout; not sent`;
    return new OktaRateLimitError(message, { status: 429, errorCauses: [], headers: new Headers(), attempts: 0, rateLimit: { ...state.rateLimit } }, operation);
  }

  #announce(waiter: Waiter): void {
    const now = Date.now();
    const heldUntil = this.#heldUntil(waiter.bucket, now);
    const state = this.#states.get(waiter.bucket);
    if (waiter.announced || heldUntil <= now || !Number.isFinite(heldUntil) || !state) return;
    waiter.announced = true;
    const event = { operationId: waiter.operationId, bucket: waiter.bucket, ...state.rateLimit, waitMs: heldUntil - now };
    try {
      this.#onRateLimit?.(event);
    } catch {
      // A logging hook must not fail the call.
    }
  }

  #remove(waiter: Waiter): void {
    const index = this.#waiters.indexOf(waiter);
    if (index >= 0) this.#waiters.splice(index, 1);
    waiter.cleanup();
    this.#pump();
  }

  /** Grants waiting requests in FIFO order per bucket; a held bucket does not block the others. */
  #pump(): void {
    const now = Date.now();
    const blocked = new Set<string>();
    for (let i = 0; i < this.#waiters.length && this.#active < this.#maxConcurrent; ) {
      const waiter = this.#waiters[i] as Waiter;
      if (blocked.has(waiter.bucket) || !this.#canSend(waiter.bucket, now)) {
        blocked.add(waiter.bucket);
        this.#announce(waiter);
        i++;
        continue;
      }
      this.#waiters.splice(i, 1);
      waiter.cleanup();
      waiter.resolve(this.#grant(waiter.bucket));
    }
    this.#schedulePump(now);
  }

  /** Wakes up at the earliest reset or backoff end that holds a waiting request. */
  #schedulePump(now: number): void {
    let wakeAt = Number.POSITIVE_INFINITY;
    for (const waiter of this.#waiters) {
      const heldUntil = this.#heldUntil(waiter.bucket, now);
      if (heldUntil > now) wakeAt = Math.min(wakeAt, heldUntil);
    }
    if (wakeAt === this.#timerAt) return;
    clearTimeout(this.#timer);
    this.#timerAt = wakeAt;
    this.#timer = Number.isFinite(wakeAt)
      ? setTimeout(() => {
          this.#timerAt = Number.POSITIVE_INFINITY;
          this.#pump();
        }, Math.max(0, wakeAt - now))
      : undefined;
  }
}
