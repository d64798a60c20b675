// The entry everywhere else (browsers, edge runtimes, workers): the client sends through fetch, and no node: module is loaded.
export * from './api.js';
export { OktaSessions } from './client.js';
