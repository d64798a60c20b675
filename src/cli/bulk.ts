/** The bulk runner: every input through the client by a pool of workers, each result reported as it finishes. */
import { OktaApiError, OktaConnectionError, OktaError, OktaOAuthError, OktaTimeoutError } from '../errors/classes.js';

/** What every line of `--json` output and of the journal holds, whatever the command; null rather than absent, so every line has the same keys. */
export interface BulkOutcome {
  /** True when the input needs nothing more (revoked, already gone, read, cleared, no such user). */
  ok: boolean;
  outcome: string;
  /** Null when no response came (a connection failure). */
  status: number | null;
  errorCode: string | null;
  requestId: string | null;
  attempts: number;
  /** For a failure: what went wrong, in one line. */
  error?: string;
}

export interface BulkRun<R extends BulkOutcome> {
  inputs: readonly string[];
  /** Calls in flight at once; the client's rate-limit scheduler paces them further. */
  concurrency: number;
  call: (input: string) => Promise<R>;
  /** Called once per finished input, in the order they finish. */
  report: (result: R) => void;
  /** True once the run must send nothing more (Ctrl-C); calls in flight still finish. */
  stopped: () => boolean;
}

export interface BulkSummary {
  total: number;
  finished: number;
  byOutcome: Record<string, number>;
  /** Failures by Okta error code; by HTTP status or error class when Okta gave none. */
  failures: Record<string, number>;
  /** Failures Okta answered (the rest were connection failures or timeouts). */
  apiFailures: number;
  elapsedMs: number;
  interrupted: boolean;
}

/** The fields of a result from the error a call ended with; rethrows what is not an OktaError (a bug, not an outcome). */
export function failureOf(error: unknown): Omit<BulkOutcome, 'ok' | 'outcome'> {
  if (error instanceof OktaApiError || error instanceof OktaOAuthError) {
    const errorCode = error instanceof OktaApiError ? (error.errorCode ?? null) : (error.error ?? null);
    return { status: error.status, errorCode, requestId: error.requestId ?? null, attempts: error.attempts, error: error.message };
  }
  if (!(error instanceof OktaError)) throw error;
  const attempts = error instanceof OktaConnectionError || error instanceof OktaTimeoutError ? (error.attempts ?? 1) : 1;
  return { status: null, errorCode: null, requestId: null, attempts, error: `${error.name}: ${error.message}` };
}

/** Sends every input through `call` with `concurrency` workers, reporting each as it finishes. */
export async function runBulk<R extends BulkOutcome>(run: BulkRun<R>): Promise<BulkSummary> {
  const started = performance.now();
  const summary: BulkSummary = {
    total: run.inputs.length,
    finished: 0,
    byOutcome: {},
    failures: {},
    apiFailures: 0,
    elapsedMs: 0,
    interrupted: false,
  };
  let next = 0;
  const worker = async () => {
    while (next < run.inputs.length && !run.stopped()) {
      const result = await run.call(run.inputs[next++] as string);
      summary.finished++;
      summary.byOutcome[result.outcome] = (summary.byOutcome[result.outcome] ?? 0) + 1;
      if (!result.ok) {
        if (result.status !== null) summary.apiFailures++;
        const key =
          result.errorCode ?? (result.status === null ? ((result.error ?? 'unknown').split(':')[0] as string) : `HTTP ${result.status}`);
        summary.failures[key] = (summary.failures[key] ?? 0) + 1;
      }
      run.report(result);
    }
  };
  await Promise.all(Array.from({ length: Math.min(run.concurrency, run.inputs.length) }, worker));
  summary.elapsedMs = performance.now() - started;
  summary.interrupted = summary.finished < summary.total && run.stopped();
  return summary;
}
