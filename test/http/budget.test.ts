import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OktaTimeoutError } from '../../src/errors/classes.js';
import { CallBudget } from '../../src/http/budget.js';

const OPERATION = { operationId: 'getSession', method: 'GET', path: '/api/v1/sessions/{sessionId}' };

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: 0 }));
afterEach(() => vi.useRealTimers());

describe('CallBudget', () => {
  it('counts down from its timeout and is over at the deadline', () => {
    const budget = new CallBudget(OPERATION, 1000, undefined);
    expect(budget.deadline).toBe(1000);
    vi.advanceTimersByTime(400);
    expect(budget.remainingMs()).toBe(600);
    expect(budget.isOver()).toBe(false);
    vi.advanceTimersByTime(600);
    expect(budget.isOver()).toBe(true);
    expect(budget.abortError()).toBeInstanceOf(OktaTimeoutError);
  });

  it('an attempt ends at its own timeout when that comes first, and says so', () => {
    const budget = new CallBudget(OPERATION, 10_000, undefined);
    const attempt = budget.attemptAbort(300);
    vi.advanceTimersByTime(300);
    expect(attempt.signal.aborted).toBe(true);
    expect(attempt.timedOut()).toBe(true);
    expect(budget.isOver()).toBe(false);
    attempt.dispose();
  });

  it('an attempt ends at the call deadline when that comes first, as the call timing out', () => {
    const budget = new CallBudget(OPERATION, 200, undefined);
    const attempt = budget.attemptAbort(5000);
    vi.advanceTimersByTime(200);
    expect(attempt.signal.aborted).toBe(true);
    expect(attempt.timedOut()).toBe(false);
    expect(budget.isOver()).toBe(true);
    attempt.dispose();
  });

  it("the caller's abort ends the attempt and the waits, and is what the call throws", () => {
    const controller = new AbortController();
    const budget = new CallBudget(OPERATION, Number.POSITIVE_INFINITY, controller.signal);
    const attempt = budget.attemptAbort(5000);
    const waiting = budget.forWaiting();
    controller.abort(new Error('incident closed'));
    expect(attempt.signal.aborted).toBe(true);
    expect(waiting.signal.aborted).toBe(true);
    expect(waiting.abortReason()).toEqual(new Error('incident closed'));
    expect(budget.isOver()).toBe(true);
    attempt.dispose();
    budget.dispose();
  });

  it('disposing leaves no timer behind', () => {
    const budget = new CallBudget(OPERATION, 1000, undefined);
    budget.attemptAbort(500).dispose();
    void budget.signal;
    budget.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('an infinite budget arms no deadline timer', () => {
    const budget = new CallBudget(OPERATION, Number.POSITIVE_INFINITY, undefined);
    void budget.signal;
    expect(vi.getTimerCount()).toBe(0);
    budget.dispose();
  });
});
