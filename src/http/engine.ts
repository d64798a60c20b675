/**
 * What the transport, the errors and openapi-fetch read of a response. A fetch
 * `Response` is one; the Node engine builds only this, with the body already
 * read (a Session is a few hundred bytes), which is much of why it is faster.
 */
export interface EngineResponse {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  /** The URL answered, for a relative `Location`; may be empty. */
  readonly url: string;
  /** `get` joins a repeated header with ", ", as `Headers` does (the OKTA-112507 handling relies on it). */
  readonly headers: ResponseHeaders;
  /** Null once read, and from the Node engine, which reads the body before it answers. */
  readonly body: { cancel(): Promise<void> } | null;
  text(): Promise<string>;
}

export interface ResponseHeaders extends Iterable<[string, string]> {
  get(name: string): string | null;
}

/**
 * What puts one request on the wire and returns its response: the transport's
 * only way out. `init` carries a method, headers, a string body (or none) and
 * the attempt's signal; redirects are never followed.
 */
export interface Engine {
  send(url: string, init: RequestInit): Promise<EngineResponse>;
  /** Ends the engine's connections; calls after it fail. */
  close(): Promise<void>;
  /** Secrets the engine holds (proxy credentials), redacted from anything a call reports. */
  readonly secrets: readonly string[];
}

/**
 * A user's `fetch`, or the global one looked up at call time (so test tools that
 * patch it still apply). Called as a plain function: a browser's fetch throws
 * "Illegal invocation" when called as a method of another object. Its
 * connections are the runtime's, so `close` has nothing to end.
 */
export function fetchEngine(custom: typeof globalThis.fetch | undefined): Engine {
  const send = custom ? (url: string, init: RequestInit) => custom(url, init) : (url: string, init: RequestInit) => globalThis.fetch(url, init);
  return { send, close: () => Promise.resolve(), secrets: [] };
}

/** What an engine throws once closed: final, never retried. */
export class EngineClosedError extends Error {
  constructor() {
    super('This client was closed (okta.close()): create a new OktaSessions to send more requests');
    this.name = 'EngineClosedError';
  }
}
