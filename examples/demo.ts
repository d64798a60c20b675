/**
 * The main job, end to end, against the embedded Okta-compatible server:
 * no network, no credentials. `make demo` runs it; it doubles as documentation.
 * In your own project the imports are 'okta-sessions' and 'okta-sessions/testing'.
 */
import { OktaNotFoundError, OktaSessions } from '../src/index.js';
import { startOktaSessionsServer } from '../src/testing/index.js';

const started = performance.now();
const log = (step: string, detail = '') => {
  const at = `${Math.round(performance.now() - started)} ms`.padStart(8);
  console.log(`[${at}] ${step.padEnd(34)} ${detail}`);
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runDemo(): Promise<{ retries: number; burst: number }> {
  // Okta's windows are 60 s; a 2 s window keeps the rate-limit part of the demo short.
  const server = await startOktaSessionsServer({ rateLimit: { limit: 20, windowMs: 2_000 } });
  let retries = 0;
  try {
    log('embedded Okta server', server.url);
    const okta = new OktaSessions({
      orgUrl: server.url,
      apiToken: server.apiToken,
      onRetry: (event) => {
        retries++;
        if (retries === 1) log('  429: client waits for the reset', `${event.delayMs} ms (reset − Date on the server clock + 1 s)`);
      },
    });

    // 1. Sign-in: a session token (from /api/v1/authn in real life) becomes a session.
    const sessionToken = await server.issueSessionToken({ login: 'ada@example.com' });
    const session = await okta.create(sessionToken);
    const id = session.id as string;
    log('create(sessionToken)', `${id} for ${session.login}, expires ${session.expiresAt}`);

    const fetched = await okta.get(id);
    log('get(id)', `${fetched.status}, amr ${fetched.amr?.join(',')}, idp ${fetched.idp?.type}`);

    // Okta's timestamps have whole seconds; wait one so the refresh shows.
    await sleep(1_100);
    const refreshed = await okta.refresh(id);
    log('refresh(id)', `expiresAt ${session.expiresAt} -> ${refreshed.expiresAt}`);

    await okta.revoke(id);
    log('revoke(id)', 'done (204)');
    try {
      await okta.get(id);
      throw new Error('a revoked session must be gone');
    } catch (error) {
      if (!(error instanceof OktaNotFoundError)) throw error;
      log('get(id) after revoke', `${error.name} ${error.errorCode}, request ${error.requestId}`);
    }

    // 2. The user's own session, by cookie: no API token is sent.
    const browserSession = await okta.create(await server.issueSessionToken({ login: 'grace@example.com' }));
    const cookie = `sid=${browserSession.id}`;
    const current = await okta.getCurrent({ cookie });
    log('getCurrent({ cookie })', `${current.login}, ${current.status}`);
    const currentRefreshed = await okta.refreshCurrent({ cookie });
    log('refreshCurrent({ cookie })', `expires ${currentRefreshed.expiresAt}`);
    await okta.closeCurrent({ cookie });
    log('closeCurrent({ cookie })', 'signed out');
    await okta.getCurrent({ cookie }).catch((error: unknown) => {
      if (!(error instanceof OktaNotFoundError)) throw error;
      log('getCurrent after close', `${error.name} ${error.errorCode}`);
    });

    // 3. Incident response under a rate limit: 30 lookups against a bucket of 20 per window.
    const target = await okta.create(await server.issueSessionToken({ login: 'mallory@example.com' }));
    const burstStarted = performance.now();
    const results = await Promise.all(Array.from({ length: 30 }, () => okta.get(target.id as string)));
    log(
      'burst of 30 get(id), limit 20/window',
      `${results.length} succeeded, ${retries} retried after 429, ${Math.round(performance.now() - burstStarted)} ms`,
    );
    await okta.revoke(target.id as string);
    log('revoke(id)', 'incident closed');
    return { retries, burst: results.length };
  } finally {
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runDemo().then(
    () => log('demo finished', 'exit 0'),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
