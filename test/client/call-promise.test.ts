/** Every method's promise: the value when awaited, and `.withResponse()`; a call's own retry options. Run once per engine. */
import { describe, expect, it } from 'vitest';
import { OktaNotFoundError, OktaRateLimitError, OktaSessions } from '../../src/index.js';
import { startOktaSessionsServer } from '../../src/testing/index.js';
import { rejectionOf } from '../support/okta.js';

const server = await startOktaSessionsServer({ rateLimit: false });
const okta = new OktaSessions({ orgUrl: server.url, apiToken: server.apiToken });
const REQUEST_ID = /^[0-9a-f]{32}$/;

describe('withResponse', () => {
  it('on every method: the value, the request id, status, allowlisted headers, attempts and rate limit', async () => {
    const userId = server.createUser({ login: 'with@example.com' });
    const created = await okta.create(await server.issueSessionToken({ login: 'with@example.com' })).withResponse();
    const id = created.data.id as string;
    const cookie = `sid=${server.issueSession({ login: 'with@example.com' })}`;
    const calls = {
      create: created,
      get: await okta.get(id).withResponse(),
      refresh: await okta.refresh(id).withResponse(),
      getCurrent: await okta.getCurrent({ cookie }).withResponse(),
      refreshCurrent: await okta.refreshCurrent({ cookie }).withResponse(),
      getUser: await okta.getUser(userId).withResponse(),
      revoke: await okta.revoke(id).withResponse(),
      closeCurrent: await okta.closeCurrent({ cookie }).withResponse(),
      clearUserSessions: await okta.clearUserSessions(userId).withResponse(),
    };
    for (const [method, response] of Object.entries(calls)) {
      expect(response.requestId, method).toMatch(REQUEST_ID);
      expect(response.attempts, method).toBe(1);
      expect(response.headers.get('x-okta-request-id'), method).toBe(response.requestId);
      expect(response.headers.has('set-cookie'), method).toBe(false);
      expect(
        ['date', 'x-okta-request-id'].every((name) => response.headers.has(name)),
        method,
      ).toBe(true);
    }
    expect(calls.get).toMatchObject({ status: 200, data: { id, login: 'with@example.com' } });
    expect(calls.getUser).toMatchObject({ status: 200, data: { id: userId } });
    for (const method of ['revoke', 'closeCurrent', 'clearUserSessions'] as const)
      expect(calls[method]).toMatchObject({ status: 204, data: undefined });
  });

  it('gives the rate limit the answer reported, and attempts after a retry', async () => {
    const limited = await startOktaSessionsServer({ rateLimit: { limit: 50, windowMs: 60_000 } });
    try {
      const client = new OktaSessions({ orgUrl: limited.url, apiToken: limited.apiToken, retry: { maxDelayMs: 2_000 } });
      const id = limited.issueSession({ login: 'limited@example.com' });
      limited.inject({ type: 'status', status: 503 }, { operation: 'getSession' });
      const response = await client.get(id).withResponse();
      expect(response.attempts).toBe(2);
      expect(response.rateLimit).toMatchObject({ limit: 50, remaining: 48, resetAt: expect.any(Date) });
    } finally {
      await limited.close();
    }
  });

  it('rejects as the call does, with the typed error (a not-found, a bad argument)', async () => {
    const notFound = await rejectionOf(okta.get('102noSuchSessionAAAAAAAAAA').withResponse());
    expect(notFound).toBeInstanceOf(OktaNotFoundError);
    await expect(okta.get('..').withResponse()).rejects.toThrow(TypeError);
    await expect(okta.get('..')).rejects.toThrow(TypeError);
  });

  it('a call taken with withResponse alone leaves no rejection unhandled; a promise is a thenable with catch and finally', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      await okta
        .get('102noSuchSessionBBBBBBBBBB')
        .withResponse()
        .catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    let finished = false;
    await okta
      .get('102noSuchSessionCCCCCCCCCC')
      .catch((error: unknown) => expect(error).toBeInstanceOf(OktaNotFoundError))
      .finally(() => (finished = true));
    expect(finished).toBe(true);
  });
});

describe('per-call retry', () => {
  it('retry: false makes a 429 fail at once while the client’s default still retries it', async () => {
    const id = server.issueSession({ login: 'per-call@example.com' });
    const rateLimited = {
      type: 'status',
      status: 429,
      headers: { 'x-rate-limit-reset': String(Math.ceil(Date.now() / 1000) + 1) },
    } as const;
    server.inject(rateLimited, { operation: 'getSession' });
    const refused = await rejectionOf(okta.get(id, { retry: false }));
    expect(refused).toBeInstanceOf(OktaRateLimitError);
    expect((refused as OktaRateLimitError).attempts).toBe(1);
    server.inject(rateLimited, { operation: 'getSession' });
    expect((await okta.get(id).withResponse()).attempts).toBe(2);
  }, 15_000);

  it("a call's retry options override the client's one by one, and are checked", async () => {
    const id = server.issueSession({ login: 'per-call-options@example.com' });
    server.inject({ type: 'status', status: 503 }, { operation: 'getSession', times: 2 });
    // The client's maxRetries (2) would cover both 503s; this call allows one retry.
    const failed = await rejectionOf(okta.get(id, { retry: { maxRetries: 1 } }));
    expect(failed).toMatchObject({ status: 503, attempts: 2 });
    await expect(okta.get(id, { retry: { maxRetries: -1 } })).rejects.toThrow('retry.maxRetries must be a whole number >= 0');
    await expect(okta.get(id, { retry: 'no' as never })).rejects.toThrow('retry must be an object of retry options, or false');
  });
});
