/** The embedded server's rate limits: Okta's fixed windows, per bucket. */
export interface ServerRateLimitOptions {
  /** Requests per window and bucket. Default 100 (Okta's smallest documented /api/v1/sessions limit). */
  limit?: number;
  /** Window length. Default 60 000, as Okta's. */
  windowMs?: number;
  /** Buckets with limits of their own, by bucket (e.g. `'/api/v1/logs': { limit: 60 }`, the System Log's small one). */
  buckets?: Record<
    string,
    {
      /** This bucket's requests per window; default `limit`. */
      limit?: number;
      /** This bucket's window; default `windowMs`. */
      windowMs?: number;
    }
  >;
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
  readonly #options: ServerRateLimitOptions;
  readonly #windows = new Map<string, { startMs: number; used: number }>();

  constructor(options: ServerRateLimitOptions = {}) {
    this.#options = options;
    for (const [bucket, { limit, windowMs }] of [['', options] as const, ...Object.entries(options.buckets ?? {})]) {
      if ((limit !== undefined && !(limit > 0)) || (windowMs !== undefined && !(windowMs > 0))) {
        throw new TypeError(`rateLimit${bucket ? `.buckets[${JSON.stringify(bucket)}]` : ''}: limit and windowMs must be > 0`);
      }
    }
  }

  #settingsOf(bucket: string): { limit: number; windowMs: number } {
    const own = this.#options.buckets?.[bucket];
    return { limit: own?.limit ?? this.#options.limit ?? 100, windowMs: own?.windowMs ?? this.#options.windowMs ?? 60_000 };
  }

  /** Counts one request; `allowed` is false once the window's limit is used up. */
  take(bucket: string, nowMs: number): BucketState & { allowed: boolean } {
    const { limit, windowMs } = this.#settingsOf(bucket);
    let window = this.#windows.get(bucket);
    if (!window || nowMs >= window.startMs + windowMs) {
      window = { startMs: nowMs, used: 0 };
      this.#windows.set(bucket, window);
    }
    const allowed = window.used < limit;
    if (allowed) window.used++;
    return { allowed, limit, remaining: limit - window.used, resetAtMs: window.startMs + windowMs };
  }
}
