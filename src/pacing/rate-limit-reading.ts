import type { RateLimit } from '../errors/classes.js';
import type { ServerClock } from '../helpers/server-clock.js';

/**
 * Everything one response says about rate limits, read once from its headers and
 * handed to whoever needs it: the scheduler, the retry decision, the error.
 */
export interface RateLimitReading {
  /** `Date`, in ms on the server's clock; undefined when missing or malformed. */
  serverDateMs: number | undefined;
  /** `X-Rate-Limit-Limit`, `-Remaining`, and `-Reset` in ms on the server's clock; each undefined when missing or malformed. */
  limit: number | undefined;
  remaining: number | undefined;
  resetAtMs: number | undefined;
  /** Okta switches the headers to its concurrency limit only when that is exceeded: Limit and Remaining both 0, and the reset is a guess. */
  concurrencyLimited: boolean;
  /** `Retry-After` in ms from the response (Okta does not send it today); undefined when absent or malformed. */
  retryAfterMs: number | undefined;
}

/** Added to a server-given wait: Okta's SDKs use one second, since `Date` and the reset are whole seconds. */
export const RESET_MARGIN_MS = 1000;

/** 1 to `maxDigits` ASCII digits. By character, not a regular expression: every answer has three such headers. */
function isPlainInteger(value: string, maxDigits = 15): boolean {
  if (value.length === 0 || value.length > maxDigits) return false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/**
 * The smallest non-negative integer in a header value. Okta sometimes sends a
 * header twice (OKTA-112507), which `Headers.get` joins with ", "; Okta's .NET
 * and Python SDKs take the smaller value.
 */
function smallestInteger(value: string | null): number | undefined {
  if (value === null) return undefined;
  // The usual case, one plain value, without splitting.
  if (isPlainInteger(value)) return Number(value);
  let smallest: number | undefined;
  for (const part of value.split(',')) {
    const trimmed = part.trim();
    if (!isPlainInteger(trimmed)) continue;
    const number = Number(trimmed);
    if (smallest === undefined || number < smallest) smallest = number;
  }
  return smallest;
}

/** `Retry-After` in ms: delta-seconds, or an HTTP date against the server's `now`. */
function parseRetryAfter(value: string | null, serverNowMs: number): number | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (isPlainInteger(trimmed, 9)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isFinite(at) ? Math.max(0, at - serverNowMs) : undefined;
}

/** The last `Date` read: answers within the same second carry the same one, and `Date.parse` is slow. */
let lastDate = { text: '', ms: Number.NaN };

/** `Date` in ms, or undefined when missing or malformed. */
function serverDateOf(text: string | null): number | undefined {
  if (text === null) return undefined;
  if (text !== lastDate.text) lastDate = { text, ms: Date.parse(text) };
  return Number.isFinite(lastDate.ms) ? lastDate.ms : undefined;
}

/** The one place a response's rate-limit headers are parsed. `localNowMs` stands in for a missing `Date`. */
export function readRateLimit(headers: Pick<Headers, 'get'>, localNowMs: number): RateLimitReading {
  const serverDateMs = serverDateOf(headers.get('date'));
  const limit = smallestInteger(headers.get('x-rate-limit-limit'));
  const remaining = smallestInteger(headers.get('x-rate-limit-remaining'));
  const reset = smallestInteger(headers.get('x-rate-limit-reset'));
  return {
    serverDateMs,
    limit,
    remaining,
    resetAtMs: reset === undefined ? undefined : reset * 1000,
    concurrencyLimited: limit === 0 && remaining === 0,
    retryAfterMs: parseRetryAfter(headers.get('retry-after'), serverDateMs ?? localNowMs),
  };
}

/** The bucket state a response reported, when it had all three headers. */
export function rateLimitOf(reading: RateLimitReading): RateLimit | undefined {
  const { limit, remaining, resetAtMs } = reading;
  if (limit === undefined || remaining === undefined || resetAtMs === undefined) return undefined;
  return { limit, remaining, resetAt: new Date(resetAtMs) };
}

/**
 * How long the server asked us to wait, in ms: `Retry-After` when present, else
 * until the reset (placed on the local clock by the client's server-clock
 * estimate) plus a margin. The reset alone is enough, as for Okta's SDKs.
 * Undefined when there is no usable hint, including a concurrency-limit answer,
 * whose reset is only a guess.
 */
export function serverRequestedWaitMs(reading: RateLimitReading, clock: ServerClock, localNowMs: number): number | undefined {
  if (reading.retryAfterMs !== undefined) return reading.retryAfterMs;
  if (reading.resetAtMs === undefined || reading.concurrencyLimited) return undefined;
  return Math.max(0, clock.toLocal(reading.resetAtMs) - localNowMs) + RESET_MARGIN_MS;
}
