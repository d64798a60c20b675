import okta from '@okta/okta-sdk-nodejs';
import { OktaSessions, type OktaSessionsOptions } from '../../src/index.js';
import { fetchEngines } from '../../src/http/engine.js';
import { RAW_FETCH, RAW_FETCH_AGAIN, RAW_FETCH_SIGNALLED, rawFetch } from '../runtime/raw-fetch.mjs';

export { RAW_FETCH, RAW_FETCH_AGAIN, RAW_FETCH_SIGNALLED, rawFetch };

/** One way of calling getSession; the benchmark compares these side by side. */
export interface BenchClient {
  name: string;
  get(sessionId: string): Promise<unknown>;
}

export const OKTA_SESSIONS = 'okta-sessions';
/** The same client through fetch, as browsers, edge runtimes and a `fetch` option get it. */
export const OKTA_SESSIONS_FETCH = 'okta-sessions (fetch engine)';
export const OKTA_SESSIONS_UNPACED = 'okta-sessions (rateLimit: false)';
export const OKTA_SDK = '@okta/okta-sdk-nodejs';
export const OKTA_SESSIONS_REDIS = 'okta-sessions + Redis store';

export function oktaSessions(orgUrl: string, apiToken: string, options: Partial<OktaSessionsOptions> = {}): BenchClient {
  const client = new OktaSessions({ orgUrl, apiToken, ...options });
  const name = options.rateLimit === false ? OKTA_SESSIONS_UNPACED : options.rateLimit?.store ? OKTA_SESSIONS_REDIS : OKTA_SESSIONS;
  return { name, get: (sessionId) => client.get(sessionId) };
}

export function oktaSessionsOnFetch(orgUrl: string, apiToken: string): BenchClient {
  const client = new OktaSessions({ orgUrl, apiToken }, fetchEngines());
  return { name: OKTA_SESSIONS_FETCH, get: (sessionId) => client.get(sessionId) };
}

/**
 * Okta's official SDK with its retry defaults (2 retries on 429, no request timeout).
 * Its default response cache is turned off: it would answer repeated gets from
 * memory, which measures a cache rather than a client, and would hide revocations.
 */
export function oktaSdk(orgUrl: string, apiToken: string): BenchClient {
  const client = new okta.Client({
    orgUrl,
    token: apiToken,
    cacheMiddleware: null,
    requestExecutor: new okta.DefaultRequestExecutor({ maxRetries: 2, requestTimeout: 0 }),
  });
  return { name: OKTA_SDK, get: (sessionId) => client.sessionApi.getSession({ sessionId }) };
}
