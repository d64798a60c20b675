import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULT_CASES, type Operation } from './cases.js';
import { exportJWK, generateKeyPair } from 'jose';
import { CALL_TIMEOUT_MS, type OAuthKey, runCase } from './run-case.js';

/**
 * The fault suite runs with sentinel credentials: everything the client says
 * (errors in every form, hook events, anything written to stdout/stderr) is
 * collected and must never contain them.
 */
const SENTINEL_TOKEN = 'SENTINELapiTOKEN-4f2b9c7e1d';
const SENTINEL_COOKIE = 'SENTINELcookieVALUE8a3e51';
const exposed: string[] = [];
const secrets = new Set([SENTINEL_TOKEN, SENTINEL_COOKIE]);
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
const writes: string[] = [];
const originalWrites = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
let baseline: Map<string, number>;
let oauthKey: OAuthKey;

function handles(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of process.getActiveResourcesInfo()) counts.set(name, (counts.get(name) ?? 0) + 1);
  return counts;
}

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  oauthKey = { privateJwk: (await exportJWK(privateKey)) as OAuthKey['privateJwk'], publicJwk: await exportJWK(publicKey) };
  secrets.add(oauthKey.privateJwk.d);
  process.on('unhandledRejection', onUnhandled);
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => {
    writes.push(String(chunk));
    return (originalWrites.out as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: unknown, ...rest: unknown[]) => {
    writes.push(String(chunk));
    return (originalWrites.err as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stderr.write;
  baseline = handles();
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
  process.stdout.write = originalWrites.out;
  process.stderr.write = originalWrites.err;
});

/** Every case for every operation it names; `get` a second time with an OAuth service app (DPoP), token requests included. */
const runs = FAULT_CASES.flatMap((faultCase) =>
  (Object.keys(faultCase.expect) as Operation[]).flatMap((operation) => [
    { faultCase, operation, oauth: false },
    ...(operation === 'get' ? [{ faultCase, operation, oauth: true }] : []),
  ]),
);

describe('fault suite', () => {
  it.each(runs.map((run) => [`${run.faultCase.name}: ${run.operation}${run.oauth ? ' (OAuth, DPoP)' : ''}`, run] as const))(
    '%s',
    async (_label, { faultCase, operation, oauth }) => {
      const run = await runCase(faultCase, operation, {
        apiToken: SENTINEL_TOKEN,
        cookieValue: SENTINEL_COOKIE,
        ...(oauth ? { oauth: oauthKey } : {}),
      });
      secrets.add(run.sessionToken);
      for (const secret of run.oauthSecrets) secrets.add(secret);
      // A refused connection carries nothing; every other run put an assertion, proofs and a token on the wire.
      if (oauth && !faultCase.closedPort) expect(run.oauthSecrets.length).toBeGreaterThan(2);
      exposed.push(run.clientShown);
      const expected = faultCase.expect[operation];
      expect(run.outcome, String((run.error as Error)?.message ?? '')).toBe(expected);
      if (run.error !== undefined) {
        expect(run.error).toBeInstanceOf(Error);
        expect((run.error as Error).name.startsWith('Okta')).toBe(true);
        const error = run.error as Error;
        exposed.push(
          error.message,
          String(error.stack),
          JSON.stringify(error),
          inspect(error, { depth: 10, showHidden: true }),
          String(error),
        );
      }
      exposed.push(JSON.stringify(run.hookEvents));
      expect(run.elapsedMs).toBeLessThan(CALL_TIMEOUT_MS + 500);
      faultCase.check?.(run.error, { otherOriginRequests: run.otherOriginRequests });
      expect(unhandled).toEqual([]);
      // Nothing left behind: no timer, socket or server beyond what the test process had before.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const now = handles();
      for (const kind of ['Timeout', 'TCPSocketWrap', 'TCPServerWrap']) {
        expect(now.get(kind) ?? 0, `${kind} left open`).toBeLessThanOrEqual(baseline.get(kind) ?? 0);
      }
    },
  );

  it('never shows the sentinel token, cookie, session tokens, private key, assertions, proofs or access tokens in errors, hooks, inspect(client) or output', () => {
    expect(exposed.length).toBeGreaterThan(runs.length);
    const everything = [...exposed, ...writes].join('\n');
    for (const secret of secrets) expect(everything.includes(secret), `a credential leaked: ${secret.slice(0, 8)}…`).toBe(false);
  });
});
