/**
 * Reading the System Log through the client against the embedded server: pages follow Okta's next links,
 * bounded and polling reads end as Okta's do, pacing keeps a small logs bucket from answering 429, and the
 * sessions the log shows are found and proved ended with as few requests as the filter allows.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { OktaSessions, scimString } from '../../src/index.js';
import { type OktaSessionsServer, type OktaSessionsServerOptions, startOktaSessionsServer } from '../../src/testing/index.js';

const servers: OktaSessionsServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A server (closed after the test) and a client that records every URL it requested. */
async function org(options: OktaSessionsServerOptions = { rateLimit: false }) {
  const statuses: number[] = [];
  const server = await startOktaSessionsServer({ ...options, onResponse: (record) => statuses.push(record.status) });
  servers.push(server);
  const requested: URL[] = [];
  const okta = new OktaSessions({
    orgUrl: server.url,
    apiToken: server.apiToken,
    fetch: (input, init) => {
      requested.push(new URL(input instanceof Request ? input.url : String(input)));
      return fetch(input, init);
    },
  });
  const logRequests = () => requested.filter((url) => url.pathname === '/api/v1/logs');
  return { server, okta, requested, logRequests, statuses };
}

const signIns = (server: OktaSessionsServer, count: number, login = (index: number) => `user${index}@example.com`) =>
  Array.from({ length: count }, (_, index) => server.signIn({ login: login(index) }));

const boundedFrom = (since: number) => ({ since: new Date(since), until: new Date(Date.now() + 1_000) });

describe('okta.logEvents()', () => {
  it('a bounded read follows each next link as given, never crafting after, and ends when there is none', async () => {
    const setup = await org();
    const started = Date.now() - 1;
    signIns(setup.server, 7);
    const logins: string[] = [];
    for await (const event of setup.okta.logEvents({ ...boundedFrom(started), limit: 3 })) logins.push(event.actor?.alternateId ?? '');
    expect(logins).toEqual(Array.from({ length: 7 }, (_, index) => `user${index}@example.com`));
    const urls = setup.logRequests();
    expect(urls).toHaveLength(3);
    expect(urls[0]?.searchParams.get('limit')).toBe('3');
    expect(urls[0]?.searchParams.has('after')).toBe(false);
    // Every later page is a next link the server gave: its after is the server's, its since dropped.
    for (const url of urls.slice(1)) {
      expect(url.searchParams.get('after')).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(url.searchParams.has('since')).toBe(false);
    }
  });

  it('reads 1000 events a page by default, for bulk reads from a small bucket', async () => {
    const setup = await org();
    for await (const _ of setup.okta.logEvents({})) break;
    expect(setup.logRequests()[0]?.searchParams.get('limit')).toBe('1000');
  });

  it('.pages() gives each page with its request id, its rate limit and whether Okta gave a next one', async () => {
    const setup = await org({ rateLimit: { limit: 100, buckets: { '/api/v1/logs': { limit: 60 } } } });
    const started = Date.now() - 1;
    signIns(setup.server, 3);
    const pages = [];
    for await (const page of setup.okta.logEvents({ ...boundedFrom(started), limit: 2 }).pages()) pages.push(page);
    expect(pages.map((page) => [page.events.length, page.hasNext])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(pages[0]?.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(pages[0]?.requestId).not.toBe(pages[1]?.requestId);
    expect(pages[1]?.rateLimit).toMatchObject({ limit: 60, remaining: 58 });
  });

  it('a polling read (no until) ends at its first empty page', async () => {
    const setup = await org();
    const started = Date.now() - 1;
    signIns(setup.server, 2);
    const events = [];
    for await (const event of setup.okta.logEvents({ since: new Date(started), limit: 2 })) events.push(event);
    expect(events).toHaveLength(2);
    // The full page, then the empty one that said nothing is newer.
    expect(setup.logRequests()).toHaveLength(2);
  });

  it('with follow, a polling read keeps following next links after empty pages, pausing between, until aborted', async () => {
    const setup = await org();
    const controller = new AbortController();
    const started = Date.now() - 1;
    const seen: string[] = [];
    setTimeout(() => setup.server.signIn({ login: 'late@example.com' }), 120);
    const reading = (async () => {
      for await (const event of setup.okta.logEvents({
        since: new Date(started),
        follow: true,
        pollIntervalMs: 50,
        signal: controller.signal,
      })) {
        seen.push(event.actor?.alternateId ?? '');
        controller.abort();
      }
    })();
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual(['late@example.com']);
    const pauses = setup.logRequests().length;
    // About one request per pause while nothing came (120 ms / 50 ms), never a busy loop.
    expect(pauses).toBeGreaterThanOrEqual(2);
    expect(pauses).toBeLessThanOrEqual(6);
  });

  it.each([
    [{ limit: 1001 }, /limit must be a whole number from 0 to 1000/],
    [{ since: 'yesterday' }, /since must be a Date or an ISO 8601 time/],
    [{ sortOrder: 'NEWEST' }, /sortOrder must be 'ASCENDING' or 'DESCENDING'/],
    [{ q: 'x'.repeat(41) }, /q takes at most 10 keywords of at most 40 characters/],
    [{ until: new Date(), follow: true }, /follow needs a polling query/],
  ])('%o fails the first read with a TypeError saying what to fix, before anything is sent', async (query, message) => {
    const setup = await org();
    const read = async () => {
      for await (const _ of setup.okta.logEvents(query as never));
    };
    await expect(read()).rejects.toThrow(message);
    expect(setup.requested).toEqual([]);
  });

  it('paces pages within the logs bucket: 12 pages from a bucket of 5 per second end with no 429', async () => {
    const setup = await org({ rateLimit: { limit: 100, buckets: { '/api/v1/logs': { limit: 5, windowMs: 1_000 } } } });
    const started = Date.now() - 1;
    signIns(setup.server, 12);
    let events = 0;
    for await (const _ of setup.okta.logEvents({ ...boundedFrom(started), limit: 1 })) events++;
    expect(events).toBe(12);
    expect(setup.server.requestCounts.listLogEvents).toBe(12);
    expect(setup.statuses.filter((status) => status !== 200)).toEqual([]);
  });
});

describe('scimString', () => {
  it('quotes a value and escapes its quotes and backslashes, so it stays one value', () => {
    expect(scimString('ada@example.com')).toBe('"ada@example.com"');
    expect(scimString('a" or actor.id pr or "')).toBe('"a\\" or actor.id pr or \\""');
    expect(scimString('back\\slash')).toBe('"back\\\\slash"');
  });
});

describe('okta.findSessions()', () => {
  it('by user: one record per session, with its start, address, agent, and how it ended (by which request)', async () => {
    const setup = await org();
    const ada = setup.server.signIn({ login: 'ada@example.com', ipAddress: '198.51.100.1', userAgent: 'Agent/A' });
    const second = setup.server.signIn({ login: 'ada@example.com', ipAddress: '203.0.113.7', userAgent: 'Agent/B' });
    setup.server.signIn({ login: 'grace@example.com' });
    const { requestId } = await setup.okta.revoke(second.sessionId).withResponse();
    const sessions = await setup.okta.findSessions({ user: 'ada@example.com' });
    expect(sessions.map((session) => session.externalSessionId).sort()).toEqual([ada.externalSessionId, second.externalSessionId].sort());
    const ended = sessions.find((session) => session.externalSessionId === second.externalSessionId);
    expect(ended).toMatchObject({
      userId: ada.userId,
      login: 'ada@example.com',
      ipAddresses: ['203.0.113.7'],
      userAgents: ['Agent/B'],
      active: false,
    });
    expect(ended?.ended?.requestId).toBe(requestId);
    expect(sessions.find((session) => session.externalSessionId === ada.externalSessionId)).toMatchObject({
      active: true,
      ended: undefined,
    });
    // A user's sessions and their ends are one query.
    expect(setup.logRequests()).toHaveLength(1);
    expect(await setup.okta.findSessions({ user: ada.userId })).toHaveLength(2);
  });

  it('by address: the sessions seen from it, their ends found with one more query', async () => {
    const setup = await org();
    const attacker = '203.0.113.66';
    const stolen = setup.server.signIn({ login: 'victim@example.com', ipAddress: attacker });
    setup.server.signIn({ login: 'victim@example.com', ipAddress: '198.51.100.2' });
    setup.server.signIn({ login: 'other@example.com', ipAddress: attacker });
    await setup.okta.clearUserSessions(stolen.userId);
    const sessions = await setup.okta.findSessions({ ipAddress: attacker });
    expect(sessions.map((session) => [session.login, session.active]).sort()).toEqual([
      ['other@example.com', true],
      ['victim@example.com', false],
    ]);
    expect(setup.logRequests()).toHaveLength(2);
  });

  it('by externalSessionId: that session only', async () => {
    const setup = await org({ engine: 'identity-engine', rateLimit: false });
    const one = setup.server.signIn({ login: 'ie@example.com' });
    setup.server.signIn({ login: 'ie@example.com' });
    const sessions = await setup.okta.findSessions({ externalSessionId: one.externalSessionId });
    expect(sessions.map((session) => session.externalSessionId)).toEqual([one.externalSessionId]);
  });

  it('60 externalSessionIds: read 50 to a query, so 2 queries, every session found once', async () => {
    const setup = await org({ engine: 'identity-engine', rateLimit: false });
    const ids = Array.from({ length: 60 }, (_, index) => setup.server.signIn({ login: `u${index}@example.com` }).externalSessionId);
    setup.server.signIn({ login: 'bystander@example.com' });
    const sessions = await setup.okta.findSessions({ externalSessionId: [...ids, ids[0] as string] });
    expect(sessions.map((session) => session.externalSessionId).sort()).toEqual([...ids].sort());
    expect(setup.logRequests()).toHaveLength(2);
  });

  it('a login holding quotes and backslashes finds that user only: the value cannot add a clause', async () => {
    const setup = await org();
    setup.server.signIn({ login: 'someone@example.com' });
    const sessions = await setup.okta.findSessions({ user: 'x" or actor.alternateId pr or actor.id eq "\\' });
    expect(sessions).toEqual([]);
  });

  it.each([[{}], [{ user: 'a', ipAddress: 'b' }], [{ user: '' }]])('%o is refused: one selector, not empty', async (query) => {
    const setup = await org();
    await expect(setup.okta.findSessions(query)).rejects.toThrow(
      /give one of user, ipAddress or externalSessionId|must be a non-empty string/,
    );
    expect(setup.requested).toEqual([]);
  });
});

describe('okta.sessionsEndedBy()', () => {
  it('matches each clear to its user.session.clear and ends by transaction id, in one read, waiting out the log’s delay', async () => {
    const setup = await org({ rateLimit: false, logDelayMs: 400 });
    const users = ['a@example.com', 'b@example.com', 'c@example.com'];
    const sessions = users.map((login) => [setup.server.signIn({ login }), setup.server.signIn({ login })]);
    const clears = [];
    for (const [first] of sessions) {
      const { requestId } = await setup.okta.clearUserSessions(first!.userId).withResponse();
      clears.push({ requestId: requestId!, at: new Date() });
    }
    const seen = await setup.okta.sessionsEndedBy(clears, { waitMs: 5_000 });
    for (const [index, clear] of clears.entries()) {
      const entry = seen.get(clear.requestId);
      expect(entry?.clear?.eventType).toBe('user.session.clear');
      expect(entry?.ended.map((event) => event.authenticationContext?.externalSessionId).sort()).toEqual(
        sessions[index]!.map((session) => session.externalSessionId).sort(),
      );
    }
    // One polling read: a filter for clears and ends, its pages and the polls that waited for the delay.
    const urls = setup.logRequests();
    expect(urls[0]?.searchParams.get('filter')).toBe('eventType eq "user.session.clear" or eventType eq "user.session.end"');
    expect(urls.slice(1).every((url) => url.searchParams.has('after'))).toBe(true);
    expect(urls.length).toBeLessThanOrEqual(6);
  });

  it('a clear the log does not show within waitMs has no clear event: unverified, not "ended nothing"', async () => {
    const setup = await org({ rateLimit: false, logDelayMs: 10_000 });
    const { userId } = setup.server.signIn({ login: 'slow@example.com' });
    const { requestId } = await setup.okta.clearUserSessions(userId).withResponse();
    const started = Date.now();
    const seen = await setup.okta.sessionsEndedBy([requestId!], { waitMs: 600 });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(seen.get(requestId!)).toEqual({ clear: undefined, ended: [] });
  });

  it('refuses clears without a request id, before anything is sent', async () => {
    const setup = await org();
    await expect(setup.okta.sessionsEndedBy([''])).rejects.toThrow(/every clear needs its request id/);
    expect(setup.requested).toEqual([]);
  });
});
