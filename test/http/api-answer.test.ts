import { inspect } from 'node:util';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  OktaApiError,
  OktaAuthenticationError,
  OktaBadRequestError,
  OktaConnectionError,
  OktaError,
  OktaForbiddenError,
  OktaNotFoundError,
  OktaRateLimitError,
  OktaServerError,
} from '../../src/index.js';
import { API_TOKEN, newClient, ORG, oktaErrorBody, oktaHeaders, RATE_LIMITED_BODY, rejectionOf } from '../support/okta.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const CASES = [
  {
    status: 400,
    code: 'E0000003',
    summary: 'The request body was not well-formed.',
    type: OktaBadRequestError,
    name: 'OktaBadRequestError',
  },
  { status: 401, code: 'E0000011', summary: 'Invalid token provided', type: OktaAuthenticationError, name: 'OktaAuthenticationError' },
  {
    status: 403,
    code: 'E0000006',
    summary: 'You do not have permission to perform the requested action',
    type: OktaForbiddenError,
    name: 'OktaForbiddenError',
  },
  {
    status: 404,
    code: 'E0000007',
    summary: 'Not found: Resource not found: abc (AppSession)',
    type: OktaNotFoundError,
    name: 'OktaNotFoundError',
  },
  {
    status: 405,
    code: 'E0000022',
    summary: 'The endpoint does not support the provided HTTP method',
    type: OktaApiError,
    name: 'OktaApiError',
  },
  { status: 429, code: 'E0000047', summary: RATE_LIMITED_BODY.errorSummary, type: OktaRateLimitError, name: 'OktaRateLimitError' },
  { status: 500, code: 'E0000009', summary: 'Internal Server Error', type: OktaServerError, name: 'OktaServerError' },
];

describe('error mapping', () => {
  for (const { status, code, summary, type, name } of CASES) {
    it(`${status} becomes ${name} with Okta's fields, the request id and the operation`, async () => {
      nock(ORG).get('/api/v1/sessions/abc').reply(status, oktaErrorBody(code, summary), oktaHeaders());
      const error = (await rejectionOf(newClient({ retry: false }).get('abc'))) as OktaApiError;
      expect(error).toBeInstanceOf(type);
      expect(error).toBeInstanceOf(OktaApiError);
      expect(error).toBeInstanceOf(OktaError);
      expect(error.name).toBe(name);
      expect(error.status).toBe(status);
      expect(error.errorCode).toBe(code);
      expect(error.errorSummary).toBe(summary);
      expect(error.errorLink).toBe(code);
      expect(error.errorId).toBe('oaeTestErrorId');
      expect(error.errorCauses).toEqual([]);
      expect(error.requestId).toBe('aabbccddeeff00112233445566778899');
      expect(error.operationId).toBe('getSession');
      expect(error.method).toBe('GET');
      expect(error.path).toBe('/api/v1/sessions/{sessionId}');
      expect(error.message).toBe(`Okta ${status} ${code}: ${summary} (GET /api/v1/sessions/{sessionId})`);
    });
  }

  it('a 429 error carries the rate limit Okta reported', async () => {
    const now = Date.now();
    nock(ORG)
      .get('/api/v1/sessions/abc')
      .reply(429, RATE_LIMITED_BODY, oktaHeaders(now, { limit: 375, remaining: 0, resetInSeconds: 30 }));
    const error = (await rejectionOf(newClient({ retry: false }).get('abc'))) as OktaRateLimitError;
    expect(error.rateLimit).toEqual({ limit: 375, remaining: 0, resetAt: new Date((Math.floor(now / 1000) + 30) * 1000) });
  });

  it('keeps errorCauses', async () => {
    const body = {
      ...oktaErrorBody('E0000001', 'Api validation failed: sessionToken'),
      errorCauses: [{ errorSummary: 'sessionToken: required' }],
    };
    nock(ORG).post('/api/v1/sessions').reply(400, body, oktaHeaders());
    const error = (await rejectionOf(newClient().create('t'))) as OktaBadRequestError;
    expect(error.errorCauses).toEqual([{ errorSummary: 'sessionToken: required' }]);
    expect(error.operationId).toBe('createSession');
  });

  it('an HTML 502 from a proxy maps by status without crashing', async () => {
    nock(ORG).get('/api/v1/sessions/abc').reply(502, '<html><body>Bad Gateway</body></html>', { 'content-type': 'text/html' });
    const error = (await rejectionOf(newClient({ retry: false }).get('abc'))) as OktaServerError;
    expect(error).toBeInstanceOf(OktaServerError);
    expect(error.errorCode).toBeUndefined();
    expect(error.requestId).toBeUndefined();
    expect(error.message).toMatch(/^Okta 502 .*\(non-JSON body\) \(GET \/api\/v1\/sessions\/\{sessionId\}\)$/);
  });

  it('an empty error body says so', async () => {
    nock(ORG).get('/api/v1/sessions/abc').reply(503, '');
    const error = (await rejectionOf(newClient({ retry: false }).get('abc'))) as OktaServerError;
    expect(error.message).toMatch(/^Okta 503 .*\(no body\)/);
  });

  it('a 200 whose body is not JSON is an OktaApiError, not a SyntaxError', async () => {
    nock(ORG).get('/api/v1/sessions/abc').reply(200, '{"id":"trunc', { 'content-type': 'application/json' });
    const error = (await rejectionOf(newClient().get('abc'))) as OktaApiError;
    expect(error).toBeInstanceOf(OktaApiError);
    expect(error.status).toBe(200);
    expect(error.message).toMatch(/non-JSON body/);
  });

  it('a connection reset is an OktaConnectionError with the cause, after the retries a safe operation gets', async () => {
    // What undici throws for a reset connection.
    const reset = () => new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
    let attempts = 0;
    const client = newClient({
      retry: { maxRetries: 2, maxDelayMs: 10 },
      fetch: async () => {
        attempts++;
        throw reset();
      },
    });
    const error = (await rejectionOf(client.get('abc'))) as OktaConnectionError;
    expect(attempts).toBe(3);
    expect(error).toBeInstanceOf(OktaConnectionError);
    expect(error.name).toBe('OktaConnectionError');
    expect(error.cause).toBeDefined();
    expect(error.message).toMatch(
      /^Connection to Okta failed: fetch failed \(ECONNRESET\) \(after 3 attempts\) \(GET \/api\/v1\/sessions\/\{sessionId\}\)$/,
    );
  });
});

describe('redaction', () => {
  const COOKIE_VALUE = 'secretSessionCookieValue42';

  function everythingAbout(error: unknown): string {
    const e = error as Error;
    return [e.message, e.stack, JSON.stringify(e), inspect(e, { depth: 10, showHidden: true }), String(e)].join('\n');
  }

  it('never shows the API token, even when the server echoes it', async () => {
    nock(ORG)
      .get('/api/v1/sessions/abc')
      .reply(401, oktaErrorBody('E0000011', `Invalid token provided: SSWS ${API_TOKEN}`), {
        ...oktaHeaders(),
        'set-cookie': `sid=${COOKIE_VALUE}`,
      });
    const error = await rejectionOf(newClient().get('abc'));
    const text = everythingAbout(error);
    expect(text).not.toContain(API_TOKEN);
    expect(text).not.toContain(COOKIE_VALUE);
    expect(text).toContain('[REDACTED]');
  });

  it('never shows the session cookie or the single-use session token', async () => {
    nock(ORG)
      .get('/api/v1/sessions/me')
      .reply(404, oktaErrorBody('E0000007', `Not found: ${COOKIE_VALUE}`), oktaHeaders());
    nock(ORG).post('/api/v1/sessions').reply(401, oktaErrorBody('E0000004', 'Authentication failed for one-time-token-xyz'), oktaHeaders());
    const client = newClient();
    const meError = await rejectionOf(client.getCurrent({ cookie: `sid=${COOKIE_VALUE}` }));
    const createError = await rejectionOf(client.create('one-time-token-xyz'));
    expect(everythingAbout(meError)).not.toContain(COOKIE_VALUE);
    expect(everythingAbout(createError)).not.toContain('one-time-token-xyz');
  });

  it('a bad token is rejected at construction without echoing it', () => {
    expect(() => newClient({ apiToken: 'has space' })).toThrow(/apiToken contains spaces or control characters/);
    expect(() => newClient({ apiToken: `SSWS ${API_TOKEN}` })).toThrow(/without the "SSWS " prefix/);
    try {
      newClient({ apiToken: 'line\nbreak-secret' });
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('break-secret');
    }
  });

  it('keeps only the headers a caller needs on an error, redacted: never a reflected Authorization, cookie, or credentials in Location or Proxy-Authenticate', async () => {
    nock(ORG)
      .get('/api/v1/sessions/abc')
      .reply(401, oktaErrorBody('E0000011', 'Invalid token provided'), {
        ...oktaHeaders(),
        authorization: `SSWS ${API_TOKEN}`,
        'x-echo-authorization': `SSWS ${API_TOKEN}`,
        cookie: `sid=${COOKIE_VALUE}`,
        'set-cookie': `sid=${COOKIE_VALUE}`,
        location: 'https://admin:proxy-password-9@evil.example/next',
        'proxy-authenticate': 'Basic realm="corp", token="proxy-password-9"',
        'www-authenticate': `SSWS realm="okta", error="invalid_token", token="${API_TOKEN}"`,
      });
    const error = (await rejectionOf(newClient().get('abc'))) as OktaAuthenticationError;
    expect([...error.headers.keys()].sort()).toEqual([
      'content-type',
      'date',
      'www-authenticate',
      'x-okta-request-id',
      'x-rate-limit-limit',
      'x-rate-limit-remaining',
      'x-rate-limit-reset',
    ]);
    expect(error.headers.get('www-authenticate')).toBe('SSWS realm="okta", error="invalid_token", token="[REDACTED]"');
    expect(error.requestId).toBe('aabbccddeeff00112233445566778899');
    const text = everythingAbout(error);
    for (const secret of [API_TOKEN, COOKIE_VALUE, 'proxy-password-9']) expect(text).not.toContain(secret);
  });

  it('shortens a session id the caller gave wherever Okta quotes it (on Classic it is the sid cookie), keeping a prefix to match it by', async () => {
    const sessionId = '102l8zwRRO8Q2y3vlkDEVbkig';
    nock(ORG)
      .get(`/api/v1/sessions/${sessionId}`)
      .reply(
        404,
        {
          ...oktaErrorBody('E0000007', `Not found: Resource not found: ${sessionId} (AppSession)`),
          errorCauses: [{ errorSummary: `no session ${sessionId}` }],
        },
        oktaHeaders(),
      );
    const error = (await rejectionOf(newClient().get(sessionId))) as OktaNotFoundError;
    expect(error.errorSummary).toBe('Not found: Resource not found: 102l8z... (AppSession)');
    expect(error.errorCauses).toEqual([{ errorSummary: 'no session 102l8z...' }]);
    expect(error.message).toContain('102l8z...');
    expect(everythingAbout(error)).not.toContain(sessionId);
  });
});
