/** A waiting request as `grant` shows it for a held key; `announced` is the scheduler's to set. */
export interface HeldRequest {
  readonly key: string;
  /** The caller's name for the request (the scheduler's: its operationId). */
  readonly label: string;
  announced: boolean;
}

interface Waiter<P> extends HeldRequest {
  resolve: (permit: P) => void;
  reject: (reason: unknown) => void;
  dropAbortListener: () => void;
}

/**
 * Requests waiting for a permit, in FIFO order per key, with at most `capacity`
 * permits out at once. A waiter whose signal aborts leaves the queue at once.
 * It knows nothing of rate limits: `admit` (from the scheduler) decides per key.
 */
export class PermitQueue<P> {
  #capacity: number;
  readonly #onAbandoned: () => void;
  readonly #waiters: Waiter<P>[] = [];
  #out = 0;

  /** `onAbandoned` runs after an aborted request left the queue (e.g. to cancel a wake-up timer). */
  constructor(capacity: number, onAbandoned: () => void) {
    this.#capacity = capacity;
    this.#onAbandoned = onAbandoned;
  }

  /** Changes how many permits may be out; a smaller capacity takes effect as permits come back. */
  set capacity(capacity: number) {
    this.#capacity = capacity;
  }

  /** Every permit is out: the client is at its concurrency limit. */
  get atCapacity(): boolean {
    return this.#out >= this.#capacity;
  }

  /** No permit is free, or requests are already waiting (a newcomer must not overtake them). */
  get busy(): boolean {
    return this.#waiters.length > 0 || this.#out >= this.#capacity;
  }

  /** The waiting requests, in queue order. */
  waiting(): readonly HeldRequest[] {
    return this.#waiters;
  }

  /** Counts a permit handed out directly, without waiting. */
  take(): void {
    this.#out++;
  }

  /** Returns a permit; call `grant` afterwards to hand it on. */
  give(): void {
    this.#out--;
  }

  /** Queues a request until `grant` admits it; `permit` rejects with `abortReason()` when `signal` aborts first. */
  wait(key: string, label: string, signal: AbortSignal, abortReason: () => unknown): { permit: Promise<P>; request: HeldRequest } {
    let request: HeldRequest = { key, label, announced: false };
    const permit = new Promise<P>((resolve, reject) => {
      const onAbort = () => {
        const index = this.#waiters.indexOf(waiter);
        if (index >= 0) this.#waiters.splice(index, 1);
        reject(abortReason());
        this.#onAbandoned();
      };
      const waiter: Waiter<P> = { ...request, resolve, reject, dropAbortListener: () => signal.removeEventListener('abort', onAbort) };
      request = waiter;
      if (signal.aborted) {
        onAbort();
        return;
      }
      signal.addEventListener('abort', onAbort, { once: true });
      this.#waiters.push(waiter);
    });
    return { permit, request };
  }

  /**
   * Admits waiting requests in FIFO order while permits are free. `admit(key)`
   * returns a permit, or undefined when that key is held: a held key does not
   * block the others, but nothing overtakes an earlier waiter of the same key.
   * `onHeld` sees each request passed over.
   */
  grant(admit: (key: string) => P | undefined, onHeld: (request: HeldRequest) => void): void {
    const held = new Set<string>();
    for (let i = 0; i < this.#waiters.length && this.#out < this.#capacity;) {
      const waiter = this.#waiters[i] as Waiter<P>;
      const permit = held.has(waiter.key) ? undefined : admit(waiter.key);
      if (permit === undefined) {
        held.add(waiter.key);
        onHeld(waiter);
        i++;
        continue;
      }
      this.#waiters.splice(i, 1);
      waiter.dropAbortListener();
      this.#out++;
      waiter.resolve(permit);
    }
  }
}
