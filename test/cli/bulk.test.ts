/**
 * `okta-sessions revoke|get --from`: child processes against the embedded server,
 * every outcome checked on the server's side.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startOktaSessionsServer } from '../../src/testing/index.js';
import type { ResponseRecord } from '../../src/testing/index.js';
import { CLI, type CliRun, expectNoStack, runCli } from '../support/cli.js';

const work = mkdtempSync(join(tmpdir(), 'okta-sessions-bulk-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A server with a small rate limit that records every response, and a way to run the CLI against it. */
async function oktaWith(limit: number) {
  const responses: ResponseRecord[] = [];
  const server = await startOktaSessionsServer({ rateLimit: { limit, windowMs: 1_000 }, onResponse: (record) => responses.push(record) });
  const env = { OKTA_ORG_URL: server.url, OKTA_API_TOKEN: server.apiToken };
  const seed = (count: number) => Array.from({ length: count }, (_, i) => server.issueSession({ login: `user${i}@example.com` }));
  const revokedPerId = () => {
    const counts = new Map<string, number>();
    for (const record of responses) {
      if (record.operationId === 'revokeSession' && record.status === 204)
        counts.set(record.path.split('/').pop() as string, (counts.get(record.path.split('/').pop() as string) ?? 0) + 1);
    }
    return counts;
  };
  const cli = (args: string[], input = '', started?: Parameters<typeof runCli>[3]) => runCli(args, env, input, started);
  return { server, responses, env, seed, revokedPerId, cli };
}

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

describe('bulk revoke and get', () => {
  it('revokes 1,000 sessions under a small rate limit: none fails, 429s at most 1%, each revoked once', async () => {
    const okta = await oktaWith(100);
    try {
      const ids = okta.seed(1000);
      const run = await okta.cli(['revoke', '--from', file('thousand.txt', `# incident 42\n${ids.join('\n')}\n`), '--concurrency', '20']);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^revoke: 1000 of 1000 ids in [\d.]+ s \(\d+ calls\/s\)$/m);
      expect(run.stdout).toMatch(/^ {2}revoked +1000$/m);
      expect(run.stdout).toMatch(/^ {2}failed +0$/m);
      const rateLimited = okta.responses.filter((record) => record.status === 429).length;
      expect(rateLimited).toBeLessThanOrEqual(10);
      const revoked = okta.revokedPerId();
      expect(revoked.size).toBe(1000);
      expect([...revoked.values()].every((count) => count === 1)).toBe(true);
      for (const output of [run.stdout, run.stderr]) expect(output).not.toContain(okta.server.apiToken);
    } finally {
      await okta.server.close();
    }
  }, 60_000);

  it('--json gives one line per id with the same keys; a session already gone is done, not failed', async () => {
    const okta = await oktaWith(100);
    try {
      const live = okta.seed(3);
      const gone = ['102goneAAAAAAAAAAAAAAAAAA', '102goneBBBBBBBBBBBBBBBBBB'];
      const run = await okta.cli(['revoke', '--from', file('mixed.txt', [...live, '', ...gone].join('\n')), '--json']);
      expect(run.code, run.stderr).toBe(0);
      const lines = jsonLines(run);
      expect(lines).toHaveLength(5);
      for (const line of lines)
        expect(Object.keys(line)).toEqual(expect.arrayContaining(['id', 'ok', 'status', 'errorCode', 'requestId', 'attempts']));
      const byId = Object.fromEntries(lines.map((line) => [line.id, line]));
      for (const id of live)
        expect(byId[id]).toMatchObject({
          ok: true,
          outcome: 'revoked',
          status: 204,
          errorCode: null,
          attempts: 1,
          requestId: expect.stringMatching(/^[0-9a-f]{32}$/),
        });
      for (const id of gone) expect(byId[id]).toMatchObject({ ok: true, outcome: 'already-gone', status: 404, errorCode: 'E0000007' });

      const read = await okta.cli(['get', '--from', '-', '--json'], `${okta.seed(1)[0]}\n${gone[0]}\n`);
      expect(read.code).toBe(1);
      const readLines = jsonLines(read);
      const found = readLines.find((line) => line.ok);
      const missing = readLines.find((line) => !line.ok);
      expect(found).toMatchObject({ ok: true, outcome: 'found', status: 200, session: { login: 'user0@example.com' } });
      expect(missing).toMatchObject({ ok: false, outcome: 'failed', status: 404, errorCode: 'E0000007' });
    } finally {
      await okta.server.close();
    }
  });

  it('an invalid id stops the run before anything is sent, naming its line; --skip-invalid goes on without it', async () => {
    const okta = await oktaWith(100);
    try {
      const [id] = okta.seed(1);
      const list = file('invalid.txt', `${id}\n# a comment\n../users\n`);
      const stopped = await okta.cli(['revoke', '--from', list]);
      expect(stopped.code).toBe(2);
      expect(stopped.stderr).toContain('line 3: "../users" is not a session id');
      expect(stopped.stderr).toContain('nothing was sent');
      expect(okta.responses).toHaveLength(0);
      expectNoStack(stopped);

      const skipped = await okta.cli(['revoke', '--from', list, '--skip-invalid']);
      expect(skipped.code).toBe(0);
      expect(skipped.stderr).toContain('skipped line 3');
      expect(okta.revokedPerId().get(id as string)).toBe(1);
    } finally {
      await okta.server.close();
    }
  });

  it('reads a CSV column by its header name, and says which columns there are when it is missing', async () => {
    const okta = await oktaWith(100);
    try {
      const ids = okta.seed(2);
      const csv = file('export.csv', `user,"session_id",when\nu1,${ids[0]},today\n"u, two",${ids[1]},today\n`);
      const run = await okta.cli(['revoke', '--from', csv, '--column', 'session_id']);
      expect(run.code, run.stderr).toBe(0);
      expect(okta.revokedPerId().size).toBe(2);
      const wrong = await okta.cli(['revoke', '--from', csv, '--column', 'sid']);
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toContain('the CSV header has no column "sid"; its columns are "user", "session_id", "when"');
    } finally {
      await okta.server.close();
    }
  });

  it('Ctrl-C stops sending, lets calls in flight finish, exits 130; a rerun with the journal finishes: each id revoked exactly once', async () => {
    const okta = await oktaWith(50);
    try {
      const ids = okta.seed(300);
      const list = file('resume.txt', ids.join('\n'));
      const journal = join(work, 'resume.journal');
      const first = await okta.cli(['revoke', '--from', list, '--journal', journal], '', (child) => {
        const poll = setInterval(() => {
          if (existsSync(journal) && readFileSync(journal, 'utf8').split('\n').length > 60) {
            clearInterval(poll);
            child.kill('SIGINT');
          }
        }, 20);
        child.once('exit', () => clearInterval(poll));
      });
      expect(first.code, first.stderr).toBe(130);
      expect(first.stderr).toContain(`run the same command with --journal ${journal} to finish them`);
      const doneFirst = okta.revokedPerId().size;
      expect(doneFirst).toBeGreaterThan(50);
      expect(doneFirst).toBeLessThan(300);
      expect(readFileSync(journal, 'utf8').trim().split('\n')).toHaveLength(doneFirst);

      const second = await okta.cli(['revoke', '--from', list, '--journal', journal]);
      expect(second.code, second.stderr).toBe(0);
      expect(second.stderr).toContain(`${doneFirst} id(s) already done, skipped`);
      const revoked = okta.revokedPerId();
      expect(revoked.size).toBe(300);
      expect([...revoked.values()].every((count) => count === 1)).toBe(true);
      expect(okta.responses.filter((record) => record.operationId === 'revokeSession' && record.status === 404)).toHaveLength(0);
    } finally {
      await okta.server.close();
    }
  }, 60_000);

  it('shows progress on a terminal, and none when stderr is not one', async () => {
    const okta = await oktaWith(100);
    try {
      const list = file('progress.txt', okta.seed(200).join('\n'));
      const plain = await okta.cli(['revoke', '--from', list]);
      expect(plain.code).toBe(0);
      expect(plain.stderr).toBe('');

      const moreIds = file('progress2.txt', okta.seed(200).join('\n'));
      // `script` runs the command in a pseudo-terminal and copies what it writes.
      const command = [...CLI, 'revoke', '--from', moreIds].join(' ');
      const terminal = await new Promise<string>((resolve, reject) => {
        execFile(
          'script',
          ['-q', '-e', '-c', command, '/dev/null'],
          { env: { PATH: process.env.PATH ?? '', ...okta.env } },
          (error, stdout) => (error ? reject(error) : resolve(stdout)),
        );
      });
      expect(terminal).toMatch(/revoke \d+\/200 · \d+\/s · ETA [\d.?]+( s)?/);
      expect(terminal).toMatch(/revoke: 200 of 200 ids/);
    } finally {
      await okta.server.close();
    }
  }, 30_000);

  it('usage: --from goes with revoke or get only, and bulk flags need --from; exit 3 when nothing reached Okta', async () => {
    const okta = await oktaWith(100);
    try {
      for (const args of [
        ['refresh', '--from', 'x'],
        ['revoke', 'abc', '--from', 'x'],
        ['revoke', 'abc', '--journal', 'j'],
        ['revoke', '--from', 'x', '--concurrency', '500'],
      ]) {
        const run = await okta.cli(args);
        expect(run.code, args.join(' ')).toBe(2);
      }
      const closed = await runCli(
        ['get', '--from', '-', '--timeout-ms', '3000'],
        { ...okta.env, OKTA_ORG_URL: 'http://127.0.0.1:9' },
        '102aaa\n102bbb\n',
      );
      expect(closed.code, 'only network failures').toBe(3);
      expect(closed.stdout).toMatch(/^ {4}OktaConnectionError +2$/m);
      const unreadable = await okta.cli(['revoke', '--from', join(work, 'no-such-file.txt')]);
      expect(unreadable.code).toBe(2);
      expect(unreadable.stderr).toContain('Could not read the id list');
      expectNoStack(unreadable);
    } finally {
      await okta.server.close();
    }
  });
});
