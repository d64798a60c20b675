/**
 * Everything the facade assumes about openapi-fetch, in one place. openapi-fetch
 * is the layer the spec generates for: it serializes a call (path, query, headers,
 * body) as the spec types it. Retry lives beneath it, as its custom `fetch` (its
 * own advice): the attempt loop, which returns the call's value or throws its
 * error. test/http/openapi-fetch-seam.test.ts checks each assumption and names the
 * one an upgrade breaks:
 *
 * 1. It builds the request with its `Request` option and hands that object, alone,
 *    to the per-call `fetch`: our `CallRequest` keeps the URL and init it built,
 *    so an attempt costs no WHATWG Request, and a retry re-sends the same string body.
 * 2. Client options it does not know (`redirect`) and per-call init keys
 *    (`credentials`) end up in that init.
 * 3. With `parseAs: 'stream'` it reads nothing of what the fetch answered and
 *    returns it, untouched, as `response`: the loop's `CallAnswer` carries the
 *    call's value and what it took back up the way the call went down.
 * 4. What the fetch throws rejects the call as it is (no middleware runs).
 *
 * The stand-in is sound only while no middleware runs: openapi-fetch's middleware
 * expects a real `Request`. If middleware is ever exposed, construct real
 * Requests here instead, and only here.
 */
import createClient, { createQuerySerializer } from 'openapi-fetch';
import type { paths } from '../types.js';
import type { Secret } from '../errors/redact.js';
import type { Outcome } from './attempts.js';
import type { ResponseHeaders } from './engine.js';

/** Stands in for `Request` inside openapi-fetch: the URL and init it built, typed and serialized from the spec. */
export class CallRequest {
  readonly url: string;
  readonly method: string;
  readonly init: RequestInit;

  constructor(url: string | URL, init: RequestInit = {}) {
    this.url = String(url);
    this.method = (init.method ?? 'GET').toUpperCase();
    this.init = init;
  }
}

/**
 * What the attempt loop answers openapi-fetch (assumption 3): what it reads of a
 * response (`ok`, `status`, `headers`, `body`: null, nothing to parse) and the
 * call's outcome, its value and what it took.
 */
export class CallAnswer {
  readonly ok = true;
  readonly body = null;
  readonly status: number;
  readonly headers: ResponseHeaders;
  readonly finished: FinishedCall;

  constructor(finished: FinishedCall) {
    this.status = finished.outcome.response.status;
    this.headers = finished.outcome.response.headers;
    this.finished = finished;
  }
}

/** A call the loop finished: its outcome, and the secrets to redact from anything shown of it. */
export interface FinishedCall {
  outcome: Outcome<unknown>;
  secrets: readonly Secret[];
}

/** The custom fetch the attempt loop provides for one call. */
export type CallFetch = (request: CallRequest) => Promise<CallAnswer>;

/** openapi-fetch's client for the spec's paths, wired for the attempt loop beneath it. */
export function createSpecClient(baseUrl: string) {
  return createClient<paths>({
    baseUrl,
    // The one cast: openapi-fetch types its `Request` option as the WHATWG class (assumption 1).
    Request: CallRequest as unknown as typeof Request,
    // Never follow a redirect: it could carry the Authorization header to another origin (assumption 2).
    redirect: 'manual',
    headers: { Accept: 'application/json' },
    // Made once: given none, openapi-fetch makes the default serializer anew on every call.
    querySerializer: createQuerySerializer(),
  });
}

// A type alias, not an interface: openapi-fetch's init type has an index signature.
/** The per-call init every facade method hands to openapi-fetch. */
export type CallInit = {
  fetch: (request: Request) => Promise<Response>;
  headers: Record<string, string>;
  parseAs: 'stream';
  credentials?: RequestCredentials;
};

/** The init for one call: the attempt loop as its fetch (assumption 1), its answer handed back as it is (assumption 3). */
export function callInit(fetch: CallFetch, headers: Record<string, string>): CallInit {
  return { fetch: fetch as unknown as (request: Request) => Promise<Response>, headers, parseAs: 'stream' };
}

/** What the facade reads of openapi-fetch's result: the answer the loop gave it (errors are thrown, never returned). */
export interface CallResult {
  response: unknown;
}

/** The finished call, from the answer inside openapi-fetch's result. */
export function finishedOf(result: CallResult): FinishedCall {
  return (result.response as CallAnswer).finished;
}
