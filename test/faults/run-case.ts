import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OktaSessions } from '../../src/index.js';
import { startOktaSessionsServer } from '../../src/testing/index.js';
import { callFor, type Expected, type FaultCase, type Operation } from './cases.js';

export const OPERATION_IDS = { get: 'getSession', create: 'createSession', getCurrent: 'getCurrentSession' } as const;

/** The client's budget in the fault suite; every case must settle within it. */
export const CALL_TIMEOUT_MS = 8_000;
export const ATTEMPT_TIMEOUT_MS = 500;

export interface CaseRun {
  outcome: Expected | string;
  error: unknown;
  elapsedMs: number;
  /** Everything the client reported through its hooks. */
  hookEvents: unknown[];
  otherOriginRequests: number;
  /** The single-use session token the case used, to check it never shows. */
  sessionToken: string;
}

async function listen(server: ReturnType<typeof createServer>): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Runs one fault case for one operation against a fresh embedded server, with the given credentials. */
export async function runCase(faultCase: FaultCase, operation: Operation, credentials: { apiToken: string; cookieValue: string }): Promise<CaseRun> {
  const server = await startOktaSessionsServer({ apiToken: credentials.apiToken });
  let otherOriginRequests = 0;
  const otherOrigin = createServer((_req, res) => {
    otherOriginRequests++;
    res.end('collected');
  });
  const otherOriginUrl = await listen(otherOrigin);
  const closed = createServer();
  const closedUrl = await listen(closed);
  await new Promise((resolve) => closed.close(resolve));

  try {
    const setup = new OktaSessions({ orgUrl: server.url, apiToken: server.apiToken });
    const session = await setup.create(await server.issueSessionToken({ login: 'faults@example.com' }));
    const sessionToken = await server.issueSessionToken({ login: 'faults@example.com' });
    faultCase.inject?.(server, OPERATION_IDS[operation], { otherOrigin: otherOriginUrl });

    const hookEvents: unknown[] = [];
    const client = new OktaSessions({
      orgUrl: faultCase.closedPort ? closedUrl : server.url,
      apiToken: credentials.apiToken,
      timeoutMs: CALL_TIMEOUT_MS,
      retry: { maxRetries: 2, maxDelayMs: 5_000, attemptTimeoutMs: ATTEMPT_TIMEOUT_MS },
      onRetry: (event) => hookEvents.push(event),
      onRateLimit: (event) => hookEvents.push(event),
    });
    const started = performance.now();
    let outcome: string = 'value';
    let error: unknown;
    try {
      await callFor(operation, client, { sessionId: session.id as string, sessionToken, cookie: `sid=${credentials.cookieValue}` });
    } catch (caught) {
      error = caught;
      outcome = (caught as Error)?.name ?? typeof caught;
    }
    return { outcome, error, elapsedMs: performance.now() - started, hookEvents, otherOriginRequests, sessionToken };
  } finally {
    await server.close();
    await new Promise<void>((resolve) => {
      otherOrigin.close(() => resolve());
      otherOrigin.closeAllConnections();
    });
  }
}
