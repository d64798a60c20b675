/** What the client logs, at each level, against the embedded server (run once per engine). */
import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { type Logger, type LogLevel, OktaSessions } from '../../src/index.js';
import { startOktaSessionsServer } from '../../src/testing/index.js';

type Line = { level: string; message: string; record: Record<string, unknown> };

function recording(): Logger & { lines: Line[] } {
  const lines: Line[] = [];
  const at = (level: string) => (message: string, record?: Record<string, unknown>) => lines.push({ level, message, record: record ?? {} });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

const server = await startOktaSessionsServer({ rateLimit: { limit: 3, windowMs: 1_000 } });
const client = (logLevel: LogLevel, logger = recording()) => ({
  logger,
  okta: new OktaSessions({ orgUrl: server.url, apiToken: server.apiToken, logger, logLevel }),
});

describe('logs', () => {
  it('debug: one line per attempt (operation, method, path template, status, request id, attempt, duration), and the wait for a used-up bucket', async () => {
    const { logger, okta } = client('debug');
    const id = server.issueSession({ login: 'logs@example.com' });
    await new Promise((resolve) => setTimeout(resolve, 1_050));
    // The first answer teaches the bucket (3 a window); of the next four, two wait for the reset.
    await okta.get(id);
    await Promise.all(Array.from({ length: 4 }, () => okta.get(id)));
    const attempts = logger.lines.filter((line) => line.message === 'okta-sessions: attempt');
    expect(attempts.length).toBe(5);
    for (const { level, record } of attempts) {
      expect(level).toBe('debug');
      expect(record).toMatchObject({
        operationId: 'getSession',
        method: 'GET',
        path: '/api/v1/sessions/{sessionId}',
        status: 200,
        attempt: 1,
        outcome: 'value',
        requestId: expect.stringMatching(/^[0-9a-f]{32}$/),
      });
      expect(record.durationMs).toBeGreaterThanOrEqual(0);
    }
    const waits = logger.lines.filter((line) => line.message === 'okta-sessions: wait' && line.record.wait === 'pacing');
    expect(waits.length).toBeGreaterThan(0);
    expect(waits[0]?.record).toMatchObject({
      operationId: 'getSession',
      bucket: 'sessions',
      limit: 3,
      waitMs: expect.any(Number),
      resetAt: expect.any(Date),
    });
    // Never a whole session id, a token or a cookie.
    const text = JSON.stringify(logger.lines);
    for (const secret of [id, server.apiToken]) expect(text).not.toContain(secret);
  });

  it('info: retries with their reason, not attempts; a 429 retried at its reset', async () => {
    const { logger, okta } = client('info');
    const id = server.issueSession({ login: 'retry@example.com' });
    server.inject({ type: 'status', status: 503 }, { operation: 'getSession' });
    await okta.get(id);
    expect(logger.lines.filter((line) => line.message === 'okta-sessions: attempt')).toEqual([]);
    expect(logger.lines.find((line) => line.message === 'okta-sessions: retry')).toMatchObject({
      level: 'info',
      record: {
        operationId: 'getSession',
        reason: 'unavailable',
        status: 503,
        retryCount: 1,
        wait: 'backoff',
        path: '/api/v1/sessions/{sessionId}',
      },
    });
  });

  it('warn: a clock far off Okta’s, once; nothing at warn for calls that go well', async () => {
    const skewed = await startOktaSessionsServer({ rateLimit: false, clockOffsetMs: 5 * 60_000 });
    try {
      const logger = recording();
      const okta = new OktaSessions({ orgUrl: skewed.url, apiToken: skewed.apiToken, logger });
      const id = skewed.issueSession({ login: 'clock@example.com' });
      await okta.get(id);
      await okta.get(id);
      expect(logger.lines).toEqual([
        { level: 'warn', message: "okta-sessions: this machine's clock is off Okta's", record: { offsetMs: expect.any(Number) } },
      ]);
      expect(logger.lines[0]?.record.offsetMs).toBeGreaterThan(4 * 60_000);
    } finally {
      await skewed.close();
    }
  });

  it('off: nothing, whatever happens', async () => {
    const { logger, okta } = client('off');
    server.inject({ type: 'status', status: 503 }, { operation: 'getSession' });
    await okta.get(server.issueSession({ login: 'quiet@example.com' }));
    expect(logger.lines).toEqual([]);
  });

  it('OKTA_SESSIONS_LOG=debug turns debug lines on, in a process of its own, on console', async () => {
    const script = `
      import { OktaSessions } from './src/index.ts';
      import { startOktaSessionsServer } from './src/testing/index.ts';
      const server = await startOktaSessionsServer();
      const okta = new OktaSessions({ orgUrl: server.url, apiToken: server.apiToken });
      await okta.get(server.issueSession({ login: 'env@example.com' }));
      await okta.close();
      await server.close();`;
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(
        'node',
        ['--import', 'tsx', '--input-type=module', '-e', script],
        { env: { ...process.env, OKTA_SESSIONS_LOG: 'debug' } },
        (error, out) => (error ? reject(error) : resolve(out)),
      ),
    );
    expect(stdout).toContain('okta-sessions: attempt');
    expect(stdout).toContain("operationId: 'getSession'");
  }, 30_000);
});
