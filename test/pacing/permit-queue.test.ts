import { describe, expect, it } from 'vitest';
import { type HeldRequest, PermitQueue } from '../../src/pacing/permit-queue.js';

/** Lets promise callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A queue whose owner opens keys by `open` (all, unless told), recording what it passes over and abandons. */
function queue(capacity: number, open: (key: string) => string | undefined = (key) => `${key}-permit`) {
  let abandoned = 0;
  const held: HeldRequest[] = [];
  const asked: string[] = [];
  const permits = new PermitQueue<string>(capacity, {
    permitFor: (key) => {
      asked.push(key);
      return open(key);
    },
    onHeld: (request) => held.push(request),
    onAbandoned: () => abandoned++,
  });
  const granted: string[] = [];
  const enqueue = (key: string, label: string, signal = new AbortController().signal) => {
    const { permit, request } = permits.acquire(key, label, signal, () => new Error(`${label} aborted`));
    const settled = permit.then(
      (value) => granted.push(`${label}:${value}`),
      (error: Error) => error.message,
    );
    return { request, settled };
  };
  return { permits, granted, enqueue, held, asked, abandoned: () => abandoned };
}

describe('PermitQueue', () => {
  it('admits in FIFO order while permits are free', async () => {
    const { permits, granted, enqueue } = queue(2);
    for (const label of ['a', 'b', 'c']) enqueue('sessions', label);
    expect(permits.busy).toBe(true);
    permits.admitWaiting();
    await settle();
    expect(granted).toEqual(['a:sessions-permit', 'b:sessions-permit']);
    permits.release();
    permits.admitWaiting();
    await settle();
    expect(granted).toEqual(['a:sessions-permit', 'b:sessions-permit', 'c:sessions-permit']);
  });

  it('is busy while anything waits, so a newcomer cannot overtake the queue', () => {
    const { permits, enqueue } = queue(5);
    expect(permits.busy).toBe(false);
    enqueue('sessions', 'a');
    expect(permits.busy).toBe(true);
    expect(permits.acquireNow('sessions')).toBeUndefined();
  });

  it('counts permits acquired at once against the capacity', () => {
    const { permits } = queue(1);
    expect(permits.acquireNow('sessions')).toBe('sessions-permit');
    expect(permits.busy).toBe(true);
    permits.release();
    expect(permits.busy).toBe(false);
  });

  it('a held key does not block other keys, and nothing overtakes an earlier waiter of the same key', async () => {
    const { permits, granted, enqueue, held, asked } = queue(10, (key) => (key === 'sessions' ? undefined : 'ok'));
    enqueue('sessions', 'a');
    enqueue('sessions/me', 'b');
    enqueue('sessions', 'c');
    permits.admitWaiting();
    await settle();
    expect(granted).toEqual(['b:ok']);
    // c was passed over without asking again: its key was already held for a.
    expect(asked).toEqual(['sessions', 'sessions/me']);
    expect(held.map((request) => request.label)).toEqual(['a', 'c']);
    expect(permits.waiting().map((request) => request.label)).toEqual(['a', 'c']);
  });

  it('a waiter whose signal aborts leaves at once with the abort reason, and is never granted', async () => {
    const { permits, granted, enqueue, abandoned } = queue(1, () => 'ok');
    const controller = new AbortController();
    const first = enqueue('sessions', 'a', controller.signal);
    enqueue('sessions', 'b');
    controller.abort();
    expect(await first.settled).toBe('a aborted');
    expect(abandoned()).toBe(1);
    permits.admitWaiting();
    await settle();
    expect(granted).toEqual(['b:ok']);
  });

  it('an already aborted signal never joins the queue', async () => {
    const { permits, enqueue } = queue(1);
    const controller = new AbortController();
    controller.abort();
    const { settled } = enqueue('sessions', 'a', controller.signal);
    expect(await settled).toBe('a aborted');
    expect(permits.waiting()).toHaveLength(0);
  });

  it('HeldRequest.announced is kept per request for the scheduler', () => {
    const { permits, enqueue } = queue(1);
    const { request } = enqueue('sessions', 'a');
    request.announced = true;
    expect(permits.waiting()[0]?.announced).toBe(true);
  });
});
