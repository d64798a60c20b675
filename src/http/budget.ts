import { OktaTimeoutError, type OperationRef } from '../errors/classes.js';
import type { WaitBudget } from '../pacing/permit.js';

/** The signal of one attempt, and whether its own timeout (not the call's) ended it. */
export interface AttemptAbort {
  signal: AbortSignal;
  timedOut: () => boolean;
  dispose: () => void;
}

/**
 * The time budget of one call, retries and waits included, merged with the
 * caller's AbortSignal. Created per call; nothing here is shared between calls.
 * Signals cost: an attempt gets one that covers the caller, the call's deadline
 * and its own timeout; the call-wide signal, for waits between attempts, is made
 * only when a wait needs it.
 */
export class CallBudget {
  readonly deadline: number;
  readonly #timeoutMs: number;
  readonly #userSignal: AbortSignal | undefined;
  #timedOut = false;
  /** Set by `close()` of the client: the reason every part of the call ends with. */
  #closedBy: { reason: unknown } | undefined;
  /** The attempt in flight (attempts of one call never overlap), for `close` to abort. */
  #attempt: AbortController | undefined;
  #waitSignal: { controller: AbortController; timer: ReturnType<typeof setTimeout> | undefined; onUserAbort: () => void } | undefined;

  constructor(timeoutMs: number, userSignal: AbortSignal | undefined) {
    this.#timeoutMs = timeoutMs;
    this.#userSignal = userSignal;
    this.deadline = Date.now() + timeoutMs;
  }

  remainingMs(): number {
    return this.deadline - Date.now();
  }

  /** True once the caller aborted, the client was closed or the deadline passed. */
  isOver(): boolean {
    if (!this.#timedOut && Date.now() >= this.deadline) this.#timedOut = true;
    return this.#timedOut || this.#closedBy !== undefined || this.#userSignal?.aborted === true;
  }

  /** Ends the call now, wherever it is (in flight, waiting for a permit, between attempts), with `reason`. */
  close(reason: unknown): void {
    this.#closedBy ??= { reason };
    this.#attempt?.abort(reason);
    this.#waitSignal?.controller.abort(reason);
  }

  /** Fires when the caller aborts or the deadline passes: for waits between attempts. */
  get signal(): AbortSignal {
    if (!this.#waitSignal) {
      const controller = new AbortController();
      const onUserAbort = () => controller.abort(this.#userSignal?.reason);
      const timer = this.#armDeadline(controller, this.remainingMs());
      if (this.#closedBy) controller.abort(this.#closedBy.reason);
      else if (this.#userSignal?.aborted) onUserAbort();
      else this.#userSignal?.addEventListener('abort', onUserAbort, { once: true });
      this.#waitSignal = { controller, timer, onUserAbort };
    }
    return this.#waitSignal.controller.signal;
  }

  /** A signal for one attempt: the caller's abort, the call's deadline, or `attemptTimeoutMs`, whichever comes first. */
  attemptAbort(attemptTimeoutMs: number): AttemptAbort {
    const controller = new AbortController();
    const remaining = this.remainingMs();
    const attemptEndsFirst = attemptTimeoutMs < remaining;
    let attemptTimedOut = false;
    const timer = attemptEndsFirst
      ? setTimeout(() => {
          attemptTimedOut = true;
          controller.abort();
        }, attemptTimeoutMs)
      : this.#armDeadline(controller, remaining);
    const onUserAbort = () => controller.abort(this.#userSignal?.reason);
    if (this.#closedBy) controller.abort(this.#closedBy.reason);
    else if (this.#userSignal?.aborted) onUserAbort();
    else this.#userSignal?.addEventListener('abort', onUserAbort, { once: true });
    this.#attempt = controller;
    return {
      signal: controller.signal,
      timedOut: () => attemptTimedOut,
      dispose: () => {
        clearTimeout(timer);
        if (this.#attempt === controller) this.#attempt = undefined;
        this.#userSignal?.removeEventListener('abort', onUserAbort);
      },
    };
  }

  #armDeadline(controller: AbortController, remainingMs: number): ReturnType<typeof setTimeout> | undefined {
    if (!Number.isFinite(remainingMs)) return undefined;
    return setTimeout(
      () => {
        this.#timedOut = true;
        controller.abort();
      },
      Math.max(0, remainingMs),
    );
  }

  /** This budget as a request waiting for a rate-limit permit sees it. */
  forWaiting(operation: OperationRef): WaitBudget {
    return { deadline: this.deadline, signal: this.signal, abortReason: () => this.abortError(operation) };
  }

  /** What to throw once the call is over: the client's close, the caller's abort reason, or a timeout error. */
  abortError(operation: OperationRef, cause?: unknown): unknown {
    if (this.#closedBy) return this.#closedBy.reason;
    if (this.#timedOut || !this.#userSignal?.aborted) {
      return new OktaTimeoutError(`Okta call exceeded its ${this.#timeoutMs} ms budget`, this.#timeoutMs, operation, { cause });
    }
    return this.#userSignal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
  }

  dispose(): void {
    if (!this.#waitSignal) return;
    clearTimeout(this.#waitSignal.timer);
    this.#userSignal?.removeEventListener('abort', this.#waitSignal.onUserAbort);
  }
}
