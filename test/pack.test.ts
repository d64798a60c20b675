import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIZE_BUDGETS } from '../bench/budgets.js';
import { directorySize, packedConsumer, run } from './support/packed-consumer.js';

// Packs the package as npm would publish it and installs the tarball into a fresh consumer project.
const work = mkdtempSync(join(tmpdir(), 'okta-sessions-consumer-'));
let consumer: string;
let tarball: string;
/** node_modules right after `npm install <tarball>`, before any test adds to it. */
let installed: { bytes: number; packages: string[] };
const bin = (name: string) => resolve('node_modules/.bin', name);

beforeAll(() => {
  ({ consumer, tarball } = packedConsumer(work));
  const modules = join(consumer, 'node_modules');
  installed = { bytes: directorySize(modules), packages: readdirSync(modules).filter((name) => !name.startsWith('.')) };
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

  it('an error from either build, or from a second installed copy, is recognised by the classes of the others', () => {
    // An ESM app with a CommonJS dependency loads the package both ways; a monorepo may hold two copies.
    cpSync(join(consumer, 'node_modules', 'okta-sessions'), join(consumer, 'node_modules', 'okta-sessions-copy'), { recursive: true });
    const script = `import { createRequire } from 'node:module';
      import * as esm from 'okta-sessions';
      const require = createRequire(import.meta.url);
      const cjs = require('okta-sessions');
      const copy = require('okta-sessions-copy');
      const operation = { operationId: 'getSession', method: 'GET', path: '/p' };
      const details = { status: 404, errorCauses: [], headers: new Headers(), attempts: 1 };
      const checks = [];
      for (const [from, to] of [[esm, cjs], [cjs, esm], [copy, esm], [esm, copy]]) {
        const error = new from.OktaNotFoundError('m', details, operation);
        checks.push(error instanceof to.OktaNotFoundError, error instanceof to.OktaApiError, error instanceof to.OktaError, !(error instanceof to.OktaRateLimitError), !(error instanceof to.OktaConnectionError));
      }
      class Mine extends esm.OktaNotFoundError {}
      checks.push(new Mine('m', details, operation) instanceof cjs.OktaNotFoundError, !(new esm.OktaNotFoundError('m', details, operation) instanceof Mine), !(new Error('x') instanceof cjs.OktaError));
      console.log(checks.every(Boolean) ? 'all recognised' : JSON.stringify(checks));`;
    expect(run('node', ['--input-type=module', '-e', script], consumer).trim()).toBe('all recognised');
  });

  it('installs within its size budget: the package and its dependencies, as npm lays them out', () => {
    console.info(`install: ${installed.bytes} B in node_modules (${installed.packages.join(', ')})`);
    expect(installed.bytes, `npm install okta-sessions adds ${installed.bytes} bytes`).toBeLessThanOrEqual(SIZE_BUDGETS.installBytes);
  });

  it('a consumer typechecks against the one set of declarations: ESM and CommonJS under nodenext, bundler, node10', () => {
    // The ESM entries' .d.ts re-export the CommonJS build's; a type that turned into `any` would leave the @ts-expect-error unused.
    const app = `import { OktaSessions, OktaNotFoundError, OktaError, type Session, type OktaResponse } from 'okta-sessions';
      import { startOktaSessionsServer } from 'okta-sessions/testing';
      export async function main(): Promise<Session> {
        const server = await startOktaSessionsServer();
        const okta = new OktaSessions({ orgUrl: server.url, apiToken: server.apiToken });
        const answer: OktaResponse<Session> = await okta.get('x').withResponse();
        const lastFactor: string | null | undefined = answer.data.lastFactorVerification;
        // @ts-expect-error not a method of the client
        okta.nope();
        try {
          return await okta.get(String(lastFactor));
        } catch (error) {
          if (error instanceof OktaNotFoundError) console.log(error.status, error.requestId);
          if (error instanceof OktaError) console.log(error.operationId);
          throw error;
        }
      }\n`;
    const projects: [string, 'module' | 'commonjs', Record<string, string>][] = [
      ['esm-nodenext', 'module', { module: 'nodenext', moduleResolution: 'nodenext' }],
      ['cjs-nodenext', 'commonjs', { module: 'nodenext', moduleResolution: 'nodenext' }],
      ['esm-bundler', 'module', { module: 'esnext', moduleResolution: 'bundler' }],
      ['cjs-node10', 'commonjs', { module: 'commonjs', moduleResolution: 'node10' }],
    ];
    for (const [name, type, options] of projects) {
      const project = join(consumer, name);
      mkdirSync(project);
      writeFileSync(join(project, 'package.json'), JSON.stringify({ type }));
      writeFileSync(join(project, 'app.ts'), app);
      const compilerOptions = {
        ...options,
        strict: true,
        target: 'es2022',
        noEmit: true,
        skipLibCheck: false,
        types: ['node'],
        typeRoots: [resolve('node_modules/@types')],
      };
      writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['app.ts'] }));
      expect(() => run(bin('tsc'), ['-p', project], consumer), name).not.toThrow();
    }
  }, 60_000);

  it('publint and attw (Are the Types Wrong?) find nothing wrong: exports, files, and types under node10, node16 (ESM and CommonJS) and bundler', () => {
    expect(run(bin('publint'), ['run', tarball, '--strict'], work)).toContain('All good!');
    // attw exits non-zero on any problem it finds, for every entry and resolution.
    expect(run(bin('attw'), [tarball, '--format', 'ascii'], work)).toContain('No problems found');
  }, 60_000);

  it('publint and attw fail on a broken exports map (a scratch copy of the package)', () => {
    const broken = join(work, 'broken');
    cpSync(join(consumer, 'node_modules', 'okta-sessions'), broken, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(broken, 'package.json'), 'utf8'));
    manifest.exports['.'].node.import = { types: './dist/esm/src/missing.d.ts', default: './dist/esm/src/missing.js' };
    writeFileSync(join(broken, 'package.json'), JSON.stringify(manifest, null, 2));
    const fails = (command: string, args: string[]) => {
      try {
        run(command, args, work);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error(`${command} passed a broken exports map`);
    };
    expect(fails(bin('publint'), ['run', broken, '--strict', '--pack', 'false'])).toContain('dist/esm/src/missing.js');
    mkdirSync(join(work, 'broken-tarball'));
    run('npm', ['pack', broken, '--ignore-scripts', '--pack-destination', join(work, 'broken-tarball'), '--loglevel=error'], work);
    const brokenTarball = join(work, 'broken-tarball', readdirSync(join(work, 'broken-tarball'))[0] as string);
    expect(fails(bin('attw'), [brokenTarball, '--format', 'ascii'])).toMatch(
      /node16 \(from ESM\): (🐛 Used fallback condition|💀 Resolution failed)/,
    );
  }, 60_000);

  it('bundles for browsers from the installed package, through its exports: no node: imports, the error path up front, within its size budget', async () => {
    // As browser bundlers do (Vite, Rollup, webpack; esbuild with splitting): code behind import() is a chunk loaded when used.
    writeFileSync(
      join(consumer, 'app.mjs'),
      "import { OktaSessions } from 'okta-sessions';\nglobalThis.okta = new OktaSessions({ orgUrl: location.origin });\n",
    );
    const result = await build({
      entryPoints: ['app.mjs'],
      absWorkingDir: consumer,
      bundle: true,
      splitting: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      outdir: 'out',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const outputs = result.metafile.outputs;
    // What a page loads up front: the entry and what it imports statically, not the chunks behind import().
    const initial = new Set<string>();
    const visit = (file: string) => {
      if (initial.has(file)) return;
      initial.add(file);
      for (const imported of outputs[file]?.imports ?? []) if (imported.kind === 'import-statement') visit(imported.path);
    };
    visit(Object.keys(outputs).find((file) => outputs[file]?.entryPoint) as string);
    const code = result.outputFiles
      .filter((file) => initial.has(file.path.slice(consumer.length + 1)))
      .map((file) => file.text)
      .join('\n');
    const inputs = [...initial].flatMap((file) => Object.keys(outputs[file]?.inputs ?? {}));
    // The client's code, from the universal entry's chunks, never from the Node entry.
    expect(inputs.some((file) => file.includes('node_modules/okta-sessions/dist/esm/src/chunks/'))).toBe(true);
    expect(inputs.filter((file) => file.endsWith('node_modules/okta-sessions/dist/esm/src/index.js'))).toEqual([]);
    // The package's ESM build is bundled already; each chunk names the modules in it (`// dist/esm/src/errors/make.js`).
    const modules = inputs
      .filter((file) => file.includes('node_modules/okta-sessions/'))
      .flatMap((file) =>
        [...readFileSync(join(consumer, file), 'utf8').matchAll(/^\/\/ dist\/esm\/(\S+)$/gm)].map(([, module]) => module as string),
      );
    expect(modules).toContain('src/http/vendor/openapi-fetch.js');
    // No error path may need the network: every error a call can end with is in what the page loaded.
    for (const module of ['errors/classes.js', 'errors/make.js', 'errors/connection.js', 'http/answer.js'])
      expect(modules).toContain(`src/${module}`);
    expect(modules.filter((module) => /\/(cli|testing)\/|oauth\/(authorizer|token-endpoint)/.test(module))).toEqual([]);
    expect(inputs.filter((file) => file.startsWith('node:') || /jose/.test(file))).toEqual([]);
    expect(code).not.toMatch(/["']node:/);
    // Node globals only behind openapi-fetch's own `typeof process` guard.
    expect(code.match(/\bBuffer\b/g) ?? []).toEqual([]);
    expect(code.match(/\bprocess\b/g)?.length ?? 0).toBeLessThanOrEqual(3);
    const gzipped = gzipSync(code).length;
    const allChunks = gzipSync(result.outputFiles.map((file) => file.text).join('\n')).length;
    console.info(`browser bundle: ${gzipped} B gzipped up front, ${allChunks} B with every chunk (OAuth, shared pacing)`);
    expect(gzipped, `the client loads ${gzipped} bytes gzipped`).toBeLessThanOrEqual(SIZE_BUDGETS.browserUpFrontGzipBytes);
  });

  it('a Node app bundled from the installed package keeps what the Node entry sets up (its chunks are marked as having side effects)', async () => {
    // esbuild, webpack and Rollup drop an import whose module package.json says has no side effects.
    writeFileSync(
      join(consumer, 'node-app.mjs'),
      `import { tracingChannel } from 'node:diagnostics_channel';
      import { OktaSessions } from 'okta-sessions';
      import { startOktaSessionsServer } from 'okta-sessions/testing';
      const traced = [];
      tracingChannel('okta-sessions:call').subscribe({ start: (call) => traced.push(call.operationId), end() {}, asyncStart() {}, asyncEnd() {}, error() {} });
      const server = await startOktaSessionsServer();
      const okta = new OktaSessions({ orgUrl: server.url, apiToken: server.apiToken });
      await okta.create(await server.issueSessionToken({ login: 'bundled@example.com' }));
      await okta.close();
      await server.close();
      console.log(traced.join(','));`,
    );
    await build({
      entryPoints: ['node-app.mjs'],
      absWorkingDir: consumer,
      bundle: true,
      format: 'esm',
      platform: 'node',
      outfile: 'node-app.bundle.mjs',
      logLevel: 'silent',
    });
    expect(run('node', ['node-app.bundle.mjs'], consumer).trim()).toBe('createSession');
  });

  it('an OAuth service app works from the packed package, with import and with require, on any Node the package supports (no JOSE dependency)', () => {
    const flow = (load: string, privateKey: string) => `${load}
      const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const server = await testing.startOktaSessionsServer();
      const { clientId } = server.registerServiceApp({ publicKey: publicKey.export({ format: 'jwk' }), scopes: ['okta.sessions.read'] });
      const okta = new client.OktaSessions({ orgUrl: server.url, oauth: { clientId, privateKey: ${privateKey}, scopes: ['okta.sessions.read'] } });
      const session = await okta.get(server.issueSession({ login: 'oauth@example.com' }));
      console.log(session.login, server.tokenRequests);
      await okta.close();
      await server.close();`;
    const esm = flow(
      "import * as client from 'okta-sessions'; import * as testing from 'okta-sessions/testing'; import { generateKeyPairSync } from 'node:crypto';",
      "privateKey.export({ format: 'jwk' })",
    );
    expect(run('node', ['--input-type=module', '-e', esm], consumer).trim()).toBe('oauth@example.com 3');
    const cjs = `(async () => { ${flow("const client = require('okta-sessions'); const testing = require('okta-sessions/testing'); const { generateKeyPairSync } = require('node:crypto');", "privateKey.export({ format: 'pem', type: 'pkcs8' })")} })();`;
    expect(run('node', ['-e', cjs], consumer).trim()).toBe('oauth@example.com 3');
    expect(readdirSync(join(consumer, 'node_modules')).filter((name) => name === 'jose')).toEqual([]);
  });

  it('ships the license', () => {
    expect(readFileSync(join(consumer, 'node_modules', 'okta-sessions', 'LICENSE'), 'utf8')).toContain('Apache License');
  });
});
