/**
 * The embedded server verifies as strictly as Okta: an algorithm is bound to its key (RS and PS to RSA, ES256,
 * ES384 and ES512 to P-256, P-384 and P-521) and a signature must be as long as that algorithm's, so a client
 * that mislabels what it signs fails our own tests as it would fail against Okta.
 */
import { generateKeyPairSync, type KeyObject, randomUUID, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OktaSessionsServer, startOktaSessionsServer } from '../../src/testing/index.js';
import { decodeJws, verifiesWith } from '../../src/testing/jws.js';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A compact JWS whose header says `alg`, signed however the test says (hash, key and encoding). */
function jws(
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
  key: KeyObject,
  hash: string,
  dsaEncoding?: 'der' | 'ieee-p1363',
): string {
  const input = `${b64(header)}.${b64(claims)}`;
  const signature = sign(hash, Buffer.from(input), dsaEncoding ? { key, dsaEncoding } : key);
  return `${input}.${signature.toString('base64url')}`;
}

const keys = {
  p256: generateKeyPairSync('ec', { namedCurve: 'P-256' }),
  p384: generateKeyPairSync('ec', { namedCurve: 'P-384' }),
  p521: generateKeyPairSync('ec', { namedCurve: 'P-521' }),
  rsa: generateKeyPairSync('rsa', { modulusLength: 2048 }),
};
const publicJwk = (pair: { publicKey: KeyObject }) => pair.publicKey.export({ format: 'jwk' });

/** Signed as the label says: these verify. */
const HONEST = [
  ['RS256 on an RSA key', 'RS256', keys.rsa, 'sha256', undefined],
  ['ES256 on P-256', 'ES256', keys.p256, 'sha256', 'ieee-p1363'],
  ['ES384 on P-384', 'ES384', keys.p384, 'sha384', 'ieee-p1363'],
  ['ES512 on P-521', 'ES512', keys.p521, 'sha512', 'ieee-p1363'],
] as const;

/** Labelled with an algorithm the key cannot sign with, each of which node:crypto alone would verify. */
const MISLABELLED = [
  ['RS256 signed with an EC key (DER ECDSA)', 'RS256', keys.p256, 'sha256', 'der'],
  ['ES256 signed with a P-384 key', 'ES256', keys.p384, 'sha256', 'ieee-p1363'],
  ['ES256 signed with an RSA key', 'ES256', keys.rsa, 'sha256', undefined],
  ['ES384 signed with a P-256 key', 'ES384', keys.p256, 'sha384', 'ieee-p1363'],
] as const;

describe('verifiesWith binds alg to the key', () => {
  it.each(HONEST)('accepts %s', (_name, alg, pair, hash, encoding) => {
    expect(verifiesWith(decodeJws(jws({ alg }, { a: 1 }, pair.privateKey, hash, encoding)), publicJwk(pair))).toBe(true);
  });

  it.each(MISLABELLED)('refuses %s', (_name, alg, pair, hash, encoding) => {
    expect(verifiesWith(decodeJws(jws({ alg }, { a: 1 }, pair.privateKey, hash, encoding)), publicJwk(pair))).toBe(false);
  });

  it('refuses a signature of the wrong length (an ES256 signature padded out)', () => {
    const token = decodeJws(jws({ alg: 'ES256' }, { a: 1 }, keys.p256.privateKey, 'sha256', 'ieee-p1363'));
    expect(verifiesWith({ ...token, signature: Buffer.concat([token.signature, Buffer.alloc(1)]) }, publicJwk(keys.p256))).toBe(false);
  });
});

describe('the token endpoint and DPoP checks refuse a mislabelled assertion or proof, as Okta does', () => {
  let server: OktaSessionsServer;
  beforeAll(async () => {
    server = await startOktaSessionsServer({ rateLimit: false });
  });
  afterAll(() => server.close());

  const tokenUrl = () => `${server.url}/oauth2/v1/token`;
  function assertion(clientId: string, alg: string, key: KeyObject, hash: string, encoding: 'der' | 'ieee-p1363' | undefined): string {
    const now = Math.floor(Date.now() / 1000);
    return jws(
      { alg },
      { iss: clientId, sub: clientId, aud: tokenUrl(), iat: now, exp: now + 300, jti: randomUUID() },
      key,
      hash,
      encoding,
    );
  }
  const tokenRequest = (clientAssertion: string, proof?: string) =>
    fetch(tokenUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(proof ? { dpop: proof } : {}) },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        scope: 'okta.sessions.read',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: clientAssertion,
      }),
    });

  it.each(MISLABELLED)('a client assertion: %s gets 401 invalid_client', async (_name, alg, pair, hash, encoding) => {
    const { clientId } = server.registerServiceApp({ publicKey: publicJwk(pair), scopes: ['okta.sessions.read'], requireDpop: false });
    const answer = await tokenRequest(assertion(clientId, alg, pair.privateKey, hash, encoding));
    expect(answer.status).toBe(401);
    expect(await answer.json()).toMatchObject({
      error: 'invalid_client',
      error_description: expect.stringContaining('signature verification failed'),
    });
  });

  it.each(HONEST)('a client assertion: %s gets a token', async (_name, alg, pair, hash, encoding) => {
    const { clientId } = server.registerServiceApp({ publicKey: publicJwk(pair), scopes: ['okta.sessions.read'], requireDpop: false });
    expect((await tokenRequest(assertion(clientId, alg, pair.privateKey, hash, encoding))).status).toBe(200);
  });

  it.each(MISLABELLED)('a DPoP proof: %s gets 400 invalid_dpop_proof', async (_name, alg, pair, hash, encoding) => {
    const { clientId } = server.registerServiceApp({ publicKey: publicJwk(keys.p256), scopes: ['okta.sessions.read'] });
    const proof = jws(
      { typ: 'dpop+jwt', alg, jwk: publicJwk(pair) },
      { htm: 'POST', htu: tokenUrl(), iat: Math.floor(Date.now() / 1000), jti: randomUUID() },
      pair.privateKey,
      hash,
      encoding,
    );
    const answer = await tokenRequest(assertion(clientId, 'ES256', keys.p256.privateKey, 'sha256', 'ieee-p1363'), proof);
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({
      error: 'invalid_dpop_proof',
      error_description: expect.stringContaining('signature verification failed'),
    });
  });

  it('an honest proof passes the same checks, and meets the nonce challenge', async () => {
    const { clientId } = server.registerServiceApp({ publicKey: publicJwk(keys.p256), scopes: ['okta.sessions.read'] });
    const proof = jws(
      { typ: 'dpop+jwt', alg: 'ES256', jwk: publicJwk(keys.p256) },
      { htm: 'POST', htu: tokenUrl(), iat: Math.floor(Date.now() / 1000), jti: randomUUID() },
      keys.p256.privateKey,
      'sha256',
      'ieee-p1363',
    );
    const answer = await tokenRequest(assertion(clientId, 'ES256', keys.p256.privateKey, 'sha256', 'ieee-p1363'), proof);
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ error: 'use_dpop_nonce' });
  });
});
