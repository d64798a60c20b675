/**
 * Per-call latency of `get` inside a runtime besides Node (bench/runtimes.ts runs it in Bun, Deno and
 * workerd): raw fetch (also with the signal every attempt carries) and okta-sessions on each engine the runtime can run, interleaved as
 * bench/scenarios.ts interleaves them on Node. Plain JavaScript, so each runtime runs it as it is.
 */
import { OktaSessions } from 'okta-sessions';
import { RAW_FETCH_AGAIN, rawFetch, rawFetchWithSignal } from './raw-fetch.mjs';

/**
 * The clients compared: `node:http` is the package's Node entry (Bun and Deno have node:http), `fetch` the
 * same client through the runtime's fetch (the `fetch` option takes the fetch engine from any entry).
 */
export function benchClients({ orgUrl, apiToken, engines }) {
  const clients = [rawFetch(orgUrl, apiToken), rawFetch(orgUrl, apiToken, RAW_FETCH_AGAIN), rawFetchWithSignal(orgUrl, apiToken)];
  for (const engine of engines) {
    const okta = new OktaSessions(engine === 'fetch' ? { orgUrl, apiToken, fetch: (url, init) => fetch(url, init) } : { orgUrl, apiToken });
    clients.push({ name: `okta-sessions (${engine} engine)`, get: (sessionId) => okta.get(sessionId) });
  }
  return clients;
}

/** One round: `calls` gets per client, the clients in order or, `reversed`, the other way; each call’s duration in ms, per client. */
export async function measureRound(clients, sessionId, calls, reversed) {
  const samples = {};
  for (const client of reversed ? [...clients].reverse() : clients) {
    const into = (samples[client.name] = []);
    for (let i = 0; i < calls; i++) {
      const started = performance.now();
      await client.get(sessionId);
      into.push(performance.now() - started);
    }
  }
  return samples;
}
