/**
 * Stands in for `Request` inside openapi-fetch (its `Request` option): it keeps
 * the URL and init that openapi-fetch builds, typed and serialized from the spec,
 * without constructing a WHATWG Request. The transport then calls
 * `fetch(url, init)` once per attempt: one Request per attempt instead of two or
 * three, no body cloning for retries (the body is a string), and any custom
 * fetch receives the standard `(url, init)` arguments.
 */
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
