/**
 * Each call on `node:diagnostics_channel`'s tracing channel `okta-sessions:call` (start, end, asyncStart,
 * asyncEnd, error), for tracing without patching: one context object per call, filled in as it ends.
 * Nothing is built when no one subscribes. The Node entry supplies it; where a runtime has no
 * diagnostics_channel (browsers, edge runtimes), calls are not traced and this file is not loaded.
 */
import { tracingChannel } from 'node:diagnostics_channel';
import type { RateLimit } from '../errors/classes.js';
import type { Answered } from '../http/attempts.js';
import type { Operation } from '../operations.js';
import { responseOf } from './call-promise.js';

const channel = tracingChannel<object, CallTrace>('okta-sessions:call');

/** The context every event of a call carries; the answer's fields are set when the call ends (`error` on failure, by the channel). */
export interface CallTrace {
  /** The operation, by its name in Okta's spec. */
  operationId: string;
  /** Its HTTP method. */
  method: string;
  /** The path template, never a concrete id. */
  path: string;
  /** The answer's HTTP status, when the call ends with one. */
  status?: number;
  /** `X-Okta-Request-Id` of the last answer. */
  requestId?: string | undefined;
  /** Attempts the call made. */
  attempts?: number;
  /** The bucket as the last answer reported it. */
  rateLimit?: RateLimit | undefined;
  /** The error the call ended with (set by the channel's `error` event). */
  error?: unknown;
}

function hasSubscribers(): boolean {
  // TracingChannel.hasSubscribers is Node 20.13+ (undefined on 20.12); before it, ask each of its channels.
  const known: boolean | undefined = channel.hasSubscribers;
  if (known !== undefined) return known;
  return [channel.start, channel.end, channel.asyncStart, channel.asyncEnd, channel.error].some((part) => part.hasSubscribers);
}

/** Runs a call inside its trace when someone subscribes; as it is otherwise (its very promise: nothing is built). */
export function traceCall<T>(operation: Operation, run: () => Promise<Answered<T>>): Promise<Answered<T>> {
  return hasSubscribers() ? tracedCall(operation, run) : run();
}

async function tracedCall<T>(operation: Operation, run: () => Promise<Answered<T>>): Promise<Answered<T>> {
  const trace: CallTrace = { operationId: operation.operationId, method: operation.method, path: operation.path };
  const call = run();
  // The traced function returns nothing: the channel would put its value (a session) on the context as `result`.
  await channel.tracePromise(async () => {
    const { status, requestId, attempts, rateLimit } = responseOf(await call);
    Object.assign(trace, { status, requestId, attempts, rateLimit });
  }, trace);
  return call;
}
