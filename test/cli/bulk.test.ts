/**
 * `okta-sessions revoke|get` over lists, run in this process through `main()` against the embedded server:
 * every outcome checked on the server's side, and the exit code 0 only when every input is done.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ResponseRecord, startOktaSessionsServer } from '../../src/testing/index.js';
import { runMain } from '../support/cli-in-process.js';

const work = mkdtempSync(join(tmpdir(), 'okta-sessions-bulk-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Session ids shaped as Okta's (25 characters) that name no session. */
const NEVER = ['102neverAAAAAAAAAAAAAAAAA', '102neverBBBBBBBBBBBBBBBBB'];

/** A server with a rate limit that records every response, and the CLI against it. */
async function oktaWith(limit: number) {
  const responses: ResponseRecord[] = [];
  const server = await startOktaSessionsServer({ rateLimit: { limit, windowMs: 1_000 }, onResponse: (record) => responses.push(record) });
  const env = { OKTA_ORG_URL: server.url, OKTA_API_TOKEN: server.apiToken };
  const seed = (count: number) => Array.from({ length: count }, (_, i) => server.issueSession({ login: `user${i}@example.com` }));
  const writes = () => responses.filter((record) => record.method === 'DELETE');
  const revokedPerId = () => {
    const counts = new Map<string, number>();
    for (const record of writes())
      if (record.status === 204)
        counts.set(record.path.split('/').pop() as string, (counts.get(record.path.split('/').pop() as string) ?? 0) + 1);
    return counts;
  };
  const cli = (args: string[], stdin = '', extra: Parameters<typeof runMain>[1] = {}) => runMain(args, { env, stdin, ...extra });
  return { server, responses, env, seed, writes, revokedPerId, cli };
}

function file(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

describe('bulk revoke and get', () => {
  it('revokes 1,000 sessions under a small rate limit: none fails, 429s at most 1%, each revoked once', async () => {
    const okta = await oktaWith(100);
    try {
      const ids = okta.seed(1000);
      const run = await okta.cli(['revoke', '--from', file('thousand.txt', `# incident 42\n${ids.join('\n')}\n`), '--concurrency', '20']);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^revoke: 1000 session id\(s\), 1000 done, in [\d.]+ s$/m);
      expect(run.stdout).toMatch(/^revoked +1000$/m);
      expect(okta.responses.filter((record) => record.status === 429).length).toBeLessThanOrEqual(10);
      const revoked = okta.revokedPerId();
      expect(revoked.size).toBe(1000);
      expect([...revoked.values()].every((count) => count === 1)).toBe(true);
      expect(run.stdout + run.stderr).not.toContain(okta.server.apiToken);
    } finally {
      await okta.server.close();
    }
  }, 60_000);

  it('--json: one line per input, the same keys on each; a 404 on the first attempt is "not found", not done, and exits 1', async () => {
    const okta = await oktaWith(100);
    try {
      const live = okta.seed(3);
      const run = await okta.cli(['revoke', '--from', file('mixed.txt', [...live, '', ...NEVER].join('\n')), '--json']);
      expect(run.code).toBe(1);
      const lines = run.json();
      expect(lines).toHaveLength(5);
      const keys = ['input', 'outcome', 'ok', 'userId', 'login', 'status', 'errorCode', 'requestId', 'attempts'];
      for (const line of lines) expect(Object.keys(line)).toEqual(expect.arrayContaining(keys));
      const byInput = Object.fromEntries(lines.map((line) => [line.input, line]));
      for (const id of live)
        expect(byInput[id]).toMatchObject({
          ok: true,
          outcome: 'revoked',
          status: 204,
          attempts: 1,
          requestId: expect.stringMatching(/^[0-9a-f]{32}$/),
        });
      for (const id of NEVER) expect(byInput[id]).toMatchObject({ ok: false, outcome: 'not-found', status: 404, errorCode: 'E0000007' });
    } finally {
      await okta.server.close();
    }
  });

  it('get --from reports "gone" as the good outcome it is: after a full revoke, every id gone and exit 0', async () => {
    const okta = await oktaWith(100);
    try {
      const ids = okta.seed(5);
      expect((await okta.cli(['revoke', ...ids])).code).toBe(0);
      const check = await okta.cli(['get', '--from', '-', '--json'], ids.join('\n'));
      expect(check.code).toBe(0);
      expect(check.json().map((line) => line.outcome)).toEqual(Array(5).fill('gone'));
      const alive = okta.seed(1);
      const mixed = await okta.cli(['get', '--from', '-', '--json'], [...alive, ids[0]].join('\n'));
      expect(mixed.code).toBe(0);
      expect(mixed.json()[0]).toMatchObject({ outcome: 'found', session: { login: 'user0@example.com' } });
    } finally {
      await okta.server.close();
    }
  });

  it('refuses an Identity Engine id or a cut-off one before anything is sent, saying what to do; --skip-invalid goes on, not done', async () => {
    const okta = await oktaWith(100);
    try {
      const [id] = okta.seed(1);
      const list = file('refused.txt', `${id}\n# a comment\nidxBager62CSveUkTxvgRtonA\n102abc\n../users\n`);
      const stopped = await okta.cli(['revoke', '--from', list]);
      expect(stopped.code).toBe(2);
      expect(stopped.stderr).toContain('3 input(s) refused; nothing was sent');
      expect(stopped.stderr).toContain('line 3: "idxBager62CSveUkTxvgRtonA" is an Identity Engine session');
      expect(stopped.stderr).toContain('okta-sessions clear-user --session idxBager62CSveUkTxvgRtonA');
      expect(stopped.stderr).toContain('line 4: "102abc" has 6 characters: Okta session ids have 25 (cut off, or not a session id)');
      expect(stopped.stderr).toContain('line 5: "../users" is not a session id');
      expect(okta.responses).toHaveLength(0);

      const skipped = await okta.cli(['revoke', '--from', list, '--skip-invalid']);
      expect(skipped.code).toBe(2);
      expect(skipped.stdout).toMatch(/^revoked +1$/m);
      expect(skipped.stdout).toMatch(/^refused \(not sent\) +3$/m);
      expect(okta.writes().map((record) => record.path)).toEqual([`/api/v1/sessions/${id}`]);
      // A single revoke of one refuses the same way.
      expect((await okta.cli(['revoke', 'idxBager62CSveUkTxvgRtonA'])).code).toBe(2);
    } finally {
      await okta.server.close();
    }
  });

  it('refuses a CSV read without --column and JSON read without --field, naming the columns and fields found', async () => {
    const okta = await oktaWith(100);
    try {
      const ids = okta.seed(2);
      const csv = file('export.csv', `user,"session_id",when\nu1,${ids[0]},today\n"u, two",${ids[1]},today\n`);
      const noColumn = await okta.cli(['revoke', '--from', csv]);
      expect(noColumn.code).toBe(2);
      expect(noColumn.stderr).toContain(
        'the list looks like a CSV with a header: choose the column with --column NAME; its columns are "user", "session_id", "when"',
      );
      const headerOnly = await okta.cli(['revoke', '--from', '-'], `sid,user\n${ids[0]},u1\n`);
      expect(headerOnly.stderr).toContain('its columns are "sid", "user"');
      const json = file(
        'export.json',
        JSON.stringify([{ authenticationContext: { externalSessionId: ids[0] }, actor: { id: '00u1', type: 'User' } }]),
      );
      const noField = await okta.cli(['revoke', '--from', json]);
      expect(noField.stderr).toContain('the list is JSON: choose the field to read with --field');
      expect(noField.stderr).toContain('authenticationContext.externalSessionId, actor.id, actor.type');
      expect(okta.responses).toHaveLength(0);

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

  it('--dry-run prints what would be revoked and sends nothing', async () => {
    const okta = await oktaWith(100);
    try {
      const ids = okta.seed(3);
      const run = await okta.cli(['revoke', '--dry-run', ...ids]);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^would revoke +3$/m);
      for (const id of ids) expect(run.stdout).toContain(id);
      expect(okta.responses).toHaveLength(0);
    } finally {
      await okta.server.close();
    }
  });

  it('a wrong token stops the run after its first 401: the rest are not sent, and the journal says so', async () => {
    const okta = await oktaWith(1000);
    try {
      const ids = okta.seed(200);
      const journal = join(work, 'bad-token.ndjson');
      const run = await runMain(['revoke', '--from', '-', '--journal', journal, '--concurrency', '5'], {
        env: { ...okta.env, OKTA_API_TOKEN: 'wrong-token-0000' },
        stdin: ids.join('\n'),
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('stopping: Okta refused the credentials (E0000011)');
      // Only the calls already on the wire when the first 401 came back: at most the concurrency.
      expect(okta.writes().length).toBeLessThanOrEqual(5);
      expect(run.stdout).toMatch(/^not sent +\d+$/m);
      const lines = readFileSync(journal, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(lines.at(-1)).toMatchObject({ event: 'stopped', notSent: expect.any(Number) });
      expect(lines.filter((line) => line.ok)).toEqual([]);
    } finally {
      await okta.server.close();
    }
  });

  it('a journal that cannot be kept stops the run with nothing sent (exit 2)', async () => {
    const okta = await oktaWith(100);
    try {
      const run = await okta.cli(['revoke', '--journal', '/nonexistent/dir/j.ndjson', ...okta.seed(1)]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('Could not keep the journal "/nonexistent/dir/j.ndjson": ENOENT; nothing was sent');
      expect(okta.responses).toHaveLength(0);
    } finally {
      await okta.server.close();
    }
  });

  it('Ctrl-C: calls waiting for the rate limit are not sent; a rerun with the journal finishes, each id revoked once', async () => {
    const okta = await oktaWith(20);
    try {
      const ids = okta.seed(100);
      const journal = join(work, 'interrupted.ndjson');
      const list = file('interrupted.txt', ids.join('\n'));
      let pressed = false;
      const first = await okta.cli(['revoke', '--from', list, '--journal', journal], '', {
        onInterruptListening: (interrupt) => {
          // Pressed once the first window is used up: the rest wait for the next window, about a second away.
          const poll = setInterval(() => {
            if (okta.writes().length < 20) return;
            clearInterval(poll);
            pressed = true;
            interrupt();
          }, 5);
        },
      });
      expect(pressed).toBe(true);
      expect(first.code).toBe(130);
      expect(first.stderr).toContain(`run the same command with --journal ${journal} to finish`);
      const sentFirst = okta.writes().length;
      const doneFirst = okta.revokedPerId().size;
      expect(sentFirst).toBeLessThan(30);
      const report = first.stdout;
      expect(report).toMatch(/^not sent +\d+$/m);
      // Nothing went out after the run said it stopped.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(okta.writes().length).toBe(sentFirst);

      const second = await okta.cli(['revoke', '--from', list, '--journal', journal]);
      expect(second.code, second.stderr).toBe(0);
      expect(second.stdout).toContain(`(${doneFirst} of them done in an earlier run, from the journal)`);
      const revoked = okta.revokedPerId();
      expect(revoked.size).toBe(100);
      expect([...revoked.values()].every((count) => count === 1)).toBe(true);
    } finally {
      await okta.server.close();
    }
  }, 30_000);

  it('usage: --from and ids together, a list flag without --from, a flag of another command', async () => {
    const okta = await oktaWith(100);
    try {
      for (const args of [
        ['revoke', NEVER[0] as string, '--from', 'x'],
        ['revoke', NEVER[0] as string, '--column', 'x'],
        ['refresh', NEVER[0] as string, '--from', 'x'],
        ['revoke', '--from', 'x', '--concurrency', '500'],
        ['get', '--from', '-', '--field', 'a', '--column', 'b'],
      ]) {
        const run = await okta.cli(args);
        expect(run.code, args.join(' ')).toBe(2);
      }
      expect(okta.responses).toHaveLength(0);
    } finally {
      await okta.server.close();
    }
  });
});
