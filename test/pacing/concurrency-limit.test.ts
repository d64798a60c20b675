import { describe, expect, it } from 'vitest';
import { ConcurrencyLimit, INITIAL_CONCURRENCY, OKTA_MAX_CONCURRENCY } from '../../src/pacing/concurrency-limit.js';
import type { RateLimitReading } from '../../src/pacing/rate-limit-reading.js';

const answered: RateLimitReading = {
  serverDateMs: undefined,
  limit: 600,
  remaining: 500,
  resetAtMs: undefined,
  concurrencyLimited: false,
  retryAfterMs: undefined,
};
const concurrency429: RateLimitReading = { ...answered, limit: 0, remaining: 0, concurrencyLimited: true };

/** Answers `count` requests sent in the limit's current epoch. */
function answer(limit: ConcurrencyLimit, count: number, reading: RateLimitReading, saturated = true): void {
  for (let i = 0; i < count; i++) limit.observe(reading, limit.epoch, saturated);
}

describe('adaptive concurrency limit', () => {
  it('grows only while requests wait for a slot: by one per answer until the first concurrency 429, then by one per round', () => {
    const limit = new ConcurrencyLimit(undefined);
    expect(limit.value).toBe(INITIAL_CONCURRENCY);
    answer(limit, 1000, answered, false);
    expect(limit.value).toBe(INITIAL_CONCURRENCY);
    answer(limit, 5, answered);
    expect(limit.value).toBe(INITIAL_CONCURRENCY + 5);
    answer(limit, 1000, answered);
    expect(limit.value).toBe(OKTA_MAX_CONCURRENCY);
    expect(limit.ceiling).toBe(OKTA_MAX_CONCURRENCY);
    limit.observe(concurrency429, limit.epoch, true);
    const halved = Math.floor(OKTA_MAX_CONCURRENCY / 2);
    expect(limit.value).toBe(halved);
    answer(limit, halved - 1, answered);
    expect(limit.value).toBe(halved);
    answer(limit, 1, answered);
    expect(limit.value).toBe(halved + 1);
  });

  it('halves on a concurrency 429, ignores the answers to requests sent before, and never goes below one', () => {
    const limit = new ConcurrencyLimit(undefined);
    const before = limit.epoch;
    limit.observe(concurrency429, before, true);
    expect(limit.value).toBe(INITIAL_CONCURRENCY / 2);
    limit.observe(concurrency429, before, true);
    answer(limit, 0, answered);
    for (let i = 0; i < 50; i++) limit.observe(answered, before, true);
    expect(limit.value).toBe(INITIAL_CONCURRENCY / 2);
    for (let i = 0; i < 10; i++) limit.observe(concurrency429, limit.epoch, true);
    expect(limit.value).toBe(1);
    // An ordinary 429 (a used-up bucket) or no answer says nothing about concurrency.
    limit.observe({ ...answered, remaining: 0 }, limit.epoch, false);
    limit.observe(undefined, limit.epoch, true);
    expect(limit.value).toBe(1);
  });

  it('keeps a number the user gives, and says what to fix in a bad one', () => {
    const fixed = new ConcurrencyLimit(8);
    answer(fixed, 1000, answered);
    fixed.observe(concurrency429, fixed.epoch, true);
    expect([fixed.value, fixed.ceiling, fixed.adaptive]).toEqual([8, 8, false]);
    expect(() => new ConcurrencyLimit(2.5)).toThrow(/maxConcurrent must be a whole number >= 1 \(leave it out to adapt/);
  });
});
