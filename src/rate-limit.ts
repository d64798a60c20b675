/** What Okta reported about a rate-limit bucket in `X-Rate-Limit-*` headers. */
export interface RateLimit {
  limit: number;
  remaining: number;
  /** When the window resets, on Okta's clock (the header is in epoch seconds). */
  resetAt: Date;
}

/** Added to a server-given wait: Okta's SDKs use one second, since `Date` and the reset are whole seconds. */
export const RESET_MARGIN_MS = 1000;

/**
 * Non-negative integers in a header value. Okta sometimes sends a header twice
 * (OKTA-112507), which `Headers.get` joins with ", ".
 */
function headerIntegers(headers: Headers, name: string): number[] {
  const value = headers.get(name);
  if (value === null) return [];
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => /^\d{1,15}$/.test(part))
    .map(Number);
}

function smallest(values: number[]): number | undefined {
  return values.length ? Math.min(...values) : undefined;
}

/** The bucket state from a response, or undefined when the headers are missing or malformed. */
export function parseRateLimit(headers: Headers): RateLimit | undefined {
  const limit = smallest(headerIntegers(headers, 'x-rate-limit-limit'));
  const remaining = smallest(headerIntegers(headers, 'x-rate-limit-remaining'));
  // Okta's .NET and Python SDKs take the smaller of duplicated reset values.
  const reset = smallest(headerIntegers(headers, 'x-rate-limit-reset'));
  if (limit === undefined || remaining === undefined || reset === undefined) return undefined;
  return { limit, remaining, resetAt: new Date(reset * 1000) };
}

/** Okta switches the headers to its concurrency limit only when that is exceeded: both read 0, and the reset is a guess. */
export function isConcurrencyLimit(rateLimit: RateLimit): boolean {
  return rateLimit.limit === 0 && rateLimit.remaining === 0;
}

/** The server's clock at the time of the response, from `Date`; the local clock when that is missing or malformed. */
function serverNowMs(headers: Headers, localNowMs: number): number {
  const date = Date.parse(headers.get('date') ?? '');
  return Number.isFinite(date) ? date : localNowMs;
}

/** `Retry-After` in ms (seconds or an HTTP date, against the server's `now`); undefined when absent or malformed. */
export function retryAfterMs(headers: Headers, serverNow: number): number | undefined {
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d{1,9}$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - serverNow) : undefined;
}

/**
 * How long the server asked us to wait, in ms, measured on the server's clock:
 * `Retry-After` when present (Okta does not send it today), else the rate-limit
 * reset minus `Date`. Undefined when the response gives no usable hint, including
 * a concurrency-limit answer, whose reset is only an estimate.
 */
export function serverRequestedDelayMs(headers: Headers, localNowMs: number): number | undefined {
  const now = serverNowMs(headers, localNowMs);
  const retryAfter = retryAfterMs(headers, now);
  if (retryAfter !== undefined) return retryAfter;
  // The reset alone is enough, as for Okta's SDKs; a concurrency-limit answer's reset is only a guess.
  const reset = smallest(headerIntegers(headers, 'x-rate-limit-reset'));
  const rateLimit = parseRateLimit(headers);
  if (reset === undefined || (rateLimit && isConcurrencyLimit(rateLimit))) return undefined;
  return Math.max(0, reset * 1000 - now) + RESET_MARGIN_MS;
}
