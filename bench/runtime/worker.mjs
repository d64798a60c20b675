/** workerd: each request is one round, with the config bench/runtimes.ts binds as BENCH_RUNTIME and the round's number in `?round=`. */
import { benchClients, measureRound } from './gets.mjs';

/** Made by the first request; the isolate keeps them for the next (the first round is the warm-up). */
let clients;

export default {
  async fetch(request, env) {
    const config = JSON.parse(env.BENCH_RUNTIME);
    const round = Number(new URL(request.url).searchParams.get('round'));
    clients ??= benchClients(config);
    return Response.json(await measureRound(clients, config.sessionId, config.calls, round % 2 === 1));
  },
};
