/**
 * Pacing shared by many processes: every permit also holds a lease from a store
 * that keeps one org's buckets for all of them, and learns from every response.
 * The local pacing keeps running beside it, so when the store fails or is slow
 * the client carries on with local pacing for that bucket, says so through
 * `onRateLimitStore`, and goes back to the store once it answers again. Nothing
 * is sent twice and no call fails because of it. Loaded only with a store.
 */
import { sleep } from '../helpers/abort.js';
import { callHook } from '../helpers/hooks.js';
import type { NotWithinBudget, Permit, WaitBudget } from './permit.js';
import type { ServerClock } from '../helpers/server-clock.js';
import type { PacingContext } from './options.js';
import { learnedWindow, type RateLimitStore, STORE_POLL_MS, type StoreLease } from './store.js';

/** After a failure, the store is asked again for a bucket only after this long. */
const RETRY_STORE_AFTER_MS = 1_000;
/** A long wait asks again at least this often: another process may have learned a new window meanwhile. */
const RECHECK_MS = 1_000;

export class SharedPacing {
  /** Buckets on local pacing, until when. */
  readonly #localUntil = new Map<string, number>();

  constructor(
    readonly store: RateLimitStore,
    readonly reserve: number,
    readonly clock: ServerClock,
    readonly context: PacingContext,
  ) {}

  /** Whether the store paces `bucket` now: it has not fallen back to local pacing, or has answered since. */
  isSharing(bucket: string): boolean {
    return !this.#localUntil.has(bucket);
  }

  /**
   * A permit for `bucket`: the local pacing's (`acquireLocal`), holding the store's lease while the store
   * paces the bucket; or the answer that the bucket will not open before the call's deadline.
   */
  async acquire(
    bucket: string,
    budget: WaitBudget,
    acquireLocal: () => Promise<Permit | NotWithinBudget>,
  ): Promise<Permit | NotWithinBudget> {
    const local = await acquireLocal();
    if ('notWithinBudget' in local) return local;
    const acquiredWhileSharing = this.isSharing(bucket);
    let lease: Permit | NotWithinBudget | undefined;
    try {
      lease = await this.#lease(bucket, budget);
    } catch (error) {
      local.release('not-sent');
      throw error;
    }
    if (lease === undefined) {
      if (!acquiredWhileSharing) return local;
      // The store failed while this call waited for it: its local permit was given as if the store paced
      // every process, and all such permits going at once would overshoot. Pace it afresh, minding the others.
      local.release('not-sent');
      return acquireLocal();
    }
    if ('notWithinBudget' in lease) {
      local.release('not-sent');
      return lease;
    }
    const held = lease;
    return {
      release: (outcome) => {
        held.release(outcome);
        local.release(outcome);
      },
    };
  }

  /** A lease for `bucket` as a permit; undefined when the bucket is on local pacing; NotWithinBudget when it opens too late. */
  async #lease(bucket: string, budget: WaitBudget): Promise<Permit | NotWithinBudget | undefined> {
    const { store, reserve, clock } = this;
    const key = `${this.context.org}|${bucket}`;
    for (;;) {
      const localUntil = this.#localUntil.get(bucket);
      if (localUntil !== undefined && Date.now() < localUntil) return undefined;
      let answer: StoreLease;
      try {
        answer = await store.acquire(key, reserve, clock.toServer(Date.now()));
      } catch (error) {
        this.#fallBack(bucket, error);
        return undefined;
      }
      // Calls that were waiting when the store came back all get here: only the first reports it.
      if (localUntil !== undefined && this.#localUntil.delete(bucket)) {
        callHook(this.context.onRateLimitStore, { bucket, state: 'restored' });
        this.context.log.write('info', 'okta-sessions: rate-limit store back', { bucket, state: 'restored' });
      }
      if ('leaseId' in answer) return this.#leasePermit(bucket, key, answer.leaseId);

      const now = Date.now();
      const opensAt = clock.toLocal(answer.retryAtMs);
      if (opensAt >= budget.deadline && answer.rateLimit) return { notWithinBudget: answer.rateLimit };
      try {
        await sleep(Math.max(STORE_POLL_MS, Math.min(opensAt, now + RECHECK_MS) - now), budget.signal);
      } catch {
        throw budget.abortReason();
      }
    }
  }

  #leasePermit(bucket: string, key: string, leaseId: string): Permit {
    let released = false;
    return {
      release: (outcome) => {
        if (released) return;
        released = true;
        const { store, clock } = this;
        store
          .release(key, leaseId, learnedWindow(outcome), clock.toServer(Date.now()))
          .catch((error: unknown) => this.#fallBack(bucket, error));
      },
    };
  }

  #fallBack(bucket: string, error: unknown): void {
    const wasShared = !this.#localUntil.has(bucket);
    this.#localUntil.set(bucket, Date.now() + RETRY_STORE_AFTER_MS);
    if (!wasShared) return;
    const event = { bucket, state: 'fallback', reason: error instanceof Error ? error.message : String(error) } as const;
    callHook(this.context.onRateLimitStore, event);
    this.context.log.write('warn', 'okta-sessions: rate-limit store failed, pacing locally', { ...event, wait: 'store-fallback' });
  }
}
