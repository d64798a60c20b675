/** Bun and Deno: a warm-up, then `rounds` rounds, with the config bench/runtimes.ts passes in BENCH_RUNTIME; prints every sample as one JSON line. */
import { benchClients, measureRound } from './gets.mjs';

const env = globalThis.Deno ? globalThis.Deno.env.get('BENCH_RUNTIME') : globalThis.process.env.BENCH_RUNTIME;
const config = JSON.parse(env);
const clients = benchClients(config);
await measureRound(clients, config.sessionId, config.calls, false);
const samples = {};
for (let round = 0; round < config.rounds; round++) {
  for (const [name, values] of Object.entries(await measureRound(clients, config.sessionId, config.calls, round % 2 === 1)))
    (samples[name] ??= []).push(...values);
}
console.log(JSON.stringify(samples));
