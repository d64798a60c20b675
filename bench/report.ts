import { cpus, totalmem } from 'node:os';
import { barPanel, svgDocument } from './lib/chart.js';
import { SIZE_BUDGETS } from './budgets.js';
import { OKTA_SDK, OKTA_SESSIONS, OKTA_SESSIONS_FETCH, RAW_FETCH, RAW_FETCH_AGAIN, RAW_FETCH_SIGNALLED } from './lib/clients.js';
import type { Latency, PerCallResults } from './per-call.js';
import { round } from './lib/stats.js';
import type { BurstResult, FootprintResult, IncidentResult, LoadResult } from './scenarios.js';
import type { ObservabilityResult } from './observability.js';
import type { UserClearResult } from './user-clear.js';
import type { ContentionFigures, ContentionRow, ContentionScenarioId } from './contention.js';
import type { RuntimeResult } from './runtimes.js';
import type { SystemLogResult } from './system-log.js';

export interface BenchResults {
  started: number;
  runs: number;
  burstSetup: { burst: number; limit: number; windowMs: number };
  memoryCalls: number;
  staticLatency: Latency;
  embeddedLatency: Latency;
  rps: Record<number, Record<string, number>>;
  /** How throughput was sampled: `rounds` turns of `totalCalls` calls per client. */
  throughputTurns: { rounds: number; totalCalls: number };
  burst: Record<string, BurstResult>;
  /** Section 8: sharing a bucket with other processes, another app and an earlier run. */
  contention: ContentionRow[];
  footprint: Record<string, FootprintResult>;
  memory: { heapBytes: number[]; heapBeforeBytes: number; heapAfterBytes: number; growthBytes: number };
  load: LoadResult;
  /** The same load through the fetch engine. */
  fetchEngineLoad: LoadResult;
  incident: IncidentResult;
  /** What a tracing subscriber and debug logging cost per call. */
  observability: ObservabilityResult;
  /** Clearing users from a list of logins (`clear-user --from`), beside Okta's SDK. */
  userClear: UserClearResult;
  /** Per-call figures on each Node major: the bench's own first. */
  nodeVersions: PerCallResults[];
  /** Section 10: Bun, Deno and workerd. */
  runtimes: RuntimeResult[];
  /** Section 11: the System Log: reading it, clear-user --verify, findSessions. */
  systemLog: SystemLogResult;
}

const ratio = (value: number, base: number) => round(value / base, 2);
/** `v20.20.2` → `20`. */
const nodeMajor = (node: string) => node.split('.')[0]?.slice(1);
/** A client's p50 against raw fetch's in the same run. */
const p50Ratio = (latency: Latency, name: string) => ratio(latency[name]?.p50 ?? Number.NaN, latency[RAW_FETCH]?.p50 ?? Number.NaN);
/** A client's throughput against raw fetch's at one concurrency. */
const throughputRatio = (rps: Record<number, Record<string, number>>, name: string, concurrency: number) =>
  ratio(rps[concurrency]?.[name] ?? 0, rps[concurrency]?.[RAW_FETCH] ?? 1);
const mark = (ok: boolean) => (ok ? '✅' : '❌');
const mib = (bytes: number) => `${round(bytes / 1_048_576, 2)} MiB`;

/** The targets of the benchmark issue, each with what was measured and whether it was met. */
export function targets(results: BenchResults): [string, string, boolean][] {
  const { staticLatency, rps, burst, footprint, memory, burstSetup, incident, userClear, contention } = results;
  const raw = staticLatency[RAW_FETCH] as { p50: number; p99: number };
  const ours = staticLatency[OKTA_SESSIONS] as { p50: number; p99: number };
  const paced = burst[OKTA_SESSIONS] as BurstResult;
  const ourFootprint = footprint[OKTA_SESSIONS] as { importMs: number; packBytes: number; installBytes: number };
  const sdkFootprint = footprint[OKTA_SDK] as { importMs: number; packBytes: number; installBytes: number };
  const sdk = staticLatency[OKTA_SDK] as { p50: number };
  const throughputAt = (concurrency: number) => throughputRatio(rps, OKTA_SESSIONS, concurrency);
  return [
    ['Per-call p50 at concurrency 1 ≤ 0.85× raw fetch', `${ratio(ours.p50, raw.p50)}×`, ours.p50 / raw.p50 <= 0.85],
    ['Per-call p50 below @okta/okta-sdk-nodejs', `${round(ours.p50 * 1000, 0)} µs vs ${round(sdk.p50 * 1000, 0)} µs`, ours.p50 < sdk.p50],
    ['Throughput at concurrency 16 ≥ 1.1× raw fetch', `${throughputAt(16)}×`, throughputAt(16) >= 1.1],
    ['Throughput at concurrency 64 ≥ 1.1× raw fetch', `${throughputAt(64)}×`, throughputAt(64) >= 1.1],
    ['Burst: zero failures', String(paced.failed), paced.failed === 0],
    [
      'Burst: 429s ≤ 5% of requests',
      `${round((paced.rateLimited / burstSetup.burst) * 100, 1)}%`,
      paced.rateLimited <= 0.05 * burstSetup.burst,
    ],
    [
      'Burst: total time ≤ 1.2× theoretical minimum',
      `${ratio(paced.totalMs, paced.theoreticalMs)}×`,
      paced.totalMs <= 1.2 * paced.theoreticalMs,
    ],
    ['Import in a fresh process ≤ 50 ms', `${round(ourFootprint.importMs, 1)} ms`, ourFootprint.importMs <= 50],
    [
      `Install ≤ ${SIZE_BUDGETS.installBytes / 1_000_000} MB`,
      `${round(ourFootprint.installBytes / 1_000_000, 2)} MB`,
      ourFootprint.installBytes <= SIZE_BUDGETS.installBytes,
    ],
    [
      'Import ≥ 10× faster than @okta/okta-sdk-nodejs',
      `${ratio(sdkFootprint.importMs, ourFootprint.importMs)}×`,
      sdkFootprint.importMs >= 10 * ourFootprint.importMs,
    ],
    [
      'Install ≥ 20× smaller than @okta/okta-sdk-nodejs',
      `${ratio(sdkFootprint.installBytes, ourFootprint.installBytes)}×`,
      sdkFootprint.installBytes >= 20 * ourFootprint.installBytes,
    ],
    ['Heap after 100k gets: no growth beyond a small constant (≤ 2 MiB)', mib(memory.growthBytes), memory.growthBytes <= 2 * 1_048_576],
    [
      `Incident: revoke ${incident.sessions.toLocaleString('en')} sessions in ≤ 1.05× the theoretical minimum`,
      `${ratio(incident.totalMs, incident.theoreticalMs)}×`,
      incident.failed === 0 && incident.totalMs <= 1.05 * incident.theoreticalMs,
    ],
    ['Incident: no 429s', String(incident.rateLimited), incident.rateLimited === 0],
    [
      `Clear ${userClear.users.toLocaleString('en')} users from logins in ≤ 1.1× the minimum of the two buckets, none failed`,
      `${ratio(userClear.okta.totalMs, userClear.theoreticalMs)}×, ${userClear.okta.failed} failed`,
      userClear.okta.failed === 0 && userClear.okta.totalMs <= 1.1 * userClear.theoreticalMs,
    ],
    ['Clear users: no 429s', String(userClear.okta.rateLimited), userClear.okta.rateLimited === 0],
    ...contentionTargets(contention),
    ...engineTargets(results),
    ...systemLogTargets(results.systemLog),
  ];
}

function systemLogTargets({ read, verify }: SystemLogResult): [string, string, boolean][] {
  const logRequests = verify.verifyRequests + verify.detailRequests;
  return [
    [
      `System Log: read ${read.events.toLocaleString('en')} events through a bucket of ${read.limit} in ≤ 1.05× the bucket's minimum`,
      `${ratio(read.okta.totalMs, read.theoreticalMs)}×`,
      read.okta.events === read.events && read.okta.totalMs <= 1.05 * read.theoreticalMs,
    ],
    ['System Log read: no 429s', String(read.okta.rateLimited), read.okta.rateLimited === 0],
    [
      `clear-user --verify of ${verify.users.toLocaleString('en')} users: log requests ≤ ⌈events / 1000⌉ + 5 = ${verify.targetRequests}`,
      `${logRequests} (the verification ${verify.verifyRequests}, the ended sessions' details ${verify.detailRequests})`,
      logRequests <= verify.targetRequests,
    ],
    [
      `clear-user --verify: every clear verified, no 429s`,
      `${verify.verified} of ${verify.users} verified, ${verify.rateLimited} 429s`,
      verify.verified === verify.users && verify.rateLimited === 0,
    ],
  ];
}

function systemLogLines({ read, verify, findByIp }: SystemLogResult): string[] {
  const readRow = (name: string, run: SystemLogResult['read']['okta']) =>
    `| ${name} | ${run.events.toLocaleString('en')} | ${run.requests} | ${run.rateLimited} | ${round(run.totalMs / 1000, 1)} s | ${ratio(run.totalMs, read.theoreticalMs)}× |`;
  return [
    `### Reading ${read.events.toLocaleString('en')} events`,
    '',
    `A bounded read (since and until) of ${read.events.toLocaleString('en')} sign-in events in pages of ${read.pageSize.toLocaleString('en')}, the logs bucket ${read.limit} per ${read.windowMs / 1000} s (Okta's window; its logs buckets are 20 to 120). okta-sessions: \`logEvents().pages()\`, paced. Beside it, a reader that follows \`next\` one page after another without pacing and waits out each 429 until the reset + 1 s, as Okta's SDKs page. The bucket's minimum: ${Math.ceil(read.okta.requests / read.limit) - 1} window(s) after the first = ${read.theoreticalMs / 1000} s; a page costs the server about 25 ms to serve (1,000 events, about 1 MB), which the last window's pages add.`,
    '',
    '| reader | events | requests | 429s | total time | vs the bucket minimum |',
    '|---|---|---|---|---|---|',
    readRow('okta-sessions logEvents (paced)', read.okta),
    readRow('next links, no pacing, 429 retried', read.unpaced),
    '',
    `### \`clear-user --verify\` of ${verify.users.toLocaleString('en')} users`,
    '',
    `${verify.users.toLocaleString('en')} users by login on an Identity Engine org, each with one session: looked up and cleared (buckets of ${verify.limit} per ${verify.windowMs / 1000} s), then the log read for the proof (bucket ${verify.logLimit}). The clears wrote ${verify.events.toLocaleString('en')} events (a \`user.session.clear\` and a \`user.session.end\` per user). One query per user would be ${verify.users.toLocaleString('en')} log requests.`,
    '',
    "| log requests: verification | details (start, IP, user agent: the newest sign-ins, then by id, 50 a query) | target ⌈events / 1000⌉ + 5 | verified | 429s | exit | total time | vs the users buckets' minimum |",
    '|---|---|---|---|---|---|---|---|',
    `| ${verify.verifyRequests} | ${verify.detailRequests} | ${verify.targetRequests} | ${verify.verified} of ${verify.users} | ${verify.rateLimited} | ${verify.exitCode} | ${round(verify.totalMs / 1000, 1)} s | ${ratio(verify.totalMs, verify.theoreticalMs)}× |`,
    '',
    `### \`findSessions\` by IP over ${findByIp.events.toLocaleString('en')} events`,
    '',
    `${findByIp.sessions} sessions from one address among ${findByIp.events.toLocaleString('en')} sign-ins (no rate limit): one filtered query for the address, then one per 50 sessions found for their ends.`,
    '',
    '| sessions found | log requests | time |',
    '|---|---|---|',
    `| ${findByIp.found} of ${findByIp.sessions} | ${findByIp.requests} | ${round(findByIp.totalMs, 0)} ms |`,
  ];
}

/** The engines side by side (the straight-line issue's targets): the fetch engine near raw fetch on every Node and in Bun, the Node engine where it was. */
function engineTargets({ nodeVersions, rps, runtimes }: BenchResults): [string, string, boolean][] {
  return [
    ...nodeVersions.map(({ node, staticLatency }): [string, string, boolean] => {
      const measured = p50Ratio(staticLatency, OKTA_SESSIONS_FETCH);
      return [`Fetch engine per-call p50 ≤ 1.35× raw fetch, Node ${nodeMajor(node)}`, `${measured}×`, measured <= 1.35];
    }),
    ...[16, 64].map((concurrency): [string, string, boolean] => {
      const measured = throughputRatio(rps, OKTA_SESSIONS_FETCH, concurrency);
      return [`Fetch engine throughput at concurrency ${concurrency} ≥ 0.85× raw fetch`, `${measured}×`, measured >= 0.85];
    }),
    ...runtimes
      .filter(({ runtime }) => runtime === 'Bun')
      .map(({ latency }): [string, string, boolean] => {
        const measured = p50Ratio(latency, OKTA_SESSIONS_FETCH);
        // The floor under it: raw fetch with the signal and timer every attempt carries, facade aside.
        const floor = latency[RAW_FETCH_SIGNALLED] ? ` (${RAW_FETCH_SIGNALLED}: ${p50Ratio(latency, RAW_FETCH_SIGNALLED)}×)` : '';
        return ['Bun: fetch engine per-call p50 ≤ 1.1× its raw fetch', `${measured}×${floor}`, measured <= 1.1];
      }),
    ...nodeVersions.slice(0, 1).map(({ node, staticLatency }): [string, string, boolean] => {
      const measured = p50Ratio(staticLatency, OKTA_SESSIONS);
      return [`Node engine per-call p50 ≤ 0.75× raw fetch, Node ${nodeMajor(node)}`, `${measured}×`, measured <= 0.75];
    }),
    ...[16, 64].map((concurrency): [string, string, boolean] => {
      const measured = throughputRatio(rps, OKTA_SESSIONS, concurrency);
      return [`Node engine throughput at concurrency ${concurrency} ≥ 1.3× raw fetch`, `${measured}×`, measured >= 1.3];
    }),
  ];
}

/**
 * How far apart identical code lands in this run: raw fetch measured again as a client of its own, beside the
 * clients the engine targets compare. A ratio nearer its target than this is not a difference the run can tell.
 */
function controlLine({ nodeVersions, rps, runtimes }: BenchResults): string {
  const again = (latency: Latency) => `${p50Ratio(latency, RAW_FETCH_AGAIN)}×`;
  const throughput = [16, 64].map((concurrency) => `${throughputRatio(rps, RAW_FETCH_AGAIN, concurrency)}×`);
  const bun = runtimes.find(({ runtime }) => runtime === 'Bun');
  return (
    `The method's own spread: the same raw fetch, measured again as a client of its own (\`${RAW_FETCH_AGAIN}\`), came out at ` +
    `${nodeVersions.map(({ staticLatency }) => again(staticLatency)).join(' / ')} of raw fetch's p50 on Node ${nodeVersions.map(({ node }) => nodeMajor(node)).join(' / ')}, ` +
    `${throughput.join(' / ')} of its throughput at concurrency 16 / 64${bun ? `, and ${again(bun.latency)} in Bun` : ''}. ` +
    'An engine ratio nearer its target than that is not a difference this run can tell.'
  );
}

/** Section 10: per runtime, each client's p50 against raw fetch there, and the import. */
function runtimeLines(runtimes: readonly RuntimeResult[]): string[] {
  const micros = (ms: number | null) => (typeof ms === 'number' && Number.isFinite(ms) ? `${round(ms * 1000, 0)} µs` : '—');
  const rows = runtimes.flatMap(({ runtime, version, entryEngine, latency, importMs }) => {
    const base = latency[RAW_FETCH]?.p50 ?? Number.NaN;
    const names = [
      RAW_FETCH,
      ...Object.keys(latency)
        .filter((name) => name !== RAW_FETCH)
        .sort(),
    ];
    return names.map((name, index) => {
      const { p50, p99 } = latency[name] as { p50: number; p99: number };
      const chosen = name === `okta-sessions (${entryEngine} engine)` ? ' ← its entry' : '';
      const head = index === 0 ? `| ${runtime} ${version.replace(/^\S+ /, '')} | ${round(importMs, 1)} ms` : '| |';
      return `${head} | ${name}${chosen} | ${micros(p50)} | ${micros(p99)} | ${ratio(p50, base)}× |`;
    });
  });
  return [
    '| runtime | import | client | p50 | p99 | p50 vs raw fetch |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    ...runtimes.map(({ runtime, importMeasure }) => `${runtime} import: ${importMeasure}.`),
  ];
}

/** The load figures, also quoted by docs/reliability.md. */
export function loadLines(load: LoadResult): string[] {
  const accounted = Object.values(load.outcomes).reduce((sum, count) => sum + count, 0);
  return [
    `${load.calls.toLocaleString('en')} \`get\`s at concurrency ${load.concurrency} against the embedded server, ${load.faultRate * 100}% of requests given a fault (503, 502 with HTML, reset before the request, reset mid-response, 429 without headers): ${load.faultsInjected} faults injected, counted where the server injects them (retries make more requests than calls), ${round(load.totalMs / 1000, 1)} s.`,
    '',
    '| outcome | calls |',
    '|---|---|',
    ...Object.entries(load.outcomes)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([outcome, count]) => `| ${outcome} | ${count} |`),
    `| **accounted for** | **${accounted} of ${load.calls}** |`,
    '',
    `Heap before and after: ${mib(load.heapBeforeBytes)} → ${mib(load.heapAfterBytes)}.`,
  ];
}

/** Requests per second of every client at each concurrency, with its ratio to raw fetch. */
function throughputTable(rps: Record<number, Record<string, number>>): string[] {
  const names = Object.keys(Object.values(rps)[0] ?? {});
  return [
    `| concurrency | ${names.join(' | ')} |`,
    `|---|${names.map(() => '---|').join('')}`,
    ...Object.entries(rps).map(
      ([concurrency, byClient]) =>
        `| ${concurrency} | ${names.map((name) => `${Math.round(byClient[name] ?? 0)} req/s${name === RAW_FETCH ? '' : ` (${ratio(byClient[name] ?? 0, byClient[RAW_FETCH] ?? 1)}×)`}`).join(' | ')} |`,
    ),
  ];
}

const percent = (share: number) => `${round(share * 100, 1)}%`;

/** The shared-bucket targets (issue 24), judged on okta-sessions' median run. */
function contentionTargets(rows: readonly ContentionRow[]): [string, string, boolean][] {
  const ours = (id: ContentionScenarioId) => {
    const row = rows.find((candidate) => candidate.id === id && candidate.client !== OKTA_SDK);
    if (!row) throw new Error(`no contention row ${id}`);
    return { ...row.median, requests: row.requests };
  };
  const four = ours('four');
  const beside = ours('beside');
  const fresh = ours('fresh');
  const redis = ours('redis');
  const alone = ours('alone');
  return [
    [
      '4 processes × 100, no store: 0 failed, 429s ≤ 5%, ≤ 1.3× the minimum',
      `${four.failed} failed, ${percent(four.rateLimited / four.requests)}, ${round(four.vsMinimum)}×`,
      four.failed === 0 && four.rateLimited <= 0.05 * four.requests && four.vsMinimum <= 1.3,
    ],
    [
      'Beside another app at half the bucket: 0 failed, 429s to us ≤ 5%, to the other app ≤ 5% of its requests',
      `${beside.failed} failed, ${percent(beside.rateLimited / beside.requests)}, other app ${percent(beside.otherAppRateLimitedShare)}`,
      beside.failed === 0 && beside.rateLimited <= 0.05 * beside.requests && beside.otherAppRateLimitedShare <= 0.05,
    ],
    [
      'A fresh client into a window with 5 left: 0 failed, ≤ 3 429s',
      `${fresh.failed} failed, ${fresh.rateLimited} 429s`,
      fresh.failed === 0 && fresh.rateLimited <= 3,
    ],
    [
      '4 processes with the Redis store: 0 failed, 0 429s, ≤ 1.05× the minimum',
      `${redis.failed} failed, ${redis.rateLimited} 429s, ${round(redis.vsMinimum)}×`,
      redis.failed === 0 && redis.rateLimited === 0 && redis.vsMinimum <= 1.05,
    ],
    ['Redis killed mid-burst: 0 failed', String(ours('redisKilled').failed), ours('redisKilled').failed === 0],
    [
      'One process alone: 0 429s, ≤ 1.05× the minimum',
      `${alone.rateLimited} 429s, ${round(alone.vsMinimum)}×`,
      alone.rateLimited === 0 && alone.vsMinimum <= 1.05,
    ],
  ];
}

/** Section 8's table: each case and client, the median run and (for several runs) the worst. */
function contentionTable(rows: readonly ContentionRow[]): string[] {
  const cell = (row: ContentionRow, figure: (figures: ContentionFigures) => string) =>
    row.trials > 1 ? `${figure(row.median)} (${figure(row.worst)})` : figure(row.median);
  return [
    '| case | client | runs | requests | failed | 429s to it | 429s to the other app | vs minimum |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${row.scenario} | ${row.client} | ${row.trials} | ${row.requests} | ${cell(row, (figures) => String(figures.failed))} | ${cell(row, (figures) => String(figures.rateLimited))} | ${row.id === 'beside' ? cell(row, (figures) => percent(figures.otherAppRateLimitedShare)) : '—'} | ${row.median.failed === 0 ? cell(row, (figures) => `${round(figures.vsMinimum)}×`) : '—'} |`,
    ),
  ];
}

/** One row per client: completed, failed, 429s, time; a ratio to the minimum only for a run that completed everything. */
function burstTable(results: Record<string, BurstResult>): string[] {
  return [
    '| client | completed | failed | 429s received | total time | vs minimum |',
    '|---|---|---|---|---|---|',
    ...Object.entries(results).map(
      ([name, result]) =>
        `| ${name} | ${result.completed} | ${result.failed} | ${result.rateLimited} | ${round(result.totalMs / 1000, 2)} s | ${result.failed === 0 ? `${ratio(result.totalMs, result.theoreticalMs)}×` : '—'} |`,
    ),
  ];
}

/** bench/results.md and bench/chart.svg from the measurements. */
export function renderReport(results: BenchResults): { markdown: string; svg: string } {
  const {
    started,
    runs: RUNS,
    burstSetup: BURST,
    memoryCalls: MEMORY_CALLS,
    staticLatency,
    embeddedLatency,
    rps,
    burst,
    footprint,
    memory,
    load,
    fetchEngineLoad,
    incident,
    userClear,
    observability,
    contention,
    nodeVersions,
  } = results;
  const paced = burst[OKTA_SESSIONS] as BurstResult;
  const latencyRows = (latency: Latency) =>
    Object.entries(latency).map(
      ([name, { p50, mean, p99 }]) =>
        `| ${name} | ${round(p50 * 1000, 0)} µs | ${round(mean * 1000, 0)} µs (${Math.round(1000 / mean)} calls/s) | ${round(p99 * 1000, 0)} µs | ${ratio(p50, latency[RAW_FETCH]?.p50 ?? p50)}× |`,
    );
  const lines = [
    '# Benchmarks',
    '',
    `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB · Node ${process.version} · ${new Date(started).toISOString().slice(0, 10)} · medians of ${RUNS} runs · generated by \`make bench\` (bench/run.ts).`,
    '',
    'Everything runs in one process on loopback, clients interleaved, so ratios stay comparable on a noisy machine. The servers share the process (and its two cores) with the clients.',
    '',
    '## Targets',
    '',
    '| target | measured | met |',
    '|---|---|---|',
    ...targets(results).map(([target, measured, ok]) => `| ${target} | ${measured} | ${mark(ok)} |`),
    '',
    controlLine(results),
    '',
    '## 1. Per-call cost of `get`',
    '',
    'Against a static server (a fixed Session with Okta headers: only client overhead differs):',
    '',
    '| client | p50 | mean | p99 | p50 vs raw fetch |',
    '|---|---|---|---|---|',
    ...latencyRows(staticLatency),
    '',
    "On Node the client sends through node:http with a keep-alive pool of its own (the `node` export condition); `okta-sessions (fetch engine)` is the same client through fetch, as browsers, edge runtimes and a `fetch` option get it. Node's global fetch (undici's WHATWG layer: a `Request`, `Headers` and `Response` per call, and a listener and finalizer per `AbortSignal`) costs more than the rest of a call; skipping it pays for openapi-fetch, the call budget, the attempt timeout and pacing, and then some.",
    '',
    'Against the embedded Okta server:',
    '',
    '| client | p50 | mean | p99 | p50 vs raw fetch |',
    '|---|---|---|---|---|',
    ...latencyRows(embeddedLatency),
    '',
    '### What watching a client costs',
    '',
    `The same \`get\` against the static server, interleaved in one process: with nothing attached, with a subscriber on the tracing channel \`okta-sessions:call\`, and with \`logLevel: 'debug'\` to a logger that drops every line (each line still built).`,
    '',
    '| | p50 | vs nothing attached |',
    '|---|---|---|',
    `| nothing attached (the default) | ${round(observability.plain)} µs | 1× |`,
    `| a tracing subscriber | ${round(observability.traced)} µs | ${ratio(observability.traced, observability.plain)}× |`,
    `| debug logging | ${round(observability.debugLogged)} µs | ${ratio(observability.debugLogged, observability.plain)}× |`,
    '',
    '## 2. Throughput (static server)',
    '',
    ...throughputTable(rps),
    '',
    `Each figure is the median of ${results.throughputTurns.rounds} turns of ${results.throughputTurns.totalCalls.toLocaleString('en-US')} calls per client, the clients taking turns (in reverse order every other round), so that a slow spell of the machine falls on all of them alike.`,
    '',
    "By default okta-sessions adapts how many requests it keeps in flight (`rateLimit.maxConcurrent`): it starts at 20 and grows while calls wait for a slot and no concurrency 429 comes, up to 75, Okta's highest per-org limit; at concurrency 64 it queues the rest until it has grown. Concurrency 1 is a run of its own, apart from the latency loop of section 1, so its calls/s need not match 1 / mean there; section 1 gives p50 and mean from one and the same loop.",
    '',
    `## 3. Burst: ${BURST.burst} \`get\`s at once against a bucket of ${BURST.limit} per ${BURST.windowMs / 1000} s window`,
    '',
    `Theoretical minimum: ${Math.ceil(BURST.burst / BURST.limit) - 1} windows after the first = ${paced.theoreticalMs / 1000} s. Okta's windows are 60 s; this one is scaled down so the run stays short. The reset header has whole seconds, as Okta's does.`,
    '',
    ...burstTable(burst),
    '',
    "Without pacing, every request goes out at once, most come back 429, all retry at the same reset instant, and after two retries the rest fail, which is what Okta's SDK does too.",
    '',
    '## 4. Cold start and size',
    '',
    '| package | import in a fresh process | `npm pack` size | consumer `node_modules` |',
    '|---|---|---|---|',
    ...Object.entries(footprint).map(
      ([name, result]) =>
        `| ${name} | ${round(result.importMs, 1)} ms | ${round(result.packBytes / 1024, 1)} KiB | ${mib(result.installBytes)} |`,
    ),
    '',
    '## 5. Memory',
    '',
    `Heap (after GC) every ${(MEMORY_CALLS / 4).toLocaleString('en')} \`get\`s against the embedded server, ${MEMORY_CALLS.toLocaleString('en')} in all: ${memory.heapBytes.map(mib).join(' → ')} (${memory.growthBytes >= 0 ? '+' : ''}${mib(memory.growthBytes)}).`,
    '',
    '## 6. Load with faults',
    '',
    'Through the node:http engine:',
    '',
    ...loadLines(load),
    '',
    'Through the fetch engine:',
    '',
    ...loadLines(fetchEngineLoad),
    '',
    '## 7. Incident response: `okta-sessions revoke --from`',
    '',
    `${incident.sessions.toLocaleString('en')} live sessions revoked through the CLI's bulk runner, ${incident.concurrency} in flight, against a bucket of ${incident.limit} per ${incident.windowMs / 1000} s (Okta's default 600 per 60 s for \`/api/v1/sessions\`, scaled down). Theoretical minimum: ${Math.ceil(incident.sessions / incident.limit) - 1} windows after the first = ${incident.theoreticalMs / 1000} s.`,
    '',
    '| revoked | failed | 429s received | total time | vs minimum |',
    '|---|---|---|---|---|',
    `| ${incident.revoked} | ${incident.failed} | ${incident.rateLimited} | ${round(incident.totalMs / 1000, 1)} s | ${incident.failed === 0 ? `${ratio(incident.totalMs, incident.theoreticalMs)}×` : '—'} |`,
    '',
    '### Clear 1,000 users from a list of logins: `okta-sessions clear-user --from`',
    '',
    `${userClear.users.toLocaleString('en')} users, each named by login, so each is looked up (\`getUser\`) and then cleared (\`revokeUserSessions\`, with its OAuth tokens), the two in buckets of their own, each ${userClear.limit} per ${userClear.windowMs / 1000} s. okta-sessions: the CLI's runner, ${userClear.concurrency} in flight; @okta/okta-sdk-nodejs: \`userApi.getUser\` then \`userApi.revokeUserSessions\`, one user after another, as its users write it. Theoretical minimum: ${Math.ceil(userClear.users / userClear.limit) - 1} windows after the first = ${userClear.theoreticalMs / 1000} s (the clears of a window follow its lookups). Each user was cleared exactly once (counted by the server).`,
    '',
    '| client | cleared | failed | 429s received | total time | vs minimum |',
    '|---|---|---|---|---|---|',
    ...(
      [
        [OKTA_SESSIONS, userClear.okta],
        [OKTA_SDK, userClear.sdk],
      ] as const
    ).map(
      ([name, run]) =>
        `| ${name} | ${run.cleared} | ${run.failed} | ${run.rateLimited} | ${round(run.totalMs / 1000, 1)} s | ${run.failed === 0 ? `${ratio(run.totalMs, userClear.theoreticalMs)}×` : '—'} |`,
    ),
    '',
    '## 8. A bucket shared with others: other processes, another app, an earlier run',
    '',
    'Okta\'s limits are per org, so a client is never alone in its bucket. Each case runs real worker processes (each its own client, default options) against one embedded server allowing 40 requests per 1 s window; the "other app" is raw fetch at a steady 20/s on a session of its own, the earlier run used 35 of the window the case starts in, and the Redis store is a real `redis-server` on loopback. The minimum is the fewest windows the case needs after its first, with what the others use of each. okta-sessions runs each case ' +
      `${Math.max(...contention.map((row) => row.trials))} times (processes sharing 2 cores are noisy): each figure is the median run's, the worst run's in brackets; Okta's SDK (its 2 retries on 429, as its users run it) once.`,
    '',
    ...contentionTable(contention),
    '',
    "Without a store, each client learns a window with one request before sending more, sends the window's first tenth at its even rate, and reads from every answer how much of the window others used (Okta's count less its own): it keeps back what they are expected to use and spreads its own part over the rest of the window, the processes that learned the same end jittered. With the store they take leases from one shared count; when Redis goes, each falls back to that pacing. A 429 is retried at its reset while the call's `timeoutMs` lasts (at most `maxRateLimitRetries`, 10), so none of these calls failed for a 429.",
    '',
    `## 9. Node ${nodeVersions.map(({ node }) => nodeMajor(node)).join(', ')}`,
    '',
    "Sections 1 and 2 again on each Node major (22 and 24 installed from the npm registry's `node` package, each in a process of its own): p50 at concurrency 1 against the static server, and throughput at each concurrency, as ratios to raw fetch on the same Node.",
    '',
    '| Node | okta-sessions p50 | fetch engine p50 | Okta SDK p50 | okta-sessions req/s at 1 / 16 / 64 |',
    '|---|---|---|---|---|',
    ...nodeVersions.map(({ node, staticLatency: latency, rps: byConcurrency }) => {
      const base = latency[RAW_FETCH]?.p50 ?? 1;
      const p50 = (name: string) => `${round((latency[name]?.p50 ?? 0) * 1000, 0)} µs (${ratio(latency[name]?.p50 ?? 0, base)}×)`;
      const rates = Object.values(byConcurrency).map((byClient) => `${ratio(byClient[OKTA_SESSIONS] ?? 0, byClient[RAW_FETCH] ?? 1)}×`);
      return `| ${node} | ${p50(OKTA_SESSIONS)} | ${p50(OKTA_SESSIONS_FETCH)} | ${p50(OKTA_SDK)} | ${rates.join(' / ')} |`;
    }),
    '',
    '## 10. Bun, Deno and workerd',
    '',
    "`get` against the static server (run by Node, on loopback) from inside each runtime, with the packed package installed as that runtime's users install it (Bun and Deno: node_modules; workerd: a Worker bundled as wrangler bundles it, run by Miniflare), raw fetch in the same runtime interleaved, and raw fetch again as one attempt of the fetch engine sends it (`raw fetch with an attempt's signal`: its own AbortController and timeout timer, manual redirects, text and JSON.parse), the floor of that engine with the facade aside. Bun and Deno have node:http, so both engines are measured there: the package's Node entry, and the same client with the runtime's fetch. Their `bun` and `deno` export conditions give them the fetch entry (README, Runtimes).",
    '',
    ...runtimeLines(results.runtimes),
    '',
    '## 11. The System Log: reading it, proving clears, finding sessions',
    '',
    ...systemLogLines(results.systemLog),
    '',
    '![latency and burst](chart.svg)',
    '',
  ];
  const markdown = lines.join('\n');
  const latencyGroups = Object.entries(staticLatency).map(([name, { p50, p99 }]) => ({
    label: name,
    bars: [
      { name: 'p50', value: round(p50 * 1000, 0) },
      { name: 'p99', value: round(p99 * 1000, 0) },
    ],
  }));
  const burstGroups = Object.entries(burst).map(([name, result]) => ({
    label: name.replace(' (rateLimit: false)', ' (no pacing)'),
    bars: [
      {
        name: 'total time (s)',
        value: round(result.totalMs / 1000, 1),
        note: `${round(result.totalMs / 1000, 1)} s · ${result.failed} failed · ${result.rateLimited}×429`,
      },
    ],
  }));
  const svg = svgDocument(1100, 380, [
    barPanel('Per-call latency of get (static server)', 'µs', latencyGroups, 0, 520, 380),
    barPanel(`Burst of ${BURST.burst} against ${BURST.limit} per ${BURST.windowMs / 1000} s`, 'seconds', burstGroups, 560, 540, 380, {
      label: `theoretical minimum ${paced.theoreticalMs / 1000} s`,
      value: paced.theoreticalMs / 1000,
    }),
  ]);
  return { markdown, svg };
}
