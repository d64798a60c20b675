/**
 * One call, from the request a facade method built down to the attempt loop: the call's budget
 * (timeout, the caller's signal, the client's close), its credentials (checked against the spec
 * before anything is sent), and the attempts. A token Okta refused with 401 is renewed once;
 * everything else is the loop's.
 */
import type { CallAuthorization } from '../auth/authorization.js';
import { type ClientCredentials, checkCredentialsFor } from '../auth/credentials.js';
import { OktaAuthenticationError } from '../errors/classes.js';
import { clientClosedError } from '../errors/make.js';
import type { Secret } from '../errors/redact.js';
import { apiAnswerReader } from '../http/answer.js';
import { type Answered, type AttemptNumber, sendAttempts } from '../http/attempts.js';
import { CallBudget } from '../http/budget.js';
import type { ApiRequest } from '../http/engine.js';
import { normalizeRetry, type RetryPolicy } from '../http/retry.js';
import { checkTimeout } from '../input/timeout.js';
import type { Operation } from '../operations.js';
import type { ClientCore } from './core.js';
import type { CallOptions } from './options.js';

/** Runs one operation's request; `secrets` are the caller's values to redact from anything it reports (a cookie, a session token). */
export function runCall<T>(
  core: ClientCore,
  operation: Operation,
  request: ApiRequest,
  options: CallOptions | undefined,
  secrets: readonly Secret[],
): Promise<Answered<T>> {
  // The spec gives the cookie operations `security: []`: they never carry a token.
  const credentials = operation.security.length > 0 ? checkCredentialsFor(core.credentials, operation) : undefined;
  const timeoutMs = options?.timeoutMs === undefined ? core.timeoutMs : checkTimeout(options.timeoutMs, 'timeoutMs');
  // A call's own retry options, over the client's: `retry: false` turns them off for this call.
  const retry = options?.retry === undefined ? core.retry : normalizeRetry(options.retry, core.retry);
  if (core.closed()) throw clientClosedError(operation);
  const settings: CallSettings = { credentials, timeoutMs, retry, signal: options?.signal, secrets };
  if (!core.trace) return authorizedAttempts<T>(core, operation, request, settings);
  return core.trace(operation, () => authorizedAttempts<T>(core, operation, request, settings));
}

interface CallSettings {
  credentials: ClientCredentials | undefined;
  timeoutMs: number;
  retry: RetryPolicy;
  signal: AbortSignal | undefined;
  secrets: readonly Secret[];
}

/** The attempts within the call's budget, with its credentials; once more with a new token after a 401 to a renewable one. */
async function authorizedAttempts<T>(
  core: ClientCore,
  operation: Operation,
  request: ApiRequest,
  settings: CallSettings,
): Promise<Answered<T>> {
  const budget = new CallBudget(operation, settings.timeoutMs, settings.signal);
  core.calls.add(budget);
  try {
    for (let renewed = false; ; renewed = true) {
      const pending = settings.credentials?.authorize(budget, operation);
      const authorization = pending instanceof Promise ? await pending : pending;
      try {
        return await attemptsWith<T>(core, operation, request, budget, authorization, settings);
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

function attemptsWith<T>(
  core: ClientCore,
  operation: Operation,
  request: ApiRequest,
  budget: CallBudget,
  authorization: CallAuthorization | undefined,
  settings: CallSettings,
): Promise<Answered<T>> {
  const secrets: Secret[] = [...settings.secrets, ...core.engine.secrets];
  if (authorization) secrets.push(authorization.secret);
  return sendAttempts<T>({
    operation,
    purpose: 'api',
    engine: core.engine,
    budget,
    policy: settings.retry,
    clock: core.clock,
    pacing: core.scheduler && { scheduler: core.scheduler, operationId: operation.operationId },
    onRetry: core.onRetry,
    log: core.log,
    secrets,
    request: (attempt) => attemptRequest(request, attempt, authorization, secrets),
    read: apiAnswerReader<T>(operation, secrets),
  });
}

/**
 * One attempt's request: the call's, with its Authorization and, per attempt, a DPoP proof and,
 * on retries, the retry headers Okta's own SDKs send, so Okta support can tie the retries to the first 429.
 */
function attemptRequest(
  request: ApiRequest,
  attempt: AttemptNumber,
  authorization: CallAuthorization | undefined,
  secrets: Secret[],
): ApiRequest | Promise<ApiRequest> {
  if (!authorization && attempt.retryCount === 0) return request;
  const headers: Record<string, string> = authorization
    ? { ...request.headers, authorization: authorization.header }
    : { ...request.headers };
  if (attempt.retryFor) headers['x-okta-retry-for'] = attempt.retryFor;
  if (attempt.retryCount > 0) headers['x-okta-retry-count'] = String(attempt.retryCount);
  if (!authorization?.attemptHeaders) return withHeaders(request, headers);
  return authorization.attemptHeaders(request.method, request.url).then((proofs) => {
    for (const [name, value] of Object.entries(proofs)) {
      headers[name.toLowerCase()] = value;
      secrets.push(value);
    }
    return withHeaders(request, headers);
  });
}

/** The request with an attempt's headers: named fields, no spread, as every attempt with credentials makes one. */
function withHeaders({ method, url, body, credentials }: ApiRequest, headers: Record<string, string>): ApiRequest {
  return { method, url, headers, body, credentials };
}
