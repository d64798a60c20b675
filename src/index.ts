// The entry on Node (package `exports` condition `node`): the client sends through node:http(s).
export * from './api.js';
export { OktaSessions } from './node-client.js';
