/**
 * Sessions as the System Log shows them, since Okta has no list of them: every event of a session carries
 * its `authenticationContext.externalSessionId`; `user.session.start` when Okta issued it, `user.session.end`
 * when it ended, with the `transaction.id` (the `X-Okta-Request-Id`) of the request that ended it; and a
 * clear of a user's sessions is one `user.session.clear` then one `user.session.end` per session, all in the
 * clear's transaction. Filters built from a caller's values are escaped (`scimString`).
 */
import { sleep } from '../helpers/abort.js';
import { isOktaUserId } from '../input/ids.js';
import { scimString } from '../input/scim.js';
import type { ApiRequest } from '../http/engine.js';
import type { LogEvent } from '../types.js';
import type { ClientCore } from './core.js';
import { firstLogRequest, type LogQuery, readLogPage } from './log-events.js';

/** One session the log shows. */
export interface LoggedSession {
  /** The log's id for the session (`authenticationContext.externalSessionId`; `idx…` on Identity Engine). */
  externalSessionId: string;
  /** The session's user (`00u…`), when its events name them. */
  userId: string | undefined;
  /** The user's login, when its events name it. */
  login: string | undefined;
  /** The earliest and latest events of the session the log holds. */
  firstSeen: Date;
  /** The latest event of the session the log holds. */
  lastSeen: Date;
  /** When Okta issued it (`user.session.start`), when the log holds that. */
  startedAt: Date | undefined;
  /** Client addresses and user agents its events came from, in the order first seen. */
  ipAddresses: string[];
  /** User agents its events came from, in the order first seen. */
  userAgents: string[];
  /** How it ended, when the log shows it: when, and the request that ended it (`transaction.id`, an `X-Okta-Request-Id`). */
  ended:
    | {
        /** When the session ended (`user.session.end`'s `published`). */
        at: Date;
        /** The request that ended it: its `transaction.id`, an `X-Okta-Request-Id`. */
        requestId: string | undefined;
      }
    | undefined;
  /** Not ended, as far as the log shows (it lags, and keeps 90 days). */
  active: boolean;
}

/** What `findSessions` looks for: one of `user`, `ipAddress` or `externalSessionId`, in a bounded window. */
export interface FindSessionsQuery extends Pick<LogQuery, 'signal' | 'timeoutMs'> {
  /** A user: their id (`00u…`) or login. */
  user?: string;
  /** A client address the session's events came from. */
  ipAddress?: string;
  /** A session by the log's id for it (`idx…` on Identity Engine), or several (read 50 to a query). */
  externalSessionId?: string | readonly string[];
  /** Default: 7 days before `until`. */
  since?: Date | string;
  /** Default: now, by Okta's clock. */
  until?: Date | string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Session ids per filter: keeps a query's URL short. */
const IDS_PER_QUERY = 50;

/** Filters naming `ids`, 50 to a filter, each `prefix (id or id …)`. */
function sessionFilters(ids: readonly string[], prefix = ''): string[] {
  const filters: string[] = [];
  for (let at = 0; at < ids.length; at += IDS_PER_QUERY) {
    const chunk = ids.slice(at, at + IDS_PER_QUERY).map((id) => `authenticationContext.externalSessionId eq ${scimString(id)}`);
    filters.push(`${prefix}(${chunk.join(' or ')})`);
  }
  return filters;
}

function userOf(event: LogEvent): { id: string | undefined; login: string | undefined } {
  const user =
    event.eventType === 'user.session.end'
      ? event.target?.find((target) => target.type === 'User')
      : event.actor?.type === 'User'
        ? event.actor
        : undefined;
  return { id: user?.id, login: user?.alternateId };
}

/** Folds events into one record per externalSessionId. */
export function sessionsOf(events: readonly LogEvent[]): LoggedSession[] {
  const byId = new Map<string, LoggedSession>();
  for (const event of [...events].sort((a, b) => Date.parse(a.published ?? '') - Date.parse(b.published ?? ''))) {
    const id = event.authenticationContext?.externalSessionId;
    if (!id || !event.published) continue;
    const at = new Date(event.published);
    let session = byId.get(id);
    if (!session) {
      session = {
        externalSessionId: id,
        userId: undefined,
        login: undefined,
        firstSeen: at,
        lastSeen: at,
        startedAt: undefined,
        ipAddresses: [],
        userAgents: [],
        ended: undefined,
        active: true,
      };
      byId.set(id, session);
    }
    const user = userOf(event);
    session.userId ??= user.id;
    session.login ??= user.login;
    session.lastSeen = at;
    if (event.eventType === 'user.session.end') {
      session.ended = { at, requestId: event.transaction?.id };
      session.active = false;
      continue;
    }
    if (event.eventType === 'user.session.start') session.startedAt ??= at;
    const ip = event.client?.ipAddress;
    const agent = event.client?.userAgent?.rawUserAgent;
    if (ip && !session.ipAddresses.includes(ip)) session.ipAddresses.push(ip);
    if (agent && !session.userAgents.includes(agent)) session.userAgents.push(agent);
  }
  return [...byId.values()];
}

/** Every event of a bounded query (its pages end). */
async function readAll(core: ClientCore, query: LogQuery): Promise<LogEvent[]> {
  const events: LogEvent[] = [];
  let request: ApiRequest | undefined = firstLogRequest(core, query).request;
  while (request) {
    const { page, next } = await readLogPage(core, request, query);
    events.push(...page.events);
    request = next;
  }
  return events;
}

/** The selector's filters (one, or one per 50 session ids), and whether their events already hold the sessions' ends. */
function selectorOf({ user, ipAddress, externalSessionId }: FindSessionsQuery): { filters: string[]; holdsEnds: boolean } {
  const given = { user, ipAddress, externalSessionId };
  const named = Object.entries(given).filter(([, value]) => value !== undefined);
  if (named.length !== 1) throw new TypeError('findSessions: give one of user, ipAddress or externalSessionId');
  const ids = typeof externalSessionId === 'string' ? [externalSessionId] : externalSessionId;
  for (const [name, value] of named) {
    const values = name === 'externalSessionId' && Array.isArray(ids) ? ids : [value];
    if (values.some((item) => typeof item !== 'string' || item === ''))
      throw new TypeError(`findSessions: ${name} must be a non-empty string${name === 'externalSessionId' ? ' or an array of them' : ''}`);
  }
  if (ids) return { filters: sessionFilters([...new Set(ids)]), holdsEnds: true };
  if (user) {
    const field = isOktaUserId(user) ? 'id' : 'alternateId';
    // The user's own events, and those that act on them (an admin's clear ends their sessions).
    return { filters: [`actor.${field} eq ${scimString(user)} or target.${field} eq ${scimString(user)}`], holdsEnds: true };
  }
  return { filters: [`client.ipAddress eq ${scimString(ipAddress ?? '')}`], holdsEnds: false };
}

/**
 * The sessions the log shows for a user, a client address or externalSessionIds, in a bounded window
 * (default the last 7 days): one record per session, with how it ended when the log shows that. One query
 * (its pages) per 50 session ids, one for a user; for an address one more per 50 sessions it found, for their ends.
 */
export async function findSessions(core: ClientCore, query: FindSessionsQuery): Promise<LoggedSession[]> {
  if (typeof query !== 'object' || query === null) throw new TypeError('findSessions(query): query must be an object');
  const { filters, holdsEnds } = selectorOf(query);
  const since = query.since ?? new Date(new Date(query.until ?? Date.now()).getTime() - 7 * DAY_MS);
  // Newest first: bounded without an until, which Okta then takes as its own now (this machine's clock may be off).
  const window = { since, until: query.until, sortOrder: 'DESCENDING' as const, signal: query.signal, timeoutMs: query.timeoutMs };
  const events: LogEvent[] = [];
  for (const filter of filters) events.push(...(await readAll(core, { ...window, filter })));
  if (!holdsEnds) {
    // The address found the sessions; their ends may come from elsewhere (an admin's clear).
    const ids = [
      ...new Set(events.map((event) => event.authenticationContext?.externalSessionId).filter((id): id is string => Boolean(id))),
    ];
    for (const filter of sessionFilters(ids, 'eventType eq "user.session.end" and '))
      events.push(...(await readAll(core, { ...window, filter })));
  }
  return sessionsOf(events);
}

/** A clear the client made: its request id, and when (the log is searched from a little before). */
export type ClearRef =
  | string
  | {
      /** The clear's `X-Okta-Request-Id` (from `.withResponse()`). */
      requestId: string;
      /** When the clear was made: the log is read from a minute before. */
      at: Date;
    };

/** What the log shows of one clear: its `user.session.clear`, and the `user.session.end` of each session it ended. */
export interface ClearSeen {
  /** The clear's `user.session.clear`; undefined when the log did not show it in time (unverified). */
  clear: LogEvent | undefined;
  /** A `user.session.end` per session it ended, each with that session's `externalSessionId`. */
  ended: LogEvent[];
}

/** How long `sessionsEndedBy` waits for the log, and where it starts reading. */
export interface SessionsEndedByOptions extends Pick<LogQuery, 'signal' | 'timeoutMs'> {
  /** How long to wait for the log to show every clear (its lag). Default 60 000. */
  waitMs?: number;
  /** Where to start reading; default a minute before the earliest clear's `at`, or 15 minutes ago. */
  since?: Date | string;
}

const CLEAR_MARGIN_MS = 60_000;
const FIRST_POLL_MS = 500;
const MAX_POLL_MS = 8_000;

/**
 * The sessions each clear ended, as the log shows them: one polling read over the clears' time span, its
 * events matched to the clears by `transaction.id` here (not one query per clear), polling again with
 * growing pauses while a clear is not in the log yet, for at most `waitMs`. A clear the log does not show
 * in time has no `clear` event: unverified, not "ended nothing".
 */
export async function sessionsEndedBy(
  core: ClientCore,
  clears: readonly ClearRef[],
  options: SessionsEndedByOptions = {},
): Promise<Map<string, ClearSeen>> {
  if (!Array.isArray(clears)) throw new TypeError('sessionsEndedBy(clears): clears must be an array of request ids or { requestId, at }');
  const refs = clears.map((clear) => (typeof clear === 'string' ? { requestId: clear, at: undefined } : clear));
  if (refs.some((ref) => typeof ref?.requestId !== 'string' || ref.requestId === ''))
    throw new TypeError('sessionsEndedBy: every clear needs its request id (X-Okta-Request-Id)');
  const waitMs = options.waitMs ?? 60_000;
  if (!(waitMs >= 0)) throw new TypeError(`sessionsEndedBy: waitMs must be a number of ms >= 0; got ${String(options.waitMs)}`);
  const seen = new Map<string, ClearSeen>(refs.map((ref) => [ref.requestId, { clear: undefined, ended: [] }]));
  if (refs.length === 0) return seen;
  const times = refs.flatMap((ref) => (ref.at ? [ref.at.getTime()] : []));
  const since = options.since ?? new Date(times.length > 0 ? Math.min(...times) - CLEAR_MARGIN_MS : Date.now() - 15 * 60_000);
  const deadline = Date.now() + waitMs;
  const callOptions = { signal: options.signal, timeoutMs: options.timeoutMs };
  let request: ApiRequest | undefined = firstLogRequest(core, {
    since,
    filter: 'eventType eq "user.session.clear" or eventType eq "user.session.end"',
  }).request;
  let pauseMs = FIRST_POLL_MS;
  while (request) {
    const { page, next } = await readLogPage(core, request, callOptions);
    for (const event of page.events) {
      const entry = seen.get(event.transaction?.id ?? '');
      if (!entry) continue;
      if (event.eventType === 'user.session.clear') entry.clear = event;
      else entry.ended.push(event);
    }
    request = next;
    if (page.events.length > 0) continue;
    // An empty page: the log holds nothing newer yet. Done when every clear is in it; else wait, within the deadline.
    if ([...seen.values()].every((entry) => entry.clear) || Date.now() + pauseMs > deadline) break;
    await sleep(pauseMs, options.signal);
    pauseMs = Math.min(pauseMs * 2, MAX_POLL_MS);
  }
  return seen;
}
