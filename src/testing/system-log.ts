/**
 * The embedded server's System Log, answering `GET /api/v1/logs` as Okta does
 * (docs/reference/system-log-query, the spec's listLogEvents): bounded queries (`since` and `until`) in
 * `published` order with a finite number of pages; polling queries (no `until`, ascending) by persistence
 * time, with a `next` link on every page, empty ones too; `after` an opaque cursor never to be crafted, and
 * exclusive with `since`; `limit` 0-1000 (default 100); a SCIM `filter` and `q` keywords. An event becomes
 * visible `delayMs` after it is written, as Okta's log lags.
 */
import type { LogEvent } from '../types.js';
import { errorBody } from './error-catalogue.js';
import type { Answer } from './answer.js';
import { type Filter, FilterError, matches, parseFilter } from './log-filter.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Okta returns nothing older than this. */
const RETENTION_MS = 90 * DAY_MS;

interface Stored {
  event: LogEvent;
  publishedMs: number;
  /** Persistence order: polling queries page by it. */
  seq: number;
  visibleAtMs: number;
}

/** Where a page ended: in `published` order for a bounded query, in persistence order for a polling one. */
type Cursor = { publishedMs: number; seq: number } | { seq: number };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(after: string): Cursor | undefined {
  try {
    const cursor: unknown = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
    return typeof cursor === 'object' && cursor !== null && typeof (cursor as { seq?: unknown }).seq === 'number'
      ? (cursor as Cursor)
      : undefined;
  } catch {
    return undefined;
  }
}

const invalid = (parameter: string, ...causes: string[]): Answer => ({
  status: 400,
  body: errorBody(
    'E0000001',
    causes.map((cause) => `'${parameter}': ${cause}`).join('. '),
    causes.map((cause) => `${parameter}: ${cause}`),
  ),
});

function parseTime(value: string | null, parameter: string): number | Answer | undefined {
  if (value === null || value === '') return undefined;
  const ms = Date.parse(value);
  if (Number.isFinite(ms) && /^\d{4}-\d{2}-\d{2}T/.test(value)) return ms;
  return invalid(
    parameter,
    'The date format in your query is not recognized. Please enter dates using ISO8601 string format.',
    'must be a valid date-time or empty.',
  );
}

/** A keyword matches a value that holds it whole, or as one of its hyphen-separated parts (case-insensitive). */
function keywordMatches(event: LogEvent, keyword: string): boolean {
  const needle = keyword.toLowerCase();
  const values: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') values.push(value.toLowerCase());
    else if (typeof value === 'object' && value !== null) for (const inner of Object.values(value)) collect(inner);
  };
  collect(event);
  return values.some(
    (value) => value.split(/[\s,]+/).some((word) => word === needle || word.split('-').includes(needle)) || value === needle,
  );
}

export interface LogPage {
  events: LogEvent[];
  /** The query of the next page (`after` in it), or undefined when there is none. */
  next: URLSearchParams | undefined;
}

export class SystemLog {
  /** In `published` order, for bounded queries. */
  readonly #events: Stored[] = [];
  /** In the order they were written, for polling queries. */
  readonly #byPersistence: Stored[] = [];
  readonly #delayMs: number;
  #seq = 0;

  /** `delayMs`: how long after it is written an event can be read, as Okta's log lags. */
  constructor(delayMs: number) {
    this.#delayMs = delayMs;
  }

  write(event: LogEvent, nowMs: number): void {
    const stored = { event, publishedMs: Date.parse(event.published as string), seq: ++this.#seq, visibleAtMs: nowMs + this.#delayMs };
    // Kept in `published` order (events are written as they happen; a seeded one may be older).
    let at = this.#events.length;
    while (at > 0 && (this.#events[at - 1] as Stored).publishedMs > stored.publishedMs) at--;
    this.#events.splice(at, 0, stored);
    this.#byPersistence.push(stored);
  }

  /** Every event written, visible or not: for tests. */
  get all(): readonly LogEvent[] {
    return this.#events.map((stored) => stored.event);
  }

  /** One page of `GET /api/v1/logs`, or the 400 Okta answers for what it refuses. */
  query(params: URLSearchParams, nowMs: number): LogPage | Answer {
    const limitText = params.get('limit');
    const limit = limitText === null || limitText === '' ? 100 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 0 || limit > 1000) return invalid('limit', 'must be an integer between 0 and 1000');
    const sortOrder = params.get('sortOrder') ?? 'ASCENDING';
    if (sortOrder !== 'ASCENDING' && sortOrder !== 'DESCENDING') return invalid('sortOrder', 'must be one of ASCENDING, DESCENDING');
    const since = parseTime(params.get('since'), 'since');
    const until = parseTime(params.get('until'), 'until');
    if (typeof since === 'object') return since;
    if (typeof until === 'object') return until;
    const after = params.get('after');
    if (after !== null && since !== undefined)
      return invalid('after', 'since and after are mutually exclusive: follow the next link as Okta gave it');
    const cursor = after === null ? undefined : decodeCursor(after);
    if (after !== null && !cursor) return invalid('after', 'is not a cursor this server gave: follow the next link as Okta gave it');
    const keywords = (params.get('q') ?? '').split(/\s+/).filter(Boolean);
    if (keywords.length > 10 || keywords.some((keyword) => keyword.length > 40)) {
      return invalid(
        'q',
        'Freeform search cannot contain items longer than 40 characters. Please shorten the items in your search or use an advanced filter to query by specific fields.',
      );
    }
    let filter: Filter | undefined;
    try {
      filter = params.get('filter') ? parseFilter(params.get('filter') as string) : undefined;
    } catch (error) {
      if (error instanceof FilterError) return { status: 400, body: errorBody('E0000053', error.message) };
      throw error;
    }
    const polling = until === undefined && sortOrder === 'ASCENDING';
    const wanted = (stored: Stored) =>
      stored.publishedMs >= nowMs - RETENTION_MS &&
      (!filter || matches(filter, stored.event)) &&
      keywords.every((keyword) => keywordMatches(stored.event, keyword));
    return polling
      ? this.#poll(params, { since: since ?? nowMs - 7 * DAY_MS, cursor, limit, wanted, nowMs })
      : this.#bounded(params, { since, until: until ?? nowMs + 1, sortOrder, cursor, limit, wanted, nowMs });
  }

  /** By persistence order after the cursor (or from `since`): a next link always, even on an empty page. */
  #poll(
    params: URLSearchParams,
    {
      since,
      cursor,
      limit,
      wanted,
      nowMs,
    }: { since: number; cursor: Cursor | undefined; limit: number; wanted: (stored: Stored) => boolean; nowMs: number },
  ): LogPage {
    const events: Stored[] = [];
    let lastSeq = cursor?.seq ?? 0;
    // Sequence numbers are positions in persistence order, so the page starts right after the cursor.
    for (let index = lastSeq; index < this.#byPersistence.length; index++) {
      const stored = this.#byPersistence[index] as Stored;
      if (events.length >= limit) break;
      // Not visible yet: the page ends before it, so the next poll returns it once it is.
      if (stored.visibleAtMs > nowMs) break;
      lastSeq = stored.seq;
      if ((cursor !== undefined || stored.publishedMs >= since) && wanted(stored)) events.push(stored);
    }
    return { events: events.map((stored) => stored.event), next: nextQuery(params, { seq: lastSeq }) };
  }

  /** In `published` order between since and until; a next link only while more remain. */
  #bounded(
    params: URLSearchParams,
    options: {
      since: number | undefined;
      until: number;
      sortOrder: string;
      cursor: Cursor | undefined;
      limit: number;
      wanted: (stored: Stored) => boolean;
      nowMs: number;
    },
  ): LogPage {
    const { until, sortOrder, cursor, limit, wanted, nowMs } = options;
    const since = options.since ?? until - 7 * DAY_MS;
    const step = sortOrder === 'DESCENDING' ? -1 : 1;
    const after = cursor && 'publishedMs' in cursor ? cursor : undefined;
    // Where an event stands against the cursor in reading order: past it when > 0 (`published`, then persistence).
    const pastCursor = (stored: Stored) =>
      after === undefined || (stored.publishedMs - after.publishedMs || stored.seq - after.seq) * step > 0;
    const page: Stored[] = [];
    let more = false;
    // From the first event in range (or at the cursor), in `published` order, until a page and one more are found.
    const from = after?.publishedMs;
    const start =
      step > 0 ? this.#firstAtOrAfter(Math.max(since, from ?? since)) : this.#firstAtOrAfter(Math.min(until, (from ?? until - 1) + 1)) - 1;
    for (let index = start; index >= 0 && index < this.#events.length; index += step) {
      const stored = this.#events[index] as Stored;
      if (stored.publishedMs < since || stored.publishedMs >= until) {
        if (step > 0 ? stored.publishedMs >= until : stored.publishedMs < since) break;
        continue;
      }
      if (!pastCursor(stored)) continue;
      if (stored.visibleAtMs > nowMs || !wanted(stored)) continue;
      if (page.length === limit) {
        more = true;
        break;
      }
      page.push(stored);
    }
    const last = page.at(-1);
    return {
      events: page.map((stored) => stored.event),
      next: more && last ? nextQuery(params, { publishedMs: last.publishedMs, seq: last.seq }) : undefined,
    };
  }

  /** The index of the first event published at or after `ms` (binary search). */
  #firstAtOrAfter(ms: number): number {
    let low = 0;
    let high = this.#events.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.#events[middle] as Stored).publishedMs < ms) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** The next page's query: the same, with `after` in place of `since`. */
function nextQuery(params: URLSearchParams, cursor: Cursor): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete('since');
  next.set('after', encodeCursor(cursor));
  return next;
}
