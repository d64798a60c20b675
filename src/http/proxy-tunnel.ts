/**
 * Through a forward proxy as curl goes, loaded only when a proxy applies: an https target through a
 * CONNECT tunnel (TLS to the org inside it, its certificate checked as without a proxy), a plain http
 * one as absolute-form requests to the proxy (Squid allows CONNECT to TLS ports only by default).
 */
import { Agent as HttpAgent, request as httpRequest, type ClientRequestArgs } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { connect as netConnect, isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import { PROXY_REFUSED_CODE } from '../errors/connection.js';
import type { Route } from './node-route.js';
import { unbracketed, type ProxyChoice } from './proxy.js';

function authorizationHeader(proxy: ProxyChoice): Record<string, string> {
  return proxy.authorization === undefined ? {} : { 'proxy-authorization': proxy.authorization };
}

/** Every connection of the pool is a tunnel: CONNECT to the proxy, then TLS to the org through it. */
class TunnelAgent extends HttpsAgent {
  readonly #proxy: ProxyChoice;

  constructor(proxy: ProxyChoice, options: ConstructorParameters<typeof HttpsAgent>[0]) {
    super(options);
    this.#proxy = proxy;
  }

  /** node:https's pool calls this for each new connection; it takes the socket, or the error, through `callback`. */
  override createConnection(
    options: ClientRequestArgs & ConnectionOptions,
    callback?: (error: Error | null, socket: Duplex) => void,
  ): undefined {
    const { url } = this.#proxy;
    const host = String(options.host ?? options.hostname);
    const authority = `${host.includes(':') ? `[${host}]` : host}:${options.port ?? 443}`;
    // The connection to the proxy is made here, so that a failure always has the socket to hand back with it.
    const proxyHost = unbracketed(url.hostname);
    const proxySocket =
      url.protocol === 'https:'
        ? tlsConnect({ host: proxyHost, port: Number(url.port || 443), servername: isIP(proxyHost) ? undefined : proxyHost })
        : netConnect({ host: proxyHost, port: Number(url.port || 80) });
    const fail = (error: Error) => {
      proxySocket.destroy();
      callback?.(error, proxySocket);
    };
    const connect = httpRequest({
      method: 'CONNECT',
      path: authority,
      headers: { host: authority, ...authorizationHeader(this.#proxy) },
      createConnection: () => proxySocket,
    });
    connect.once('connect', (response, socket) => {
      if (response.statusCode !== 200) {
        const refusal = `The proxy refused the tunnel to ${authority}: ${response.statusCode} ${response.statusMessage ?? ''}`.trim();
        fail(Object.assign(new Error(refusal), { code: PROXY_REFUSED_CODE }));
        return;
      }
      // node:https's pool has set the name to verify (none for an IP address); TLS runs inside the tunnel.
      callback?.(null, tlsConnect({ ...options, socket }));
    });
    connect.once('error', fail);
    connect.end();
    return undefined;
  }
}

/** How requests to an org at `protocol` go through `proxy`. */
export function proxyRoute(proxy: ProxyChoice, protocol: string, poolOptions: ConstructorParameters<typeof HttpAgent>[0]): Route {
  if (protocol === 'https:') {
    return { request: httpsRequest, agent: new TunnelAgent(proxy, poolOptions), address: (target) => target };
  }
  const { url } = proxy;
  const secure = url.protocol === 'https:';
  const proxyHeaders = authorizationHeader(proxy);
  return {
    request: secure ? httpsRequest : httpRequest,
    agent: secure ? new HttpsAgent(poolOptions) : new HttpAgent(poolOptions),
    address: ({ hostname, port, url: absolute }) => ({
      hostname: url.hostname,
      port: url.port,
      path: absolute,
      headers: { host: port ? `${hostname}:${port}` : hostname, ...proxyHeaders },
    }),
  };
}
