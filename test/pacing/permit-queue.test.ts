import { describe, expect, it } from 'vitest';
import { type HeldRequest, PermitQueue } from '../../src/pacing/permit-queue.js';

/** Lets promise callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

function queue(capacity: number) {
  let abandoned = 0;
  const permits = new PermitQueue<string>(capacity, () => abandoned++);
  const granted: string[] = [];
  const enqueue = (key: string, label: string, signal = new AbortController().signal) => {
    const { permit, request } = permits.wait(key, label, signal, () => new Error(`${label} aborted`));
    const settled = permit.then(
      (value) => granted.push(`${label}:${value}`),
      (error: Error) => error.message,
    );
    return { request, settled };
  };
  return { permits, granted, enqueue, abandoned: () => abandoned };
}

describe('PermitQueue', () => {
  it('admits in FIFO order while permits are free', async () => {
    const { permits, granted, enqueue } = queue(2);
    for (const label of ['a', 'b', 'c']) enqueue('sessions', label);
    expect(permits.busy).toBe(true);
    permits.grant(
      (key) => `${key}-permit`,
      () => {},
    );
    await settle();
    expect(granted).toEqual(['a:sessions-permit', 'b:sessions-permit']);
    permits.give();
    permits.grant(
      (key) => `${key}-permit`,
      () => {},
    );
    await settle();
    expect(granted).toEqual(['a:sessions-permit', 'b:sessions-permit', 'c:sessions-permit']);
  });

  it('is busy while anything waits, so a newcomer cannot overtake the queue', () => {
    const { permits, enqueue } = queue(5);
    expect(permits.busy).toBe(false);
    enqueue('sessions', 'a');
    expect(permits.busy).toBe(true);
  });

  it('counts permits taken directly against the capacity', () => {
    const { permits } = queue(1);
    permits.take();
    expect(permits.busy).toBe(true);
    permits.give();
    expect(permits.busy).toBe(false);
  });

  it('a held key does not block other keys, and nothing overtakes an earlier waiter of the same key', async () => {
    const { permits, granted, enqueue } = queue(10);
    enqueue('sessions', 'a');
    enqueue('sessions/me', 'b');
    enqueue('sessions', 'c');
    const held: HeldRequest[] = [];
    const asked: string[] = [];
    permits.grant(
      (key) => {
        asked.push(key);
        return key === 'sessions' ? undefined : 'ok';
      },
      (request) => held.push(request),
    );
    await settle();
    expect(granted).toEqual(['b:ok']);
    // c was passed over without asking again: its key was already held for a.
    expect(asked).toEqual(['sessions', 'sessions/me']);
    expect(held.map((request) => request.label)).toEqual(['a', 'c']);
    expect(permits.waiting().map((request) => request.label)).toEqual(['a', 'c']);
  });

  it('a waiter whose signal aborts leaves at once with the abort reason, and is never granted', async () => {
    const { permits, granted, enqueue, abandoned } = queue(1);
    const controller = new AbortController();
    const first = enqueue('sessions', 'a', controller.signal);
    enqueue('sessions', 'b');
    controller.abort();
    expect(await first.settled).toBe('a aborted');
    expect(abandoned()).toBe(1);
    permits.grant(
      () => 'ok',
      () => {},
    );
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
