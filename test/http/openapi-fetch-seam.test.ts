/**
 * The assumptions src/http/openapi-fetch-seam.ts makes about openapi-fetch, one
 * test each. When an upgrade of openapi-fetch fails here, the message names the
 * assumption that broke; fix the seam module, nothing else.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CallRequest, callInit, createSpecClient } from '../../src/http/openapi-fetch-seam.js';

const ORG = 'https://acme.okta.com';
const version = JSON.parse(readFileSync('node_modules/openapi-fetch/package.json', 'utf8')).version as string;
const broken = (assumption: string) => `openapi-fetch ${version} broke assumption ${assumption} of src/http/openapi-fetch-seam.ts`;

/** A custom fetch that records every argument it is called with and answers `response()`. */
function recording(response: () => Response) {
  const calls: unknown[][] = [];
  const fetch = async (...args: unknown[]) => {
    calls.push(args);
    return response();
  };
  return { calls, fetch: fetch as (request: CallRequest) => Promise<Response> };
}

describe('openapi-fetch seam', () => {
  it('1: hands the custom fetch one object, built by our Request option, with the spec URL, method and serialized body', async () => {
    const { calls, fetch } = recording(() => new Response('{}', { status: 200 }));
    await createSpecClient(ORG).POST('/api/v1/sessions', { ...callInit(fetch, { Authorization: 'SSWS t' }), body: { sessionToken: 'tok' } });
    expect(calls, broken('1 (one call)')).toHaveLength(1);
    const [request, ...rest] = calls[0] as [CallRequest, ...unknown[]];
    expect(rest.filter((arg) => arg !== undefined), broken('1 (a single argument)')).toEqual([]);
    expect(request, broken('1 (our Request option builds the request)')).toBeInstanceOf(CallRequest);
    expect(request.url, broken('1 (URL)')).toBe(`${ORG}/api/v1/sessions`);
    expect(request.method, broken('1 (method)')).toBe('POST');
    expect(request.init.body, broken('1 (the body is serialized to a string, so a retry can resend it)')).toBe('{"sessionToken":"tok"}');
    const headers = new Headers(request.init.headers);
    expect(headers.get('authorization'), broken('1 (per-call headers)')).toBe('SSWS t');
    expect(headers.get('accept'), broken('1 (client headers)')).toBe('application/json');
    expect(headers.get('content-type'), broken('1 (JSON content type)')).toBe('application/json');
  });

  it('1: encodes path parameters and passes header parameters (the session cookie)', async () => {
    const { calls, fetch } = recording(() => new Response('{}', { status: 200 }));
    const client = createSpecClient(ORG);
    await client.GET('/api/v1/sessions/{sessionId}', { ...callInit(fetch, {}), params: { path: { sessionId: 'a b/c' } } });
    await client.GET('/api/v1/sessions/me', { ...callInit(fetch, {}), params: { header: { Cookie: 'sid=abc' } } });
    const [byId, me] = calls.map((args) => args[0] as CallRequest);
    expect(byId?.url, broken('1 (path parameters are encoded as one segment)')).toBe(`${ORG}/api/v1/sessions/a%20b%2Fc`);
    expect(new Headers(me?.init.headers).get('cookie'), broken('1 (header parameters become headers)')).toBe('sid=abc');
  });

  it("2: client options it does not know (redirect) and per-call init keys (credentials) reach the request's init", async () => {
    const { calls, fetch } = recording(() => new Response('{}', { status: 200 }));
    await createSpecClient(ORG).GET('/api/v1/sessions/me', { ...callInit(fetch, {}), credentials: 'include', params: {} });
    const request = calls[0]?.[0] as CallRequest;
    expect(request.init.redirect, broken('2 (redirect: manual, so no credential follows a redirect)')).toBe('manual');
    expect(request.init.credentials, broken("2 (credentials: 'include' for browsers)")).toBe('include');
  });

  it("3: with parseAs 'stream' a success body is left unread for the transport", async () => {
    const response = new Response('{"id":"102"}', { status: 200, headers: { 'content-type': 'application/json' } });
    const { fetch } = recording(() => response);
    const result = await createSpecClient(ORG).GET('/api/v1/sessions/{sessionId}', { ...callInit(fetch, {}), params: { path: { sessionId: 's' } } });
    expect(response.bodyUsed, broken('3 (success body not read)')).toBe(false);
    expect(result.response, broken('3 (the response is handed back as is)')).toBe(response);
  });

  it('4: an error body is parsed as JSON into `error`, or kept as text when it is not JSON', async () => {
    const client = createSpecClient(ORG);
    const json = recording(() => new Response('{"errorCode":"E0000007"}', { status: 404, headers: { 'content-type': 'application/json' } }));
    const text = recording(() => new Response('<html>bad gateway</html>', { status: 502 }));
    const init = { params: { path: { sessionId: 's' } } };
    const fromJson = await client.GET('/api/v1/sessions/{sessionId}', { ...callInit(json.fetch, {}), ...init });
    const fromText = await client.GET('/api/v1/sessions/{sessionId}', { ...callInit(text.fetch, {}), ...init });
    expect(fromJson.error, broken('4 (JSON error body)')).toEqual({ errorCode: 'E0000007' });
    expect(fromText.error, broken('4 (text error body)')).toBe('<html>bad gateway</html>');
  });
});
