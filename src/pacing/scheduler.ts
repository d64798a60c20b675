import type { RateLimit } from '../errors/classes.js';
import { callHook } from '../helpers/hooks.js';
import { type Log, SILENT_LOG } from '../helpers/log.js';
import { type BucketMap, DEFAULT_BUCKETS, type OperationId } from '../operations.js';
import { BucketModel, type HoldReason } from './bucket-model.js';
import { ConcurrencyLimit } from './concurrency-limit.js';
import type { NotWithinBudget, Permit, WaitBudget } from './permit.js';
import { type HeldRequest, PermitQueue } from './permit-queue.js';
import { type RateLimitReading, serverRequestedWaitMs } from './rate-limit-reading.js';
import type { ServerClock } from './server-clock.js';
import type { SharedPacing } from './shared-pacing.js';
import type { RateLimitStore, RateLimitStoreEvent } from './store.js';

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

/** What a scheduler needs to know about its client. */
export interface SchedulerContext {
  /** The org's origin: two orgs on one store never share a bucket. */
  org: string;
  onRateLimitStore: ((event: RateLimitStoreEvent) => void) | undefined;
  /** Debug: every wait and its reason; info: waits over a second; warn: a store's fallback. */
  log: Log;
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
  /**
   * Why: the window is used up; this client's `maxShare` of it is; or what remains is kept for the bucket's
   * other consumers (other processes, the org's other apps), and this client's part spread among theirs.
   */
  reason: Exclude<HoldReason, 'learning' | 'window-start'>;
  /** The client's estimate of how much of the window others used, 0 to 1. */
  othersShare: number;
}

/**
 * Paces requests by Okta's rate-limit headers instead of waiting for 429s. It
 * composes a `BucketModel` per bucket (is it open, and until when not) with one
 * `PermitQueue` (FIFO, `maxConcurrent`) and a wake-up timer, and answers each
 * request "go", "wait" or "not within your budget". One per client.
 */
/** A permit of the local pacing, which a store's answer may take back before anything was sent. */
interface LocalPermit extends Permit {
  /** Nothing was sent: as if it had never been granted. */
  withdraw(): void;
}

export class RateLimitScheduler {
  readonly #reserve: number;
  readonly #maxShare: number;
  /** The store's pacing, once loaded: a bucket it paces is not held back for others locally (the store counts every process). */
  #sharedPacing: SharedPacing | undefined;
  readonly #bucketOf: BucketMap;
  readonly #onRateLimit: ((event: RateLimitEvent) => void) | undefined;
  readonly #clock: ServerClock;
  readonly #models = new Map<string, BucketModel>();
  readonly #queue: PermitQueue<LocalPermit>;
  readonly #concurrency: ConcurrencyLimit;
  readonly #log: Log;
  /** With `rateLimit.store`: loaded on first use, so a client without one (and a browser bundle) never carries it. */
  readonly #shared: Promise<SharedPacing> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timerAt = Number.POSITIVE_INFINITY;

  constructor(
    options: RateLimitOptions,
    onRateLimit: ((event: RateLimitEvent) => void) | undefined,
    clock: ServerClock,
    context: SchedulerContext = { org: '', onRateLimitStore: undefined, log: SILENT_LOG },
  ) {
    this.#concurrency = new ConcurrencyLimit(options.maxConcurrent);
    this.#reserve = options.reserve ?? 0;
    if (!Number.isInteger(this.#reserve) || this.#reserve < 0)
      throw new TypeError(`rateLimit.reserve must be a whole number >= 0; got ${options.reserve}`);
    this.#maxShare = options.maxShare ?? 1;
    if (typeof this.#maxShare !== 'number' || !(this.#maxShare > 0 && this.#maxShare <= 1))
      throw new TypeError(
        `rateLimit.maxShare must be a number > 0 and <= 1 (the share of each bucket this client uses); got ${String(options.maxShare)}`,
      );
    this.#bucketOf = { ...DEFAULT_BUCKETS, ...options.buckets };
    this.#onRateLimit = onRateLimit;
    this.#clock = clock;
    this.#queue = new PermitQueue<LocalPermit>(this.#concurrency.value, () => this.#pump());
    const { store } = options;
    if (store !== undefined && (typeof store?.take !== 'function' || typeof store.settle !== 'function')) {
      throw new TypeError('rateLimit.store must be a rate-limit store, e.g. new RedisRateLimitStore(…) from okta-sessions/redis');
    }
    this.#log = context.log;
    this.#shared =
      store &&
      import('./shared-pacing.js').then(({ SharedPacing }) => {
        this.#sharedPacing = new SharedPacing(store, context.org, this.#reserve, clock, context.onRateLimitStore, context.log);
        return this.#sharedPacing;
      });
  }

  /** The most requests this client will ever have in flight: its connection pool is sized for it. */
  get maxConcurrency(): number {
    return this.#concurrency.ceiling;
  }

  /** What the client last learned about each bucket. */
  snapshot(): Record<string, RateLimit> {
    const snapshot: Record<string, RateLimit> = {};
    for (const [bucket, model] of this.#models) {
      const rateLimit = model.rateLimit;
      if (rateLimit) snapshot[bucket] = rateLimit;
    }
    return snapshot;
  }

  /** A permit right now, when nothing waits and the bucket is open: the common case, without a promise (never with a store). */
  tryAcquire(operationId: OperationId): Permit | undefined {
    if (this.#queue.busy || this.#shared) return undefined;
    return this.#admitNow(operationId);
  }

  /** A permit once the bucket opens (here, and in the store when there is one), or the answer that it will not open before `budget.deadline`. */
  async acquire(operationId: OperationId, budget: WaitBudget): Promise<Permit | NotWithinBudget> {
    const local = await this.#acquireLocal(operationId, budget);
    if (!this.#shared || 'notWithinBudget' in local) return local;
    const shared = await this.#shared;
    const bucket = this.#bucketFor(operationId);
    const grantedWhileSharing = shared.isSharing(bucket);
    let lease: Awaited<ReturnType<SharedPacing['lease']>>;
    try {
      lease = await shared.lease(bucket, budget);
    } catch (error) {
      local.withdraw();
      throw error;
    }
    if (!lease) {
      if (!grantedWhileSharing) return local;
      // The store failed while this call waited for it: its local permit was granted as if the store paced
      // every process, and all such permits going at once would overshoot. Pace it afresh, minding the others.
      local.withdraw();
      return this.#acquireLocal(operationId, budget);
    }
    if ('notWithinBudget' in lease) {
      local.withdraw();
      return lease;
    }
    return {
      release: (reading) => {
        lease.release(reading);
        local.release(reading);
      },
    };
  }

  #acquireLocal(operationId: OperationId, budget: WaitBudget): Promise<LocalPermit | NotWithinBudget> {
    const immediate = this.#queue.busy ? undefined : this.#admitNow(operationId);
    if (immediate) return Promise.resolve(immediate);
    const bucket = this.#bucketFor(operationId);
    const model = this.#model(bucket);
    const heldUntil = this.#heldUntil(bucket, model, Date.now());
    const rateLimit = model.rateLimit;
    if (rateLimit && Number.isFinite(heldUntil) && heldUntil >= budget.deadline) return Promise.resolve({ notWithinBudget: rateLimit });

    const { permit, request } = this.#queue.wait(bucket, operationId, budget.signal, () => budget.abortReason());
    if (!budget.signal.aborted) this.#announce(request);
    if (!request.announced && this.#log.enabled.debug) {
      // Not announced: held for a slot, or until the answers in flight (one learning the bucket) come back.
      const wait = heldUntil === Number.POSITIVE_INFINITY ? 'answers-in-flight' : 'concurrency-limit';
      this.#log.write('debug', 'okta-sessions: wait', { operationId, bucket, wait, maxConcurrent: this.#concurrency.value });
    }
    this.#pump();
    return permit;
  }

  /**
   * How long a retry should wait after a 429 whose permit was just released: the
   * bucket's backoff after a concurrency-limit answer (so the retry and the held
   * bucket reopen together), else what the server asked for.
   */
  retryWaitMs(operationId: OperationId, reading: RateLimitReading, nowMs: number): number | undefined {
    if (!reading.concurrencyLimited) return serverRequestedWaitMs(reading, this.#clock, nowMs);
    const bucket = this.#bucketFor(operationId);
    return Math.max(0, this.#heldUntil(bucket, this.#model(bucket), nowMs) - nowMs);
  }

  #admitNow(operationId: OperationId): LocalPermit | undefined {
    const permit = this.#admit(this.#bucketFor(operationId), Date.now());
    if (permit) this.#queue.take();
    return permit;
  }

  #bucketFor(operationId: OperationId): string {
    return this.#bucketOf[operationId] ?? operationId;
  }

  #model(bucket: string): BucketModel {
    let model = this.#models.get(bucket);
    if (!model) {
      model = new BucketModel(this.#reserve, this.#clock, this.#maxShare);
      this.#models.set(bucket, model);
    }
    return model;
  }

  /** A permit for `bucket` if it is open at `nowMs`; the caller counts it in the queue. */
  #admit(bucket: string, nowMs: number): LocalPermit | undefined {
    const model = this.#model(bucket);
    if (this.#heldUntil(bucket, model, nowMs) > nowMs) return undefined;
    const learns = model.send(nowMs);
    const epoch = this.#concurrency.epoch;
    let released = false;
    const handBack = (settle: () => void) => {
      if (released) return;
      released = true;
      settle();
      this.#queue.give();
      this.#pump();
    };
    return {
      release: (reading) =>
        handBack(() => {
          model.settle(learns, reading, Date.now());
          this.#concurrency.observe(reading, epoch, this.#queue.atCapacity);
          this.#queue.capacity = this.#concurrency.value;
        }),
      withdraw: () => handBack(() => model.withdraw(learns)),
    };
  }

  /** Until when `bucket` holds; others' use is kept back for unless the store paces the bucket for everyone. */
  #heldUntil(bucket: string, model: BucketModel, nowMs: number): number {
    return model.heldUntil(nowMs, !this.#sharedPacing?.isSharing(bucket));
  }

  /** Reports a held request once, through `onRateLimit`. */
  #announce(request: HeldRequest): void {
    const now = Date.now();
    const model = this.#model(request.key);
    const heldUntil = this.#heldUntil(request.key, model, now);
    const rateLimit = model.rateLimit;
    const reason = model.holdReason;
    // The window's first part, and the answer that learns a window, hold briefly: a longer hold is the one told.
    if (
      request.announced ||
      heldUntil <= now ||
      !Number.isFinite(heldUntil) ||
      !rateLimit ||
      reason === 'learning' ||
      reason === 'window-start'
    )
      return;
    request.announced = true;
    const event: RateLimitEvent = {
      operationId: request.label,
      bucket: request.key,
      ...rateLimit,
      waitMs: heldUntil - now,
      reason,
      othersShare: model.othersShare,
    };
    callHook(this.#onRateLimit, event);
    const level = event.waitMs > 1_000 ? 'info' : 'debug';
    this.#log.write(level, 'okta-sessions: wait', { ...event, wait: 'pacing' });
  }

  #pump(): void {
    // The common case, after every answer: no one waits and no wake-up is set.
    if (this.#queue.waiting().length === 0 && this.#timerAt === Number.POSITIVE_INFINITY) return;
    const now = Date.now();
    this.#queue.grant(
      (bucket) => this.#admit(bucket, now),
      (request) => this.#announce(request),
    );
    this.#scheduleWakeUp(now);
  }

  /** Wakes up at the earliest reset or backoff end that holds a waiting request. */
  #scheduleWakeUp(now: number): void {
    let wakeAt = Number.POSITIVE_INFINITY;
    for (const request of this.#queue.waiting()) {
      const heldUntil = this.#heldUntil(request.key, this.#model(request.key), now);
      if (heldUntil > now) wakeAt = Math.min(wakeAt, heldUntil);
    }
    if (wakeAt === this.#timerAt) return;
    clearTimeout(this.#timer);
    this.#timerAt = wakeAt;
    this.#timer = Number.isFinite(wakeAt)
      ? setTimeout(
          () => {
            this.#timerAt = Number.POSITIVE_INFINITY;
            this.#pump();
          },
          Math.max(0, wakeAt - now),
        )
      : undefined;
  }
}
