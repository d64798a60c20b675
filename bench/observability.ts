/**
 * What watching a client costs per call: the same `get` against the static server with nothing
 * attached, with a subscriber on the tracing channel, and with debug logging to a logger that drops
 * every line. Interleaved rounds in one process, so the three compare on a noisy machine.
 */
import { tracingChannel } from 'node:diagnostics_channel';
import { OktaSessions } from '../src/index.js';
import { startStaticServer } from './lib/static-server.js';
import { percentile } from './lib/stats.js';

export interface ObservabilityResult {
  /** p50 of a get, µs. */
  plain: number;
  traced: number;
  debugLogged: number;
}

const ROUNDS = 8;
const CALLS = 400;

export async function measureObservability(): Promise<ObservabilityResult> {
  const server = await startStaticServer();
  const plain = new OktaSessions({ orgUrl: server.url, apiToken: 'bench-token' });
  const dropped = { debug() {}, info() {}, warn() {}, error() {} };
  const logged = new OktaSessions({ orgUrl: server.url, apiToken: 'bench-token', logger: dropped, logLevel: 'debug' });
  const channel = tracingChannel('okta-sessions:call');
  const handlers = { start() {}, end() {}, asyncStart() {}, asyncEnd() {}, error() {} };
  const samples = { plain: [] as number[], traced: [] as number[], debugLogged: [] as number[] };
  const run = async (client: OktaSessions, into: number[]) => {
    for (let i = 0; i < CALLS; i++) {
      const started = performance.now();
      await client.get('102l8zwRRO8Q2y3vlkDEVbkig');
      into.push((performance.now() - started) * 1000);
    }
  };
  await run(plain, []);
  await run(logged, []);
  for (let round = 0; round < ROUNDS; round++) {
    await run(plain, samples.plain);
    channel.subscribe(handlers);
    await run(plain, samples.traced);
    channel.unsubscribe(handlers);
    await run(logged, samples.debugLogged);
  }
  await Promise.all([plain.close(), logged.close(), server.close()]);
  return { plain: percentile(samples.plain, 50), traced: percentile(samples.traced, 50), debugLogged: percentile(samples.debugLogged, 50) };
}
