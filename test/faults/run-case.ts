import { createServer } from 'node:http';
import { type AddressInfo, Socket } from 'node:net';
import { inspect } from 'node:util';
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
  /** With OAuth: every client assertion, DPoP proof and access token the client sent, to check they never show. */
  oauthSecrets: string[];
  /** `util.inspect(client)` after the call. */
  clientShown: string;
}

/** An OAuth service app's key pair, for the suite's OAuth runs. */
export interface OAuthKey {
  privateJwk: Record<string, unknown> & { kty: 'EC'; d: string };
  publicJwk: Record<string, unknown>;
}

/**
 * Notes every credential the client puts on the wire, whichever engine sends it: both node:http and
 * fetch (undici) write through `net.Socket#write`, so the test reads what is written there.
 */
function noteWireSecrets(secrets: string[]): () => void {
  const write = Socket.prototype.write;
  Socket.prototype.write = function (this: Socket, chunk: unknown, ...rest: unknown[]) {
    const text =
      typeof chunk === 'string'
        ? chunk
        : Buffer.isBuffer(chunk) || chunk instanceof Uint8Array
          ? Buffer.from(chunk).toString('latin1')
          : '';
    for (const match of text.matchAll(/^(?:authorization: (?:DPoP|Bearer) |dpop: )([^\r\n]+)/gim)) secrets.push(match[1] as string);
    for (const match of text.matchAll(/client_assertion=([^&\s]+)/g)) secrets.push(decodeURIComponent(match[1] as string));
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof write;
  return () => {
    Socket.prototype.write = write;
  };
}

async function listen(server: ReturnType<typeof createServer>): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Runs one fault case for one operation against a fresh embedded server, with the given credentials. */
export async function runCase(
  faultCase: FaultCase,
  operation: Operation,
  credentials: { apiToken: string; cookieValue: string; oauth?: OAuthKey },
): Promise<CaseRun> {
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
    const oauthSecrets: string[] = [];
    const { oauth } = credentials;
    const auth = oauth
      ? {
          oauth: {
            clientId: server.registerServiceApp({ publicKey: oauth.publicJwk, scopes: ['okta.sessions.read'] }).clientId,
            privateKey: oauth.privateJwk,
            scopes: ['okta.sessions.read'],
          },
        }
      : { apiToken: credentials.apiToken };
    const client = new OktaSessions({
      orgUrl: faultCase.closedPort ? closedUrl : server.url,
      ...auth,
      timeoutMs: CALL_TIMEOUT_MS,
      retry: { maxRetries: 2, maxDelayMs: 5_000, attemptTimeoutMs: ATTEMPT_TIMEOUT_MS },
      onRetry: (event) => hookEvents.push(event),
      onRateLimit: (event) => hookEvents.push(event),
    });
    const started = performance.now();
    let outcome: string = 'value';
    let error: unknown;
    const stopNoting = oauth ? noteWireSecrets(oauthSecrets) : () => undefined;
    try {
      await callFor(operation, client, { sessionId: session.id as string, sessionToken, cookie: `sid=${credentials.cookieValue}` });
    } catch (caught) {
      error = caught;
      outcome = (caught as Error)?.name ?? typeof caught;
    } finally {
      stopNoting();
    }
    const clientShown = inspect(client, { depth: 10, showHidden: true });
    return {
      outcome,
      error,
      elapsedMs: performance.now() - started,
      hookEvents,
      otherOriginRequests,
      sessionToken,
      oauthSecrets,
      clientShown,
    };
  } finally {
    await server.close();
    await new Promise<void>((resolve) => {
      otherOrigin.close(() => resolve());
      otherOrigin.closeAllConnections();
    });
  }
}
