import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sleep } from '../../src/helpers/sleep.js';

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: 0 }));
afterEach(() => vi.useRealTimers());

describe('sleep', () => {
  it('resolves after the delay, or rejects with the reason as soon as the signal aborts', async () => {
    const done = sleep(100, new AbortController().signal);
    await vi.advanceTimersByTimeAsync(100);
    await expect(done).resolves.toBeUndefined();

    const controller = new AbortController();
    const cancelled = sleep(100, controller.signal);
    controller.abort(new Error('stop'));
    await expect(cancelled).rejects.toThrow('stop');
    expect(vi.getTimerCount()).toBe(0);
  });
});
