/** workerd: the smoke suite as a Worker's fetch handler, with the config the Node side binds as RUNTIME_SMOKE. */
import { runSmoke } from './smoke.mjs';

export default {
  async fetch(_request, env) {
    return Response.json({ results: await runSmoke(JSON.parse(env.RUNTIME_SMOKE)) });
  },
};
