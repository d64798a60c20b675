// The entry on Node (package `exports` condition `node`): its clients send through node:http(s).
import { supplyEntryEngines } from './client/entry-engines.js';
import { nodeEngine } from './http/node-engine.js';

supplyEntryEngines(nodeEngine);

export * from './api.js';
export { OktaSessions } from './client/client.js';
