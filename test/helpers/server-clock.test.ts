import { describe, expect, it } from 'vitest';
import { ServerClock } from '../../src/helpers/server-clock.js';

const SECOND = Date.parse('2026-05-01T10:00:00Z');

describe('ServerClock', () => {
  it('without observations, the server time is taken as local time', () => {
    expect(new ServerClock().toLocal(SECOND)).toBe(SECOND);
  });

  it('places a server instant as late as the Date headers allow, so waiting until then is never early', () => {
    const clock = new ServerClock();
    // The server stamped 10:00:00 (it was somewhere in [10:00:00, 10:00:01)) when we read it at local 10:00:00.300.
    clock.observe(SECOND, SECOND + 300);
    expect(clock.toLocal(SECOND + 5000)).toBe(SECOND + 5300);
  });

  it('narrows the offset from whole-second Date headers seen at different points of a second', () => {
    const clock = new ServerClock();
    clock.observe(SECOND, SECOND + 300);
    // Later, local 10:00:01.100 reads Date 10:00:01: the server's second began at most 100 ms before.
    clock.observe(SECOND + 1000, SECOND + 1100);
    expect(clock.toLocal(SECOND + 5000)).toBe(SECOND + 5100);
  });

  it('starts over when the server clock jumps beyond what the bounds allow', () => {
    const clock = new ServerClock();
    clock.observe(SECOND, SECOND + 300);
    clock.observe(SECOND + 600_000, SECOND + 400);
    expect(clock.toLocal(SECOND + 605_000)).toBe(SECOND + 5400);
  });
});
