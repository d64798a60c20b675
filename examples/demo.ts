/**
 * The main job, end to end, against the embedded Okta-compatible server:
 * no network, no credentials. `make demo` runs it; it doubles as documentation.
 * In your own project the imports are 'okta-sessions' and 'okta-sessions/testing'.
 */
import { main } from '../src/cli/main.js';
import { OktaNotFoundError, OktaSessions } from '../src/index.js';
import { type OktaSessionsServer, startOktaSessionsServer } from '../src/testing/index.js';

const started = performance.now();
const log = (step: string, detail = '') => {
  const at = `${Math.round(performance.now() - started)} ms`.padStart(8);
  console.log(`[${at}] ${step.padEnd(36)} ${detail}`);
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: Math.round(performance.now() - start) };
}

/** The okta-sessions command, run in this process against `server`, its output indented under the step. */
async function cli(server: OktaSessionsServer, args: string[]): Promise<number> {
  log(`okta-sessions ${args.join(' ')}`);
  const print = (text: string) => text.split('\n').forEach((line) => console.log(`             │ ${line}`));
  return main(args, {
    out: print,
    err: print,
    env: { OKTA_ORG_URL: server.url, OKTA_API_TOKEN: server.apiToken },
    version: 'demo',
    readStdin: async () => '',
    onInterrupt: () => () => {},
  });
}

/**
 * An incident on an Identity Engine org, from the command line: two users signed in from an attacker's address;
 * find their sessions in the System Log, clear the users, and prove from the log which sessions ended. The
 * log here lags 300 ms, as Okta's does (seconds there), and --verify waits for it.
 */
async function incident(): Promise<{ verifyExit: number }> {
  const server = await startOktaSessionsServer({ engine: 'identity-engine', logDelayMs: 300, rateLimit: false });
  try {
    const attacker = { ipAddress: '203.0.113.7', userAgent: 'python-requests/2.32' };
    const ada = server.signIn({ login: 'ada@example.com', ...attacker });
    const bob = server.signIn({ login: 'bob@example.com', ...attacker });
    server.signIn({ login: 'ada@example.com', ipAddress: '198.51.100.20', userAgent: 'Mozilla/5.0 (Macintosh)' });
    server.appSignIn({ externalSessionId: ada.externalSessionId, app: 'Payroll', ...attacker });
    log('incident: sign-ins from 203.0.113.7', `${ada.externalSessionId} (ada), ${bob.externalSessionId} (bob)`);
    await sleep(400);
    await cli(server, ['sessions', '--ip', attacker.ipAddress, '--since', '1h']);
    const verifyExit = await cli(server, [
      'clear-user',
      '--session',
      ada.externalSessionId,
      '--session',
      bob.externalSessionId,
      '--verify',
    ]);
    log('clear-user --verify', `exit ${verifyExit}: every clear shown in the System Log`);
    return { verifyExit };
  } finally {
    await server.close();
  }
}

export async function runDemo(): Promise<{ held: number; retries: number; burst: number; pacedRejections: number; verifyExit: number }> {
  // Okta's windows are 60 s; a 2 s window keeps the rate-limit part of the demo short.
  let rejected = 0;
  const server = await startOktaSessionsServer({
    rateLimit: { limit: 20, windowMs: 2_000 },
    onResponse: (response) => {
      if (response.status === 429) rejected++;
    },
  });
  let held = 0;
  let retries = 0;
  try {
    log('embedded Okta server', server.url);
    const okta = new OktaSessions({
      orgUrl: server.url,
      apiToken: server.apiToken,
      // Pacing by X-Rate-Limit-* headers is on by default: requests for a used-up bucket wait for its reset.
      onRateLimit: (event) => {
        held++;
        if (held === 1)
          log(
            '  bucket used up: holding requests',
            `${event.waitMs} ms until the reset of bucket "${event.bucket}" (limit ${event.limit})`,
          );
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

    // 3. Log a user out everywhere, as a responder does on Identity Engine: by login, OAuth tokens included.
    const linusSessions = [server.issueSession({ login: 'linus@example.com' }), server.issueSession({ login: 'linus@example.com' })];
    const linus = await okta.getUser('linus@example.com');
    log('getUser(login)', `${linus.id} ${linus.status}, ${linusSessions.length} sessions`);
    const cleared = await okta.clearUserSessions(linus.id as string, { oauthTokens: true }).withResponse();
    log('clearUserSessions(userId)', `${cleared.status}, request ${cleared.requestId} (for the incident log)`);
    await okta.get(linusSessions[0] as string).catch((error: unknown) => {
      if (!(error instanceof OktaNotFoundError)) throw error;
      log('get(id) of one of them', `${error.name}: every session of the user ended`);
    });

    // 4. Incident response under a rate limit: 30 lookups against a bucket of 20 per window.
    const target = await okta.create(await server.issueSessionToken({ login: 'mallory@example.com' }));
    const paced = await timed(() => Promise.all(Array.from({ length: 30 }, () => okta.get(target.id as string))));
    log('burst of 30 get(id), paced', `${paced.value.length} succeeded, ${held} held for the reset, ${rejected} got a 429, ${paced.ms} ms`);

    // The same burst with pacing off: the 429 retry (on Okta's clock) is the safety net.
    await sleep(2_100);
    const retryOnly = new OktaSessions({
      orgUrl: server.url,
      apiToken: server.apiToken,
      rateLimit: false,
      onRetry: (event) => {
        retries++;
        if (retries === 1) log('  429: waiting for the reset', `${event.delayMs} ms (reset − Date on the server clock + 1 s)`);
      },
    });
    const rejectedBefore = rejected;
    const unpaced = await timed(() => Promise.all(Array.from({ length: 30 }, () => retryOnly.get(target.id as string))));
    log(
      'burst of 30 get(id), retry only',
      `${unpaced.value.length} succeeded, ${rejected - rejectedBefore} got a 429 and were retried, ${unpaced.ms} ms`,
    );

    await okta.revoke(target.id as string);
    log('revoke(id)', 'done');

    // 5. An incident on Identity Engine: find → clear → prove, from the command line.
    const { verifyExit } = await incident();
    return { held, retries, burst: paced.value.length, pacedRejections: rejectedBefore, verifyExit };
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
