import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OktaError, OktaSessions, type RetryEvent } from '../../src/index.js';
import { decideRetry, DEFAULT_RETRY_POLICY } from '../../src/http/retry.js';
import { OPERATIONS } from '../../src/operations.js';
import { rateLimitOf, readRateLimit, serverRequestedWaitMs } from '../../src/pacing/rate-limit-reading.js';
import { ServerClock } from '../../src/helpers/server-clock.js';
import { FUZZ_RUNS } from './counts.js';

const ORG = 'https://acme.okta.com';
const SESSION_JSON = JSON.stringify({ id: '102abc', status: 'ACTIVE' });

/** A client whose fetch records each request and answers with `respond`. */
function recordingClient(respond: () => Response, options: Partial<ConstructorParameters<typeof OktaSessions>[0]> = {}) {
  const urls: string[] = [];
  const client = new OktaSessions({
    orgUrl: ORG,
    apiToken: 'fuzz-token',
    rateLimit: false,
    ...options,
    fetch: async (input) => {
      urls.push(String(input));
      return respond();
    },
  });
  return { client, urls };
}

describe('property: session ids', () => {
  it('any id is rejected before sending, or becomes exactly one encoded path segment', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('.', '..', 'me', '%2e%2e', '../x', 'a/b', '')),
        async (sessionId) => {
          const { client, urls } = recordingClient(() => new Response(SESSION_JSON, { status: 200 }));
          for (const [call, suffix] of [
            [() => client.get(sessionId), ''],
            [() => client.refresh(sessionId), '/lifecycle/refresh'],
          ] as const) {
            const before = urls.length;
            try {
              await call();
            } catch (error) {
              expect(error).toBeInstanceOf(TypeError);
              expect(urls.length).toBe(before);
              continue;
            }
            const url = new URL(urls[urls.length - 1] as string);
            expect(url.origin).toBe(ORG);
            const match = new RegExp(`^/api/v1/sessions/([^/]+)${suffix}$`).exec(url.pathname);
            expect(match, url.pathname).not.toBeNull();
            expect(decodeURIComponent(match?.[1] as string)).toBe(sessionId);
            expect(url.search).toBe('');
          }
        },
      ),
      { numRuns: FUZZ_RUNS.sessionIds },
    );
  });
});

const headerValue = fc.oneof(
  fc.stringMatching(/^[\x20-\x7e]{0,30}$/),
  fc.integer({ min: -5, max: 2e9 }).map(String),
  fc.constant('1700000000, 1700000030'),
);
const headerSet = fc.record(
  {
    'content-type': fc.constantFrom('application/json', 'text/html', 'text/plain'),
    'x-okta-request-id': headerValue,
    'x-rate-limit-limit': headerValue,
    'x-rate-limit-remaining': headerValue,
    'x-rate-limit-reset': headerValue,
    'retry-after': headerValue,
    date: fc.oneof(
      headerValue,
      fc.date({ noInvalidDate: true }).map((date) => date.toUTCString()),
    ),
    location: headerValue,
  },
  { requiredKeys: [] },
);

describe('property: server answers', () => {
  it('any status, headers and body end in a value or an OktaError, never another error type', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 200, max: 599 }),
        headerSet,
        fc.oneof(fc.string(), fc.json(), fc.constant(''), fc.constant(SESSION_JSON)),
        fc.constantFrom('get', 'create', 'revoke', 'getCurrent'),
        async (status, headers, body, method) => {
          const nullBody = [204, 205, 304].includes(status);
          const respond = () => new Response(nullBody ? null : body, { status, headers: headers as Record<string, string> });
          respond(); // the input itself must be a valid response
          const { client } = recordingClient(respond, {
            retry: { maxRetries: 1, maxDelayMs: 0 },
            timeoutMs: 2_000,
          });
          const call =
            method === 'get'
              ? client.get('s1')
              : method === 'create'
                ? client.create('t1')
                : method === 'revoke'
                  ? client.revoke('s1')
                  : client.getCurrent({ cookie: 'sid=s1' });
          try {
            await call;
          } catch (error) {
            expect(error, String(error)).toBeInstanceOf(OktaError);
          }
        },
      ),
      { numRuns: FUZZ_RUNS.responses },
    );
  });
});

describe('property: rate-limit headers', () => {
  it('parsing never throws and never yields a negative or non-finite wait', () => {
    fc.assert(
      fc.property(headerSet, fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: 1, max: 3 }), (values, now, retryNumber) => {
        const headers = new Headers(values as Record<string, string>);
        const signal = readRateLimit(headers, now);
        const rateLimit = rateLimitOf(signal);
        if (rateLimit) {
          expect(Number.isFinite(rateLimit.limit) && rateLimit.limit >= 0).toBe(true);
          expect(Number.isFinite(rateLimit.remaining) && rateLimit.remaining >= 0).toBe(true);
          expect(Number.isFinite(rateLimit.resetAt.getTime())).toBe(true);
        }
        const clock = new ServerClock();
        if (signal.serverDateMs !== undefined) clock.observe(signal.serverDateMs, now);
        const delay = serverRequestedWaitMs(signal, clock, now);
        if (delay !== undefined) expect(Number.isFinite(delay) && delay >= 0).toBe(true);
        const decision = decideRetry(
          'rate-limited',
          OPERATIONS.getSession,
          delay,
          { failures: 0, rateLimited: retryNumber - 1 },
          DEFAULT_RETRY_POLICY,
          30_000,
        );
        if (decision.retry) expect(Number.isFinite(decision.delayMs) && decision.delayMs >= 0).toBe(true);
      }),
      { numRuns: FUZZ_RUNS.rateLimitHeaders },
    );
  });
});

/** Visible ASCII, as tokens are; cookie-octets, as cookie values are; Okta's session id alphabet. */
const token = fc.stringMatching(/^[\x21-\x7e]{12,40}$/);
const cookieValue = fc.stringMatching(/^[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]{12,40}$/);
const sessionId = fc.stringMatching(/^102[A-Za-z0-9_-]{10,30}$/);
const failureKinds = ['400', '401', '403', '404', '429', '500', '503', 'redirect', 'reset', 'truncated'] as const;

describe('property: secrets never leave the client', () => {
  it('random secrets, reflected by the server in every body field and header, appear in no error text, header or hook event, for every failure kind', async () => {
    await fc.assert(
      fc.asyncProperty(
        token,
        token,
        cookieValue,
        sessionId,
        fc.constantFrom(...failureKinds),
        fc.constantFrom('get', 'create', 'getCurrent'),
        async (apiToken, sessionToken, cookie, id, kind, method) => {
          // What the call sends, which the server reflects: the server knows nothing else.
          const sent = { get: [apiToken, id], create: [apiToken, sessionToken], getCurrent: [cookie] }[method];
          const echo = sent.join(' | ');
          const respond = () => {
            if (kind === 'reset')
              throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
            if (kind === 'truncated')
              return new Response(`{"id":"${id}","login":"${echo}`, {
                status: 200,
                headers: { 'content-type': 'application/json', 'x-okta-request-id': echo },
              });
            const status = kind === 'redirect' ? 302 : Number(kind);
            const body = JSON.stringify({
              errorCode: 'E0000007',
              errorSummary: `Not found: ${echo}`,
              errorLink: echo,
              errorId: echo,
              errorCauses: [{ errorSummary: echo }],
            });
            const reflected = encodeURIComponent(echo);
            return new Response(body, {
              status,
              statusText: 'Reflected',
              headers: {
                'content-type': 'application/json',
                'x-okta-request-id': 'aabbccddeeff00112233445566778899',
                'www-authenticate': `SSWS error="${echo}"`,
                authorization: `SSWS ${echo}`,
                'set-cookie': `sid=${cookie}`,
                'x-echo': echo,
                location: `https://user:${reflected}@evil.example/${reflected}?t=${reflected}`,
                'proxy-authenticate': `Basic realm="${reflected}"`,
              },
            });
          };
          const events: RetryEvent[] = [];
          const { client } = recordingClient(respond, {
            apiToken,
            retry: { maxRetries: 1, maxDelayMs: 5 },
            onRetry: (event) => events.push(event),
            timeoutMs: 2_000,
          });
          const call =
            method === 'get'
              ? client.get(id)
              : method === 'create'
                ? client.create(sessionToken)
                : client.getCurrent({ cookie: `sid=${cookie}` });
          let error: unknown;
          try {
            await call;
          } catch (caught) {
            error = caught;
          }
          expect(error, kind).toBeInstanceOf(OktaError);
          const e = error as OktaError & { headers?: Headers };
          const text = [
            e.message,
            e.stack,
            JSON.stringify(e),
            inspect(e, { depth: Infinity, showHidden: true }),
            JSON.stringify([...(e.headers ?? [])]),
            JSON.stringify(events),
          ].join('\n');
          for (const secret of sent) expect(text, `${kind} ${method}`).not.toContain(secret);
        },
      ),
      { numRuns: FUZZ_RUNS.secrets },
    );
  });
});
