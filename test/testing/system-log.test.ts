/**
 * The embedded server's System Log, held to what Okta documents (okta-facts.md, "The System Log"; Okta's
 * System Log API reference): the events it writes for what it does, and `GET /api/v1/logs` answering
 * bounded and polling queries, links, `after`, limits, filters and refusals as Okta does.
 */
import { describe, expect, it } from 'vitest';
import { OktaSessions } from '../../src/index.js';
import { type OktaSessionsServer, startOktaSessionsServer } from '../../src/testing/index.js';
import type { LogEvent } from '../../src/types.js';
import { createSpecValidator } from '../support/spec-validator.js';
import { startValidatedServer } from '../support/server.js';

const validateLogEvent = createSpecValidator()('LogEvent');
const server = await startValidatedServer({ rateLimit: false });
const okta = new OktaSessions({ orgUrl: server.url, apiToken: server.apiToken, retry: false });

interface LogAnswer {
  status: number;
  events: LogEvent[];
  body: unknown;
  links: Record<string, string>;
  requestId: string | null;
  bucketLimit: string | null;
}

/** `GET /api/v1/logs` raw: the status, the events, and the Link header's URLs by rel. */
async function logs(
  query: Record<string, string> | string,
  on: OktaSessionsServer = server,
  auth = `SSWS ${on.apiToken}`,
): Promise<LogAnswer> {
  const url = typeof query === 'string' ? query : `${on.url}/api/v1/logs?${new URLSearchParams(query)}`;
  const response = await fetch(url, { headers: { authorization: auth } });
  const body: unknown = await response.json();
  const links: Record<string, string> = {};
  for (const part of (response.headers.get('link') ?? '').split(/,\s*(?=<)/)) {
    const match = /^<([^>]+)>; rel="(\w+)"$/.exec(part);
    if (match) links[match[2]!] = match[1]!;
  }
  return {
    status: response.status,
    events: Array.isArray(body) ? (body as LogEvent[]) : [],
    body,
    links,
    requestId: response.headers.get('x-okta-request-id'),
    bucketLimit: response.headers.get('x-rate-limit-limit'),
  };
}

const window = (from: number, to = Date.now() + 1_000) => ({ since: new Date(from).toISOString(), until: new Date(to).toISOString() });
const ofSession = (id: string) => `authenticationContext.externalSessionId eq "${id}"`;

describe('the events the server writes', () => {
  it('a sign-in is user.session.start with the session as externalSessionId (Classic), the client address and agent; each event validates against LogEvent', async () => {
    const started = Date.now();
    const signIn = server.signIn({ login: 'log-ada@example.com', ipAddress: '203.0.113.7', userAgent: 'Mozilla/5.0 Firefox/130.0' });
    expect(signIn.externalSessionId).toBe(signIn.sessionId);
    const { events } = await logs({ ...window(started - 1), filter: ofSession(signIn.externalSessionId) });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      eventType: 'user.session.start',
      actor: { id: signIn.userId, type: 'User', alternateId: 'log-ada@example.com' },
      client: { ipAddress: '203.0.113.7', userAgent: { rawUserAgent: 'Mozilla/5.0 Firefox/130.0', browser: 'FIREFOX' } },
      outcome: { result: 'SUCCESS' },
      authenticationContext: { externalSessionId: signIn.sessionId },
    });
    for (const event of server.logEvents) expect(validateLogEvent(event), JSON.stringify(validateLogEvent.errors)).toBe(true);
  });

  it('an app sign-in is user.authentication.sso in the same session', async () => {
    const started = Date.now();
    const { externalSessionId } = server.signIn({ login: 'log-sso@example.com' });
    server.appSignIn({ externalSessionId, app: 'Payroll', ipAddress: '198.51.100.4' });
    const { events } = await logs({ ...window(started - 1), filter: ofSession(externalSessionId) });
    expect(events.map((event) => event.eventType)).toEqual(['user.session.start', 'user.authentication.sso']);
    expect(events[1]?.client?.ipAddress).toBe('198.51.100.4');
    expect(events[1]?.target?.some((target) => target.displayName === 'Payroll')).toBe(true);
  });

  it('a revoke is user.session.end of that session, its transaction.id the revoke’s X-Okta-Request-Id', async () => {
    const started = Date.now();
    const { sessionId } = server.signIn({ login: 'log-revoke@example.com' });
    const { requestId } = await okta.revoke(sessionId).withResponse();
    const { events } = await logs({ ...window(started - 1), filter: `eventType eq "user.session.end" and ${ofSession(sessionId)}` });
    expect(events).toHaveLength(1);
    expect(events[0]?.transaction?.id).toBe(requestId);
    expect(events[0]?.target?.find((target) => target.type === 'User')?.alternateId).toBe('log-revoke@example.com');
  });

  it('a clear is one user.session.clear then one user.session.end per session, all with the clear’s request id; the other user’s session has none', async () => {
    const started = Date.now();
    const sessions = [1, 2, 3].map(() => server.signIn({ login: 'log-clear@example.com' }));
    const bystander = server.signIn({ login: 'log-bystander@example.com' });
    const { requestId } = await okta.clearUserSessions(sessions[0]!.userId).withResponse();
    const { events } = await logs({ ...window(started - 1), filter: `transaction.id eq "${requestId}"` });
    expect(events.map((event) => event.eventType)).toEqual([
      'user.session.clear',
      'user.session.end',
      'user.session.end',
      'user.session.end',
    ]);
    expect(
      events
        .slice(1)
        .map((event) => event.authenticationContext?.externalSessionId)
        .sort(),
    ).toEqual(sessions.map((session) => session.externalSessionId).sort());
    expect(events.some((event) => event.authenticationContext?.externalSessionId === bystander.externalSessionId)).toBe(false);
  });

  it('closing the current session is user.session.end by the user themself', async () => {
    const started = Date.now();
    const { sessionId, userId } = server.signIn({ login: 'log-close@example.com' });
    await okta.closeCurrent({ cookie: `sid=${sessionId}` });
    const { events } = await logs({ ...window(started - 1), filter: `eventType eq "user.session.end" and ${ofSession(sessionId)}` });
    expect(events[0]?.actor?.id).toBe(userId);
  });

  it('on an Identity Engine org the session’s log id is an idx… id, which the session operations do not take', async () => {
    const identityEngine = await startOktaSessionsServer({ engine: 'identity-engine', rateLimit: false });
    try {
      const { sessionId, externalSessionId } = identityEngine.signIn({ login: 'ie@example.com' });
      expect(externalSessionId).toMatch(/^idx/);
      expect(externalSessionId).not.toBe(sessionId);
      const { events } = await logs({ ...window(Date.now() - 60_000), filter: ofSession(externalSessionId) }, identityEngine);
      expect(events.map((event) => event.eventType)).toEqual(['user.session.start']);
      const answer = await fetch(`${identityEngine.url}/api/v1/sessions/${externalSessionId}`, {
        headers: { authorization: `SSWS ${identityEngine.apiToken}` },
      });
      expect(answer.status).toBe(404);
    } finally {
      await identityEngine.close();
    }
  });
});

describe('GET /api/v1/logs', () => {
  /** A server of its own with `count` sign-ins, for paging. */
  async function seeded(count: number, options: Parameters<typeof startOktaSessionsServer>[0] = {}) {
    const seededServer = await startOktaSessionsServer({ rateLimit: false, ...options });
    const started = Date.now() - 1;
    for (let index = 0; index < count; index++) seededServer.signIn({ login: `user${index}@example.com` });
    return { seededServer, started };
  }

  it('a bounded query (since and until) pages by its next links, each an absolute URL with an opaque after, and ends with no next link', async () => {
    const { seededServer, started } = await seeded(5);
    try {
      let answer = await logs({ ...window(started), limit: '2' }, seededServer);
      expect(answer.links.self).toMatch(new RegExp(`^${seededServer.url}/api/v1/logs\\?`));
      const logins: string[] = [];
      let pages = 0;
      for (;;) {
        pages++;
        logins.push(...answer.events.map((event) => event.actor?.alternateId ?? ''));
        if (!answer.links.next) break;
        const next = new URL(answer.links.next);
        expect(next.searchParams.get('after')).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(next.searchParams.has('since')).toBe(false);
        answer = await logs(answer.links.next, seededServer);
      }
      expect(pages).toBe(3);
      expect(logins).toEqual([0, 1, 2, 3, 4].map((index) => `user${index}@example.com`));
    } finally {
      await seededServer.close();
    }
  });

  it('sortOrder DESCENDING reads newest first, bounded (until defaults to now)', async () => {
    const { seededServer, started } = await seeded(3);
    try {
      const { events, links } = await logs({ since: new Date(started).toISOString(), sortOrder: 'DESCENDING' }, seededServer);
      expect(events.map((event) => event.actor?.alternateId)).toEqual(['user2@example.com', 'user1@example.com', 'user0@example.com']);
      expect(links.next).toBeUndefined();
    } finally {
      await seededServer.close();
    }
  });

  it('a polling query (no until) has a next link on every page, the empty one too; following it later returns what came since', async () => {
    const { seededServer, started } = await seeded(2);
    try {
      const first = await logs({ since: new Date(started).toISOString() }, seededServer);
      expect(first.events).toHaveLength(2);
      const empty = await logs(first.links.next!, seededServer);
      expect(empty.events).toEqual([]);
      expect(empty.links.next).toBeDefined();
      seededServer.signIn({ login: 'late@example.com' });
      const later = await logs(empty.links.next!, seededServer);
      expect(later.events.map((event) => event.actor?.alternateId)).toEqual(['late@example.com']);
    } finally {
      await seededServer.close();
    }
  });

  it('an event is visible only logDelayMs after it happened, as Okta’s log lags; a poll that saw nothing then sees it', async () => {
    const { seededServer, started } = await seeded(1, { logDelayMs: 300 });
    try {
      const first = await logs({ since: new Date(started).toISOString() }, seededServer);
      expect(first.events).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 350));
      const later = await logs(first.links.next!, seededServer);
      expect(later.events.map((event) => event.eventType)).toEqual(['user.session.start']);
    } finally {
      await seededServer.close();
    }
  });

  it('links are built on the host the request came to (a custom domain), as Okta builds them', async () => {
    const { seededServer, started } = await seeded(2);
    try {
      const viaLocalhost = seededServer.url.replace('127.0.0.1', 'localhost');
      const answer = await logs(`${viaLocalhost}/api/v1/logs?${new URLSearchParams({ ...window(started), limit: '1' })}`, seededServer);
      expect(answer.links.next?.startsWith(`${viaLocalhost}/api/v1/logs?`)).toBe(true);
    } finally {
      await seededServer.close();
    }
  });

  it.each([
    [{ limit: '1001' }, 'limit'],
    [{ limit: '-1' }, 'limit'],
    [{ since: 'yesterday' }, 'since'],
    [{ until: '2026-13-45' }, 'until'],
    [{ sortOrder: 'NEWEST' }, 'sortOrder'],
    [{ since: '2026-01-01T00:00:00Z', after: 'abc' }, 'after'],
    [{ after: 'crafted-by-hand' }, 'after'],
    [{ q: 'a'.repeat(41) }, 'q'],
  ])('%o is refused: 400 E0000001 naming %s', async (query, parameter) => {
    const answer = await logs(query);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ errorCode: 'E0000001' });
    expect((answer.body as { errorCauses: { errorSummary: string }[] }).errorCauses[0]?.errorSummary.startsWith(parameter)).toBe(true);
  });

  it('a date Okta cannot read is refused in Okta’s words', async () => {
    const answer = await logs({ since: 'yesterday' });
    expect((answer.body as { errorSummary: string }).errorSummary).toContain(
      'The date format in your query is not recognized. Please enter dates using ISO8601 string format.',
    );
  });

  it.each([
    ['published gt "2026-01-01T00:00:00Z"', 'field is not valid: published'],
    ['eventType eq', 'Invalid filter'],
    ['eventType xx "a"', 'Invalid filter'],
    ['(eventType eq "a"', 'Invalid filter'],
  ])('filter %j is 400 E0000053 (%s)', async (filter, summary) => {
    const answer = await logs({ filter });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ errorCode: 'E0000053' });
    expect((answer.body as { errorSummary: string }).errorSummary).toContain(summary);
  });

  it('filters: eq ne co sw pr gt lt, and or not, parentheses, dotted attributes and escaped quotes', async () => {
    const started = Date.now() - 1;
    const quoted = server.signIn({ login: 'o"brien\\x@example.com', ipAddress: '192.0.2.10', userAgent: 'curl/8' });
    server.signIn({ login: 'filter-b@example.com', ipAddress: '192.0.2.11', userAgent: 'curl/8' });
    server.signIn({ login: 'filter-c@example.com', ipAddress: '192.0.2.12', userAgent: 'Mozilla/5.0 Chrome/120' });
    const logins = async (filter: string) =>
      (await logs({ ...window(started), filter: `(${filter}) and client.ipAddress sw "192.0.2.1"` })).events.map(
        (event) => event.actor?.alternateId,
      );
    expect(await logins('actor.alternateId eq "o\\"brien\\\\x@example.com"')).toEqual(['o"brien\\x@example.com']);
    expect(await logins('client.ipAddress ne "192.0.2.10"')).toEqual(['filter-b@example.com', 'filter-c@example.com']);
    expect(await logins('client.userAgent.rawUserAgent co "Chrome"')).toEqual(['filter-c@example.com']);
    expect(await logins('client.ipAddress eq "192.0.2.10" or client.ipAddress eq "192.0.2.12"')).toEqual([
      'o"brien\\x@example.com',
      'filter-c@example.com',
    ]);
    expect(await logins('not (client.ipAddress eq "192.0.2.10")')).toEqual(['filter-b@example.com', 'filter-c@example.com']);
    expect(await logins('authenticationContext.externalSessionId pr')).toHaveLength(3);
    expect(await logins('client.ipAddress gt "192.0.2.11"')).toEqual(['filter-c@example.com']);
    expect(await logins('client.ipAddress lt "192.0.2.11"')).toEqual(['o"brien\\x@example.com']);
    expect(quoted.externalSessionId).toBeDefined();
  });

  it('q matches keywords anywhere in the event, every one of them', async () => {
    const started = Date.now() - 1;
    server.signIn({ login: 'keyword-one@example.com', userAgent: 'KeywordAgent/1' });
    const found = await logs({ ...window(started), q: 'keyword-one@example.com user.session.start' });
    expect(found.events.map((event) => event.actor?.alternateId)).toEqual(['keyword-one@example.com']);
    expect((await logs({ ...window(started), q: 'keyword-one@example.com user.session.end' })).events).toEqual([]);
  });

  it('is its own rate-limit bucket (/api/v1/logs), and needs okta.logs.read with an access token', async () => {
    const limited = await startOktaSessionsServer({ rateLimit: { limit: 100, buckets: { '/api/v1/logs': { limit: 60 } } } });
    try {
      expect((await logs({}, limited)).bucketLimit).toBe('60');
      const sessionsOnly = limited.issueAccessToken(['okta.sessions.read']);
      const withScope = limited.issueAccessToken(['okta.logs.read']);
      const refused = await logs({}, limited, `Bearer ${sessionsOnly}`);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ errorCode: 'E0000006' });
      expect((await logs({}, limited, `Bearer ${withScope}`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
