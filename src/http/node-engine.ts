/**
 * The engine on Node: node:http(s) with a keep-alive pool per client. Node's
 * global fetch (undici's WHATWG layer) costs more per request than the request
 * itself on a fast path; this engine skips it and builds only the response the
 * attempt loop reads. Browsers and edge runtimes never load this file (package
 * `exports` conditions).
 */
import type { Agent as HttpAgent, ClientRequest, IncomingMessage } from 'node:http';
import type { Engine, EngineOptions, EngineResponse, ResponseHeaders } from './engine.js';
import type { Route, Target } from './node-route.js';
import { chooseProxy, unbracketed, type ProxyChoice } from './proxy.js';

/**
 * Idle connections are closed after this: below the 5 s keep-alive of common
 * servers and load balancers, so a connection is rarely reused just as the
 * other side closes it (and when it is, the request is sent again, below).
 */
const IDLE_TIMEOUT_MS = 4_000;

/**
 * Sent again at once when a kept-alive connection turns out dead: they change
 * nothing. Others (a revoke the server may have done before the reset) go up to
 * the attempt loop, whose retry policy knows the operation.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** How a kept-alive connection the server had already closed fails. */
const STALE_CONNECTION_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

/** A response's headers from node:http's raw list: a repeated header joined with ", ", as `Headers.get` does. */
class RawResponseHeaders implements ResponseHeaders {
  readonly #raw: string[];
  #byName: Map<string, string> | undefined;

  constructor(raw: string[]) {
    this.#raw = raw;
  }

  get(name: string): string | null {
    return this.#index().get(name.toLowerCase()) ?? null;
  }

  [Symbol.iterator](): Iterator<[string, string]> {
    return [...this.#index()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))[Symbol.iterator]();
  }

  #index(): Map<string, string> {
    if (!this.#byName) {
      const byName = new Map<string, string>();
      const raw = this.#raw;
      for (let i = 0; i + 1 < raw.length; i += 2) {
        const name = String(raw[i]).toLowerCase();
        const value = String(raw[i + 1]);
        const earlier = byName.get(name);
        byName.set(name, earlier === undefined ? value : `${earlier}, ${value}`);
      }
      this.#byName = byName;
    }
    return this.#byName;
  }
}

class NodeResponse implements EngineResponse {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly url: string;
  readonly headers: RawResponseHeaders;
  readonly body = null;
  readonly bodyUsed = true;
  readonly #text: string;

  constructor(message: IncomingMessage, url: string, text: string) {
    this.status = message.statusCode ?? 0;
    this.statusText = message.statusMessage ?? '';
    this.ok = this.status >= 200 && this.status < 300;
    this.url = url;
    this.headers = new RawResponseHeaders(message.rawHeaders);
    this.#text = text;
  }

  text(): Promise<string> {
    return Promise.resolve(this.#text);
  }
}

/** Sent unless the caller set one: some gateways refuse a request without it, and Okta support can see who called. */
const USER_AGENT = `okta-sessions node/${process.versions.node}`;

/**
 * node:https (with tls) or node:http, loaded with the first request: importing the package stays as quick
 * as it is without them, and the first request pays a few milliseconds once. A proxy's route is loaded only
 * when a proxy applies.
 */
async function loadRoute(
  protocol: string,
  poolOptions: ConstructorParameters<typeof HttpAgent>[0],
  proxy: ProxyChoice | undefined,
): Promise<Route> {
  if (protocol !== 'http:' && protocol !== 'https:') throw new TypeError(`Cannot send to a ${protocol} URL`);
  if (proxy) return (await import('./proxy-tunnel.js')).proxyRoute(proxy, protocol, poolOptions);
  const module = protocol === 'https:' ? await import('node:https') : await import('node:http');
  return { request: module.request, agent: new module.Agent(poolOptions), address: (target) => target };
}

/**
 * The Node engine for one client (the pool and the proxy are chosen for its origin, and sized for its
 * `maxSockets`); `close()` ends its pool.
 */
export function nodeEngine(options: EngineOptions): Engine {
  const proxy = chooseProxy(options.origin, options.proxy);
  const poolOptions = { keepAlive: true, maxSockets: options.maxSockets, timeout: IDLE_TIMEOUT_MS };
  /** Per protocol, once loaded: later requests take it without awaiting. */
  const routes = new Map<string, Route>();
  const loading = new Map<string, Promise<Route>>();
  let closed = false;

  async function routeFor(protocol: string): Promise<Route> {
    let pending = loading.get(protocol);
    if (!pending) {
      pending = loadRoute(protocol, poolOptions, proxy);
      loading.set(protocol, pending);
      pending.then((loaded) => routes.set(protocol, loaded)).catch(() => loading.delete(protocol));
    }
    return pending;
  }

  const org = new URL(options.origin);
  function targetOf(url: string): Target {
    if (url.startsWith(`${org.origin}/`))
      return { url, protocol: org.protocol, hostname: org.hostname, port: org.port, path: url.slice(org.origin.length) };
    const parsed = new URL(url);
    return { url, protocol: parsed.protocol, hostname: parsed.hostname, port: parsed.port, path: `${parsed.pathname}${parsed.search}` };
  }

  function sendOnce(
    target: Target,
    method: string,
    headers: Record<string, string>,
    body: string | undefined,
    signal: AbortSignal,
    { request: send, agent, address }: Route,
  ): Promise<EngineResponse | 'stale'> {
    return new Promise((resolve, reject) => {
      let answered = false;
      let responded = false;
      /**
       * The signal is wired by hand, not passed to node:http: its `signal` option registers a weak
       * handler (a WeakRef and a finalizer) per request, which costs more than the rest of the engine.
       */
      const onAbort = () =>
        request.destroy(
          Object.assign(new Error('The request was aborted', { cause: signal.reason }), { name: 'AbortError', code: 'ABORT_ERR' }),
        );
      const settle = () => {
        answered = true;
        signal.removeEventListener('abort', onAbort);
      };
      const fail = (error: Error & { code?: string }) => {
        if (answered) return;
        settle();
        // A kept-alive connection the server closed while idle: nothing of this request was processed.
        const stale = request.reusedSocket && !responded && SAFE_METHODS.has(method) && STALE_CONNECTION_CODES.has(error.code ?? '');
        if (stale && !signal.aborted) resolve('stale');
        else reject(error);
      };
      const { hostname, port, path, headers: routeHeaders } = address(target);
      const options = {
        hostname: unbracketed(hostname),
        port,
        path,
        method,
        headers: routeHeaders ? { ...headers, ...routeHeaders } : headers,
        agent,
      };
      const request: ClientRequest = send(options, (message) => {
        responded = true;
        message.setEncoding('utf8');
        let text = '';
        message.on('data', (chunk: string) => (text += chunk));
        message.on('end', () => {
          if (answered) return;
          settle();
          resolve(new NodeResponse(message, target.url, text));
        });
        message.on('error', fail);
        message.on('close', () => {
          if (!message.complete)
            fail(Object.assign(new Error('The connection closed before the response was complete'), { code: 'ECONNRESET' }));
        });
      });
      request.on('error', fail);
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
      request.end(body);
    });
  }

  return {
    secrets: proxy?.secrets ?? [],
    get closed() {
      return closed;
    },
    async send({ method, url, headers: requestHeaders, body }, signal) {
      if (closed) throw new Error('The engine was closed');
      const target = targetOf(url);
      const headers: Record<string, string> = { 'user-agent': USER_AGENT, ...requestHeaders };
      if (method !== 'GET' && method !== 'HEAD') headers['content-length'] = String(body === undefined ? 0 : Buffer.byteLength(body));
      // Awaited only the first time: later calls cost no extra turn of the event loop.
      const route = routes.get(target.protocol) ?? (await routeFor(target.protocol));
      if (closed) throw new Error('The engine was closed');
      // Each stale connection is dropped by the pool, so this ends by the time the pool has none left.
      for (;;) {
        const response = await sendOnce(target, method, headers, body, signal, route);
        if (response !== 'stale') return response;
      }
    },
    async close() {
      closed = true;
      const agents = new Set(
        await Promise.all(
          [...loading.values()].map((pending) =>
            pending.then(
              (loaded) => loaded.agent,
              () => undefined,
            ),
          ),
        ),
      );
      for (const agent of agents) agent?.destroy();
    },
  };
}
