/**
 * Okta's OAuth 2.0 service apps, as the embedded server plays them: the token
 * endpoint (client credentials with private_key_jwt, DPoP with nonces) and the
 * check of DPoP proofs on API calls. Every assertion and proof is verified for
 * real (signature, claims, a jti never seen before). Its own code, sharing
 * nothing with the client's, as everything in this folder.
 */
import { randomBytes } from 'node:crypto';
import type { JsonWebKey } from 'node:crypto';
import type { Answer } from './answer.js';
import type { IssuedAccessToken } from './handlers.js';
import { decodeJws, type JwtClaims, jwkThumbprint, sha256Base64url, verifiesWith } from './jws.js';
import { oktaId } from './ids.js';

/** A service app registered with the embedded server (`registerServiceApp`), as an admin registers one in Okta. */
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
  body: {
    errorCode: 'E0000011',
    errorSummary: 'Invalid token provided',
    errorLink: 'E0000011',
    errorId: oktaId('oae', 22),
    errorCauses: [],
  },
  headers: { 'www-authenticate': `DPoP error="invalid_dpop_proof", error_description="${description}"` },
});

function publicJwkOf(value: unknown): JsonWebKey | undefined {
  if (typeof value !== 'object' || value === null || 'd' in value) return undefined;
  const { kty } = value as { kty?: unknown };
  return kty === 'RSA' || kty === 'EC' ? (value as JsonWebKey) : undefined;
}

/** What is wrong with a client assertion (RFC 7523): signature, issuer and subject, audience, expiry; undefined when nothing. */
function assertionProblem(
  assertion: ReturnType<typeof decodeJws>,
  publicKey: JsonWebKey,
  clientId: string,
  tokenUrl: string,
  nowMs: number,
): string | undefined {
  const { claims } = assertion;
  if (!verifiesWith(assertion, publicKey)) return 'signature verification failed';
  if (claims.iss !== clientId || claims.sub !== clientId) return 'iss and sub must both be the client_id';
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(tokenUrl)) return `aud must be ${tokenUrl}`;
  if (typeof claims.exp !== 'number') return 'exp is required';
  if (typeof claims.jti !== 'string') return 'jti is required';
  const nowS = nowMs / 1000;
  if (claims.exp <= nowS) return 'it has expired';
  if (claims.exp - nowS > MAX_ASSERTION_LIFETIME_S) return 'it expires more than an hour from now';
  return undefined;
}

export class OAuthServer {
  readonly #apps = new Map<string, ServiceApp>();
  readonly #tokens: Map<string, IssuedAccessToken>;
  /** Assertion and proof jtis seen so far: each may be used once. */
  readonly #seenJtis = new Set<string>();
  readonly #nonce = randomBytes(16).toString('base64url');
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
    this.#apps.set(clientId, {
      publicKey,
      scopes: new Set(options.scopes),
      requireDpop: options.requireDpop ?? true,
      tokenLifetimeSeconds,
    });
    return { clientId };
  }

  /** Ends every token issued so far, as an admin revoking them would. */
  revokeAccessTokens(): void {
    this.#tokens.clear();
  }

  #firstUse(jti: unknown): boolean {
    if (typeof jti !== 'string' || jti === '' || this.#seenJtis.has(jti)) return false;
    this.#seenJtis.add(jti);
    return true;
  }

  /** Verifies a DPoP proof's signature (with the key it carries) and claims; returns its key's thumbprint, or what is wrong. */
  #verifyProof(
    proof: string,
    method: string,
    url: string,
    nowMs: number,
    extra: (claims: JwtClaims) => string | undefined,
  ): { jkt: string; claims: JwtClaims } | { problem: string } {
    try {
      const decoded = decodeJws(proof);
      const { header, claims: payload } = decoded;
      const jwk = publicJwkOf(header.jwk);
      if (header.typ !== 'dpop+jwt' || !jwk || typeof header.alg !== 'string')
        return { problem: 'DPoP proof header needs typ dpop+jwt, alg and a public jwk' };
      if (!verifiesWith(decoded, jwk)) return { problem: 'DPoP proof is not valid: signature verification failed' };
      const target = new URL(url);
      target.search = '';
      target.hash = '';
      if (payload.htm !== method || payload.htu !== target.href)
        return { problem: `DPoP proof htm/htu do not match ${method} ${target.href}` };
      if (typeof payload.iat !== 'number' || Math.abs(payload.iat - nowMs / 1000) > PROOF_WINDOW_S)
        return { problem: 'DPoP proof iat is not within a minute of now' };
      const problem = extra(payload);
      if (problem) return { problem };
      if (!this.#firstUse(payload.jti)) return { problem: 'DPoP proof jti is missing or was used before' };
      return { jkt: jwkThumbprint(jwk), claims: payload };
    } catch (error) {
      return { problem: `DPoP proof is not valid: ${(error as Error).message}` };
    }
  }

  /** `POST /oauth2/v1/token`. */
  async answerToken(body: string, proof: string | undefined, baseUrl: string, nowMs: number): Promise<Answer> {
    this.#tokenRequests++;
    const tokenUrl = `${baseUrl}/oauth2/v1/token`;
    const form = new URLSearchParams(body);
    if (form.get('grant_type') !== 'client_credentials')
      return oauthError(400, 'unsupported_grant_type', 'The authorization grant type is not supported by the authorization server.');
    const assertion = form.get('client_assertion');
    if (form.get('client_assertion_type') !== ASSERTION_TYPE || !assertion)
      return oauthError(401, 'invalid_client', 'A client_assertion of type jwt-bearer is required.');

    let decoded: ReturnType<typeof decodeJws>;
    try {
      decoded = decodeJws(assertion);
    } catch {
      return oauthError(401, 'invalid_client', 'The client_assertion is not a JWT.');
    }
    const clientId = decoded.claims.iss;
    const app = typeof clientId === 'string' ? this.#apps.get(clientId) : undefined;
    if (!app || typeof clientId !== 'string') return oauthError(401, 'invalid_client', 'The client_id is not valid.');
    const problem = assertionProblem(decoded, app.publicKey, clientId, tokenUrl, nowMs);
    if (problem) return oauthError(401, 'invalid_client', `The client_assertion is not valid: ${problem}`);
    // Okta consumes the assertion's jti on every request, even one it answers with use_dpop_nonce.
    if (!this.#firstUse(decoded.claims.jti)) return oauthError(401, 'invalid_client', 'The client_assertion token has already been used.');

    const requested = (form.get('scope') ?? '').split(' ').filter(Boolean);
    const notGranted = requested.filter((scope) => !app.scopes.has(scope));
    if (requested.length === 0 || notGranted.length > 0) {
      return oauthError(
        400,
        'invalid_scope',
        requested.length === 0 ? 'The scope parameter is required.' : `The following scopes are not allowed: ${notGranted.join(', ')}`,
      );
    }

    let boundTo: string | undefined;
    if (proof !== undefined) {
      const verified = this.#verifyProof(proof, 'POST', tokenUrl, nowMs, (claims) => (claims.nonce === this.#nonce ? undefined : 'nonce'));
      if ('problem' in verified) {
        if (verified.problem === 'nonce')
          return oauthError(400, 'use_dpop_nonce', 'Authorization server requires nonce in DPoP proof.', { 'dpop-nonce': this.#nonce });
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
      body: {
        token_type: boundTo ? 'DPoP' : 'Bearer',
        expires_in: app.tokenLifetimeSeconds,
        access_token: accessToken,
        scope: requested.join(' '),
      },
      headers: { 'cache-control': 'no-store' },
    };
  }

  /**
   * An API call with `Authorization: DPoP <token>`: its proof must be signed by the key the token is bound to,
   * for this method and URL, with `ath` the token's hash. Undefined when it is; the 401 otherwise.
   */
  async checkResourceProof(
    token: string,
    proof: string | undefined,
    method: string,
    url: string,
    nowMs: number,
  ): Promise<Answer | undefined> {
    const issued = this.#tokens.get(token);
    if (!issued?.boundTo) return undefined; // The handler answers for unknown and Bearer tokens.
    if (!proof) return invalidProof('DPoP proof is missing');
    const ath = sha256Base64url(token);
    const verified = this.#verifyProof(proof, method, url, nowMs, (claims) =>
      claims.ath === ath ? undefined : 'DPoP proof ath does not match the access token',
    );
    if ('problem' in verified) return invalidProof(verified.problem);
    return verified.jkt === issued.boundTo ? undefined : invalidProof('DPoP proof is not signed by the key the token is bound to');
  }
}
