/**
 * One process of a contention run (test/support/contention.ts): its own client,
 * `count` gets at once when the parent says go, then its tally as one JSON line.
 */
import { once } from 'node:events';
import okta from '@okta/okta-sdk-nodejs';
import { OktaSessions, type RateLimitOptions } from '../../src/index.js';
import { RedisRateLimitStore } from '../../src/redis/index.js';
import type { ContendingClient } from './contention.js';

const { orgUrl, apiToken, sessionId, client, count, redisUrl, rateLimit } = JSON.parse(process.env.CONTENTION_WORKER ?? '{}') as {
  orgUrl: string;
  apiToken: string;
  sessionId: string;
  client: ContendingClient;
  count: number;
  redisUrl: string | undefined;
  rateLimit: Omit<RateLimitOptions, 'store'> | undefined;
};

const store = client === 'okta-sessions + Redis store' ? new RedisRateLimitStore({ url: redisUrl as string }) : undefined;
let get: () => Promise<unknown>;
if (client === '@okta/okta-sdk-nodejs') {
  // Okta's SDK as its users run it: 2 retries on 429, no timeout, its response cache off (it would answer from memory).
  const sdk = new okta.Client({
    orgUrl,
    token: apiToken,
    cacheMiddleware: null,
    requestExecutor: new okta.DefaultRequestExecutor({ maxRetries: 2, requestTimeout: 0 }),
  });
  get = () => sdk.sessionApi.getSession({ sessionId });
} else {
  // Default options, as the issue measured them (a 30 s budget per call), warnings aside (a killed store warns).
  const oktaSessions = new OktaSessions({ orgUrl, apiToken, logLevel: 'error', rateLimit: { ...rateLimit, ...(store ? { store } : {}) } });
  get = () => oktaSessions.get(sessionId);
}

process.stdout.write('ready\n');
await once(process.stdin, 'data');
const outcomes = await Promise.allSettled(Array.from({ length: count }, get));
const failures = outcomes.filter((outcome) => outcome.status === 'rejected');
const firstFailure = failures[0] && String((failures[0].reason as Error)?.message ?? failures[0].reason);
process.stdout.write(`${JSON.stringify({ completed: count - failures.length, failed: failures.length, firstFailure })}\n`);
await store?.close();
process.exit(0);
