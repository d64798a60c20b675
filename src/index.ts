// The entry on Node (package `exports` condition `node`): its clients send through node:http(s), publish
// their calls on node:diagnostics_channel, and read OKTA_SESSIONS_LOG.
import { supplyEntryRuntime } from './client/entry-runtime.js';
import { traceCall } from './client/tracing.js';
import { nodeEngine } from './http/node-engine.js';

supplyEntryRuntime({ engines: nodeEngine, trace: traceCall, environmentLogLevel: () => process.env.OKTA_SESSIONS_LOG });

export * from './api.js';
export { OktaSessions } from './client/client.js';
