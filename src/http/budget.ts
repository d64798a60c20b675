import type { OperationRef } from '../errors/classes.js';
import { budgetTimeoutError, clientClosedError } from '../errors/make.js';
import type { WaitBudget } from '../pacing/permit.js';

/**
 * The signal of one attempt (or of the waits between attempts), and whether its own timeout (not
 * the call's) ended it. A class with no closures, as every attempt makes one: it is its own
 * listener for the caller's abort (`handleEvent`), and its timers take it as their argument.
 */
export class AttemptAbort {
  readonly #controller = new AbortController();
  readonly #budget: CallBudget;
  readonly #userSignal: AbortSignal | undefined;
  readonly #timer: ReturnType<typeof setTimeout> | undefined;
  #timedOut = false;

  constructor(
    budget: CallBudget,
    userSignal: AbortSignal | undefined,
    attemptTimeoutMs: number,
    closedBy: { reason: unknown } | undefined,
  ) {
    this.#budget = budget;
    this.#userSignal = userSignal;
    const remaining = budget.remainingMs();
    if (attemptTimeoutMs < remaining) this.#timer = setTimeout(endAttempt, attemptTimeoutMs, this);
    else if (Number.isFinite(remaining)) this.#timer = setTimeout(endCall, Math.max(0, remaining), budget, this.#controller);
    if (closedBy) this.#controller.abort(closedBy.reason);
    else if (userSignal?.aborted) this.handleEvent();
    else userSignal?.addEventListener('abort', this, { once: true });
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  abort(reason: unknown): void {
    this.#controller.abort(reason);
  }

  timedOut(): boolean {
    return this.#timedOut;
  }

  /** The attempt's own timeout passed. */
  expire(): void {
    this.#timedOut = true;
    this.#controller.abort();
  }

  /** The caller aborted. */
  handleEvent(): void {
    this.#controller.abort(this.#userSignal?.reason);
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#budget.attemptEnded(this);
    this.#userSignal?.removeEventListener('abort', this);
  }
}

function endAttempt(attempt: AttemptAbort): void {
  attempt.expire();
}

/** The call's deadline passed: marked before the abort, so the abort is read as the call's timeout. */
function endCall(budget: CallBudget, controller: AbortController): void {
  budget.deadlinePassed();
  controller.abort();
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
  readonly timeoutMs: number;
  readonly #operation: OperationRef;
  readonly #userSignal: AbortSignal | undefined;
  #timedOut = false;
  /** Set by the client's `close()`: the reason every part of the call ends with. */
  #closedBy: { reason: unknown } | undefined;
  /** Attempts started, for the error a closed client ends the call with (did it send anything?). */
  #attempts = 0;
  /** The attempt in flight (attempts of one call never overlap), for `close` to abort. */
  #attempt: AttemptAbort | undefined;
  /** For waits between attempts: the caller's abort and the deadline, no timeout of its own. */
  #waitSignal: AttemptAbort | undefined;
  #over = false;
  /** Made only when a `close()` waits for the call: most calls end without anyone waiting. */
  #ended: Promise<void> | undefined;
  #resolveEnded: (() => void) | undefined;

  /** `operation` names the call in the errors that end it. */
  constructor(operation: OperationRef, timeoutMs: number, userSignal: AbortSignal | undefined) {
    this.#operation = operation;
    this.timeoutMs = timeoutMs;
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

  /**
   * The client was closed: the call ends wherever it waits (for a permit, a token, a retry). An attempt on the
   * wire is aborted too, unless `finishInFlight`: then its answer still ends the call, but nothing is sent after it.
   */
  close(finishInFlight: boolean): void {
    if (this.#closedBy) return;
    this.#closedBy = { reason: clientClosedError(this.#operation, this.#attempts) };
    if (!finishInFlight) this.#attempt?.abort(this.#closedBy.reason);
    this.#waitSignal?.abort(this.#closedBy.reason);
  }

  /** Fires when the caller aborts or the deadline passes: for waits between attempts. */
  get signal(): AbortSignal {
    this.#waitSignal ??= new AttemptAbort(this, this.#userSignal, Infinity, this.#closedBy);
    return this.#waitSignal.signal;
  }

  /** A signal for one attempt: the caller's abort, the call's deadline, or `attemptTimeoutMs`, whichever comes first. */
  attemptAbort(attemptTimeoutMs: number): AttemptAbort {
    this.#attempts++;
    this.#attempt = new AttemptAbort(this, this.#userSignal, attemptTimeoutMs, this.#closedBy);
    return this.#attempt;
  }

  /** For the attempt's `dispose`. */
  attemptEnded(attempt: AttemptAbort): void {
    if (this.#attempt === attempt) this.#attempt = undefined;
  }

  /** For the deadline's timer. */
  deadlinePassed(): void {
    this.#timedOut = true;
  }

  /** This budget as a request waiting for a rate-limit permit sees it. */
  forWaiting(): WaitBudget {
    return { deadline: this.deadline, signal: this.signal, abortReason: () => this.abortError() };
  }

  /** What to throw once the call is over: the client's close, the caller's abort reason, or a timeout error. */
  abortError(cause?: unknown): unknown {
    if (this.#closedBy) return this.#closedBy.reason;
    if (this.#timedOut || !this.#userSignal?.aborted) return budgetTimeoutError(this.#operation, this.timeoutMs, cause);
    return this.#userSignal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
  }

  /** Settles when the call ends, for a `close()` that lets calls in flight finish. */
  ended(): Promise<void> {
    if (this.#over) return Promise.resolve();
    return (this.#ended ??= new Promise<void>((resolve) => (this.#resolveEnded = resolve)));
  }

  dispose(): void {
    this.#over = true;
    this.#waitSignal?.dispose();
    this.#resolveEnded?.();
  }
}
