/**
 * BucketModels sharing one bucket with others, on a simulated clock: the estimate of
 * others' use and the share each takes, end to end. Deterministic (Math.random is
 * seeded); the processes' version is test/pacing/contention.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { simulate } from '../support/bucket-simulation.js';

/** A small deterministic PRNG (mulberry32), so the jitter is the same every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

beforeEach(() => {
  vi.spyOn(Math, 'random').mockImplementation(seeded(24));
});
afterEach(() => vi.restoreAllMocks());

const BUCKET = { limit: 40, windowMs: 1000 };
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

describe('sharing a bucket (pure model, simulated time)', () => {
  it('alone, a burst of 400 goes as fast as the windows allow, without a 429', () => {
    const run = simulate({ ...BUCKET, clients: [{ want: 400 }] });
    expect(run.clients[0]?.rateLimited).toBe(0);
    expect(run.totalMs / run.minimumMs).toBeLessThanOrEqual(1.05);
  });

  it('four clients of 100 each, none told of the others: few 429s, near the minimum', () => {
    for (const latencyMs of [2, 8]) {
      const run = simulate({ ...BUCKET, clients: Array.from({ length: 4 }, () => ({ want: 100 })), latencyMs });
      expect(sum(run.clients.map((client) => client.rateLimited))).toBeLessThanOrEqual(20);
      expect(run.totalMs / run.minimumMs).toBeLessThanOrEqual(1.3);
    }
  });

  it('beside an app using half the bucket, it takes about the other half and leaves theirs', () => {
    const run = simulate({ ...BUCKET, clients: [{ want: 200 }], otherAppEveryMs: 50 });
    expect(run.clients[0]?.rateLimited).toBeLessThanOrEqual(10);
    expect(run.other.rateLimited).toBeLessThanOrEqual(run.other.sent * 0.05);
    expect(run.totalMs / run.minimumMs).toBeLessThanOrEqual(1.5);
  });

  it('into a window an earlier run left with 5, it never assumes the window full', () => {
    const run = simulate({ ...BUCKET, clients: [{ want: 60 }], usedBefore: 35 });
    expect(run.clients[0]?.rateLimited).toBeLessThanOrEqual(3);
  });

  it('with maxShare 0.5 it takes half of each window, so twice the windows', () => {
    const run = simulate({ ...BUCKET, clients: [{ want: 100, maxShare: 0.5 }] });
    expect(run.clients[0]?.rateLimited).toBe(0);
    // 20 a window: the last of five windows starts 4 s in.
    expect(run.totalMs).toBeGreaterThanOrEqual(4_000);
    expect(run.totalMs).toBeLessThan(5_500);
  });
});
