import { OktaSessions as FetchOktaSessions, type OktaSessionsOptions } from './client.js';
import type { Engine } from './http/engine.js';
import { nodeEngine } from './http/node-engine.js';

/**
 * The client as Node gets it (package `exports` condition `node`): the same API,
 * with requests sent through node:http(s) and a keep-alive pool of its own,
 * through a proxy when one applies. A `fetch` option still wins.
 */
export class OktaSessions extends FetchOktaSessions {
  protected override createEngine(options: OktaSessionsOptions, orgUrl: string, maxConnections: number): Engine {
    if (options.fetch !== undefined) return super.createEngine(options, orgUrl, maxConnections);
    return nodeEngine({ origin: orgUrl, maxSockets: maxConnections, proxy: options.proxy });
  }
}
