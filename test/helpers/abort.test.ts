import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sleep, untilAborted } from '../../src/helpers/abort.js';

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

describe('untilAborted', () => {
  it("stops waiting with the abort's reason while the work goes on, and removes its listener when the work ends first", async () => {
    const controller = new AbortController();
    let finish: (value: string) => void = () => {};
    const work = new Promise<string>((resolve) => (finish = resolve));
    const waiting = untilAborted(work, controller.signal, () => new Error('the call ended'));
    controller.abort();
    await expect(waiting).rejects.toThrow('the call ended');
    finish('token');
    await expect(work).resolves.toBe('token');

    const quiet = new AbortController();
    const removed = vi.spyOn(quiet.signal, 'removeEventListener');
    await expect(untilAborted(Promise.resolve(1), quiet.signal)).resolves.toBe(1);
    expect(removed).toHaveBeenCalledTimes(1);
  });
});
