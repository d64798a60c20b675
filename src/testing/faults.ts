import type { OperationId } from '../../generated/operations.js';

/** A way for the embedded server to misbehave, for tests of the client's failure handling. */
export type Fault =
  /**
   * Answer with this status (an Okta error object unless `body` is given). `headers` override
   * Okta's; `bare` leaves out the request id and rate-limit headers, as Okta's 405 does.
   */
  | { type: 'status'; status: number; body?: string | object; contentType?: string; headers?: Record<string, string>; bare?: boolean }
  /** Wait before handling the request normally. */
  | { type: 'latency'; ms: number }
  /** Drop the connection: before the request body is read, after it is read (request processed), or mid-response. */
  | { type: 'reset'; when: 'before-body' | 'after-body' | 'mid-response' }
  /** A complete 200 response whose JSON body is cut short. */
  | { type: 'truncated-json' }
  /** Never answer (until the server closes). */
  | { type: 'hang' }
  /** Handle normally, but send `X-Rate-Limit-Reset` twice (OKTA-112507). */
  | { type: 'duplicate-reset-header' }
  /** Handle normally, with the server's clock (`Date` and the reset) shifted by `ms`. */
  | { type: 'skew-clock'; ms: number }
  /** Answer with a redirect to `location`. */
  | { type: 'redirect'; status?: 301 | 302 | 307 | 308; location: string }
  /** Handle normally, but without `X-Okta-Request-Id` and rate-limit headers (as Okta's 405 is). */
  | { type: 'bare-headers' };

export interface FaultOptions {
  /** Only for this operation; every operation when absent. */
  operation?: OperationId;
  /** How many matching requests get the fault. Default 1; Infinity for all. */
  times?: number;
  /** The chance (0-1) that a matching request gets it. Default 1. */
  probability?: number;
}

interface FaultRule {
  fault: Fault;
  operation: OperationId | undefined;
  remaining: number;
  probability: number;
}

/** Faults queued by tests; each request takes the first rule that matches it. */
export class FaultQueue {
  readonly #rules: FaultRule[] = [];

  add(fault: Fault, options: FaultOptions = {}): void {
    const times = options.times ?? 1;
    const probability = options.probability ?? 1;
    if (!(times > 0)) throw new TypeError('times must be > 0 (Infinity for every request)');
    if (!(probability > 0 && probability <= 1)) throw new TypeError('probability must be in (0, 1]');
    this.#rules.push({ fault, operation: options.operation, remaining: times, probability });
  }

  take(operation: OperationId | undefined): Fault | undefined {
    const index = this.#rules.findIndex(
      (rule) => (rule.operation === undefined || rule.operation === operation) && (rule.probability === 1 || Math.random() < rule.probability),
    );
    const rule = this.#rules[index];
    if (!rule) return undefined;
    rule.remaining--;
    if (rule.remaining <= 0) this.#rules.splice(index, 1);
    return rule.fault;
  }

  clear(): void {
    this.#rules.length = 0;
  }
}

/**
 * Where a fault acts, stage by stage through a request: the server consults each
 * stage once, at one place, so a new fault is one entry here.
 */
export interface FaultStages {
  /** 1. On arrival: wait first, and then carry on, never answer, or drop the connection before the body is read. */
  arrival: { delayMs: number; then: 'proceed' | 'hang' | 'drop' };
  /** 2. The headers stamped on every response. */
  headers: { clockSkewMs: number; bare: boolean; duplicateReset: boolean };
  /** 3. After the body is read: carry on, process the request and drop the connection, or redirect. */
  afterBody: 'proceed' | 'process-then-drop' | { redirect: { status: number; location: string } };
  /** 4. After rate limiting: answer with this status instead of performing the operation. */
  status: Extract<Fault, { type: 'status' }> | undefined;
  /** 5. Writing the answer's body: whole, cut short in a complete response, or cut by a dropped connection. */
  body: 'whole' | 'truncated' | 'drop-midway';
}

const NO_FAULT: FaultStages = {
  arrival: { delayMs: 0, then: 'proceed' },
  headers: { clockSkewMs: 0, bare: false, duplicateReset: false },
  afterBody: 'proceed',
  status: undefined,
  body: 'whole',
};

/** The stages a fault acts at; every other stage behaves normally. */
export function faultStages(fault: Fault | undefined): FaultStages {
  switch (fault?.type) {
    case undefined:
      return NO_FAULT;
    case 'latency':
      return { ...NO_FAULT, arrival: { delayMs: fault.ms, then: 'proceed' } };
    case 'hang':
      return { ...NO_FAULT, arrival: { delayMs: 0, then: 'hang' } };
    case 'reset':
      if (fault.when === 'before-body') return { ...NO_FAULT, arrival: { delayMs: 0, then: 'drop' } };
      if (fault.when === 'after-body') return { ...NO_FAULT, afterBody: 'process-then-drop' };
      return { ...NO_FAULT, body: 'drop-midway' };
    case 'skew-clock':
      return { ...NO_FAULT, headers: { ...NO_FAULT.headers, clockSkewMs: fault.ms } };
    case 'bare-headers':
      return { ...NO_FAULT, headers: { ...NO_FAULT.headers, bare: true } };
    case 'duplicate-reset-header':
      return { ...NO_FAULT, headers: { ...NO_FAULT.headers, duplicateReset: true } };
    case 'redirect':
      return { ...NO_FAULT, afterBody: { redirect: { status: fault.status ?? 302, location: fault.location } } };
    case 'status':
      return { ...NO_FAULT, status: fault };
    case 'truncated-json':
      return { ...NO_FAULT, body: 'truncated' };
  }
}
