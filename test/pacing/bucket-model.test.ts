import { afterEach, describe, expect, it, vi } from 'vitest';
import { BucketModel } from '../../src/pacing/bucket-model.js';
import { type RateLimitReading, RESET_MARGIN_MS } from '../../src/pacing/rate-limit-reading.js';
import { ServerClock } from '../../src/helpers/server-clock.js';

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
  const probe = model.acquire(at);
  model.release(probe, reading, at);
  return probe;
}

describe('BucketModel', () => {
  it('is open before it has heard anything, and reports no state', () => {
    const model = new BucketModel(0, new ServerClock());
    expect(model.heldUntil(T)).toBe(T);
    expect(model.rateLimit).toBeUndefined();
  });

  it('holds a used-up window until its reset; then one request learns the new one, and the rest follow its answer', () => {
    // Others used this window (19 of 20): the next one is learned at a jittered instant, here none.
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const model = new BucketModel(0, new ServerClock());
    exchange(model, answer(20, 0, 10));
    expect(model.rateLimit).toEqual({ limit: 20, remaining: 0, resetAt: new Date(T + 10_000) });
    expect(model.heldUntil(T + 1)).toBe(T + 10_000);
    expect(model.holdReason).toBe('used-up');
    expect(model.heldUntil(T + 10_000)).toBe(T + 10_000);
    expect(model.acquire(T + 10_000)).toBe(true);
    expect(model.heldUntil(T + 10_000)).toBe(Number.POSITIVE_INFINITY);
    expect(model.holdReason).toBe('learning');
    // Never assumed full: an earlier run left 5 of the new window, and no more than 5 go until its end.
    model.release(true, answer(20, 5, 10, T + 10_000), T + 10_000);
    let sent = 0;
    for (let now = T + 10_000; now < T + 20_000; now++) {
      while (model.heldUntil(now) <= now) {
        model.acquire(now);
        sent++;
      }
    }
    expect(sent).toBeLessThanOrEqual(5);
  });

  it('an unknown bucket lets one request out to learn it; one that gets no answer lets the next one learn', () => {
    const model = new BucketModel(0, new ServerClock());
    expect(model.acquire(T)).toBe(true);
    expect(model.heldUntil(T)).toBe(Number.POSITIVE_INFINITY);
    model.release(true, undefined, T);
    expect(model.heldUntil(T)).toBe(T);
    expect(model.acquire(T)).toBe(true);
    model.release(true, answer(20, 19, 10), T);
    expect(model.heldUntil(T)).toBe(T);
    expect(model.acquire(T)).toBe(false);
  });

  it('counts requests in flight against the remaining count', () => {
    const model = new BucketModel(0, new ServerClock());
    // Not limit - 1: this answer did not open the window, and the window's start is not known.
    exchange(model, answer(5, 2, 10));
    // Others' use aside (a shared store's pacing): only what is in flight counts.
    model.acquire(T);
    expect(model.heldUntil(T, false)).toBe(T);
    model.acquire(T);
    expect(model.inFlight).toBe(2);
    expect(model.heldUntil(T, false)).toBe(T + 10_000);
  });

  it("a request withdrawn before it was sent counts for nothing: not in flight, not learning, not this client's", () => {
    const model = new BucketModel(0, new ServerClock());
    expect(model.acquire(T)).toBe(true);
    model.release(true, 'not-sent', T);
    expect(model.inFlight).toBe(0);
    expect(model.heldUntil(T)).toBe(T);
    exchange(model, answer(5, 2, 10));
    model.acquire(T);
    model.acquire(T);
    expect(model.heldUntil(T, false)).toBe(T + 10_000);
    model.release(false, 'not-sent', T);
    expect(model.heldUntil(T, false)).toBe(T);
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

    it('infers the real end from the opening answer, and one request learns the next window there', () => {
      const model = usedUpWindow();
      expect(model.heldUntil(T + 400)).toBe(T + 1310);
      expect(model.heldUntil(T + 1310)).toBe(T + 1310);
      expect(model.acquire(T + 1310)).toBe(true);
      expect(model.heldUntil(T + 1310)).toBe(Number.POSITIVE_INFINITY);
      model.release(true, answer(2, 1, 2, T + 1310), T + 1320);
      // The window before was this client's alone, and used up: no one to leave room for, so no sample.
      expect(model.heldUntil(T + 1320)).toBe(T + 1320);
    });

    it('after a window others used too, the next window is sampled: its first part at the even rate', () => {
      const model = new BucketModel(0, new ServerClock());
      exchange(model, answer(4, 3, 2, T + 300), T + 300);
      // Two of the window's four were someone else's.
      exchange(model, answer(4, 0, 2, T + 300), T + 300);
      expect(model.acquire(T + 1310)).toBe(true);
      model.release(true, answer(4, 3, 2, T + 1310), T + 1320);
      expect(model.heldUntil(T + 1320)).toBeGreaterThan(T + 1320);
    });

    it('a window first heard of later ends at most its length after that (it had begun by then)', () => {
      const model = usedUpWindow();
      model.acquire(T + 1310);
      // Someone else opened it; its reset says T + 3 s; it ends by T + 1400 + 1 s.
      model.release(true, answer(2, 0, 3, T + 1400), T + 1400);
      expect(model.heldUntil(T + 1500)).toBe(T + 2410);
    });

    it('a learning request met by the old window stops the inference for good: resets only', () => {
      const model = usedUpWindow();
      expect(model.acquire(T + 1310)).toBe(true);
      model.release(true, answer(2, 0, 2, T + 300), T + 1320);
      expect(model.heldUntil(T + 1320)).toBe(T + 2000);
      // A later window opened by a request never ends before its reset again.
      exchange(model, answer(2, 1, 2, T + 2300), T + 2300);
      exchange(model, answer(2, 0, 2, T + 2300), T + 2300);
      expect(model.heldUntil(T + 3400)).toBe(T + 4000);
    });
  });

  describe('others in the bucket', () => {
    /** A 1 s window of `limit` this client opened at T + 300 (it ends at T + 1310). */
    function openedWindow(limit: number, maxShare = 1): BucketModel {
      const model = new BucketModel(0, new ServerClock(), maxShare);
      exchange(model, answer(limit, limit - 1, 2, T + 300), T + 300);
      return model;
    }

    it("estimates others' use as what Okta counted that this client did not send", () => {
      const model = openedWindow(40);
      exchange(model, answer(40, 30, 2, T + 320), T + 320);
      // Okta counted 10; this client sent 2.
      expect(model.othersShare).toBe(8 / 40);
    });

    it("the window's first tenth goes at its even rate after a burst of a fifth of it; alone, what remains then goes at once", () => {
      const model = openedWindow(40);
      for (let i = 0; i < 8; i++) {
        expect(model.heldUntil(T + 300)).toBe(T + 300);
        model.acquire(T + 300);
      }
      // 1010 ms for 40: one per 25.25 ms until T + 401.
      expect(model.heldUntil(T + 300)).toBe(T + 325.25);
      expect(model.holdReason).toBe('window-start');
      model.acquire(T + 325.25);
      model.acquire(T + 350.5);
      expect(model.heldUntil(T + 360)).toBe(T + 375.75);
      model.acquire(T + 375.75);
      expect(model.heldUntil(T + 390)).toBe(T + 401);
      for (let i = 0; i < 28; i++) {
        expect(model.heldUntil(T + 401)).toBe(T + 401);
        model.acquire(T + 401);
      }
      expect(model.heldUntil(T + 401)).toBe(T + 1310);
      expect(model.holdReason).toBe('used-up');
    });

    it('keeps back what others are expected to use until the end, at their rate so far, and spreads its own part', () => {
      const model = openedWindow(40);
      // Past the sample, at T + 500: 2 of this client's, 8 of others' in the window's first 200 ms.
      exchange(model, answer(40, 30, 2, T + 500), T + 500);
      // Others at 8 per 200 ms would take ceil(0.04 x 810) = 33 of the 30 left until T + 1310: hold.
      expect(model.heldUntil(T + 500)).toBeGreaterThan(T + 500);
      expect(model.holdReason).toBe('others');
      // Without more of theirs in sight their rate falls; by T + 600 it is 8 per 300 ms: 22 kept, so 8 may go,
      // no more than this client's part of the window's use (2 of 10: 6), spread over what others leave.
      expect(model.heldUntil(T + 600)).toBe(T + 600);
      model.acquire(T + 600);
      const next = model.heldUntil(T + 600);
      expect(next).toBeGreaterThan(T + 600);
      expect(next).toBeLessThan(T + 700);
    });

    it("a trickle of others' barely slows this client: its part goes out a ms apart", () => {
      const model = openedWindow(100);
      exchange(model, answer(100, 97, 2, T + 500), T + 500);
      // 1 of others' in 200 ms: ceil(0.005 x 810) = 5 kept of 97.
      let sent = 0;
      for (let now = T + 500; now < T + 520; now++) {
        while (model.heldUntil(now) <= now) {
          model.acquire(now);
          sent++;
        }
      }
      expect(sent).toBeGreaterThanOrEqual(19);
    });

    it('after a window shared with others, the next is learned at a jittered instant after its end, not at it', () => {
      vi.spyOn(Math, 'random').mockReturnValue(0.5);
      const model = openedWindow(40);
      exchange(model, answer(40, 0, 2, T + 500), T + 500);
      // 5% of the 1 s window, times the jitter: 25 ms.
      expect(model.heldUntil(T + 1310)).toBe(T + 1335);
      expect(model.holdReason).toBe('window-start');
    });

    it('othersAware false (a shared store paces the bucket): no sample, nothing kept for others', () => {
      const model = openedWindow(40);
      exchange(model, answer(40, 30, 2, T + 320), T + 320);
      expect(model.heldUntil(T + 320, false)).toBe(T + 320);
      expect(model.heldUntil(T + 320)).toBeGreaterThan(T + 320);
    });
  });

  describe('maxShare', () => {
    it('uses at most that share of each window, however much remains', () => {
      const model = new BucketModel(0, new ServerClock(), 0.5);
      exchange(model, answer(40, 39, 2, T + 300), T + 300);
      for (let i = 1; i < 20; i++) exchange(model, answer(40, 39 - i, 2, T + 500), T + 500);
      expect(model.rateLimit?.remaining).toBe(20);
      expect(model.heldUntil(T + 500)).toBe(T + 1310);
      expect(model.holdReason).toBe('max-share');
    });

    it("is a share of the limit the headers report: Okta's cap of a token at half the bucket halves it again", () => {
      const model = new BucketModel(0, new ServerClock(), 0.5);
      // The bucket is 40; this token is capped at 20, and its headers say 20.
      exchange(model, answer(20, 19, 2, T + 300), T + 300);
      for (let i = 1; i < 10; i++) exchange(model, answer(20, 19 - i, 2, T + 500), T + 500);
      expect(model.heldUntil(T + 500)).toBe(T + 1310);
      expect(model.holdReason).toBe('max-share');
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
    model.acquire(T);
    model.release(false, undefined, T);
    expect(model.inFlight).toBe(0);
    expect(model.rateLimit?.remaining).toBe(0);
  });
});
