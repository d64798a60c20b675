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

/** Hash and key options per JWS algorithm; ECDSA signatures are r||s (IEEE P1363), as JWS has them. */
const VERIFIERS: Record<string, { hash: string; padding?: number; saltLength?: number; dsaEncoding?: 'ieee-p1363' }> = {
  RS256: { hash: 'sha256' },
  RS384: { hash: 'sha384' },
  RS512: { hash: 'sha512' },
  PS256: { hash: 'sha256', padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
  PS384: { hash: 'sha384', padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 48 },
  PS512: { hash: 'sha512', padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 64 },
  ES256: { hash: 'sha256', dsaEncoding: 'ieee-p1363' },
  ES384: { hash: 'sha384', dsaEncoding: 'ieee-p1363' },
  ES512: { hash: 'sha512', dsaEncoding: 'ieee-p1363' },
};

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
  return { header: decodeJson(header), claims: decodeJson(claims), signingInput: `${header}.${claims}`, signature: Buffer.from(signature, 'base64url') };
}

/** True when `jws` is signed, under its header's `alg`, by the private half of `publicJwk`. */
export function verifiesWith(jws: DecodedJws, publicJwk: JsonWebKey): boolean {
  const verifier = typeof jws.header.alg === 'string' ? VERIFIERS[jws.header.alg] : undefined;
  if (!verifier) return false;
  const { hash, ...options } = verifier;
  try {
    return verify(hash, Buffer.from(jws.signingInput), { key: createPublicKey({ key: publicJwk, format: 'jwk' }), ...options }, jws.signature);
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
