/** How the Node engine's requests go out: directly (node-engine.ts) or by a proxy (proxy-tunnel.ts). */
import type { Agent, ClientRequest, IncomingMessage, RequestOptions } from 'node:http';

/** Where a request goes, without parsing the URL again: every request of a client goes to its org. */
export interface Target {
  url: string;
  protocol: string;
  hostname: string;
  port: string;
  path: string;
}

/** Where one request is sent: the org, or its proxy (with the headers the proxy needs). */
export interface Address {
  hostname: string;
  port: string;
  path: string;
  headers?: Record<string, string>;
}

/** How requests to the org at one protocol go out: node:http(s)'s `request`, through a pool, to an address. */
export interface Route {
  request: (options: RequestOptions, onResponse: (message: IncomingMessage) => void) => ClientRequest;
  agent: Agent;
  address: (target: Target) => Address;
}
