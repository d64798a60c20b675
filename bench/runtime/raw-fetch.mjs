/**
 * The floor every benchmark compares with: one fetch and one JSON parse, nothing else. Plain JavaScript, so
 * Node's bench (bench/lib/clients.ts) and the runtimes' (gets.mjs) measure the very same code.
 */
export const RAW_FETCH = 'raw fetch';
/** The same code as a client of its own: how far apart two identical clients land in one run (the method's noise). */
export const RAW_FETCH_AGAIN = 'raw fetch, again';

export function rawFetch(orgUrl, apiToken, name = RAW_FETCH) {
  const headers = { authorization: `SSWS ${apiToken}`, accept: 'application/json' };
  return {
    name,
    async get(sessionId) {
      const response = await fetch(`${orgUrl}/api/v1/sessions/${encodeURIComponent(sessionId)}`, { headers });
      const body = await response.json();
      if (!response.ok) throw new Error(`raw fetch: HTTP ${response.status}`);
      return body;
    },
  };
}
