/**
 * OAuth 2.0 service apps against the embedded server, which verifies every
 * client assertion and DPoP proof for real (signatures, claims, single-use jtis).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { decodeJwt, decodeProtectedHeader, exportJWK, exportPKCS8, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renewalMarginMs } from '../../../src/auth/oauth/authorizer.js';
import { OktaAuthenticationError, OktaConnectionError, OktaOAuthError, OktaSessions, type OAuthOptions } from '../../../src/index.js';
import { type OktaSessionsServer, startOktaSessionsServer } from '../../../src/testing/index.js';
import { rejectionOf } from '../../support/okta.js';

const SCOPES = ['okta.sessions.read', 'okta.sessions.manage'];

interface SentRequest {
  url: string;
  method: string;
  headers: Headers;
  body: string;
}

/** A fetch that records what the client sends, then sends it. */
function recordingFetch(sent: SentRequest[]): typeof fetch {
  return async (input, init) => {
    sent.push({
      url: String(input),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? init.body : '',
    });
    return fetch(input, init);
  };
}

async function ecKey(kid = 'ec-1') {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  return {
    privateJwk: { ...(await exportJWK(privateKey)), kid } as OAuthOptions['privateKey'],
    publicJwk: { ...(await exportJWK(publicKey)), kid },
  };
}

describe('OAuth 2.0 service apps (private_key_jwt, DPoP)', () => {
  let server: OktaSessionsServer;
  let key: Awaited<ReturnType<typeof ecKey>>;
  let sessionId: string;

  beforeAll(async () => {
    server = await startOktaSessionsServer({ rateLimit: false });
    key = await ecKey();
    sessionId = server.issueSession({ login: 'ada@example.com' });
  });
  afterAll(() => server.close());

  function client(
    options: {
      requireDpop?: boolean;
      dpop?: OAuthOptions['dpop'];
      tokenLifetimeSeconds?: number;
      grant?: string[];
      scopes?: string[];
    } = {},
  ) {
    const { clientId } = server.registerServiceApp({
      publicKey: key.publicJwk,
      scopes: options.grant ?? SCOPES,
      requireDpop: options.requireDpop,
      tokenLifetimeSeconds: options.tokenLifetimeSeconds,
    });
    const sent: SentRequest[] = [];
    const okta = new OktaSessions({
      orgUrl: server.url,
      fetch: recordingFetch(sent),
      oauth: {
        clientId,
        privateKey: key.privateJwk,
        scopes: options.scopes ?? SCOPES,
        ...(options.dpop === undefined ? {} : { dpop: options.dpop }),
      },
    });
    const tokenRequests = () => sent.filter((request) => request.url.endsWith('/oauth2/v1/token'));
    const apiRequests = () => sent.filter((request) => request.url.includes('/api/v1/'));
    return { okta, clientId, sent, tokenRequests, apiRequests };
  }

  it('DPoP by default: starts without, switches on invalid_dpop_proof, answers use_dpop_nonce with a new assertion, then calls with Authorization: DPoP and a proof', async () => {
    const { okta, clientId, tokenRequests, apiRequests } = client();
    expect((await okta.get(sessionId)).login).toBe('ada@example.com');

    const [withoutProof, withoutNonce, accepted] = tokenRequests();
    expect(tokenRequests()).toHaveLength(3);
    expect(withoutProof?.headers.has('dpop')).toBe(false);
    const proofs = [withoutNonce, accepted].map((request) => decodeJwt(request?.headers.get('dpop') ?? ''));
    expect(proofs[0]?.nonce).toBeUndefined();
    expect(typeof proofs[1]?.nonce).toBe('string');
    expect(proofs[1]).toMatchObject({ htm: 'POST', htu: `${server.url}/oauth2/v1/token` });
    expect(decodeProtectedHeader(accepted?.headers.get('dpop') ?? '')).toMatchObject({
      typ: 'dpop+jwt',
      alg: 'ES256',
      jwk: { kty: 'EC', crv: 'P-256' },
    });
    expect(decodeProtectedHeader(accepted?.headers.get('dpop') ?? '').jwk).not.toHaveProperty('d');

    const assertions = tokenRequests().map((request) => decodeJwt(new URLSearchParams(request.body).get('client_assertion') ?? ''));
    expect(new Set(assertions.map((claims) => claims.jti)).size).toBe(3);
    for (const claims of assertions) {
      expect(claims).toMatchObject({ iss: clientId, sub: clientId, aud: `${server.url}/oauth2/v1/token` });
      expect((claims.exp as number) - (claims.iat as number)).toBeLessThanOrEqual(3600);
    }
    expect(new URLSearchParams(accepted?.body).get('scope')).toBe('okta.sessions.read okta.sessions.manage');

    const [call] = apiRequests();
    expect(call?.headers.get('authorization')).toMatch(/^DPoP eyJ/);
    const proof = decodeJwt(call?.headers.get('dpop') ?? '');
    expect(proof).toMatchObject({ htm: 'GET', htu: `${server.url}/api/v1/sessions/${sessionId}` });
    expect(typeof proof.ath).toBe('string');
  });

  it('Bearer for an app that does not require DPoP: one token request, no proofs', async () => {
    const { okta, tokenRequests, apiRequests } = client({ requireDpop: false });
    await okta.get(sessionId);
    expect(tokenRequests()).toHaveLength(1);
    expect(tokenRequests()[0]?.headers.has('dpop')).toBe(false);
    expect(apiRequests()[0]?.headers.get('authorization')).toMatch(/^Bearer /);
    expect(apiRequests()[0]?.headers.has('dpop')).toBe(false);
  });

  it('dpop: true sends a proof from the first token request', async () => {
    const { okta, tokenRequests } = client({ dpop: true });
    await okta.get(sessionId);
    expect(tokenRequests().map((request) => request.headers.has('dpop'))).toEqual([true, true]);
  });

  it('reuses one token across 100 sequential calls, each with its own proof', async () => {
    const { okta, tokenRequests, apiRequests } = client();
    for (let i = 0; i < 100; i++) await okta.refresh(sessionId);
    expect(tokenRequests()).toHaveLength(3); // the first call's DPoP handshake, once
    expect(new Set(apiRequests().map((request) => decodeJwt(request.headers.get('dpop') ?? '').jti)).size).toBe(100);
  });

  it('50 concurrent first calls share one token request', async () => {
    const { okta, tokenRequests } = client({ requireDpop: false });
    const sessions = await Promise.all(Array.from({ length: 50 }, () => okta.get(sessionId)));
    expect(sessions).toHaveLength(50);
    expect(tokenRequests()).toHaveLength(1);
  });

  it('renews before expiry: a 2 s token is replaced after 1 s, without a 401', async () => {
    const { okta, tokenRequests, apiRequests } = client({ requireDpop: false, tokenLifetimeSeconds: 2 });
    await okta.get(sessionId);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await okta.get(sessionId);
    expect(tokenRequests()).toHaveLength(2);
    expect(apiRequests()).toHaveLength(2); // no call was refused and retried
  });

  it('a 401 (token revoked) clears the token and retries the call once with a new one', async () => {
    const { okta, tokenRequests, apiRequests } = client();
    await okta.get(sessionId);
    const before = tokenRequests().length;
    server.revokeAccessTokens();
    expect((await okta.get(sessionId)).id).toBe(sessionId);
    expect(tokenRequests().length).toBe(before + 1); // the nonce is remembered: one request
    const [, refused, retried] = apiRequests();
    expect(refused?.headers.get('authorization')).not.toBe(retried?.headers.get('authorization'));
  });

  it('a second 401 is the caller’s OktaAuthenticationError', async () => {
    const { okta, tokenRequests } = client({ requireDpop: false });
    await okta.get(sessionId);
    server.inject({ type: 'status', status: 401 }, { operation: 'getSession', times: 2 });
    const error = await okta.get(sessionId).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OktaAuthenticationError);
    expect(tokenRequests()).toHaveLength(2);
  });

  it('a 429 retry carries a new proof (a new jti), which the server accepts', async () => {
    const { okta, apiRequests } = client();
    await okta.get(sessionId);
    server.inject(
      { type: 'status', status: 429, headers: { 'x-rate-limit-reset': String(Math.ceil(Date.now() / 1000)) } },
      { operation: 'getSession' },
    );
    await okta.get(sessionId);
    const [, limited, retried] = apiRequests().map((request) => decodeJwt(request.headers.get('dpop') ?? ''));
    expect(limited?.jti).toBeDefined();
    expect(retried?.jti).not.toBe(limited?.jti);
  });

  it('token endpoint 503 and 429 are retried, with a new assertion each time', async () => {
    const { okta, tokenRequests } = client({ requireDpop: false });
    server.inject({ type: 'status', status: 503 }, { operation: 'oauthToken' });
    server.inject({ type: 'status', status: 429 }, { operation: 'oauthToken' });
    await okta.get(sessionId);
    expect(tokenRequests()).toHaveLength(3);
    const jtis = tokenRequests().map((request) => decodeJwt(new URLSearchParams(request.body).get('client_assertion') ?? '').jti);
    expect(new Set(jtis).size).toBe(3);
  });

  it('invalid_client and invalid_scope are OktaOAuthErrors that say what to check, with no secret in them', async () => {
    const other = await ecKey('other');
    const { clientId } = server.registerServiceApp({ publicKey: other.publicJwk, scopes: SCOPES, requireDpop: false });
    const wrongKey = new OktaSessions({ orgUrl: server.url, oauth: { clientId, privateKey: key.privateJwk, scopes: SCOPES } });
    const invalidClient = (await wrongKey.get(sessionId).catch((caught: unknown) => caught)) as OktaOAuthError;
    expect(invalidClient).toBeInstanceOf(OktaOAuthError);
    expect(invalidClient).toMatchObject({ status: 401, error: 'invalid_client', operationId: 'getSession', path: '/oauth2/v1/token' });
    expect(invalidClient.message).toContain('check oauth.clientId, and that oauth.privateKey is the key registered with the app');

    const { okta } = client({ grant: ['okta.sessions.read'], requireDpop: false });
    const invalidScope = (await okta.get(sessionId).catch((caught: unknown) => caught)) as OktaOAuthError;
    expect(invalidScope).toMatchObject({ status: 400, error: 'invalid_scope' });
    expect(invalidScope.message).toContain('okta.sessions.manage');
    expect(invalidScope.message).toContain('grant the scopes to the app in Okta');

    const privatePart = String((key.privateJwk as { d: string }).d);
    for (const shown of [invalidClient, invalidScope].flatMap((error) => [
      error.message,
      error.stack ?? '',
      JSON.stringify(error),
      inspect(error, { depth: 5 }),
    ])) {
      expect(shown).not.toContain(privatePart);
      expect(shown).not.toMatch(/eyJ[\w-]{20,}\.[\w-]{20,}\./); // no JWT: assertion or proof
    }
    expect(inspect(wrongKey, { depth: 5, showHidden: true })).not.toContain(privatePart);
  });

  it('an unreachable token endpoint is an OktaConnectionError after the retries, within the call budget', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const orgUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    const okta = new OktaSessions({
      orgUrl,
      retry: { maxRetries: 2, maxDelayMs: 200 },
      oauth: { clientId: '0oa1', privateKey: key.privateJwk, scopes: SCOPES },
    });
    const error = (await okta.get(sessionId).catch((caught: unknown) => caught)) as Error;
    expect(error).toBeInstanceOf(OktaConnectionError);
    expect(error.message).toMatch(
      /^Could not get an access token from Okta: .*ECONNREFUSED.*\(after 3 attempts\) \(POST \/oauth2\/v1\/token\)$/,
    );
  });

  it('dpop: false with an app that requires DPoP says to turn it on', async () => {
    const { okta } = client({ dpop: false });
    const error = (await okta.get(sessionId).catch((caught: unknown) => caught)) as OktaOAuthError;
    expect(error).toMatchObject({ error: 'invalid_dpop_proof' });
    expect(error.message).toContain("set oauth.dpop to 'auto' or true");
  });

  it('takes an RSA key as a PKCS#8 PEM, with keyId', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const { clientId } = server.registerServiceApp({ publicKey: { ...(await exportJWK(publicKey)), kid: 'rsa-1' }, scopes: SCOPES });
    const sent: SentRequest[] = [];
    const okta = new OktaSessions({
      orgUrl: server.url,
      fetch: recordingFetch(sent),
      oauth: { clientId, privateKey: await exportPKCS8(privateKey), keyId: 'rsa-1', scopes: SCOPES },
    });
    expect((await okta.get(sessionId)).id).toBe(sessionId);
    const assertion = new URLSearchParams(sent[0]?.body).get('client_assertion') ?? '';
    expect(decodeProtectedHeader(assertion)).toMatchObject({ alg: 'RS256', kid: 'rsa-1' });
  });

  it('follows the spec per operation: create() takes only an API token, and a missing scope is refused before anything is sent', async () => {
    const { okta, sent } = client();
    await expect(okta.create('20111abc')).rejects.toThrow(
      new TypeError(
        "create() (createSession) accepts only an API token (apiToken), as Okta's spec says; this client has OAuth credentials",
      ),
    );
    const readOnly = client({ scopes: ['okta.sessions.read'] });
    await expect(readOnly.okta.revoke(sessionId)).rejects.toThrow(
      'revoke() needs the scope okta.sessions.manage: add it to oauth.scopes, and grant it to the app in Okta',
    );
    expect([...sent, ...readOnly.sent]).toEqual([]);
  });

  it('checks the options when the client is made, and the key when it is first used, before anything is sent', async () => {
    const orgUrl = server.url;
    const base = { clientId: '0oa1', privateKey: key.privateJwk, scopes: SCOPES };
    expect(() => new OktaSessions({ orgUrl, oauth: { ...base, scopes: [] } })).toThrow('oauth.scopes must list the scopes to request');
    expect(() => new OktaSessions({ orgUrl, oauth: { ...base, dpop: 'yes' as never } })).toThrow(
      "oauth.dpop must be 'auto', true or false",
    );
    expect(() => new OktaSessions({ orgUrl, oauth: { ...base, privateKey: 42 as never } })).toThrow(
      'oauth.privateKey must be a JWK object or a PKCS#8 PEM string',
    );
    expect(() => new OktaSessions({ orgUrl, apiToken: 'abc', oauth: base })).toThrow(
      'Pass one of apiToken, accessToken or oauth, not apiToken and oauth',
    );
    const sent: SentRequest[] = [];
    const withKey = (privateKey: unknown) =>
      new OktaSessions({ orgUrl, fetch: recordingFetch(sent), oauth: { ...base, privateKey: privateKey as never } }).get(sessionId);
    await expect(withKey(key.publicJwk)).rejects.toThrow(
      new TypeError('oauth.privateKey is a public JWK (it has no "d"): pass the private key the app\'s public key belongs to'),
    );
    await expect(withKey('-----BEGIN RSA PRIVATE KEY-----\nabc')).rejects.toThrow('openssl pkcs8 -topk8 -nocrypt');
    expect(sent).toEqual([]);
  });
});

describe('times in signed tokens follow Okta’s clock', () => {
  it.each([
    ['2 minutes behind', 120_000],
    ['2 minutes ahead', -120_000],
  ])('with this machine’s clock %s, DPoP tokens come and calls succeed, in auto mode and with dpop: true', async (_how, serverAheadMs) => {
    const server = await startOktaSessionsServer({ rateLimit: false, clockOffsetMs: serverAheadMs });
    try {
      const key = await ecKey();
      const sessionId = server.issueSession({ login: 'clock@example.com' });
      for (const dpop of ['auto', true] as const) {
        const { clientId } = server.registerServiceApp({ publicKey: key.publicJwk, scopes: SCOPES });
        const sent: SentRequest[] = [];
        const okta = new OktaSessions({
          orgUrl: server.url,
          fetch: recordingFetch(sent),
          oauth: { clientId, privateKey: key.privateJwk, scopes: SCOPES, dpop },
        });
        expect((await okta.get(sessionId)).login).toBe('clock@example.com');
        const lastToken = sent.filter((request) => request.url.endsWith('/oauth2/v1/token')).at(-1);
        const serverNowS = (Date.now() + serverAheadMs) / 1000;
        expect(Math.abs((decodeJwt(lastToken?.headers.get('dpop') ?? '').iat as number) - serverNowS)).toBeLessThan(5);
        expect(
          Math.abs((decodeJwt(new URLSearchParams(lastToken?.body).get('client_assertion') ?? '').iat as number) - serverNowS),
        ).toBeLessThan(5);
        const call = sent.filter((request) => request.url.includes('/api/v1/')).at(-1);
        expect(Math.abs((decodeJwt(call?.headers.get('dpop') ?? '').iat as number) - serverNowS)).toBeLessThan(5);
        await okta.close();
      }
    } finally {
      await server.close();
    }
  });

  it('a proof refused while DPoP is on is tried once more, and the error does not say to turn DPoP on', async () => {
    const server = await startOktaSessionsServer({ rateLimit: false });
    try {
      const key = await ecKey();
      const { clientId } = server.registerServiceApp({ publicKey: key.publicJwk, scopes: SCOPES });
      const refusal = {
        type: 'status',
        status: 400,
        body: { error: 'invalid_dpop_proof', error_description: 'DPoP proof iat is not within a minute of now' },
      } as const;
      server.inject(refusal, { operation: 'oauthToken', times: 2 });
      const okta = new OktaSessions({ orgUrl: server.url, oauth: { clientId, privateKey: key.privateJwk, scopes: SCOPES, dpop: true } });
      const error = (await rejectionOf(okta.get('102abc'))) as OktaOAuthError;
      expect(error).toBeInstanceOf(OktaOAuthError);
      expect(error.error).toBe('invalid_dpop_proof');
      // Refused, tried once more on Okta's clock, refused again: reported.
      expect(server.faultsInjected).toBe(2);
      expect(error.message).not.toContain('set oauth.dpop');
      expect(error.message).toContain("times follow Okta's clock");
    } finally {
      await server.close();
    }
  });
});

describe('token renewal margin', () => {
  it('is 5 minutes of a 1-hour token, at least 5 s, and at most half of a short one', () => {
    expect(renewalMarginMs(3_600_000)).toBe(300_000);
    expect(renewalMarginMs(30_000)).toBe(5_000);
    expect(renewalMarginMs(2_000)).toBe(1_000);
  });
});
