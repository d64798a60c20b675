import type { RateLimit } from '../errors/classes.js';
import { backoffDelayMs } from '../helpers/backoff.js';
import { RESET_MARGIN_MS, type RateLimitReading } from './rate-limit-reading.js';
import type { PermitOutcome } from './permit.js';
import type { ServerClock } from '../helpers/server-clock.js';
import { othersHoldUntil, PACING_TUNING, type PacingTuning, sampledUntilMs, windowStart, type Window } from './window-share.js';

/** Added to an inferred window end, for clock granularity. */
const WINDOW_END_MARGIN_MS = 10;
const CONCURRENCY_BACKOFF_CAP_MS = 10_000;
const CONCURRENCY_BACKOFF_FLOOR_MS = 100;

/**
 * Why requests wait: the window is used up (or Okta's concurrency limit was met); this client's `maxShare`
 * of it is; what remains is kept for the bucket's other consumers; the window's first part goes at its even
 * rate; or an answer in flight is learning the window.
 */
export type HoldReason = 'used-up' | 'max-share' | 'others' | 'window-start' | 'learning';

/**
 * One rate-limit bucket as the client sees it: the window Okta reported, requests
 * in flight, how much of the bucket others use, and the backoff after
 * concurrency-limit answers. Pure: no timers and no I/O; every method takes the
 * local time. docs/pacing.md explains its rules: learning a window with one
 * request, the sample of a window's first part, others' expected use, the quiet point.
 */
export class BucketModel {
  readonly #reserve: number;
  readonly #clock: ServerClock;
  /** At most this share of each window's limit is this client's (`rateLimit.maxShare`). */
  readonly #maxShare: number;
  #window: Window | undefined;
  /** The length of this bucket's windows, once learned (from a request that opened one, or from consecutive resets). */
  #windowMs: number | undefined;
  #inFlight = 0;
  /** A request is out learning the bucket (unknown, or its window ended): the rest wait for its answer. */
  #learning = false;
  /** An answer came without rate-limit headers: there is nothing to pace by. */
  #headerless = false;
  /** A request sent before the reset header, at the inferred end, met the old window: from now on, resets only. */
  #endsInferredWrongly = false;
  /** After concurrency-limit answers: held until then, whatever the reset says. */
  #backoff: { untilMs: number; strikes: number } | undefined;
  /** When this client last sent, for spreading its part. */
  #lastSendLocalMs = Number.NEGATIVE_INFINITY;
  #holdReason: HoldReason = 'used-up';
  /** Random in [0, 1), drawn once per window, for the learning request's jitter. */
  #jitter = Math.random();

  readonly #tuning: PacingTuning;

  /**
   * `reserve`: hold once the remaining count is at or below it. `clock`: the client's estimate of Okta's clock.
   * `maxShare`: the most of a window's limit this client uses (1: all of it).
   */
  constructor(reserve: number, clock: ServerClock, maxShare = 1, tuning: PacingTuning = PACING_TUNING) {
    this.#reserve = reserve;
    this.#clock = clock;
    this.#maxShare = maxShare;
    this.#tuning = tuning;
  }

  /** What Okta last reported, or undefined before the first answer with rate-limit headers. */
  get rateLimit(): RateLimit | undefined {
    return this.#window && { ...this.#window.rateLimit };
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  /** Others' share of the current window so far (0 to 1), as estimated from answers; 0 when none are seen. */
  get othersShare(): number {
    const window = this.#window;
    return window && window.rateLimit.limit > 0 ? Math.min(1, window.othersUsed / window.rateLimit.limit) : 0;
  }

  /** Why the bucket held at the last `heldUntil` that held it. */
  get holdReason(): HoldReason {
    return this.#holdReason;
  }

  /**
   * Until when the bucket holds new requests (local ms): a time at or before `nowMs`
   * when it is open, Infinity while only answers in flight can open it. `othersAware`:
   * sample each window and keep back what others are expected to use (false while a
   * shared store paces the bucket for every process).
   */
  heldUntil(nowMs: number, othersAware = true): number {
    if (this.#backoff && nowMs < this.#backoff.untilMs) return this.#hold('used-up', this.#backoff.untilMs);
    if (this.#headerless) return nowMs;
    const window = this.#window;
    if (!window || nowMs >= window.endLocalMs) {
      if (this.#learning) return this.#hold('learning', Number.POSITIVE_INFINITY);
      // After a window shared with others, its end is theirs too: learn the next one a little later than they might.
      return window && othersAware && window.othersUsed > 0
        ? this.#hold('window-start', Math.max(nowMs, window.endLocalMs + this.#learnJitterMs()))
        : nowMs;
    }
    const { limit, remaining } = window.rateLimit;
    const available = remaining - this.#inFlight - this.#reserve;
    if (available < 1) return this.#hold('used-up', window.endLocalMs);
    const ownLeft = Math.floor(limit * this.#maxShare) - window.ownCounted;
    if (ownLeft < 1) return this.#hold('max-share', window.endLocalMs);
    if (!othersAware) return nowMs;
    const sampledUntil = sampledUntilMs(window, Math.max(1, limit * this.#maxShare), this.#tuning);
    if (sampledUntil > nowMs) return this.#hold('window-start', sampledUntil);
    const untilMs = othersHoldUntil(window, nowMs, { available, ownLeft, lastSendLocalMs: this.#lastSendLocalMs }, this.#tuning);
    return untilMs > nowMs ? this.#hold('others', untilMs) : untilMs;
  }

  /** Counts a request permitted now; returns whether it learns the window (the bucket's first, or the first after a window's end). */
  acquire(nowMs: number): boolean {
    this.#inFlight++;
    this.#lastSendLocalMs = nowMs;
    if (this.#headerless) return false;
    const window = this.#window;
    if (!window || nowMs >= window.endLocalMs) {
      this.#learning = true;
      return true;
    }
    window.ownCounted++;
    return false;
  }

  /** Ends a request `acquire` counted, with what became of it: its answer teaches the model; one never sent counts for nothing. */
  release(learns: boolean, outcome: PermitOutcome, nowMs: number): void {
    this.#inFlight--;
    if (learns) this.#learning = false;
    if (outcome === 'not-sent') {
      if (!learns && this.#window && this.#window.ownCounted > 0) this.#window.ownCounted--;
    } else if (outcome) this.#learn(outcome, learns, nowMs);
  }

  #hold(reason: HoldReason, untilMs: number): number {
    this.#holdReason = reason;
    return untilMs;
  }

  #learnJitterMs(): number {
    return this.#jitter * this.#tuning.learnJitterShare * (this.#windowMs ?? 1_000);
  }

  #learn(reading: RateLimitReading, learned: boolean, nowMs: number): void {
    if (reading.concurrencyLimited) {
      // Only an estimated reset: back off instead of trusting it.
      const strikes = (this.#backoff?.strikes ?? 0) + 1;
      const delayMs = Math.max(CONCURRENCY_BACKOFF_FLOOR_MS, backoffDelayMs(strikes, CONCURRENCY_BACKOFF_CAP_MS));
      this.#backoff = { strikes, untilMs: nowMs + delayMs };
      return;
    }
    const { limit, remaining, resetAtMs } = reading;
    if (limit === undefined || remaining === undefined || resetAtMs === undefined) {
      // An answer without rate-limit headers teaches nothing; with no window ever learned, nothing paces this bucket.
      if (!this.#window) this.#headerless = true;
      return;
    }
    this.#headerless = false;
    this.#backoff = undefined;
    const previous = this.#window;
    const previousResetMs = previous?.rateLimit.resetAt.getTime();
    if (previousResetMs !== undefined && resetAtMs < previousResetMs) return; // a straggler from an older window
    // Read from the numbers: most answers fall in the window already known, and need no RateLimit of their own.
    const sameWindow = previous !== undefined && previousResetMs === resetAtMs;
    if (sameWindow && learned) {
      previous.ownCounted++;
      if (nowMs < previous.resetLocalMs) {
        // Sent at the inferred end, before the reset header, and the window had not ended: this server's
        // windows are not as inferred. From now on they end at their reset.
        this.#endsInferredWrongly = true;
        previous.endLocalMs = previous.resetLocalMs;
      }
    }
    const window = sameWindow ? previous : this.#newWindow({ limit, remaining, resetAt: new Date(resetAtMs) }, reading, previous, nowMs);
    // Responses can arrive out of order: within a window, the smallest remaining is the latest.
    window.rateLimit.remaining = Math.min(window.rateLimit.remaining, remaining);
    // What Okta counted that this client did not send: others'. (Requests of ours in flight are taken as counted.)
    window.othersUsed = Math.max(window.othersUsed, limit - remaining - window.ownCounted);
    window.heardLocalMs = nowMs;
    if (!sameWindow && this.#windowMs === undefined) window.othersBefore = window.othersUsed;

    if (reading.retryAfterMs !== undefined) {
      // A server-given Retry-After wins.
      window.resetLocalMs = nowMs + reading.retryAfterMs;
      window.endLocalMs = window.resetLocalMs;
    } else if (window.rateLimit.remaining === 0 && window.resetLocalMs <= nowMs) {
      // A used-up bucket whose reset has passed here means the reset was early.
      window.resetLocalMs = nowMs + RESET_MARGIN_MS;
      window.endLocalMs = window.resetLocalMs;
    }
  }

  /** A window first heard of now; the windows' length is learned where it shows. */
  #newWindow(rateLimit: RateLimit, reading: RateLimitReading, previous: Window | undefined, nowMs: number): Window {
    if (previous) {
      // Back-to-back windows: the gap between two resets is a window's length, at most.
      const gap = rateLimit.resetAt.getTime() - previous.rateLimit.resetAt.getTime();
      if (gap > 0 && (this.#windowMs === undefined || gap < this.#windowMs)) this.#windowMs = gap;
    }
    const opened = rateLimit.remaining === rateLimit.limit - 1 && reading.serverDateMs !== undefined && reading.retryAfterMs === undefined;
    if (opened) {
      // This request opened the window. Okta's windows last whole seconds (60 s); the window started
      // within the second `Date` names and its reset is rounded up, so it lasts (reset - Date) - 1 s.
      const windowMs = rateLimit.resetAt.getTime() - (reading.serverDateMs as number) - 1000;
      if (windowMs >= 1000) this.#windowMs = windowMs;
    }
    const resetLocalMs = this.#clock.toLocal(rateLimit.resetAt.getTime());
    const windowMs = this.#endsInferredWrongly ? undefined : this.#windowMs;
    // It had begun before its answer reached us: counting its length from now never ends it early.
    const endLocalMs = windowMs === undefined ? resetLocalMs : Math.min(resetLocalMs, nowMs + windowMs + WINDOW_END_MARGIN_MS);
    this.#jitter = Math.random();
    const window: Window = {
      rateLimit,
      resetLocalMs,
      endLocalMs,
      startLocalMs:
        windowMs === undefined
          ? nowMs
          : opened
            ? Math.min(nowMs, endLocalMs - windowMs)
            : windowStart(resetLocalMs, endLocalMs, windowMs, nowMs, previous),
      // The answer that brought it, and what else of ours was in flight, are counted in it.
      ownCounted: this.#inFlight + 1,
      othersUsed: 0,
      othersBefore: 0,
      heardLocalMs: nowMs,
      sampled: !previous || !usedUpAlone(previous),
    };
    this.#window = window;
    return window;
  }
}

/** A window this client used up with no one else's request counted in it: the next is likely its own too. */
function usedUpAlone(window: Window): boolean {
  return window.othersUsed === 0 && window.rateLimit.remaining === 0;
}
