/** One request as the attempt loop sends it: an absolute URL, its method, headers and string body. */
export interface ApiRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  /** `'include'` for a browser's own session cookie (the /me operations without a `cookie`). */
  readonly credentials: RequestCredentials | undefined;
}

/**
 * What the attempt loop and the classifiers read of a response. A fetch
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
  /** A stream to cancel while unread; null from the Node engine, which reads the body before it answers. */
  readonly body: { cancel(): Promise<void> } | null;
  /** True once `text()` was called: the stream is then no longer the caller's to cancel. */
  readonly bodyUsed: boolean;
  text(): Promise<string>;
}

export interface ResponseHeaders extends Iterable<[string, string]> {
  get(name: string): string | null;
}

/**
 * What puts one request on the wire and returns its response: the attempt loop's
 * only way out. `signal` is the attempt's; redirects are never followed.
 */
export interface Engine {
  send(request: ApiRequest, signal: AbortSignal): Promise<EngineResponse>;
  /** Ends the engine's connections; sends after it reject. */
  close(): Promise<void>;
  /** True once `close()` was called: the attempt loop reads a failed send as the client's close. */
  readonly closed: boolean;
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
  let closed = false;
  return {
    secrets: [],
    get closed() {
      return closed;
    },
    send({ method, url, headers, body, credentials }, signal) {
      if (closed) return Promise.reject(new Error('The engine was closed'));
      const init: RequestInit = { method, headers, body, redirect: 'manual', signal };
      if (credentials !== undefined) init.credentials = credentials;
      return custom ? custom(url, init) : globalThis.fetch(url, init);
    },
    close() {
      closed = true;
      return Promise.resolve();
    },
  };
}

/** A proxy URL (`http://user:pass@proxy:3128`), `false` to ignore the environment, or undefined to follow it. */
export type ProxyOption = string | URL | false | undefined;

/** What a client tells the engine it makes: where it sends, how many requests it keeps in flight at most, and the `proxy` option. */
export interface EngineOptions {
  origin: string;
  maxSockets: number;
  proxy: ProxyOption;
}

/** Makes a client's engine; each package entry supplies the one its runtime sends with. */
export type EngineFactory = (options: EngineOptions) => Engine;

/** Engines that send through `custom`, or the global fetch (browsers, edge runtimes, workers). */
export function fetchEngines(custom?: typeof globalThis.fetch): EngineFactory {
  return ({ proxy }) => {
    if (proxy !== undefined && proxy !== false) {
      throw new TypeError(
        'proxy is for the Node engine: with a fetch, set the proxy in it (e.g. undici’s ProxyAgent as its dispatcher); a browser uses the system’s',
      );
    }
    return fetchEngine(custom);
  };
}
