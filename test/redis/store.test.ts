/**
 * Pacing shared through real Redis, started by the test on free loopback ports (no persistence): once on
 * one redis-server, once on a 3-node Redis Cluster (a bucket's keys share a hash tag, so its scripts run on one node).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OktaRateLimitWaitError, OktaSessions, type RateLimitStoreEvent } from '../../src/index.js';
import { RedisRateLimitStore } from '../../src/redis/index.js';
import { startOktaSessionsServer } from '../../src/testing/index.js';
import { type RedisDeployment, startRedis, startRedisCluster } from '../support/redis.js';

describe.each([
  { deployment: 'one redis-server', start: startRedis },
  { deployment: 'a 3-node Redis Cluster', start: startRedisCluster },
])('on $deployment', ({ start }) => {
  let redis: RedisDeployment;
  const stores: RedisRateLimitStore[] = [];
  const store = (options: ConstructorParameters<typeof RedisRateLimitStore>[1] = {}) => {
    const made = new RedisRateLimitStore(redis.connection, options);
    stores.push(made);
    return made;
  };

  beforeAll(async () => {
    redis = await start();
  }, 30_000);
  afterAll(async () => {
    await Promise.all(stores.map((made) => made.close()));
    await redis.stop();
  });

  describe('the Lua scripts under concurrent callers', () => {
    it('lets one request through while nothing is known of the bucket, then as many as it allows', async () => {
      const key = `unknown|${randomUUID()}`;
      const callers = [store(), store()];
      const first = await callers[0]!.acquire(key, 0, Date.now());
      expect('leaseId' in first).toBe(true);
      expect(await callers[1]!.acquire(key, 0, Date.now())).toMatchObject({ rateLimit: undefined });
      await callers[0]!.release(
        key,
        (first as { leaseId: string }).leaseId,
        { limit: 20, remaining: 19, resetAtMs: Date.now() + 60_000, windowMs: undefined },
        Date.now(),
      );
      const next = await Promise.all(Array.from({ length: 5 }, (_, i) => callers[i % 2]!.acquire(key, 0, Date.now())));
      expect(next.every((answer) => 'leaseId' in answer)).toBe(true);
    });

    it('no interleaving lets more than the cap be in flight, or more requests be sent in a window than Okta had left (less the reserve)', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            cap: fc.integer({ min: 1, max: 4 }),
            reserve: fc.integer({ min: 0, max: 2 }),
            remaining: fc.integer({ min: 0, max: 12 }),
            plans: fc.array(fc.array(fc.boolean(), { minLength: 4, maxLength: 30 }), { minLength: 2, maxLength: 5 }),
          }),
          async ({ cap, reserve, remaining, plans }) => {
            const key = `property|${randomUUID()}`;
            // One connection per caller, as separate processes would have.
            const capped = new RedisRateLimitStore(redis.connection, { maxInFlight: cap });
            const now = Date.now();
            const resetAtMs = now + 60_000;
            // Okta's view: what it had left when the window was learned, and how many requests it has counted since.
            let sent = 0;
            let outstanding = 0;
            let maxOutstanding = 0;
            const seed = await capped.acquire(key, 0, now);
            if (!('leaseId' in seed)) throw new Error('the first take must be granted');
            await capped.release(key, seed.leaseId, { limit: 20, remaining, resetAtMs, windowMs: undefined }, now);
            await Promise.all(
              plans.map(async (plan, index) => {
                const caller = index === 0 ? capped : new RedisRateLimitStore(redis.connection, { maxInFlight: cap });
                const held: string[] = [];
                for (const takeNext of plan) {
                  if (takeNext || held.length === 0) {
                    const answer = await caller.acquire(key, reserve, Date.now());
                    if ('leaseId' in answer) {
                      sent++;
                      outstanding++;
                      maxOutstanding = Math.max(maxOutstanding, outstanding);
                      held.push(answer.leaseId);
                    }
                  } else {
                    const leaseId = held.shift() as string;
                    outstanding--;
                    await caller.release(
                      key,
                      leaseId,
                      { limit: 20, remaining: Math.max(0, remaining - sent), resetAtMs, windowMs: undefined },
                      Date.now(),
                    );
                  }
                }
                for (const leaseId of held.splice(0)) {
                  outstanding--;
                  await caller.release(key, leaseId, undefined, Date.now());
                }
                if (caller !== capped) await caller.close();
              }),
            );
            await capped.close();
            expect(maxOutstanding).toBeLessThanOrEqual(cap);
            expect(sent).toBeLessThanOrEqual(Math.max(0, remaining - reserve));
          },
        ),
        { numRuns: 100 },
      );
    }, 60_000);
  });

  describe('the window end, probed once for all processes', () => {
    it("after the window opener, one probe at its real end (on Redis's clock); a probe that meets a used-up window stops probing for good", async () => {
      const key = `probe|${randomUUID()}`;
      const [a, b] = [store(), store()];
      const resetAtMs = Date.now() + 5_000; // the rounded reset, well after the real end
      const opener = (await a.acquire(key, 0, Date.now())) as { leaseId: string };
      await a.release(key, opener.leaseId, { limit: 2, remaining: 1, resetAtMs, windowMs: 600 }, Date.now());
      const second = (await b.acquire(key, 0, Date.now())) as { leaseId: string };
      await b.release(key, second.leaseId, { limit: 2, remaining: 0, resetAtMs, windowMs: undefined }, Date.now());
      // Used up: held until the window's real end, not the reset.
      const held = await a.acquire(key, 0, Date.now());
      expect(held).toMatchObject({ rateLimit: { remaining: 0 } });
      expect((held as { retryAtMs: number }).retryAtMs).toBeLessThan(resetAtMs - 3_000);
      await new Promise((resolve) => setTimeout(resolve, 650));
      const probe = await a.acquire(key, 0, Date.now());
      expect('leaseId' in probe).toBe(true);
      expect('leaseId' in (await b.acquire(key, 0, Date.now()))).toBe(false); // one probe at a time, across processes
      // The probe met the same used-up window: no more probes, wait for the reset.
      await a.release(key, (probe as { leaseId: string }).leaseId, { limit: 2, remaining: 0, resetAtMs, windowMs: undefined }, Date.now());
      const after = await b.acquire(key, 0, Date.now());
      expect(after).toMatchObject({ retryAtMs: resetAtMs });
    });
  });

  describe('leases', () => {
    it('a worker killed mid-request holds its capacity only until its leases expire', async () => {
      const key = `killed|${randomUUID()}`;
      const script = `
        import { RedisRateLimitStore } from './src/redis/index.ts';
        const store = new RedisRateLimitStore(${JSON.stringify(redis.connection)}, { maxInFlight: 2, leaseMs: 1500 });
        // A first request teaches the store the bucket (until then it lets one through at a time).
        const first = await store.acquire(${JSON.stringify(key)}, 0, Date.now());
        await store.release(${JSON.stringify(key)}, first.leaseId, { limit: 100, remaining: 99, resetAtMs: Date.now() + 60_000, windowMs: undefined }, Date.now());
        for (let i = 0; i < 2; i++) {
          const answer = await store.acquire(${JSON.stringify(key)}, 0, Date.now());
          if (!('leaseId' in answer)) throw new Error('not granted');
        }
        console.log('holding');
        setInterval(() => {}, 1000);`;
      const worker = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve) => worker.stdout.once('data', () => resolve()));
      const killedAt = Date.now();
      worker.kill('SIGKILL');
      await new Promise((resolve) => worker.once('exit', resolve));

      const survivor = store({ maxInFlight: 2, leaseMs: 1500 });
      expect('leaseId' in (await survivor.acquire(key, 0, Date.now()))).toBe(false);
      let granted: { leaseId: string } | undefined;
      while (!granted) {
        const answer = await survivor.acquire(key, 0, Date.now());
        if ('leaseId' in answer) granted = answer;
        else await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(Date.now() - killedAt).toBeGreaterThan(1000);
      expect(Date.now() - killedAt).toBeLessThan(3000);
    }, 20_000);
  });

  describe('a client with the Redis store', () => {
    it('Redis stopped mid-run and restarted: every call still ends in a value, pacing falls back and comes back', async () => {
      const okta = await startOktaSessionsServer({ rateLimit: { limit: 10_000, windowMs: 60_000 } });
      const events: RateLimitStoreEvent[] = [];
      const client = new OktaSessions({
        orgUrl: okta.url,
        apiToken: okta.apiToken,
        rateLimit: { store: store() },
        onRateLimitStore: (event) => events.push(event),
      });
      const id = okta.issueSession({ login: 'redis@example.com' });
      const outcomes: string[] = [];
      try {
        for (let round = 0; round < 60; round++) {
          if (round === 15) await redis.stop();
          if (round === 30) await redis.restart();
          if (round >= 30 && round < 45) await new Promise((resolve) => setTimeout(resolve, 100)); // time for the reconnect and the retry after 1 s
          const results = await Promise.allSettled(Array.from({ length: 4 }, () => client.get(id)));
          outcomes.push(...results.map((result) => (result.status === 'fulfilled' ? 'value' : String((result.reason as Error).name))));
        }
      } finally {
        await okta.close();
      }
      expect(outcomes).toHaveLength(240);
      expect(outcomes.every((outcome) => outcome === 'value')).toBe(true);
      expect(events.map((event) => event.state)).toEqual(['fallback', 'restored']);
      expect(events[0]?.bucket).toBe('sessions');
    }, 30_000);

    it('two orgs on one Redis never share a bucket, and nothing secret is stored', async () => {
      const [orgA, orgB] = await Promise.all([
        startOktaSessionsServer({ rateLimit: { limit: 3, windowMs: 60_000 } }),
        startOktaSessionsServer({ rateLimit: { limit: 3, windowMs: 60_000 } }),
      ]);
      const shared = store({ keyPrefix: `two-orgs-${randomUUID()}` });
      const clientA = new OktaSessions({ orgUrl: orgA.url, apiToken: orgA.apiToken, rateLimit: { store: shared }, timeoutMs: 5_000 });
      const clientB = new OktaSessions({ orgUrl: orgB.url, apiToken: orgB.apiToken, rateLimit: { store: shared }, timeoutMs: 5_000 });
      try {
        const idA = orgA.issueSession({ login: 'a@example.com' });
        const idB = orgB.issueSession({ login: 'b@example.com' });
        for (let i = 0; i < 3; i++) await clientA.get(idA);
        // A's bucket is used up until its reset, a minute away: not within the call's budget, said at once.
        const started = Date.now();
        await expect(clientA.get(idA)).rejects.toBeInstanceOf(OktaRateLimitWaitError);
        expect(Date.now() - started).toBeLessThan(500);
        // B's is its own.
        expect((await clientB.get(idB)).login).toBe('b@example.com');

        const inspector = redis.inspector();
        const keys = await redis.keys('two-orgs-*');
        expect(keys.some((key) => key.includes(orgA.url))).toBe(true);
        expect(keys.some((key) => key.includes(orgB.url))).toBe(true);
        const stored = await Promise.all(
          keys.map(async (key) =>
            JSON.stringify(key.endsWith(':state') ? await inspector.hgetall(key) : await inspector.zrange(key, 0, -1)),
          ),
        );
        for (const text of [...keys, ...stored]) {
          for (const secret of [orgA.apiToken, orgB.apiToken, idA, idB]) expect(text).not.toContain(secret);
        }
        inspector.disconnect();
      } finally {
        await Promise.all([orgA.close(), orgB.close()]);
      }
    }, 20_000);

    it('a script error (a key of the wrong type) falls back to local pacing; the call succeeds', async () => {
      const okta = await startOktaSessionsServer();
      const prefix = `broken-${randomUUID()}`;
      const inspector = redis.inspector();
      await inspector.set(`${prefix}:{${okta.url}|sessions}:state`, 'not a hash');
      inspector.disconnect();
      const events: RateLimitStoreEvent[] = [];
      const client = new OktaSessions({
        orgUrl: okta.url,
        apiToken: okta.apiToken,
        rateLimit: { store: store({ keyPrefix: prefix }) },
        onRateLimitStore: (event) => events.push(event),
      });
      try {
        const id = okta.issueSession({ login: 'c@example.com' });
        expect((await client.get(id)).id).toBe(id);
        expect(events).toEqual([{ bucket: 'sessions', state: 'fallback', reason: expect.stringContaining('WRONGTYPE') }]);
      } finally {
        await okta.close();
      }
    });
  });
});
