import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, exportPKCS8, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { expectNoStack } from '../support/cli.js';
import { type InProcessRun, runMain } from '../support/cli-in-process.js';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { startValidatedServer } from '../support/server.js';

const server = await startValidatedServer({ rateLimit: false });

/** Runs the CLI in this process against the test server, with this environment alone; `input` is its stdin. */
function cli(args: string[], env: Record<string, string> = {}, input = ''): Promise<InProcessRun> {
  return runMain(args, { env: { OKTA_ORG_URL: server.url, OKTA_API_TOKEN: server.apiToken, ...env }, stdin: input });
}

/** Shaped like an Okta session id (25 characters), and no session's. */
const UNKNOWN_ID = '102unknownSessionIdAAAAAA';

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
    expect(revoked.code).toBe(0);
    // The report a responder pastes: the input, its outcome and the request id, then the totals.
    expect(revoked.stdout).toMatch(new RegExp(`^ {2}revoked +${session.id} {2}request [0-9a-f]{32}$`, 'm'));
    expect(revoked.stdout).toMatch(/^revoke: 1 session id\(s\), 1 done/m);
    for (const run of [created, got, revoked]) expect(run.stdout + run.stderr).not.toContain(server.apiToken);
  });

  it('an API error exits 1 with errorCode, errorSummary and the request id on stderr', async () => {
    const run = await cli(['get', UNKNOWN_ID]);
    expect(run.code).toBe(1);
    // The library shortens a session id in its errors (on Classic it is the sid cookie); the CLI names the one it was given.
    expect(run.stderr).toContain('E0000007: Not found: Resource not found: 102unk... (AppSession)');
    expect(run.stderr).toMatch(/request id: [0-9a-f]{32}/);
    expect(run.stderr).toContain(`session id: ${UNKNOWN_ID}`);
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
    for (const args of [['frobnicate'], ['get'], ['get', 'a', 'b'], ['get', 'x', '--verbosity'], ['get', '..'], []]) {
      const run = await cli(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.length, args.join(' ')).toBeGreaterThan(0);
    }
  });

  it('missing environment exits 2 and says what to set', async () => {
    const noOrg = await cli(['get', UNKNOWN_ID], { OKTA_ORG_URL: '' });
    expect(noOrg.code).toBe(2);
    expect(noOrg.stderr).toContain('set OKTA_ORG_URL or pass --org-url');
    const noToken = await cli(['get', UNKNOWN_ID], { OKTA_API_TOKEN: '' });
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
    const run = await cli(['get', UNKNOWN_ID, '--timeout-ms', '5000'], { OKTA_ORG_URL: `http://127.0.0.1:${port}` });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/Could not reach Okta/);
  });

  it('--help works for the tool and every command in the table, each with its own flags', async () => {
    const top = await cli(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('Exit codes: 0 every input done, 1 Okta answered an error');
    for (const [name, command] of Object.entries(COMMANDS)) {
      expect(top.stdout).toMatch(new RegExp(`^  ${name} +${command.summary.replace(/[()]/g, '\\$&')}$`, 'm'));
      const run = await cli([name, '--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`okta-sessions ${name}`);
      for (const flag of command.flags) expect(run.stdout, `${name} --${flag}`).toContain(`--${flag}`);
    }
    // The flags bulk runs take are in the commands' own help (revoke's --field among them).
    expect((await cli(['revoke', '--help'])).stdout).toContain('--field a.b.c');
  });

  it('a mistyped command suggests the nearest one; a flag of another command names the commands that take it', async () => {
    const typo = await cli(['revok', '102l8zwRRO8Q2y3vlkDEVbkig']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('Unknown command "revok". Did you mean revoke?');
    expect(typo.stderr.length).toBeLessThan(200);
    const far = await cli(['frobnicate']);
    expect(far.stderr).not.toContain('Did you mean');
    const misplaced = await cli(['refresh', UNKNOWN_ID, '--journal', 'j.ndjson']);
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr).toContain('--journal goes with get, revoke or clear-user, not refresh');
  });

  it('names the setting the user actually set when the library refuses its value', async () => {
    const fromEnv = await cli(['get', UNKNOWN_ID], { OKTA_ORG_URL: 'http://acme.okta.com' });
    expect(fromEnv.code).toBe(2);
    expect(fromEnv.stderr).toMatch(/^OKTA_ORG_URL must use https/m);
    const fromFlag = await cli(['get', UNKNOWN_ID, '--org-url', 'https://acme.okta.com/admin']);
    expect(fromFlag.stderr).toMatch(/^--org-url must be the org's origin only/m);
    const token = await cli(['get', UNKNOWN_ID], { OKTA_API_TOKEN: 'SSWS abc' });
    expect(token.stderr).toMatch(/^OKTA_API_TOKEN must be the bare token, without the "SSWS " prefix/m);
    for (const run of [fromEnv, fromFlag, token]) expect(run.stderr).not.toMatch(/\b(orgUrl|apiToken)\b/);
  });

  it('serve on a port in use says so in one line and exits 4', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as AddressInfo;
    try {
      const run = await cli(['serve', '--port', String(port)]);
      expect(run.code).toBe(4);
      expect(run.stderr.trim()).toBe(`Port ${port} is already in use: choose another with --port, or --port 0 for a free one`);
      expectNoStack(run);
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  });

  it('--json makes an error one JSON object on stderr, with the same exit codes', async () => {
    const api = await cli(['get', UNKNOWN_ID, '--json']);
    expect(api.code).toBe(1);
    expect(JSON.parse(api.stderr)).toMatchObject({
      error: 'OktaNotFoundError',
      status: 404,
      errorCode: 'E0000007',
      attempts: 1,
      requestId: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    const usage = await cli(['get', '--json']);
    expect(usage.code).toBe(2);
    expect(JSON.parse(usage.stderr)).toMatchObject({ error: 'usage' });
    const unknownFlag = await cli(['get', 'x', '--verbosity', '--json']);
    expect(unknownFlag.code).toBe(2);
    expect(JSON.parse(unknownFlag.stderr)).toEqual({ error: 'usage', message: 'Unknown option --verbosity. See okta-sessions --help.' });
  });

  it('create reads the session token from stdin (-) or OKTA_SESSION_TOKEN, keeping it out of argv', async () => {
    const fromStdin = await cli(['create', '-', '--json'], {}, `${await server.issueSessionToken({ login: 'stdin@example.com' })}\n`);
    expect(fromStdin.code).toBe(0);
    expect(JSON.parse(fromStdin.stdout).login).toBe('stdin@example.com');
    const fromEnv = await cli(['create', '--json'], { OKTA_SESSION_TOKEN: await server.issueSessionToken({ login: 'env@example.com' }) });
    expect(fromEnv.code).toBe(0);
    expect(JSON.parse(fromEnv.stdout).login).toBe('env@example.com');
    const empty = await cli(['create', '-']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('stdin was empty');
    const none = await cli(['create']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('set OKTA_SESSION_TOKEN');
  });

  it('refuses an API token and an access token together, as the library does', async () => {
    const flags = await cli(['get', UNKNOWN_ID, '--api-token', 'one', '--access-token', 'two']);
    expect(flags.code).toBe(2);
    expect(flags.stderr).toContain('Pass one kind of credentials, not an API token and an access token');
    const env = await cli(['get', UNKNOWN_ID], { OKTA_ACCESS_TOKEN: 'two' });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain('The environment holds an API token and an access token: unset all but one');
    // A flag of either kind sets the environment's tokens aside.
    const chosen = await cli(['get', UNKNOWN_ID, '--api-token', server.apiToken], { OKTA_ACCESS_TOKEN: 'two' });
    expect(chosen.code).toBe(1);
  });

  it('an OAuth service app from --client-id and --private-key (a JWK or a PEM file): DPoP, scopes by command, no secret printed', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const { clientId } = server.registerServiceApp({
      publicKey: await exportJWK(publicKey),
      scopes: ['okta.sessions.read', 'okta.sessions.manage'],
    });
    const dir = mkdtempSync(join(tmpdir(), 'okta-cli-key-'));
    try {
      const jwkFile = join(dir, 'key.json');
      const privateJwk = await exportJWK(privateKey);
      writeFileSync(jwkFile, JSON.stringify(privateJwk));
      const pemFile = join(dir, 'key.pem');
      writeFileSync(pemFile, await exportPKCS8(privateKey));
      const id = server.issueSession({ login: 'oauth@example.com' });
      const oauthEnv = { OKTA_API_TOKEN: '', OKTA_CLIENT_ID: clientId, OKTA_PRIVATE_KEY_FILE: jwkFile };
      const got = await cli(['get', id, '--json'], oauthEnv);
      expect(got.code).toBe(0);
      expect(JSON.parse(got.stdout).login).toBe('oauth@example.com');
      const revoked = await cli(['revoke', id, '--client-id', clientId, '--private-key', pemFile]);
      expect(revoked.code).toBe(0);
      for (const run of [got, revoked]) expect(run.stdout + run.stderr).not.toContain(String(privateJwk.d));
      // Scopes that cannot cover the command are refused before anything is sent (exit 2) ...
      const notCovered = await cli(['get', id, '--scopes', 'okta.users.read'], oauthEnv);
      expect(notCovered.code).toBe(2);
      expect(notCovered.stderr).toContain('get() needs the scope okta.sessions.read');
      // ... and a scope the app was not granted is Okta's invalid_scope (exit 1).
      const readOnly = server.registerServiceApp({ publicKey: await exportJWK(publicKey), scopes: ['okta.sessions.read'] });
      const refused = await cli(['revoke', id, '--json'], { ...oauthEnv, OKTA_CLIENT_ID: readOnly.clientId });
      expect(refused.code).toBe(1);
      expect(refused.json()).toEqual([
        expect.objectContaining({ input: id, outcome: 'failed', ok: false, status: 400, errorCode: 'invalid_scope' }),
      ]);
      const noKey = await cli(['get', id, '--client-id', clientId]);
      expect(noKey.code).toBe(2);
      expect(noKey.stderr).toContain('needs its private key: pass --private-key FILE');
      const missingFile = await cli(['get', id, '--client-id', clientId, '--private-key', join(dir, 'nope.pem')]);
      expect(missingFile.stderr).toContain('Could not read the private key');
      expectNoStack(missingFile);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never prints a private key given where the path of its file belongs (a JWK or a PEM), in either output mode', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk = JSON.stringify(await exportJWK(privateKey));
    const pem = await exportPKCS8(privateKey);
    const pemBody = pem.split('\n')[1] as string;
    for (const key of [jwk, pem]) {
      for (const args of [
        ['get', UNKNOWN_ID],
        ['get', UNKNOWN_ID, '--json'],
      ]) {
        const viaEnv = await cli(args, { OKTA_API_TOKEN: '', OKTA_CLIENT_ID: '0oa8f5j3ecb5w3dF35d7', OKTA_PRIVATE_KEY_FILE: key });
        const viaFlag = await cli([...args, '--client-id', '0oa8f5j3ecb5w3dF35d7', `--private-key=${key}`], { OKTA_API_TOKEN: '' });
        for (const run of [viaEnv, viaFlag]) {
          expect(run.code).toBe(2);
          expect(run.stderr).toContain('take the path of the key file');
          expect(run.stderr).not.toContain(String(JSON.parse(jwk).d));
          expect(run.stderr).not.toContain(pemBody);
          expect(run.stderr).not.toContain('BEGIN PRIVATE KEY');
        }
      }
    }
  });

  it('quotes an org URL that does not parse without its password, in either output mode', async () => {
    for (const args of [
      ['get', UNKNOWN_ID],
      ['get', UNKNOWN_ID, '--json'],
    ]) {
      const run = await cli(args, { OKTA_ORG_URL: 'https://admin:s3cret-pass@acme okta.com' });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('[REDACTED]@acme okta.com');
      expect(run.stderr).not.toContain('s3cret');
    }
  });

  it('--debug and --verbose log to stderr, never into --json on stdout', async () => {
    const id = server.issueSession({ login: 'logs@example.com' });
    const debug = await cli(['get', id, '--json', '--debug']);
    expect(debug.code).toBe(0);
    expect(JSON.parse(debug.stdout)).toMatchObject({ id });
    expect(debug.stderr).toMatch(
      /^okta-sessions: attempt operationId=getSession method=GET path=\/api\/v1\/sessions\/\{sessionId\} status=200 requestId=[0-9a-f]{32} attempt=1 durationMs=[\d.]+ outcome=value$/m,
    );
    server.inject({ type: 'status', status: 503 }, { operation: 'getSession' });
    const verbose = await cli(['get', id, '--verbose']);
    expect(verbose.code).toBe(0);
    expect(verbose.stderr).toMatch(
      /^okta-sessions: retry operationId=getSession retryCount=1 delayMs=\d+(\.\d+)? reason=unavailable status=503/m,
    );
    expect(verbose.stderr).not.toContain('okta-sessions: attempt');
    const quiet = await cli(['get', id]);
    expect(quiet.stderr).toBe('');
    for (const run of [debug, verbose]) expect(run.stderr).not.toContain(server.apiToken);
  });

  it('names the flag and echoes the value it could not use', async () => {
    const run = await cli(['get', UNKNOWN_ID, '--timeout-ms', 'abc']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('--timeout-ms must be a number of milliseconds > 0; got "abc"');
    const port = await cli(['serve', '--port', 'http']);
    expect(port).toMatchObject({ code: 2, stderr: '--port must be a whole number 0-65535; got "http"\n' });
  });

  it('with no environment at all, reports every missing setting at once', async () => {
    const run = await cli(['get', UNKNOWN_ID], { OKTA_ORG_URL: '', OKTA_API_TOKEN: '' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('set OKTA_ORG_URL or pass --org-url');
    expect(run.stderr).toContain('set OKTA_API_TOKEN');
  });

  it('a session id that is a path is a usage error before anything is sent', async () => {
    const before = server.requestCounts.getSession ?? 0;
    for (const id of ['../users', 'a/b', 'https://evil.example', 'me']) {
      const run = await cli(['get', id]);
      expect(run.code, id).toBe(2);
      expect(run.stderr, id).toContain('is not a session id');
    }
    expect(server.requestCounts.getSession ?? 0).toBe(before);
  });

  it('--version and help <command>', async () => {
    // What the process passes as the version (bin.ts reads package.json: test/cli/process.test.ts).
    expect(await cli(['--version'])).toMatchObject({ code: 0, stdout: '0.0.0-test\n' });
    const help = await cli(['help', 'revoke']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('okta-sessions revoke <sessionId>');
    expect((await cli(['help'])).stdout).toContain('Usage: okta-sessions <command> [options]');
    expect((await cli(['help', 'frobnicate'])).code).toBe(2);
  });
});
