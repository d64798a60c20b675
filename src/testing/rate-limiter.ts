export interface ServerRateLimitOptions {
  /** Requests per window and bucket. Default 100 (Okta's smallest documented /api/v1/sessions limit). */
  limit?: number;
  /** Window length. Default 60 000, as Okta's. */
  windowMs?: number;
}

export interface BucketState {
  limit: number;
  remaining: number;
  /** Epoch ms when the current window ends. */
  resetAtMs: number;
}

/**
 * Okta-style fixed windows per bucket. A window starts with the first request
 * after the previous one expired, so windows are not aligned to the minute.
 */
export class RateLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #windows = new Map<string, { startMs: number; used: number }>();

  constructor(options: ServerRateLimitOptions = {}) {
    this.#limit = options.limit ?? 100;
    this.#windowMs = options.windowMs ?? 60_000;
    if (!(this.#limit > 0) || !(this.#windowMs > 0)) throw new TypeError('rateLimit.limit and rateLimit.windowMs must be > 0');
  }

  /** Counts one request; `allowed` is false once the window's limit is used up. */
  take(bucket: string, nowMs: number): BucketState & { allowed: boolean } {
    let window = this.#windows.get(bucket);
    if (!window || nowMs >= window.startMs + this.#windowMs) {
      window = { startMs: nowMs, used: 0 };
      this.#windows.set(bucket, window);
    }
    const allowed = window.used < this.#limit;
    if (allowed) window.used++;
    return { allowed, limit: this.#limit, remaining: this.#limit - window.used, resetAtMs: window.startMs + this.#windowMs };
  }
}
