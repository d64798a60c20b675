/** Each call on node:diagnostics_channel's tracing channel okta-sessions:call, as a tracer subscribes to it. */
import { tracingChannel } from 'node:diagnostics_channel';
import { afterEach, describe, expect, it } from 'vitest';
import { traceCall } from '../../src/client/tracing.js';
import { type CallTrace, OktaNotFoundError, OktaSessions } from '../../src/index.js';
import { OPERATIONS } from '../../src/operations.js';
import { startOktaSessionsServer } from '../../src/testing/index.js';

const channel = tracingChannel<object, CallTrace>('okta-sessions:call');
const server = await startOktaSessionsServer({ rateLimit: false });
const okta = new OktaSessions({ orgUrl: server.url, apiToken: server.apiToken, retry: { maxDelayMs: 3_000 } });

type Event = [string, CallTrace & { error?: unknown }];
let unsubscribe: (() => void) | undefined;
afterEach(() => unsubscribe?.());

/** Subscribes to every event, recording a copy of the context as it was at that event. */
function recordEvents(): Event[] {
  const events: Event[] = [];
  const handlers = Object.fromEntries(
    ['start', 'end', 'asyncStart', 'asyncEnd', 'error'].map((name) => [
      name,
      (context: object) => events.push([name, { ...(context as CallTrace) }]),
    ]),
  );
  channel.subscribe(handlers as never);
  unsubscribe = () => channel.unsubscribe(handlers as never);
  return events;
}

describe('tracing channel okta-sessions:call', () => {
  it('a success: start, end, asyncStart, asyncEnd, with the operation, its path template, status, request id, attempts and rate limit', async () => {
    const events = recordEvents();
    const id = server.issueSession({ login: 'trace@example.com' });
    await okta.get(id);
    expect(events.map(([name]) => name)).toEqual(['start', 'end', 'asyncStart', 'asyncEnd']);
    expect(events[0]?.[1]).toEqual({ operationId: 'getSession', method: 'GET', path: '/api/v1/sessions/{sessionId}' });
    expect(events[3]?.[1]).toMatchObject({
      operationId: 'getSession',
      status: 200,
      attempts: 1,
      requestId: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(JSON.stringify(events)).not.toContain(id);
  });

  it('a retried 429 reports its attempts; a failure publishes error with the typed error', async () => {
    const events = recordEvents();
    const id = server.issueSession({ login: 'trace-429@example.com' });
    server.inject(
      { type: 'status', status: 429, headers: { 'x-rate-limit-reset': String(Math.ceil(Date.now() / 1000)) } },
      { operation: 'getSession' },
    );
    await okta.get(id);
    expect(events.at(-1)?.[1]).toMatchObject({ status: 200, attempts: 2 });
    events.length = 0;
    await okta.revoke(id);
    await expect(okta.get(id)).rejects.toBeInstanceOf(OktaNotFoundError);
    const failure = events.slice(-5);
    expect(failure.map(([name]) => name)).toEqual(['start', 'end', 'error', 'asyncStart', 'asyncEnd']);
    expect(failure[2]?.[1]).toMatchObject({ operationId: 'getSession', error: expect.any(OktaNotFoundError) });
  }, 15_000);

  it('without a subscriber nothing is built: the call is its own promise', () => {
    // A call that never ends: nothing settles after the test (and nothing is left to reject).
    const promise = new Promise<never>(() => {});
    expect(traceCall(OPERATIONS.getSession, () => promise)).toBe(promise);
    recordEvents();
    expect(traceCall(OPERATIONS.getSession, () => promise)).not.toBe(promise);
  });
});
