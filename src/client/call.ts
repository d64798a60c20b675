/**
 * One call, from a facade method down to the attempt loop: its budget, its
 * credentials (checked against the spec before anything is sent), and the
 * attempt loop as openapi-fetch's custom fetch. A token Okta refused with 401 is
 * renewed once; everything else is the loop's.
 */
import type { CallAuthorization } from '../auth/authorization.js';
import { type ClientCredentials, checkCredentialsFor } from '../auth/credentials.js';
import { OktaAuthenticationError } from '../errors/classes.js';
import type { Secret } from '../errors/redact.js';
import { apiAnswerClassifier, apiUnansweredError } from '../http/api-answer.js';
import { type AttemptNumber, type AttemptRequest, runAttempts } from '../http/attempts.js';
import { CallBudget } from '../http/budget.js';
import type { Engine } from '../http/engine.js';
import {
  CallAnswer,
  type CallInit,
  type CallRequest,
  type CallResult,
  callInit,
  type FinishedCall,
  finishedOf,
} from '../http/openapi-fetch-seam.js';
import { normalizeRetry, type RetryEvent, type RetryPolicy } from '../http/retry.js';
import type { Log } from '../helpers/log.js';
import { checkTimeout } from '../input/timeout.js';
import { type Operation, OPERATIONS, type OperationId } from '../operations.js';
import type { RateLimitScheduler } from '../pacing/scheduler.js';
import type { ServerClock } from '../pacing/server-clock.js';
import type { TraceCall } from './entry-runtime.js';
import type { CallOptions } from './options.js';

/** What every call of one client shares. */
export interface ClientCore {
  readonly credentials: ClientCredentials | undefined;
  readonly retry: RetryPolicy;
  readonly log: Log;
  readonly trace: TraceCall;
  readonly timeoutMs: number;
  readonly engine: Engine;
  /** The client's one estimate of Okta's clock, refined by every answer. */
  readonly clock: ServerClock;
  readonly scheduler: RateLimitScheduler | undefined;
  readonly onRetry: ((event: RetryEvent) => void) | undefined;
  /** The budgets of the calls under way, for `close()` to end them. */
  readonly calls: Set<CallBudget>;
  readonly closed: () => boolean;
}

/** Sends one openapi-fetch call: the facade method says how (`send`), with `init` from here. */
export type SendCall = (init: CallInit) => Promise<CallResult>;

/** Runs one operation; `secrets` are the caller's values to redact from anything it reports (a cookie, a session token). */
export function runCall(
  core: ClientCore,
  operationId: OperationId,
  options: CallOptions | undefined,
  secrets: readonly Secret[],
  send: SendCall,
): Promise<FinishedCall> {
  const operation = OPERATIONS[operationId];
  // The spec gives the cookie operations `security: []`: they never carry a token.
  const credentials = operation.security.length > 0 ? checkCredentialsFor(core.credentials, operation) : undefined;
  const timeoutMs = options?.timeoutMs === undefined ? core.timeoutMs : checkTimeout(options.timeoutMs, 'timeoutMs');
  // A call's own retry options, over the client's: `retry: false` turns them off for this call.
  const callCore = options?.retry === undefined ? core : { ...core, retry: normalizeRetry(options.retry, core.retry) };
  if (core.closed()) throw new Error(`${operationId} on a closed client: okta.close() was called; create a new OktaSessions`);
  return core.trace(operation, () => sendCall(callCore, operation, credentials, timeoutMs, options?.signal, secrets, send));
}

async function sendCall(
  core: ClientCore,
  operation: Operation,
  credentials: ClientCredentials | undefined,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  secrets: readonly Secret[],
  send: SendCall,
): Promise<FinishedCall> {
  const budget = new CallBudget(timeoutMs, signal);
  core.calls.add(budget);
  try {
    for (let renewed = false; ; renewed = true) {
      const pending = credentials?.authorize(budget, operation);
      const authorization = pending instanceof Promise ? await pending : pending;
      try {
        return finishedOf(
          await send(
            callInit(
              (request) => sendThroughLoop(core, operation, budget, authorization, secrets, request),
              authorizationHeaders(authorization),
            ),
          ),
        );
      } catch (error) {
        // A token Okta refused (revoked, or expired early): one retry with a new one; a second 401 is the caller's.
        if (renewed || !authorization?.invalidate || !(error instanceof OktaAuthenticationError)) throw error;
        authorization.invalidate();
      }
    }
  } finally {
    core.calls.delete(budget);
    budget.dispose();
  }
}

function authorizationHeaders(authorization: CallAuthorization | undefined): Record<string, string> {
  return authorization ? { Authorization: authorization.header } : {};
}

/** The attempt loop as openapi-fetch's fetch for this call: the request it built, sent until the API answer classifier has a value. */
async function sendThroughLoop(
  core: ClientCore,
  operation: Operation,
  budget: CallBudget,
  authorization: CallAuthorization | undefined,
  callSecrets: readonly Secret[],
  request: CallRequest,
): Promise<CallAnswer> {
  const secrets: Secret[] = [...callSecrets, ...core.engine.secrets];
  if (authorization) secrets.push(authorization.secret);
  const outcome = await runAttempts({
    operation,
    engine: core.engine,
    budget,
    policy: core.retry,
    clock: core.clock,
    pacing: core.scheduler && { scheduler: core.scheduler, operationId: operation.operationId },
    onRetry: core.onRetry,
    log: core.log,
    secrets,
    request: (attempt) => attemptRequest(request, attempt, authorization, secrets),
    classify: apiAnswerClassifier(operation, secrets),
    unanswered: apiUnansweredError(operation, secrets, core.retry.attemptTimeoutMs),
  });
  return new CallAnswer({ outcome, secrets });
}

/**
 * One attempt's request: openapi-fetch's as it is for a first attempt without
 * proofs (the common case builds nothing), else with this attempt's DPoP proof
 * and, on retries, the retry headers Okta's own SDKs send, so Okta support can
 * tie the retries to the first 429.
 */
async function attemptRequest(
  request: CallRequest,
  attempt: AttemptNumber,
  authorization: CallAuthorization | undefined,
  secrets: Secret[],
): Promise<AttemptRequest> {
  const proofs = authorization?.attemptHeaders && (await authorization.attemptHeaders(request.method, request.url));
  if (!proofs && attempt.retryCount === 0) return request;
  const headers = new Headers(request.init.headers);
  for (const [name, value] of Object.entries(proofs ?? {})) {
    headers.set(name, value);
    secrets.push(value);
  }
  if (attempt.retryFor) headers.set('X-Okta-Retry-For', attempt.retryFor);
  if (attempt.retryCount > 0) headers.set('X-Okta-Retry-Count', String(attempt.retryCount));
  return { url: request.url, init: { ...request.init, headers } };
}
