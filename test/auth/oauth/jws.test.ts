/** The client's WebCrypto JWS, checked by an independent implementation (jose, a dev dependency only). */
import { generateKeyPairSync } from 'node:crypto';
import { calculateJwkThumbprint, compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { importSigningKey } from '../../../src/auth/oauth/keys.js';
import { signJws } from '../../../src/auth/oauth/jws.js';
import { decodeJws, jwkThumbprint, verifiesWith } from '../../../src/testing/jws.js';
import type { PrivateJwk } from '../../../src/auth/oauth/options.js';

const KEYS = [
  ['RS256', () => generateKeyPairSync('rsa', { modulusLength: 2048 })],
  ['ES256', () => generateKeyPairSync('ec', { namedCurve: 'P-256' })],
  ['ES384', () => generateKeyPairSync('ec', { namedCurve: 'P-384' })],
  ['ES512', () => generateKeyPairSync('ec', { namedCurve: 'P-521' })],
] as const;

describe('JWS signing', () => {
  it.each(KEYS)('%s: a JWK and a PKCS#8 PEM sign tokens that jose and the embedded server verify', async (alg, generate) => {
    const { privateKey, publicKey } = generate();
    const publicJwk = publicKey.export({ format: 'jwk' });
    const fromJwk = await importSigningKey(privateKey.export({ format: 'jwk' }) as PrivateJwk, 'key-1');
    const fromPem = await importSigningKey(privateKey.export({ format: 'pem', type: 'pkcs8' }) as string, undefined);
    expect([fromJwk.alg, fromPem.alg, fromJwk.kid]).toEqual([alg, alg, 'key-1']);
    for (const { key } of [fromJwk, fromPem]) {
      const token = await signJws({ alg, kid: 'key-1' }, { iss: '0oa1', jti: 'ü-unicode' }, key);
      const { payload } = await compactVerify(token, await importJWK(publicJwk as never, alg));
      expect(JSON.parse(new TextDecoder().decode(payload))).toEqual({ iss: '0oa1', jti: 'ü-unicode' });
      expect(decodeProtectedHeader(token)).toEqual({ alg, kid: 'key-1' });
      expect(verifiesWith(decodeJws(token), publicJwk)).toBe(true);
      const tampered = `${token.slice(0, token.lastIndexOf('.'))}.${Buffer.from('forged').toString('base64url')}`;
      expect(verifiesWith(decodeJws(tampered), publicJwk)).toBe(false);
    }
  });

  it('the embedded server computes RFC 7638 thumbprints as jose does', async () => {
    for (const [, generate] of KEYS) {
      const jwk = generate().publicKey.export({ format: 'jwk' });
      expect(jwkThumbprint(jwk)).toBe(await calculateJwkThumbprint(jwk as never));
    }
  });

  it('says what to fix in a key WebCrypto cannot use', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = privateKey.export({ format: 'jwk' }) as PrivateJwk;
    await expect(importSigningKey({ ...jwk, alg: 'HS256' }, undefined)).rejects.toThrow(/alg "HS256" is not one Okta accepts/);
    await expect(importSigningKey({ ...jwk, d: 'AAAA' }, undefined)).rejects.toThrow(/the JWK is not a usable ES256 private key/);
  });
});
