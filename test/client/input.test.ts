import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OktaSessions } from '../../src/index.js';
import { newClient, ORG, oktaHeaders, RECORDED_SESSION } from '../helpers.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('orgUrl', () => {
  it.each([
    ['https://acme.okta.com', 'https://acme.okta.com'],
    ['https://acme.okta.com/', 'https://acme.okta.com'],
    ['http://localhost:8080', 'http://localhost:8080'],
    ['http://127.0.0.1:3000', 'http://127.0.0.1:3000'],
    ['http://[::1]:3000', 'http://[::1]:3000'],
  ])('accepts %s', (orgUrl) => {
    expect(() => new OktaSessions({ orgUrl })).not.toThrow();
  });

  it.each([
    ['acme.okta.com', /absolute URL/],
    ['http://acme.okta.com', /must use https/],
    ['ftp://acme.okta.com', /must use https/],
    ['http://localhost.evil.com', /must use https/],
    ['https://user:pass@acme.okta.com', /must not contain credentials/],
    ['https://acme.okta.com/api/v1', /origin only.*"https:\/\/acme.okta.com"/],
    ['https://acme.okta.com?x=1', /origin only/],
    ['https://acme.okta.com/#frag', /origin only/],
  ])('rejects %s with a clear message', (orgUrl, message) => {
    expect(() => new OktaSessions({ orgUrl })).toThrow(message);
  });

  it('rejects a missing options object, both credentials at once, and a non-function fetch', () => {
    expect(() => new OktaSessions(undefined as never)).toThrow(/needs an options object/);
    expect(() => new OktaSessions({ orgUrl: ORG, apiToken: 'a-token', accessToken: 'b-token' })).toThrow('Pass one of apiToken, accessToken or oauth, not apiToken and accessToken');
    expect(() => new OktaSessions({ orgUrl: ORG, fetch: 'x' as never })).toThrow(/fetch must be a function/);
  });
});

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
