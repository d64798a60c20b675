import type { RateLimit } from '../errors/classes.js';
import { callHook } from '../helpers/hooks.js';
import { SILENT_LOG } from '../helpers/log.js';
import type { OperationId } from '../operations.js';
import { BucketModel } from './bucket-model.js';
import { ConcurrencyLimit } from './concurrency-limit.js';
import { checkRateLimitOptions, type PacingContext, type PacingSettings, type RateLimitEvent, type RateLimitOptions } from './options.js';
import type { NotWithinBudget, Permit, PermitOutcome, WaitBudget } from './permit.js';
import { type HeldRequest, PermitQueue } from './permit-queue.js';
import { type RateLimitReading, serverRequestedWaitMs } from './rate-limit-reading.js';
import type { ServerClock } from '../helpers/server-clock.js';
import type { SharedPacing } from './shared-pacing.js';

/** A permit of the local pacing: what its release tells the bucket (`learns`: its answer opens the window) and the concurrency limit. */
class LocalPermit implements Permit {
  #released = false;

  constructor(
    readonly model: BucketModel,
    readonly learns: boolean,
    readonly epoch: number,
    readonly onRelease: (permit: LocalPermit, outcome: PermitOutcome) => void,
  ) {}

  release(outcome: PermitOutcome): void {
    if (this.#released) return;
    this.#released = true;
    this.onRelease(this, outcome);
  }
}

/**
 * Paces requests by Okta's rate-limit headers instead of waiting for 429s. It
 * composes a `BucketModel` per bucket (is it open, and until when not) with one
 * `PermitQueue` (FIFO, `maxConcurrent`) and a wake-up timer, and answers each
 * request "go", "wait" or "not within your budget". With a store, each permit
 * also holds the store's lease (`SharedPacing`). One per client.
 */
export class RateLimitScheduler {
  readonly #settings: PacingSettings;
  readonly #context: PacingContext;
  readonly #clock: ServerClock;
  readonly #models = new Map<string, BucketModel>();
  readonly #concurrency: ConcurrencyLimit;
  readonly #queue: PermitQueue<LocalPermit>;
  /** With `rateLimit.store`: loaded on first use (a promise until then), so a client without one, and a browser bundle, never carries it. */
  #shared: SharedPacing | Promise<SharedPacing> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timerAt = Number.POSITIVE_INFINITY;

  constructor(
    options: RateLimitOptions,
    clock: ServerClock,
    context: PacingContext = { org: '', onRateLimit: undefined, onRateLimitStore: undefined, log: SILENT_LOG },
  ) {
    this.#settings = checkRateLimitOptions(options);
    this.#context = context;
    this.#clock = clock;
    this.#concurrency = new ConcurrencyLimit(this.#settings.maxConcurrent);
    this.#queue = new PermitQueue<LocalPermit>(this.#concurrency.value, {
      permitFor: (bucket) => this.#permitFor(bucket, Date.now()),
      onHeld: (request) => this.#announce(request),
      onAbandoned: () => this.#wakeWaiting(),
    });
    const { store, reserve } = this.#settings;
    this.#shared =
      store &&
      import('./shared-pacing.js').then(({ SharedPacing }) => {
        const shared = new SharedPacing(store, reserve, clock, context);
        this.#shared = shared;
        return shared;
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
  acquireNow(operationId: OperationId): Permit | undefined {
    if (this.#shared) return undefined;
    return this.#queue.acquireNow(this.#bucketFor(operationId));
  }

  /** A permit once the bucket opens (here, and in the store when there is one), or the answer that it will not open before `budget.deadline`. */
  async acquire(operationId: OperationId, budget: WaitBudget): Promise<Permit | NotWithinBudget> {
    const bucket = this.#bucketFor(operationId);
    const acquireLocal = () => this.#acquireLocal(bucket, operationId, budget);
    if (!this.#shared) return acquireLocal();
    return (await this.#shared).acquire(bucket, budget, acquireLocal);
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

  #acquireLocal(bucket: string, operationId: OperationId, budget: WaitBudget): Promise<LocalPermit | NotWithinBudget> {
    const now = this.#queue.acquireNow(bucket);
    if (now) return Promise.resolve(now);
    const model = this.#model(bucket);
    const heldUntil = this.#heldUntil(bucket, model, Date.now());
    const rateLimit = model.rateLimit;
    if (rateLimit && Number.isFinite(heldUntil) && heldUntil >= budget.deadline) return Promise.resolve({ notWithinBudget: rateLimit });

    const { permit, request } = this.#queue.acquire(bucket, operationId, budget.signal, () => budget.abortReason());
    if (!budget.signal.aborted) this.#announce(request);
    const { log } = this.#context;
    if (!request.announced && log.enabled.debug) {
      // Not announced: held for a slot, or until the answers in flight (one learning the bucket) come back.
      const wait = heldUntil === Number.POSITIVE_INFINITY ? 'answers-in-flight' : 'concurrency-limit';
      log.write('debug', 'okta-sessions: wait', { operationId, bucket, wait, maxConcurrent: this.#concurrency.value });
    }
    this.#wakeWaiting();
    return permit;
  }

  #bucketFor(operationId: OperationId): string {
    return this.#settings.bucketOf[operationId] ?? operationId;
  }

  #model(bucket: string): BucketModel {
    let model = this.#models.get(bucket);
    if (!model) {
      model = new BucketModel(this.#settings.reserve, this.#clock, this.#settings.maxShare);
      this.#models.set(bucket, model);
    }
    return model;
  }

  /** A permit for `bucket` if it is open at `nowMs`; the queue counts it. */
  #permitFor(bucket: string, nowMs: number): LocalPermit | undefined {
    const model = this.#model(bucket);
    if (this.#heldUntil(bucket, model, nowMs) > nowMs) return undefined;
    return new LocalPermit(model, model.acquire(nowMs), this.#concurrency.epoch, this.#onRelease);
  }

  readonly #onRelease = (permit: LocalPermit, outcome: PermitOutcome): void => {
    permit.model.release(permit.learns, outcome, Date.now());
    if (outcome !== 'not-sent') {
      this.#concurrency.observe(outcome, permit.epoch, this.#queue.atCapacity);
      this.#queue.capacity = this.#concurrency.value;
    }
    this.#queue.release();
    this.#wakeWaiting();
  };

  /** Until when `bucket` holds; others' use is kept back for unless the store paces the bucket for everyone. */
  #heldUntil(bucket: string, model: BucketModel, nowMs: number): number {
    const shared = this.#shared;
    const storePaces = shared !== undefined && !(shared instanceof Promise) && shared.isSharing(bucket);
    return model.heldUntil(nowMs, !storePaces);
  }

  /** Reports a held request once, through `onRateLimit`. */
  #announce(request: HeldRequest): void {
    const now = Date.now();
    const model = this.#model(request.key);
    const heldUntil = this.#heldUntil(request.key, model, now);
    const rateLimit = model.rateLimit;
    const reason = model.holdReason;
    // The window's first part, and the answer that learns a window, hold briefly: a longer hold is the one told.
    const brief = reason === 'learning' || reason === 'window-start';
    if (request.announced || heldUntil <= now || !Number.isFinite(heldUntil) || !rateLimit || brief) return;
    request.announced = true;
    const event: RateLimitEvent = {
      operationId: request.label,
      bucket: request.key,
      ...rateLimit,
      waitMs: heldUntil - now,
      reason,
      othersShare: model.othersShare,
    };
    callHook(this.#context.onRateLimit, event);
    this.#context.log.write(event.waitMs > 1_000 ? 'info' : 'debug', 'okta-sessions: wait', { ...event, wait: 'pacing' });
  }

  /** Hands free slots to waiting requests whose bucket is open, and sets the wake-up for the rest. */
  #wakeWaiting(): void {
    // The common case, after every answer: no one waits and no wake-up is set.
    if (this.#queue.waiting().length === 0 && this.#timerAt === Number.POSITIVE_INFINITY) return;
    // Taken before the queue asks the buckets: a bucket that held a request then holds it past `now`, so its wake-up is set.
    const now = Date.now();
    this.#queue.admitWaiting();
    let wakeAt = Number.POSITIVE_INFINITY;
    for (const request of this.#queue.waiting()) {
      const heldUntil = this.#heldUntil(request.key, this.#model(request.key), now);
      if (heldUntil > now) wakeAt = Math.min(wakeAt, heldUntil);
    }
    if (wakeAt === this.#timerAt) return;
    clearTimeout(this.#timer);
    this.#timerAt = wakeAt;
    this.#timer = Number.isFinite(wakeAt) ? setTimeout(this.#onWakeUp, Math.max(0, wakeAt - now)) : undefined;
  }

  readonly #onWakeUp = (): void => {
    this.#timerAt = Number.POSITIVE_INFINITY;
    this.#wakeWaiting();
  };
}
