/**
 * Per-call latency and throughput of `get`, side by side: raw fetch, okta-sessions
 * on each engine, and Okta's SDK. `make bench` runs it in its own process, and
 * again on Node 22 and 24 (bench/node-versions.ts); run directly, it prints JSON.
 */
import { pathToFileURL } from 'node:url';
import { OktaSessions } from '../src/index.js';
import { startOktaSessionsServer } from '../src/testing/index.js';
import { type BenchClient, oktaSdk, oktaSessions, oktaSessionsOnFetch, RAW_FETCH_AGAIN, rawFetch } from './lib/clients.js';
import { startStaticServer } from './lib/static-server.js';
import { median } from './lib/stats.js';
import { measureLatency, measureThroughput } from './scenarios.js';

export type Latency = Record<string, { p50: number; mean: number; p99: number }>;

export interface PerCallResults {
  node: string;
  staticLatency: Latency;
  embeddedLatency: Latency;
  rps: Record<number, Record<string, number>>;
}

export const RUNS = 3;
export const CONCURRENCIES = [1, 16, 64];
/**
 * Throughput: many short turns rather than a few long ones (the same 9,000 calls per client). This machine's
 * speed drifts over seconds; with 3 turns of 3,000, raw fetch measured against itself ranged from 0.81× to
 * 1.22×, with 9 of 1,000 from 0.97× to 1.08×.
 */
export const THROUGHPUT_TURNS = { rounds: 9, totalCalls: 1_000 };

const everyClient = (url: string, token: string): BenchClient[] => [
  rawFetch(url, token),
  rawFetch(url, token, RAW_FETCH_AGAIN),
  oktaSessions(url, token),
  oktaSessionsOnFetch(url, token),
  oktaSdk(url, token),
];

export function medianLatency(runs: Latency[]): Latency {
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
      runs.push(
        await measureLatency(everyClient(server.url, 'bench-token'), '102l8zwRRO8Q2y3vlkDEVbkig', { rounds: 6, callsPerRound: 300 }),
      );
      await server.close();
    } else {
      const server = await startOktaSessionsServer({ rateLimit: false });
      const setup = new OktaSessions({ orgUrl: server.url, apiToken: server.apiToken });
      const session = await setup.create(await server.issueSessionToken({ login: 'bench@example.com' }));
      await setup.close();
      runs.push(await measureLatency(everyClient(server.url, server.apiToken), session.id as string, { rounds: 6, callsPerRound: 300 }));
      await server.close();
    }
  }
  return medianLatency(runs);
}

async function throughput(log: (line: string) => void): Promise<Record<number, Record<string, number>>> {
  const server = await startStaticServer();
  const clients = everyClient(server.url, 'bench-token');
  const results: Record<number, Record<string, number>> = {};
  for (const concurrency of CONCURRENCIES) {
    results[concurrency] = await measureThroughput(clients, 'abc', { concurrency, ...THROUGHPUT_TURNS });
    log(
      `throughput at concurrency ${concurrency}: ${JSON.stringify(Object.fromEntries(Object.entries(results[concurrency]).map(([k, v]) => [k, Math.round(v)])))}`,
    );
  }
  await server.close();
  return results;
}

export async function measurePerCall(log: (line: string) => void): Promise<PerCallResults> {
  log('per-call latency, static server');
  const staticLatency = await latencyOn('static');
  log('per-call latency, embedded server');
  const embeddedLatency = await latencyOn('embedded');
  log('throughput');
  const rps = await throughput(log);
  return { node: process.version, staticLatency, embeddedLatency, rps };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const results = await measurePerCall((line) => console.error(`[per-call ${process.version}] ${line}`));
  console.log(JSON.stringify(results));
}
