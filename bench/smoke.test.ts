import { describe, expect, it } from 'vitest';
import {
  OKTA_SDK,
  OKTA_SESSIONS,
  OKTA_SESSIONS_FETCH,
  OKTA_SESSIONS_UNPACED,
  oktaSdk,
  oktaSessions,
  RAW_FETCH,
  RAW_FETCH_AGAIN,
  RAW_FETCH_SIGNALLED,
  rawFetch,
} from './lib/clients.js';
import { startStaticServer } from './lib/static-server.js';
import { type BenchResults, renderReport, targets } from './report.js';
import {
  measureBurst,
  measureFootprint,
  measureIncident,
  measureLatency,
  measureLoad,
  measureMemory,
  measureThroughput,
} from './scenarios.js';
import { measureObservability } from './observability.js';
import { CONTENTION_SCENARIOS, type ContentionRow, measureContention } from './contention.js';
import { measureUserClear } from './user-clear.js';
import { measureFindByIp, measureLogRead, measureVerify } from './system-log.js';
import { measureRuntimes } from './runtimes.js';
import { fetchEngines } from '../src/http/engine.js';
import { nodeEngine } from '../src/http/node-engine.js';

// Every benchmark scenario with tiny counts, so the bench code cannot rot. No timing is asserted here.
describe('benchmark scenarios, quick run', () => {
  it('latency and throughput measure every client against the static server', async () => {
    const server = await startStaticServer();
    try {
      const clients = [rawFetch(server.url, 't0ken'), oktaSessions(server.url, 't0ken'), oktaSdk(server.url, 't0ken')];
      const latency = await measureLatency(clients, 'abc', { rounds: 2, callsPerRound: 3 });
      expect(Object.keys(latency)).toEqual([RAW_FETCH, OKTA_SESSIONS, OKTA_SDK]);
      for (const { p50, p99 } of Object.values(latency)) expect(p99).toBeGreaterThanOrEqual(p50);
      const rps = await measureThroughput(clients, 'abc', { concurrency: 4, totalCalls: 20, rounds: 1 });
      for (const value of Object.values(rps)) expect(value).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });

  it('burst: the paced client completes everything; the others report failures and 429s consistently', async () => {
    const setup = { burst: 9, limit: 3, windowMs: 1_000 };
    const paced = await measureBurst((url, token) => oktaSessions(url, token, { timeoutMs: 60_000 }), setup);
    expect(paced).toMatchObject({ completed: 9, failed: 0, theoreticalMs: 2_000 });
    for (const make of [(url: string, token: string) => oktaSessions(url, token, { rateLimit: false }), oktaSdk]) {
      const result = await measureBurst(make, setup);
      expect(result.completed + result.failed).toBe(9);
      expect(result.rateLimited).toBeGreaterThan(0);
    }
  }, 60_000);

  it('footprint packs and installs the package and times its import', () => {
    const footprint = measureFootprint({ [OKTA_SESSIONS]: { spec: process.cwd(), module: 'okta-sessions' } }, { runs: 1 });
    const ours = footprint[OKTA_SESSIONS];
    expect(ours?.packBytes).toBeGreaterThan(1_000);
    expect(ours?.installBytes).toBeGreaterThan(ours?.packBytes ?? 0);
    expect(ours?.importMs).toBeGreaterThan(0);
  }, 120_000);

  it('memory records the heap at each checkpoint', async () => {
    const memory = await measureMemory(200, (url, token) => oktaSessions(url, token), 2);
    expect(memory.heapBytes).toHaveLength(3);
    expect(memory.growthBytes).toBe(memory.heapAfterBytes - memory.heapBeforeBytes);
  });

  it.each([
    ['node:http', nodeEngine],
    ['fetch', fetchEngines()],
  ] as const)('load accounts for every call, by outcome (%s engine)', async (_engine, engines) => {
    const load = await measureLoad({ calls: 120, concurrency: 10, faultRate: 0.2 }, engines);
    expect(Object.values(load.outcomes).reduce((sum, count) => sum + count, 0)).toBe(120);
    expect(load.faultsInjected).toBeGreaterThan(0);
    for (const outcome of Object.keys(load.outcomes))
      expect(['value', 'OktaServerError', 'OktaConnectionError', 'OktaRateLimitError']).toContain(outcome);
  });

  it('incident: revokes every seeded session through the bulk runner and times it against the minimum', async () => {
    const incident = await measureIncident({ sessions: 150, limit: 50, windowMs: 500, concurrency: 10 });
    expect(incident).toMatchObject({ revoked: 150, failed: 0, theoreticalMs: 1000 });
    expect(incident.totalMs).toBeGreaterThan(0);
  });

  it('observability: a get plain, traced and debug-logged', async () => {
    const result = await measureObservability();
    for (const value of Object.values(result)) expect(value).toBeGreaterThan(0);
  }, 60_000);

  it('clear users: each looked up and cleared once, through the runner and through Okta’s SDK', async () => {
    const result = await measureUserClear({ users: 60, limit: 50, windowMs: 500, concurrency: 10 });
    expect(result).toMatchObject({ theoreticalMs: 500, okta: { cleared: 60, failed: 0 } });
    expect(result.sdk.cleared + result.sdk.failed).toBe(60);
  }, 60_000);

  it('the System Log: a paced read beside an unpaced one, clear-user --verify, findSessions by IP, tiny', async () => {
    const read = await measureLogRead({ events: 3_000, limit: 2, windowMs: 500 });
    expect(read).toMatchObject({ theoreticalMs: 500, okta: { events: 3_000, requests: 3, rateLimited: 0 }, unpaced: { events: 3_000 } });
    expect(read.unpaced.rateLimited).toBeGreaterThan(0);
    const verify = await measureVerify({ users: 30, limit: 50, logLimit: 20, windowMs: 500, concurrency: 10 });
    expect(verify).toMatchObject({ events: 60, verified: 30, exitCode: 0, rateLimited: 0, detailRequests: 1 });
    const byIp = await measureFindByIp({ events: 2_000, sessions: 60 });
    expect(byIp).toMatchObject({ found: 60, requests: 3 });
  }, 60_000);

  it('a bucket shared with others: every case and client, with a tiny bucket, medians over the runs', async () => {
    const tiny = CONTENTION_SCENARIOS.map((scenario) => ({
      ...scenario,
      setup: {
        ...scenario.setup,
        perProcess: 8,
        limit: 6,
        windowMs: 400,
        usedBefore: scenario.setup.usedBefore && 3,
        otherAppPerSecond: scenario.setup.otherAppPerSecond && 5,
        killRedisAfterMs: scenario.setup.killRedisAfterMs && 200,
      },
      clients: scenario.clients.filter((client) => client !== '@okta/okta-sdk-nodejs' || scenario.id === 'four'),
    }));
    const rows = await measureContention(tiny, 2);
    expect(rows.map((row) => `${row.id} ${row.client}`)).toEqual(
      tiny.flatMap((scenario) => scenario.clients.map((client) => `${scenario.id} ${client}`)),
    );
    for (const row of rows) {
      expect(row.trials).toBe(row.client === '@okta/okta-sdk-nodejs' ? 1 : 2);
      expect(row.worst.rateLimited).toBeGreaterThanOrEqual(row.median.rateLimited);
      expect(row.median.vsMinimum).toBeGreaterThan(0);
    }
    expect(rows.find((row) => row.id === 'redis')?.median.failed).toBe(0);
  }, 180_000);

  it('runtimes: each measures raw fetch and its engines, and its import', async () => {
    const results = await measureRuntimes(() => {}, { runs: 1, rounds: 1, callsPerRound: 3, importRuns: 1 });
    expect(results.map((result) => result.runtime)).toEqual(['Bun', 'Deno', 'workerd']);
    for (const result of results) {
      const engines = result.runtime === 'workerd' ? ['fetch'] : ['fetch', 'node:http'];
      expect(Object.keys(result.latency).sort()).toEqual(
        [RAW_FETCH, RAW_FETCH_AGAIN, RAW_FETCH_SIGNALLED, ...engines.map((engine) => `okta-sessions (${engine} engine)`)].sort(),
      );
      for (const { p50 } of Object.values(result.latency)) expect(p50).toBeGreaterThanOrEqual(0);
      expect(result.version).toMatch(/^(bun|deno|workerd) /);
    }
  }, 180_000);

  it('renders the report and the chart from results', () => {
    const latency = {
      [RAW_FETCH]: { p50: 0.4, mean: 0.41, p99: 1 },
      [OKTA_SESSIONS]: { p50: 0.28, mean: 0.5, p99: 1.1 },
      [OKTA_SESSIONS_FETCH]: { p50: 0.44, mean: 0.5, p99: 1.1 },
      [OKTA_SDK]: { p50: 0.5, mean: 0.52, p99: 1.2 },
      [RAW_FETCH_AGAIN]: { p50: 0.42, mean: 0.43, p99: 1 },
    };
    const rps = {
      1: { [RAW_FETCH]: 100, [OKTA_SESSIONS]: 150, [OKTA_SESSIONS_FETCH]: 95, [OKTA_SDK]: 90, [RAW_FETCH_AGAIN]: 99 },
      16: { [RAW_FETCH]: 100, [OKTA_SESSIONS]: 150, [OKTA_SESSIONS_FETCH]: 95, [OKTA_SDK]: 90, [RAW_FETCH_AGAIN]: 98 },
      64: { [RAW_FETCH]: 100, [OKTA_SESSIONS]: 130, [OKTA_SESSIONS_FETCH]: 95, [OKTA_SDK]: 90, [RAW_FETCH_AGAIN]: 102 },
    };
    const load = {
      calls: 10,
      concurrency: 2,
      faultRate: 0.05,
      outcomes: { value: 9, OktaServerError: 1 },
      faultsInjected: 3,
      totalMs: 100,
      heapBeforeBytes: 1,
      heapAfterBytes: 2,
    };
    const burstResult = (completed: number, rateLimited: number, totalMs: number) => ({
      completed,
      failed: 200 - completed,
      rateLimited,
      totalMs,
      theoreticalMs: 9_000,
    });
    const results: BenchResults = {
      started: Date.now(),
      runs: 1,
      burstSetup: { burst: 200, limit: 20, windowMs: 1_000 },
      memoryCalls: 100,
      staticLatency: latency,
      embeddedLatency: latency,
      rps,
      throughputTurns: { rounds: 9, totalCalls: 1_000 },
      burst: {
        [OKTA_SESSIONS]: burstResult(200, 0, 9_300),
        [OKTA_SESSIONS_UNPACED]: burstResult(60, 480, 6_000),
        [OKTA_SDK]: burstResult(60, 480, 6_000),
      },
      contention: (['four', 'beside', 'fresh', 'redis', 'redisKilled', 'alone'] as const).map((id): ContentionRow => ({
        id,
        scenario: id,
        client: id.startsWith('redis') ? 'okta-sessions + Redis store' : 'okta-sessions',
        requests: 400,
        trials: 3,
        median: { failed: 0, rateLimited: 0, otherAppRateLimitedShare: 0, vsMinimum: 1.02 },
        worst: { failed: 0, rateLimited: 4, otherAppRateLimitedShare: 0.01, vsMinimum: 1.1 },
        firstFailure: undefined,
      })),
      footprint: {
        [OKTA_SESSIONS]: { importMs: 20, packBytes: 40_000, installBytes: 300_000 },
        [OKTA_SDK]: { importMs: 700, packBytes: 900_000, installBytes: 45_000_000 },
      },
      memory: { heapBytes: [1, 2], heapBeforeBytes: 1, heapAfterBytes: 2, growthBytes: 1 },
      load,
      fetchEngineLoad: { ...load, outcomes: { value: 10 } },
      incident: {
        sessions: 1000,
        limit: 100,
        windowMs: 1000,
        concurrency: 20,
        revoked: 1000,
        failed: 0,
        rateLimited: 0,
        totalMs: 9_200,
        theoreticalMs: 9_000,
      },
      observability: { plain: 70, traced: 75, debugLogged: 72 },
      userClear: {
        users: 1000,
        limit: 100,
        windowMs: 1000,
        concurrency: 20,
        theoreticalMs: 9_000,
        okta: { cleared: 1000, failed: 0, rateLimited: 0, totalMs: 9_400 },
        sdk: { cleared: 990, failed: 10, rateLimited: 300, totalMs: 30_000 },
      },
      systemLog: {
        read: {
          events: 100_000,
          pageSize: 1000,
          limit: 60,
          windowMs: 60_000,
          theoreticalMs: 60_000,
          okta: { events: 100_000, requests: 100, rateLimited: 0, totalMs: 62_000 },
          unpaced: { events: 100_000, requests: 101, rateLimited: 1, totalMs: 63_500 },
        },
        verify: {
          users: 1000,
          limit: 100,
          logLimit: 60,
          windowMs: 1000,
          concurrency: 20,
          events: 2000,
          targetRequests: 7,
          verifyRequests: 3,
          detailRequests: 2,
          verified: 1000,
          rateLimited: 0,
          exitCode: 0,
          totalMs: 9_900,
          theoreticalMs: 9_000,
        },
        findByIp: { events: 100_000, sessions: 120, found: 120, requests: 4, totalMs: 250 },
      },
      nodeVersions: [
        { node: 'v20.20.2', staticLatency: latency, embeddedLatency: latency, rps },
        { node: 'v24.1.0', staticLatency: latency, embeddedLatency: latency, rps },
      ],
      runtimes: [
        {
          runtime: 'Bun',
          version: 'bun 1.4.5',
          entryEngine: 'fetch',
          latency: {
            [RAW_FETCH]: { p50: 0.1, mean: 0.11, p99: 0.3 },
            'okta-sessions (fetch engine)': { p50: 0.11, mean: 0.12, p99: 0.3 },
            'okta-sessions (node:http engine)': { p50: 0.15, mean: 0.16, p99: 0.4 },
            [RAW_FETCH_AGAIN]: { p50: 0.097, mean: 0.1, p99: 0.3 },
            [RAW_FETCH_SIGNALLED]: { p50: 0.103, mean: 0.11, p99: 0.3 },
          },
          importMs: 5.25,
          importMeasure: 'import() in a fresh process',
        },
        {
          runtime: 'workerd',
          version: 'workerd 2026-04-26',
          entryEngine: 'fetch',
          latency: {
            'okta-sessions (fetch engine)': { p50: 0.3, mean: 0.3, p99: Number.NaN },
            [RAW_FETCH]: { p50: 0.25, mean: 0.25, p99: Number.NaN },
          },
          importMs: 6.7,
          importMeasure: 'startup',
        },
      ],
    };
    expect(targets(results).every(([, , met]) => met)).toBe(true);
    const { markdown, svg } = renderReport(results);
    expect(markdown).toContain('| Burst: total time ≤ 1.2× theoretical minimum | 1.03× | ✅ |');
    expect(markdown).toContain('| okta-sessions | 280 µs | 500 µs (2000 calls/s) | 1100 µs | 0.7× |');
    expect(markdown).toContain('| Per-call p50 below @okta/okta-sdk-nodejs | 280 µs vs 500 µs | ✅ |');
    expect(markdown).toContain('| 64 | 100 req/s | 130 req/s (1.3×) | 95 req/s (0.95×) | 90 req/s (0.9×) |');
    expect(markdown).toContain(
      '| **accounted for** | **10 of 10** |\n\nHeap before and after: 0 MiB → 0 MiB.\n\nThrough the fetch engine:',
    );
    expect(markdown).toContain(
      "the same raw fetch, measured again as a client of its own (`raw fetch, again`), came out at 1.05× / 1.05× of raw fetch's p50 on Node 20 / 24, 0.98× / 1.02× of its throughput at concurrency 16 / 64, and 0.97× in Bun.",
    );
    expect(markdown).toContain('## 9. Node 20, 24');
    expect(markdown).toContain('| Fetch engine per-call p50 ≤ 1.35× raw fetch, Node 24 | 1.1× | ✅ |');
    expect(markdown).toContain('| Node engine throughput at concurrency 64 ≥ 1.3× raw fetch | 1.3× | ✅ |');
    expect(markdown).toContain(
      "| Bun: fetch engine per-call p50 ≤ 1.1× its raw fetch | 1.1× (raw fetch with an attempt's signal: 1.03×) | ✅ |",
    );
    expect(markdown).toContain(
      '| Bun 1.4.5 | 5.3 ms | raw fetch | 100 µs | 300 µs | 1× |\n| | | okta-sessions (fetch engine) ← its entry | 110 µs | 300 µs | 1.1× |\n| | | okta-sessions (node:http engine) | 150 µs | 400 µs | 1.5× |',
    );
    expect(markdown).toContain(
      '| workerd 2026-04-26 | 6.7 ms | raw fetch | 250 µs | — | 1× |\n| | | okta-sessions (fetch engine) ← its entry | 300 µs | — | 1.2× |',
    );
    expect(markdown).toContain('| v24.1.0 | 280 µs (0.7×) | 440 µs (1.1×) | 500 µs (1.25×) | 1.5× / 1.5× / 1.3× |');
    // A burst run that failed calls has no meaningful ratio to the minimum time.
    expect(markdown).toContain('| @okta/okta-sdk-nodejs | 60 | 140 | 480 | 6 s | — |');
    expect(markdown).toContain('| okta-sessions | 200 | 0 | 0 | 9.3 s | 1.03× |');
    expect(markdown).toContain('| okta-sessions | 20 ms | 39.1 KiB | 0.29 MiB |');
    expect(markdown).toContain('| **accounted for** | **10 of 10** |');
    expect(markdown).toContain('| Incident: revoke 1,000 sessions in ≤ 1.05× the theoretical minimum | 1.02× | ✅ |');
    expect(markdown).toContain('| 1000 | 0 | 0 | 9.2 s | 1.02× |');
    expect(markdown).toContain(
      '| 4 processes with the Redis store: 0 failed, 0 429s, ≤ 1.05× the minimum | 0 failed, 0 429s, 1.02× | ✅ |',
    );
    // The median run's figures, the worst run's in brackets; the other app's only where there is one.
    expect(markdown).toContain('| redis | okta-sessions + Redis store | 3 | 400 | 0 (0) | 0 (4) | — | 1.02× (1.1×) |');
    expect(markdown).toContain('| beside | okta-sessions | 3 | 400 | 0 (0) | 0 (4) | 0% (1%) | 1.02× (1.1×) |');
    expect(markdown).toContain('| okta-sessions logEvents (paced) | 100,000 | 100 | 0 | 62 s | 1.03× |');
    expect(markdown).toContain(
      "| clear-user --verify of 1,000 users: log requests ≤ ⌈events / 1000⌉ + 5 = 7 | 5 (the verification 3, the ended sessions' details 2) | ✅ |",
    );
    expect(svg).toMatch(/^<svg[\s\S]*theoretical minimum 9 s[\s\S]*<\/svg>\n$/);
  });
});
