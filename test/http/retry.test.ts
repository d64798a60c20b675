import nock from 'nock';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { OktaRateLimitError, OktaTimeoutError, type RetryEvent } from '../../src/index.js';
import { newClient, ORG, oktaHeaders, RATE_LIMITED_BODY, RECORDED_SESSION, rejectionOf } from '../support/okta.js';

const START = Date.parse('2026-01-01T00:00:00Z');

beforeAll(() => nock.disableNetConnect());
beforeEach(() => {
  // Fake only timers and Date: nock needs the real nextTick and setImmediate.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: START });
  // These 429s say others used the window: its successor is learned at a jittered instant, here none.
  vi.spyOn(Math, 'random').mockReturnValue(0);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  nock.cleanAll();
});

/** A 429 whose server clock is `serverNow` and whose window resets `resetInSeconds` later. */
function rateLimited(serverNow: number, resetInSeconds: number, extra: Record<string, string> = {}) {
  return { ...oktaHeaders(serverNow, { limit: 375, remaining: 0, resetInSeconds }), 'x-okta-request-id': 'first429requestid', ...extra };
}

/**
 * Lets real I/O (nock's replies, the engine's first load of node:http) run without moving fake time, until
 * `condition` holds. Bounded by real time, not by turns: how many turns I/O takes depends on the machine's load.
 */
async function until(condition: () => boolean): Promise<void> {
  const deadline = performance.now() + 5_000;
  while (!condition() && performance.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
  if (!condition()) throw new Error('condition not reached within 5 s');
}

/**
 * A client whose retries are recorded; `waitForRetry` resolves once the client
 * has scheduled its next wait, and advances fake time by exactly that wait.
 */
function recordingClient(options: Parameters<typeof newClient>[0] = {}) {
  const events: RetryEvent[] = [];
  const client = newClient({ ...options, onRetry: (event) => events.push(event) });
  async function waitForRetry(count: number): Promise<RetryEvent> {
    await until(() => events.length >= count);
    const event = events[count - 1] as RetryEvent;
    await vi.advanceTimersByTimeAsync(event.delayMs);
    return event;
  }
  return { client, events, waitForRetry };
}

describe('429 retry', () => {
  it('waits until the reset on the server clock (reset - Date + 1 s), not the local clock', async () => {
    // The server's clock runs 5 minutes ahead of ours; only reset - Date matters.
    const serverNow = START + 5 * 60_000;
    const retried: Record<string, string | string[] | undefined>[] = [];
    nock(ORG).get('/api/v1/sessions/abc').reply(429, RATE_LIMITED_BODY, rateLimited(serverNow, 10));
    nock(ORG)
      .get('/api/v1/sessions/abc')
      .reply(function () {
        retried.push(this.req.headers);
        return [200, RECORDED_SESSION, oktaHeaders()];
      });
    const { client, waitForRetry } = recordingClient();
    const call = client.get('abc');
    const event = await waitForRetry(1);
    expect(event).toEqual({
      operationId: 'getSession',
      retryCount: 1,
      delayMs: 11_000,
      reason: 'rate-limited',
      status: 429,
      requestId: 'first429requestid',
    });
    await expect(call).resolves.toEqual(RECORDED_SESSION);
    expect(retried[0]?.['x-okta-retry-for']).toBe('first429requestid');
    expect(retried[0]?.['x-okta-retry-count']).toBe('1');
  });

  it('does not retry before the wait is over', async () => {
    nock(ORG).get('/api/v1/sessions/abc').reply(429, RATE_LIMITED_BODY, rateLimited(START, 5));
    const retry = nock(ORG).get('/api/v1/sessions/abc').reply(200, RECORDED_SESSION, oktaHeaders());
    const { client, events } = recordingClient();
    const call = client.get('abc');
    await until(() => events.length === 1);
    await vi.advanceTimersByTimeAsync(5_999);
    expect(retry.isDone()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(call).resolves.toEqual(RECORDED_SESSION);
  });

  it('retries a 429 at its reset until maxRateLimitRetries (10), apart from maxRetries, counting X-Okta-Retry-Count up, keeping the first request id, and says how many 429s it met', async () => {
    const counts: unknown[] = [];
    const retryFor: unknown[] = [];
    nock(ORG).get('/api/v1/sessions/abc').reply(429, RATE_LIMITED_BODY, rateLimited(START, 1));
    nock(ORG)
      .get('/api/v1/sessions/abc')
      .times(10)
      .reply(function () {
        counts.push(this.req.headers['x-okta-retry-count']);
        retryFor.push(this.req.headers['x-okta-retry-for']);
        return [429, RATE_LIMITED_BODY, { ...rateLimited(Date.now(), 1), 'x-okta-request-id': `later${counts.length}` }];
      });
    const { client, waitForRetry } = recordingClient({ timeoutMs: 120_000 });
    const outcome = rejectionOf(client.get('abc'));
    for (let retry = 1; retry <= 10; retry++) await waitForRetry(retry);
    const error = (await outcome) as OktaRateLimitError;
    expect(error).toBeInstanceOf(OktaRateLimitError);
    expect(error).toMatchObject({ attempts: 11, rateLimitedAttempts: 11 });
    expect(error.message).toContain('(after 11 attempts, 11 of them answered 429)');
    expect(counts).toEqual(Array.from({ length: 10 }, (_, i) => String(i + 1)));
    expect(retryFor).toEqual(Array.from({ length: 10 }, () => 'first429requestid'));
  });

  it('429s retried at their reset leave maxRetries to the failures that may have reached Okta', async () => {
    nock(ORG).get('/api/v1/sessions/abc').reply(503, 'unavailable');
    nock(ORG)
      .get('/api/v1/sessions/abc')
      .times(3)
      .reply(() => [429, RATE_LIMITED_BODY, rateLimited(Date.now(), 1)]);
    nock(ORG).get('/api/v1/sessions/abc').reply(503, 'unavailable');
    nock(ORG).get('/api/v1/sessions/abc').reply(200, RECORDED_SESSION, oktaHeaders());
    const { client, waitForRetry } = recordingClient({ retry: { maxRetries: 2 } });
    const call = client.get('abc');
    for (let retry = 1; retry <= 5; retry++) await waitForRetry(retry);
    await expect(call).resolves.toEqual(RECORDED_SESSION);
  });

  it('maxRateLimitRetries caps the 429s alone; a negative or fractional one is refused', async () => {
    nock(ORG)
      .get('/api/v1/sessions/abc')
      .times(2)
      .reply(() => [429, RATE_LIMITED_BODY, rateLimited(Date.now(), 1)]);
    const { client, waitForRetry } = recordingClient({ retry: { maxRateLimitRetries: 1 } });
    const outcome = rejectionOf(client.get('abc'));
    await waitForRetry(1);
    expect(await outcome).toMatchObject({ attempts: 2, rateLimitedAttempts: 2 });
    expect(() => newClient({ retry: { maxRateLimitRetries: -1 } })).toThrow(/maxRateLimitRetries must be a whole number >= 0/);
    expect(() => newClient({ retry: { maxRateLimitRetries: 0.5 } })).toThrow(/maxRateLimitRetries/);
  });

  it('retry: false sends exactly one request', async () => {
    nock(ORG).get('/api/v1/sessions/abc').once().reply(429, RATE_LIMITED_BODY, rateLimited(START, 1));
    const error = await rejectionOf(newClient({ retry: false }).get('abc'));
    expect(error).toBeInstanceOf(OktaRateLimitError);
    expect(nock.isDone()).toBe(true);
  });

  it('maxRetries: 0 also disables retries; a negative or fractional value is rejected', async () => {
    nock(ORG).get('/api/v1/sessions/abc').once().reply(429, RATE_LIMITED_BODY, rateLimited(START, 1));
    await expect(newClient({ retry: { maxRetries: 0 } }).get('abc')).rejects.toBeInstanceOf(OktaRateLimitError);
    expect(() => newClient({ retry: { maxRetries: -1 } })).toThrow(/maxRetries must be a whole number >= 0/);
    expect(() => newClient({ retry: { maxRetries: 1.5 } })).toThrow(/maxRetries/);
  });

  // No fake time is advanced in these: a client that slept would never settle.
  it('a reset beyond maxDelayMs fails at once with the rate limit, without sleeping', async () => {
    nock(ORG).get('/api/v1/sessions/abc').once().reply(429, RATE_LIMITED_BODY, rateLimited(START, 3600));
    const error = (await rejectionOf(newClient().get('abc'))) as OktaRateLimitError;
    expect(error).toBeInstanceOf(OktaRateLimitError);
    expect(error.rateLimit?.resetAt).toEqual(new Date(START + 3_600_000));
    expect(Date.now()).toBe(START);
  });

  it('a reset beyond the remaining timeoutMs fails at once', async () => {
    nock(ORG).get('/api/v1/sessions/abc').once().reply(429, RATE_LIMITED_BODY, rateLimited(START, 20));
    await expect(newClient({ timeoutMs: 5_000 }).get('abc')).rejects.toBeInstanceOf(OktaRateLimitError);
    expect(Date.now()).toBe(START);
  });

  it('the per-call timeoutMs overrides the client one', async () => {
    nock(ORG).get('/api/v1/sessions/abc').once().reply(429, RATE_LIMITED_BODY, rateLimited(START, 20));
    await expect(newClient({ timeoutMs: 60_000 }).get('abc', { timeoutMs: 2_000 })).rejects.toBeInstanceOf(OktaRateLimitError);
    expect(() => newClient({ timeoutMs: 0 })).toThrow(/timeoutMs must be a number of milliseconds > 0/);
  });

  it('an abort during the wait rejects with the caller reason and sends nothing more', async () => {
    nock(ORG).get('/api/v1/sessions/abc').once().reply(429, RATE_LIMITED_BODY, rateLimited(START, 20));
    const controller = new AbortController();
    const { client, events } = recordingClient();
    const outcome = rejectionOf(client.get('abc', { signal: controller.signal }));
    await until(() => events.length === 1);
    await vi.advanceTimersByTimeAsync(1_000);
    controller.abort(new Error('user gave up'));
    expect(await outcome).toEqual(new Error('user gave up'));
    expect(nock.isDone()).toBe(true);
  });

  it('a whole-call timeout while waiting on the network gives OktaTimeoutError', async () => {
    nock(ORG).get('/api/v1/sessions/abc').delay(10_000).reply(200, RECORDED_SESSION, oktaHeaders());
    const outcome = rejectionOf(newClient({ timeoutMs: 1_000 }).get('abc'));
    await vi.advanceTimersByTimeAsync(1_000);
    const error = (await outcome) as OktaTimeoutError;
    expect(error).toBeInstanceOf(OktaTimeoutError);
    expect(error.message).toBe('Okta call exceeded its 1000 ms budget (GET /api/v1/sessions/{sessionId})');
  });

  it('duplicated reset headers use the smaller value (OKTA-112507)', async () => {
    const resetSoon = Math.floor(START / 1000) + 2;
    const resetLate = Math.floor(START / 1000) + 40;
    nock(ORG)
      .get('/api/v1/sessions/abc')
      .reply(429, RATE_LIMITED_BODY, { ...rateLimited(START, 0), 'x-rate-limit-reset': `${resetLate}, ${resetSoon}` });
    nock(ORG).get('/api/v1/sessions/abc').reply(200, RECORDED_SESSION, oktaHeaders());
    const { client, waitForRetry } = recordingClient();
    const call = client.get('abc');
    expect((await waitForRetry(1)).delayMs).toBe(3_000);
    await expect(call).resolves.toEqual(RECORDED_SESSION);
  });

  for (const [label, headers] of [
    ['missing', { 'x-rate-limit-reset': '' }],
    ['malformed', { 'x-rate-limit-reset': 'soon' }],
    ['concurrency-limit (Limit and Remaining both 0)', { 'x-rate-limit-limit': '0', 'x-rate-limit-remaining': '0' }],
  ] as const) {
    it(`a ${label} reset falls back to jittered exponential backoff`, async () => {
      vi.spyOn(Math, 'random').mockReturnValue(0.5);
      nock(ORG)
        .get('/api/v1/sessions/abc')
        .times(2)
        .reply(() => [429, RATE_LIMITED_BODY, { ...rateLimited(Date.now(), 30), ...headers }]);
      nock(ORG).get('/api/v1/sessions/abc').reply(200, RECORDED_SESSION, oktaHeaders());
      const { client, waitForRetry } = recordingClient();
      const call = client.get('abc');
      // Full jitter: random x 500 ms, then random x 1000 ms.
      expect((await waitForRetry(1)).delayMs).toBe(250);
      expect((await waitForRetry(2)).delayMs).toBe(500);
      await expect(call).resolves.toEqual(RECORDED_SESSION);
    });
  }

  it('honours Retry-After if Okta ever sends one', async () => {
    nock(ORG)
      .get('/api/v1/sessions/abc')
      .reply(429, RATE_LIMITED_BODY, rateLimited(START, 50, { 'retry-after': '4' }));
    nock(ORG).get('/api/v1/sessions/abc').reply(200, RECORDED_SESSION, oktaHeaders());
    const { client, waitForRetry } = recordingClient();
    const call = client.get('abc');
    expect((await waitForRetry(1)).delayMs).toBe(4_000);
    await expect(call).resolves.toEqual(RECORDED_SESSION);
  });

  it('create is retried after a 429 with the same body (the request was not processed)', async () => {
    const bodies: unknown[] = [];
    nock(ORG).post('/api/v1/sessions').reply(429, RATE_LIMITED_BODY, rateLimited(START, 1));
    nock(ORG)
      .post('/api/v1/sessions')
      .reply((_uri, body) => {
        bodies.push(body);
        return [200, RECORDED_SESSION, oktaHeaders()];
      });
    const { client, waitForRetry } = recordingClient();
    const call = client.create('token-1');
    await waitForRetry(1);
    await expect(call).resolves.toEqual(RECORDED_SESSION);
    expect(bodies).toEqual([{ sessionToken: 'token-1' }]);
  });

  it('a hook that throws does not fail the call', async () => {
    nock(ORG).get('/api/v1/sessions/abc').reply(429, RATE_LIMITED_BODY, rateLimited(START, 1));
    nock(ORG).get('/api/v1/sessions/abc').reply(200, RECORDED_SESSION, oktaHeaders());
    let called = false;
    const call = newClient({
      onRetry: () => {
        called = true;
        throw new Error('broken metrics');
      },
    }).get('abc');
    await until(() => called);
    await vi.advanceTimersByTimeAsync(2_000);
    await expect(call).resolves.toEqual(RECORDED_SESSION);
  });

  it('a create that is not resent after a 502/503/504 says why, as after a reset', async () => {
    for (const status of [502, 503, 504]) {
      nock(ORG)
        .post('/api/v1/sessions')
        .once()
        .reply(status, { errorCode: 'E0000009', errorSummary: 'Internal Server Error' }, oktaHeaders());
      const error = (await rejectionOf(newClient().create('token-1'))) as Error & { attempts: number };
      expect(error.message).toBe(
        `Okta ${status} E0000009: Internal Server Error; not resent, because its single-use session token may already have reached Okta (POST /api/v1/sessions)`,
      );
      expect(error.attempts).toBe(1);
      expect(nock.isDone()).toBe(true);
    }
  });
});
