/**
 * `make bench`: okta-sessions side by side with raw fetch and @okta/okta-sdk-nodejs,
 * in one process, interleaved, on loopback. Writes bench/results.md, results.json
 * and chart.svg. Medians of several runs; see README for what each figure means.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fetchEngines } from '../src/http/engine.js';
import { type BenchClient, OKTA_SDK, OKTA_SESSIONS, OKTA_SESSIONS_UNPACED, oktaSdk, oktaSessions } from './lib/clients.js';
import { type BenchResults, renderReport, targets } from './report.js';
import { median } from './lib/stats.js';
import { measureOnNode } from './node-versions.js';
import { measurePerCall, RUNS, THROUGHPUT_TURNS } from './per-call.js';
import { measureObservability } from './observability.js';
import { CONTENTION_SCENARIOS, measureContention } from './contention.js';
import { measureUserClear } from './user-clear.js';
import { measureSystemLog } from './system-log.js';
import { measureRuntimes } from './runtimes.js';
import { type BurstResult, measureBurst, measureFootprint, measureIncident, measureLoad, measureMemory } from './scenarios.js';

/** Node majors measured besides the one running the bench (the project's own, 20). */
const OTHER_NODE_MAJORS = [22, 24];
const BURST = { burst: 200, limit: 20, windowMs: 1_000 };
/** Four processes share one bucket of 20 per 1 s window. */
/** okta-sessions' runs per contention case: processes sharing a bucket are noisy on 2 cores. */
const CONTENTION_TRIALS = 3;
const MEMORY_CALLS = 100_000;
const LOAD = { calls: 10_000, concurrency: 100, faultRate: 0.05 };
/** Okta's default /api/v1/sessions limit, 600 per 60 s, scaled down to 100 per 1 s. */
const INCIDENT = { sessions: 10_000, limit: 100, windowMs: 1_000, concurrency: 20 };
const USER_CLEAR = { users: 1_000, limit: 100, windowMs: 1_000, concurrency: 20 };
/** The logs bucket at 60 per Okta's 60 s window: 100 pages need one window after the first. */
const SYSTEM_LOG = {
  read: { events: 100_000, limit: 60, windowMs: 60_000 },
  verify: { users: 1_000, limit: 100, logLimit: 60, windowMs: 1_000, concurrency: 20 },
  findByIp: { events: 100_000, sessions: 120 },
};
const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

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
  const { staticLatency, embeddedLatency, rps } = await measurePerCall(log);
  log('burst against a rate limit');
  const burst = await bursts();
  log(`a bucket shared with others: ${CONTENTION_SCENARIOS.length} cases, ${CONTENTION_TRIALS} runs each`);
  const contention = await measureContention(CONTENTION_SCENARIOS, CONTENTION_TRIALS, log);
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
  log('load: 10,000 gets at concurrency 100 with 5% injected faults, node:http engine');
  const load = await measureLoad(LOAD);
  log('load: the same, fetch engine');
  const fetchEngineLoad = await measureLoad(LOAD, fetchEngines());
  log('what watching costs: a get plain, traced, and debug-logged');
  const observability = await measureObservability();
  log(`incident: revoke ${INCIDENT.sessions} sessions at ${INCIDENT.limit} per ${INCIDENT.windowMs / 1000} s`);
  const incident = await measureIncident(INCIDENT);
  log(`clear ${USER_CLEAR.users} users from logins at ${USER_CLEAR.limit} per ${USER_CLEAR.windowMs / 1000} s per bucket`);
  const userClear = await measureUserClear(USER_CLEAR);
  for (const [name, run] of Object.entries({ okta: userClear.okta, sdk: userClear.sdk }))
    log(`clear users ${name}: ${run.cleared} cleared, ${run.failed} failed, ${run.rateLimited} 429s, ${Math.round(run.totalMs)} ms`);
  log('the System Log: 100,000 events read through a bucket of 60 per 60 s (two minutes), clear-user --verify, findSessions');
  const systemLog = await measureSystemLog(SYSTEM_LOG);
  const otherNodes = OTHER_NODE_MAJORS.map((major) => measureOnNode(major, log));
  log('Bun, Deno and workerd: get against raw fetch in each, and the import');
  const runtimes = await measureRuntimes(log);

  const results: BenchResults = {
    started,
    runs: RUNS,
    burstSetup: BURST,
    memoryCalls: MEMORY_CALLS,
    staticLatency,
    embeddedLatency,
    rps,
    throughputTurns: THROUGHPUT_TURNS,
    burst,
    contention,
    footprint,
    memory,
    load,
    fetchEngineLoad,
    incident,
    userClear,
    observability,
    nodeVersions: [{ node: process.version, staticLatency, embeddedLatency, rps }, ...otherNodes],
    runtimes,
    systemLog,
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
