import { describe, expect, it } from 'vitest';
import { type Fault, FaultQueue, faultStages } from '../../src/testing/faults.js';
import {
  answerOperation,
  answerPrimaryAuthentication,
  type IssuedAccessToken,
  type OktaState,
  type OperationRequest,
} from '../../src/testing/handlers.js';
import { routeOf } from '../../src/testing/router.js';
import { SessionStore } from '../../src/testing/session-store.js';
import { SystemLog } from '../../src/testing/system-log.js';
import { UserStore } from '../../src/testing/user-store.js';

const NOW = Date.parse('2026-05-01T10:00:00Z');
const API_TOKEN = '00serverTestToken';

function oktaState(): OktaState & { accessTokens: Map<string, IssuedAccessToken> } {
  const users = new UserStore();
  return {
    users,
    clears: [],
    store: new SessionStore(users, { sessionLifetimeMs: 7_200_000, sessionTokenLifetimeMs: 300_000, engine: 'classic' }),
    apiToken: API_TOKEN,
    accessTokens: new Map(),
    sessionTokenLifetimeMs: 300_000,
    log: new SystemLog(0),
    admin: { id: '00uadmin', login: 'admin@example.com' },
  };
}

const request = (parts: Partial<OperationRequest>): OperationRequest => ({
  pathParam: undefined,
  query: new URLSearchParams(),
  body: '',
  cookie: undefined,
  authorization: `SSWS ${API_TOKEN}`,
  baseUrl: 'http://127.0.0.1:9',
  requestId: 'test-request',
  client: { ipAddress: '127.0.0.1', userAgent: 'test' },
  ...parts,
});

function createdSession(state: OktaState): string {
  const token = state.store.issueSessionToken('user@example.com', NOW);
  const answer = answerOperation('createSession', request({ body: JSON.stringify({ sessionToken: token }) }), state, NOW);
  expect(answer.status).toBe(200);
  return (answer.body as { id: string }).id;
}

describe('handlers (no sockets)', () => {
  it('create redeems a session token once; a second use is 401 E0000004', () => {
    const state = oktaState();
    const token = state.store.issueSessionToken('user@example.com', NOW);
    const body = JSON.stringify({ sessionToken: token });
    expect(answerOperation('createSession', request({ body }), state, NOW)).toMatchObject({
      status: 200,
      body: { login: 'user@example.com', status: 'ACTIVE' },
    });
    expect(answerOperation('createSession', request({ body }), state, NOW)).toMatchObject({ status: 401, body: { errorCode: 'E0000004' } });
  });

  it('create validates its body: not JSON is E0000003, a blank token E0000001 with a cause', () => {
    const state = oktaState();
    expect(answerOperation('createSession', request({ body: '{' }), state, NOW)).toMatchObject({
      status: 400,
      body: { errorCode: 'E0000003' },
    });
    expect(answerOperation('createSession', request({ body: '{"sessionToken":""}' }), state, NOW)).toMatchObject({
      status: 400,
      body: { errorCode: 'E0000001', errorCauses: [{ errorSummary: 'sessionToken: The field cannot be left blank.' }] },
    });
  });

  it('get, refresh and revoke address the session by its decoded id; an unknown one is 404 E0000007', () => {
    const state = oktaState();
    const id = createdSession(state);
    expect(answerOperation('getSession', request({ pathParam: id }), state, NOW)).toMatchObject({ status: 200, body: { id } });
    const later = NOW + 60_000;
    const refreshed = answerOperation('refreshSession', request({ pathParam: id }), state, later);
    expect((refreshed.body as { expiresAt: string }).expiresAt).toBe(new Date(later + 7_200_000).toISOString());
    expect(answerOperation('revokeSession', request({ pathParam: id }), state, later)).toEqual({ status: 204 });
    expect(answerOperation('revokeSession', request({ pathParam: id }), state, later)).toMatchObject({
      status: 404,
      body: { errorCode: 'E0000007' },
    });
    expect(answerOperation('getSession', request({ pathParam: encodeURIComponent('a/b') }), state, NOW)).toMatchObject({
      body: { errorSummary: 'Not found: Resource not found: a/b (AppSession)' },
    });
  });

  it('admin operations: a wrong API token is 401 E0000011, none at all 403 E0000005', () => {
    const state = oktaState();
    expect(answerOperation('getSession', request({ pathParam: 'x', authorization: 'SSWS wrong' }), state, NOW)).toMatchObject({
      status: 401,
      body: { errorCode: 'E0000011' },
    });
    expect(answerOperation('getSession', request({ pathParam: 'x', authorization: undefined }), state, NOW)).toMatchObject({
      status: 403,
      body: { errorCode: 'E0000005' },
    });
  });

  it("access tokens need the operation's scope, and createSession takes API tokens only", () => {
    const state = oktaState();
    const id = createdSession(state);
    state.accessTokens.set('reader', { scopes: new Set(['okta.sessions.read']), expiresAtMs: NOW + 60_000, boundTo: undefined });
    const bearer = (sessionId?: string) => request({ pathParam: sessionId, authorization: 'Bearer reader' });
    expect(answerOperation('getSession', bearer(id), state, NOW).status).toBe(200);
    expect(answerOperation('revokeSession', bearer(id), state, NOW)).toMatchObject({ status: 403, body: { errorCode: 'E0000006' } });
    expect(answerOperation('createSession', bearer(), state, NOW).status).toBe(403);
    expect(answerOperation('getSession', request({ pathParam: id, authorization: 'Bearer unknown' }), state, NOW).status).toBe(401);
    // Expired, and a DPoP-bound token sent as Bearer or without a verified proof: 401 naming the scheme.
    expect(answerOperation('getSession', bearer(id), state, NOW + 60_000)).toMatchObject({
      status: 401,
      headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
    });
    state.accessTokens.set('bound', { scopes: new Set(['okta.sessions.read']), expiresAtMs: NOW + 60_000, boundTo: 'thumbprint' });
    expect(answerOperation('getSession', request({ pathParam: id, authorization: 'Bearer bound' }), state, NOW).status).toBe(401);
    expect(answerOperation('getSession', request({ pathParam: id, authorization: 'DPoP bound' }), state, NOW).status).toBe(401);
    expect(
      answerOperation('getSession', request({ pathParam: id, authorization: 'DPoP bound', proofVerified: true }), state, NOW).status,
    ).toBe(200);
  });

  it('the /me operations follow the sid or idx cookie and ignore Authorization', () => {
    const state = oktaState();
    const id = createdSession(state);
    const me = (cookie?: string) => request({ cookie, authorization: undefined });
    expect(answerOperation('getCurrentSession', me(`idx=${id}`), state, NOW)).toMatchObject({ status: 200, body: { id } });
    expect(answerOperation('refreshCurrentSession', me(`other=1; sid=${id}`), state, NOW)).toMatchObject({
      status: 200,
      headers: { 'set-cookie': expect.stringContaining(`sid=${id}`) },
    });
    expect(answerOperation('getCurrentSession', me(), state, NOW).status).toBe(404);
    expect(answerOperation('closeCurrentSession', me(`sid=${id}`), state, NOW)).toMatchObject({ status: 204 });
    expect(answerOperation('getCurrentSession', me(`sid=${id}`), state, NOW).status).toBe(404);
  });

  it('primary authentication issues a session token for any username with a password', () => {
    const state = oktaState();
    const answer = answerPrimaryAuthentication('{"username":"u","password":"p"}', state, NOW);
    expect(answer).toMatchObject({ status: 200, body: { status: 'SUCCESS', expiresAt: new Date(NOW + 300_000).toISOString() } });
    expect(answerPrimaryAuthentication('{"username":"u"}', state, NOW).status).toBe(401);
    expect(answerPrimaryAuthentication('not json', state, NOW).status).toBe(400);
  });
});

describe('router', () => {
  it('literal paths win over templates, and a known path with another method is told apart from an unknown one', () => {
    expect(routeOf('GET', '/api/v1/sessions/me')).toEqual({ operationId: 'getCurrentSession', pathParam: undefined });
    expect(routeOf('POST', '/api/v1/sessions/abc/lifecycle/refresh')).toEqual({ operationId: 'refreshSession', pathParam: 'abc' });
    expect(routeOf('PUT', '/api/v1/sessions/abc')).toEqual({ operationId: undefined, knownPath: true });
    expect(routeOf('GET', '/api/v1/users')).toEqual({ operationId: undefined, knownPath: false });
  });
});

describe('fault stages', () => {
  const cases: [Fault, Partial<ReturnType<typeof faultStages>>][] = [
    [{ type: 'latency', ms: 50 }, { arrival: { delayMs: 50, then: 'proceed' } }],
    [{ type: 'hang' }, { arrival: { delayMs: 0, then: 'hang' } }],
    [{ type: 'reset', when: 'before-body' }, { arrival: { delayMs: 0, then: 'drop' } }],
    [{ type: 'reset', when: 'after-body' }, { afterBody: 'process-then-drop' }],
    [{ type: 'reset', when: 'mid-response' }, { body: 'drop-midway' }],
    [{ type: 'truncated-json' }, { body: 'truncated' }],
    [{ type: 'skew-clock', ms: 600_000 }, { headers: { clockSkewMs: 600_000, bare: false, duplicateReset: false } }],
    [{ type: 'bare-headers' }, { headers: { clockSkewMs: 0, bare: true, duplicateReset: false } }],
    [{ type: 'duplicate-reset-header' }, { headers: { clockSkewMs: 0, bare: false, duplicateReset: true } }],
    [
      { type: 'redirect', location: 'https://evil.example' },
      { afterBody: { redirect: { status: 302, location: 'https://evil.example' } } },
    ],
    [{ type: 'status', status: 503 }, { status: { type: 'status', status: 503 } }],
  ];

  it.each(cases)('%j acts at its stage only', (fault, changed) => {
    expect(faultStages(fault)).toEqual({ ...faultStages(undefined), ...changed });
  });
});

describe('inject() validation, for callers in plain JavaScript', () => {
  const cases: [unknown, unknown, RegExp][] = [
    [{ type: 'bogus' }, {}, /"bogus".* is not a fault; its type must be one of status, latency, reset, truncated-json, hang/],
    [{ type: 'reset', at: 'after-body' }, {}, /a reset fault has no field "at"; its fields are type, when/],
    [{ type: 'reset' }, {}, /reset\.when must be one of "before-body", "after-body", "mid-response"; got nothing/],
    [{ type: 'latency', ms: '50' }, {}, /latency\.ms must be a number of ms >= 0; got "50"/],
    [{ type: 'status', status: 700 }, {}, /status\.status must be an HTTP status 100-599/],
    [{ type: 'redirect', location: 'https://x.example', status: 303 }, {}, /redirect\.status must be one of 301, 302, 307, 308/],
    [{ type: 'hang' }, { operation: 'get' }, /operation "get" is not an operationId or 'oauthToken'; use one of .*getSession/],
    [{ type: 'hang' }, { time: 2 }, /unknown option "time"; the options are operation, times, probability/],
    [{ type: 'hang' }, { times: 0 }, /times must be a number > 0/],
    [{ type: 'hang' }, { probability: 2 }, /probability must be in \(0, 1\]/],
    ['hang', {}, /is not a fault/],
  ];

  it.each(cases)('%j with %j is refused: %s', (fault, options, message) => {
    expect(() => new FaultQueue().add(fault as never, options as never)).toThrow(message);
  });

  it('accepts every fault docs/testing.md documents, with its optional fields', () => {
    const queue = new FaultQueue();
    for (const fault of [
      { type: 'status', status: 503, body: '<html/>', contentType: 'text/html', headers: { 'retry-after': '1' }, bare: true },
      { type: 'latency', ms: 0 },
      { type: 'reset', when: 'mid-response' },
      { type: 'truncated-json' },
      { type: 'hang' },
      { type: 'duplicate-reset-header' },
      { type: 'skew-clock', ms: -600_000 },
      { type: 'redirect', location: 'https://x.example', status: 307 },
      { type: 'bare-headers' },
    ] as const) {
      expect(() => queue.add(fault, { operation: 'getSession', times: Number.POSITIVE_INFINITY, probability: 0.5 })).not.toThrow();
    }
  });

  it('counts a fault when it is injected, whether or not it produces a response', () => {
    const queue = new FaultQueue();
    queue.add({ type: 'reset', when: 'before-body' }, { times: 2 });
    expect(queue.injected).toBe(0);
    expect(queue.take('getSession')).toEqual({ type: 'reset', when: 'before-body' });
    queue.take('revokeSession');
    expect(queue.take('getSession')).toBeUndefined();
    expect(queue.injected).toBe(2);
  });
});
