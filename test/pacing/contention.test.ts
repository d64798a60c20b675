import { describe, expect, it } from 'vitest';
import { runContention } from '../support/contention.js';

/**
 * Real processes sharing one embedded server's bucket (40 requests per 1 s window), default options. Okta
 * counts every 429 in the org's System Log, so the margins bound them; every call must end in a value.
 */
const BUCKET = { limit: 40, windowMs: 1000 } as const;

describe('pacing for a bucket it does not own (real processes)', () => {
  it('alone, it sends at the window rate without a 429', async () => {
    const result = await runContention({ client: 'okta-sessions', processes: 1, perProcess: 120, ...BUCKET });
    expect(result).toMatchObject({ completed: 120, failed: 0, rateLimited: 0 });
  });

  it('four processes, no store: no call fails, and few 429s', async () => {
    const result = await runContention({ client: 'okta-sessions', processes: 4, perProcess: 50, ...BUCKET });
    expect(result, result.firstFailure).toMatchObject({ completed: 200, failed: 0 });
    expect(result.rateLimited).toBeLessThanOrEqual(20);
  });

  it('beside another app using half the bucket: neither it nor the other app meets many 429s', async () => {
    const result = await runContention({ client: 'okta-sessions', processes: 1, perProcess: 100, otherAppPerSecond: 20, ...BUCKET });
    expect(result, result.firstFailure).toMatchObject({ completed: 100, failed: 0 });
    expect(result.rateLimited).toBeLessThanOrEqual(10);
    const other = result.otherApp as { requests: number; rateLimited: number };
    expect(other.requests).toBeGreaterThan(50);
    expect(other.rateLimited).toBeLessThanOrEqual(Math.ceil(other.requests * 0.1));
  });

  it('a fresh client in a window an earlier run left with 5 learns it before sending the rest', async () => {
    const result = await runContention({ client: 'okta-sessions', processes: 1, perProcess: 60, usedBefore: 35, ...BUCKET });
    expect(result, result.firstFailure).toMatchObject({ completed: 60, failed: 0 });
    expect(result.rateLimited).toBeLessThanOrEqual(3);
  });

  it('four processes with the Redis store, Redis killed mid-burst: every call still ends in a value', async () => {
    const result = await runContention({
      client: 'okta-sessions + Redis store',
      processes: 4,
      perProcess: 50,
      killRedisAfterMs: 1500,
      ...BUCKET,
    });
    expect(result, result.firstFailure).toMatchObject({ completed: 200, failed: 0 });
    expect(result.rateLimited).toBeLessThanOrEqual(40);
  });
});
