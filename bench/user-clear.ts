/**
 * Incident response on Identity Engine: clear 1,000 users from a list of logins, each looked up first
 * (getUser) and then cleared (revokeUserSessions), the two in buckets of their own. Through the CLI's
 * runner, and through @okta/okta-sdk-nodejs as its users would write it (one user after another).
 */
import okta from '@okta/okta-sdk-nodejs';
import { runMain } from '../test/support/cli-in-process.js';
import { startOktaSessionsServer } from '../src/testing/index.js';

export interface UserClearRun {
  cleared: number;
  failed: number;
  rateLimited: number;
  totalMs: number;
}

export interface UserClearResult {
  users: number;
  limit: number;
  windowMs: number;
  concurrency: number;
  /** Both buckets allow `limit` per window: (⌈users / limit⌉ − 1) windows, the clears of a window following its lookups. */
  theoreticalMs: number;
  okta: UserClearRun;
  sdk: UserClearRun;
}

type Setup = Omit<UserClearResult, 'okta' | 'sdk' | 'theoreticalMs'>;

/** A server with `users` users, counting 429s and clears per user; each user must be cleared exactly once. */
async function serverWithUsers({ users, limit, windowMs }: Setup) {
  const counts = { rateLimited: 0 };
  const server = await startOktaSessionsServer({
    rateLimit: { limit, windowMs },
    onResponse: (record) => void (record.status === 429 && counts.rateLimited++),
  });
  const logins = Array.from({ length: users }, (_, i) => `responder-case-${i}@example.com`);
  for (const login of logins) server.issueSession({ login });
  // Start in a fresh window of each bucket.
  await new Promise((resolve) => setTimeout(resolve, windowMs + 50));
  const clearedOnce = () => new Set(server.sessionClears.map((clear) => clear.userId)).size === server.sessionClears.length;
  return { server, counts, logins, clearedOnce };
}

async function viaOktaSessions(setup: Setup): Promise<UserClearRun> {
  const { server, counts, logins, clearedOnce } = await serverWithUsers(setup);
  try {
    const env = { OKTA_ORG_URL: server.url, OKTA_API_TOKEN: server.apiToken };
    const started = performance.now();
    const run = await runMain(['clear-user', '--from', '-', '--json', '--concurrency', String(setup.concurrency)], {
      env,
      stdin: logins.join('\n'),
    });
    const totalMs = performance.now() - started;
    const outcomes = run.json().map((line) => line.outcome);
    if (!clearedOnce()) throw new Error('okta-sessions cleared a user twice');
    return {
      cleared: outcomes.filter((outcome) => outcome === 'cleared').length,
      failed: outcomes.filter((outcome) => outcome !== 'cleared').length,
      rateLimited: counts.rateLimited,
      totalMs,
    };
  } finally {
    await server.close();
  }
}

async function viaOktaSdk(setup: Setup): Promise<UserClearRun> {
  const { server, counts, logins } = await serverWithUsers(setup);
  try {
    const client = new okta.Client({
      orgUrl: server.url,
      token: server.apiToken,
      cacheMiddleware: null,
      requestExecutor: new okta.DefaultRequestExecutor({ maxRetries: 2, requestTimeout: 0 }),
    });
    let cleared = 0;
    let failed = 0;
    const started = performance.now();
    for (const login of logins) {
      try {
        const user = await client.userApi.getUser({ userId: login });
        await client.userApi.revokeUserSessions({ userId: user.id as string, oauthTokens: true });
        cleared++;
      } catch {
        failed++;
      }
    }
    return { cleared, failed, rateLimited: counts.rateLimited, totalMs: performance.now() - started };
  } finally {
    await server.close();
  }
}

export async function measureUserClear(setup: Setup): Promise<UserClearResult> {
  return {
    ...setup,
    theoreticalMs: (Math.ceil(setup.users / setup.limit) - 1) * setup.windowMs,
    okta: await viaOktaSessions(setup),
    sdk: await viaOktaSdk(setup),
  };
}
