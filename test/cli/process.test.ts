/**
 * The okta-sessions command as a process, where a process is the point: a real SIGINT mid-run, progress on a
 * real terminal, stdin, and the version the bin reads. Everything else runs in-process (main.test.ts, bulk.test.ts).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ResponseRecord, startOktaSessionsServer } from '../../src/testing/index.js';
import { CLI, expectNoStack, runCli } from '../support/cli.js';

const work = mkdtempSync(join(tmpdir(), 'okta-sessions-process-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function oktaWith(limit: number) {
  const responses: ResponseRecord[] = [];
  const server = await startOktaSessionsServer({ rateLimit: { limit, windowMs: 1_000 }, onResponse: (record) => responses.push(record) });
  const env = { OKTA_ORG_URL: server.url, OKTA_API_TOKEN: server.apiToken };
  const seed = (count: number) => Array.from({ length: count }, (_, i) => server.issueSession({ login: `user${i}@example.com` }));
  const deletes = () => responses.filter((record) => record.method === 'DELETE');
  return { server, env, seed, deletes };
}

describe('okta-sessions as a process', () => {
  it('SIGINT: no new request after it, exit 130; a rerun with the journal finishes, each id revoked once', async () => {
    const okta = await oktaWith(30);
    try {
      const ids = okta.seed(150);
      const list = join(work, 'ids.txt');
      writeFileSync(list, ids.join('\n'));
      const journal = join(work, 'sigint.ndjson');
      let signalledAt = 0;
      const first = await runCli(['revoke', '--from', list, '--journal', journal], okta.env, '', (child) => {
        const poll = setInterval(() => {
          if (okta.deletes().length < 30) return;
          clearInterval(poll);
          signalledAt = okta.deletes().length;
          child.kill('SIGINT');
        }, 5);
        child.once('exit', () => clearInterval(poll));
      });
      expect(first.code, first.stderr).toBe(130);
      expect(first.stderr).toContain('stopping: interrupted');
      expect(first.stderr).toContain(`run the same command with --journal ${journal} to finish`);
      expectNoStack(first);
      // Only what was already on the wire when the signal came: the next window's requests were never sent.
      expect(okta.deletes().length).toBeLessThanOrEqual(signalledAt + 10);
      const second = await runCli(['revoke', '--from', list, '--journal', journal], okta.env);
      expect(second.code, second.stderr).toBe(0);
      const revoked = okta.deletes().filter((record) => record.status === 204);
      expect(new Set(revoked.map((record) => record.path)).size).toBe(150);
      expect(revoked).toHaveLength(150);
    } finally {
      await okta.server.close();
    }
  }, 60_000);

  it('shows progress on a terminal, its ETA counting the rate-limit wait, and none when stderr is not one', async () => {
    const okta = await oktaWith(40);
    try {
      const list = join(work, 'progress.txt');
      writeFileSync(list, okta.seed(100).join('\n'));
      const plain = await runCli(['revoke', '--from', list], okta.env);
      expect(plain.code).toBe(0);
      expect(plain.stderr).toBe('');
      const more = join(work, 'progress2.txt');
      writeFileSync(more, okta.seed(100).join('\n'));
      // `script` runs the command in a pseudo-terminal and copies what it writes.
      const command = [...CLI, 'revoke', '--from', more].join(' ');
      const terminal = await new Promise<string>((resolve, reject) => {
        execFile(
          'script',
          ['-q', '-e', '-c', command, '/dev/null'],
          { env: { PATH: process.env.PATH ?? '', ...okta.env } },
          (error, stdout) => (error ? reject(error) : resolve(stdout)),
        );
      });
      const waits = [...terminal.matchAll(/ETA ([\d.]+) s · waiting ([\d.]+) s for the rate limit/g)];
      expect(waits.length).toBeGreaterThan(0);
      for (const [, eta, wait] of waits) expect(Number(eta)).toBeGreaterThanOrEqual(Number(wait));
      expect(terminal).toMatch(/revoke: 100 session id\(s\), 100 done/);
    } finally {
      await okta.server.close();
    }
  }, 30_000);

  it('reads a session token from stdin, prints the version of the package it runs from', async () => {
    const okta = await oktaWith(100);
    try {
      const token = await okta.server.issueSessionToken({ login: 'stdin@example.com' });
      const created = await runCli(['create', '-', '--json'], okta.env, `${token}\n`);
      expect(created.code).toBe(0);
      expect(JSON.parse(created.stdout).login).toBe('stdin@example.com');
      const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
      expect(await runCli(['--version'], {})).toMatchObject({ code: 0, stdout: `${version}\n` });
    } finally {
      await okta.server.close();
    }
  });
});
