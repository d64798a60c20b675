/**
 * The runtimes besides Node that the package is tested (test/runtimes/) and measured (bench/runtimes.ts) in:
 * Bun, Deno, and Cloudflare's workerd through Miniflare, each from the npm registry at the version pinned in
 * test/runtimes/package.json. `make test` and `make bench` install them (`npm ci --prefix test/runtimes`);
 * a runtime that is missing fails with that command, never skips.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const PREFIX = resolve('test/runtimes');
const INSTALL = '`make test` (it runs `npm ci --prefix test/runtimes`)';

function installed(relativePath: string): string {
  const path = join(PREFIX, 'node_modules', relativePath);
  if (!existsSync(path)) throw new Error(`${path} is missing: run ${INSTALL}`);
  return path;
}

export type ScriptRuntime = 'Bun' | 'Deno';

/** The variables the scripts read their config from (Deno must be allowed to read them). */
const CONFIG_VARIABLES = ['RUNTIME_SMOKE', 'BENCH_RUNTIME'];

/** How each runtime's users run a script: Deno with the permissions the client needs, the network and node_modules (its entry reads no environment). */
function commandLine(runtime: ScriptRuntime, script: string): [string, string[]] {
  return runtime === 'Bun'
    ? [installed('bun/bin/bun.exe'), [script]]
    : [
        installed('@deno/linux-x64-glibc/deno'),
        ['run', '--allow-net', '--allow-read', `--allow-env=${CONFIG_VARIABLES.join(',')}`, script],
      ];
}

/** `bun 1.4.5`, `deno 2.9.6`, `workerd 2026-04-26`. */
export function runtimeVersion(runtime: ScriptRuntime | 'workerd'): string {
  const [binary, args] =
    runtime === 'workerd' ? [installed('workerd/bin/workerd'), ['--version']] : [commandLine(runtime, '')[0], ['--version']];
  const version = execFileSync(binary, args, { encoding: 'utf8' }).trim().split('\n')[0] as string;
  return runtime === 'Bun' ? `bun ${version}` : (version.split(' (')[0] as string);
}

/** Runs `script` in Bun or Deno in `cwd` with `env` added, and parses the last line it prints as JSON. */
export function runScript(runtime: ScriptRuntime, script: string, cwd: string, env: Record<string, string>): Promise<unknown> {
  const [binary, args] = commandLine(runtime, script);
  const environment = { ...process.env, ...env, DENO_NO_UPDATE_CHECK: '1', DO_NOT_TRACK: '1', NO_COLOR: '1' };
  return new Promise((resolvePromise, reject) => {
    execFile(
      binary,
      args,
      { cwd, env: environment, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`${runtime} ${script} failed: ${error.message}\n${stdout}${stderr}`));
        const last = stdout.trim().split('\n').at(-1) ?? '';
        try {
          resolvePromise(JSON.parse(last));
        } catch {
          reject(new Error(`${runtime} ${script} printed no JSON line:\n${stdout}${stderr}`));
        }
      },
    );
  });
}

/** A Worker bundled as `wrangler` bundles one (its esbuild conditions and target), and the package files that went in. */
export async function bundleWorker(cwd: string, entry: string): Promise<{ code: string; inputs: string[] }> {
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: cwd,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    conditions: ['workerd', 'worker', 'browser'],
    write: false,
    metafile: true,
    logLevel: 'silent',
    outfile: 'worker.js',
  });
  return { code: result.outputFiles[0]?.text ?? '', inputs: Object.keys(result.metafile.inputs) };
}

interface MiniflareInstance {
  dispatchFetch(url: string): Promise<{ status: number; text(): Promise<string> }>;
  dispose(): Promise<void>;
}
type MiniflareClass = new (options: Record<string, unknown>) => MiniflareInstance;

/** A bundled Worker running in workerd with `bindings`: `request` sends it one request and parses its answer as JSON. */
export interface RunningWorker {
  request(path: string): Promise<unknown>;
  dispose(): Promise<void>;
}

export async function startWorker(code: string, bindings: Record<string, string> = {}): Promise<RunningWorker> {
  const { Miniflare } = (await import(pathToFileURL(installed('miniflare/dist/src/index.js')).href)) as { Miniflare: MiniflareClass };
  const miniflare = new Miniflare({
    modules: [{ type: 'ESModule', path: 'worker.js', contents: code }],
    compatibilityDate: '2026-04-01',
    bindings,
  });
  return {
    async request(path) {
      const response = await miniflare.dispatchFetch(`http://worker.test${path}`);
      const text = await response.text();
      if (response.status !== 200) throw new Error(`the worker answered ${response.status}: ${text}`);
      return JSON.parse(text);
    },
    dispose: () => miniflare.dispose(),
  };
}

/** Runs a bundled Worker, sends it one request, and parses its answer as JSON. */
export async function runWorker(code: string, bindings: Record<string, string>): Promise<unknown> {
  const worker = await startWorker(code, bindings);
  try {
    return await worker.request('/');
  } finally {
    await worker.dispose();
  }
}
