/**
 * The assumptions src/http/openapi-fetch-seam.ts makes about openapi-fetch, one
 * test each. When an upgrade of openapi-fetch fails here, the message names the
 * assumption that broke; fix the seam module, nothing else.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CallAnswer, CallRequest, callInit, createSpecClient, finishedOf } from '../../src/http/openapi-fetch-seam.js';

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
  return { calls, fetch: fetch as unknown as (request: CallRequest) => Promise<CallAnswer> };
}

describe('openapi-fetch seam', () => {
  it('1: hands the custom fetch one object, built by our Request option, with the spec URL, method and serialized body', async () => {
    const { calls, fetch } = recording(() => new Response('{}', { status: 200 }));
    await createSpecClient(ORG).POST('/api/v1/sessions', {
      ...callInit(fetch, { Authorization: 'SSWS t' }),
      body: { sessionToken: 'tok' },
    });
    expect(calls, broken('1 (one call)')).toHaveLength(1);
    const [request, ...rest] = calls[0] as [CallRequest, ...unknown[]];
    expect(
      rest.filter((arg) => arg !== undefined),
      broken('1 (a single argument)'),
    ).toEqual([]);
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

  it("3: with parseAs 'stream' it reads nothing of the loop's answer and hands it back as the response", async () => {
    const value = { id: '102' };
    const outcome = {
      value,
      response: new Response(null, { status: 200, headers: { 'content-length': '13' } }),
      reading: {} as never,
      attempts: 2,
    };
    const answer = new CallAnswer({ outcome, secrets: [] });
    const { fetch } = recording(() => answer as unknown as Response);
    const result = await createSpecClient(ORG).GET('/api/v1/sessions/{sessionId}', {
      ...callInit(fetch, {}),
      params: { path: { sessionId: 's' } },
    });
    expect(result.response, broken('3 (the answer is handed back as is)')).toBe(answer);
    expect(finishedOf(result).outcome, broken('3 (the outcome rides on it, value and attempts)')).toEqual({
      ...outcome,
      value: { id: '102' },
    });
    const noContent = new CallAnswer({
      outcome: { ...outcome, value: undefined, response: new Response(null, { status: 204 }) },
      secrets: [],
    });
    const empty = await createSpecClient(ORG).DELETE('/api/v1/sessions/{sessionId}', {
      ...callInit(recording(() => noContent as unknown as Response).fetch, {}),
      params: { path: { sessionId: 's' } },
    });
    expect(empty.response, broken('3 (a 204 answer too)')).toBe(noContent);
  });

  it('4: what the custom fetch throws rejects the call as it is', async () => {
    const thrown = new Error('the attempt loop gave up');
    const fetch = (async () => {
      throw thrown;
    }) as unknown as (request: CallRequest) => Promise<CallAnswer>;
    const call = createSpecClient(ORG).GET('/api/v1/sessions/{sessionId}', {
      ...callInit(fetch, {}),
      params: { path: { sessionId: 's' } },
    });
    await expect(call, broken('4 (errors pass through unchanged)')).rejects.toBe(thrown);
  });
});
