/** What a client needs for an OAuth 2.0 service app (client credentials with private_key_jwt). */

/** A JSON Web Key as the app's key is usually stored: RSA or EC, with its private part. */
export interface PrivateJwk {
  /** Key type: `RSA` (RS256) or `EC` (ES256). */
  kty: 'RSA' | 'EC';
  /** The key's id in the app (Okta's `kid`); sent in each assertion's header. */
  kid?: string;
  /** The algorithm, when the key names one (`RS256`, `ES256`). */
  alg?: string;
  /** The private part: a key without it cannot sign. */
  d: string;
  [member: string]: unknown;
}

/** An OAuth 2.0 service app: client credentials with a `private_key_jwt` assertion, and DPoP when Okta asks for it. */
export interface OAuthOptions {
  /** The service app's client id (`0oa…`). */
  clientId: string;
  /** The private key registered with the app: a JWK object, or a PKCS#8 PEM string (`-----BEGIN PRIVATE KEY-----`). */
  privateKey: PrivateJwk | string;
  /** The key's id in the app; defaults to the JWK's `kid`. */
  keyId?: string;
  /** Scopes to request, e.g. `okta.sessions.read`, `okta.sessions.manage`; granted to the app in Okta. */
  scopes: readonly string[];
  /**
   * Demonstrating Proof-of-Possession. `'auto'` (default): start without, switch when Okta says the app
   * requires it (new service apps do). `true`: always; `false`: never.
   */
  dpop?: 'auto' | boolean;
}

export type DpopMode = 'auto' | boolean;

const SCOPE = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

/** Checks the options' shape at construction and says what to fix; the key itself is checked when it is imported, on first use (keys.ts). */
export function checkOAuthOptions(options: unknown): Required<Omit<OAuthOptions, 'keyId'>> & { keyId: string | undefined } {
  if (typeof options !== 'object' || options === null) throw new TypeError('oauth must be an object: { clientId, privateKey, scopes }');
  const { clientId, privateKey, keyId, scopes, dpop = 'auto' } = options as Record<string, unknown>;
  if (typeof clientId !== 'string' || clientId.trim() === '')
    throw new TypeError('oauth.clientId must be the service app\'s client id, e.g. "0oa…"');
  if (!Array.isArray(scopes) || scopes.length === 0)
    throw new TypeError('oauth.scopes must list the scopes to request, e.g. ["okta.sessions.read"]');
  for (const scope of scopes) {
    if (typeof scope !== 'string' || !SCOPE.test(scope))
      throw new TypeError(`oauth.scopes: ${JSON.stringify(scope)} is not a scope; give each one as its own string`);
  }
  if (keyId !== undefined && (typeof keyId !== 'string' || keyId === '')) throw new TypeError('oauth.keyId must be a non-empty string');
  if (dpop !== 'auto' && typeof dpop !== 'boolean')
    throw new TypeError(`oauth.dpop must be 'auto', true or false; got ${JSON.stringify(dpop)}`);
  if (typeof privateKey !== 'string' && (typeof privateKey !== 'object' || privateKey === null))
    throw new TypeError('oauth.privateKey must be a JWK object or a PKCS#8 PEM string');
  return { clientId, privateKey: privateKey as PrivateJwk | string, keyId, scopes: [...scopes] as string[], dpop };
}
