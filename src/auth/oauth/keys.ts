/** The app's signing key, and the key pair that proves possession (DPoP). */
import { generateEs256KeyPair, importPrivateKey } from './jws.js';
import type { PrivateJwk } from './options.js';

export interface SigningKey {
  key: CryptoKey;
  alg: string;
  kid: string | undefined;
}

const EC_ALGORITHMS: Record<string, string> = { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' };
/** A PEM does not say its algorithm up front: try each one Okta accepts for private_key_jwt. */
const PEM_ALGORITHMS = ['RS256', 'ES256', 'ES384', 'ES512'];

function jwkAlgorithm(jwk: PrivateJwk): string {
  if (typeof jwk.alg === 'string') return jwk.alg;
  if (jwk.kty === 'RSA') return 'RS256';
  const alg = EC_ALGORITHMS[String(jwk.crv)];
  if (!alg) throw new TypeError(`oauth.privateKey: EC curve ${JSON.stringify(jwk.crv)} is not one Okta accepts (P-256, P-384, P-521)`);
  return alg;
}

/** Says what to fix in a key that cannot be the app's private key, before WebCrypto is asked. */
function checkPrivateKey(privateKey: PrivateJwk | string): void {
  if (typeof privateKey === 'string') {
    if (/-----BEGIN (RSA|EC) PRIVATE KEY-----/.test(privateKey)) {
      throw new TypeError(
        'oauth.privateKey is a PKCS#1 or SEC1 PEM; convert it to PKCS#8: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key.pk8.pem',
      );
    }
    if (!privateKey.includes('-----BEGIN PRIVATE KEY-----'))
      throw new TypeError('oauth.privateKey must be a PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----") or a JWK object');
    return;
  }
  if (privateKey.kty !== 'RSA' && privateKey.kty !== 'EC')
    throw new TypeError(`oauth.privateKey: a JWK with kty "RSA" or "EC" is needed; got ${JSON.stringify(privateKey.kty)}`);
  if (typeof privateKey.d !== 'string')
    throw new TypeError('oauth.privateKey is a public JWK (it has no "d"): pass the private key the app\'s public key belongs to');
}

export async function importSigningKey(privateKey: PrivateJwk | string, keyId: string | undefined): Promise<SigningKey> {
  checkPrivateKey(privateKey);
  if (typeof privateKey !== 'string') {
    const alg = jwkAlgorithm(privateKey);
    let key: CryptoKey;
    try {
      key = await importPrivateKey(privateKey as JsonWebKey, alg);
    } catch (error) {
      if (error instanceof TypeError) throw error;
      throw new TypeError(`oauth.privateKey: the JWK is not a usable ${alg} private key (${(error as Error).message})`);
    }
    return { key, alg, kid: keyId ?? (typeof privateKey.kid === 'string' ? privateKey.kid : undefined) };
  }
  for (const alg of PEM_ALGORITHMS) {
    try {
      return { key: await importPrivateKey(privateKey, alg), alg, kid: keyId };
    } catch {
      // not this algorithm's key
    }
  }
  throw new TypeError('oauth.privateKey: the PEM is not an RSA or EC (P-256, P-384, P-521) private key');
}

/** The DPoP key pair: made by the client, kept for its life, never the app's own key. */
export interface ProofKey {
  privateKey: CryptoKey;
  publicJwk: Record<string, unknown>;
  alg: 'ES256';
}

export async function generateProofKey(): Promise<ProofKey> {
  return { ...(await generateEs256KeyPair()), alg: 'ES256' };
}
