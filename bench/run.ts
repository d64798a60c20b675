/**
 * `make bench`: okta-sessions side by side with raw fetch and @okta/okta-sdk-nodejs,
 * in one process, interleaved, on loopback. Writes bench/results.md, results.json
 * and chart.svg. Medians of several runs; see README for what each figure means.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { OktaSessions } from '../src/index.js';
import { startOktaSessionsServer } from '../src/testing/index.js';
import { type BenchClient, OKTA_SDK, OKTA_SESSIONS, OKTA_SESSIONS_REDIS, OKTA_SESSIONS_UNPACED, oktaSdk, oktaSessions, rawFetch } from './lib/clients.js';
import { startStaticServer } from './lib/static-server.js';
import { type BenchResults, type Latency, renderReport, targets } from './report.js';
import { median } from './lib/stats.js';
import { measureSharedBurst } from './shared-burst.js';
import { type BurstResult, measureBurst, measureFootprint, measureIncident, measureLatency, measureLoad, measureMemory, measureThroughput } from './scenarios.js';

const RUNS = 3;
const BURST = { burst: 200, limit: 20, windowMs: 1_000 };
/** Four processes share one bucket of 20 per 1 s window. */
const SHARED_BURST = { workers: 4, perWorker: 100, limit: 20, windowMs: 1_000 };
const MEMORY_CALLS = 100_000;
/** Okta's default /api/v1/sessions limit, 600 per 60 s, scaled down to 100 per 1 s. */
const INCIDENT = { sessions: 10_000, limit: 100, windowMs: 1_000, concurrency: 20 };
const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

function medianLatency(runs: Latency[]): Latency {
  const names = Object.keys(runs[0] ?? {});
  return Object.fromEntries(
    names.map((name) => {
      const medianOf = (key: 'p50' | 'mean' | 'p99') => median(runs.map((run) => run[name]?.[key] ?? Number.NaN));
      return [name, { p50: medianOf('p50'), mean: medianOf('mean'), p99: medianOf('p99') }];
    }),
  );
}

async function latencyOn(target: 'static' | 'embedded'): Promise<Latency> {
  const runs: Latency[] = [];
  for (let run = 0; run < RUNS; run++) {
    if (target === 'static') {
      const server = await startStaticServer();
      const clients = [rawFetch(server.url, 'bench-token'), oktaSessions(server.url, 'bench-token'), oktaSdk(server.url, 'bench-token')];
      runs.push(await measureLatency(clients, '102l8zwRRO8Q2y3vlkDEVbkig', { rounds: 6, callsPerRound: 300 }));
      await server.close();
    } else {
      const server = await startOktaSessionsServer({ rateLimit: false });
      const setup = new OktaSessions({ orgUrl: server.url, apiToken: server.apiToken });
      const session = await setup.create(await server.issueSessionToken({ login: 'bench@example.com' }));
      const clients = [rawFetch(server.url, server.apiToken), oktaSessions(server.url, server.apiToken), oktaSdk(server.url, server.apiToken)];
      runs.push(await measureLatency(clients, session.id as string, { rounds: 6, callsPerRound: 300 }));
      await server.close();
    }
  }
  return medianLatency(runs);
}

async function throughput(): Promise<Record<number, Record<string, number>>> {
  const server = await startStaticServer();
  const clients: BenchClient[] = [rawFetch(server.url, 'bench-token'), oktaSessions(server.url, 'bench-token'), oktaSdk(server.url, 'bench-token')];
  const results: Record<number, Record<string, number>> = {};
  for (const concurrency of [1, 16, 64]) {
    results[concurrency] = await measureThroughput(clients, 'abc', { concurrency, totalCalls: 3_000, rounds: RUNS });
    log(`throughput at concurrency ${concurrency}: ${JSON.stringify(Object.fromEntries(Object.entries(results[concurrency]).map(([k, v]) => [k, Math.round(v)])))}`);
  }
  await server.close();
  return results;
}

async function bursts(): Promise<Record<string, BurstResult>> {
  // Our clients get a budget long enough for ten windows; Okta's SDK has no timeout by default.
  const makers: Record<string, (url: string, token: string) => BenchClient> = {
    [OKTA_SESSIONS]: (url, token) => oktaSessions(url, token, { timeoutMs: 120_000 }),
    [OKTA_SESSIONS_UNPACED]: (url, token) => oktaSessions(url, token, { timeoutMs: 120_000, rateLimit: false }),
    [OKTA_SDK]: oktaSdk,
  };
  const runs = new Map<string, BurstResult[]>();
  for (let run = 0; run < RUNS; run++) {
    for (const [name, make] of Object.entries(makers)) {
      const result = await measureBurst(make, BURST);
      runs.set(name, [...(runs.get(name) ?? []), result]);
      log(`burst ${name}: ${result.completed} ok, ${result.failed} failed, ${result.rateLimited} 429s, ${Math.round(result.totalMs)} ms`);
    }
  }
  const pick = (results: BurstResult[], key: keyof BurstResult) => median(results.map((result) => result[key]));
  return Object.fromEntries(
    [...runs].map(([name, results]) => [
      name,
      {
        completed: pick(results, 'completed'),
        failed: pick(results, 'failed'),
        rateLimited: pick(results, 'rateLimited'),
        totalMs: pick(results, 'totalMs'),
        theoreticalMs: pick(results, 'theoreticalMs'),
      },
    ]),
  );
}

async function main() {
  const started = Date.now();
  log('per-call latency, static server');
  const staticLatency = await latencyOn('static');
  log('per-call latency, embedded server');
  const embeddedLatency = await latencyOn('embedded');
  log('throughput');
  const rps = await throughput();
  log('burst against a rate limit');
  const burst = await bursts();
  log(`many processes: ${SHARED_BURST.workers} workers × ${SHARED_BURST.perWorker} gets against ${SHARED_BURST.limit} per ${SHARED_BURST.windowMs / 1000} s`);
  const sharedBurst = await measureSharedBurst([OKTA_SESSIONS, OKTA_SESSIONS_REDIS, OKTA_SDK], SHARED_BURST);
  for (const [name, result] of Object.entries(sharedBurst)) log(`many processes ${name}: ${result.completed} ok, ${result.failed} failed, ${result.rateLimited} 429s, ${Math.round(result.totalMs)} ms`);
  log('cold start and size (npm pack, consumer installs)');
  const footprint = measureFootprint(
    {
      [OKTA_SESSIONS]: { spec: process.cwd(), module: 'okta-sessions' },
      [OKTA_SDK]: { spec: '@okta/okta-sdk-nodejs@8.1.0', module: '@okta/okta-sdk-nodejs' },
    },
    { runs: 10 },
  );
  log(`memory: ${MEMORY_CALLS} gets`);
  const memory = await measureMemory(MEMORY_CALLS, (url, token) => oktaSessions(url, token));
  log('load: 10,000 gets at concurrency 100 with 5% injected faults');
  const load = await measureLoad({ calls: 10_000, concurrency: 100, faultRate: 0.05 });
  log(`incident: revoke ${INCIDENT.sessions} sessions at ${INCIDENT.limit} per ${INCIDENT.windowMs / 1000} s`);
  const incident = await measureIncident(INCIDENT);

  const results: BenchResults = {
    started,
    runs: RUNS,
    burstSetup: BURST,
    memoryCalls: MEMORY_CALLS,
    staticLatency,
    embeddedLatency,
    rps,
    burst,
    sharedBurstSetup: SHARED_BURST,
    sharedBurst,
    footprint,
    memory,
    load,
    incident,
  };
  const { markdown, svg } = renderReport(results);
  writeFileSync('bench/results.md', markdown);
  writeFileSync('bench/chart.svg', svg);
  writeFileSync('bench/results.json', `${JSON.stringify({ ...results, node: process.version }, null, 2)}\n`);
  log(`wrote bench/results.md, bench/results.json, bench/chart.svg in ${Math.round((Date.now() - started) / 1000)} s`);
  for (const [target, measured, ok] of targets(results)) log(`${ok ? '✅' : '❌'} ${target}: ${measured}`);
}

/** `--report-only`: re-render results.md and chart.svg from the committed results.json, without measuring. */
if (process.argv.includes('--report-only')) {
  const results = JSON.parse(readFileSync('bench/results.json', 'utf8')) as BenchResults;
  const { markdown, svg } = renderReport(results);
  writeFileSync('bench/results.md', markdown);
  writeFileSync('bench/chart.svg', svg);
} else {
  await main();
}
