/**
 * Section 10: `get` in Bun, Deno and workerd (through Miniflare), against raw fetch in the same runtime and
 * on each engine the runtime can run, from the packed package as each runtime's users import it; and the
 * time the import takes there. The runtime scripts are in bench/runtime/; the static server runs in Node.
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleWorker, runScript, runtimeVersion, type ScriptRuntime, startWorker } from '../test/support/runtimes.js';
import { packedConsumer } from '../test/support/packed-consumer.js';
import { startStaticServer } from './lib/static-server.js';
import { latencyOf, median } from './lib/stats.js';
import { type Latency, medianLatency, RUNS } from './per-call.js';

export interface RuntimeResult {
  runtime: string;
  version: string;
  /** The engine the runtime's `exports` condition gives it. */
  entryEngine: 'fetch' | 'node:http';
  /** The engines measured: both where the runtime has node:http, the entry's alone where not. */
  latency: Latency;
  importMs: number;
  /** How `importMs` was measured. */
  importMeasure: string;
}

const SESSION_ID = '102l8zwRRO8Q2y3vlkDEVbkig';

/** How much to measure: `make bench` takes the defaults; bench/smoke.test.ts runs it tiny. */
export interface RuntimeBenchSize {
  runs: number;
  rounds: number;
  callsPerRound: number;
  importRuns: number;
}

const FULL: RuntimeBenchSize = { runs: RUNS, rounds: 6, callsPerRound: 300, importRuns: 7 };

type Samples = Record<string, number[]>;

function configFor(orgUrl: string, engines: readonly string[], size: RuntimeBenchSize): string {
  return JSON.stringify({
    orgUrl,
    apiToken: 'bench-token',
    sessionId: SESSION_ID,
    engines,
    rounds: size.rounds,
    calls: size.callsPerRound,
  });
}

const latencyOfSamples = (samples: Samples): Latency =>
  Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, latencyOf(values)]));

/** Bun and Deno: the Node entry's node:http engine, and the fetch engine their `bun` / `deno` conditions choose. */
async function scriptRuntime(runtime: ScriptRuntime, consumer: string, orgUrl: string, size: RuntimeBenchSize): Promise<RuntimeResult> {
  const runs: Latency[] = [];
  for (let run = 0; run < size.runs; run++) {
    runs.push(
      latencyOfSamples(
        (await runScript(runtime, 'main.mjs', consumer, { BENCH_RUNTIME: configFor(orgUrl, ['fetch', 'node:http'], size) })) as Samples,
      ),
    );
  }
  const imports: number[] = [];
  for (let run = 0; run < size.importRuns; run++) imports.push((await runScript(runtime, 'import-time.mjs', consumer, {})) as number);
  return {
    runtime,
    version: runtimeVersion(runtime),
    entryEngine: 'fetch',
    latency: medianLatency(runs),
    importMs: median(imports),
    importMeasure: 'import() in a fresh process',
  };
}

/** How long a Worker takes from start to its first answer, in ms. */
async function workerStartup(code: string): Promise<number> {
  const started = performance.now();
  const worker = await startWorker(code);
  await worker.request('/');
  const elapsed = performance.now() - started;
  await worker.dispose();
  return elapsed;
}

/**
 * workerd has no node:http: the fetch engine only. Its clock moves only at I/O and in whole milliseconds
 * (a Spectre mitigation), so a call is timed as its round's mean (`p50`: the median round; no p99), and
 * the import, which does no I/O, from outside: a Worker's startup with the package less one without.
 */
async function workerd(consumer: string, orgUrl: string, size: RuntimeBenchSize): Promise<RuntimeResult> {
  const { code } = await bundleWorker(consumer, 'worker.mjs');
  // Per round, each client's calls timed as a whole: the clock's millisecond steps are coarser than one call.
  const roundMeans: Samples = {};
  for (let run = 0; run < size.runs; run++) {
    const worker = await startWorker(code, { BENCH_RUNTIME: configFor(orgUrl, ['fetch'], size) });
    try {
      await worker.request('/?round=0');
      for (let round = 1; round <= size.rounds; round++) {
        for (const [name, values] of Object.entries((await worker.request(`/?round=${round}`)) as Samples)) {
          (roundMeans[name] ??= []).push(latencyOf(values).mean);
        }
      }
    } finally {
      await worker.dispose();
    }
  }
  const latency: Latency = Object.fromEntries(
    Object.entries(roundMeans).map(([name, means]) => [name, { p50: median(means), mean: latencyOf(means).mean, p99: Number.NaN }]),
  );
  const withPackage = (await bundleWorker(consumer, 'import-worker.mjs')).code;
  const without = (await bundleWorker(consumer, 'empty-worker.mjs')).code;
  const startups = { withPackage: [] as number[], without: [] as number[] };
  for (let run = 0; run < size.importRuns; run++) {
    startups.withPackage.push(await workerStartup(withPackage));
    startups.without.push(await workerStartup(without));
  }
  return {
    runtime: 'workerd',
    version: runtimeVersion('workerd'),
    entryEngine: 'fetch',
    latency,
    importMs: median(startups.withPackage) - median(startups.without),
    importMeasure: "a Worker's startup to its first answer, less the same Worker's without the package",
  };
}

export async function measureRuntimes(log: (line: string) => void, size: RuntimeBenchSize = FULL): Promise<RuntimeResult[]> {
  const work = mkdtempSync(join(tmpdir(), 'okta-sessions-runtimes-bench-'));
  const server = await startStaticServer();
  try {
    const { consumer } = packedConsumer(work, { manifest: { type: 'module' } });
    for (const file of readdirSync('bench/runtime')) copyFileSync(join('bench/runtime', file), join(consumer, file));
    const results: RuntimeResult[] = [];
    for (const runtime of ['Bun', 'Deno'] as const) {
      results.push(await scriptRuntime(runtime, consumer, server.url, size));
      log(`${runtime}: ${JSON.stringify(results.at(-1))}`);
    }
    results.push(await workerd(consumer, server.url, size));
    log(`workerd: ${JSON.stringify(results.at(-1))}`);
    return results;
  } finally {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}
