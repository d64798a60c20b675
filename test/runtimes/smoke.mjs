/**
 * The smoke suite each runtime runs, from the installed package, against the embedded servers the
 * Node side started (test/runtimes/runtimes.test.ts). Each check reports what it saw; the Node side
 * asserts on it. Plain JavaScript, so Bun, Deno and workerd run it as it is.
 */
import { OktaNotFoundError, OktaError, OktaSessions } from 'okta-sessions';

/** What an error looked like, for the Node side to assert on (an error does not survive JSON). */
function seen(error) {
  return {
    name: error?.name,
    message: String(error?.message),
    notFound: error instanceof OktaNotFoundError,
    oktaError: error instanceof OktaError,
    status: error?.status,
    errorCode: error?.errorCode,
  };
}

async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    return seen(error);
  }
  throw new Error('expected the call to fail, and it succeeded');
}

const CHECKS = {
  async get({ orgUrl, apiToken, sessionId }) {
    const okta = new OktaSessions({ orgUrl, apiToken });
    const { data, attempts, requestId } = await okta.get(sessionId).withResponse();
    return { id: data.id, login: data.login, status: data.status, attempts, hasRequestId: typeof requestId === 'string' };
  },

  async revoke({ orgUrl, apiToken, revokeId }) {
    const okta = new OktaSessions({ orgUrl, apiToken });
    const revoked = await okta.revoke(revokeId);
    return { revoked: revoked === undefined, afterwards: await rejection(okta.get(revokeId)) };
  },

  async notFound({ orgUrl, apiToken }) {
    const okta = new OktaSessions({ orgUrl, apiToken });
    return rejection(okta.get('102doesNotExist0000000000'));
  },

  async rateLimited({ limitedUrl, apiToken, limitedSessionId, limit }) {
    // No pacing, so the request past the limit is sent and answered 429, then retried at the reset.
    const retries = [];
    const onRetry = ({ reason, status, delayMs }) => retries.push({ reason, status, delayMs });
    const okta = new OktaSessions({ orgUrl: limitedUrl, apiToken, rateLimit: false, onRetry });
    for (let i = 0; i < limit; i++) await okta.get(limitedSessionId);
    const startedAt = Date.now();
    const { data, attempts } = await okta.get(limitedSessionId).withResponse();
    return { id: data.id, attempts, waitedMs: Date.now() - startedAt, retries };
  },

  async abort({ hangingUrl, apiToken, sessionId }) {
    const okta = new OktaSessions({ orgUrl: hangingUrl, apiToken, rateLimit: false });
    const controller = new AbortController();
    const startedAt = Date.now();
    setTimeout(() => controller.abort(), 100);
    const error = await rejection(okta.get(sessionId, { signal: controller.signal }));
    await okta.close();
    return { ...error, elapsedMs: Date.now() - startedAt };
  },

  async getCurrent({ orgUrl, cookie }) {
    const okta = new OktaSessions({ orgUrl });
    const session = await okta.getCurrent({ cookie });
    return { login: session.login };
  },

  async oauthDpop({ orgUrl, oauth, sessionId }) {
    const okta = new OktaSessions({ orgUrl, oauth: { ...oauth, dpop: true } });
    const session = await okta.get(sessionId);
    return { login: session.login };
  },
};

/** Runs every check, one after another; a check that throws is reported, never ends the run. */
export async function runSmoke(config) {
  const results = {};
  for (const [name, check] of Object.entries(CHECKS)) {
    try {
      results[name] = { ok: true, seen: await check(config) };
    } catch (error) {
      results[name] = { ok: false, error: String(error?.stack ?? error) };
    }
  }
  return results;
}
