import type { OktaSessions } from '../../src/index.js';
import type { Fault, FaultOptions, OktaSessionsServer } from '../../src/testing/index.js';

/** What a call must end in: a value, or an error of this class. */
export type Expected =
  'value' | 'OktaConnectionError' | 'OktaTimeoutError' | 'OktaServerError' | 'OktaApiError' | 'OktaRateLimitError' | 'OktaNotFoundError';

export type Operation = 'get' | 'create' | 'getCurrent';

export interface FaultCase {
  name: string;
  /** What the server does, for the report. */
  serverDoes: string;
  /** Expected outcome per operation; get stands for every operation safe to repeat. */
  expect: Partial<Record<Operation, Expected>>;
  /** Queues the fault on the server (for the operation under test). */
  inject?: (server: OktaSessionsServer, operation: FaultOptions['operation'], context: { otherOrigin: string }) => void;
  /** Point the client at a closed port instead of the server. */
  closedPort?: boolean;
  /** Check more than the outcome: gets the error (if any) and the server. */
  check?: (error: unknown, context: { otherOriginRequests: number }) => void;
}

const secondsFromNow = (seconds: number, skewMs = 0) => String(Math.floor((Date.now() + skewMs) / 1000) + seconds);
const status = (value: number, extra: Omit<Extract<Fault, { type: 'status' }>, 'type' | 'status'> = {}): Fault => ({
  type: 'status',
  status: value,
  ...extra,
});

/** One row each in docs/reliability.md; the fault suite and the secret-hygiene test run all of them. */
export const FAULT_CASES: FaultCase[] = [
  {
    name: 'connection refused',
    serverDoes: 'nothing listens on the port',
    closedPort: true,
    expect: { get: 'OktaConnectionError', create: 'OktaConnectionError' },
  },
  {
    name: 'reset before the request body',
    serverDoes: 'drops the connection before reading the request',
    inject: (server, operation) => server.inject({ type: 'reset', when: 'before-body' }, { operation }),
    expect: { get: 'value', create: 'OktaConnectionError' },
  },
  {
    name: 'reset after the request body',
    serverDoes: 'processes the request, then drops the connection',
    inject: (server, operation) => server.inject({ type: 'reset', when: 'after-body' }, { operation }),
    expect: { get: 'value', create: 'OktaConnectionError' },
  },
  {
    name: 'reset mid-response',
    serverDoes: 'sends the headers and half the body, then drops the connection',
    inject: (server, operation) => server.inject({ type: 'reset', when: 'mid-response' }, { operation }),
    expect: { get: 'value', create: 'OktaConnectionError' },
  },
  {
    name: 'headers never come',
    serverDoes: 'never answers (the attempt times out)',
    inject: (server, operation) => server.inject({ type: 'hang' }, { operation }),
    expect: { get: 'value', create: 'OktaTimeoutError' },
  },
  {
    name: '503 with an HTML body',
    serverDoes: 'answers 503 with an HTML page, twice',
    inject: (server, operation) =>
      server.inject(status(503, { body: '<html><h1>Service Unavailable</h1></html>', contentType: 'text/html' }), { operation, times: 2 }),
    expect: { get: 'value', create: 'OktaServerError' },
  },
  {
    name: '502 with an empty body, every time',
    serverDoes: 'answers 502 with no body, more often than the client retries',
    inject: (server, operation) => server.inject(status(502, { body: '' }), { operation, times: 5 }),
    expect: { get: 'OktaServerError', create: 'OktaServerError' },
  },
  {
    name: '200 with truncated JSON',
    serverDoes: 'answers 200 with half a JSON body',
    inject: (server, operation) => server.inject({ type: 'truncated-json' }, { operation }),
    expect: { get: 'OktaApiError', create: 'OktaApiError' },
  },
  {
    name: '200 with a non-JSON body',
    serverDoes: 'answers 200 with an HTML page',
    inject: (server, operation) => server.inject(status(200, { body: '<html>Sign in</html>', contentType: 'text/html' }), { operation }),
    expect: { get: 'OktaApiError', create: 'OktaApiError' },
  },
  {
    name: '429 with no headers',
    serverDoes: 'answers 429 without rate-limit headers or request id',
    inject: (server, operation) => server.inject(status(429, { bare: true }), { operation }),
    expect: { get: 'value', create: 'value' },
  },
  {
    name: '429 with a reset in the past',
    serverDoes: 'answers 429 whose reset has already passed',
    inject: (server, operation) => server.inject(status(429, { headers: { 'x-rate-limit-reset': secondsFromNow(-30) } }), { operation }),
    expect: { get: 'value', create: 'value' },
  },
  {
    name: '429 with a reset an hour away',
    serverDoes: 'answers 429 whose reset is an hour away',
    inject: (server, operation) => server.inject(status(429, { headers: { 'x-rate-limit-reset': secondsFromNow(3600) } }), { operation }),
    expect: { get: 'OktaRateLimitError', create: 'OktaRateLimitError' },
  },
  {
    name: '429 with duplicated reset values',
    serverDoes: 'answers 429 with two reset values (OKTA-112507)',
    inject: (server, operation) =>
      server.inject(status(429, { headers: { 'x-rate-limit-reset': `${secondsFromNow(3600)}, ${secondsFromNow(1)}` } }), { operation }),
    expect: { get: 'value', create: 'value' },
  },
  {
    name: 'server clock ten minutes ahead',
    serverDoes: 'answers 429 with Date and reset ten minutes ahead of the local clock',
    inject: (server, operation) =>
      server.inject(
        status(429, { headers: { date: new Date(Date.now() + 600_000).toUTCString(), 'x-rate-limit-reset': secondsFromNow(1, 600_000) } }),
        { operation },
      ),
    expect: { get: 'value', create: 'value' },
  },
  {
    name: 'server clock ten minutes behind',
    serverDoes: 'answers 429 with Date and reset ten minutes behind the local clock',
    inject: (server, operation) =>
      server.inject(
        status(429, { headers: { date: new Date(Date.now() - 600_000).toUTCString(), 'x-rate-limit-reset': secondsFromNow(1, -600_000) } }),
        { operation },
      ),
    expect: { get: 'value', create: 'value' },
  },
  {
    name: 'redirect to another origin',
    serverDoes: 'answers 302 to another origin',
    inject: (server, operation, { otherOrigin }) => server.inject({ type: 'redirect', location: `${otherOrigin}/collect` }, { operation }),
    expect: { get: 'OktaApiError', create: 'OktaApiError' },
    check: (error, { otherOriginRequests }) => {
      if (otherOriginRequests !== 0) throw new Error('a request reached the other origin');
      if (!/redirect to http:\/\/127\.0\.0\.1:\d+ not followed/.test((error as Error).message))
        throw new Error(`no origin in: ${(error as Error).message}`);
    },
  },
  {
    name: 'very large error body',
    serverDoes: 'answers 500 with a 2 MB HTML body, every time',
    inject: (server, operation) =>
      server.inject(status(500, { body: `<html>${'x'.repeat(2_000_000)}</html>`, contentType: 'text/html' }), { operation, times: 5 }),
    expect: { get: 'OktaServerError', create: 'OktaServerError' },
    check: (error) => {
      if ((error as Error).message.length > 300) throw new Error('the message carries the body');
    },
  },
  {
    name: 'error without request id or rate-limit headers',
    serverDoes: "answers 404 without X-Okta-Request-Id or rate-limit headers (as Okta's 405 does)",
    inject: (server, operation) => server.inject(status(404, { bare: true }), { operation }),
    expect: { get: 'OktaNotFoundError', create: 'OktaNotFoundError' },
    check: (error) => {
      if ((error as { requestId?: string }).requestId !== undefined) throw new Error('requestId should be undefined');
    },
  },
  {
    name: 'unknown session cookie',
    serverDoes: 'answers 404 to /api/v1/sessions/me for a cookie it does not know',
    expect: { getCurrent: 'OktaNotFoundError' },
  },
];

/** The call a case makes for one operation. */
export async function callFor(
  operation: Operation,
  client: OktaSessions,
  context: { sessionId: string; sessionToken: string; cookie: string },
) {
  if (operation === 'get') return client.get(context.sessionId);
  if (operation === 'create') return client.create(context.sessionToken);
  return client.getCurrent({ cookie: context.cookie });
}
