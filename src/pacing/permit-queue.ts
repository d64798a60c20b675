import { onAbort } from '../helpers/abort.js';

/** A waiting request as the queue shows it to the scheduler; `announced` is the scheduler's to set. */
export interface HeldRequest {
  readonly key: string;
  /** The caller's name for the request (the scheduler's: its operationId). */
  readonly label: string;
  announced: boolean;
}

interface Waiter<P> extends HeldRequest {
  resolve: (permit: P) => void;
  stopListening: () => void;
}

/** What the queue asks its owner: a permit for a key if the key is open now; and what to do with a request it passes over. */
export interface QueueOwner<P> {
  permitFor(key: string): P | undefined;
  onHeld(request: HeldRequest): void;
  /** After an aborted request left the queue (e.g. to cancel a wake-up timer). */
  onAbandoned(): void;
}

/**
 * Requests waiting for a permit, in FIFO order per key, with at most `capacity`
 * permits out at once. A waiter whose signal aborts leaves the queue at once.
 * It knows nothing of rate limits: its owner's `permitFor` decides per key.
 */
export class PermitQueue<P> {
  #capacity: number;
  readonly #owner: QueueOwner<P>;
  readonly #waiters: Waiter<P>[] = [];
  #out = 0;

  constructor(capacity: number, owner: QueueOwner<P>) {
    this.#capacity = capacity;
    this.#owner = owner;
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

  /** A permit at once, without queueing: when nothing waits, a slot is free, and the key is open. */
  acquireNow(key: string): P | undefined {
    if (this.busy) return undefined;
    const permit = this.#owner.permitFor(key);
    if (permit !== undefined) this.#out++;
    return permit;
  }

  /** Queues a request until a slot is free and its key opens; `permit` rejects with `abortReason()` when `signal` aborts first. */
  acquire(key: string, label: string, signal: AbortSignal, abortReason: () => unknown): { permit: Promise<P>; request: HeldRequest } {
    let request: HeldRequest = { key, label, announced: false };
    const permit = new Promise<P>((resolve, reject) => {
      const waiter: Waiter<P> = { ...request, resolve, stopListening: () => {} };
      request = waiter;
      waiter.stopListening = onAbort(signal, () => {
        const index = this.#waiters.indexOf(waiter);
        if (index >= 0) this.#waiters.splice(index, 1);
        reject(abortReason());
        this.#owner.onAbandoned();
      });
      if (!signal.aborted) this.#waiters.push(waiter);
    });
    return { permit, request };
  }

  /** A permit comes back: its slot is free for the next waiting request (`admitWaiting` hands it on). */
  release(): void {
    this.#out--;
  }

  /**
   * Hands free slots to waiting requests in FIFO order. A held key (no permit from `permitFor`) does
   * not block the others, but nothing overtakes an earlier waiter of the same key; `onHeld` sees each
   * request passed over.
   */
  admitWaiting(): void {
    const held = new Set<string>();
    for (let i = 0; i < this.#waiters.length && this.#out < this.#capacity;) {
      const waiter = this.#waiters[i];
      if (!waiter) break;
      const permit = held.has(waiter.key) ? undefined : this.#owner.permitFor(waiter.key);
      if (permit === undefined) {
        held.add(waiter.key);
        this.#owner.onHeld(waiter);
        i++;
        continue;
      }
      this.#waiters.splice(i, 1);
      waiter.stopListening();
      this.#out++;
      waiter.resolve(permit);
    }
  }
}
