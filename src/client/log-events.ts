/**
 * Reading the System Log (`GET /api/v1/logs`, listLogEvents) page by page, as Okta asks (loaded on first use,
 * see system-log.ts): every page after
 * the first is the `rel="next"` link it gave, never a crafted `after`; a bounded query (since and until)
 * ends when there is no next link; a polling query (no until, ascending) always has one, so it ends at its
 * first empty page, or with `follow` keeps polling, within the logs bucket, until aborted. Pages are paced
 * in the logs bucket of their own like every call, and a 429 is waited out at its reset.
 */
import { sleep } from '../helpers/abort.js';
import type { Answered } from '../http/attempts.js';
import type { ApiRequest } from '../http/engine.js';
import { buildRequest, requestForLink } from '../http/request.js';
import { OPERATIONS } from '../operations.js';
import { rateLimitOf } from '../pacing/rate-limit-reading.js';
import type { RateLimit } from '../errors/classes.js';
import { redactedRequestId } from '../errors/make.js';
import type { LogEvent } from '../types.js';
import { runCall } from './call.js';
import type { ClientCore } from './core.js';
import type { CallOptions } from './options.js';

/** A System Log query (`GET /api/v1/logs`): bounded with `since` and `until`, polling without `until`. */
export interface LogQuery extends Pick<CallOptions, 'signal' | 'timeoutMs' | 'retry'> {
  /** The earliest `published` (bounded) or persistence time (polling); Okta's default: 7 days before `until`. */
  since?: Date | string;
  /** The latest `published`, exclusive: with `since`, a bounded query, whose pages end. */
  until?: Date | string;
  /** A SCIM filter, e.g. `eventType eq "user.session.start"`: build values into it with `scimString` (escapes quotes). */
  filter?: string;
  /** Keywords every event must hold (at most 10, each at most 40 characters). */
  q?: string;
  /** Events per page, 0 to 1000. Default 1000: fewer requests from a small bucket. */
  limit?: number;
  /** `ASCENDING` (default) or `DESCENDING` by `published`; descending is always bounded (until defaults to now). */
  sortOrder?: 'ASCENDING' | 'DESCENDING';
  /** A polling query keeps polling after an empty page, until `signal` aborts (a tail of the log). */
  follow?: boolean;
  /** With `follow`: the pause after an empty page before asking again. Default 10 000. */
  pollIntervalMs?: number;
}

/** One page of the log, with what its answer said. */
export interface LogPage {
  /** The page's events, in the query's order. */
  events: LogEvent[];
  /** `X-Okta-Request-Id` of the page. */
  requestId: string | undefined;
  /** The logs bucket as the answer reported it. */
  rateLimit: RateLimit | undefined;
  /** Whether Okta gave a next page. */
  hasNext: boolean;
}

const DEFAULT_LIMIT = 1000;
const DEFAULT_POLL_INTERVAL_MS = 10_000;

function isoOf(value: Date | string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  const ms = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(ms))
    throw new TypeError(
      `logEvents: ${name} must be a Date or an ISO 8601 time such as "2026-12-01T00:00:00Z"; got ${JSON.stringify(value)}`,
    );
  return new Date(ms).toISOString();
}

/** The query's parameters, checked before anything is sent; and whether it is a polling one. */
function checkQuery(query: LogQuery): { params: Record<string, string | number>; polling: boolean } {
  if (typeof query !== 'object' || query === null) throw new TypeError('logEvents(query): query must be an object');
  const limit = query.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 0 || limit > 1000)
    throw new TypeError(`logEvents: limit must be a whole number from 0 to 1000; got ${String(query.limit)}`);
  const sortOrder = query.sortOrder ?? 'ASCENDING';
  if (sortOrder !== 'ASCENDING' && sortOrder !== 'DESCENDING')
    throw new TypeError(`logEvents: sortOrder must be 'ASCENDING' or 'DESCENDING'; got ${JSON.stringify(query.sortOrder)}`);
  for (const name of ['filter', 'q'] as const) {
    if (query[name] !== undefined && typeof query[name] !== 'string') throw new TypeError(`logEvents: ${name} must be a string`);
  }
  const keywords = (query.q ?? '').split(/\s+/).filter(Boolean);
  if (keywords.length > 10 || keywords.some((keyword) => keyword.length > 40))
    throw new TypeError('logEvents: q takes at most 10 keywords of at most 40 characters each, as Okta does');
  const since = isoOf(query.since, 'since');
  const until = isoOf(query.until, 'until');
  const polling = until === undefined && sortOrder === 'ASCENDING';
  if (query.follow && !polling)
    throw new TypeError('logEvents: follow needs a polling query (no until, sortOrder ASCENDING): a bounded query ends');
  const params: Record<string, string | number> = { limit, sortOrder };
  if (since !== undefined) params.since = since;
  if (until !== undefined) params.until = until;
  if (query.filter) params.filter = query.filter;
  if (query.q) params.q = query.q;
  return { params, polling };
}

/** `rel="next"` of a Link header: `<url>; rel="next", <url>; rel="self"`. */
export function nextLink(header: string | null): string | undefined {
  for (const part of (header ?? '').split(/,(?=\s*<)/)) {
    const link = /^\s*<(?<url>[^>]*)>\s*;(?<params>.*)$/.exec(part)?.groups;
    if (link && /\brel="?next"?/.test(link.params ?? '')) return link.url;
  }
  return undefined;
}

/** One page of the log: the request's answer as a page, and the request of the next page when Okta gave one. */
export async function readLogPage(
  core: ClientCore,
  request: ApiRequest,
  options: CallOptions,
): Promise<{ page: LogPage; next: ApiRequest | undefined }> {
  const operation = OPERATIONS.listLogEvents;
  const answered: Answered<LogEvent[]> = await runCall(core, operation, request, options, []);
  const events = answered.value ?? [];
  const link = nextLink(answered.response.headers.get('link'));
  const page = {
    events,
    requestId: redactedRequestId(answered.response, answered.secrets),
    rateLimit: rateLimitOf(answered.reading),
    hasNext: link !== undefined,
  };
  return { page, next: link === undefined ? undefined : requestForLink(core.orgUrl, operation, link) };
}

/** The first request of a query. */
export function firstLogRequest(core: ClientCore, query: LogQuery): { request: ApiRequest; polling: boolean } {
  const { params, polling } = checkQuery(query);
  return { request: buildRequest<'listLogEvents'>(core.orgUrl, OPERATIONS.listLogEvents, { params: { query: params } }), polling };
}

/** The pages of `query`, as `okta.logEvents()` reads them; the query is checked before the first is sent. */
export async function* logPages(core: ClientCore, query: LogQuery): AsyncGenerator<LogPage> {
  const first = firstLogRequest(core, query);
  const options = { signal: query.signal, timeoutMs: query.timeoutMs, retry: query.retry };
  const pollIntervalMs = query.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  if (!(pollIntervalMs >= 0))
    throw new TypeError(`logEvents: pollIntervalMs must be a number of ms >= 0; got ${String(query.pollIntervalMs)}`);
  let request: ApiRequest | undefined = first.request;
  while (request) {
    const { page, next }: { page: LogPage; next: ApiRequest | undefined } = await readLogPage(core, request, options);
    yield page;
    if (first.polling && page.events.length === 0) {
      if (!query.follow) return;
      // Okta has nothing new yet: ask again after a while, not at once (the logs bucket is small).
      await sleep(pollIntervalMs, query.signal);
    }
    request = next;
  }
}
