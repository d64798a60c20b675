/**
 * One token request to `{orgUrl}/oauth2/v1/token`: client credentials with a
 * private_key_jwt assertion, DPoP when the app needs it. It runs on the attempt
 * loop the API calls use, with a classifier of its own: OAuth errors become
 * `OktaOAuthError`, saying what to check, and a DPoP challenge is answered at
 * once. Every attempt signs a new assertion (Okta consumes its jti, even on a
 * `use_dpop_nonce` answer) and a new proof.
 */
import type { OperationRef } from '../../errors/classes.js';
import { type AttemptCount, oauthError } from '../../errors/make.js';
import type { Log } from '../../helpers/log.js';
import { sendAttempts, type Verdict } from '../../http/attempts.js';
import type { ApiRequest } from '../../http/engine.js';
import type { CallBudget } from '../../http/budget.js';
import type { Engine, EngineResponse } from '../../http/engine.js';
import { failureOfStatus, type RetryPolicy } from '../../http/retry.js';
import type { ServerClock } from '../../helpers/server-clock.js';
import { dpopProof } from './dpop.js';
import { signJws } from './jws.js';
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
  /** What errors name: the API call's operationId, and the token endpoint's method and path. */
  operation: OperationRef;
  log: Log;
}

/** How long a client assertion is valid, in seconds: it is used once, at once. */
const ASSERTION_LIFETIME_S = 300;
/** `use_dpop_nonce` twice in a row means the nonce is not what is wrong. */
const MAX_NONCE_RETRIES = 2;

const HINTS: Record<string, string> = {
  invalid_client:
    'check oauth.clientId, and that oauth.privateKey is the key registered with the app (oauth.keyId its kid) and the app uses private_key_jwt',
  invalid_scope: 'grant the scopes to the app in Okta (its Okta API Scopes tab), or request fewer in oauth.scopes',
  unauthorized_client: 'the app must allow the Client Credentials grant',
};

/** The hint for `invalid_dpop_proof`: without DPoP, the app requires it; with it, the proof itself was refused. */
const DPOP_HINTS = {
  off: "the app requires DPoP: set oauth.dpop to 'auto' or true",
  on: "the DPoP proof was refused though its times follow Okta's clock: check that nothing between this client and Okta rewrites the request's method or URL",
};

/** An answer that may say the assertion or proof carried a time Okta does not accept (this machine's clock is off). */
const TIME_PROBLEM = /\b(iat|exp|nbf|expired|not yet valid|future|clock|time|within)\b/i;

function clientAssertion(context: TokenRequestContext): Promise<string> {
  const { signingKey, clientId, tokenUrl } = context;
  // On Okta's clock: with this machine's clock off, Okta would refuse an assertion that expired or is not yet valid.
  const now = context.clock.serverEpochSeconds();
  const header = { alg: signingKey.alg, ...(signingKey.kid ? { kid: signingKey.kid } : {}) };
  return signJws(
    header,
    { iss: clientId, sub: clientId, aud: tokenUrl, iat: now, exp: now + ASSERTION_LIFETIME_S, jti: crypto.randomUUID() },
    signingKey.key,
  );
}

async function tokenRequest(context: TokenRequestContext, secrets: string[]): Promise<ApiRequest> {
  const assertion = await clientAssertion(context);
  secrets.push(assertion);
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  const { dpop } = context;
  if (dpop.using) {
    dpop.key ??= await generateProofKey();
    headers.dpop = await dpopProof(dpop.key, {
      method: 'POST',
      url: context.tokenUrl,
      nonce: dpop.nonce,
      issuedAtS: context.clock.serverEpochSeconds(),
    });
    secrets.push(headers.dpop);
  }
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    scope: context.scopes.join(' '),
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: assertion,
  });
  return { method: 'POST', url: context.tokenUrl, headers, body: body.toString(), credentials: undefined };
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

/** What to check, for the OAuth error an answer carries. */
function hintFor(error: unknown, usingDpop: boolean): string | undefined {
  if (error === 'invalid_dpop_proof') return DPOP_HINTS[usingDpop ? 'on' : 'off'];
  return typeof error === 'string' ? HINTS[error] : undefined;
}

/** What a token endpoint answer means: a token, a DPoP challenge to answer at once, a failure a retry may cure, or an OAuth error. */
function tokenAnswerReader(context: TokenRequestContext, secrets: readonly string[]) {
  let nonceRetries = 0;
  let retriedOnOktasClock = false;
  const { dpop, operation } = context;
  const refusal = (response: EngineResponse, body: Record<string, unknown>, count: AttemptCount) =>
    oauthError(response, body, { operation, secrets, count }, hintFor(body.error, dpop.using));
  return async (response: EngineResponse, _reading: unknown, count: AttemptCount): Promise<Verdict<IssuedToken>> => {
    const body = parseJson(await response.text());
    if (response.ok) {
      const token = issuedToken(body);
      return token ? { value: token } : { error: refusal(response, body, count) };
    }
    const nonce = response.headers.get('dpop-nonce');
    if (response.status === 400 && body.error === 'use_dpop_nonce' && nonce && nonceRetries < MAX_NONCE_RETRIES) {
      nonceRetries++;
      dpop.nonce = nonce;
      dpop.using = true;
      return { again: true };
    }
    if (response.status === 400 && body.error === 'invalid_dpop_proof' && dpop.mode === 'auto' && !dpop.using) {
      dpop.using = true;
      return { again: true };
    }
    // A time refused, from a clock this answer's Date has just corrected: once more, signed on Okta's clock.
    const timeRefused =
      (body.error === 'invalid_dpop_proof' && dpop.using) ||
      (body.error === 'invalid_client' && TIME_PROBLEM.test(String(body.error_description ?? '')));
    if (timeRefused && !retriedOnOktasClock) {
      retriedOnOktasClock = true;
      return { again: true };
    }
    const failure = failureOfStatus(response.status);
    const error = refusal(response, body, count);
    return failure ? { failure, error: () => error } : { error };
  };
}

/** Requests a token; throws `OktaOAuthError`, `OktaConnectionError`, or the budget's timeout or abort. */
export async function requestToken(context: TokenRequestContext): Promise<IssuedToken> {
  const secrets: string[] = [...context.engine.secrets];
  const { value } = await sendAttempts({
    operation: { ...context.operation, safeToRepeat: true },
    purpose: 'token',
    engine: context.engine,
    budget: context.budget,
    policy: context.policy,
    clock: context.clock,
    pacing: undefined,
    onRetry: undefined,
    log: context.log,
    secrets,
    request: () => tokenRequest(context, secrets),
    read: tokenAnswerReader(context, secrets),
  });
  return value;
}
