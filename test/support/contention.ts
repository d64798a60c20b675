/**
 * Clients that share one rate limit with others, as in an org: worker processes
 * (each its own client, in a process of its own), an "other app" beside them
 * calling raw fetch at a steady rate, an earlier run's use of the window they
 * start in, and a Redis store that may be killed mid-run. One embedded server
 * counts every 429. The tests assert with margins; bench section 8 reports the
 * figures.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { OktaSessions, type RateLimitOptions } from '../../src/index.js';
import { startOktaSessionsServer } from '../../src/testing/index.js';
import { startRedis } from './redis.js';

export const CONTENDING_CLIENTS = ['okta-sessions', 'okta-sessions + Redis store', '@okta/okta-sdk-nodejs'] as const;
export type ContendingClient = (typeof CONTENDING_CLIENTS)[number];

export interface ContentionCase {
  client: ContendingClient;
  processes: number;
  perProcess: number;
  /** The server's bucket: requests per window. */
  limit: number;
  windowMs: number;
  /** Another app beside the processes, on raw fetch, this many requests per second for as long as they run. */
  otherAppPerSecond?: number;
  /** Requests an earlier run used of the window the processes start in. */
  usedBefore?: number;
  /** Redis is killed this long after the start (the Redis store client only). */
  killRedisAfterMs?: number;
  /** Pacing options of okta-sessions (JSON: no store; the worker adds it). */
  rateLimit?: Omit<RateLimitOptions, 'store'>;
}

export interface ContentionResult {
  completed: number;
  failed: number;
  /** The first failure's message, when a call failed. */
  firstFailure: string | undefined;
  /** 429s the processes drew. */
  rateLimited: number;
  /** What the other app sent and how many of them drew 429s. */
  otherApp: { requests: number; rateLimited: number } | undefined;
  totalMs: number;
  /** The fewest windows after the first the processes need, with what the earlier run and the other app use of each. */
  minimumMs: number;
}

/** The worker's stdout, one line at a time. */
function lines(child: ChildProcess): () => Promise<string> {
  const reader = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const queue: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  reader.on('line', (line) => (waiting.shift() ?? ((text: string) => queue.push(text)))(line));
  child.once('exit', (code) => {
    if (code !== 0) for (const resolve of waiting.splice(0)) resolve(JSON.stringify({ crashed: code }));
  });
  return () => new Promise((resolve) => (queue.length ? resolve(queue.shift() as string) : waiting.push(resolve)));
}

/** Raw fetch at a steady rate until stopped: the org's other app. */
function otherApp(url: string, headers: Record<string, string>, perSecond: number) {
  const tally = { requests: 0, rateLimited: 0 };
  const inFlight = new Set<Promise<void>>();
  const send = () => {
    tally.requests++;
    const request = fetch(url, { headers })
      .then(async (response) => {
        if (response.status === 429) tally.rateLimited++;
        await response.arrayBuffer();
      })
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
  };
  const timer = setInterval(send, 1000 / perSecond);
  return {
    tally,
    stop: async () => {
      clearInterval(timer);
      await Promise.all(inFlight);
      return tally;
    },
  };
}

export async function runContention(run: ContentionCase): Promise<ContentionResult> {
  const { client, processes, perProcess, limit, windowMs, otherAppPerSecond = 0, usedBefore = 0 } = run;
  const redis = client === 'okta-sessions + Redis store' ? await startRedis() : undefined;
  let rateLimited = 0;
  const server = await startOktaSessionsServer({
    rateLimit: { limit, windowMs },
    onResponse: (response) => {
      if (response.status === 429) rateLimited++;
    },
  });
  const children: ChildProcess[] = [];
  try {
    const setup = new OktaSessions({ orgUrl: server.url, apiToken: server.apiToken, rateLimit: false });
    const session = await setup.create(await server.issueSessionToken({ login: 'contention@example.com' }));
    // The other app reads a session of its own.
    const otherSession = await setup.create(await server.issueSessionToken({ login: 'other-app@example.com' }));
    const config = {
      orgUrl: server.url,
      apiToken: server.apiToken,
      sessionId: session.id,
      client,
      count: perProcess,
      redisUrl: redis?.url,
      rateLimit: run.rateLimit,
    };
    for (let i = 0; i < processes; i++) {
      children.push(
        spawn(process.execPath, ['--import', 'tsx', 'test/support/contention-worker.ts'], {
          env: { ...process.env, CONTENTION_WORKER: JSON.stringify(config) },
          stdio: ['pipe', 'pipe', 'inherit'],
        }),
      );
    }
    const readers = children.map(lines);
    await Promise.all(readers.map((next) => next()));
    // Every case starts in a fresh window: the setup's one has ended.
    await new Promise((resolve) => setTimeout(resolve, windowMs + 50));
    const url = `${server.url}/api/v1/sessions/${otherSession.id}`;
    const headers = { authorization: `SSWS ${server.apiToken}`, accept: 'application/json' };
    for (let i = 0; i < usedBefore; i++) await (await fetch(url, { headers })).arrayBuffer();
    rateLimited = 0;
    const other = otherAppPerSecond > 0 ? otherApp(url, headers, otherAppPerSecond) : undefined;
    const kill = run.killRedisAfterMs !== undefined && redis ? setTimeout(() => void redis.stop(), run.killRedisAfterMs) : undefined;
    const started = performance.now();
    for (const child of children) child.stdin?.write('go\n');
    const tallies = (await Promise.all(readers.map((next) => next()))).map(
      (line) => JSON.parse(line) as { completed: number; failed: number; firstFailure?: string; crashed?: number },
    );
    const totalMs = performance.now() - started;
    clearTimeout(kill);
    const otherTally = await other?.stop();
    const crashed = tallies.find((tally) => tally.crashed !== undefined);
    if (crashed) throw new Error(`a contention worker exited with code ${crashed.crashed}`);
    const total = processes * perProcess;
    const otherPerWindow = Math.ceil((otherAppPerSecond * windowMs) / 1000);
    const firstWindow = limit - usedBefore - otherPerWindow;
    const laterWindows = limit - otherPerWindow;
    return {
      completed: tallies.reduce((sum, tally) => sum + tally.completed, 0),
      failed: tallies.reduce((sum, tally) => sum + tally.failed, 0),
      firstFailure: tallies.find((tally) => tally.firstFailure)?.firstFailure,
      rateLimited: rateLimited - (otherTally?.rateLimited ?? 0),
      otherApp: otherTally,
      totalMs,
      minimumMs: Math.ceil(Math.max(0, total - firstWindow) / laterWindows) * windowMs,
    };
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill();
    await server.close();
    await redis?.stop();
  }
}
