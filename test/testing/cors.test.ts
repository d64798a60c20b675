import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OktaSessionsServer, startOktaSessionsServer } from '../../src/testing/index.js';

const APP = 'http://localhost:5173';

describe('embedded server: CORS for the /me operations, as Okta does it for Trusted Origins', () => {
  let server: OktaSessionsServer;
  beforeAll(async () => {
    server = await startOktaSessionsServer({ cors: { trustedOrigins: [APP] } });
  });
  afterAll(() => server.close());

  const preflight = (path: string, origin: string, method: string, headers?: string) =>
    fetch(`${server.url}${path}`, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': method,
        ...(headers ? { 'Access-Control-Request-Headers': headers } : {}),
      },
    });

  it('answers a trusted origin’s preflight: the origin echoed, credentials allowed, the path’s methods, the asked headers', async () => {
    const response = await preflight('/api/v1/sessions/me', APP, 'DELETE', 'Accept, X-Okta-User-Agent-Extended');
    expect(response.status).toBe(204);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'access-control-allow-origin': APP,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'DELETE, GET',
      'access-control-allow-headers': 'accept, x-okta-user-agent-extended',
      vary: 'Origin',
    });
    const refresh = await preflight('/api/v1/sessions/me/lifecycle/refresh', APP, 'POST');
    expect(refresh.headers.get('access-control-allow-methods')).toBe('POST');
  });

  it('gives no CORS headers to an untrusted origin, to the admin operations, or for a header it does not allow', async () => {
    for (const response of [
      await preflight('/api/v1/sessions/me', 'http://evil.example', 'GET'),
      await preflight('/api/v1/sessions/me', `${APP}/`, 'GET'),
      await preflight('/api/v1/sessions/102abc', APP, 'DELETE'),
      await preflight('/api/v1/sessions/me', APP, 'GET', 'Authorization'),
    ]) {
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  it('getUser is reachable from a browser as the spec marks it (isCorsEnabled): GET /api/v1/users/me with the session cookie and no Authorization is the session’s user', async () => {
    // The spec's getUser: "a browser with an active session can fetch the current user without an Authorization header".
    const preflightAnswer = await preflight('/api/v1/users/me', APP, 'GET');
    expect(preflightAnswer.status).toBe(204);
    expect(preflightAnswer.headers.get('access-control-allow-origin')).toBe(APP);
    expect(preflightAnswer.headers.get('access-control-allow-credentials')).toBe('true');
    const id = server.issueSession({ login: 'cors-user@example.com' });
    const me = await fetch(`${server.url}/api/v1/users/me`, { headers: { Origin: APP, Cookie: `sid=${id}` } });
    expect(me.status).toBe(200);
    expect(me.headers.get('access-control-allow-origin')).toBe(APP);
    expect(((await me.json()) as { profile: { login: string } }).profile.login).toBe('cors-user@example.com');
    // Without a session it is Okta's 403 E0000005 "Invalid session".
    const without = await fetch(`${server.url}/api/v1/users/me`, { headers: { Origin: APP } });
    expect(without.status).toBe(403);
    expect(await without.json()).toMatchObject({ errorCode: 'E0000005', errorSummary: 'Invalid session' });
  });

  it('adds CORS headers (and exposes the rate-limit headers) to /me answers, but not to errors, as Okta', async () => {
    const id = server.issueSession({ login: 'ada@example.com' });
    const ok = await fetch(`${server.url}/api/v1/sessions/me`, { headers: { Origin: APP, Cookie: `sid=${id}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(APP);
    expect(ok.headers.get('access-control-expose-headers')).toContain('X-Rate-Limit-Remaining');
    const missing = await fetch(`${server.url}/api/v1/sessions/me`, { headers: { Origin: APP, Cookie: 'sid=102unknown' } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('access-control-allow-origin')).toBeNull();
    const admin = await fetch(`${server.url}/api/v1/sessions/${id}`, {
      headers: { Origin: APP, Authorization: `SSWS ${server.apiToken}` },
    });
    expect(admin.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('errorResponses: true puts CORS headers on errors too', async () => {
    const lenient = await startOktaSessionsServer({ cors: { trustedOrigins: [APP], errorResponses: true } });
    try {
      const missing = await fetch(`${lenient.url}/api/v1/sessions/me`, { headers: { Origin: APP } });
      expect(missing.status).toBe(404);
      expect(missing.headers.get('access-control-allow-origin')).toBe(APP);
    } finally {
      await lenient.close();
    }
  });
});

describe('embedded server: /login/sessionCookieRedirect', () => {
  let server: OktaSessionsServer;
  beforeAll(async () => {
    server = await startOktaSessionsServer({ cors: { trustedOrigins: [APP] } });
  });
  afterAll(() => server.close());

  const redirect = (token: string, redirectUrl: string) =>
    fetch(`${server.url}/login/sessionCookieRedirect?token=${encodeURIComponent(token)}&redirectUrl=${encodeURIComponent(redirectUrl)}`, {
      redirect: 'manual',
    });

  it('redeems the session token once, sets an HttpOnly session cookie and redirects to the trusted app', async () => {
    const token = await server.issueSessionToken({ login: 'ada@example.com' });
    const response = await redirect(token, `${APP}/signed-in?x=1`);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${APP}/signed-in?x=1`);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^sid=102\w+; Path=\/; HttpOnly; SameSite=Lax$/);
    const me = await fetch(`${server.url}/api/v1/sessions/me`, { headers: { Cookie: cookie.split(';')[0] as string } });
    expect(await me.json()).toMatchObject({ login: 'ada@example.com', status: 'ACTIVE' });
    // closeCurrent clears it.
    const closed = await fetch(`${server.url}/api/v1/sessions/me`, {
      method: 'DELETE',
      headers: { Cookie: cookie.split(';')[0] as string },
    });
    expect(closed.headers.get('set-cookie')).toContain('Expires=Thu, 01 Jan 1970');
    // Single use.
    expect((await redirect(token, APP)).status).toBe(403);
  });

  it('never redirects to an origin that is not trusted, and refuses an unknown token', async () => {
    const token = await server.issueSessionToken({ login: 'ada@example.com' });
    const elsewhere = await redirect(token, 'https://evil.example/steal');
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.headers.get('location')).toBeNull();
    expect(await elsewhere.json()).toMatchObject({
      errorCode: 'E0000001',
      errorCauses: [{ errorSummary: 'redirectUrl: The redirect URL is not a Trusted Origin.' }],
    });
    expect((await redirect('not-a-token', APP)).status).toBe(403);
  });
});

describe('embedded server: cors options', () => {
  it('says how to write a trusted origin', async () => {
    await expect(startOktaSessionsServer({ cors: { trustedOrigins: ['http://localhost:5173/'] } })).rejects.toThrow(
      /is not an exact origin; write it as scheme:\/\/host\[:port\]/,
    );
    await expect(startOktaSessionsServer({ cors: { trustedOrigins: 'http://localhost:5173' as never } })).rejects.toThrow(
      /must be an array of origins/,
    );
  });
});
