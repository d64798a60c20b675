import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOktaSessionsServer } from '../src/testing/index.js';
import { runMain } from '../test/support/cli-in-process.js';
import type { EngineFactory } from '../src/http/engine.js';
import { nodeEngine } from '../src/http/node-engine.js';
import { OktaSessions } from '../src/index.js';
import type { BenchClient } from './lib/clients.js';
import { latencyOf, median } from './lib/stats.js';
import { directorySize, packedConsumer } from '../test/support/packed-consumer.js';

/** Per-call latency in ms, clients interleaved round by round so that machine noise hits them alike. */
export async function measureLatency(
  clients: BenchClient[],
  sessionId: string,
  { rounds, callsPerRound }: { rounds: number; callsPerRound: number },
): Promise<Record<string, { p50: number; mean: number; p99: number }>> {
  const samples = new Map(clients.map((client) => [client.name, [] as number[]]));
  for (const client of clients) for (let i = 0; i < callsPerRound; i++) await client.get(sessionId); // warm-up
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? clients : [...clients].reverse();
    for (const client of order) {
      const into = samples.get(client.name) as number[];
      for (let i = 0; i < callsPerRound; i++) {
        const started = performance.now();
        await client.get(sessionId);
        into.push(performance.now() - started);
      }
    }
  }
  return Object.fromEntries([...samples].map(([name, values]) => [name, latencyOf(values)]));
}

/** Runs `total` calls with `concurrency` workers; returns calls per second. */
async function runConcurrently(concurrency: number, total: number, call: () => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        await call();
      }
    }),
  );
  return total / ((performance.now() - started) / 1000);
}

/** `client.get` as a worker call. */
const getting = (client: BenchClient, sessionId: string) => async () => {
  await client.get(sessionId);
};

/** Requests per second at a given concurrency; the median of interleaved rounds. */
export async function measureThroughput(
  clients: BenchClient[],
  sessionId: string,
  { concurrency, totalCalls, rounds }: { concurrency: number; totalCalls: number; rounds: number },
): Promise<Record<string, number>> {
  const samples = new Map(clients.map((client) => [client.name, [] as number[]]));
  for (const client of clients) await runConcurrently(concurrency, Math.min(totalCalls, 200), getting(client, sessionId)); // warm-up
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? clients : [...clients].reverse();
    for (const client of order) samples.get(client.name)?.push(await runConcurrently(concurrency, totalCalls, getting(client, sessionId)));
  }
  return Object.fromEntries([...samples].map(([name, values]) => [name, median(values)]));
}

export interface BurstResult {
  completed: number;
  failed: number;
  rateLimited: number;
  totalMs: number;
  theoreticalMs: number;
}

/** The embedded server with a rate limit of `limit` per `windowMs`, counting the 429s it sends. */
export async function rateLimitedServer(limit: number, windowMs: number) {
  const counts = { rateLimited: 0 };
  const server = await startOktaSessionsServer({
    rateLimit: { limit, windowMs },
    onResponse: (response) => {
      if (response.status === 429) counts.rateLimited++;
    },
  });
  return { server, counts };
}

/**
 * `burst` gets at once against a bucket of `limit` per `windowMs`, from a cold client.
 * The theoretical minimum is one window per `limit` requests after the first.
 */
export async function measureBurst(
  makeClient: (orgUrl: string, apiToken: string) => BenchClient,
  { burst, limit, windowMs }: { burst: number; limit: number; windowMs: number },
): Promise<BurstResult> {
  const { server, counts } = await rateLimitedServer(limit, windowMs);
  try {
    const setup = new OktaSessions({ orgUrl: server.url, apiToken: server.apiToken });
    const session = await setup.create(await server.issueSessionToken({ login: 'burst@example.com' }));
    // Start the burst in a fresh window.
    await new Promise((resolve) => setTimeout(resolve, windowMs + 50));
    counts.rateLimited = 0;
    const client = makeClient(server.url, server.apiToken);
    const started = performance.now();
    const outcomes = await Promise.allSettled(Array.from({ length: burst }, () => client.get(session.id as string)));
    const totalMs = performance.now() - started;
    const completed = outcomes.filter((outcome) => outcome.status === 'fulfilled').length;
    return {
      completed,
      failed: burst - completed,
      rateLimited: counts.rateLimited,
      totalMs,
      theoreticalMs: (Math.ceil(burst / limit) - 1) * windowMs,
    };
  } finally {
    await server.close();
  }
}

export interface FootprintResult {
  importMs: number;
  packBytes: number;
  installBytes: number;
}

/**
 * Cold start (time to import in a fresh process) and size (the tarball, and
 * node_modules of a consumer that installs only that package) of each package.
 */
export function measureFootprint(
  packages: Record<string, { spec: string; module: string }>,
  { runs }: { runs: number },
): Record<string, FootprintResult> {
  const work = mkdtempSync(join(tmpdir(), 'okta-sessions-footprint-'));
  try {
    const results: Record<string, FootprintResult> = {};
    const consumers: Record<string, string> = {};
    for (const [name, { spec }] of Object.entries(packages)) {
      const packageWork = join(work, `package-${Object.keys(consumers).length}`);
      mkdirSync(packageWork);
      const { consumer, tarball } = packedConsumer(packageWork, { spec });
      consumers[name] = consumer;
      results[name] = { importMs: 0, packBytes: statSync(tarball).size, installBytes: directorySize(join(consumer, 'node_modules')) };
    }
    const samples = new Map(Object.keys(packages).map((name) => [name, [] as number[]]));
    for (let run = 0; run < runs; run++) {
      for (const [name, consumer] of Object.entries(consumers)) {
        const script = `const t = performance.now(); await import(${JSON.stringify(packages[name]?.module)}); console.log(performance.now() - t);`;
        samples.get(name)?.push(Number(execFileSync('node', ['--input-type=module', '-e', script], { cwd: consumer, encoding: 'utf8' })));
      }
    }
    for (const [name, values] of samples) (results[name] as FootprintResult).importMs = median(values);
    return results;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Heap after full GCs; the pauses let FinalizationRegistry callbacks (undici registers one per request) run. */
async function settledHeap(gc: () => void): Promise<number> {
  for (let pass = 0; pass < 3; pass++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  gc();
  return process.memoryUsage().heapUsed;
}

/** Heap after many gets against the embedded server, at checkpoints: it must not grow with the call count. */
export async function measureMemory(calls: number, makeClient: (orgUrl: string, apiToken: string) => BenchClient, checkpoints = 4) {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc to measure memory');
  const server = await startOktaSessionsServer({ rateLimit: false });
  try {
    const setup = new OktaSessions({ orgUrl: server.url, apiToken: server.apiToken });
    const session = await setup.create(await server.issueSessionToken({ login: 'memory@example.com' }));
    const client = makeClient(server.url, server.apiToken);
    await runConcurrently(8, Math.min(2_000, calls), getting(client, session.id as string));
    const heapBytes = [await settledHeap(gc)];
    for (let checkpoint = 0; checkpoint < checkpoints; checkpoint++) {
      await runConcurrently(8, Math.ceil(calls / checkpoints), getting(client, session.id as string));
      heapBytes.push(await settledHeap(gc));
    }
    const before = heapBytes[0] as number;
    const after = heapBytes[heapBytes.length - 1] as number;
    return { calls, heapBytes, heapBeforeBytes: before, heapAfterBytes: after, growthBytes: after - before };
  } finally {
    await server.close();
  }
}

export interface LoadResult {
  calls: number;
  concurrency: number;
  faultRate: number;
  /** Calls by outcome: `value` or the error class; every call is accounted for. */
  outcomes: Record<string, number>;
  /** Requests that got an injected fault, counted by the server where it injects them (resets produce no response). */
  faultsInjected: number;
  totalMs: number;
  heapBeforeBytes: number;
  heapAfterBytes: number;
}

/**
 * `calls` gets at `concurrency` against the embedded server, a `faultRate` share
 * of requests failing in one of five ways (503, 502 HTML, a reset before the
 * request is read, a reset mid-response, a bare 429).
 */
export async function measureLoad(
  { calls, concurrency, faultRate }: { calls: number; concurrency: number; faultRate: number },
  engines: EngineFactory = nodeEngine,
): Promise<LoadResult> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc to measure load');
  const server = await startOktaSessionsServer({ rateLimit: false });
  try {
    const setup = new OktaSessions({ orgUrl: server.url, apiToken: server.apiToken });
    const session = await setup.create(await server.issueSessionToken({ login: 'load@example.com' }));
    const faults = [
      { type: 'status', status: 503 },
      { type: 'status', status: 502, body: '<html>Bad Gateway</html>', contentType: 'text/html' },
      { type: 'reset', when: 'before-body' },
      { type: 'reset', when: 'mid-response' },
      { type: 'status', status: 429, bare: true },
    ] as const;
    // Each rule is tried in turn: chances chosen so that each fault hits about faultRate / 5 of requests.
    faults.forEach((fault, index) => {
      server.inject(fault, {
        operation: 'getSession',
        times: Number.POSITIVE_INFINITY,
        probability: faultRate / faults.length / (1 - (faultRate * index) / faults.length),
      });
    });
    const client = new OktaSessions({ orgUrl: server.url, apiToken: server.apiToken, retry: { maxDelayMs: 1_000 } }, engines);
    const heapBeforeBytes = await settledHeap(gc);
    const outcomes: Record<string, number> = {};
    const started = performance.now();
    await runConcurrently(concurrency, calls, async () => {
      let outcome = 'value';
      try {
        await client.get(session.id as string);
      } catch (error) {
        outcome = (error as Error)?.name ?? 'non-Error';
      }
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    });
    const totalMs = performance.now() - started;
    return {
      calls,
      concurrency,
      faultRate,
      outcomes,
      faultsInjected: server.faultsInjected,
      totalMs,
      heapBeforeBytes,
      heapAfterBytes: await settledHeap(gc),
    };
  } finally {
    await server.close();
  }
}

export interface IncidentResult {
  sessions: number;
  limit: number;
  windowMs: number;
  concurrency: number;
  revoked: number;
  failed: number;
  rateLimited: number;
  totalMs: number;
  theoreticalMs: number;
}

/**
 * Incident response: `revoke --from` over `sessions` live sessions, through the
 * same runner the CLI uses, against a bucket of `limit` per `windowMs` (Okta's
 * default 600 per 60 s, scaled down so the run takes minutes, not hours).
 */
export async function measureIncident({
  sessions,
  limit,
  windowMs,
  concurrency,
}: {
  sessions: number;
  limit: number;
  windowMs: number;
  concurrency: number;
}): Promise<IncidentResult> {
  const { server, counts } = await rateLimitedServer(limit, windowMs);
  try {
    const ids = Array.from({ length: sessions }, (_, i) => server.issueSession({ login: `incident${i}@example.com` }));
    const env = { OKTA_ORG_URL: server.url, OKTA_API_TOKEN: server.apiToken };
    // The command a responder runs, in this process: `revoke --from -` with the ids on stdin.
    const started = performance.now();
    const run = await runMain(['revoke', '--from', '-', '--json', '--concurrency', String(concurrency)], { env, stdin: ids.join('\n') });
    const totalMs = performance.now() - started;
    const outcomes = run.json().map((line) => line.outcome);
    return {
      sessions,
      limit,
      windowMs,
      concurrency,
      revoked: outcomes.filter((outcome) => outcome === 'revoked').length,
      failed: outcomes.filter((outcome) => outcome !== 'revoked').length,
      rateLimited: counts.rateLimited,
      totalMs,
      theoreticalMs: (Math.ceil(sessions / limit) - 1) * windowMs,
    };
  } finally {
    await server.close();
  }
}
