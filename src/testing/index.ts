// `okta-sessions/testing`: an Okta-compatible Sessions server for your own tests.
export type { CorsOptions } from './cors.js';
export type { SessionClear } from './handlers.js';
export type { Fault, FaultOptions, FaultTarget } from './faults.js';
export type { ServiceAppOptions } from './oauth.js';
export type { ServerRateLimitOptions } from './rate-limiter.js';
export { type OktaSessionsServer, type OktaSessionsServerOptions, type ResponseRecord, startOktaSessionsServer } from './server.js';
