/**
 * `clear-user --verify`: after the clears, the System Log's word on each. Every clear's request id is the
 * `transaction.id` of the `user.session.clear` and `user.session.end` events it caused; one polling read
 * finds them all (sessionsEndedBy); the newest sign-ins, then a lookup by id for the rest, say when and where
 * each ended session began (sessionDetails). A clear the log does not show in time is unverified, whatever Okta
 * answered: the run exits EXIT.unverified.
 */
import type { OktaSessions } from '../../client/client.js';
import { type ClearSeen, type LoggedSession, sessionsOf } from '../../client/log-sessions.js';
import type { LogEvent } from '../../types.js';
import { OktaForbiddenError } from '../../errors/classes.js';
import { EXIT } from '../exit.js';
import { isoSeconds } from '../output.js';
import type { AfterRun } from './run.js';
import type { BulkResult } from './outcomes.js';

/** The log is read from this long before the run began (clocks differ). */
const CLOCK_MARGIN_MS = 60_000;
/** How far back the ended sessions' sign-ins are looked for: findSessions' default window. */
const LOOKBACK_MS = 7 * 86_400_000;
/** Sessions a findSessions query names (its own chunking): what the lookup by id costs, in requests. */
const SESSIONS_PER_QUERY = 50;

/** Where and when a session began. */
type SessionDetail = Pick<LoggedSession, 'startedAt' | 'ipAddresses' | 'userAgents'>;

/**
 * Where each ended session began. The newest sign-ins first (`user.session.start`, newest to oldest): after a
 * clear of sessions that signed in lately, one page of 1000 holds them all; at most as many pages as the lookup
 * by id would cost, so it never costs more than twice that. What those pages did not hold, by id (findSessions).
 */
async function sessionDetails(client: OktaSessions, ids: readonly string[], since: Date): Promise<Map<string, SessionDetail>> {
  const wanted = new Set(ids);
  if (wanted.size === 0) return new Map();
  const budget = Math.ceil(wanted.size / SESSIONS_PER_QUERY);
  const starts: LogEvent[] = [];
  const found = new Set<string>();
  let pages = 0;
  for await (const page of client.logEvents({ filter: 'eventType eq "user.session.start"', since, sortOrder: 'DESCENDING' }).pages()) {
    for (const event of page.events) {
      const id = event.authenticationContext?.externalSessionId;
      if (id && wanted.has(id)) {
        starts.push(event);
        found.add(id);
      }
    }
    if (found.size === wanted.size || ++pages >= budget) break;
  }
  const details = new Map<string, SessionDetail>(sessionsOf(starts).map((session) => [session.externalSessionId, session]));
  const rest = ids.filter((id) => !details.has(id));
  if (rest.length > 0)
    for (const session of await client.findSessions({ externalSessionId: rest, since })) details.set(session.externalSessionId, session);
  return details;
}

/** Okta's refusal or the failure, and for a 403 the scope reading the log takes. */
function readFailure(error: unknown): string {
  const forbidden =
    error instanceof OktaForbiddenError ? ' (reading it takes the scope okta.logs.read, or an admin allowed to read it)' : '';
  return `${(error as Error).message}${forbidden}`;
}

/** One session a clear ended, as the log shows it. */
interface EndedSession {
  externalSessionId: string;
  endedAt: string | null;
  startedAt: string | null;
  ipAddresses: string[];
  userAgents: string[];
}

/** What --verify found for one user: one `--json` line. */
interface Verification {
  event: 'verified' | 'unverified';
  userId: string;
  login: string | null;
  requestId: string;
  sessionsEnded: EndedSession[];
  error?: string;
}

function endedSessions(seen: ClearSeen, details: ReadonlyMap<string, SessionDetail>): EndedSession[] {
  return seen.ended.flatMap((event) => {
    const id = event.authenticationContext?.externalSessionId;
    if (!id) return [];
    const detail = details.get(id);
    return [
      {
        externalSessionId: id,
        endedAt: event.published ?? null,
        startedAt: detail?.startedAt?.toISOString() ?? null,
        ipAddresses: detail?.ipAddresses ?? [],
        userAgents: detail?.userAgents ?? [],
      },
    ];
  });
}

function linesOf(verification: Verification, waitMs: number): string[] {
  const who = verification.login ? `${verification.userId} (${verification.login})` : verification.userId;
  if (verification.event === 'unverified') {
    const why = verification.error ?? `the System Log did not show clear ${verification.requestId} within ${waitMs / 1000}s`;
    return [`  ${who}: UNVERIFIED: ${why}`];
  }
  if (verification.sessionsEnded.length === 0) return [`  ${who}: the log shows the clear; it ended no session (none was open)`];
  return [
    `  ${who}: ended ${verification.sessionsEnded.length} session(s)`,
    ...verification.sessionsEnded.map((session) => {
      const started = session.startedAt ? `started ${isoSeconds(new Date(session.startedAt))}` : 'start not in the window read';
      const from = session.ipAddresses.length > 0 ? ` from ${session.ipAddresses.join(', ')}` : '';
      const agent = session.userAgents[0] ? ` (${session.userAgents[0]})` : '';
      return `    ${session.externalSessionId}  ${started}${from}${agent}`;
    }),
  ];
}

/**
 * The check after a clear-user run: per user cleared in it, the sessions the log shows the clear ended, waiting
 * up to `waitMs` for the log's lag. `runStartedAt`: when the run began, where reading starts.
 */
export function verifyClears(waitMs: number, runStartedAt: Date) {
  return async (client: OktaSessions, results: readonly BulkResult[], say: (event: string, text: string) => void): Promise<AfterRun> => {
    const clears = new Map<string, BulkResult>();
    for (const result of results) {
      if (result.outcome === 'cleared' && result.userId && result.requestId && !clears.has(result.userId))
        clears.set(result.userId, result);
    }
    if (clears.size === 0) return { lines: [], records: [], exitCode: undefined };
    const since = new Date(runStartedAt.getTime() - CLOCK_MARGIN_MS);
    say('verifying', `verifying: waiting up to ${waitMs / 1000}s for the System Log to show ${clears.size} clear(s)`);
    let seen: Map<string, ClearSeen> = new Map();
    let details = new Map<string, SessionDetail>();
    let failure: string | undefined;
    let detailsFailure: string | undefined;
    try {
      seen = await client.sessionsEndedBy(
        [...clears.values()].map((result) => result.requestId as string),
        { waitMs, since },
      );
    } catch (error) {
      // Without the log's word nothing is verified; the clears still happened.
      failure = `the System Log could not be read: ${readFailure(error)}`;
    }
    const endedIds = [...seen.values()].flatMap((entry) =>
      entry.ended.map((event) => event.authenticationContext?.externalSessionId ?? ''),
    );
    try {
      details = await sessionDetails(client, [...new Set(endedIds.filter(Boolean))], new Date(since.getTime() - LOOKBACK_MS));
    } catch (error) {
      // The clears are proved without them; say what is missing rather than drop it.
      detailsFailure = `where the ended sessions began could not be read: ${readFailure(error)}`;
    }
    const verifications: Verification[] = [...clears.values()].map((result) => {
      const entry = seen.get(result.requestId as string);
      const verified = entry?.clear !== undefined;
      return {
        event: verified ? 'verified' : 'unverified',
        userId: result.userId as string,
        login: result.login,
        requestId: result.requestId as string,
        sessionsEnded: entry && verified ? endedSessions(entry, details) : [],
        ...(verified ? {} : failure ? { error: failure } : {}),
      };
    });
    const unverified = verifications.filter((verification) => verification.event === 'unverified').length;
    const lines = [
      '',
      `Verified in the System Log: ${clears.size - unverified} of ${clears.size} clear(s)`,
      ...verifications.flatMap((verification) => linesOf(verification, waitMs)),
      ...(detailsFailure ? [`  (${detailsFailure})`] : []),
    ];
    if (detailsFailure) say('details', detailsFailure);
    if (unverified > 0) {
      const why = failure ? 'the log could not be read' : 'the log does not show them yet';
      lines.push(`${unverified} clear(s) unverified: Okta answered 204, but ${why}; check later with okta-sessions sessions --user <id>`);
    }
    return { lines, records: verifications, exitCode: unverified > 0 ? EXIT.unverified : undefined };
  };
}
