import type { RateLimitReading } from './rate-limit-reading.js';

/** Okta's highest concurrency limit per org (75; 35 on the free plan): an adaptive limit never grows past it. */
export const OKTA_MAX_CONCURRENCY = 75;
/** Where an adaptive limit starts: within every plan's limit, with room left for the org's other apps. */
export const INITIAL_CONCURRENCY = 20;

/**
 * How many requests a client keeps in flight: a number the user gives, or one that adapts as TCP's
 * congestion window does (docs/pacing.md, "Concurrency"). Halved once per 429 episode: the other
 * requests sent at the old limit are answered the same way.
 */
export class ConcurrencyLimit {
  readonly adaptive: boolean;
  readonly ceiling: number;
  #value: number;
  /** Bumped on every decrease: a 429 to a request sent before it is old news. */
  #epoch = 0;
  #saturatedResponses = 0;
  /** Until the first concurrency 429: grow by one per answer, not per round. */
  #slowStart = true;

  constructor(fixed: number | undefined) {
    if (fixed !== undefined && (!Number.isInteger(fixed) || fixed < 1)) {
      throw new TypeError(
        `rateLimit.maxConcurrent must be a whole number >= 1 (leave it out to adapt to Okta's concurrency limit); got ${fixed}`,
      );
    }
    this.adaptive = fixed === undefined;
    this.ceiling = fixed ?? OKTA_MAX_CONCURRENCY;
    this.#value = fixed ?? INITIAL_CONCURRENCY;
  }

  get value(): number {
    return this.#value;
  }

  /** Stamped on a request when it is sent. */
  get epoch(): number {
    return this.#epoch;
  }

  /** A response (or none) to a request sent in `epoch`; `saturated` when every slot was in use as it came back (the client at its limit). */
  observe(reading: RateLimitReading | undefined, epoch: number, saturated: boolean): void {
    // Answers to requests sent before the last decrease say nothing about the new limit.
    if (!this.adaptive || !reading || epoch !== this.#epoch) return;
    if (reading.concurrencyLimited) {
      this.#epoch++;
      this.#value = Math.max(1, Math.floor(this.#value / 2));
      this.#saturatedResponses = 0;
      this.#slowStart = false;
      return;
    }
    if (!saturated || this.#value >= this.ceiling) return;
    if (this.#slowStart || ++this.#saturatedResponses >= this.#value) {
      this.#saturatedResponses = 0;
      this.#value++;
    }
  }
}
