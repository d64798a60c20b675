import { afterEach, describe, expect, it, vi } from 'vitest';
import { BucketModel } from '../../src/pacing/bucket-model.js';
import { type RateLimitReading, RESET_MARGIN_MS } from '../../src/pacing/rate-limit-reading.js';
import { ServerClock } from '../../src/pacing/server-clock.js';

// Plain numbers: local time equals server time (the clock has seen nothing), whole seconds at T.
const T = Date.parse('2026-05-01T10:00:00Z');

afterEach(() => vi.restoreAllMocks());

function answer(limit: number, remaining: number, resetInSeconds: number, at = T, extra: Partial<RateLimitReading> = {}): RateLimitReading {
  const second = Math.floor(at / 1000) * 1000;
  return {
    serverDateMs: second,
    limit,
    remaining,
    resetAtMs: second + resetInSeconds * 1000,
    concurrencyLimited: limit === 0 && remaining === 0,
    retryAfterMs: undefined,
    ...extra,
  };
}

/** Sends one request at `at` and records its answer. */
function exchange(model: BucketModel, reading: RateLimitReading | undefined, at = T): boolean {
  const probe = model.send(at);
  model.settle(probe, reading, at);
  return probe;
}

describe('BucketModel', () => {
  it('is open before it has heard anything, and reports no state', () => {
    const model = new BucketModel(0, new ServerClock());
    expect(model.heldUntil(T)).toBe(T);
    expect(model.rateLimit).toBeUndefined();
  });

  it('holds a used-up window until its reset, then opens for the full limit', () => {
    const model = new BucketModel(0, new ServerClock());
    exchange(model, answer(20, 0, 10));
    expect(model.rateLimit).toEqual({ limit: 20, remaining: 0, resetAt: new Date(T + 10_000) });
    expect(model.heldUntil(T + 1)).toBe(T + 10_000);
    expect(model.heldUntil(T + 10_000)).toBe(T + 10_000);
  });

  it('counts requests in flight against the remaining count, and against a fresh window', () => {
    const model = new BucketModel(0, new ServerClock());
    // Not limit - 1: this answer did not open the window, so no earlier window end is inferred.
    exchange(model, answer(5, 2, 10));
    model.send(T);
    expect(model.heldUntil(T)).toBe(T);
    model.send(T);
    expect(model.inFlight).toBe(2);
    expect(model.heldUntil(T)).toBe(T + 10_000);
    // After the reset the fresh window's 5 minus 2 in flight leaves room for three more.
    expect(model.heldUntil(T + 10_000)).toBe(T + 10_000);
    for (let i = 0; i < 3; i++) model.send(T + 10_000);
    // The fresh window is assumed used up by what is in flight: only their answers can open it.
    expect(model.heldUntil(T + 10_000)).toBe(Number.POSITIVE_INFINITY);
  });

  it('holds at the reserve', () => {
    const model = new BucketModel(2, new ServerClock());
    exchange(model, answer(20, 3, 10));
    expect(model.heldUntil(T)).toBe(T);
    exchange(model, answer(20, 2, 10));
    expect(model.heldUntil(T)).toBe(T + 10_000);
  });

  it('keeps the smallest remaining within a window (answers arrive out of order) and ignores stragglers of an older window', () => {
    const model = new BucketModel(0, new ServerClock());
    exchange(model, answer(20, 5, 10));
    exchange(model, answer(20, 9, 10));
    expect(model.rateLimit?.remaining).toBe(5);
    exchange(model, answer(20, 19, 70, T + 20_000), T + 20_000);
    exchange(model, answer(20, 1, 10), T + 20_000);
    expect(model.rateLimit).toEqual({ limit: 20, remaining: 19, resetAt: new Date(T + 90_000) });
  });

  it('a used-up window whose reset already passed here holds for the margin (the reset was early)', () => {
    const model = new BucketModel(0, new ServerClock());
    exchange(model, answer(20, 0, -5));
    expect(model.heldUntil(T)).toBe(T + RESET_MARGIN_MS);
  });

  it('Retry-After wins over the reset', () => {
    const model = new BucketModel(0, new ServerClock());
    exchange(model, answer(20, 0, 50, T, { retryAfterMs: 4000 }));
    expect(model.heldUntil(T)).toBe(T + 4000);
  });

  describe('window ends between whole seconds', () => {
    /** A 1 s window opened 300 ms into a second (its reset, rounded up, says 2 s later), then used up. */
    function usedUpWindow(): BucketModel {
      const model = new BucketModel(0, new ServerClock());
      exchange(model, answer(2, 1, 2, T + 300), T + 300);
      exchange(model, answer(2, 0, 2, T + 300), T + 300);
      return model;
    }

    it('infers the real end from the opening answer and lets exactly one probe go there', () => {
      const model = usedUpWindow();
      expect(model.heldUntil(T + 400)).toBe(T + 1310);
      expect(model.heldUntil(T + 1310)).toBe(T + 1310);
      expect(model.send(T + 1310)).toBe(true);
      expect(model.heldUntil(T + 1310)).toBe(Number.POSITIVE_INFINITY);
      model.settle(true, answer(2, 1, 2, T + 1310), T + 1320);
      expect(model.heldUntil(T + 1320)).toBe(T + 1320);
    });

    it('a probe met by the old window stops probing for good: resets only', () => {
      const model = usedUpWindow();
      expect(model.send(T + 1310)).toBe(true);
      model.settle(true, answer(2, 0, 2, T + 300), T + 1320);
      expect(model.heldUntil(T + 1320)).toBe(T + 2000);
      // A later window opened by a request never sets a probe time again.
      exchange(model, answer(2, 1, 2, T + 2300), T + 2300);
      exchange(model, answer(2, 0, 2, T + 2300), T + 2300);
      expect(model.heldUntil(T + 3400)).toBe(T + 4000);
      expect(model.send(T + 3400)).toBe(false);
    });
  });

  describe('concurrency-limit answers', () => {
    it('back off with jitter that grows per strike, capped, ignoring the guessed reset', () => {
      vi.spyOn(Math, 'random').mockReturnValue(0.5);
      const model = new BucketModel(0, new ServerClock());
      exchange(model, answer(0, 0, 3600));
      expect(model.heldUntil(T)).toBe(T + 250);
      exchange(model, answer(0, 0, 3600));
      expect(model.heldUntil(T)).toBe(T + 500);
      for (let strike = 3; strike <= 10; strike++) exchange(model, answer(0, 0, 3600));
      expect(model.heldUntil(T)).toBe(T + 5000);
      expect(model.rateLimit).toBeUndefined();
    });

    it('never back off less than 100 ms, and a normal answer ends the backoff', () => {
      vi.spyOn(Math, 'random').mockReturnValue(0);
      const model = new BucketModel(0, new ServerClock());
      exchange(model, answer(0, 0, 3600));
      expect(model.heldUntil(T)).toBe(T + 100);
      exchange(model, answer(20, 19, 60));
      expect(model.heldUntil(T)).toBe(T);
    });
  });

  it('an attempt that got no answer only frees its place', () => {
    const model = new BucketModel(0, new ServerClock());
    exchange(model, answer(20, 0, 10));
    model.send(T);
    model.settle(false, undefined, T);
    expect(model.inFlight).toBe(0);
    expect(model.rateLimit?.remaining).toBe(0);
  });
});
