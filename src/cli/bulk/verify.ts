/**
 * `clear-user --verify`: after the clears, the System Log's word on each. Every clear's request id is the
 * `transaction.id` of the `user.session.clear` and `user.session.end` events it caused; one polling read
 * finds them all (sessionsEndedBy), one more per 50 ended sessions gives when and where each began. A clear
 * the log does not show in time is unverified, whatever Okta answered: the run exits EXIT.unverified.
 */
import type { OktaSessions } from '../../client/client.js';
import type { ClearSeen, LoggedSession } from '../../client/log-sessions.js';
import { OktaForbiddenError } from '../../errors/classes.js';
import { EXIT } from '../exit.js';
import { isoSeconds } from '../output.js';
import type { AfterRun } from './run.js';
import type { BulkResult } from './outcomes.js';

/** The log is read from this long before the run began (clocks differ). */
const CLOCK_MARGIN_MS = 60_000;

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

function endedSessions(seen: ClearSeen, details: ReadonlyMap<string, LoggedSession>): EndedSession[] {
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
    let details = new Map<string, LoggedSession>();
    let failure: string | undefined;
    try {
      seen = await client.sessionsEndedBy(
        [...clears.values()].map((result) => result.requestId as string),
        { waitMs, since },
      );
      const endedIds = [...seen.values()].flatMap((entry) =>
        entry.ended.map((event) => event.authenticationContext?.externalSessionId ?? ''),
      );
      const found = endedIds.some(Boolean)
        ? await client.findSessions({
            externalSessionId: [...new Set(endedIds.filter(Boolean))],
            since: new Date(since.getTime() - 7 * 86_400_000),
          })
        : [];
      details = new Map(found.map((session) => [session.externalSessionId, session]));
    } catch (error) {
      // Without the log's word nothing is verified; the clears still happened.
      const forbidden =
        error instanceof OktaForbiddenError ? ' (reading it takes the scope okta.logs.read, or an admin allowed to read it)' : '';
      failure = `the System Log could not be read: ${(error as Error).message}${forbidden}`;
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
    ];
    if (unverified > 0) {
      const why = failure ? 'the log could not be read' : 'the log does not show them yet';
      lines.push(`${unverified} clear(s) unverified: Okta answered 204, but ${why}; check later with okta-sessions sessions --user <id>`);
    }
    return { lines, records: verifications, exitCode: unverified > 0 ? EXIT.unverified : undefined };
  };
}
