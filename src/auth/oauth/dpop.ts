/** DPoP proofs (RFC 9449): one per HTTP request, each retry included, with a fresh jti. */
import { base64url, signJws } from './jws.js';
import type { ProofKey } from './keys.js';

/** `htu`: the request URL without query and fragment. */
function targetUri(url: string): string {
  const parsed = new URL(url);
  parsed.search = '';
  parsed.hash = '';
  return parsed.href;
}

/** `ath`: base64url of the SHA-256 of the access token. */
async function tokenHash(accessToken: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(accessToken));
  return base64url(new Uint8Array(digest));
}

/** A proof for one request; `issuedAtS` is now on Okta's clock, as the client estimates it. */
export async function dpopProof(
  key: ProofKey,
  request: { method: string; url: string; issuedAtS: number; nonce?: string | undefined; accessToken?: string },
): Promise<string> {
  const claims: Record<string, unknown> = {
    htm: request.method,
    htu: targetUri(request.url),
    jti: crypto.randomUUID(),
    iat: request.issuedAtS,
  };
  if (request.nonce !== undefined) claims.nonce = request.nonce;
  if (request.accessToken !== undefined) claims.ath = await tokenHash(request.accessToken);
  return signJws({ typ: 'dpop+jwt', alg: key.alg, jwk: key.publicJwk }, claims, key.privateKey);
}
