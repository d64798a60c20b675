/**
 * Okta's OAuth 2.0 service apps, as the embedded server plays them: the token
 * endpoint (client credentials with private_key_jwt, DPoP with nonces) and the
 * check of DPoP proofs on API calls. Every assertion and proof is verified for
 * real (signature, claims, a jti never seen before). Its own code, sharing
 * nothing with the client's, as everything in this folder.
 */
import { randomBytes } from 'node:crypto';
import type * as JoseModule from 'jose';
import { type Answer, type IssuedAccessToken } from './handlers.js';
import { oktaId } from './session-store.js';

export interface ServiceAppOptions {
  /** The app's public key, as registered in Okta (a public JWK, RSA or EC). */
  publicKey: Record<string, unknown>;
  /** Scopes granted to the app. */
  scopes: readonly string[];
  /** New API service apps require DPoP (default true). */
  requireDpop?: boolean;
  /** `expires_in` of its tokens; default 3600. */
  tokenLifetimeSeconds?: number;
}

interface ServiceApp {
  publicKey: Record<string, unknown>;
  scopes: ReadonlySet<string>;
  requireDpop: boolean;
  tokenLifetimeSeconds: number;
}

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const MAX_ASSERTION_LIFETIME_S = 3600;
/** A proof's `iat` may be this far from the server's clock. */
const PROOF_WINDOW_S = 60;

const oauthError = (status: number, error: string, description: string, headers?: Record<string, string>): Answer => ({
  status,
  body: { error, error_description: description },
  headers: { 'cache-control': 'no-store', ...headers },
});

const invalidProof = (description: string): Answer => ({
  status: 401,
  body: { errorCode: 'E0000011', errorSummary: 'Invalid token provided', errorLink: 'E0000011', errorId: oktaId('oae', 22), errorCauses: [] },
  headers: { 'www-authenticate': `DPoP error="invalid_dpop_proof", error_description="${description}"` },
});

function publicJwkOf(value: unknown): JoseModule.JWK | undefined {
  if (typeof value !== 'object' || value === null || 'd' in value) return undefined;
  const { kty } = value as { kty?: unknown };
  return kty === 'RSA' || kty === 'EC' ? (value as JoseModule.JWK) : undefined;
}

export class OAuthServer {
  readonly #apps = new Map<string, ServiceApp>();
  readonly #tokens: Map<string, IssuedAccessToken>;
  /** Assertion and proof jtis seen so far: each may be used once. */
  readonly #seenJtis = new Set<string>();
  readonly #nonce = randomBytes(16).toString('base64url');
  #jose: Promise<typeof JoseModule> | undefined;
  #tokenRequests = 0;

  constructor(tokens: Map<string, IssuedAccessToken>) {
    this.#tokens = tokens;
  }

  get tokenRequests(): number {
    return this.#tokenRequests;
  }

  registerServiceApp(options: ServiceAppOptions): { clientId: string } {
    const publicKey = publicJwkOf(options?.publicKey);
    if (!publicKey) throw new TypeError('registerServiceApp: publicKey must be a public JWK (RSA or EC, without "d")');
    if (!Array.isArray(options.scopes)) throw new TypeError('registerServiceApp: scopes must be an array, e.g. ["okta.sessions.read"]');
    const tokenLifetimeSeconds = options.tokenLifetimeSeconds ?? 3600;
    if (!(tokenLifetimeSeconds > 0)) throw new TypeError('registerServiceApp: tokenLifetimeSeconds must be > 0');
    const clientId = oktaId('0oa', 20);
    this.#apps.set(clientId, { publicKey, scopes: new Set(options.scopes), requireDpop: options.requireDpop ?? true, tokenLifetimeSeconds });
    return { clientId };
  }

  /** Ends every token issued so far, as an admin revoking them would. */
  revokeAccessTokens(): void {
    this.#tokens.clear();
  }

  #loadJose(): Promise<typeof JoseModule> {
    this.#jose ??= import('jose');
    return this.#jose;
  }

  #firstUse(jti: unknown): boolean {
    if (typeof jti !== 'string' || jti === '' || this.#seenJtis.has(jti)) return false;
    this.#seenJtis.add(jti);
    return true;
  }

  /** Verifies a DPoP proof's signature (with the key it carries) and claims; returns its key's thumbprint, or what is wrong. */
  async #verifyProof(proof: string, method: string, url: string, nowMs: number, extra: (claims: JoseModule.JWTPayload) => string | undefined): Promise<{ jkt: string; claims: JoseModule.JWTPayload } | { problem: string }> {
    const jose = await this.#loadJose();
    try {
      const header = jose.decodeProtectedHeader(proof);
      const jwk = publicJwkOf(header.jwk);
      if (header.typ !== 'dpop+jwt' || !jwk || typeof header.alg !== 'string') return { problem: 'DPoP proof header needs typ dpop+jwt, alg and a public jwk' };
      const { payload } = await jose.jwtVerify(proof, await jose.importJWK(jwk, header.alg), { typ: 'dpop+jwt', currentDate: new Date(nowMs) });
      const target = new URL(url);
      target.search = '';
      target.hash = '';
      if (payload.htm !== method || payload.htu !== target.href) return { problem: `DPoP proof htm/htu do not match ${method} ${target.href}` };
      if (typeof payload.iat !== 'number' || Math.abs(payload.iat - nowMs / 1000) > PROOF_WINDOW_S) return { problem: 'DPoP proof iat is not within a minute of now' };
      const problem = extra(payload);
      if (problem) return { problem };
      if (!this.#firstUse(payload.jti)) return { problem: 'DPoP proof jti is missing or was used before' };
      return { jkt: await jose.calculateJwkThumbprint(jwk), claims: payload };
    } catch (error) {
      return { problem: `DPoP proof is not valid: ${(error as Error).message}` };
    }
  }

  /** `POST /oauth2/v1/token`. */
  async answerToken(body: string, proof: string | undefined, baseUrl: string, nowMs: number): Promise<Answer> {
    this.#tokenRequests++;
    const jose = await this.#loadJose();
    const tokenUrl = `${baseUrl}/oauth2/v1/token`;
    const form = new URLSearchParams(body);
    if (form.get('grant_type') !== 'client_credentials') return oauthError(400, 'unsupported_grant_type', 'The authorization grant type is not supported by the authorization server.');
    const assertion = form.get('client_assertion');
    if (form.get('client_assertion_type') !== ASSERTION_TYPE || !assertion) return oauthError(401, 'invalid_client', 'A client_assertion of type jwt-bearer is required.');

    let clientId: unknown;
    try {
      clientId = jose.decodeJwt(assertion).iss;
    } catch {
      return oauthError(401, 'invalid_client', 'The client_assertion is not a JWT.');
    }
    const app = typeof clientId === 'string' ? this.#apps.get(clientId) : undefined;
    if (!app || typeof clientId !== 'string') return oauthError(401, 'invalid_client', 'The client_id is not valid.');
    try {
      const header = jose.decodeProtectedHeader(assertion);
      const { payload } = await jose.jwtVerify(assertion, await jose.importJWK(app.publicKey as JoseModule.JWK, String(header.alg)), {
        issuer: clientId,
        subject: clientId,
        audience: tokenUrl,
        requiredClaims: ['exp', 'jti'],
        currentDate: new Date(nowMs),
      });
      if ((payload.exp as number) - nowMs / 1000 > MAX_ASSERTION_LIFETIME_S) return oauthError(401, 'invalid_client', 'The client_assertion expires more than an hour from now.');
      // Okta consumes the assertion's jti on every request, even one it answers with use_dpop_nonce.
      if (!this.#firstUse(payload.jti)) return oauthError(401, 'invalid_client', 'The client_assertion token has already been used.');
    } catch (error) {
      return oauthError(401, 'invalid_client', `The client_assertion is not valid: ${(error as Error).message}`);
    }

    const requested = (form.get('scope') ?? '').split(' ').filter(Boolean);
    const notGranted = requested.filter((scope) => !app.scopes.has(scope));
    if (requested.length === 0 || notGranted.length > 0) {
      return oauthError(400, 'invalid_scope', requested.length === 0 ? 'The scope parameter is required.' : `The following scopes are not allowed: ${notGranted.join(', ')}`);
    }

    let boundTo: string | undefined;
    if (proof !== undefined) {
      const verified = await this.#verifyProof(proof, 'POST', tokenUrl, nowMs, (claims) => (claims.nonce === this.#nonce ? undefined : 'nonce'));
      if ('problem' in verified) {
        if (verified.problem === 'nonce') return oauthError(400, 'use_dpop_nonce', 'Authorization server requires nonce in DPoP proof.', { 'dpop-nonce': this.#nonce });
        return oauthError(400, 'invalid_dpop_proof', verified.problem);
      }
      boundTo = verified.jkt;
    } else if (app.requireDpop) {
      return oauthError(400, 'invalid_dpop_proof', 'The DPoP proof JWT header is missing.');
    }

    const accessToken = oktaId('eyJ', 64);
    this.#tokens.set(accessToken, { scopes: new Set(requested), expiresAtMs: nowMs + app.tokenLifetimeSeconds * 1000, boundTo });
    return {
      status: 200,
      body: { token_type: boundTo ? 'DPoP' : 'Bearer', expires_in: app.tokenLifetimeSeconds, access_token: accessToken, scope: requested.join(' ') },
      headers: { 'cache-control': 'no-store' },
    };
  }

  /**
   * An API call with `Authorization: DPoP <token>`: its proof must be signed by the key the token is bound to,
   * for this method and URL, with `ath` the token's hash. Undefined when it is; the 401 otherwise.
   */
  async checkResourceProof(token: string, proof: string | undefined, method: string, url: string, nowMs: number): Promise<Answer | undefined> {
    const issued = this.#tokens.get(token);
    if (!issued?.boundTo) return undefined; // The handler answers for unknown and Bearer tokens.
    if (!proof) return invalidProof('DPoP proof is missing');
    const jose = await this.#loadJose();
    const ath = jose.base64url.encode(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token))));
    const verified = await this.#verifyProof(proof, method, url, nowMs, (claims) => (claims.ath === ath ? undefined : 'DPoP proof ath does not match the access token'));
    if ('problem' in verified) return invalidProof(verified.problem);
    return verified.jkt === issued.boundTo ? undefined : invalidProof('DPoP proof is not signed by the key the token is bound to');
  }
}
