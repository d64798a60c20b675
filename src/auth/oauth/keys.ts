/** The app's signing key, and the key pair that proves possession (DPoP). */
import type { Jose } from './jose.js';
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

export async function importSigningKey(jose: Jose, privateKey: PrivateJwk | string, keyId: string | undefined): Promise<SigningKey> {
  if (typeof privateKey !== 'string') {
    const alg = jwkAlgorithm(privateKey);
    const key = await jose.importJWK(privateKey, alg);
    if (!(key instanceof CryptoKey)) throw new TypeError('oauth.privateKey: not an asymmetric key');
    return { key, alg, kid: keyId ?? (typeof privateKey.kid === 'string' ? privateKey.kid : undefined) };
  }
  for (const alg of PEM_ALGORITHMS) {
    try {
      return { key: await jose.importPKCS8(privateKey, alg), alg, kid: keyId };
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

export async function generateProofKey(jose: Jose): Promise<ProofKey> {
  const { privateKey, publicKey } = await jose.generateKeyPair('ES256');
  const { kty, crv, x, y } = await jose.exportJWK(publicKey);
  return { privateKey, publicJwk: { kty, crv, x, y }, alg: 'ES256' };
}
