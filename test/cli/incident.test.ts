/**
 * Find → clear → prove from the command line, in this process through `main()`, against the embedded server's
 * System Log: `log`, `sessions`, `clear-user --session` and `clear-user --verify`, and the pipe from one to the other.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type OktaSessionsServer, type OktaSessionsServerOptions, startOktaSessionsServer } from '../../src/testing/index.js';
import { runMain } from '../support/cli-in-process.js';

const servers: OktaSessionsServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const ATTACKER = '203.0.113.7';

/** An Identity Engine org where two users signed in from the attacker's address, and one from the office. */
async function breachedOrg(options: OktaSessionsServerOptions = {}) {
  let logRequestCount = 0;
  const server = await startOktaSessionsServer({
    rateLimit: false,
    engine: 'identity-engine',
    onResponse: (record) => (logRequestCount += record.operationId === 'listLogEvents' ? 1 : 0),
    ...options,
  });
  servers.push(server);
  const ada = server.signIn({ login: 'ada@example.com', ipAddress: ATTACKER, userAgent: 'curl/8.5.0' });
  const grace = server.signIn({ login: 'grace@example.com', ipAddress: ATTACKER, userAgent: 'curl/8.5.0' });
  const linus = server.signIn({ login: 'linus@example.com', ipAddress: '198.51.100.20' });
  const logRequests = () => logRequestCount;
  const cli = (args: string[], stdin = '') => runMain(args, { env: { OKTA_ORG_URL: server.url, OKTA_API_TOKEN: server.apiToken }, stdin });
  return { server, cli, ada, grace, linus, logRequests };
}

describe('log', () => {
  it('prints a table with a header, or one event per line with --json', async () => {
    const { cli, ada } = await breachedOrg();
    const table = await cli(['log', '--since', '1h']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^TIME \(UTC\) +EVENT +ACTOR +IP +SESSION +OUTCOME/);
    expect(table.stdout).toMatch(
      new RegExp(`user\\.session\\.start +ada@example\\.com +${ATTACKER.replaceAll('.', '\\.')} +${ada.externalSessionId}`),
    );
    const json = await cli(['log', '--since', '1h', '--filter', `client.ipAddress eq "${ATTACKER}"`, '--json']);
    expect(json.code, json.stderr).toBe(0);
    const events = json.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { actor: { alternateId: string } });
    expect(events.map((event) => event.actor.alternateId)).toEqual(['ada@example.com', 'grace@example.com']);
  });

  it('--follow keeps reading until Ctrl-C, which ends it cleanly (exit 0) with what it read', async () => {
    const { ada, server } = await breachedOrg();
    const run = await runMain(['log', '--since', '1h', '--follow', '--json'], {
      env: { OKTA_ORG_URL: server.url, OKTA_API_TOKEN: server.apiToken },
      onInterruptListening: (interrupt) => setTimeout(interrupt, 500),
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(ada.externalSessionId);
    expect(run.stderr).toContain('log: stopped after 3 event(s)');
    expect(run.stderr).not.toContain('incomplete');
  });

  it('Ctrl-C during a read that was to end by itself says the read is incomplete, and exits 130', async () => {
    const { server } = await breachedOrg({ rateLimit: { limit: 1, windowMs: 10_000, buckets: { '/api/v1/logs': { limit: 1 } } } });
    // One page, then the bucket is empty for 10 s: Ctrl-C comes while the read waits.
    const run = await runMain(['log', '--since', '1h', '--json'], {
      env: { OKTA_ORG_URL: server.url, OKTA_API_TOKEN: server.apiToken, OKTA_SESSIONS_LOG: 'off' },
      onInterruptListening: (interrupt) => setTimeout(interrupt, 500),
    });
    expect(run.code, run.stderr).toBe(130);
    expect(run.stderr).toMatch(/log: stopped after \d+ event\(s\): the read is incomplete/);
  });

  it('refuses a time it cannot read, saying what it takes, before sending anything', async () => {
    const { cli, logRequests } = await breachedOrg();
    const run = await cli(['log', '--since', 'yesterday']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--since takes a span back from now (30m, 24h, 7d) or an ISO 8601 time');
    expect(logRequests()).toBe(0);
  });
});

describe('sessions', () => {
  it('--ip finds the sessions seen from an address, active as far as the log shows', async () => {
    const { cli, ada, grace, linus } = await breachedOrg();
    const run = await cli(['sessions', '--ip', ATTACKER, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const found = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { externalSessionId: string; login: string; active: boolean });
    expect(found.map((session) => session.externalSessionId).sort()).toEqual([ada.externalSessionId, grace.externalSessionId].sort());
    expect(found.every((session) => session.active)).toBe(true);
    expect(run.stdout).not.toContain(linus.externalSessionId);
  });

  it('asks for exactly one selector', async () => {
    const { cli } = await breachedOrg();
    const run = await cli(['sessions', '--ip', ATTACKER, '--user', 'ada@example.com']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('give one of --user <id|login>, --ip <address> or --session <externalSessionId>, not --user and --ip');
  });
});

describe('clear-user --session', () => {
  it('resolves Identity Engine sessions to their users through one log read; --dry-run shows it and clears nothing', async () => {
    const { server, cli, ada, grace, logRequests } = await breachedOrg();
    const run = await cli(['clear-user', '--session', ada.externalSessionId, '--session', grace.externalSessionId, '--dry-run']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`would clear +${ada.externalSessionId} → ${ada.userId} → ada@example\\.com`));
    expect(run.stdout).toMatch(new RegExp(`would clear +${grace.externalSessionId} → ${grace.userId} → grace@example\\.com`));
    expect(server.sessionClears).toHaveLength(0);
    expect(logRequests()).toBe(1);
  });

  it('a session the log does not show is not done: exit 1, and no one is cleared for it', async () => {
    const { server, cli, ada } = await breachedOrg();
    const run = await cli(['clear-user', '--session', ada.externalSessionId, '--session', 'idxNOTINTHELOG000000000']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/session not in the log +idxNOTINTHELOG000000000/);
    expect(run.stdout).toContain(
      'the System Log shows no session idxNOTINTHELOG000000000 in the last 7 days (--since to look further back)',
    );
    expect(server.sessionClears.map((clear) => clear.userId)).toEqual([ada.userId]);
  });

  it('refuses what cannot be a session before reading the log', async () => {
    const { cli, logRequests } = await breachedOrg();
    const run = await cli(['clear-user', '--session', 'unknown']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"unknown" is what the System Log says for an event of no session');
    expect(logRequests()).toBe(0);
  });
});

describe('clear-user --verify', () => {
  it('reports per user the sessions the clear ended, as the log shows them: id, start, address, user agent', async () => {
    const { cli, ada, grace, linus } = await breachedOrg();
    const run = await cli(['clear-user', '--session', ada.externalSessionId, '--session', grace.externalSessionId, '--verify']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Verified in the System Log: 2 of 2 clear(s)');
    expect(run.stdout).toContain(`${ada.userId} (ada@example.com): ended 1 session(s)`);
    expect(run.stdout).toMatch(
      new RegExp(`${ada.externalSessionId} +started \\S+Z from ${ATTACKER.replaceAll('.', '\\.')} \\(curl/8\\.5\\.0\\)`),
    );
    expect(run.stdout).not.toContain(linus.externalSessionId);
  });

  it('a session that signed in before the newest 1000 sign-ins: its start is found by id instead', async () => {
    const { server, ada } = await breachedOrg();
    for (let index = 0; index < 1000; index++) server.signIn({ login: `bystander-${index}@example.com` });
    const run = await runMain(['clear-user', 'ada@example.com', '--verify', '--json'], {
      env: { OKTA_ORG_URL: server.url, OKTA_API_TOKEN: server.apiToken },
    });
    expect(run.code, run.stderr).toBe(0);
    const verified = run.json().find((line) => line.event === 'verified');
    expect(verified).toMatchObject({
      sessionsEnded: [{ externalSessionId: ada.externalSessionId, ipAddresses: [ATTACKER], userAgents: ['curl/8.5.0'] }],
    });
    expect((verified?.sessionsEnded as { startedAt: string }[])[0]?.startedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('--json: one verified line per user after the results', async () => {
    const { cli, ada } = await breachedOrg();
    const run = await cli(['clear-user', 'ada@example.com', '--verify', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ input: 'ada@example.com', outcome: 'cleared', userId: ada.userId });
    expect(lines[1]).toMatchObject({
      event: 'verified',
      userId: ada.userId,
      requestId: lines[0]?.requestId,
      sessionsEnded: [{ externalSessionId: ada.externalSessionId, ipAddresses: [ATTACKER], userAgents: ['curl/8.5.0'] }],
    });
  });

  it('a clear the log does not show in time is unverified: exit 5, though Okta answered 204', async () => {
    const { server, cli } = await breachedOrg({ logDelayMs: 60_000 });
    const run = await cli(['clear-user', 'ada@example.com', '--verify', '--verify-timeout', '1s']);
    expect(server.sessionClears).toHaveLength(1);
    expect(run.code).toBe(5);
    expect(run.stdout).toContain('Verified in the System Log: 0 of 1 clear(s)');
    expect(run.stdout).toMatch(/UNVERIFIED: the System Log did not show clear [0-9a-f]{32} within 1s/);
  });

  it('a token that may not read the log: the clears happen, and each is unverified, naming why (exit 5)', async () => {
    const { server, ada } = await breachedOrg();
    const token = server.issueAccessToken(['okta.users.read', 'okta.users.manage']);
    const run = await runMain(['clear-user', 'ada@example.com', '--verify'], {
      env: { OKTA_ORG_URL: server.url, OKTA_ACCESS_TOKEN: token },
    });
    expect(server.sessionClears.map((clear) => clear.userId)).toEqual([ada.userId]);
    expect(run.code).toBe(5);
    expect(run.stdout).toContain('Verified in the System Log: 0 of 1 clear(s)');
    expect(run.stdout).toMatch(/UNVERIFIED: the System Log could not be read: .*okta\.logs\.read/);
  });

  it('the clears proved, but where the sessions began unreadable: verified (exit 0), and the report says what is missing', async () => {
    let logReads = 0;
    const server: OktaSessionsServer = await startOktaSessionsServer({
      rateLimit: false,
      engine: 'identity-engine',
      // The verification takes two reads (the clear's events, then an empty page); every read after is refused.
      onResponse: (record) => {
        if (record.operationId === 'listLogEvents' && ++logReads === 2)
          server.inject({ type: 'status', status: 403 }, { operation: 'listLogEvents', times: Number.POSITIVE_INFINITY });
      },
    });
    servers.push(server);
    server.signIn({ login: 'ada@example.com', ipAddress: ATTACKER });
    const run = await runMain(['clear-user', 'ada@example.com', '--verify'], {
      env: { OKTA_ORG_URL: server.url, OKTA_API_TOKEN: server.apiToken },
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Verified in the System Log: 1 of 1 clear(s)');
    expect(run.stdout).toContain('start not in the window read');
    expect(run.stdout).toMatch(/\(where the ended sessions began could not be read: .*403.*okta\.logs\.read/);
  });

  it('--verify-timeout without --verify is a usage error', async () => {
    const { server, cli } = await breachedOrg();
    const run = await cli(['clear-user', 'ada@example.com', '--verify-timeout', '1m']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--verify-timeout goes with --verify');
    expect(server.sessionClears).toHaveLength(0);
  });
});

describe('log | clear-user', () => {
  it('the README pipe: the users seen from an address, cleared, the clears proved', async () => {
    const { server, cli, ada, grace } = await breachedOrg();
    const log = await cli(['log', '--filter', `client.ipAddress eq "${ATTACKER}"`, '--since', '24h', '--json']);
    expect(log.code, log.stderr).toBe(0);
    const run = await cli(['clear-user', '--from', '-', '--field', 'actor.id', '--where', 'actor.type=User', '--verify'], log.stdout);
    expect(run.code, run.stderr).toBe(0);
    expect(server.sessionClears.map((clear) => clear.userId).sort()).toEqual([ada.userId, grace.userId].sort());
    expect(run.stdout).toContain('Verified in the System Log: 2 of 2 clear(s)');
    expect(run.stdout).toContain(ada.externalSessionId);
    expect(run.stdout).toContain(grace.externalSessionId);
  });

  it('a log export by session: --field authenticationContext.externalSessionId resolves each to its user', async () => {
    const { server, cli, ada } = await breachedOrg();
    server.appSignIn({ externalSessionId: ada.externalSessionId, app: 'Payroll', ipAddress: ATTACKER });
    const log = await cli(['log', '--filter', `authenticationContext.externalSessionId eq "${ada.externalSessionId}"`, '--json']);
    const run = await cli(['clear-user', '--from', '-', '--field', 'authenticationContext.externalSessionId'], log.stdout);
    expect(run.code, run.stderr).toBe(0);
    expect(server.sessionClears.map((clear) => clear.userId)).toEqual([ada.userId]);
  });
});
