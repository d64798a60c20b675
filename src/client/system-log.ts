/**
 * The System Log on the client: what a page loads up front is only this; reading the log (log-events.ts) and
 * finding sessions in it (log-sessions.ts) are loaded on first use, so a page that never reads the log never
 * loads them.
 */
import { loadError } from '../errors/make.js';
import { loadOnUse } from '../helpers/load-on-use.js';
import { OPERATIONS } from '../operations.js';
import type { LogEvent } from '../types.js';
import type { ClientCore } from './core.js';
import type { LogPage, LogQuery } from './log-events.js';
import type { ClearRef, ClearSeen, FindSessionsQuery, LoggedSession, SessionsEndedByOptions } from './log-sessions.js';

/** A read of the log: `for await` its events, or `.pages()` for each page with its request id and rate limit. */
export interface LogEventStream extends AsyncIterable<LogEvent> {
  /** The same read a page at a time, each with its request id, rate limit and whether Okta gave a next page. */
  pages(): AsyncIterable<LogPage>;
}

const logEvents = loadOnUse(() => import('./log-events.js'));
const logSessions = loadOnUse(() => import('./log-sessions.js'));

function loaded<T>(load: () => Promise<T>): Promise<T> {
  return load().catch((error: unknown) => {
    throw loadError(OPERATIONS.listLogEvents, "the System Log reader (okta-sessions' client/log chunk)", error);
  });
}

/** `okta.logEvents()`: nothing is loaded or sent until it is read. */
export function logEventStream(core: ClientCore, query: LogQuery = {}): LogEventStream {
  async function* pages(): AsyncGenerator<LogPage> {
    yield* (await loaded(logEvents)).logPages(core, query);
  }
  return {
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page.events;
    },
  };
}

export async function findSessions(core: ClientCore, query: FindSessionsQuery): Promise<LoggedSession[]> {
  return (await loaded(logSessions)).findSessions(core, query);
}

export async function sessionsEndedBy(
  core: ClientCore,
  clears: readonly ClearRef[],
  options?: SessionsEndedByOptions,
): Promise<Map<string, ClearSeen>> {
  return (await loaded(logSessions)).sessionsEndedBy(core, clears, options);
}
