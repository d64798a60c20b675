/**
 * Many processes, one rate limit: `workers` processes, each with its own client,
 * send `perWorker` gets at once to one embedded server whose bucket allows
 * `limit` per `windowMs`. In-memory pacing per process, the Redis store, and
 * Okta's SDK, side by side.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { OktaSessions } from '../src/index.js';
import { startRedis } from '../test/support/redis.js';
import { rateLimitedServer } from './scenarios.js';

export interface SharedBurstResult {
  completed: number;
  failed: number;
  rateLimited: number;
  totalMs: number;
  theoreticalMs: number;
}

export interface SharedBurstSetup {
  workers: number;
  perWorker: number;
  limit: number;
  windowMs: number;
}

/** The worker's lines on stdout, one at a time. */
function lines(child: ChildProcess): () => Promise<string> {
  const reader = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const queue: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  reader.on('line', (line) => (waiting.shift() ?? ((text: string) => queue.push(text)))(line));
  return () => new Promise((resolve) => (queue.length ? resolve(queue.shift() as string) : waiting.push(resolve)));
}

export async function measureSharedBurst(variants: readonly string[], { workers, perWorker, limit, windowMs }: SharedBurstSetup): Promise<Record<string, SharedBurstResult>> {
  const redis = await startRedis();
  const results: Record<string, SharedBurstResult> = {};
  try {
    for (const variant of variants) {
      const { server, counts } = await rateLimitedServer(limit, windowMs);
      try {
        const setup = new OktaSessions({ orgUrl: server.url, apiToken: server.apiToken, rateLimit: false });
        const session = await setup.create(await server.issueSessionToken({ login: 'shared-burst@example.com' }));
        const config = { orgUrl: server.url, apiToken: server.apiToken, sessionId: session.id, variant, count: perWorker, redisUrl: redis.url };
        const children = Array.from({ length: workers }, () =>
          spawn(process.execPath, ['--import', 'tsx', 'bench/shared-burst-worker.ts'], { env: { ...process.env, SHARED_BURST_WORKER: JSON.stringify(config) }, stdio: ['pipe', 'pipe', 'inherit'] }),
        );
        const readers = children.map(lines);
        await Promise.all(readers.map((next) => next()));
        // Start in a fresh window, every worker at once.
        await new Promise((resolve) => setTimeout(resolve, windowMs + 50));
        counts.rateLimited = 0;
        const started = performance.now();
        for (const child of children) child.stdin.write('go\n');
        const tallies = (await Promise.all(readers.map((next) => next()))).map((line) => JSON.parse(line) as { completed: number; failed: number });
        const totalMs = performance.now() - started;
        await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : undefined)));
        const total = workers * perWorker;
        results[variant] = {
          completed: tallies.reduce((sum, tally) => sum + tally.completed, 0),
          failed: tallies.reduce((sum, tally) => sum + tally.failed, 0),
          rateLimited: counts.rateLimited,
          totalMs,
          theoreticalMs: (Math.ceil(total / limit) - 1) * windowMs,
        };
      } finally {
        await server.close();
      }
    }
  } finally {
    await redis.stop();
  }
  return results;
}
