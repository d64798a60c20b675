import { type OperationId, operations } from '../../generated/operations.js';

/** A way for the embedded server to misbehave, for tests of the client's failure handling. */
export type Fault =
  /**
   * Answer with this status (an Okta error object unless `body` is given). `headers` override
   * Okta's; `bare` leaves out the request id and rate-limit headers, as Okta's 405 does.
   */
  | {
      /** Which fault. */
      type: 'status';
      /** The HTTP status answered. */
      status: number;
      /** The body: JSON for an object, as given for a string; default an Okta error object for the status. */
      body?: string | object;
      /** The `Content-Type` of `body`. */
      contentType?: string;
      /** Headers set over Okta's. */
      headers?: Record<string, string>;
      /** Without `X-Okta-Request-Id` and rate-limit headers. */
      bare?: boolean;
    }
  /** Wait before handling the request normally. */
  | {
      /** Which fault. */
      type: 'latency';
      /** How long, in ms. */
      ms: number;
    }
  /** Drop the connection: before the request body is read, after it is read (request processed), or mid-response. */
  | {
      /** Which fault. */
      type: 'reset';
      /** When the connection drops. */
      when: 'before-body' | 'after-body' | 'mid-response';
    }
  /** A complete 200 response whose JSON body is cut short. */
  | {
      /** Which fault. */
      type: 'truncated-json';
    }
  /** Never answer (until the server closes). */
  | {
      /** Which fault. */
      type: 'hang';
    }
  /** Handle normally, but send `X-Rate-Limit-Reset` twice (OKTA-112507). */
  | {
      /** Which fault. */
      type: 'duplicate-reset-header';
    }
  /** Handle normally, with the server's clock (`Date` and the reset) shifted by `ms`. */
  | {
      /** Which fault. */
      type: 'skew-clock';
      /** The shift, in ms (negative: behind). */
      ms: number;
    }
  /** Answer with a redirect to `location`. */
  | {
      /** Which fault. */
      type: 'redirect';
      /** The redirect status; default 302. */
      status?: 301 | 302 | 307 | 308;
      /** Where it points. */
      location: string;
    }
  /** Handle normally, but without `X-Okta-Request-Id` and rate-limit headers (as Okta's 405 is). */
  | {
      /** Which fault. */
      type: 'bare-headers';
    };

/** What a fault can target: an operation, or the OAuth token endpoint (`POST /oauth2/v1/token`). */
export type FaultTarget = OperationId | 'oauthToken';

/** Which requests a queued fault applies to. */
export interface FaultOptions {
  /** Only for this operation (or `'oauthToken'`: the token endpoint); every request when absent. */
  operation?: FaultTarget;
  /** How many matching requests get the fault. Default 1; Infinity for all. */
  times?: number;
  /** The chance (0-1) that a matching request gets it. Default 1. */
  probability?: number;
}

/** Describes what a field must hold, or says what is wrong with `value`. */
type FieldCheck = { expects: string; accepts: (value: unknown) => boolean };

const oneOf = (...values: readonly (string | number)[]): FieldCheck => ({
  expects: `one of ${values.map((value) => JSON.stringify(value)).join(', ')}`,
  accepts: (value) => values.includes(value as string | number),
});
const NUMBER_AT_LEAST_0: FieldCheck = {
  expects: 'a number of ms >= 0',
  accepts: (value) => typeof value === 'number' && value >= 0 && Number.isFinite(value),
};
const FINITE_NUMBER: FieldCheck = {
  expects: 'a number of ms (negative for a clock behind)',
  accepts: (value) => typeof value === 'number' && Number.isFinite(value),
};
const STRING: FieldCheck = { expects: 'a string', accepts: (value) => typeof value === 'string' };
const BOOLEAN: FieldCheck = { expects: 'true or false', accepts: (value) => typeof value === 'boolean' };
const STATUS: FieldCheck = {
  expects: 'an HTTP status 100-599',
  accepts: (value) => Number.isInteger(value) && (value as number) >= 100 && (value as number) <= 599,
};
const BODY: FieldCheck = {
  expects: 'a string or an object',
  accepts: (value) => typeof value === 'string' || (typeof value === 'object' && value !== null),
};
const HEADERS: FieldCheck = {
  expects: 'an object of header names to string values',
  accepts: (value) => typeof value === 'object' && value !== null && Object.values(value).every((header) => typeof header === 'string'),
};

/** Every fault's fields: the ones it needs, and the ones it may have. docs/testing.md lists the same (test/docs.test.ts checks it). */
export const FAULT_FIELDS: Record<Fault['type'], { required?: Record<string, FieldCheck>; optional?: Record<string, FieldCheck> }> = {
  status: { required: { status: STATUS }, optional: { body: BODY, contentType: STRING, headers: HEADERS, bare: BOOLEAN } },
  latency: { required: { ms: NUMBER_AT_LEAST_0 } },
  reset: { required: { when: oneOf('before-body', 'after-body', 'mid-response') } },
  'truncated-json': {},
  hang: {},
  'duplicate-reset-header': {},
  'skew-clock': { required: { ms: FINITE_NUMBER } },
  redirect: { required: { location: STRING }, optional: { status: oneOf(301, 302, 307, 308) } },
  'bare-headers': {},
};

const FAULT_TYPES = Object.keys(FAULT_FIELDS) as Fault['type'][];

/** Checks a fault as plain JavaScript may pass it: a typo must not become a fault that silently does nothing. */
function checkFault(fault: unknown): asserts fault is Fault {
  const type = (fault as { type?: unknown } | null)?.type;
  if (typeof fault !== 'object' || fault === null || typeof type !== 'string' || !Object.hasOwn(FAULT_FIELDS, type)) {
    throw new TypeError(`inject: ${JSON.stringify(fault)} is not a fault; its type must be one of ${FAULT_TYPES.join(', ')}`);
  }
  const { required = {}, optional = {} } = FAULT_FIELDS[type as Fault['type']];
  const fields = { ...required, ...optional };
  for (const name of Object.keys(fault)) {
    if (name !== 'type' && !Object.hasOwn(fields, name)) {
      throw new TypeError(`inject: a ${type} fault has no field "${name}"; its fields are ${['type', ...Object.keys(fields)].join(', ')}`);
    }
  }
  for (const [name, check] of Object.entries(fields)) {
    const value = (fault as Record<string, unknown>)[name];
    if (value === undefined && !Object.hasOwn(required, name)) continue;
    if (!check.accepts(value))
      throw new TypeError(`inject: ${type}.${name} must be ${check.expects}; got ${JSON.stringify(value) ?? 'nothing'}`);
  }
}

const OPTION_NAMES = ['operation', 'times', 'probability'];

function checkFaultOptions(options: unknown): asserts options is FaultOptions {
  if (typeof options !== 'object' || options === null)
    throw new TypeError('inject: options must be an object { operation?, times?, probability? }');
  for (const name of Object.keys(options)) {
    if (!OPTION_NAMES.includes(name)) throw new TypeError(`inject: unknown option "${name}"; the options are ${OPTION_NAMES.join(', ')}`);
  }
  const { operation, times = 1, probability = 1 } = options as Record<string, unknown>;
  if (operation !== undefined && operation !== 'oauthToken' && (typeof operation !== 'string' || !Object.hasOwn(operations, operation))) {
    throw new TypeError(
      `inject: operation ${JSON.stringify(operation)} is not an operationId or 'oauthToken'; use one of ${[...Object.keys(operations), 'oauthToken'].join(', ')}`,
    );
  }
  if (typeof times !== 'number' || !(times > 0))
    throw new TypeError(`inject: times must be a number > 0 (Infinity for every request); got ${JSON.stringify(times)}`);
  if (typeof probability !== 'number' || !(probability > 0 && probability <= 1))
    throw new TypeError(`inject: probability must be in (0, 1]; got ${JSON.stringify(probability)}`);
}

interface FaultRule {
  fault: Fault;
  operation: FaultTarget | undefined;
  remaining: number;
  probability: number;
}

/** Faults queued by tests; each request takes the first rule that matches it. */
export class FaultQueue {
  readonly #rules: FaultRule[] = [];

  #injected = 0;

  /** How many requests got a fault so far: counted where it is injected, so faults that produce no response count too. */
  get injected(): number {
    return this.#injected;
  }

  add(fault: Fault, options: FaultOptions = {}): void {
    checkFault(fault);
    checkFaultOptions(options);
    this.#rules.push({ fault, operation: options.operation, remaining: options.times ?? 1, probability: options.probability ?? 1 });
  }

  take(operation: FaultTarget | undefined): Fault | undefined {
    const index = this.#rules.findIndex(
      (rule) =>
        (rule.operation === undefined || rule.operation === operation) && (rule.probability === 1 || Math.random() < rule.probability),
    );
    const rule = this.#rules[index];
    if (!rule) return undefined;
    rule.remaining--;
    if (rule.remaining <= 0) this.#rules.splice(index, 1);
    this.#injected++;
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
