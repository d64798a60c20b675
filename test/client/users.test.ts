/** Logging a user out everywhere: getUser and clearUserSessions against the embedded server, as a responder uses them. */
import { describe, expect, it } from 'vitest';
import { OktaNotFoundError, OktaSessions } from '../../src/index.js';
import { rejectionOf } from '../support/okta.js';
import { startValidatedServer } from '../support/server.js';

const records: { operationId: string | undefined; query: Record<string, string> }[] = [];
const server = await startValidatedServer({ rateLimit: false, onResponse: (record) => records.push(record) });
const okta = new OktaSessions({ orgUrl: server.url, apiToken: server.apiToken });

function sessionsOf(login: string, count: number): string[] {
  return Array.from({ length: count }, () => server.issueSession({ login }));
}

async function alive(sessionId: string): Promise<boolean> {
  return okta.get(sessionId).then(
    () => true,
    (error: unknown) => (error instanceof OktaNotFoundError ? false : Promise.reject(error)),
  );
}

describe('users and their sessions', () => {
  it('clears a user by id: their three sessions end, the other user’s stays', async () => {
    const ada = sessionsOf('ada@example.com', 3);
    const [grace] = sessionsOf('grace@example.com', 1) as [string];
    const user = await okta.getUser('ada@example.com');
    expect(user).toMatchObject({ status: 'ACTIVE', profile: { login: 'ada@example.com' } });
    expect(user.id).toMatch(/^00u[A-Za-z0-9]{17}$/);
    await okta.clearUserSessions(user.id as string);
    expect(await Promise.all(ada.map(alive))).toEqual([false, false, false]);
    expect(await alive(grace)).toBe(true);
    expect(server.sessionClears.at(-1)).toEqual({
      requestId: expect.any(String),
      userId: user.id,
      oauthTokens: undefined,
      forgetDevices: undefined,
      ended: 3,
    });
  });

  it('finds a user by id, login (any case) or login shortname; an unknown one is OktaNotFoundError', async () => {
    const id = server.createUser({ login: 'linus@example.com', status: 'SUSPENDED' });
    for (const key of [id, 'linus@example.com', 'LINUS@example.com', 'linus']) {
      expect(await okta.getUser(key)).toMatchObject({ id, status: 'SUSPENDED' });
    }
    const error = (await rejectionOf(okta.getUser('nobody@example.com'))) as OktaNotFoundError;
    expect(error).toBeInstanceOf(OktaNotFoundError);
    expect(error).toMatchObject({ errorCode: 'E0000007', operationId: 'getUser', path: '/api/v1/users/{id}' });
    await expect(okta.clearUserSessions('00uNoSuchUser0000000')).rejects.toBeInstanceOf(OktaNotFoundError);
  });

  it('sends oauthTokens and forgetDevices only when given, as Okta expects them', async () => {
    const id = server.createUser({ login: 'query@example.com' });
    const sent = () => records.filter((record) => record.operationId === 'revokeUserSessions').at(-1)?.query;
    await okta.clearUserSessions(id);
    expect(sent()).toEqual({});
    await okta.clearUserSessions(id, { oauthTokens: true });
    expect(sent()).toEqual({ oauthTokens: 'true' });
    await okta.clearUserSessions(id, { oauthTokens: false, forgetDevices: true });
    expect(sent()).toEqual({ oauthTokens: 'false', forgetDevices: 'true' });
    expect(server.sessionClears.slice(-1)).toEqual([
      { requestId: expect.any(String), userId: id, oauthTokens: 'false', forgetDevices: 'true', ended: 0 },
    ]);
  });

  it('refuses before sending: a bad id, "me", a login with "/", a parameter that is not a boolean', async () => {
    const before = server.requestCounts.revokeUserSessions ?? 0;
    for (const [call, message] of [
      [() => okta.clearUserSessions(''), /userId must be a non-empty string/],
      [() => okta.clearUserSessions('..'), /not a user id or login/],
      [() => okta.clearUserSessions('me'), /would name the API token's own admin/],
      [() => okta.getUser('ops/team@example.com'), /Okta looks up such a login by id only/],
      [() => okta.clearUserSessions('00uq9rgxol2uZABHN1d7', { oauthTokens: 'yes' as never }), /oauthTokens must be true or false/],
    ] as const) {
      await expect(call()).rejects.toThrow(message);
    }
    expect(server.requestCounts.revokeUserSessions ?? 0).toBe(before);
  });

  it('path-escapes a login as one segment', async () => {
    const id = server.createUser({ login: 'a+b?c#d@example.com' });
    expect((await okta.getUser('a+b?c#d@example.com')).id).toBe(id);
  });

  it('withResponse gives the request id, status, attempts and rate limit of a clear and a lookup', async () => {
    const id = server.createUser({ login: 'with-response@example.com' });
    const cleared = await okta.clearUserSessions(id).withResponse();
    expect(cleared).toMatchObject({ data: undefined, status: 204, attempts: 1, requestId: expect.stringMatching(/^[0-9a-f]{32}$/) });
    const found = await okta.getUser(id).withResponse();
    expect(found).toMatchObject({ status: 200, attempts: 1, data: { id } });
    expect(found.headers.get('x-okta-request-id')).toBe(found.requestId);
  });

  it('an OAuth client without okta.users.manage is refused before sending; with okta.users.read it may look up', async () => {
    const reader = new OktaSessions({ orgUrl: server.url, accessToken: server.issueAccessToken(['okta.users.read']) });
    const id = server.createUser({ login: 'scoped@example.com' });
    expect((await reader.getUser(id)).id).toBe(id);
    // A ready-made access token's scopes are not known to the client: Okta says no.
    await expect(reader.clearUserSessions(id)).rejects.toMatchObject({ status: 403, errorCode: 'E0000006' });
    const { generateKeyPairSync } = await import('node:crypto');
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const { clientId } = server.registerServiceApp({ publicKey: publicKey.export({ format: 'jwk' }), scopes: ['okta.users.read'] });
    const app = new OktaSessions({
      orgUrl: server.url,
      oauth: { clientId, privateKey: privateKey.export({ format: 'jwk' }) as never, scopes: ['okta.users.read'] },
    });
    const tokenRequests = server.tokenRequests;
    await expect(app.clearUserSessions(id)).rejects.toThrow('clearUserSessions() needs the scope okta.users.manage');
    expect(server.tokenRequests).toBe(tokenRequests);
    expect((await app.getUser(id)).id).toBe(id);
  });
});
