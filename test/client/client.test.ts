import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { OktaSessions } from '../../src/index.js';
import { API_TOKEN, newClient, ORG, oktaHeaders, RECORDED_SESSION } from '../support/okta.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.isDone(), `pending mocks: ${nock.pendingMocks().join(', ')}`).toBe(true);
  nock.cleanAll();
});

const COOKIE = 'sid=102l8zwRRO8Q2y3vlkDEVbkig';

describe('token operations', () => {
  it('create POSTs the session token as JSON with the API token and returns the session, unknown fields kept', async () => {
    nock(ORG)
      .post('/api/v1/sessions', { sessionToken: 'single-use-token' })
      .matchHeader('authorization', `SSWS ${API_TOKEN}`)
      .matchHeader('content-type', 'application/json')
      .matchHeader('accept', 'application/json')
      .reply(200, RECORDED_SESSION, oktaHeaders());
    const session = await newClient().create('single-use-token');
    expect(session).toEqual(RECORDED_SESSION);
    expect((session as Record<string, unknown>).mfaActive).toBe(true);
  });

  it('get sends GET /api/v1/sessions/{id} with no body', async () => {
    nock(ORG)
      .get('/api/v1/sessions/102l8zwRRO8Q2y3vlkDEVbkig')
      .matchHeader('authorization', `SSWS ${API_TOKEN}`)
      .matchHeader('content-type', (value) => value === undefined)
      .reply(200, RECORDED_SESSION, oktaHeaders());
    await expect(newClient().get('102l8zwRRO8Q2y3vlkDEVbkig')).resolves.toEqual(RECORDED_SESSION);
  });

  it('refresh POSTs to the lifecycle/refresh path', async () => {
    const refreshed = { ...RECORDED_SESSION, expiresAt: '2025-09-22T09:05:00.000Z' };
    nock(ORG)
      .post('/api/v1/sessions/abc/lifecycle/refresh')
      .matchHeader('authorization', `SSWS ${API_TOKEN}`)
      .reply(200, refreshed, oktaHeaders());
    await expect(newClient().refresh('abc')).resolves.toEqual(refreshed);
  });

  it('revoke DELETEs and resolves to undefined on 204', async () => {
    nock(ORG).delete('/api/v1/sessions/abc').matchHeader('authorization', `SSWS ${API_TOKEN}`).reply(204, '', oktaHeaders());
    await expect(newClient().revoke('abc')).resolves.toBeUndefined();
  });

  it('sends a Bearer access token, calling a token function once per call', async () => {
    let calls = 0;
    const client = new OktaSessions({ orgUrl: ORG, accessToken: async () => `at-${++calls}` });
    nock(ORG).get('/api/v1/sessions/a').matchHeader('authorization', 'Bearer at-1').reply(200, RECORDED_SESSION, oktaHeaders());
    nock(ORG).get('/api/v1/sessions/b').matchHeader('authorization', 'Bearer at-2').reply(200, RECORDED_SESSION, oktaHeaders());
    await client.get('a');
    await client.get('b');
    expect(calls).toBe(2);
  });

  it('a token operation without credentials fails before any request', async () => {
    const client = new OktaSessions({ orgUrl: ORG });
    await expect(client.get('abc')).rejects.toThrow(/getSession needs credentials: create the client with apiToken, accessToken or oauth/);
  });

  it('uses a custom fetch when given one', async () => {
    const seen: string[] = [];
    const client = newClient({
      fetch: async (input, init) => {
        const request = new Request(input, init);
        seen.push(`${request.method} ${request.url}`);
        return new Response(JSON.stringify(RECORDED_SESSION), { status: 200, headers: oktaHeaders() });
      },
    });
    await client.get('abc');
    expect(seen).toEqual([`GET ${ORG}/api/v1/sessions/abc`]);
  });
});

describe('cookie operations (/me)', () => {
  const noAuthorization = (value: string | undefined) => value === undefined;

  it('getCurrent sends the cookie and never the API token', async () => {
    nock(ORG)
      .get('/api/v1/sessions/me')
      .matchHeader('cookie', COOKIE)
      .matchHeader('authorization', noAuthorization)
      .reply(200, RECORDED_SESSION, oktaHeaders());
    await expect(newClient().getCurrent({ cookie: COOKIE })).resolves.toEqual(RECORDED_SESSION);
  });

  it('refreshCurrent POSTs with the cookie only', async () => {
    nock(ORG)
      .post('/api/v1/sessions/me/lifecycle/refresh')
      .matchHeader('cookie', 'idx=abc123')
      .matchHeader('authorization', noAuthorization)
      .reply(200, RECORDED_SESSION, oktaHeaders());
    await expect(newClient().refreshCurrent({ cookie: 'idx=abc123' })).resolves.toEqual(RECORDED_SESSION);
  });

  it('closeCurrent DELETEs with the cookie only and resolves to undefined', async () => {
    nock(ORG).delete('/api/v1/sessions/me').matchHeader('cookie', COOKIE).matchHeader('authorization', noAuthorization).reply(204);
    await expect(newClient({ accessToken: undefined }).closeCurrent({ cookie: COOKIE })).resolves.toBeUndefined();
  });

  it('a client without credentials may call the /me operations', async () => {
    nock(ORG).get('/api/v1/sessions/me').matchHeader('cookie', COOKIE).reply(200, RECORDED_SESSION, oktaHeaders());
    await expect(new OktaSessions({ orgUrl: ORG }).getCurrent({ cookie: COOKIE })).resolves.toEqual(RECORDED_SESSION);
  });

  it('outside a browser a missing or malformed cookie is a usage error, before any request', async () => {
    const client = newClient();
    await expect(client.getCurrent()).rejects.toThrow(/needs the user's session cookie outside a browser/);
    await expect(client.getCurrent({ cookie: 'bare-session-id' })).rejects.toThrow(/"sid=…" or "idx=…"/);
    await expect(client.closeCurrent({ cookie: 'sid=abc\r\nX-Evil: 1' })).rejects.toThrow(/Cookie header value/);
  });

  it('in a browser without a cookie, sends credentials: include', async () => {
    const requests: Request[] = [];
    (globalThis as { document?: unknown }).document = {};
    try {
      const client = new OktaSessions({
        orgUrl: ORG,
        fetch: async (input, init) => {
          requests.push(new Request(input, init));
          return new Response(JSON.stringify(RECORDED_SESSION), { status: 200, headers: oktaHeaders() });
        },
      });
      await client.getCurrent();
    } finally {
      delete (globalThis as { document?: unknown }).document;
    }
    expect(requests[0]?.credentials).toBe('include');
    expect(requests[0]?.headers.get('cookie')).toBeNull();
  });
});

describe('client options', () => {
  it('rejects a missing options object, both credentials at once, and a non-function fetch', () => {
    expect(() => new OktaSessions(undefined as never)).toThrow(/needs an options object/);
    expect(() => new OktaSessions({ orgUrl: ORG, apiToken: 'a-token', accessToken: 'b-token' })).toThrow(
      'Pass one of apiToken, accessToken or oauth, not apiToken and accessToken',
    );
    expect(() => new OktaSessions({ orgUrl: ORG, fetch: 'x' as never })).toThrow(/fetch must be a function/);
  });
});

describe('in a browser (a page or a browser worker)', () => {
  const oauth = {
    clientId: '0oa8f5j3ecb5w3dF35d7',
    privateKey: { kty: 'EC', crv: 'P-256', d: 'private-part', x: 'x', y: 'y' },
    scopes: ['okta.sessions.read'],
  } as const;
  afterEach(() => vi.unstubAllGlobals());

  function inPage() {
    vi.stubGlobal('document', {});
  }
  function inBrowserWorker() {
    vi.stubGlobal(
      'WorkerGlobalScope',
      class WorkerGlobalScope {
        static [Symbol.hasInstance]() {
          return true;
        }
      },
    );
    vi.stubGlobal('importScripts', () => undefined);
  }

  it.each([
    ['a page', inPage],
    ['a browser worker', inBrowserWorker],
  ])(
    'in %s refuses every long-lived secret (an API token, a service app key) unless told otherwise; a user access token is fine',
    (_where, enter) => {
      enter();
      expect(() => new OktaSessions({ orgUrl: ORG, apiToken: API_TOKEN })).toThrow(
        /apiToken in a browser would ship the token to every visitor/,
      );
      expect(() => new OktaSessions({ orgUrl: ORG, oauth })).toThrow(
        /oauth in a browser would ship the service app's private key to every visitor/,
      );
      expect(() => new OktaSessions({ orgUrl: ORG, oauth, dangerouslyAllowBrowser: true })).not.toThrow();
      expect(() => new OktaSessions({ orgUrl: ORG, apiToken: API_TOKEN, dangerouslyAllowBrowser: true })).not.toThrow();
      expect(() => new OktaSessions({ orgUrl: ORG, accessToken: 'user-access-token' })).not.toThrow();
    },
  );

  it('a server-side worker (no importScripts, as Cloudflare Workers, Deno and Node workers) is not a browser', () => {
    vi.stubGlobal(
      'WorkerGlobalScope',
      class WorkerGlobalScope {
        static [Symbol.hasInstance]() {
          return true;
        }
      },
    );
    expect(() => new OktaSessions({ orgUrl: ORG, apiToken: API_TOKEN })).not.toThrow();
  });
});
