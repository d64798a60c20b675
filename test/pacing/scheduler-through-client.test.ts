import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  OktaRateLimitError,
  OktaRateLimitWaitError,
  OktaResponseError,
  OktaSessions,
  type OktaSessionsOptions,
  OktaTimeoutError,
  type RateLimitEvent,
} from '../../src/index.js';
import { oktaHeaders, RATE_LIMITED_BODY, RECORDED_SESSION, rejectionOf } from '../support/okta.js';

const START = Date.parse('2026-03-01T12:00:00Z');

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: START });
  // Answers that say others used a window make its successor learned at a jittered instant: here none.
  vi.spyOn(Math, 'random').mockReturnValue(0);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

interface Pending {
  request: Request;
  answer: (status: number, rateLimit: { limit: number; remaining: number; resetInSeconds: number }) => void;
}

/** A fetch whose requests the test answers one by one, with the rate-limit headers it chooses. */
function controlledOkta(options: Partial<OktaSessionsOptions> = {}) {
  const pending: Pending[] = [];
  const sent: string[] = [];
  const events: RateLimitEvent[] = [];
  const client = new OktaSessions({
    orgUrl: 'https://acme.okta.com',
    apiToken: 'token-value',
    onRateLimit: (event) => events.push(event),
    ...options,
    fetch: (input, init) =>
      new Promise<Response>((resolve) => {
        const request = new Request(input, init);
        sent.push(new URL(request.url).pathname);
        pending.push({
          request,
          answer: (status, rateLimit) =>
            resolve(
              new Response(status === 204 ? null : JSON.stringify(status === 429 ? RATE_LIMITED_BODY : RECORDED_SESSION), {
                status,
                headers: oktaHeaders(Date.now(), rateLimit),
              }),
            ),
        });
      }),
  });
  /** Answers every request waiting for a response. */
  const answerAll = (status: number, rateLimit: { limit: number; remaining: number; resetInSeconds: number }) => {
    for (const entry of pending.splice(0)) entry.answer(status, rateLimit);
  };
  return { client, pending, sent, events, answerAll };
}

/** Lets promise callbacks run without moving fake time. */
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('rate-limit scheduling', () => {
  it('holds requests once the bucket is used up, and sends them at its reset (server clock)', async () => {
    const okta = controlledOkta();
    const first = okta.client.get('s0');
    await settle();
    okta.answerAll(200, { limit: 20, remaining: 0, resetInSeconds: 10 });
    await first;
    const held = okta.client.get('s1');
    await settle();
    expect(okta.sent).toEqual(['/api/v1/sessions/s0']);
    expect(okta.events).toEqual([
      expect.objectContaining({ operationId: 'getSession', bucket: 'sessions', limit: 20, remaining: 0, waitMs: 10_000 }),
    ]);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(okta.sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(okta.sent).toEqual(['/api/v1/sessions/s0', '/api/v1/sessions/s1']);
    okta.answerAll(200, { limit: 20, remaining: 19, resetInSeconds: 60 });
    await expect(held).resolves.toEqual(RECORDED_SESSION);
  });

  it('after a reset sends one request to learn the new window, then no more than it has left, in FIFO order', async () => {
    const okta = controlledOkta();
    const warmup = okta.client.get('w');
    await settle();
    okta.answerAll(200, { limit: 3, remaining: 0, resetInSeconds: 5 });
    await warmup;
    const calls = ['a', 'b', 'c', 'd', 'e'].map((id) => okta.client.get(id));
    await settle();
    expect(okta.sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(okta.sent.slice(1)).toEqual(['/api/v1/sessions/a']);
    // a opened the new window: 2 left, after its first tenth (at its even rate: one per 1.3 s).
    okta.answerAll(200, { limit: 3, remaining: 2, resetInSeconds: 5 });
    await vi.advanceTimersByTimeAsync(500);
    expect(okta.sent.slice(2)).toEqual(['/api/v1/sessions/b', '/api/v1/sessions/c']);
    okta.answerAll(200, { limit: 3, remaining: 0, resetInSeconds: 5 });
    await settle();
    expect(okta.sent).toHaveLength(4);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(okta.sent.slice(4)).toEqual(['/api/v1/sessions/d']);
    okta.answerAll(200, { limit: 3, remaining: 2, resetInSeconds: 5 });
    await vi.advanceTimersByTimeAsync(500);
    expect(okta.sent.slice(5)).toEqual(['/api/v1/sessions/e']);
    okta.answerAll(200, { limit: 3, remaining: 1, resetInSeconds: 5 });
    await expect(Promise.all(calls)).resolves.toHaveLength(5);
  });

  it('caps requests in flight at a fixed maxConcurrent', async () => {
    const custom = controlledOkta({ rateLimit: { maxConcurrent: 2 } });
    const calls = ['w', 'x', 'y', 'z'].map((id) => custom.client.get(id));
    await settle();
    // The first learns the bucket.
    expect(custom.pending).toHaveLength(1);
    for (let round = 0; round < 5; round++) {
      custom.answerAll(200, { limit: 100, remaining: 100 - custom.sent.length, resetInSeconds: 60 });
      await settle();
      // A number the user gives never grows.
      expect(custom.pending.length).toBeLessThanOrEqual(2);
    }
    await expect(Promise.all(calls)).resolves.toHaveLength(4);
    expect(custom.sent).toHaveLength(4);
    expect(() => new OktaSessions({ orgUrl: 'https://acme.okta.com', rateLimit: { maxConcurrent: 0 } })).toThrow(
      /maxConcurrent must be a whole number >= 1/,
    );
  });

  it('by default starts at 20 in flight and, while calls wait for a slot, lets one more out per answer', async () => {
    const okta = controlledOkta();
    const calls = Array.from({ length: 80 }, (_, i) => okta.client.get(`s${i}`));
    await settle();
    // One learns the bucket: 1000 a minute, none used by others.
    expect(okta.pending).toHaveLength(1);
    okta.answerAll(200, { limit: 1000, remaining: 999, resetInSeconds: 60 });
    await settle();
    expect(okta.pending).toHaveLength(20);
    okta.pending.shift()?.answer(200, { limit: 1000, remaining: 1000 - okta.sent.length, resetInSeconds: 60 });
    await settle();
    // The answered slot and one more.
    expect(okta.pending).toHaveLength(21);
    expect(okta.sent).toHaveLength(23);
    while (okta.pending.length) {
      okta.answerAll(200, { limit: 1000, remaining: 1000 - okta.sent.length, resetInSeconds: 60 });
      await settle();
    }
    await expect(Promise.all(calls)).resolves.toHaveLength(80);
  });

  it('halves the limit on a concurrency 429, once for all the 429s of requests sent at the old limit', async () => {
    const okta = controlledOkta({ retry: false });
    const calls = Array.from({ length: 60 }, (_, i) => okta.client.get(`s${i}`).catch((error: unknown) => error));
    await settle();
    okta.answerAll(200, { limit: 1000, remaining: 999, resetInSeconds: 60 });
    await settle();
    expect(okta.pending).toHaveLength(20);
    // Okta's concurrency answer: Limit and Remaining 0.
    for (let i = 0; i < 3; i++) okta.pending.shift()?.answer(429, { limit: 0, remaining: 0, resetInSeconds: 1 });
    await settle();
    // 17 still in flight, above the new limit of 10: nothing more goes out until they are answered.
    expect(okta.pending).toHaveLength(17);
    expect(okta.sent).toHaveLength(21);
    await vi.advanceTimersByTimeAsync(5_000);
    okta.answerAll(200, { limit: 1000, remaining: 1000 - okta.sent.length, resetInSeconds: 55 });
    await settle();
    expect(okta.pending).toHaveLength(10);
    while (okta.pending.length) {
      okta.answerAll(200, { limit: 1000, remaining: 1000 - okta.sent.length, resetInSeconds: 55 });
      await settle();
    }
    const outcomes = await Promise.all(calls);
    expect(outcomes.filter((outcome) => outcome instanceof OktaRateLimitError)).toHaveLength(3);
  });

  it('holds at the configured reserve', async () => {
    const okta = controlledOkta({ rateLimit: { reserve: 2 } });
    const first = okta.client.get('s0');
    await settle();
    okta.answerAll(200, { limit: 20, remaining: 2, resetInSeconds: 20 });
    await first;
    okta.client.get('s1');
    await settle();
    expect(okta.sent).toHaveLength(1);
  });

  it('the admin operations share a bucket; /me has its own', async () => {
    const okta = controlledOkta();
    const first = okta.client.revoke('s0');
    await settle();
    okta.pending.shift()?.answer(204, { limit: 20, remaining: 0, resetInSeconds: 20 });
    await first;
    okta.client.refresh('s1');
    okta.client.getCurrent({ cookie: 'sid=abc' });
    await settle();
    expect(okta.sent).toEqual(['/api/v1/sessions/s0', '/api/v1/sessions/me']);
    expect(Object.keys(okta.client.rateLimits())).toEqual(['sessions']);
  });

  it('a queued request honours its AbortSignal and is never sent', async () => {
    const okta = controlledOkta();
    const first = okta.client.get('s0');
    await settle();
    okta.answerAll(200, { limit: 20, remaining: 0, resetInSeconds: 20 });
    await first;
    const controller = new AbortController();
    const outcome = rejectionOf(okta.client.get('s1', { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(1_000);
    controller.abort(new Error('incident closed'));
    expect(await outcome).toEqual(new Error('incident closed'));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(okta.sent).toEqual(['/api/v1/sessions/s0']);
  });

  it('a request that cannot be sent within its budget fails at once with OktaRateLimitWaitError and resetAt, not as an answer', async () => {
    const okta = controlledOkta();
    const first = okta.client.get('s0');
    await settle();
    okta.answerAll(200, { limit: 20, remaining: 0, resetInSeconds: 45 });
    await first;
    const error = (await rejectionOf(okta.client.get('s1', { timeoutMs: 5_000 }))) as OktaRateLimitWaitError;
    expect(error).toBeInstanceOf(OktaRateLimitWaitError);
    expect(error).toBeInstanceOf(OktaTimeoutError);
    expect(error).not.toBeInstanceOf(OktaResponseError);
    expect(error.rateLimit).toEqual({ limit: 20, remaining: 0, resetAt: new Date(START + 45_000) });
    expect(error.message).toMatch(/used up until 2026-03-01T12:00:45.000Z, beyond the call's timeout; not sent/);
    expect(Date.now()).toBe(START);
    expect(okta.sent).toHaveLength(1);
  });

  it('keeps state per client instance', async () => {
    const one = controlledOkta();
    const two = controlledOkta();
    const first = one.client.get('s0');
    await settle();
    one.answerAll(200, { limit: 20, remaining: 0, resetInSeconds: 30 });
    await first;
    two.client.get('s1');
    await settle();
    expect(two.sent).toEqual(['/api/v1/sessions/s1']);
    expect(one.client.rateLimits()).toEqual({ sessions: { limit: 20, remaining: 0, resetAt: new Date(START + 30_000) } });
    expect(two.client.rateLimits()).toEqual({});
  });

  it('retries one 429 exactly once (scheduler and retry together)', async () => {
    const retries: unknown[] = [];
    const okta = controlledOkta({ onRetry: (event) => retries.push(event) });
    const call = okta.client.get('s0');
    await settle();
    okta.answerAll(429, { limit: 20, remaining: 0, resetInSeconds: 3 });
    await vi.advanceTimersByTimeAsync(4_000);
    expect(okta.sent).toHaveLength(2);
    okta.answerAll(200, { limit: 20, remaining: 19, resetInSeconds: 60 });
    await expect(call).resolves.toEqual(RECORDED_SESSION);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(okta.sent).toHaveLength(2);
    expect(retries).toHaveLength(1);
  });

  it('a concurrency-limit 429 (Limit and Remaining 0) backs off briefly instead of trusting its reset', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const okta = controlledOkta();
    const call = okta.client.get('s0');
    await settle();
    okta.answerAll(429, { limit: 0, remaining: 0, resetInSeconds: 3600 });
    await vi.advanceTimersByTimeAsync(300);
    expect(okta.sent).toHaveLength(2);
    okta.answerAll(200, { limit: 20, remaining: 19, resetInSeconds: 60 });
    await expect(call).resolves.toEqual(RECORDED_SESSION);
  });

  it('rateLimit: false sends everything at once', async () => {
    const okta = controlledOkta({ rateLimit: false });
    const first = okta.client.get('s0');
    await settle();
    okta.answerAll(200, { limit: 20, remaining: 0, resetInSeconds: 30 });
    await first;
    for (let i = 1; i <= 15; i++) okta.client.get(`s${i}`);
    await settle();
    expect(okta.sent).toHaveLength(16);
    expect(okta.client.rateLimits()).toEqual({});
  });

  it('learns the server clock: a server ten minutes ahead still holds exactly until the reset', async () => {
    const skew = 10 * 60_000;
    const pending: ((response: Response) => void)[] = [];
    let sent = 0;
    const client = new OktaSessions({
      orgUrl: 'https://acme.okta.com',
      apiToken: 't0ken',
      fetch: () => {
        sent++;
        return new Promise<Response>((resolve) => pending.push(resolve));
      },
    });
    const first = client.get('s0');
    await settle();
    pending.shift()?.(
      new Response(JSON.stringify(RECORDED_SESSION), {
        headers: oktaHeaders(Date.now() + skew, { limit: 5, remaining: 0, resetInSeconds: 7 }),
      }),
    );
    await first;
    client.get('s1');
    await vi.advanceTimersByTimeAsync(6_999);
    expect(sent).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toBe(2);
  });

  describe('window ends between whole seconds', () => {
    /** Opens a 1 s window 300 ms into a second (reset rounds up to 2 s later) and uses it up; returns at 401 ms. */
    async function usedUpWindow() {
      const okta = controlledOkta();
      await vi.advanceTimersByTimeAsync(300);
      const opening = okta.client.get('open');
      await settle();
      okta.answerAll(200, { limit: 2, remaining: 1, resetInSeconds: 2 });
      await opening;
      // The window's first tenth (of 300 to 1310 ms) is sampled at an even pace: the second call leaves at 401 ms.
      const last = okta.client.get('last');
      await vi.advanceTimersByTimeAsync(100);
      expect(okta.sent).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      okta.answerAll(200, { limit: 2, remaining: 0, resetInSeconds: 2 });
      await last;
      const held = ['a', 'b', 'c'].map((id) => okta.client.get(id));
      await settle();
      return { okta, held };
    }

    it('sends one learner when the window really ends, not at the rounded-up reset, and the rest after its answer', async () => {
      const { okta, held } = await usedUpWindow();
      expect(okta.sent).toHaveLength(2);
      // Opened at 300 ms: ends at 1300 ms (+10 ms margin), although the reset header says 2000 ms.
      await vi.advanceTimersByTimeAsync(1_309 - 401);
      expect(okta.sent).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(1);
      expect(okta.sent.slice(2)).toEqual(['/api/v1/sessions/a']);
      await vi.advanceTimersByTimeAsync(50);
      expect(okta.sent).toHaveLength(3);
      okta.answerAll(200, { limit: 2, remaining: 1, resetInSeconds: 2 });
      // The learner's answer, heard at 1360 ms, opens a window that ends by 2370 ms at the latest. The window
      // before was this client's alone and used up, so this one is not sampled: the next call leaves at once.
      await vi.advanceTimersByTimeAsync(1);
      expect(okta.sent.slice(3)).toEqual(['/api/v1/sessions/b']);
      okta.answerAll(200, { limit: 2, remaining: 0, resetInSeconds: 2 });
      await vi.advanceTimersByTimeAsync(2_369 - 1_361);
      expect(okta.sent).toHaveLength(4);
      await vi.advanceTimersByTimeAsync(1);
      expect(okta.sent.slice(4)).toEqual(['/api/v1/sessions/c']);
      okta.answerAll(200, { limit: 2, remaining: 1, resetInSeconds: 2 });
      await expect(Promise.all(held)).resolves.toHaveLength(3);
    });

    it('a learner met by a 429 stops inferring the end: the rest wait for the reset header', async () => {
      const { okta, held } = await usedUpWindow();
      await vi.advanceTimersByTimeAsync(1_310 - 401);
      expect(okta.sent).toHaveLength(3);
      okta.answerAll(429, { limit: 2, remaining: 0, resetInSeconds: 1 });
      // The reset header says 2000 ms on Okta's clock; the clock estimate (whole-second Date headers,
      // first seen 300 ms into a second) places it at 2300 ms here at the latest.
      await vi.advanceTimersByTimeAsync(2_299 - 1_310);
      expect(okta.sent).toHaveLength(3);
      await vi.advanceTimersByTimeAsync(1);
      // One learner for the fresh window: the oldest waiting call (the 429'd one waits for its retry).
      expect(okta.sent).toHaveLength(4);
      okta.answerAll(200, { limit: 2, remaining: 1, resetInSeconds: 1 });
      for (let round = 0; round < 8 && held.length > 0; round++) {
        await vi.advanceTimersByTimeAsync(500);
        okta.answerAll(200, { limit: 2, remaining: 1, resetInSeconds: 1 });
      }
      await expect(Promise.all(held)).resolves.toHaveLength(3);
      expect(okta.events.filter((event) => event.reason === 'used-up').length).toBeGreaterThan(0);
    });
  });
});
