/** Bun and Deno: runs the smoke suite with the config the Node side passes in RUNTIME_SMOKE, and prints what it saw as one JSON line. */
import { runSmoke } from './smoke.mjs';

const env = globalThis.Deno ? globalThis.Deno.env.get('RUNTIME_SMOKE') : globalThis.process.env.RUNTIME_SMOKE;
const results = await runSmoke(JSON.parse(env));
console.log(JSON.stringify({ entry: import.meta.resolve('okta-sessions'), results }));
