/**
 * The floor every benchmark compares with: one fetch and one JSON parse, nothing else. Plain JavaScript, so
 * Node's bench (bench/lib/clients.ts) and the runtimes' (gets.mjs) measure the very same code.
 */
export const RAW_FETCH = 'raw fetch';
/** The same code as a client of its own: how far apart two identical clients land in one run (the method's noise). */
export const RAW_FETCH_AGAIN = 'raw fetch, again';
/** Raw fetch with what every attempt of the client carries at least: the floor of the fetch engine, facade aside. */
export const RAW_FETCH_SIGNALLED = "raw fetch with an attempt's signal";

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

/**
 * Raw fetch as the fetch engine sends one attempt, with nothing of the facade: an abort signal of its own and
 * a timeout timer set and cleared (the per-attempt signal the straight-line issue keeps), redirects not
 * followed, the body read as text and parsed. What lies between it and raw fetch no client with that signal avoids.
 */
export function rawFetchWithSignal(orgUrl, apiToken) {
  const headers = { authorization: `SSWS ${apiToken}`, accept: 'application/json' };
  const abortAfter = (controller) => controller.abort();
  return {
    name: RAW_FETCH_SIGNALLED,
    async get(sessionId) {
      const controller = new AbortController();
      const timer = setTimeout(abortAfter, 30_000, controller);
      try {
        const url = `${orgUrl}/api/v1/sessions/${encodeURIComponent(sessionId)}`;
        const response = await fetch(url, { method: 'GET', headers, redirect: 'manual', signal: controller.signal });
        const body = JSON.parse(await response.text());
        if (!response.ok) throw new Error(`raw fetch: HTTP ${response.status}`);
        return body;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
