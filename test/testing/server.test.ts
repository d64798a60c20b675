import { describe, expect, it } from 'vitest';
import { OktaAuthenticationError, OktaForbiddenError, OktaNotFoundError, OktaRateLimitError, OktaSessions } from '../../src/index.js';
import { startOktaSessionsServer } from '../../src/testing/index.js';
import { rejectionOf } from '../support/okta.js';
import { startValidatedServer, validatedResponses } from '../support/server.js';

const server = await startValidatedServer({ rateLimit: false });
const okta = new OktaSessions({ orgUrl: server.url, apiToken: server.apiToken, retry: false });

async function newSession(login = 'ada@example.com') {
  return okta.create(await server.issueSessionToken({ login }));
}

describe('sessions', () => {
  it('create returns a session with every field Okta sends, lasting 2 hours', async () => {
    const session = await newSession();
    expect(session.id).toMatch(/^102[A-Za-z0-9]{22}$/);
    expect(session.userId).toMatch(/^00u[A-Za-z0-9]{17}$/);
    expect(session).toMatchObject({ login: 'ada@example.com', status: 'ACTIVE', amr: ['pwd'], idp: { type: 'OKTA' } });
    expect(Date.parse(session.expiresAt!) - Date.parse(session.createdAt!)).toBe(2 * 60 * 60_000);
    expect(session.lastPasswordVerification).toBe(session.createdAt);
    expect((session as Record<string, unknown>).mfaActive).toBe(false);
    expect(session._links?.self?.href).toBe(`${server.url}/api/v1/sessions/me`);
  });

  it('the same login keeps its userId across sessions', async () => {
    const [a, b] = [await newSession('grace@example.com'), await newSession('grace@example.com')];
    expect(a.userId).toBe(b.userId);
    expect(a.id).not.toBe(b.id);
  });

  it('get returns the session; refresh moves expiresAt forward', async () => {
    const session = await newSession();
    expect((await okta.get(session.id!)).id).toBe(session.id);
    await new Promise((resolve) => setTimeout(resolve, 1_050));
    const refreshed = await okta.refresh(session.id!);
    expect(Date.parse(refreshed.expiresAt!)).toBeGreaterThan(Date.parse(session.expiresAt!));
  });

  it('revoke makes the session gone: 404 E0000007 naming the id, as Okta does (the client shortens it)', async () => {
    const session = await newSession();
    await okta.revoke(session.id!);
    const raw = await fetch(`${server.url}/api/v1/sessions/${session.id}`, { headers: { authorization: `SSWS ${server.apiToken}` } });
    expect(raw.status).toBe(404);
    expect(((await raw.json()) as { errorSummary: string }).errorSummary).toBe(`Not found: Resource not found: ${session.id} (AppSession)`);
    const error = (await rejectionOf(okta.get(session.id!))) as OktaNotFoundError;
    expect(error).toBeInstanceOf(OktaNotFoundError);
    expect(error.errorCode).toBe('E0000007');
    expect(error.errorSummary).toBe(`Not found: Resource not found: ${session.id!.slice(0, 6)}... (AppSession)`);
    await expect(okta.revoke(session.id!)).rejects.toBeInstanceOf(OktaNotFoundError);
    await expect(okta.refresh(session.id!)).rejects.toBeInstanceOf(OktaNotFoundError);
  });

  it('sessions expire after sessionLifetimeMs', async () => {
    const shortLived = await startOktaSessionsServer({ sessionLifetimeMs: 50 });
    try {
      const client = new OktaSessions({ orgUrl: shortLived.url, apiToken: shortLived.apiToken });
      const session = await client.create(await shortLived.issueSessionToken({ login: 'x@example.com' }));
      await new Promise((resolve) => setTimeout(resolve, 80));
      await expect(client.get(session.id!)).rejects.toBeInstanceOf(OktaNotFoundError);
    } finally {
      await shortLived.close();
    }
  });
});

describe('session tokens', () => {
  it('are single-use: a second create with the same token is 401 E0000004', async () => {
    const token = await server.issueSessionToken({ login: 'ada@example.com' });
    await okta.create(token);
    const error = (await rejectionOf(okta.create(token))) as OktaAuthenticationError;
    expect(error).toBeInstanceOf(OktaAuthenticationError);
    expect(error.errorCode).toBe('E0000004');
    expect(error.errorSummary).toBe('Authentication failed');
  });

  it('unknown or expired tokens are 401 E0000004', async () => {
    await expect(okta.create('not-a-token')).rejects.toMatchObject({ status: 401, errorCode: 'E0000004' });
    const quick = await startOktaSessionsServer({ sessionTokenLifetimeMs: 30 });
    try {
      const token = await quick.issueSessionToken({ login: 'a@example.com' });
      await new Promise((resolve) => setTimeout(resolve, 60));
      const client = new OktaSessions({ orgUrl: quick.url, apiToken: quick.apiToken });
      await expect(client.create(token)).rejects.toMatchObject({ status: 401, errorCode: 'E0000004' });
    } finally {
      await quick.close();
    }
  });

  it('create with a missing or malformed body is 400 E0000003', async () => {
    for (const body of [undefined, '{not json']) {
      const response = await fetch(`${server.url}/api/v1/sessions`, {
        method: 'POST',
        headers: { authorization: `SSWS ${server.apiToken}`, 'content-type': 'application/json' },
        body,
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ errorCode: 'E0000003', errorSummary: 'The request body was not well-formed.' });
    }
  });

  it('/api/v1/authn hands out session tokens for integration tests', async () => {
    const response = await fetch(`${server.url}/api/v1/authn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'lin@example.com', password: 'secret' }),
    });
    const { status, sessionToken } = (await response.json()) as { status: string; sessionToken: string };
    expect(status).toBe('SUCCESS');
    expect((await okta.create(sessionToken)).login).toBe('lin@example.com');
  });
});

describe('authorization', () => {
  it('a wrong API token is 401 E0000011', async () => {
    const wrong = new OktaSessions({ orgUrl: server.url, apiToken: 'wrong-token-value' });
    await expect(wrong.get('102x')).rejects.toMatchObject({ status: 401, errorCode: 'E0000011', errorSummary: 'Invalid token provided' });
  });

  it('Bearer tokens need okta.sessions.read for get and okta.sessions.manage for refresh and revoke (403 E0000006)', async () => {
    const session = await newSession();
    const reader = new OktaSessions({ orgUrl: server.url, accessToken: server.issueAccessToken(['okta.sessions.read']) });
    const manager = new OktaSessions({ orgUrl: server.url, accessToken: server.issueAccessToken(['okta.sessions.manage']) });
    expect((await reader.get(session.id!)).id).toBe(session.id);
    await expect(reader.refresh(session.id!)).rejects.toBeInstanceOf(OktaForbiddenError);
    await expect(reader.revoke(session.id!)).rejects.toMatchObject({ status: 403, errorCode: 'E0000006' });
    await expect(manager.get(session.id!)).rejects.toBeInstanceOf(OktaForbiddenError);
    await manager.revoke(session.id!);
  });

  it('a request without Authorization is 403 E0000005', async () => {
    const response = await fetch(`${server.url}/api/v1/sessions/abc`);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ errorCode: 'E0000005' });
  });
});

describe('/me with the sid cookie', () => {
  it('get, refresh and close work by cookie and ignore Authorization', async () => {
    const session = await newSession('me@example.com');
    const cookie = `sid=${session.id}`;
    const response = await fetch(`${server.url}/api/v1/sessions/me`, { headers: { cookie, authorization: 'SSWS wrong' } });
    expect(response.status).toBe(200);
    const anonymous = new OktaSessions({ orgUrl: server.url });
    expect((await anonymous.getCurrent({ cookie })).id).toBe(session.id);
    expect((await anonymous.refreshCurrent({ cookie: `idx=${session.id}` })).id).toBe(session.id);
    await anonymous.closeCurrent({ cookie });
    await expect(anonymous.getCurrent({ cookie })).rejects.toBeInstanceOf(OktaNotFoundError);
    await expect(okta.get(session.id!)).rejects.toBeInstanceOf(OktaNotFoundError);
  });

  it('an unknown cookie is 404', async () => {
    await expect(okta.getCurrent({ cookie: 'sid=nothing' })).rejects.toMatchObject({ status: 404, errorCode: 'E0000007' });
  });
});

describe('headers', () => {
  it('every response carries a 32-hex request id, Date and rate-limit headers', async () => {
    const limited = await startOktaSessionsServer({ rateLimit: { limit: 5, windowMs: 60_000 } });
    try {
      for (const path of ['/api/v1/sessions/abc', '/api/v1/sessions/me']) {
        const response = await fetch(`${limited.url}${path}`, { headers: { authorization: `SSWS ${limited.apiToken}` } });
        expect(response.headers.get('x-okta-request-id')).toMatch(/^[0-9a-f]{32}$/);
        expect(Date.parse(response.headers.get('date') ?? '')).not.toBeNaN();
        expect(response.headers.get('x-rate-limit-limit')).toBe('5');
        expect(response.headers.get('x-rate-limit-remaining')).toBe('4');
        expect(Number(response.headers.get('x-rate-limit-reset'))).toBeGreaterThan(Date.now() / 1000);
      }
    } finally {
      await limited.close();
    }
  });

  it('an unsupported method is 405 E0000022 without request id or rate-limit headers, as Okta answers', async () => {
    const response = await fetch(`${server.url}/api/v1/sessions/abc`, {
      method: 'PUT',
      headers: { authorization: `SSWS ${server.apiToken}` },
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('x-okta-request-id')).toBeNull();
    expect(response.headers.get('x-rate-limit-limit')).toBeNull();
    expect(await response.json()).toMatchObject({ errorCode: 'E0000022' });
  });
});

describe('rate limits', () => {
  it('admin operations share one counter, /me has its own; past the limit 429 E0000047 with Remaining 0 and no Retry-After', async () => {
    const limited = await startOktaSessionsServer({ rateLimit: { limit: 4, windowMs: 60_000 } });
    try {
      const client = new OktaSessions({ orgUrl: limited.url, apiToken: limited.apiToken, retry: false });
      const remaining: (string | null)[] = [];
      const session = await client.create(await limited.issueSessionToken({ login: 'a@example.com' }));
      for (const call of [
        () => client.get(session.id!),
        () => client.refresh(session.id!),
        () => client.getCurrent({ cookie: `sid=${session.id}` }),
      ]) {
        await call();
      }
      const probe = await fetch(`${limited.url}/api/v1/sessions/${session.id}`, { headers: { authorization: `SSWS ${limited.apiToken}` } });
      remaining.push(probe.headers.get('x-rate-limit-remaining'));
      const error = (await rejectionOf(client.get(session.id!))) as OktaRateLimitError;
      expect(remaining).toEqual(['0']);
      expect(error).toBeInstanceOf(OktaRateLimitError);
      expect(error.errorCode).toBe('E0000047');
      expect(error.errorSummary).toBe('API call exceeded rate limit due to too many requests.');
      expect(error.rateLimit).toMatchObject({ limit: 4, remaining: 0 });
      expect(error.headers.get('retry-after')).toBeNull();
      // The /me bucket is separate: one used of four.
      const me = await fetch(`${limited.url}/api/v1/sessions/me`, { headers: { cookie: `sid=${session.id}` } });
      expect(me.headers.get('x-rate-limit-remaining')).toBe('2');
    } finally {
      await limited.close();
    }
  });

  it('a window starts with the first request, not on the minute', async () => {
    const limited = await startOktaSessionsServer({ rateLimit: { limit: 2, windowMs: 1_500 } });
    try {
      const get = () => fetch(`${limited.url}/api/v1/sessions/x`, { headers: { authorization: `SSWS ${limited.apiToken}` } });
      const first = await get();
      const reset = Number(first.headers.get('x-rate-limit-reset'));
      expect(reset * 1000 - Date.now()).toBeLessThanOrEqual(2_600);
      await get();
      expect((await get()).status).toBe(429);
      await new Promise((resolve) => setTimeout(resolve, 1_600));
      const next = await get();
      expect(next.status).toBe(404);
      expect(next.headers.get('x-rate-limit-remaining')).toBe('1');
    } finally {
      await limited.close();
    }
  });

  it('the optional concurrency limit answers 429 with Limit and Remaining both 0', async () => {
    const limited = await startOktaSessionsServer({ concurrencyLimit: 1 });
    try {
      limited.inject({ type: 'latency', ms: 200 }, { times: 1 });
      const get = () => fetch(`${limited.url}/api/v1/sessions/x`, { headers: { authorization: `SSWS ${limited.apiToken}` } });
      const [slow, rejected] = await Promise.all([get(), new Promise((resolve) => setTimeout(resolve, 50)).then(get)]);
      expect(slow.status).toBe(404);
      expect(rejected.status).toBe(429);
      expect(rejected.headers.get('x-rate-limit-limit')).toBe('0');
      expect(rejected.headers.get('x-rate-limit-remaining')).toBe('0');
    } finally {
      await limited.close();
    }
  });
});

describe('fault injection', () => {
  const get = (headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/v1/sessions/abc`, { headers: { authorization: `SSWS ${server.apiToken}`, ...headers } });

  it('returns a status N times, then behaves again', async () => {
    server.inject({ type: 'status', status: 503 }, { operation: 'getSession', times: 2 });
    expect((await get()).status).toBe(503);
    expect((await get()).status).toBe(503);
    expect((await get()).status).toBe(404);
  });

  it('faults for one operation leave the others alone', async () => {
    server.inject({ type: 'status', status: 500 }, { operation: 'revokeSession' });
    expect((await get()).status).toBe(404);
    server.clearFaults();
  });

  it('sends HTML error bodies and truncated JSON', async () => {
    server.inject({ type: 'status', status: 502, body: '<html>Bad Gateway</html>', contentType: 'text/html' });
    const html = await get();
    expect(html.headers.get('content-type')).toBe('text/html');
    expect(await html.text()).toContain('<html>');
    const session = await newSession();
    server.inject({ type: 'truncated-json' });
    const truncated = await fetch(`${server.url}/api/v1/sessions/${session.id}`, { headers: { authorization: `SSWS ${server.apiToken}` } });
    expect(truncated.status).toBe(200);
    await expect(truncated.json()).rejects.toThrow(SyntaxError);
  });

  it('resets the connection before the body, after it, or mid-response', async () => {
    server.inject({ type: 'reset', when: 'before-body' });
    await expect(get()).rejects.toThrow(/fetch failed/);
    const session = await newSession();
    server.inject({ type: 'reset', when: 'after-body' }, { operation: 'revokeSession' });
    await expect(okta.revoke(session.id!)).rejects.toMatchObject({ name: 'OktaConnectionError' });
    // The request was processed before the connection dropped.
    await expect(okta.get(session.id!)).rejects.toBeInstanceOf(OktaNotFoundError);
    const other = await newSession();
    server.inject({ type: 'reset', when: 'mid-response' });
    const response = await fetch(`${server.url}/api/v1/sessions/${other.id}`, { headers: { authorization: `SSWS ${server.apiToken}` } });
    await expect(response.text()).rejects.toThrow();
  });

  it('duplicates the reset header and skews the clock', async () => {
    const limited = await startOktaSessionsServer();
    try {
      limited.inject({ type: 'duplicate-reset-header' });
      const dup = await fetch(`${limited.url}/api/v1/sessions/x`, { headers: { authorization: `SSWS ${limited.apiToken}` } });
      expect(dup.headers.get('x-rate-limit-reset')).toMatch(/^\d+, \d+$/);
      limited.inject({ type: 'skew-clock', ms: 600_000 });
      const skewed = await fetch(`${limited.url}/api/v1/sessions/x`, { headers: { authorization: `SSWS ${limited.apiToken}` } });
      expect(Date.parse(skewed.headers.get('date')!) - Date.now()).toBeGreaterThan(590_000);
      expect(Number(skewed.headers.get('x-rate-limit-reset')) * 1000 - Date.parse(skewed.headers.get('date')!)).toBeLessThanOrEqual(61_000);
    } finally {
      await limited.close();
    }
  });

  it('adds latency, redirects, hangs, and drops Okta headers', async () => {
    server.inject({ type: 'latency', ms: 150 });
    const started = Date.now();
    await get();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    server.inject({ type: 'redirect', location: 'https://elsewhere.example/' });
    const redirect = await fetch(`${server.url}/api/v1/sessions/abc`, {
      headers: { authorization: `SSWS ${server.apiToken}` },
      redirect: 'manual',
    });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('https://elsewhere.example/');
    server.inject({ type: 'bare-headers' });
    expect((await get()).headers.get('x-okta-request-id')).toBeNull();
    server.inject({ type: 'hang' });
    await expect(fetch(`${server.url}/api/v1/sessions/abc`, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
  });
});

describe('response validation', () => {
  it('has validated the responses of this file against the spec so far', () => {
    expect(validatedResponses.count).toBeGreaterThan(20);
    expect(validatedResponses.failures).toEqual([]);
  });

  it('rejects a non-loopback host', async () => {
    await expect(startOktaSessionsServer({ host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });
});
