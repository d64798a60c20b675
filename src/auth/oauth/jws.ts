/**
 * Compact JWS signing (RFC 7515) with WebCrypto: all of JOSE a service app
 * needs (a signed client assertion and DPoP proofs). It runs wherever
 * `crypto.subtle` does, from CommonJS and ESM alike, and adds nothing to the
 * install. Signing only: nothing here parses a token from elsewhere.
 */

interface AlgorithmParams {
  importAs: RsaHashedImportParams | EcKeyImportParams;
  signWith: AlgorithmIdentifier | RsaPssParams | EcdsaParams;
}

const rsa = (hash: string): AlgorithmParams => ({ importAs: { name: 'RSASSA-PKCS1-v1_5', hash }, signWith: { name: 'RSASSA-PKCS1-v1_5' } });
const pss = (bits: number): AlgorithmParams => ({
  importAs: { name: 'RSA-PSS', hash: `SHA-${bits}` },
  signWith: { name: 'RSA-PSS', saltLength: bits / 8 },
});
const ec = (namedCurve: string, hash: string): AlgorithmParams => ({
  importAs: { name: 'ECDSA', namedCurve },
  signWith: { name: 'ECDSA', hash },
});

/** The JWS algorithms Okta accepts for private_key_jwt (WebCrypto's ECDSA signature is already JWS's r||s). */
const ALGORITHMS: Record<string, AlgorithmParams> = {
  RS256: rsa('SHA-256'),
  RS384: rsa('SHA-384'),
  RS512: rsa('SHA-512'),
  PS256: pss(256),
  PS384: pss(384),
  PS512: pss(512),
  ES256: ec('P-256', 'SHA-256'),
  ES384: ec('P-384', 'SHA-384'),
  ES512: ec('P-521', 'SHA-512'),
};

function paramsOf(alg: string): AlgorithmParams {
  const params = ALGORITHMS[alg];
  if (!params)
    throw new TypeError(`oauth.privateKey: alg ${JSON.stringify(alg)} is not one Okta accepts (${Object.keys(ALGORITHMS).join(', ')})`);
  return params;
}

export function base64url(data: Uint8Array | string): string {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The DER inside a PEM. */
function pemBody(pem: string): Uint8Array<ArrayBuffer> {
  const base64 = pem.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '').replace(/\s+/g, '');
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A private signing key for `alg`, from a JWK or a PKCS#8 PEM; not extractable. */
export function importPrivateKey(key: JsonWebKey | string, alg: string): Promise<CryptoKey> {
  const { importAs } = paramsOf(alg);
  return typeof key === 'string'
    ? crypto.subtle.importKey('pkcs8', pemBody(key), importAs, false, ['sign'])
    : crypto.subtle.importKey('jwk', key, importAs, false, ['sign']);
}

/** A P-256 key pair for DPoP: the private key cannot leave, the public one goes in every proof. */
export async function generateEs256KeyPair(): Promise<{ privateKey: CryptoKey; publicJwk: Record<string, unknown> }> {
  const { privateKey, publicKey } = await crypto.subtle.generateKey(ALGORITHMS.ES256?.importAs as EcKeyImportParams, false, [
    'sign',
    'verify',
  ]);
  const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', publicKey);
  return { privateKey, publicJwk: { kty, crv, x, y } };
}

/** `header.payload.signature`, signed with `key` under `header.alg`. */
export async function signJws(
  header: { alg: string } & Record<string, unknown>,
  payload: Record<string, unknown>,
  key: CryptoKey,
): Promise<string> {
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const signature = await crypto.subtle.sign(paramsOf(header.alg).signWith, key, new TextEncoder().encode(signingInput));
  return `${signingInput}.${base64url(new Uint8Array(signature))}`;
}
