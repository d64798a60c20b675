// The entry everywhere else (browsers, edge runtimes, workers): its clients send through fetch, and no node: module is loaded.
export * from './api.js';
export { OktaSessions } from './client/client.js';
