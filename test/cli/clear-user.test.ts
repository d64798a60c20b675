/**
 * `okta-sessions clear-user`: child processes against the embedded server, every clear counted on the
 * server's side, as a responder runs it from an alert's user list or a System Log export.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type OktaSessionsServer, startOktaSessionsServer } from '../../src/testing/index.js';
import { type CliRun, expectNoStack, runCli } from '../support/cli.js';

const work = mkdtempSync(join(tmpdir(), 'okta-sessions-clear-user-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

const jsonLines = (run: CliRun) =>
  run.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));

/** Clears per user, counted where Okta counts them. */
function clearsPerUser(server: OktaSessionsServer): Map<string, number> {
  const counts = new Map<string, number>();
  for (const clear of server.sessionClears) counts.set(clear.userId, (counts.get(clear.userId) ?? 0) + 1);
  return counts;
}

async function oktaWith(limit: number) {
  const server = await startOktaSessionsServer({ rateLimit: { limit, windowMs: 1_000 } });
  const cli = (args: string[], input = '', started?: Parameters<typeof runCli>[3]) =>
    runCli(args, { OKTA_ORG_URL: server.url, OKTA_API_TOKEN: server.apiToken }, input, started);
  return { server, cli };
}

describe('clear-user', () => {
  it('clears users named by id, login and email: their sessions end, others stay; it says what happened to OAuth tokens and devices', async () => {
    const { server, cli } = await oktaWith(1000);
    try {
      const ada = [
        server.issueSession({ login: 'ada@example.com' }),
        server.issueSession({ login: 'ada@example.com' }),
        server.issueSession({ login: 'ada@example.com' }),
      ];
      const grace = server.issueSession({ login: 'grace@example.com' });
      const linusId = server.createUser({ login: 'linus' });
      server.issueSession({ login: 'linus' });
      const run = await cli(['clear-user', 'ada@example.com', linusId]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^clear-user: 2 of 2 users in [\d.]+ s/m);
      expect(run.stdout).toMatch(/^ {2}cleared +2$/m);
      expect(run.stdout).toContain(
        "OAuth tokens: revoked too (the users' OIDC and OAuth refresh and access tokens); --keep-oauth-tokens keeps them",
      );
      expect(run.stdout).toContain("Remembered factors: Okta's default (forgotten on Identity Engine, kept on Classic)");
      expect(server.sessionClears.map((clear) => [clear.oauthTokens, clear.forgetDevices, clear.ended])).toEqual(
        expect.arrayContaining([
          ['true', undefined, 3],
          ['true', undefined, 1],
        ]),
      );
      const check = await cli(['get', '--from', '-', '--json'], [...ada, grace].join('\n'));
      expect(jsonLines(check).map((line) => [line.id, line.outcome])).toEqual(
        expect.arrayContaining([...ada.map((id) => [id, 'failed']), [grace, 'found']]),
      );
    } finally {
      await server.close();
    }
  }, 30_000);

  it('--json lines with stable keys: input, userId, login, ok, outcome, status, errorCode, requestId, attempts; an unknown user is done, said apart', async () => {
    const { server, cli } = await oktaWith(1000);
    try {
      const adaId = server.createUser({ login: 'ada@example.com' });
      const run = await cli([
        'clear-user',
        'ada@example.com',
        'nobody@example.com',
        '00uNoSuchUser0000000',
        '--keep-oauth-tokens',
        '--forget-devices',
        '--json',
      ]);
      expect(run.code, run.stderr).toBe(0);
      const lines = jsonLines(run);
      for (const line of lines)
        expect(Object.keys(line).sort()).toEqual([
          'attempts',
          'errorCode',
          'input',
          'login',
          'ok',
          'outcome',
          'requestId',
          'status',
          'userId',
        ]);
      const byInput = Object.fromEntries(lines.map((line) => [line.input, line]));
      expect(byInput['ada@example.com']).toMatchObject({
        userId: adaId,
        login: 'ada@example.com',
        ok: true,
        outcome: 'cleared',
        status: 204,
        errorCode: null,
        attempts: 1,
        requestId: expect.stringMatching(/^[0-9a-f]{32}$/),
      });
      expect(byInput['nobody@example.com']).toMatchObject({
        userId: null,
        login: null,
        ok: true,
        outcome: 'no-such-user',
        status: 404,
        errorCode: 'E0000007',
      });
      expect(byInput['00uNoSuchUser0000000']).toMatchObject({
        userId: '00uNoSuchUser0000000',
        login: null,
        ok: true,
        outcome: 'no-such-user',
        status: 404,
      });
      expect(server.sessionClears.find((clear) => clear.userId === adaId)).toMatchObject({ oauthTokens: 'false', forgetDevices: 'true' });
      // The notes go to stderr with --json, so stdout stays JSON lines.
      expect(run.stderr).toContain('OAuth tokens: kept (--keep-oauth-tokens)');
      expect(run.stderr).toContain('Remembered factors: forgotten on all devices (--forget-devices)');
    } finally {
      await server.close();
    }
  }, 30_000);

  it('1,000 users (ids, logins, unknown ones, duplicates, an id and a login of one user) at the server’s limit: 0 failed, each cleared exactly once, through SIGINT and a resume from the journal', async () => {
    const { server, cli } = await oktaWith(100);
    try {
      const logins = Array.from({ length: 800 }, (_, i) => `user${i}@example.com`);
      const ids = logins.map((login) => server.createUser({ login }));
      for (const login of logins.slice(0, 100)) server.issueSession({ login });
      // Half by id, half by login; 100 users named both ways; 100 unknown; 100 duplicate lines.
      const inputs = [
        ...ids.slice(0, 400),
        ...logins.slice(400),
        ...logins.slice(0, 100),
        ...Array.from({ length: 100 }, (_, i) => `gone${i}@example.com`),
        ...ids.slice(300, 400),
      ];
      expect(inputs).toHaveLength(1100);
      const list = file('users.txt', `# alert 42: affected users\n${inputs.join('\n')}\n`);
      const journal = join(work, 'users.journal');
      const first = await cli(['clear-user', '--from', list, '--journal', journal, '--concurrency', '20'], '', (child) => {
        const poll = setInterval(() => {
          if (existsSync(journal) && readFileSync(journal, 'utf8').split('\n').length > 150) {
            clearInterval(poll);
            child.kill('SIGINT');
          }
        }, 20);
        child.once('exit', () => clearInterval(poll));
      });
      expect(first.code, first.stderr).toBe(130);
      expect(first.stderr).toContain(`run the same command with --journal ${journal} to finish them`);
      const clearedFirst = clearsPerUser(server).size;
      expect(clearedFirst).toBeGreaterThan(100);
      expect(clearedFirst).toBeLessThan(800);

      const second = await cli(['clear-user', '--from', list, '--journal', journal, '--concurrency', '20', '--json']);
      expect(second.code, second.stderr).toBe(0);
      expect(second.stderr).toContain('already done, skipped');
      expect(second.stderr).toContain('100 duplicate user(s) in the list were sent once');
      const outcomes = jsonLines(second).map((line) => line.outcome);
      expect(outcomes.filter((outcome) => outcome === 'failed')).toEqual([]);
      const cleared = clearsPerUser(server);
      expect(cleared.size).toBe(800);
      expect([...cleared.values()].every((count) => count === 1)).toBe(true);
      const ended = server.sessionClears.reduce((sum, clear) => sum + clear.ended, 0);
      expect(ended).toBe(100);
    } finally {
      await server.close();
    }
  }, 120_000);

  it('reads a System Log export: JSON lines and a JSON array, by --field', async () => {
    const { server, cli } = await oktaWith(1000);
    try {
      const adaId = server.createUser({ login: 'ada@example.com' });
      const graceId = server.createUser({ login: 'grace@example.com' });
      const events = [adaId, graceId].map((id, i) => ({
        eventType: 'user.session.start',
        actor: { id, type: 'User', alternateId: i === 0 ? 'ada@example.com' : 'grace@example.com' },
      }));
      const byLogin = await cli([
        'clear-user',
        '--from',
        file('log.ndjson', events.map((event) => JSON.stringify(event)).join('\n')),
        '--field',
        'actor.alternateId',
        '--json',
      ]);
      expect(byLogin.code, byLogin.stderr).toBe(0);
      expect(
        jsonLines(byLogin)
          .map((line) => [line.input, line.userId, line.outcome])
          .sort(),
      ).toEqual([
        ['ada@example.com', adaId, 'cleared'],
        ['grace@example.com', graceId, 'cleared'],
      ]);
      const byId = await cli(['clear-user', '--from', '-', '--field', 'actor.id'], JSON.stringify(events));
      expect(byId.code, byId.stderr).toBe(0);
      expect(byId.stdout).toMatch(/^ {2}cleared +2$/m);
      expect(clearsPerUser(server)).toEqual(
        new Map([
          [adaId, 2],
          [graceId, 2],
        ]),
      );
    } finally {
      await server.close();
    }
  }, 30_000);

  it('checks every input before sending anything, and refuses flags that do not fit (exit 2)', async () => {
    const { server, cli } = await oktaWith(1000);
    try {
      const bad = await cli(['clear-user', 'ada@example.com', 'me', 'ops/team@example.com']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('2 invalid user(s); nothing was sent');
      expect(bad.stderr).toContain('a user id or login "me" would name the API token\'s own admin');
      expectNoStack(bad);
      expect((await cli(['clear-user', 'a', '--forget-devices', '--keep-devices'])).stderr).toContain(
        'Pass --forget-devices or --keep-devices, not both',
      );
      expect((await cli(['revoke', '102abc', '--keep-oauth-tokens'])).stderr).toContain('--keep-oauth-tokens goes with clear-user');
      expect((await cli(['clear-user'])).code).toBe(2);
      expect(server.sessionClears).toEqual([]);
      expect(server.requestCounts.getUser ?? 0).toBe(0);
    } finally {
      await server.close();
    }
  }, 30_000);
});
