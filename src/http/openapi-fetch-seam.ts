/**
 * Everything the facade assumes about openapi-fetch, in one place. We keep its
 * own advice (retry beneath it, as its custom `fetch`) and lean on four of its
 * behaviours; test/http/openapi-fetch-seam.test.ts checks each of them and names
 * the one an upgrade breaks:
 *
 * 1. It builds the request with its `Request` option and hands that object, alone,
 *    to the per-call `fetch`: our `CallRequest` keeps the URL and init it built,
 *    so an attempt costs one WHATWG Request instead of two or three, and a retry
 *    re-sends the same string body.
 * 2. Client options it does not know (`redirect`) and per-call init keys
 *    (`credentials`) end up in that init.
 * 3. With `parseAs: 'stream'` it does not read a success body, so the transport
 *    reads and parses it once.
 * 4. It reads error bodies as JSON, falling back to text, into `error`.
 * 5. Of the response it reads only `status`, `ok`, `headers.get`, `body` and
 *    `text()`: the Node engine's `EngineResponse` is all it needs.
 *
 * The stand-in is sound only while no middleware runs: openapi-fetch's middleware
 * expects a real `Request`. If middleware is ever exposed, construct real
 * Requests here instead, and only here.
 */
import createClient from 'openapi-fetch';
import type { paths } from '../types.js';
import type { EngineResponse } from './engine.js';

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

/** The custom fetch the transport provides for one call. */
export type CallFetch = (request: CallRequest) => Promise<EngineResponse>;

/** openapi-fetch's client for the spec's paths, wired for the transport beneath it. */
export function createSpecClient(baseUrl: string) {
  return createClient<paths>({
    baseUrl,
    // The one cast: openapi-fetch types its `Request` option as the WHATWG class (assumption 1).
    Request: CallRequest as unknown as typeof Request,
    // Never follow a redirect: it could carry the Authorization header to another origin (assumption 2).
    redirect: 'manual',
    headers: { Accept: 'application/json' },
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

/** The init for one call: the transport as its fetch (assumptions 1 and 5), success bodies left unread (assumption 3). */
export function callInit(fetch: CallFetch, headers: Record<string, string>): CallInit {
  return { fetch: fetch as unknown as (request: Request) => Promise<Response>, headers, parseAs: 'stream' };
}

/** What the facade reads from openapi-fetch's result: the success body comes from the transport. */
export interface CallResult {
  /** The error body, parsed as JSON or left as text (assumption 4). */
  error?: unknown;
  response: EngineResponse;
}
