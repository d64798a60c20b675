import { describe, expect, it } from 'vitest';
import { newClient, oktaHeaders, RECORDED_SESSION } from '../support/okta.js';

describe('session ids', () => {
  it.each([
    ['', /non-empty/],
    ['   ', /non-empty/],
    ['.', /not a session id/],
    ['..', /not a session id/],
    ['me', /use getCurrent/],
    ['ME', /use getCurrent/],
  ])('rejects %j before any request', async (sessionId, message) => {
    const client = newClient();
    await expect(client.get(sessionId)).rejects.toThrow(message);
    await expect(client.refresh(sessionId)).rejects.toThrow(message);
    await expect(client.revoke(sessionId)).rejects.toThrow(message);
  });

  it('rejects a non-string id and an empty session token', async () => {
    await expect(newClient().get(42 as never)).rejects.toThrow(/non-empty string/);
    await expect(newClient().create('')).rejects.toThrow(/sessionToken must be a non-empty string/);
  });

  it.each([
    ['../users/00u1', '/api/v1/sessions/..%2Fusers%2F00u1'],
    ['%2e%2e', '/api/v1/sessions/%252e%252e'],
    ['a/b?c#d', '/api/v1/sessions/a%2Fb%3Fc%23d'],
    ['..%2f', '/api/v1/sessions/..%252f'],
    ['me/lifecycle', '/api/v1/sessions/me%2Flifecycle'],
    ['id with space', '/api/v1/sessions/id%20with%20space'],
  ])('encodes %j as one path segment', async (sessionId, path) => {
    const seen: string[] = [];
    const client = newClient({
      fetch: async (input, init) => {
        seen.push(new URL(new Request(input, init).url).pathname);
        return new Response(JSON.stringify(RECORDED_SESSION), { status: 200, headers: oktaHeaders() });
      },
    });
    await client.get(sessionId);
    await client.refresh(sessionId);
    expect(seen).toEqual([path, `${path}/lifecycle/refresh`]);
  });
});
