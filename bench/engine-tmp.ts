import { Agent, request } from 'node:http';
import { startStaticServer } from './lib/static-server.js';
import { OktaSessions } from '../src/index.js';

const server = await startStaticServer();
const agent = new Agent({ keepAlive: true, maxSockets: 10 });
const url = `${server.url}/api/v1/sessions/abc`;
const headers = { authorization: 'SSWS x', accept: 'application/json' };

function httpGet(light: boolean, withSignal: boolean): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const ac = withSignal ? new AbortController() : undefined;
    const req = request(url, { method: 'GET', headers, agent, signal: ac?.signal }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = chunks.length === 1 ? chunks[0]!.toString() : Buffer.concat(chunks).toString();
        if (light) return resolve(JSON.parse(text));
        const h = new Headers();
        const raw = res.rawHeaders;
        for (let i = 0; i < raw.length; i += 2) h.append(raw[i]!, raw[i + 1]!);
        const r = new Response(text, { status: res.statusCode!, statusText: res.statusMessage, headers: h });
        r.json().then(resolve, reject);
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
const client = new OktaSessions({ orgUrl: server.url, apiToken: 'x' });
const variants: Record<string, () => Promise<unknown>> = {
  fetch: async () => (await fetch(url, { headers })).json(),
  httpLight: () => httpGet(true, false),
  httpLightSignal: () => httpGet(true, true),
  httpResponse: () => httpGet(false, true),
  client: () => client.get('abc'),
};
const N = 3000;
for (const round of [0, 1, 2]) {
  for (const [name, fn] of Object.entries(variants)) {
    for (let i = 0; i < 300; i++) await fn();
    const samples: number[] = [];
    for (let i = 0; i < N; i++) { const t = performance.now(); await fn(); samples.push(performance.now() - t); }
    samples.sort((a, b) => a - b);
    console.log(round, name.padEnd(16), (samples[N / 2]! * 1000).toFixed(0), 'µs');
  }
}
await server.close();
agent.destroy();
