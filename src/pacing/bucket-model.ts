import { backoffDelayMs } from '../helpers/backoff.js';
import type { RateLimit } from '../errors/classes.js';
import { rateLimitOf, RESET_MARGIN_MS, type RateLimitReading } from './rate-limit-reading.js';
import type { ServerClock } from './server-clock.js';

/** Added to an inferred window end, for clock granularity. */
const WINDOW_END_MARGIN_MS = 10;
const CONCURRENCY_BACKOFF_CAP_MS = 10_000;
const CONCURRENCY_BACKOFF_FLOOR_MS = 100;

/** The window Okta last reported, placed on the local clock. */
interface Window {
  rateLimit: RateLimit;
  /** The reset in local time, from the server clock estimate. */
  resetLocalMs: number;
  /**
   * When the window really ends, in local time, if we saw which request opened it.
   * The reset header is rounded up to a whole second, which would waste most of a
   * second per window; from this instant one probe request may test the new window.
   */
  windowEndLocalMs: number | undefined;
}

/**
 * One rate-limit bucket as the client sees it: the window Okta reported, requests
 * in flight, the probe of a window's end, and the backoff after concurrency-limit
 * answers. Pure: no timers and no I/O; every method takes the local time.
 */
export class BucketModel {
  readonly #reserve: number;
  readonly #clock: ServerClock;
  #window: Window | undefined;
  #inFlight = 0;
  #probeInFlight = false;
  /** A probe before the rounded reset met a used-up window: this server rounds differently; never probe again. */
  #probingFailed = false;
  /** After concurrency-limit answers: held until then, whatever the reset says. */
  #backoff: { untilMs: number; strikes: number } | undefined;

  /** `reserve`: hold once the remaining count is at or below it. `clock`: the client's estimate of Okta's clock. */
  constructor(reserve: number, clock: ServerClock) {
    this.#reserve = reserve;
    this.#clock = clock;
  }

  /** What Okta last reported, or undefined before the first answer with rate-limit headers. */
  get rateLimit(): RateLimit | undefined {
    return this.#window && { ...this.#window.rateLimit };
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  /**
   * Until when the bucket holds new requests (local ms): a time at or before `nowMs`
   * when it is open, Infinity while only answers in flight can open it.
   */
  heldUntil(nowMs: number): number {
    if (this.#backoff && nowMs < this.#backoff.untilMs) return this.#backoff.untilMs;
    const window = this.#window;
    if (!window) return nowMs;
    // After the reset the window is fresh: assume the full limit, minus what is already on its way.
    const fresh = nowMs >= window.resetLocalMs;
    const remaining = fresh ? window.rateLimit.limit : window.rateLimit.remaining;
    if (remaining - this.#inFlight > this.#reserve) return nowMs;
    if (fresh) return Number.POSITIVE_INFINITY;
    // The window has probably ended: one probe goes; the rest wait for its answer.
    if (window.windowEndLocalMs !== undefined) {
      if (nowMs < window.windowEndLocalMs) return window.windowEndLocalMs;
      return this.#probeInFlight ? Number.POSITIVE_INFINITY : nowMs;
    }
    return window.resetLocalMs;
  }

  /** Records a request sent now; returns whether it probes for the end of a used-up window. */
  send(nowMs: number): boolean {
    this.#inFlight++;
    const window = this.#window;
    const probe =
      window !== undefined &&
      window.windowEndLocalMs !== undefined &&
      nowMs >= window.windowEndLocalMs &&
      nowMs < window.resetLocalMs &&
      window.rateLimit.remaining <= this.#reserve;
    if (probe) this.#probeInFlight = true;
    return probe;
  }

  /** Records the end of a request `send` counted: what its answer said, or undefined when none came. */
  settle(wasProbe: boolean, reading: RateLimitReading | undefined, nowMs: number): void {
    this.#inFlight--;
    if (wasProbe) this.#probeInFlight = false;
    if (reading) this.#learn(reading, wasProbe, nowMs);
  }

  #learn(reading: RateLimitReading, wasProbe: boolean, nowMs: number): void {
    if (reading.concurrencyLimited) {
      // Only an estimated reset: back off instead of trusting it.
      const strikes = (this.#backoff?.strikes ?? 0) + 1;
      const delayMs = Math.max(CONCURRENCY_BACKOFF_FLOOR_MS, backoffDelayMs(strikes, CONCURRENCY_BACKOFF_CAP_MS));
      this.#backoff = { strikes, untilMs: nowMs + delayMs };
      return;
    }
    const rateLimit = rateLimitOf(reading);
    if (!rateLimit) return;
    this.#backoff = undefined;
    const previous = this.#window;
    if (previous && rateLimit.resetAt < previous.rateLimit.resetAt) return; // a straggler from an older window
    const sameWindow = previous !== undefined && previous.rateLimit.resetAt.getTime() === rateLimit.resetAt.getTime();
    // Responses can arrive out of order: within a window, the smallest remaining is the latest.
    const remaining = sameWindow ? Math.min(previous.rateLimit.remaining, rateLimit.remaining) : rateLimit.remaining;
    let resetLocalMs = this.#clock.toLocal(rateLimit.resetAt.getTime());
    // A server-given Retry-After wins; a used-up bucket whose reset has passed here means the reset was early.
    if (reading.retryAfterMs !== undefined) resetLocalMs = nowMs + reading.retryAfterMs;
    else if (remaining === 0 && resetLocalMs <= nowMs) resetLocalMs = nowMs + RESET_MARGIN_MS;
    const window: Window = { rateLimit: { ...rateLimit, remaining }, resetLocalMs, windowEndLocalMs: sameWindow ? previous.windowEndLocalMs : undefined };
    if (!sameWindow) this.#probeInFlight = false;
    this.#window = window;

    if (reading.retryAfterMs !== undefined || this.#probingFailed) window.windowEndLocalMs = undefined;
    else if (rateLimit.remaining === rateLimit.limit - 1 && reading.serverDateMs !== undefined) {
      // This request opened the window. Okta's windows last whole seconds (60 s); the window started
      // within the second `Date` names and its reset is rounded up, so it lasts (reset - Date) - 1 s.
      // It reached Okta before its answer reached us: counting from now never ends the window early.
      const windowMs = rateLimit.resetAt.getTime() - reading.serverDateMs - 1000;
      if (windowMs >= 1000) window.windowEndLocalMs = Math.min(resetLocalMs, nowMs + windowMs + WINDOW_END_MARGIN_MS);
    }
    if (wasProbe && sameWindow && rateLimit.remaining === 0) {
      // The window had not ended: this server rounds its reset differently. Wait for resets from now on.
      this.#probingFailed = true;
      window.windowEndLocalMs = undefined;
    }
  }
}
