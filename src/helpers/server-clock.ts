/**
 * Estimates the server's clock from `Date` headers, which have whole seconds.
 * Each response says: at local time t, the server's time was in [Date, Date + 1 s),
 * so the offset (server - local) is at least Date - t. Intersecting these bounds
 * over responses narrows the estimate to milliseconds; a response whose bounds do
 * not intersect (the server's clock jumped) starts a new estimate.
 */
export class ServerClock {
  // Loopback and network latency: the server stamped Date a little before we read it.
  static readonly LATENCY_ALLOWANCE_MS = 250;
  /** Further off than this, a machine's clock is worth a warning: JWT times and waits would be wrong without this estimate. */
  static readonly FAR_OFF_MS = 60_000;
  #lower: number | undefined;
  #upper: number | undefined;
  readonly #onFarOff: ((offsetMs: number) => void) | undefined;
  #warned = false;

  /** `onFarOff` hears, once, that the server's clock is over a minute from this machine's (positive: the server's is ahead). */
  constructor(onFarOff?: (offsetMs: number) => void) {
    this.#onFarOff = onFarOff;
  }

  observe(serverDateMs: number, localNowMs: number): void {
    this.#narrow(serverDateMs, localNowMs);
    if (!this.#warned && this.#onFarOff && this.#lower !== undefined && Math.abs(this.#lower) > ServerClock.FAR_OFF_MS) {
      this.#warned = true;
      this.#onFarOff(this.#lower);
    }
  }

  #narrow(serverDateMs: number, localNowMs: number): void {
    const lower = serverDateMs - localNowMs;
    const upper = lower + 1000 + ServerClock.LATENCY_ALLOWANCE_MS;
    if (this.#lower === undefined || this.#upper === undefined || lower > this.#upper || upper < this.#lower) {
      this.#lower = lower;
      this.#upper = upper;
      return;
    }
    this.#lower = Math.max(this.#lower, lower);
    this.#upper = Math.min(this.#upper, upper);
  }

  /**
   * A server instant in local time. Using the smallest plausible offset places it
   * as late as it can be: waiting until then never sends early because of the clock.
   */
  toLocal(serverMs: number): number {
    return serverMs - (this.#lower ?? 0);
  }

  /** A local instant on the server's clock, by the same offset: `toServer(toLocal(t)) === t`. */
  toServer(localMs: number): number {
    return localMs + (this.#lower ?? 0);
  }

  /** Now on the server's clock, in whole seconds, as JWT claims count time (the local clock until an answer has come). */
  serverEpochSeconds(): number {
    return Math.floor(this.toServer(Date.now()) / 1000);
  }
}
