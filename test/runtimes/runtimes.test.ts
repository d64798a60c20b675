/**
 * The package in Bun, Deno and Cloudflare's workerd, imported as each runtime's users import it (Bun and Deno:
 * the installed package from node_modules; workerd: a Worker bundled as wrangler bundles it), running
 * test/runtimes/smoke.mjs against embedded servers on loopback. Runs after the other suites (`npm test`):
 * it packs the package, which rebuilds dist/.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OktaSessionsServer, startOktaSessionsServer } from '../../src/testing/index.js';
import { packedConsumer } from '../support/packed-consumer.js';
import { bundleWorker, runScript, runWorker } from '../support/runtimes.js';

const LIMIT = 2;
const LOGIN = 'edge@example.com';

const work = mkdtempSync(join(tmpdir(), 'okta-sessions-runtimes-'));
let consumer: string;

beforeAll(() => {
  ({ consumer } = packedConsumer(work, { manifest: { type: 'module' } }));
  for (const file of ['smoke.mjs', 'main.mjs', 'worker.mjs']) copyFileSync(join('test/runtimes', file), join(consumer, file));
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Servers of one runtime's run: the main one, a tight one for the 429, and one that never answers getSession. */
async function startServers() {
  const main = await startOktaSessionsServer({ rateLimit: false });
  const limited = await startOktaSessionsServer({ rateLimit: { limit: LIMIT, windowMs: 2000 }, apiToken: main.apiToken });
  const hanging = await startOktaSessionsServer({ rateLimit: false, apiToken: main.apiToken });
  hanging.inject({ type: 'hang' }, { operation: 'getSession', times: Number.POSITIVE_INFINITY });
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const { clientId } = main.registerServiceApp({
    publicKey: { ...(await exportJWK(publicKey)), kid: 'edge-1' },
    scopes: ['okta.sessions.read'],
  });
  const config = {
    orgUrl: main.url,
    apiToken: main.apiToken,
    sessionId: main.issueSession({ login: LOGIN }),
    revokeId: main.issueSession({ login: LOGIN }),
    cookie: `sid=${main.issueSession({ login: LOGIN })}`,
    oauth: { clientId, privateKey: { ...(await exportJWK(privateKey)), kid: 'edge-1' }, scopes: ['okta.sessions.read'] },
    limitedUrl: limited.url,
    limitedSessionId: limited.issueSession({ login: LOGIN }),
    limit: LIMIT,
    hangingUrl: hanging.url,
  };
  return { servers: [main, limited, hanging], config };
}

type Check = { ok: true; seen: Record<string, unknown> } | { ok: false; error: string };
interface Report {
  /** The file the package's specifier resolved to (Bun, Deno), or the package files bundled (workerd). */
  entry: string;
  results: Record<string, Check>;
}

const RUNTIMES: { name: string; entry: RegExp; run: (config: object) => Promise<Report> }[] = [
  {
    name: 'Bun',
    entry: /okta-sessions\/dist\/esm\/src\/universal\.js$/,
    run: async (config) => (await runScript('Bun', 'main.mjs', consumer, { RUNTIME_SMOKE: JSON.stringify(config) })) as Report,
  },
  {
    name: 'Deno',
    entry: /okta-sessions\/dist\/esm\/src\/universal\.js$/,
    run: async (config) => (await runScript('Deno', 'main.mjs', consumer, { RUNTIME_SMOKE: JSON.stringify(config) })) as Report,
  },
  {
    name: 'workerd',
    entry: /okta-sessions\/dist\/esm\/src\/universal\.js$/,
    run: async (config) => {
      const bundle = await bundleWorker(consumer, 'worker.mjs');
      const entries = bundle.inputs.filter((file) => /okta-sessions\/dist\/esm\/src\/(index|universal)\.js$/.test(file));
      const { results } = (await runWorker(bundle.code, { RUNTIME_SMOKE: JSON.stringify(config) })) as Report;
      return { entry: entries.join(', '), results };
    },
  },
];

describe.each(RUNTIMES)('$name, from the installed package', ({ name, entry, run }) => {
  let servers: OktaSessionsServer[] = [];
  let config: Awaited<ReturnType<typeof startServers>>['config'];
  let report: Report;

  beforeAll(async () => {
    ({ servers, config } = await startServers());
    report = await run(config);
  }, 120_000);
  afterAll(() => Promise.all(servers.map((server) => server.close())));

  /** What the check saw; a check that threw fails here with its stack. */
  function seen(check: string): Record<string, unknown> {
    const result = report.results[check];
    if (!result?.ok) throw new Error(`${name}: ${check} threw: ${result?.error ?? 'no result'}`);
    return result.seen;
  }

  it('imports the entry its exports condition chooses', () => {
    expect(report.entry).toMatch(entry);
  });

  it('get: the session, with its request id', () => {
    expect(seen('get')).toEqual({ id: config.sessionId, login: LOGIN, status: 'ACTIVE', attempts: 1, hasRequestId: true });
  });

  it('revoke: the session is gone afterwards', () => {
    expect(seen('revoke')).toMatchObject({ revoked: true, afterwards: { name: 'OktaNotFoundError', notFound: true, status: 404 } });
  });

  it('a 404 is an OktaNotFoundError, by instanceof', () => {
    expect(seen('notFound')).toMatchObject({
      name: 'OktaNotFoundError',
      notFound: true,
      oktaError: true,
      status: 404,
      errorCode: 'E0000007',
    });
  });

  it('a 429 is retried at its reset, and succeeds', () => {
    const result = seen('rateLimited');
    expect(result).toMatchObject({ id: config.limitedSessionId, attempts: 2, retries: [{ reason: 'rate-limited', status: 429 }] });
    // The wait is the reset (whole seconds, within the 2 s window) plus Okta's SDKs' one-second margin.
    expect(result.waitedMs).toBeGreaterThanOrEqual(1000);
    expect(result.waitedMs).toBeLessThan(4500);
  });

  it('an abort by signal ends a call Okta never answers, with the AbortError', () => {
    const result = seen('abort');
    expect(result).toMatchObject({ name: 'AbortError', oktaError: false });
    expect(result.elapsedMs).toBeLessThan(2000);
  });

  it('getCurrent with the session cookie, and no token', () => {
    expect(seen('getCurrent')).toEqual({ login: LOGIN });
  });

  it('OAuth with DPoP: the private key signs the assertion and the proofs (WebCrypto)', () => {
    expect(seen('oauthDpop')).toEqual({ login: LOGIN });
    expect(servers[0]?.tokenRequests).toBe(2);
  });
});
