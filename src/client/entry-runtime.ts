/**
 * What the package entry a client was imported from supplies for its runtime:
 * the engine it sends through when its options give no `fetch`, the tracing
 * channel its calls publish on, and the log level its environment names. The
 * Node entry (`exports` condition `node`) supplies node:http(s),
 * `node:diagnostics_channel` and `OKTA_SESSIONS_LOG` when it is loaded; every
 * other entry leaves fetch, no tracing and no environment. Set once, at import,
 * by the entry, never per call; each build (ESM, CommonJS) has its own. A test
 * passes an engine to the constructor instead.
 */
import { type EngineFactory, fetchEngines } from '../http/engine.js';
import type { Answered } from '../http/attempts.js';
import type { Operation } from '../operations.js';

/** Runs one call, publishing it where the runtime traces calls (client/tracing.ts on Node); as it is elsewhere. */
export type TraceCall = <T>(operation: Operation, run: () => Promise<Answered<T>>) => Promise<Answered<T>>;

export interface EntryRuntime {
  engines: EngineFactory;
  /** On `okta-sessions:call`, where the runtime has diagnostics_channel; undefined where calls are not traced. */
  trace: TraceCall | undefined;
  /** `OKTA_SESSIONS_LOG`, read when a client is made. */
  environmentLogLevel: () => string | undefined;
}

let supplied: EntryRuntime = { engines: fetchEngines(), trace: undefined, environmentLogLevel: () => undefined };

/** For the package entry only: what its runtime's clients use. */
export function supplyEntryRuntime(runtime: EntryRuntime): void {
  supplied = runtime;
}

export function entryRuntime(): EntryRuntime {
  return supplied;
}
