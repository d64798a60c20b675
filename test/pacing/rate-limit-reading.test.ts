import { describe, expect, it } from 'vitest';
import { rateLimitOf, readRateLimit, RESET_MARGIN_MS, serverRequestedWaitMs } from '../../src/pacing/rate-limit-reading.js';
import { ServerClock } from '../../src/helpers/server-clock.js';

const NOW = Date.parse('2026-05-01T10:00:00Z');
const RESET = NOW / 1000 + 30;

function reading(headers: Record<string, string>, localNowMs = NOW) {
  return readRateLimit(new Headers(headers), localNowMs);
}

/** A clock that has seen `serverDateMs` at local time `localMs`. */
function clockAt(serverDateMs: number, localMs: number): ServerClock {
  const clock = new ServerClock();
  clock.observe(serverDateMs, localMs);
  return clock;
}

describe('readRateLimit', () => {
  it('reads Date, limit, remaining and reset (epoch seconds) once', () => {
    const read = reading({
      date: new Date(NOW).toUTCString(),
      'x-rate-limit-limit': '100',
      'x-rate-limit-remaining': '42',
      'x-rate-limit-reset': String(RESET),
    });
    expect(read).toEqual({
      serverDateMs: NOW,
      limit: 100,
      remaining: 42,
      resetAtMs: RESET * 1000,
      concurrencyLimited: false,
      retryAfterMs: undefined,
    });
    expect(rateLimitOf(read)).toEqual({ limit: 100, remaining: 42, resetAt: new Date(RESET * 1000) });
  });

  it('resolves a duplicated header (joined with ", ") to its smallest value (OKTA-112507)', () => {
    expect(reading({ 'x-rate-limit-reset': `${RESET + 30}, ${RESET}` }).resetAtMs).toBe(RESET * 1000);
  });

  it('leaves missing or malformed values undefined, and then reports no bucket state', () => {
    const read = reading({ date: 'yesterday', 'x-rate-limit-limit': '-1', 'x-rate-limit-remaining': '1.5', 'x-rate-limit-reset': 'soon' });
    expect(read).toMatchObject({ serverDateMs: undefined, limit: undefined, remaining: undefined, resetAtMs: undefined });
    expect(rateLimitOf(read)).toBeUndefined();
    expect(rateLimitOf(reading({ 'x-rate-limit-limit': '10', 'x-rate-limit-remaining': '0' }))).toBeUndefined();
  });

  it('recognises the concurrency-limit answer: Limit and Remaining both 0', () => {
    expect(
      reading({ 'x-rate-limit-limit': '0', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(RESET) }).concurrencyLimited,
    ).toBe(true);
    expect(reading({ 'x-rate-limit-limit': '10', 'x-rate-limit-remaining': '0' }).concurrencyLimited).toBe(false);
  });

  it('reads Retry-After as seconds, or as an HTTP date against the response Date (the local clock without one)', () => {
    expect(reading({ 'retry-after': '4' }).retryAfterMs).toBe(4000);
    expect(
      reading({ date: new Date(NOW).toUTCString(), 'retry-after': new Date(NOW + 7000).toUTCString() }, NOW + 999_999).retryAfterMs,
    ).toBe(7000);
    expect(reading({ 'retry-after': new Date(NOW + 3000).toUTCString() }).retryAfterMs).toBe(3000);
    expect(reading({ 'retry-after': 'later' }).retryAfterMs).toBeUndefined();
  });
});

describe('serverRequestedWaitMs', () => {
  it('waits until the reset on the server clock plus a margin, whatever the local clock says', () => {
    const serverAhead = NOW + 5 * 60_000;
    const read = reading({ date: new Date(serverAhead).toUTCString(), 'x-rate-limit-reset': String(serverAhead / 1000 + 10) });
    expect(serverRequestedWaitMs(read, clockAt(serverAhead, NOW), NOW)).toBe(10_000 + RESET_MARGIN_MS);
  });

  it('prefers Retry-After, and gives no hint for a concurrency-limit answer or without a reset', () => {
    const clock = new ServerClock();
    expect(serverRequestedWaitMs(reading({ 'retry-after': '4', 'x-rate-limit-reset': String(RESET) }), clock, NOW)).toBe(4000);
    expect(
      serverRequestedWaitMs(
        reading({ 'x-rate-limit-limit': '0', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(RESET) }),
        clock,
        NOW,
      ),
    ).toBeUndefined();
    expect(serverRequestedWaitMs(reading({}), clock, NOW)).toBeUndefined();
  });

  it('never waits less than the margin for a reset already past', () => {
    expect(serverRequestedWaitMs(reading({ 'x-rate-limit-reset': String(NOW / 1000 - 60) }), new ServerClock(), NOW)).toBe(RESET_MARGIN_MS);
  });
});
