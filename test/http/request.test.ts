/**
 * The request a method builds, with openapi-fetch's own builders from the spec's types: what
 * src/http/request.ts relies on in openapi-fetch is checked here, so an upgrade that changes it
 * fails here first.
 */
import fc from 'fast-check';
import { createFinalURL, createQuerySerializer, defaultPathSerializer } from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { buildRequest, requestForLink } from '../../src/http/request.js';
import { OPERATIONS } from '../../src/operations.js';

const ORG = 'https://acme.okta.com';

describe('buildRequest', () => {
  it('builds the spec URL, method and a JSON body serialized to a string (a retry resends the same)', () => {
    const request = buildRequest<'createSession'>(ORG, OPERATIONS.createSession, { body: { sessionToken: 'tok' } });
    expect(request).toEqual({
      method: 'POST',
      url: `${ORG}/api/v1/sessions`,
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: '{"sessionToken":"tok"}',
      credentials: undefined,
    });
  });

  it('encodes a path parameter as one segment', () => {
    const request = buildRequest<'getSession'>(ORG, OPERATIONS.getSession, { params: { path: { sessionId: 'a b/c' } } });
    expect(request.url).toBe(`${ORG}/api/v1/sessions/a%20b%2Fc`);
    expect(request.body).toBeUndefined();
    expect(request.headers).toEqual({ accept: 'application/json' });
  });

  it("fills path parameters as openapi-fetch's default serializer does, for any value and any org", () => {
    const querySerializer = createQuerySerializer();
    fc.assert(
      fc.property(
        fc.constantFrom(ORG, 'https://other.oktapreview.com', 'http://127.0.0.1:8080'),
        fc.string(),
        fc.string(),
        (org, userId, id) => {
          const single = buildRequest<'getSession'>(org, OPERATIONS.getSession, { params: { path: { sessionId: id } } });
          const byDefault = (path: string, params: Record<string, string>) =>
            createFinalURL(path, { baseUrl: org, params: { path: params }, querySerializer, pathSerializer: defaultPathSerializer });
          expect(single.url).toBe(byDefault(OPERATIONS.getSession.path, { sessionId: id }));
          const user = buildRequest<'revokeUserSessions'>(org, OPERATIONS.revokeUserSessions, { params: { path: { userId } } });
          expect(user.url).toBe(byDefault(OPERATIONS.revokeUserSessions.path, { userId }));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('sends a header parameter (the session cookie) as a header, and a browser cookie as credentials', () => {
    const withCookie = buildRequest<'getCurrentSession'>(ORG, OPERATIONS.getCurrentSession, { params: { header: { Cookie: 'sid=abc' } } });
    expect(withCookie.headers).toEqual({ accept: 'application/json', cookie: 'sid=abc' });
    const inBrowser = buildRequest<'getCurrentSession'>(ORG, OPERATIONS.getCurrentSession, {}, 'include');
    expect(inBrowser).toMatchObject({ url: `${ORG}/api/v1/sessions/me`, credentials: 'include' });
  });

  it('serializes only the query parameters given, booleans as text', () => {
    const cleared = (query: { oauthTokens?: boolean; forgetDevices?: boolean }) =>
      buildRequest<'revokeUserSessions'>(ORG, OPERATIONS.revokeUserSessions, { params: { path: { userId: '00u1' }, query } }).url;
    expect(cleared({})).toBe(`${ORG}/api/v1/users/00u1/sessions`);
    expect(cleared({ oauthTokens: true, forgetDevices: false })).toBe(
      `${ORG}/api/v1/users/00u1/sessions?oauthTokens=true&forgetDevices=false`,
    );
  });
});

describe('requestForLink', () => {
  it("follows a link to the org as it is, and refuses one to another origin (it would receive the org's credentials)", () => {
    const next = `${ORG}/api/v1/sessions/s1?after=opaque%3D%3D`;
    expect(requestForLink(ORG, OPERATIONS.getSession, next)).toMatchObject({ method: 'GET', url: next, body: undefined });
    expect(() => requestForLink(ORG, OPERATIONS.getSession, 'https://evil.example/api/v1/sessions/s1')).toThrow(
      'getSession: Okta gave a link to https://evil.example, not the org (https://acme.okta.com); not followed',
    );
    expect(() => requestForLink(ORG, OPERATIONS.getSession, 'http://[::1')).toThrow('not a URL');
  });
});
