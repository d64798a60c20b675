import { OktaTimeoutError, type OperationRef } from './errors.js';

/**
 * The time budget of one call, retries and waits included, merged with the
 * caller's AbortSignal. Created per call; nothing here is shared between calls.
 */
export class CallBudget {
  readonly signal: AbortSignal;
  readonly deadline: number;
  readonly #timeoutMs: number;
  readonly #controller = new AbortController();
  readonly #userSignal: AbortSignal | undefined;
  readonly #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #onUserAbort = () => this.#controller.abort(this.#userSignal?.reason);
  #timedOut = false;

  constructor(timeoutMs: number, userSignal: AbortSignal | undefined) {
    this.#timeoutMs = timeoutMs;
    this.#userSignal = userSignal;
    this.signal = this.#controller.signal;
    this.deadline = Date.now() + timeoutMs;
    if (Number.isFinite(timeoutMs)) {
      this.#timer = setTimeout(() => {
        this.#timedOut = true;
        this.#controller.abort();
      }, timeoutMs);
    }
    if (userSignal?.aborted) this.#onUserAbort();
    else userSignal?.addEventListener('abort', this.#onUserAbort, { once: true });
  }

  remainingMs(): number {
    return this.deadline - Date.now();
  }

  /** What to throw once `signal` has fired: the caller's abort reason, or a timeout error. */
  abortError(operation: OperationRef, cause?: unknown): unknown {
    if (this.#timedOut) return new OktaTimeoutError(`Okta call exceeded its ${this.#timeoutMs} ms budget`, this.#timeoutMs, operation, { cause });
    return this.#userSignal?.reason ?? new DOMException('The operation was aborted.', 'AbortError');
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#userSignal?.removeEventListener('abort', this.#onUserAbort);
  }
}

/** Resolves after `ms`, or rejects as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
