/**
 * Compact JWS verification for the embedded server, on node:crypto: what
 * Okta's token endpoint and resource server check of an assertion or a DPoP
 * proof. Its own code, sharing nothing with the client's signing.
 */
import { constants, createHash, createPublicKey, type JsonWebKey, verify } from 'node:crypto';

export type JwtClaims = Record<string, unknown>;

export interface DecodedJws {
  header: Record<string, unknown>;
  claims: JwtClaims;
  signingInput: string;
  signature: Buffer;
}

interface Verifier {
  hash: string;
  /** The key an algorithm is bound to, as Okta binds it: RSA for RS* and PS*, the curve for ES*. */
  kty: 'RSA' | 'EC';
  crv?: string;
  padding?: number;
  saltLength?: number;
  dsaEncoding?: 'ieee-p1363';
  /** ES*: a signature is r||s, each as long as the curve's order. */
  signatureBytes?: number;
}

const rsa = (hash: string, pss?: number): Verifier => ({
  hash,
  kty: 'RSA',
  ...(pss ? { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: pss } : {}),
});
const ec = (hash: string, crv: string, signatureBytes: number): Verifier => ({
  hash,
  kty: 'EC',
  crv,
  dsaEncoding: 'ieee-p1363',
  signatureBytes,
});

/** Hash and key per JWS algorithm; ECDSA signatures are r||s (IEEE P1363), as JWS has them. */
const VERIFIERS: Record<string, Verifier> = {
  RS256: rsa('sha256'),
  RS384: rsa('sha384'),
  RS512: rsa('sha512'),
  PS256: rsa('sha256', 32),
  PS384: rsa('sha384', 48),
  PS512: rsa('sha512', 64),
  ES256: ec('sha256', 'P-256', 64),
  ES384: ec('sha384', 'P-384', 96),
  ES512: ec('sha512', 'P-521', 132),
};

/** An RSA modulus's length in bytes: an RSA signature is exactly that long. */
function modulusBytes(jwk: JsonWebKey): number {
  const n = Buffer.from(jwk.n ?? '', 'base64url');
  let start = 0;
  while (start < n.length && n[start] === 0) start++;
  return n.length - start;
}

function decodeJson(part: string): Record<string, unknown> {
  const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not a JSON object');
  return value as Record<string, unknown>;
}

/** Header and claims, unverified; throws when the token is not a compact JWS with JSON parts. */
export function decodeJws(token: string): DecodedJws {
  const parts = token.split('.');
  if (parts.length !== 3) throw new Error('not a compact JWS (three parts)');
  const [header, claims, signature] = parts as [string, string, string];
  return {
    header: decodeJson(header),
    claims: decodeJson(claims),
    signingInput: `${header}.${claims}`,
    signature: Buffer.from(signature, 'base64url'),
  };
}

/**
 * True when `jws` is signed, under its header's `alg`, by the private half of `publicJwk`, and `alg` is one
 * that key can sign with (as Okta checks): never a signature of another algorithm that happens to verify.
 */
export function verifiesWith(jws: DecodedJws, publicJwk: JsonWebKey): boolean {
  const verifier = typeof jws.header.alg === 'string' ? VERIFIERS[jws.header.alg] : undefined;
  if (!verifier || publicJwk.kty !== verifier.kty || (verifier.crv !== undefined && publicJwk.crv !== verifier.crv)) return false;
  const expectedBytes = verifier.signatureBytes ?? modulusBytes(publicJwk);
  if (jws.signature.length !== expectedBytes) return false;
  const { hash, kty: _kty, crv: _crv, signatureBytes: _bytes, ...options } = verifier;
  try {
    return verify(
      hash,
      Buffer.from(jws.signingInput),
      { key: createPublicKey({ key: publicJwk, format: 'jwk' }), ...options },
      jws.signature,
    );
  } catch {
    return false;
  }
}

/** RFC 7638 thumbprint: SHA-256 of the key's required members, in order. */
export function jwkThumbprint(jwk: JsonWebKey): string {
  const members = jwk.kty === 'EC' ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y } : { e: jwk.e, kty: jwk.kty, n: jwk.n };
  return createHash('sha256').update(JSON.stringify(members)).digest('base64url');
}

export function sha256Base64url(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
