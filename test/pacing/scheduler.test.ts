import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type RateLimitReading, RESET_MARGIN_MS } from '../../src/pacing/rate-limit-reading.js';
import type { NotWithinBudget, Permit, WaitBudget } from '../../src/pacing/permit.js';
import type { PacingContext, RateLimitEvent } from '../../src/pacing/options.js';
import { RateLimitScheduler } from '../../src/pacing/scheduler.js';
import { ServerClock } from '../../src/helpers/server-clock.js';
import type { RateLimitStore, RateLimitStoreEvent } from '../../src/pacing/store.js';
import { SILENT_LOG } from '../../src/helpers/log.js';

const T = Date.parse('2026-05-01T10:00:00Z');

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: T }));
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function reading(limit: number, remaining: number, resetInSeconds: number): RateLimitReading {
  return {
    serverDateMs: Date.now(),
    limit,
    remaining,
    resetAtMs: T + resetInSeconds * 1000,
    concurrencyLimited: limit === 0 && remaining === 0,
    retryAfterMs: undefined,
  };
}

const CONTEXT: PacingContext = { org: '', onRateLimit: undefined, onRateLimitStore: undefined, log: SILENT_LOG };

function budget(timeoutMs: number, controller = new AbortController()): WaitBudget {
  return { deadline: Date.now() + timeoutMs, signal: controller.signal, abortReason: () => new Error('aborted') };
}

describe('RateLimitScheduler (no client, no sockets)', () => {
  it('answers "go" at once while the bucket is open', () => {
    const scheduler = new RateLimitScheduler({}, new ServerClock());
    expect(scheduler.acquireNow('getSession')).toBeDefined();
  });

  it('answers "not within your budget" as a value, with the bucket state, instead of building an error', async () => {
    const scheduler = new RateLimitScheduler({}, new ServerClock());
    scheduler.acquireNow('getSession')?.release(reading(20, 0, 45));
    expect(scheduler.acquireNow('revokeSession')).toBeUndefined();
    await expect(scheduler.acquire('revokeSession', budget(5000))).resolves.toEqual({
      notWithinBudget: { limit: 20, remaining: 0, resetAt: new Date(T + 45_000) },
    });
  });

  it('answers "wait", then "go" at the reset: one request learns the new window, then the rest, in FIFO order; each wait reported once', async () => {
    // Others used the window (19 of 20): the new one is learned at a jittered instant after the reset, here none.
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const events: unknown[] = [];
    const scheduler = new RateLimitScheduler({}, new ServerClock(), { ...CONTEXT, onRateLimit: (event) => events.push(event) });
    scheduler.acquireNow('getSession')?.release(reading(20, 0, 10));
    const order: string[] = [];
    const admitted = (name: string) => (permit: Permit | NotWithinBudget) => {
      order.push(name);
      return permit as Permit;
    };
    const first = scheduler.acquire('getSession', budget(30_000)).then(admitted('first'));
    const second = scheduler.acquire('refreshSession', budget(30_000)).then(admitted('second'));
    await vi.advanceTimersByTimeAsync(9_999);
    expect(order).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(order).toEqual(['first']);
    (await first).release(reading(20, 19, 70));
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(['first', 'second']);
    const held = {
      bucket: 'sessions',
      limit: 20,
      remaining: 0,
      resetAt: new Date(T + 10_000),
      waitMs: 10_000,
      reason: 'used-up',
      othersShare: 19 / 20,
    };
    expect(events).toEqual([
      { operationId: 'getSession', ...held },
      { operationId: 'refreshSession', ...held },
    ]);
    (await second).release(undefined);
  });

  it('says when it holds back for others, with its estimate of their share', async () => {
    const events: RateLimitEvent[] = [];
    const scheduler = new RateLimitScheduler({}, new ServerClock(), { ...CONTEXT, onRateLimit: (event) => events.push(event) });
    // This client's first request opened a 60 s window; 2 s later, others have used 30 of 40 beside its 2.
    scheduler.acquireNow('getSession')?.release({ ...reading(40, 39, 61), serverDateMs: T });
    vi.advanceTimersByTime(2_000);
    scheduler.acquireNow('getSession')?.release({ ...reading(40, 8, 61), serverDateMs: T + 2_000 });
    const controller = new AbortController();
    const waiting = scheduler.acquire('getSession', budget(120_000, controller));
    expect(events).toEqual([expect.objectContaining({ operationId: 'getSession', remaining: 8, reason: 'others', othersShare: 30 / 40 })]);
    controller.abort();
    await expect(waiting).rejects.toThrow('aborted');
  });

  it('an aborted waiter leaves no wake-up timer behind', async () => {
    const scheduler = new RateLimitScheduler({}, new ServerClock());
    scheduler.acquireNow('getSession')?.release(reading(20, 0, 10));
    const controller = new AbortController();
    const waiting = scheduler.acquire('getSession', budget(30_000, controller));
    expect(vi.getTimerCount()).toBe(1);
    controller.abort();
    await expect(waiting).rejects.toThrow('aborted');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('after a concurrency-limit answer, the retry waits exactly as long as the bucket is held', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const scheduler = new RateLimitScheduler({}, new ServerClock());
    const answer = reading(0, 0, 3600);
    scheduler.acquireNow('getSession')?.release(answer);
    expect(scheduler.retryWaitMs('getSession', answer, Date.now())).toBe(250);
    expect(scheduler.acquireNow('getSession')).toBeUndefined();
    vi.advanceTimersByTime(250);
    expect(scheduler.acquireNow('getSession')).toBeDefined();
  });

  it('after an ordinary 429 the retry waits for the reset on the server clock plus the margin', () => {
    const scheduler = new RateLimitScheduler({}, new ServerClock());
    expect(scheduler.retryWaitMs('getSession', reading(20, 0, 3), Date.now())).toBe(3000 + RESET_MARGIN_MS);
  });

  it('a bucket override moves an operation to another counter', () => {
    const scheduler = new RateLimitScheduler({ buckets: { getSession: 'reads' } }, new ServerClock());
    scheduler.acquireNow('revokeSession')?.release(reading(20, 0, 10));
    expect(scheduler.acquireNow('getSession')).toBeDefined();
    expect(Object.keys(scheduler.snapshot())).toEqual(['sessions']);
  });
});

describe('RateLimitScheduler with a store that fails while calls wait for it', () => {
  it('paces the waiting calls afresh, minding the others, instead of sending every permit it granted while the store paced', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    let failing = false;
    let leases = 0;
    const store: RateLimitStore = {
      acquire: async () => {
        if (failing) throw new Error('connection lost');
        // Two requests go; the rest wait for the store (its in-flight cap, say).
        return leases++ < 2 ? { leaseId: `lease-${leases}` } : { retryAtMs: Date.now() + 5_000, rateLimit: undefined };
      },
      release: async () => {},
    };
    const storeEvents: RateLimitStoreEvent[] = [];
    const scheduler = new RateLimitScheduler({ store }, new ServerClock(), {
      ...CONTEXT,
      org: 'https://acme.okta.com',
      onRateLimitStore: (event) => storeEvents.push(event),
    });
    // The first request opens a 60 s window; by the second's answer, others have used 8 of it.
    ((await scheduler.acquire('getSession', budget(30_000))) as Permit).release(reading(20, 19, 61));
    ((await scheduler.acquire('getSession', budget(30_000))) as Permit).release(reading(20, 10, 61));
    let sent = 0;
    // Budgets long enough to wait for the window's end: each call must end with a permit.
    const calls = Array.from({ length: 10 }, () =>
      scheduler.acquire('getSession', budget(120_000)).then((permit) => {
        if (!('release' in permit)) throw new Error(`not within budget: ${JSON.stringify(permit)}`);
        sent++;
        return permit;
      }),
    );
    await vi.advanceTimersByTimeAsync(100);
    expect(sent).toBe(0);
    failing = true;
    // Each waiting call asks the store again within a second, fails, and falls back to local pacing.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(storeEvents).toEqual([{ bucket: 'sessions', state: 'fallback', reason: 'connection lost' }]);
    // Granted as if the store paced everyone, all ten would go now; minding the others, few do.
    expect(sent).toBeLessThanOrEqual(3);
    // Each answer from the next window: every call gets through in the end.
    const released = calls.map((call) => call.then((permit) => permit.release(reading(20, 15, 122))));
    await vi.advanceTimersByTimeAsync(130_000);
    await Promise.all(released);
    expect(sent).toBe(10);
  });
});
