/**
 * Pacing shared by many processes: every permit also holds a lease from a store
 * that keeps one org's buckets for all of them, and learns from every response.
 * The local pacing keeps running beside it, so when the store fails or is slow
 * the client carries on with local pacing for that bucket, says so through
 * `onRateLimitStore`, and goes back to the store once it answers again. Nothing
 * is sent twice and no call fails because of it. Loaded only with a store.
 */
import { callHook } from '../helpers/hooks.js';
import type { Log } from '../helpers/log.js';
import { sleep } from '../helpers/sleep.js';
import type { NotWithinBudget, Permit, WaitBudget } from './permit.js';
import type { ServerClock } from './server-clock.js';
import { learnedWindow, type RateLimitStore, type RateLimitStoreEvent, type StoreTake } from './store.js';

/** After a failure, the store is asked again for a bucket only after this long. */
const RETRY_STORE_AFTER_MS = 1_000;
/** When the store holds a bucket for a cap that only a release can lift, ask again after this long. */
const POLL_MS = 25;
/** A long wait asks again at least this often: another process may have learned a new window meanwhile. */
const RECHECK_MS = 1_000;

export class SharedPacing {
  readonly #store: RateLimitStore;
  readonly #org: string;
  readonly #reserve: number;
  readonly #clock: ServerClock;
  readonly #onEvent: ((event: RateLimitStoreEvent) => void) | undefined;
  readonly #log: Log;
  /** Buckets on local pacing, until when. */
  readonly #localUntil = new Map<string, number>();

  constructor(
    store: RateLimitStore,
    org: string,
    reserve: number,
    clock: ServerClock,
    onEvent: ((event: RateLimitStoreEvent) => void) | undefined,
    log: Log,
  ) {
    this.#log = log;
    this.#store = store;
    this.#org = org;
    this.#reserve = reserve;
    this.#clock = clock;
    this.#onEvent = onEvent;
  }

  /** Whether the store paces `bucket` now: it has not fallen back to local pacing, or has answered since. */
  isSharing(bucket: string): boolean {
    return !this.#localUntil.has(bucket);
  }

  /** A permit holding a lease for `bucket`; undefined when the bucket is on local pacing; NotWithinBudget when it opens too late. */
  async lease(bucket: string, budget: WaitBudget): Promise<Permit | NotWithinBudget | undefined> {
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
      if (localUntil !== undefined && this.#localUntil.delete(bucket)) {
        callHook(this.#onEvent, { bucket, state: 'restored' });
        this.#log.write('info', 'okta-sessions: rate-limit store back', { bucket, state: 'restored' });
      }
      if ('leaseId' in answer) return this.#permitFor(bucket, key, answer.leaseId);

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

  #permitFor(bucket: string, key: string, leaseId: string): Permit {
    let released = false;
    return {
      release: (reading) => {
        if (released) return;
        released = true;
        const now = Date.now();
        this.#store
          .settle(key, leaseId, learnedWindow(reading), this.#clock.toServer(now))
          .catch((error: unknown) => this.#fallBack(bucket, error));
      },
    };
  }

  #fallBack(bucket: string, error: unknown): void {
    const wasShared = !this.#localUntil.has(bucket);
    this.#localUntil.set(bucket, Date.now() + RETRY_STORE_AFTER_MS);
    if (!wasShared) return;
    const event = { bucket, state: 'fallback', reason: error instanceof Error ? error.message : String(error) } as const;
    callHook(this.#onEvent, event);
    this.#log.write('warn', 'okta-sessions: rate-limit store failed, pacing locally', { ...event, wait: 'store-fallback' });
  }
}
