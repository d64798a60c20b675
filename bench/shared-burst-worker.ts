/**
 * One worker process of the multi-process burst (bench/shared-burst.ts): its own
 * client, `count` gets at once when the parent says go, then its tally as JSON.
 */
import { once } from 'node:events';
import { RedisRateLimitStore } from '../src/redis/index.js';
import { type BenchClient, OKTA_SDK, OKTA_SESSIONS_REDIS, oktaSdk, oktaSessions } from './lib/clients.js';

const { orgUrl, apiToken, sessionId, variant, count, redisUrl } = JSON.parse(process.env.SHARED_BURST_WORKER ?? '{}') as {
  orgUrl: string;
  apiToken: string;
  sessionId: string;
  variant: string;
  count: number;
  redisUrl: string;
};

const store = variant === OKTA_SESSIONS_REDIS ? new RedisRateLimitStore({ url: redisUrl }) : undefined;
// Our clients get a budget long enough for the whole burst; Okta's SDK has no timeout by default.
const client: BenchClient = variant === OKTA_SDK ? oktaSdk(orgUrl, apiToken) : oktaSessions(orgUrl, apiToken, { timeoutMs: 120_000, ...(store ? { rateLimit: { store } } : {}) });

process.stdout.write('ready\n');
await once(process.stdin, 'data');
const outcomes = await Promise.allSettled(Array.from({ length: count }, () => client.get(sessionId)));
const completed = outcomes.filter((outcome) => outcome.status === 'fulfilled').length;
process.stdout.write(`${JSON.stringify({ completed, failed: count - completed })}\n`);
await store?.close();
process.exit(0);
