import { OktaSessions } from '../client/client.js';
import type { OktaSessionsOptions } from '../client/options.js';
import { OktaApiError, OktaError } from '../errors/classes.js';
import { type Engine, type EngineFactory, fetchEngines } from '../http/engine.js';
import { nodeEngine } from '../http/node-engine.js';
import type { Session } from '../types.js';

export type BulkCommand = 'revoke' | 'get';

/** One id's outcome: a line of `--json` output and of the journal. */
export interface BulkResult {
  id: string;
  /** True when the id needs nothing more: revoked, already gone (404 on revoke), or read. */
  ok: boolean;
  outcome: 'revoked' | 'already-gone' | 'found' | 'failed';
  /** Null when no response came (a connection failure). Fields are null rather than absent, so every line has the same keys. */
  status: number | null;
  errorCode: string | null;
  requestId: string | null;
  attempts: number;
  /** For `get`: the session. */
  session?: Session;
  /** For a failure: what went wrong, in one line. */
  error?: string;
}

/** What each id's requests looked like on the wire, keyed by the id in the request path. */
export interface CallRecorder {
  take(id: string): { attempts: number; status: number | null; requestId: string | null };
}

/**
 * A client whose engine notes, per session id, how many attempts were made and
 * the last status and request id: the facade returns values, while an incident
 * log wants the request id of every revoke, successful ones included. It wraps
 * the engine the client would pick (node:http, through the proxy if one
 * applies, or the `fetch` given), passed in to the client.
 */
export function recordingClient(options: OktaSessionsOptions): { client: OktaSessions; recorder: CallRecorder } {
  const calls = new Map<string, { attempts: number; status: number | null; requestId: string | null }>();
  const idOf = (url: string) => {
    const segment = /\/api\/v1\/sessions\/([^/?#]+)/.exec(url)?.[1];
    return segment === undefined ? undefined : decodeURIComponent(segment);
  };
  const record = (engine: Engine): Engine => ({
    ...engine,
    send: async (url, init) => {
      const id = idOf(url);
      const entry = id === undefined ? undefined : (calls.get(id) ?? { attempts: 0, status: null, requestId: null });
      if (id !== undefined && entry) calls.set(id, entry);
      if (entry) entry.attempts++;
      const response = await engine.send(url, init);
      if (entry) {
        entry.status = response.status;
        entry.requestId = response.headers.get('x-okta-request-id');
      }
      return response;
    },
  });
  const engines: EngineFactory = options.fetch === undefined ? nodeEngine : fetchEngines(options.fetch);
  const recorder: CallRecorder = {
    take(id) {
      const entry = calls.get(id) ?? { attempts: 0, status: null, requestId: null };
      calls.delete(id);
      return entry;
    },
  };
  const { fetch: _given, ...rest } = options;
  return { client: new OktaSessions(rest, (engineOptions) => record(engines(engineOptions))), recorder };
}

export interface BulkRun {
  command: BulkCommand;
  ids: readonly string[];
  /** Calls in flight at once; the client's rate-limit scheduler paces them further. */
  concurrency: number;
  client: OktaSessions;
  recorder: CallRecorder;
  /** Called once per finished id, in the order they finish. */
  report: (result: BulkResult) => void;
  /** True once the run must send nothing more (Ctrl-C); calls in flight still finish. */
  stopped: () => boolean;
}

export interface BulkSummary {
  total: number;
  finished: number;
  byOutcome: Record<BulkResult['outcome'], number>;
  /** Failures by Okta error code; by HTTP status or error class when Okta gave none. */
  failures: Record<string, number>;
  /** Failures Okta answered (the rest were connection failures or timeouts). */
  apiFailures: number;
  elapsedMs: number;
  interrupted: boolean;
}

async function callOne(run: BulkRun, id: string): Promise<BulkResult> {
  try {
    if (run.command === 'revoke') {
      await run.client.revoke(id);
      const wire = run.recorder.take(id);
      return { id, ok: true, outcome: 'revoked', status: wire.status, errorCode: null, requestId: wire.requestId, attempts: wire.attempts };
    }
    const session = await run.client.get(id);
    const wire = run.recorder.take(id);
    return { id, ok: true, outcome: 'found', status: wire.status, errorCode: null, requestId: wire.requestId, attempts: wire.attempts, session };
  } catch (error) {
    const wire = run.recorder.take(id);
    if (error instanceof OktaApiError) {
      // Revoking a session that is already gone leaves it gone: done, not failed.
      const gone = run.command === 'revoke' && error.status === 404;
      const base = { id, status: error.status, errorCode: error.errorCode ?? null, requestId: error.requestId ?? null, attempts: error.attempts };
      return gone ? { ...base, ok: true, outcome: 'already-gone' } : { ...base, ok: false, outcome: 'failed', error: error.message };
    }
    if (!(error instanceof OktaError)) throw error;
    return { id, ok: false, outcome: 'failed', status: null, errorCode: null, requestId: wire.requestId, attempts: wire.attempts, error: `${error.name}: ${error.message}` };
  }
}

/** Sends every id through the client with `concurrency` workers, reporting each as it finishes. */
export async function runBulk(run: BulkRun): Promise<BulkSummary> {
  const started = performance.now();
  const summary: BulkSummary = {
    total: run.ids.length,
    finished: 0,
    byOutcome: { revoked: 0, 'already-gone': 0, found: 0, failed: 0 },
    failures: {},
    apiFailures: 0,
    elapsedMs: 0,
    interrupted: false,
  };
  let next = 0;
  const worker = async () => {
    while (next < run.ids.length && !run.stopped()) {
      const id = run.ids[next++] as string;
      const result = await callOne(run, id);
      summary.finished++;
      summary.byOutcome[result.outcome]++;
      if (result.outcome === 'failed') {
        if (result.status !== null) summary.apiFailures++;
        const key = result.errorCode ?? (result.status === null ? ((result.error ?? 'unknown').split(':')[0] as string) : `HTTP ${result.status}`);
        summary.failures[key] = (summary.failures[key] ?? 0) + 1;
      }
      run.report(result);
    }
  };
  await Promise.all(Array.from({ length: Math.min(run.concurrency, run.ids.length) }, worker));
  summary.elapsedMs = performance.now() - started;
  summary.interrupted = summary.finished < summary.total && run.stopped();
  return summary;
}
