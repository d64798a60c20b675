/**
 * Access tokens for a service app: cached per client, renewed before they
 * expire, one renewal shared by every call that needs it (never a stampede),
 * and dropped after a 401 so the call can retry once with a new one.
 */
import type { OperationRef } from '../../errors/classes.js';
import { untilAborted } from '../../helpers/abort.js';
import { CallBudget } from '../../http/budget.js';
import type { Engine } from '../../http/engine.js';
import type { Log } from '../../helpers/log.js';
import type { RetryPolicy } from '../../http/retry.js';
import type { ServerClock } from '../../helpers/server-clock.js';
import type { CallAuthorization } from '../authorization.js';
import { dpopProof } from './dpop.js';
import { importSigningKey, type SigningKey } from './keys.js';
import type { checkOAuthOptions } from './options.js';
import { type DpopState, type IssuedToken, requestToken } from './token-endpoint.js';

interface CachedToken extends IssuedToken {
  renewAtMs: number;
}

/** Renew this long before expiry: 5 minutes of a 1-hour token, at least 5 s, at most half the lifetime. */
export function renewalMarginMs(lifetimeMs: number): number {
  return Math.min(Math.max(lifetimeMs / 12, 5_000), lifetimeMs / 2);
}

export interface OAuthAuthorizerOptions {
  oauth: ReturnType<typeof checkOAuthOptions>;
  orgUrl: string;
  engine: Engine;
  policy: RetryPolicy;
  clock: ServerClock;
  /** The budget of a token request shared by several calls (each call still waits only within its own). */
  timeoutMs: number;
  log: Log;
}

export class OAuthAuthorizer {
  readonly #options: OAuthAuthorizerOptions;
  readonly #tokenUrl: string;
  readonly #dpop: DpopState;
  #signingKey: Promise<SigningKey> | undefined;
  #token: CachedToken | undefined;
  #renewal: Promise<CachedToken> | undefined;

  constructor(options: OAuthAuthorizerOptions) {
    this.#options = options;
    this.#tokenUrl = `${options.orgUrl}/oauth2/v1/token`;
    this.#dpop = { mode: options.oauth.dpop, using: options.oauth.dpop === true, nonce: undefined, key: undefined };
  }

  /** The Authorization for one call; per attempt, a DPoP proof bound to its token, method and URL. */
  async authorize(budget: CallBudget, operation: OperationRef): Promise<CallAuthorization> {
    let token = this.#token;
    if (!token || Date.now() >= token.renewAtMs) {
      this.#renewal ??= this.#renew(operation).finally(() => {
        this.#renewal = undefined;
      });
      // The renewal is shared: a call whose budget ends stops waiting for it; the others keep it.
      if (budget.isOver()) throw budget.abortError();
      token = await untilAborted(this.#renewal, budget.signal, () => budget.abortError(budget.signal.reason));
    }
    const { accessToken, tokenType } = token;
    const proofKey = this.#dpop.key;
    return {
      header: `${tokenType} ${accessToken}`,
      secret: accessToken,
      attemptHeaders:
        tokenType === 'DPoP' && proofKey
          ? async (method, url) => ({
              DPoP: await dpopProof(proofKey, { method, url, accessToken, issuedAtS: this.#options.clock.serverEpochSeconds() }),
            })
          : undefined,
      invalidate: () => {
        // Only the token this call used: a newer one another call fetched stays.
        if (this.#token?.accessToken === accessToken) this.#token = undefined;
      },
    };
  }

  async #renew(operation: OperationRef): Promise<CachedToken> {
    // Imported once; a key that does not import now will not later either.
    const signingKey = await (this.#signingKey ??= importSigningKey(this.#options.oauth.privateKey, this.#options.oauth.keyId));
    const { oauth, engine, policy, clock, timeoutMs, log } = this.#options;
    // Its errors name the call that needed the token, and the token endpoint's method and path.
    const tokenOperation = { ...operation, method: 'POST', path: '/oauth2/v1/token' };
    const budget = new CallBudget(tokenOperation, timeoutMs, undefined);
    const startedAt = Date.now();
    try {
      const issued = await requestToken({
        engine,
        tokenUrl: this.#tokenUrl,
        clientId: oauth.clientId,
        signingKey,
        scopes: oauth.scopes,
        dpop: this.#dpop,
        policy,
        clock,
        budget,
        operation: tokenOperation,
        log,
      });
      const token = { ...issued, renewAtMs: startedAt + issued.expiresInMs - renewalMarginMs(issued.expiresInMs) };
      this.#token = token;
      return token;
    } finally {
      budget.dispose();
    }
  }
}
