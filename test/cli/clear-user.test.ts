/**
 * `okta-sessions clear-user`, run in this process through `main()` against the embedded server, every clear
 * counted on the server's side, as a responder runs it from an alert's user list or a System Log export.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type OktaSessionsServer, startOktaSessionsServer } from '../../src/testing/index.js';
import { runMain } from '../support/cli-in-process.js';

const work = mkdtempSync(join(tmpdir(), 'okta-sessions-clear-user-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

/** Clears per user, counted where Okta counts them. */
function clearsPerUser(server: OktaSessionsServer): Map<string, number> {
  const counts = new Map<string, number>();
  for (const clear of server.sessionClears) counts.set(clear.userId, (counts.get(clear.userId) ?? 0) + 1);
  return counts;
}

async function oktaWith(limit: number) {
  const server = await startOktaSessionsServer({ rateLimit: { limit, windowMs: 1_000 } });
  const cli = (args: string[], stdin = '', extra: Parameters<typeof runMain>[1] = {}) =>
    runMain(args, { env: { OKTA_ORG_URL: server.url, OKTA_API_TOKEN: server.apiToken }, stdin, ...extra });
  return { server, cli };
}

/** A System Log event as an export holds it. */
const event = (actor: { id: string; type: string; alternateId: string }) => JSON.stringify({ eventType: 'user.session.start', actor });

describe('clear-user', () => {
  it('clears users named by id, login and email: their sessions end, others stay; the report gives input → user id → login and the request id', async () => {
    const { server, cli } = await oktaWith(1000);
    try {
      const ada = [server.issueSession({ login: 'ada@example.com' }), server.issueSession({ login: 'ada@example.com' })];
      const grace = server.issueSession({ login: 'grace@example.com' });
      const linusId = server.createUser({ login: 'linus' });
      server.issueSession({ login: 'linus' });
      const adaId = server.createUser({ login: 'ada2@example.com' });
      const run = await cli(['clear-user', 'ada@example.com', linusId, adaId]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^clear-user: 3 user\(s\), 3 done/m);
      expect(run.stdout).toMatch(/^ {2}cleared +ada@example\.com → 00u\w{17} {2}request [0-9a-f]{32}$/m);
      expect(run.stdout).toContain(`cleared                  ${linusId}`);
      expect(run.stdout).toContain(
        "OAuth tokens: revoked too (the users' OIDC and OAuth refresh and access tokens); --keep-oauth-tokens keeps them",
      );
      expect(run.stdout).toContain("Remembered factors: Okta's default (forgotten on Identity Engine, kept on Classic)");
      expect(server.sessionClears.map((clear) => [clear.oauthTokens, clear.forgetDevices, clear.ended])).toEqual(
        expect.arrayContaining([
          ['true', undefined, 2],
          ['true', undefined, 1],
        ]),
      );
      const check = await cli(['get', '--from', '-', '--json'], [...ada, grace].join('\n'));
      expect(check.json().map((line) => [line.input, line.outcome])).toEqual([...ada.map((id) => [id, 'gone']), [grace, 'found']]);
    } finally {
      await server.close();
    }
  });

  it('a login that names no user is "no such user", reported by input, and exits 1 unless --allow-unknown', async () => {
    const { server, cli } = await oktaWith(1000);
    try {
      const erin = server.createUser({ login: 'erin@acme.example' });
      const run = await cli([
        'clear-user',
        'erin@acme.exmaple',
        '00uNoSuchUser0000000',
        '--keep-oauth-tokens',
        '--forget-devices',
        '--json',
      ]);
      expect(run.code).toBe(1);
      const byInput = Object.fromEntries(run.json().map((line) => [line.input, line]));
      expect(byInput['erin@acme.exmaple']).toMatchObject({
        userId: null,
        ok: false,
        outcome: 'no-such-user',
        status: 404,
        errorCode: 'E0000007',
      });
      expect(byInput['00uNoSuchUser0000000']).toMatchObject({
        userId: '00uNoSuchUser0000000',
        ok: false,
        outcome: 'no-such-user',
        status: 404,
      });
      expect(server.sessionClears).toEqual([]);
      // Notes go to stderr with --json, as JSON, so stdout stays JSON lines.
      expect(run.stderr).toContain('"event":"note","message":"OAuth tokens: kept (--keep-oauth-tokens)');
      const text = await cli(['clear-user', 'erin@acme.exmaple', 'erin@acme.example']);
      expect(text.code).toBe(1);
      expect(text.stdout).toMatch(/^ {2}no such user \(404\) +erin@acme\.exmaple {2}request/m);
      const leavers = await cli(['clear-user', 'erin@acme.exmaple', 'erin@acme.example', '--allow-unknown']);
      expect(leavers.code).toBe(0);
      expect(clearsPerUser(server).get(erin)).toBe(2);
    } finally {
      await server.close();
    }
  });

  it('a System Log export: JSON read without --field is refused; system actors are refused unless --where chooses users', async () => {
    const { server, cli } = await oktaWith(1000);
    try {
      const ada = server.createUser({ login: 'ada@example.com' });
      const grace = server.createUser({ login: 'grace@example.com' });
      const exported = file(
        'syslog.json',
        [
          event({ id: ada, type: 'User', alternateId: 'ada@example.com' }),
          event({ id: '0oa1systemPrincipal0', type: 'SystemPrincipal', alternateId: 'system@okta.com' }),
          event({ id: grace, type: 'User', alternateId: 'grace@example.com' }),
        ].join('\n'),
      );
      const noField = await cli(['clear-user', '--from', exported]);
      expect(noField.code).toBe(2);
      expect(noField.stderr).toContain(
        'the list is JSON: choose the field to read with --field (e.g. --field actor.id); its records have eventType, actor.id, actor.type, actor.alternateId',
      );
      const mixed = await cli(['clear-user', '--from', exported, '--field', 'actor.id']);
      expect(mixed.code).toBe(2);
      expect(mixed.stderr).toContain('line 2: actor.type is SystemPrincipal, not a user: add --where actor.type=User to read users only');
      expect(server.sessionClears).toEqual([]);
      const users = await cli(['clear-user', '--from', exported, '--field', 'actor.id', '--where', 'actor.type=User']);
      expect(users.code, users.stdout).toBe(0);
      expect(users.stdout).toContain('(1 record(s) left out by --where)');
      expect([...clearsPerUser(server).keys()].sort()).toEqual([ada, grace].sort());
      const csv = await cli(['clear-user', '--from', file('users.csv', 'login,reason\nada@example.com,alert\n')]);
      expect(csv.code).toBe(2);
      expect(csv.stderr).toContain('its columns are "login", "reason"');
    } finally {
      await server.close();
    }
  });

  it('--dry-run resolves each input (input → user id → login) and sends no write', async () => {
    const { server, cli } = await oktaWith(1000);
    try {
      const ada = server.createUser({ login: 'ada@example.com' });
      const run = await cli(['clear-user', '--dry-run', 'ada@example.com', 'nobody@example.com', '--json']);
      expect(run.code).toBe(1);
      expect(run.json()).toEqual([
        expect.objectContaining({ input: 'ada@example.com', outcome: 'would-clear', userId: ada, login: 'ada@example.com' }),
        expect.objectContaining({ input: 'nobody@example.com', outcome: 'no-such-user', ok: false }),
      ]);
      expect(server.sessionClears).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('1,000 users (ids, logins, unknown ones, duplicates, an id and a login of one user) at the limit: each cleared exactly once, through Ctrl-C and a resume', async () => {
    const { server, cli } = await oktaWith(100);
    try {
      const logins = Array.from({ length: 800 }, (_, i) => `user${i}@example.com`);
      const ids = logins.map((login) => server.createUser({ login }));
      // Half by id, half by login; 100 users named both ways; 100 unknown; 100 duplicate lines.
      const inputs = [
        ...ids.slice(0, 400),
        ...logins.slice(400),
        ...logins.slice(0, 100),
        ...Array.from({ length: 100 }, (_, i) => `gone${i}@example.com`),
        ...ids.slice(300, 400),
      ];
      const list = file('users.txt', `# alert 42: affected users\n${inputs.join('\n')}\n`);
      const journal = join(work, 'users.journal');
      const args = ['clear-user', '--from', list, '--journal', journal, '--concurrency', '20', '--allow-unknown'];
      const first = await cli(args, '', {
        onInterruptListening: (interrupt) => {
          const poll = setInterval(() => {
            if (server.sessionClears.length < 150) return;
            clearInterval(poll);
            interrupt();
          }, 5);
        },
      });
      expect(first.code, first.stderr).toBe(130);
      const clearedFirst = clearsPerUser(server).size;
      expect(clearedFirst).toBeGreaterThan(100);
      expect(clearedFirst).toBeLessThan(800);

      const second = await cli(args);
      expect(second.code, second.stderr).toBe(0);
      expect(second.stdout).toMatch(/of them done in an earlier run, from the journal\)/);
      expect(second.stdout).toMatch(/^clear-user: 1000 user\(s\), 1000 done/m);
      expect(second.stdout).toContain('(100 duplicate line(s) in the list, each acted on once)');
      const clears = clearsPerUser(server);
      expect(clears.size).toBe(800);
      expect([...clears.values()].every((count) => count === 1)).toBe(true);
    } finally {
      await server.close();
    }
  }, 60_000);
});
