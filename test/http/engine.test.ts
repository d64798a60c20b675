/**
 * src/http/engine.ts and node-engine.ts: what every engine must do alike, run once
 * per engine against real loopback servers (node:http and fetch, each passed to the
 * client as a package entry passes it), and how the fetch engine calls fetch.
 */
import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, createServer as createTcpServer, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ApiRequest, fetchEngine, fetchEngines } from '../../src/http/engine.js';
import { nodeEngine } from '../../src/http/node-engine.js';
import {
  OktaClientClosedError,
  OktaConnectionError,
  OktaSessions,
  OktaTimeoutError,
  type OktaSessionsOptions,
  type RetryEvent,
} from '../../src/index.js';
import { startOktaSessionsServer } from '../../src/testing/index.js';
import { oktaHeaders, RECORDED_SESSION, rejectionOf } from '../support/okta.js';
import { localhostCertificate } from '../support/tls.js';

const ENGINES = [
  ['node:http', nodeEngine],
  ['fetch', fetchEngines()],
] as const;

const SESSION_BODY = JSON.stringify(RECORDED_SESSION);

async function listen(server: Server | ReturnType<typeof createTcpServer>): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A loopback HTTP server answering with `handler`, closed (with its connections) by the returned function. */
async function serve(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const server = createServer(handler);
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function answerSession(res: ServerResponse, extra: Record<string, string | string[]> = {}): void {
  res.writeHead(200, { ...oktaHeaders(), 'content-length': Buffer.byteLength(SESSION_BODY), ...extra });
  res.end(SESSION_BODY);
}

describe.each(ENGINES)('engine %s', (_name, engines) => {
  // The engine is passed in, as each package entry passes its own.
  const client = (orgUrl: string, options: Partial<OktaSessionsOptions> = {}) =>
    new OktaSessions({ orgUrl, apiToken: 'token-value-1234', ...options }, engines);

  it('cancels by signal while connecting (a TLS handshake that never ends), and times an attempt out there', async () => {
    const sockets: Socket[] = [];
    const silent = createTcpServer((socket) => sockets.push(socket));
    const port = await listen(silent);
    try {
      const okta = client(`https://127.0.0.1:${port}`, { retry: { maxRetries: 0, attemptTimeoutMs: 300 } });
      const controller = new AbortController();
      setTimeout(() => controller.abort(new Error('caller gave up')), 100);
      const started = performance.now();
      await expect(okta.get('s1', { signal: controller.signal })).rejects.toThrow('caller gave up');
      expect(performance.now() - started).toBeLessThan(1_000);
      const timedOut = await rejectionOf(okta.get('s1'));
      expect(timedOut).toBeInstanceOf(OktaTimeoutError);
      await okta.close();
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });

  it('cancels by signal while reading the body, and times an attempt out there', async () => {
    const stalling = await serve((_req, res) => {
      res.writeHead(200, { ...oktaHeaders(), 'content-length': '5000' });
      res.write(SESSION_BODY.slice(0, 40));
    });
    try {
      const okta = client(stalling.url, { retry: { maxRetries: 1, attemptTimeoutMs: 200 } });
      const controller = new AbortController();
      setTimeout(() => controller.abort(new Error('caller gave up')), 100);
      await expect(okta.get('s1', { signal: controller.signal })).rejects.toThrow('caller gave up');
      const retries: RetryEvent[] = [];
      const timing = client(stalling.url, {
        retry: { maxRetries: 1, attemptTimeoutMs: 200, maxDelayMs: 50 },
        onRetry: (event) => retries.push(event),
      });
      await expect(timing.get('s1')).rejects.toBeInstanceOf(OktaTimeoutError);
      expect(retries.map((event) => event.reason)).toEqual(['attempt-timeout']);
      await Promise.all([okta.close(), timing.close()]);
    } finally {
      await stalling.close();
    }
  });

  it('never follows a redirect', async () => {
    let collected = 0;
    const other = await serve((_req, res) => {
      collected++;
      res.end('collected');
    });
    const redirecting = await serve((_req, res) => {
      res.writeHead(302, { location: `${other.url}/collect` });
      res.end();
    });
    try {
      const okta = client(redirecting.url);
      await expect(okta.get('s1')).rejects.toThrow(/redirect to http:\/\/127\.0\.0\.1:\d+ not followed/);
      expect(collected).toBe(0);
      await okta.close();
    } finally {
      await Promise.all([other.close(), redirecting.close()]);
    }
  });

  it('joins a repeated header with ", " as Headers does, so the smaller of two rate-limit values counts (OKTA-112507)', async () => {
    const duplicating = await serve((_req, res) => {
      const headers = { ...oktaHeaders() };
      delete (headers as Record<string, string>)['x-rate-limit-remaining'];
      res.writeHead(200, { ...headers, 'x-rate-limit-remaining': ['7', '3'], 'content-length': Buffer.byteLength(SESSION_BODY) });
      res.end(SESSION_BODY);
    });
    try {
      const okta = client(duplicating.url);
      await okta.get('s1');
      expect(okta.rateLimits().sessions?.remaining).toBe(3);
      await okta.close();
    } finally {
      await duplicating.close();
    }
  });

  it('reads no body for 204 and 205, and reports a 304 without one', async () => {
    const statuses = [204, 205, 304];
    const answering = await serve((_req, res) => {
      res.writeHead(statuses.shift() as number, oktaHeaders());
      res.end();
    });
    try {
      const okta = client(answering.url, { retry: false });
      await expect(okta.revoke('s1')).resolves.toBeUndefined();
      await expect(okta.revoke('s2')).resolves.toBeUndefined();
      await expect(okta.get('s3')).rejects.toMatchObject({ status: 304 });
      await okta.close();
    } finally {
      await answering.close();
    }
  });

  it('recognises a refused connection, so even create (never resent once sent) is retried', async () => {
    const closed = createTcpServer();
    const port = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const retries: RetryEvent[] = [];
    const okta = client(`http://127.0.0.1:${port}`, { retry: { maxRetries: 2, maxDelayMs: 20 }, onRetry: (event) => retries.push(event) });
    const error = await rejectionOf(okta.create('single-use-token'));
    expect(error).toBeInstanceOf(OktaConnectionError);
    expect((error as Error).message).toMatch(/^Could not reach Okta: .*ECONNREFUSED/);
    expect(retries.map((event) => event.reason)).toEqual(['refused', 'refused']);
    await okta.close();
  });

  it('reports an untrusted certificate at once, with what to do about it: no retry would meet another one', async () => {
    const certificate = localhostCertificate();
    const untrusted = createTlsServer(certificate, (socket) => socket.destroy());
    const port = await listen(untrusted);
    try {
      const retries: RetryEvent[] = [];
      const okta = client(`https://localhost:${port}`, { onRetry: (event) => retries.push(event) });
      const error = await rejectionOf(okta.get('s1'));
      expect(error).toBeInstanceOf(OktaConnectionError);
      expect((error as Error).message).toMatch(
        /^Could not reach Okta: .*\(DEPTH_ZERO_SELF_SIGNED_CERT\): the org’s TLS certificate is not trusted here\. .*NODE_EXTRA_CA_CERTS=/,
      );
      expect(retries).toEqual([]);
      await okta.close();
    } finally {
      await new Promise((resolve) => untrusted.close(resolve));
      certificate.remove();
    }
  });

  it('replaces a kept-alive connection the server closed while idle, without failing the call', async () => {
    const connections = new Set<Socket>();
    const closing = await serve((req, res) => {
      connections.add(req.socket);
      answerSession(res);
      // The server ends idle connections soon after answering, as load balancers do.
      res.on('finish', () => setTimeout(() => req.socket.destroy(), 20));
    });
    try {
      const retries: RetryEvent[] = [];
      const okta = client(closing.url, { onRetry: (event) => retries.push(event) });
      for (let i = 0; i < 3; i++) {
        await okta.get('s1');
        await new Promise((resolve) => setTimeout(resolve, 80));
      }
      expect(connections.size).toBe(3);
      expect(retries).toEqual([]);
      await okta.close();
    } finally {
      await closing.close();
    }
  });

  it('paces a burst by the rate-limit headers: every call completes, none draws a 429', async () => {
    let rateLimited = 0;
    const server = await startOktaSessionsServer({
      rateLimit: { limit: 20, windowMs: 1_000 },
      onResponse: (record) => {
        if (record.status === 429) rateLimited++;
      },
    });
    try {
      const setup = new OktaSessions({ orgUrl: server.url, apiToken: server.apiToken, rateLimit: false });
      const session = await setup.create(await server.issueSessionToken({ login: 'burst@example.com' }));
      await setup.close();
      await new Promise((resolve) => setTimeout(resolve, 1_050));
      rateLimited = 0;
      const okta = client(server.url, { apiToken: server.apiToken });
      const results = await Promise.all(Array.from({ length: 50 }, () => okta.get(session.id as string)));
      expect(results).toHaveLength(50);
      expect(rateLimited).toBe(0);
      await okta.close();
    } finally {
      await server.close();
    }
  });

  it("close({ inFlight: 'finish' }): a request on the wire finishes and its call resolves; a call waiting for a permit ends unsent", async () => {
    const slow = await serve((_req, res) => setTimeout(() => answerSession(res), 300));
    try {
      const okta = client(slow.url, { rateLimit: { maxConcurrent: 1 } });
      const onTheWire = okta.get('102l8zwRRO8Q2y3vlkDEVbkig');
      const waiting = rejectionOf(okta.get('102l8zwRRO8Q2y3vlkDEVbkig'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      await okta.close({ inFlight: 'finish' });
      expect((await onTheWire).id).toBe('102l8zwRRO8Q2y3vlkDEVbkig');
      const unsent = (await waiting) as InstanceType<typeof OktaClientClosedError>;
      expect(unsent).toBeInstanceOf(OktaClientClosedError);
      expect(unsent.attempts).toBe(0);
      await expect(okta.get('s1')).rejects.toBeInstanceOf(OktaClientClosedError);
    } finally {
      await slow.close();
    }
  });

  it('close() aborts a call in flight and refuses later calls, with the same error either way', async () => {
    const hanging = await serve(() => undefined);
    try {
      const okta = client(hanging.url);
      const inFlight = rejectionOf(okta.get('s1'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      const started = performance.now();
      await okta.close();
      const error = (await inFlight) as Error;
      expect(error).toBeInstanceOf(OktaClientClosedError);
      expect(error.message).toBe(
        'getSession on a closed client: okta.close() was called; create a new OktaSessions (GET /api/v1/sessions/{sessionId})',
      );
      expect(performance.now() - started).toBeLessThan(500);
      const later = await rejectionOf(okta.get('s1'));
      expect(later).toBeInstanceOf(OktaClientClosedError);
      expect((later as Error).message).toBe(error.message);
      // Closing twice is harmless.
      await okta.close();
    } finally {
      await hanging.close();
    }
  });
});

describe('engine node:http only', () => {
  it('sends a safe request again at once when a kept-alive connection turns out dead, and leaves the rest to the retry policy', async () => {
    // The race a pool cannot avoid: the server drops a kept-alive connection just as the next request goes out on it.
    const served = new WeakMap<Socket, number>();
    const racing = await serve((req, res) => {
      const count = (served.get(req.socket) ?? 0) + 1;
      served.set(req.socket, count);
      if (count > 1) {
        req.socket.destroy();
        return;
      }
      if (req.method === 'DELETE') {
        res.writeHead(204, oktaHeaders());
        res.end();
        return;
      }
      answerSession(res);
    });
    try {
      const retries: RetryEvent[] = [];
      const okta = new OktaSessions({
        orgUrl: racing.url,
        apiToken: 'token-value-1234',
        retry: false,
        onRetry: (event) => retries.push(event),
      });
      await okta.get('s1');
      await expect(okta.get('s1')).resolves.toEqual(RECORDED_SESSION);
      // A revoke the server may have done before the drop is not the engine's to repeat: retry: false means once.
      await expect(okta.revoke('s1')).rejects.toBeInstanceOf(OktaConnectionError);
      expect(retries).toEqual([]);
      await okta.close();
    } finally {
      await racing.close();
    }
  });

  it('leaves no socket and no timer behind after close(), so a process exits at once', async () => {
    const server = await startOktaSessionsServer();
    try {
      const okta = new OktaSessions({ orgUrl: server.url, apiToken: server.apiToken });
      const session = await okta.create(await server.issueSessionToken({ login: 'close@example.com' }));
      await okta.close();
      const script = `
        import { subscribe } from 'node:diagnostics_channel';
        import { OktaSessions } from './src/index.ts';
        const opened = [];
        subscribe('net.client.socket', ({ socket }) => opened.push(socket));
        const okta = new OktaSessions({ orgUrl: process.argv[1], apiToken: process.argv[2] });
        await Promise.all(Array.from({ length: 8 }, () => okta.get(process.argv[3])));
        if (process.argv[4] === 'close') await okta.close();
        setImmediate(() => {
          const sockets = opened.filter((socket) => !socket.destroyed).length;
          console.log(JSON.stringify({ sockets, timers: process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length }));
        });
      `;
      const resourcesAfter = (mode: string) =>
        new Promise<{ sockets: number; timers: number }>((resolve, reject) => {
          execFile(
            process.execPath,
            ['--import', 'tsx', '--input-type=module', '-e', script, server.url, server.apiToken, session.id as string, mode],
            { cwd: process.cwd() },
            (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout.trim().split('\n').at(-1) as string))),
          );
        });
      expect((await resourcesAfter('keep')).sockets).toBeGreaterThan(0);
      expect(await resourcesAfter('close')).toEqual({ sockets: 0, timers: 0 });
    } finally {
      await server.close();
    }
  });
});

afterEach(() => vi.unstubAllGlobals());

const REQUEST: ApiRequest = {
  method: 'GET',
  url: 'https://acme.okta.com/x',
  headers: { accept: 'application/json' },
  body: undefined,
  credentials: undefined,
};

describe('fetch engine', () => {
  it("calls the global fetch as a plain function of globalThis, never as another object's method (a browser throws Illegal invocation)", async () => {
    const receivers: unknown[] = [];
    vi.stubGlobal('fetch', function (this: unknown) {
      receivers.push(this);
      return Promise.resolve(new Response(null, { status: 204 }));
    });
    const engine = fetchEngine(undefined);
    await engine.send(REQUEST, new AbortController().signal);
    // Looked up at call time, so a fetch patched after the client was made still applies.
    expect(receivers).toEqual([globalThis]);
  });

  it("uses the caller's fetch when given one", async () => {
    const custom = vi.fn(async () => new Response('{}'));
    const signal = new AbortController().signal;
    await fetchEngine(custom).send(REQUEST, signal);
    expect(custom).toHaveBeenCalledWith('https://acme.okta.com/x', {
      method: 'GET',
      headers: REQUEST.headers,
      body: undefined,
      redirect: 'manual',
      signal,
    });
  });
});
