const BACKOFF_BASE_MS = 500;

/**
 * Full-jitter exponential backoff (500 ms × 2ⁿ⁻¹, capped), for waits the server
 * gave no usable hint for: retries after a 503, and a bucket after a concurrency-limit answer.
 */
export function backoffDelayMs(attempt: number, capMs: number): number {
  return Math.random() * Math.min(capMs, BACKOFF_BASE_MS * 2 ** (attempt - 1));
}
