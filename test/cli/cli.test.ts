import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startValidatedServer } from '../support/server.js';

const server = await startValidatedServer({ rateLimit: false });

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as a child process, as a user would. */
function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const base = { PATH: process.env.PATH ?? '', OKTA_ORG_URL: server.url, OKTA_API_TOKEN: server.apiToken };
  return new Promise((resolve) => {
    execFile('node', ['--import', 'tsx', 'src/cli/bin.ts', ...args], { env: { ...base, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
    });
  });
}

describe('okta-sessions CLI', () => {
  it('create, get, refresh and revoke a session; never prints the token', async () => {
    const token = await server.issueSessionToken({ login: 'cli@example.com' });
    const created = await cli(['create', token, '--json']);
    expect(created.code).toBe(0);
    const session = JSON.parse(created.stdout);
    expect(session.login).toBe('cli@example.com');

    const got = await cli(['get', session.id]);
    expect(got.code).toBe(0);
    expect(got.stdout).toMatch(new RegExp(`^id +${session.id}$`, 'm'));
    expect(got.stdout).toMatch(/^status +ACTIVE$/m);

    expect((await cli(['refresh', session.id])).code).toBe(0);
    const revoked = await cli(['revoke', session.id]);
    expect(revoked).toMatchObject({ code: 0, stdout: `revoked ${session.id}\n` });
    for (const run of [created, got, revoked]) expect(run.stdout + run.stderr).not.toContain(server.apiToken);
  });

  it('an API error exits 1 with errorCode, errorSummary and the request id on stderr', async () => {
    const run = await cli(['get', '102unknownSessionId']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('E0000007: Not found: Resource not found: 102unknownSessionId (AppSession)');
    expect(run.stderr).toMatch(/request id: [0-9a-f]{32}/);
    expect(run.stdout).toBe('');
  });

  it('me reads the session of a cookie', async () => {
    const token = await server.issueSessionToken({ login: 'me@example.com' });
    const session = JSON.parse((await cli(['create', token, '--json'])).stdout);
    const run = await cli(['me', '--cookie', `sid=${session.id}`], { OKTA_API_TOKEN: '' });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^login +me@example.com$/m);
  });

  it('usage errors exit 2: unknown command, missing argument, unknown flag, bad input', async () => {
    for (const args of [['frobnicate'], ['get'], ['get', 'a', 'b'], ['get', 'x', '--verbose'], ['get', '..'], []]) {
      const run = await cli(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.length, args.join(' ')).toBeGreaterThan(0);
    }
  });

  it('missing environment exits 2 and says what to set', async () => {
    const noOrg = await cli(['get', 'abc'], { OKTA_ORG_URL: '' });
    expect(noOrg.code).toBe(2);
    expect(noOrg.stderr).toContain('set OKTA_ORG_URL or pass --org-url');
    const noToken = await cli(['get', 'abc'], { OKTA_API_TOKEN: '' });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('set OKTA_API_TOKEN');
    const noCookie = await cli(['me']);
    expect(noCookie.code).toBe(2);
    expect(noCookie.stderr).toContain('--cookie');
  });

  it('a network failure exits 3', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const run = await cli(['get', 'abc', '--timeout-ms', '5000'], { OKTA_ORG_URL: `http://127.0.0.1:${port}` });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/Could not reach Okta/);
  });

  it('--help works for the tool and every command', async () => {
    const top = await cli(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('Exit codes: 0 success, 1 Okta API error, 2 usage error, 3 network error or timeout.');
    for (const command of ['get', 'refresh', 'revoke', 'create', 'me', 'serve']) {
      const run = await cli([command, '--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`okta-sessions ${command}`);
    }
  });
});
