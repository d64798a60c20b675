/**
 * One token request to `{orgUrl}/oauth2/v1/token`: client credentials with a
 * private_key_jwt assertion, DPoP when the app needs it. Every attempt signs a new
 * assertion (Okta consumes its jti, even on a `use_dpop_nonce` answer) and a new
 * proof. 429, 5xx and network failures follow the API calls' retry rules, within
 * the budget; OAuth errors become `OktaOAuthError`, saying what to check.
 *
 * Its own loop rather than the API transport: the endpoint is not in the Sessions
 * spec, each attempt needs new credentials, and its errors are OAuth's, not Okta's.
 */
import { OktaConnectionError, OktaOAuthError, type OperationRef } from '../../errors/classes.js';
import { redact } from '../../errors/redact.js';
import { type CallBudget, sleep } from '../../http/budget.js';
import { connectionFailureOf, describeConnectionError } from '../../errors/connection.js';
import { type Engine, EngineClosedError, type EngineResponse } from '../../http/engine.js';
import { type AttemptFailure, decideRetry, type RetryPolicy } from '../../http/retry.js';
import { readRateLimitSignal, serverRequestedWaitMs } from '../../pacing/rate-limit-signal.js';
import type { ServerClock } from '../../pacing/server-clock.js';
import { dpopProof } from './dpop.js';
import { epochSeconds, signJws } from './jws.js';
import { generateProofKey, type ProofKey, type SigningKey } from './keys.js';
import type { DpopMode } from './options.js';

/** Whether requests carry DPoP proofs: decided by the option, and in `'auto'` mode by Okta's answer. */
export interface DpopState {
  mode: DpopMode;
  using: boolean;
  /** The last `DPoP-Nonce` the token endpoint gave. */
  nonce: string | undefined;
  key: ProofKey | undefined;
}

export interface IssuedToken {
  accessToken: string;
  tokenType: 'Bearer' | 'DPoP';
  expiresInMs: number;
}

export interface TokenRequestContext {
  engine: Engine;
  tokenUrl: string;
  clientId: string;
  signingKey: SigningKey;
  scopes: readonly string[];
  dpop: DpopState;
  policy: RetryPolicy;
  clock: ServerClock;
  budget: CallBudget;
  /** The API call that needs the token: errors name its operationId, and the token endpoint's method and path. */
  operation: OperationRef;
}

/** How long a client assertion is valid, in seconds: it is used once, at once. */
const ASSERTION_LIFETIME_S = 300;
/** `use_dpop_nonce` twice in a row means the nonce is not what is wrong. */
const MAX_NONCE_RETRIES = 2;
const TOKEN_REQUEST = { safeToRepeat: true };
const UNAVAILABLE = new Set([502, 503, 504]);

const HINTS: Record<string, string> = {
  invalid_client: 'check oauth.clientId, and that oauth.privateKey is the key registered with the app (oauth.keyId its kid) and the app uses private_key_jwt',
  invalid_scope: 'grant the scopes to the app in Okta (its Okta API Scopes tab), or request fewer in oauth.scopes',
  unauthorized_client: 'the app must allow the Client Credentials grant',
  invalid_dpop_proof: "the app requires DPoP: set oauth.dpop to 'auto' or true",
};

function clientAssertion(context: TokenRequestContext): Promise<string> {
  const { signingKey, clientId, tokenUrl } = context;
  const now = epochSeconds();
  const header = { alg: signingKey.alg, ...(signingKey.kid ? { kid: signingKey.kid } : {}) };
  return signJws(header, { iss: clientId, sub: clientId, aud: tokenUrl, iat: now, exp: now + ASSERTION_LIFETIME_S, jti: crypto.randomUUID() }, signingKey.key);
}

async function requestInit(context: TokenRequestContext, secrets: string[]): Promise<RequestInit> {
  const assertion = await clientAssertion(context);
  secrets.push(assertion);
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  const { dpop } = context;
  if (dpop.using) {
    dpop.key ??= await generateProofKey();
    headers.DPoP = await dpopProof(dpop.key, { method: 'POST', url: context.tokenUrl, nonce: dpop.nonce });
    secrets.push(headers.DPoP);
  }
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    scope: context.scopes.join(' '),
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: assertion,
  });
  return { method: 'POST', headers, body: body.toString(), redirect: 'manual' };
}

function parseJson(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function issuedToken(body: Record<string, unknown>): IssuedToken | undefined {
  const { access_token: accessToken, token_type: tokenType, expires_in: expiresIn } = body;
  if (typeof accessToken !== 'string' || accessToken === '' || typeof expiresIn !== 'number' || !(expiresIn > 0)) return undefined;
  if (tokenType !== 'Bearer' && tokenType !== 'DPoP') return undefined;
  return { accessToken, tokenType, expiresInMs: expiresIn * 1000 };
}

function oauthError(response: EngineResponse, body: Record<string, unknown>, operation: OperationRef, secrets: readonly string[], attempts: number): OktaOAuthError {
  const error = typeof body.error === 'string' ? body.error : undefined;
  const errorDescription = typeof body.error_description === 'string' ? redact(body.error_description, secrets) : undefined;
  const hint = error ? HINTS[error] : undefined;
  const what = error ? `${error}${errorDescription ? `: ${errorDescription}` : ''}` : `no OAuth error in the answer${response.ok ? ' (no usable access_token)' : ''}`;
  const message = `Okta token endpoint ${response.status} ${what}${hint ? `; ${hint}` : ''}${attempts > 1 ? ` (after ${attempts} attempts)` : ''}`;
  return new OktaOAuthError(message, { status: response.status, error, errorDescription, requestId: response.headers.get('x-okta-request-id') ?? undefined, attempts }, operation);
}

type AttemptOutcome = { response: EngineResponse; body: Record<string, unknown>; wait: number | undefined } | { response?: undefined; failure: AttemptFailure; error: unknown };

/** One POST to the token endpoint, its answer read whole; a network failure or attempt timeout is an outcome, the budget's end a throw. */
async function attempt(context: TokenRequestContext, init: RequestInit, tokenOperation: OperationRef): Promise<AttemptOutcome> {
  const { budget } = context;
  const abort = budget.attemptAbort(context.policy.attemptTimeoutMs);
  let response: EngineResponse | undefined;
  try {
    response = await context.engine.send(context.tokenUrl, { ...init, signal: abort.signal });
    const text = await response.text();
    const now = Date.now();
    const signal = readRateLimitSignal(response.headers, now);
    if (signal.serverDateMs !== undefined) context.clock.observe(signal.serverDateMs, now);
    return { response, body: parseJson(text), wait: response.status === 429 ? serverRequestedWaitMs(signal, context.clock, now) : undefined };
  } catch (error) {
    if (abort.timedOut()) return { failure: 'attempt-timeout', error };
    if (budget.isOver()) throw budget.abortError(tokenOperation, error);
    if (error instanceof EngineClosedError) throw error;
    return { failure: response ? 'connection' : connectionFailureOf(error), error };
  } finally {
    abort.dispose();
  }
}

/** Requests a token; throws `OktaOAuthError`, `OktaConnectionError`, or the budget's timeout or abort. */
export async function requestToken(context: TokenRequestContext): Promise<IssuedToken> {
  const { budget, dpop, policy } = context;
  const tokenOperation = { ...context.operation, method: 'POST', path: '/oauth2/v1/token' };
  const secrets: string[] = [...context.engine.secrets];
  let nonceRetries = 0;
  let attempts = 0;
  for (let retryNumber = 1; ; retryNumber++) {
    const outcome = await attempt(context, await requestInit(context, secrets), tokenOperation);
    attempts++;
    let failure: AttemptFailure;
    if (outcome.response) {
      const { response, body } = outcome;
      if (response.ok) {
        const token = issuedToken(body);
        if (token) return token;
        throw oauthError(response, body, tokenOperation, secrets, attempts);
      }
      const nonce = response.headers.get('dpop-nonce');
      if (response.status === 400 && body.error === 'use_dpop_nonce' && nonce && nonceRetries < MAX_NONCE_RETRIES) {
        nonceRetries++;
        dpop.nonce = nonce;
        dpop.using = true;
        retryNumber--; // answered at once, not a retry of a failure
        continue;
      }
      if (response.status === 400 && body.error === 'invalid_dpop_proof' && dpop.mode === 'auto' && !dpop.using) {
        dpop.using = true;
        retryNumber--;
        continue;
      }
      if (response.status !== 429 && !UNAVAILABLE.has(response.status)) throw oauthError(response, body, tokenOperation, secrets, attempts);
      failure = response.status === 429 ? 'rate-limited' : 'unavailable';
    } else {
      failure = outcome.failure;
    }
    const decision = decideRetry(failure, TOKEN_REQUEST, outcome.response ? outcome.wait : undefined, retryNumber, policy, budget.remainingMs());
    if (!decision.retry) {
      if (outcome.response) throw oauthError(outcome.response, outcome.body, tokenOperation, secrets, attempts);
      const message = `Could not get an access token from Okta: ${redact(describeConnectionError(outcome.error), secrets)}${attempts > 1 ? ` (after ${attempts} attempts)` : ''}`;
      throw new OktaConnectionError(message, tokenOperation, { cause: outcome.error });
    }
    try {
      await sleep(decision.delayMs, budget.signal);
    } catch (error) {
      throw budget.abortError(tokenOperation, error);
    }
  }
}
