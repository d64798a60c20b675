/**
 * The System Log as the sessions list, against the embedded server's log:
 * - reading `events` in pages of 1,000 through a logs bucket of `limit` per window: okta-sessions'
 *   `logEvents().pages()` (paced), beside a reader that follows `next` one page after another without pacing
 *   and waits out each 429 as Okta's SDKs do (reset − Date + 1 s);
 * - `clear-user --verify` of `users` users by login: its log requests (the verification read and the
 *   session details), against one query per user, and its time against the minimum of the three buckets;
 * - `findSessions` by IP over a log of `events`: requests and time.
 */
import { runMain } from '../test/support/cli-in-process.js';
import { OktaSessions } from '../src/index.js';
import { type OktaSessionsServer, startOktaSessionsServer } from '../src/testing/index.js';

export interface LogReadRun {
  events: number;
  requests: number;
  rateLimited: number;
  totalMs: number;
}

export interface LogReadResult {
  events: number;
  pageSize: number;
  limit: number;
  windowMs: number;
  /** The bucket's minimum: (⌈requests / limit⌉ − 1) windows, for the paced reader's requests. */
  theoreticalMs: number;
  okta: LogReadRun;
  unpaced: LogReadRun;
}

export interface VerifyResult {
  users: number;
  concurrency: number;
  limit: number;
  logLimit: number;
  windowMs: number;
  /** Events the log held for the run's clears (one clear and one end per user). */
  events: number;
  /** ⌈events / 1000⌉ + 5. */
  targetRequests: number;
  /** The verification read (sessionsEndedBy), and the details of the ended sessions (the newest sign-ins, then by id). */
  verifyRequests: number;
  detailRequests: number;
  verified: number;
  rateLimited: number;
  exitCode: number;
  totalMs: number;
  /** The users and clears buckets' minimum, as for clear-user alone: the log's few requests fit in its first window. */
  theoreticalMs: number;
}

export interface FindByIpResult {
  events: number;
  sessions: number;
  found: number;
  requests: number;
  totalMs: number;
}

export interface SystemLogResult {
  read: LogReadResult;
  verify: VerifyResult;
  findByIp: FindByIpResult;
}

const PAGE = 1_000;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A server counting log requests and 429s. */
async function logServer(options: Parameters<typeof startOktaSessionsServer>[0]) {
  const counts = { logRequests: 0, rateLimited: 0, logQueries: [] as string[] };
  const server = await startOktaSessionsServer({
    ...options,
    onResponse: (record) => {
      if (record.status === 429) counts.rateLimited++;
      if (record.operationId === 'listLogEvents') {
        counts.logRequests++;
        counts.logQueries.push(record.query.filter ?? '');
      }
    },
  });
  return { server, counts };
}

/** `events` sign-ins, 100 per user, from one address each user. */
function signIns(server: OktaSessionsServer, events: number): void {
  for (let index = 0; index < events; index++) {
    const user = Math.floor(index / 100);
    server.signIn({ login: `reader-${user}@example.com`, ipAddress: `198.51.${Math.floor(user / 250)}.${user % 250}` });
  }
}

async function pacedRead(server: OktaSessionsServer, since: Date, until: Date): Promise<number> {
  const okta = new OktaSessions({ orgUrl: server.url, apiToken: server.apiToken, timeoutMs: 600_000 });
  let events = 0;
  for await (const page of okta.logEvents({ since, until, limit: PAGE }).pages()) events += page.events.length;
  return events;
}

/** As Okta's SDKs page: the next link, one page after another, a 429 waited out until the reset (+1 s, on the server's clock). */
async function unpacedRead(server: OktaSessionsServer, since: Date, until: Date): Promise<number> {
  let url: string | undefined = `${server.url}/api/v1/logs?since=${since.toISOString()}&until=${until.toISOString()}&limit=${PAGE}`;
  let events = 0;
  while (url) {
    const response: Response = await fetch(url, { headers: { Authorization: `SSWS ${server.apiToken}`, Accept: 'application/json' } });
    if (response.status === 429) {
      await response.arrayBuffer();
      const resetMs = Number(response.headers.get('x-rate-limit-reset')) * 1000;
      await wait(Math.max(0, resetMs - Date.parse(response.headers.get('date') ?? '')) + 1000);
      continue;
    }
    events += ((await response.json()) as unknown[]).length;
    url = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('link') ?? '')?.[1];
  }
  return events;
}

export async function measureLogRead(setup: { events: number; limit: number; windowMs: number }): Promise<LogReadResult> {
  const runs: Record<'okta' | 'unpaced', LogReadRun> = {} as Record<'okta' | 'unpaced', LogReadRun>;
  let theoreticalMs = 0;
  for (const [name, read] of [
    ['okta', pacedRead],
    ['unpaced', unpacedRead],
  ] as const) {
    const { server, counts } = await logServer({
      rateLimit: { limit: 1_000_000, windowMs: setup.windowMs, buckets: { '/api/v1/logs': { limit: setup.limit } } },
    });
    try {
      const since = new Date(Date.now() - 1_000);
      signIns(server, setup.events);
      const until = new Date(Date.now() + 1_000);
      const started = performance.now();
      const events = await read(server, since, until);
      const totalMs = performance.now() - started;
      if (events !== setup.events) throw new Error(`${name} read ${events} events of ${setup.events}`);
      runs[name] = { events, requests: counts.logRequests, rateLimited: counts.rateLimited, totalMs };
      if (name === 'okta') theoreticalMs = (Math.ceil(counts.logRequests / setup.limit) - 1) * setup.windowMs;
    } finally {
      await server.close();
    }
  }
  return { ...setup, pageSize: PAGE, theoreticalMs, okta: runs.okta, unpaced: runs.unpaced };
}

export async function measureVerify(setup: {
  users: number;
  limit: number;
  logLimit: number;
  windowMs: number;
  concurrency: number;
}): Promise<VerifyResult> {
  const { server, counts } = await logServer({
    engine: 'identity-engine',
    rateLimit: { limit: setup.limit, windowMs: setup.windowMs, buckets: { '/api/v1/logs': { limit: setup.logLimit } } },
  });
  try {
    const logins = Array.from({ length: setup.users }, (_, index) => `verify-${index}@example.com`);
    for (const login of logins) server.signIn({ login, ipAddress: '203.0.113.7', userAgent: 'bench' });
    // Start in a fresh window of each bucket.
    await wait(setup.windowMs + 50);
    const env = { OKTA_ORG_URL: server.url, OKTA_API_TOKEN: server.apiToken };
    const started = performance.now();
    const run = await runMain(['clear-user', '--from', '-', '--json', '--verify', '--concurrency', String(setup.concurrency)], {
      env,
      stdin: logins.join('\n'),
    });
    const totalMs = performance.now() - started;
    const lines = run.json();
    // The details: the newest sign-ins' pages, and the lookups by id for what they did not hold.
    const details = counts.logQueries.filter(
      (filter) => filter.includes('externalSessionId') || filter.includes('user.session.start'),
    ).length;
    const events = server.logEvents.filter(
      (event) => event.eventType === 'user.session.clear' || event.eventType === 'user.session.end',
    ).length;
    return {
      ...setup,
      events,
      targetRequests: Math.ceil(events / PAGE) + 5,
      verifyRequests: counts.logRequests - details,
      detailRequests: details,
      verified: lines.filter((line) => line.event === 'verified').length,
      rateLimited: counts.rateLimited,
      exitCode: run.code,
      totalMs,
      theoreticalMs: (Math.ceil(setup.users / setup.limit) - 1) * setup.windowMs,
    };
  } finally {
    await server.close();
  }
}

export async function measureFindByIp(setup: { events: number; sessions: number }): Promise<FindByIpResult> {
  const { server, counts } = await logServer({ rateLimit: false, engine: 'identity-engine' });
  try {
    signIns(server, setup.events - setup.sessions);
    for (let index = 0; index < setup.sessions; index++) server.signIn({ login: `victim-${index}@example.com`, ipAddress: '203.0.113.7' });
    const okta = new OktaSessions({ orgUrl: server.url, apiToken: server.apiToken, timeoutMs: 600_000 });
    const started = performance.now();
    const found = await okta.findSessions({ ipAddress: '203.0.113.7' });
    return { ...setup, found: found.length, requests: counts.logRequests, totalMs: performance.now() - started };
  } finally {
    await server.close();
  }
}

export async function measureSystemLog(setup: {
  read: Parameters<typeof measureLogRead>[0];
  verify: Parameters<typeof measureVerify>[0];
  findByIp: Parameters<typeof measureFindByIp>[0];
}): Promise<SystemLogResult> {
  return {
    read: await measureLogRead(setup.read),
    verify: await measureVerify(setup.verify),
    findByIp: await measureFindByIp(setup.findByIp),
  };
}
