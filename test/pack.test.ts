import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Packs the package as npm would publish it (prepack builds dist/) and installs
// the tarball into a fresh consumer project.
const work = mkdtempSync(join(tmpdir(), 'okta-sessions-consumer-'));
const consumer = join(work, 'consumer');
const tsc = resolve('node_modules/typescript/bin/tsc');

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(() => {
  run('npm', ['pack', '--pack-destination', work, '--loglevel=error'], process.cwd());
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack produced no tarball');
  run('mkdir', ['-p', consumer], work);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, version: '1.0.0' }));
  run('npm', ['install', join(work, tarball), '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], consumer);
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('packed tarball', () => {
  it('works with import', () => {
    const script = `import { OktaSessions, OktaNotFoundError, OktaError } from 'okta-sessions';
      const okta = new OktaSessions({ orgUrl: 'https://acme.okta.com', apiToken: 'x-token' });
      console.log(typeof okta.get, new OktaNotFoundError('m', { status: 404, errorCauses: [], headers: new Headers() }, { operationId: 'getSession', method: 'GET', path: '/p' }) instanceof OktaError);`;
    expect(run('node', ['--input-type=module', '-e', script], consumer).trim()).toBe('function true');
  });

  it('works with require', () => {
    const script = `const { OktaSessions, OktaRateLimitError } = require('okta-sessions');
      console.log(typeof new OktaSessions({ orgUrl: 'https://acme.okta.com' }).revoke, OktaRateLimitError.name);`;
    expect(run('node', ['-e', script], consumer).trim()).toBe('function OktaRateLimitError');
  });

  it('okta-sessions/testing works with import and require, against the packed client', () => {
    const esm = `import { OktaSessions } from 'okta-sessions';
      import { startOktaSessionsServer } from 'okta-sessions/testing';
      const server = await startOktaSessionsServer();
      const okta = new OktaSessions({ orgUrl: server.url, apiToken: server.apiToken });
      const session = await okta.create(await server.issueSessionToken({ login: 'pack@example.com' }));
      console.log(session.login);
      await server.close();`;
    expect(run('node', ['--input-type=module', '-e', esm], consumer).trim()).toBe('pack@example.com');
    const cjs = `console.log(typeof require('okta-sessions/testing').startOktaSessionsServer)`;
    expect(run('node', ['-e', cjs], consumer).trim()).toBe('function');
  });

  it('installs the okta-sessions bin', () => {
    const help = run(join(consumer, 'node_modules', '.bin', 'okta-sessions'), ['--help'], consumer);
    expect(help).toContain('Usage: okta-sessions <command> [options]');
  });

  it('ships type declarations for both module systems', () => {
    const source = `import { OktaSessions, type Session } from 'okta-sessions';
      const okta = new OktaSessions({ orgUrl: 'https://acme.okta.com', apiToken: 't' });
      export const session: Promise<Session> = okta.get('id');
      export const status: Session['status'] = 'ACTIVE';\n`;
    writeFileSync(join(consumer, 'esm.mts'), source);
    writeFileSync(join(consumer, 'cjs.cts'), source);
    const args = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--lib', 'es2022,dom'];
    expect(() => run('node', [tsc, ...args, 'esm.mts', 'cjs.cts'], consumer)).not.toThrow();
  });
});
